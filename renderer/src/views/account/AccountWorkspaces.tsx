// Every workspace of the connected accounts in every region: its name, id, region, its own
// domain, and its keys in the account and here. Listing asks every region: progress and cancel.
import { regionName, useT } from '../../i18n';
import { useStore } from '../../store';
import { ListingHeader } from './ListingHeader';

export function AccountWorkspaces() {
  const t = useT();
  const workspaces = useStore((store) => store.accountWorkspaces);
  const listing = useStore((store) => store.listingWorkspaces);
  const loadAccounts = useStore((store) => store.loadAccounts);
  const cancelWorkspaces = useStore((store) => store.cancelWorkspaces);
  const column = (name: string) => t(`window.account.column.${name}`);
  return (
    <section aria-labelledby="account-workspaces-title">
      <ListingHeader
        id="account-workspaces-title"
        title={t('window.account.workspaces')}
        progress={listing}
        onRefresh={() => void loadAccounts()}
        onCancel={cancelWorkspaces}
      />
      {workspaces?.length === 0 && <p className="muted">{t('window.account.noWorkspaces')}</p>}
      {workspaces && workspaces.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('window.account.workspaces')}>
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
                  <td>{workspace.accountKeys ?? '–'}</td>
                  <td>{workspace.storedKeys}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
