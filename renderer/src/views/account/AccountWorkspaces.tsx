// Every workspace of the connected accounts in every region: its name, id, region, its own
// domain, and its keys in the account and here; a new one, or one deleted (asked first). Listing
// asks every region: progress and cancel.
import { useState } from 'react';
import { regionName, useT } from '../../i18n';
import { useStore } from '../../store';
import { ListingHeader } from './ListingHeader';
import type { AccountWorkspace } from './slice';
import { CreateWorkspaceDialog, DeleteWorkspaceDialog } from './WorkspaceDialogs';

export function AccountWorkspaces() {
  const t = useT();
  const workspaces = useStore((store) => store.accountWorkspaces);
  const listing = useStore((store) => store.listingWorkspaces);
  const loadAccounts = useStore((store) => store.loadAccounts);
  const cancelWorkspaces = useStore((store) => store.cancelWorkspaces);
  const column = (name: string) => t(`window.account.column.${name}`);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<AccountWorkspace>();
  return (
    <section aria-labelledby="account-workspaces-title">
      <ListingHeader
        id="account-workspaces-title"
        title={t('window.account.workspaces')}
        progress={listing}
        onRefresh={() => void loadAccounts()}
        onCancel={cancelWorkspaces}
      />
      <button type="button" onClick={() => setCreating(true)}>
        {t('window.account.workspace.create')}
      </button>
      {workspaces?.length === 0 && <p className="muted">{t('window.account.noWorkspaces')}</p>}
      {workspaces && workspaces.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('window.account.workspaces')}>
          <table className="table" aria-labelledby="account-workspaces-title">
            <thead>
              <tr>
                {['account', 'name', 'id', 'region', 'domain', 'accountKeys', 'storedKeys', 'actions'].map(
                  (name) => (
                    <th key={name} scope="col">
                      {column(name)}
                    </th>
                  ),
                )}
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
                  <td>
                    <button
                      type="button"
                      className="small danger"
                      aria-label={t('window.account.keys.named.delete', { name: workspace.name })}
                      onClick={() => setDeleting(workspace)}
                    >
                      {t('window.account.keys.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {creating && <CreateWorkspaceDialog onClose={() => setCreating(false)} />}
      {deleting && <DeleteWorkspaceDialog workspace={deleting} onClose={() => setDeleting(undefined)} />}
    </section>
  );
}
