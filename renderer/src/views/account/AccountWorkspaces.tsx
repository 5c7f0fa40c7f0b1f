// Every workspace of the connected accounts in every region: its name, id, region, its own
// domain, and its keys in the account and here. Listing asks every region: progress and cancel.
import { regionName, useT } from '../../i18n';
import { useStore } from '../../store';

export function AccountWorkspaces() {
  const t = useT();
  const workspaces = useStore((store) => store.accountWorkspaces);
  const listing = useStore((store) => store.listingWorkspaces);
  const loadAccounts = useStore((store) => store.loadAccounts);
  const cancelWorkspaces = useStore((store) => store.cancelWorkspaces);
  const column = (name: string) => t(`window.account.column.${name}`);
  const asking = listing ? t('window.account.asking', { done: listing.done, total: listing.total }) : '';
  return (
    <section aria-labelledby="account-workspaces-title">
      <div className="view-header">
        <h3 id="account-workspaces-title" className="section-title">
          {t('window.account.workspaces')}
        </h3>
        {listing ? (
          <div className="check-progress" role="group" aria-label={t('window.account.workspaces')}>
            <progress max={Math.max(listing.total, 1)} value={listing.done} aria-label={asking} />
            <span aria-live="polite">{asking}</span>
            <button type="button" onClick={cancelWorkspaces}>
              {t('window.common.cancel')}
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => void loadAccounts()}>
            {t('window.account.refresh')}
          </button>
        )}
      </div>
      {workspaces?.length === 0 && <p className="muted">{t('window.account.noWorkspaces')}</p>}
      {workspaces && workspaces.length > 0 && (
        <table className="table" aria-labelledby="account-workspaces-title">
          <thead>
            <tr>
              {['account', 'name', 'id', 'region', 'domain', 'accountKeys', 'storedKeys'].map((name) => (
                <th key={name} scope="col">
                  {column(name)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {workspaces.map((workspace) => (
              <tr key={`${workspace.account}/${workspace.regionId}/${workspace.workspaceId}`}>
                <td>{workspace.account}</td>
                <th scope="row">{workspace.name}</th>
                <td>
                  <code>{workspace.workspaceId}</code>
                </td>
                <td>{regionName(workspace.regionId, t)}</td>
                <td>{workspace.apiHost ? <code>{workspace.apiHost}</code> : '–'}</td>
                <td>{workspace.accountKeys}</td>
                <td>{workspace.storedKeys}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
