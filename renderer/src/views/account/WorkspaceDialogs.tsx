// Creating a workspace in the account (a name; the site's home region unless another is chosen)
// and deleting one, asked first. Alibaba Cloud refuses to delete the default workspace and one
// that still holds keys: the dialog says which, in the user's language.
import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { regionName, useT } from '../../i18n';
import { useStore } from '../../store';
import type { AccountWorkspace } from './slice';
import { Working } from '../../components/Working';

export function CreateWorkspaceDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const accounts = useStore((store) => store.state?.accounts ?? []);
  const workspaces = useStore((store) => store.accountWorkspaces ?? []);
  const changing = useStore((store) => store.changingKey);
  const createWorkspace = useStore((store) => store.createWorkspace);
  const cancelKeyChange = useStore((store) => store.cancelKeyChange);
  const [account, setAccount] = useState(accounts[0]?.name ?? '');
  const [name, setName] = useState('');
  const [regionId, setRegionId] = useState('');
  // The regions the account has workspaces in: where Model Studio is open to it.
  const regions = [
    ...new Set(workspaces.filter((row) => row.account === account).map((row) => row.regionId)),
  ];
  const submit = async () => {
    if (changing || name.trim() === '') return;
    const created = await createWorkspace({ account, name: name.trim(), ...(regionId && { regionId }) });
    if (created) onClose();
  };
  return (
    <Dialog
      title={t('window.account.workspace.createTitle')}
      onClose={() => {
        if (!changing) onClose();
      }}
      onSubmit={() => void submit()}
      {...(changing
        ? { actions: <Working label={t('window.account.keys.working')} onCancel={cancelKeyChange} /> }
        : { submit: { label: t('window.account.workspace.create'), disabled: name.trim() === '' } })}
    >
      {accounts.length > 1 && (
        <Field label={t('window.account.column.account')}>
          {(control) => (
            <select {...control} value={account} onChange={(event) => setAccount(event.target.value)}>
              {accounts.map((candidate) => (
                <option key={candidate.name} value={candidate.name}>
                  {candidate.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label={t('window.account.workspace.name')}>
        {(control) => (
          <input {...control} maxLength={64} value={name} onChange={(event) => setName(event.target.value)} />
        )}
      </Field>
      <Field label={t('window.account.column.region')}>
        {(control) => (
          <select {...control} value={regionId} onChange={(event) => setRegionId(event.target.value)}>
            <option value="">{t('window.account.workspace.homeRegion')}</option>
            {regions.map((region) => (
              <option key={region} value={region}>
                {regionName(region, t)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </Dialog>
  );
}

export function DeleteWorkspaceDialog({
  workspace,
  onClose,
}: {
  workspace: AccountWorkspace;
  onClose(): void;
}) {
  const t = useT();
  const changing = useStore((store) => store.changingKey);
  const deleteWorkspace = useStore((store) => store.deleteWorkspace);
  const cancelKeyChange = useStore((store) => store.cancelKeyChange);
  return (
    <Dialog
      title={t('window.account.workspace.deleteTitle', { name: workspace.name })}
      onClose={() => {
        if (!changing) onClose();
      }}
      onSubmit={() => void deleteWorkspace(workspace).then((done) => done && onClose())}
      {...(changing
        ? { actions: <Working label={t('window.account.keys.working')} onCancel={cancelKeyChange} /> }
        : { submit: { label: t('window.account.keys.do.delete'), className: 'danger' } })}
    >
      <p>
        {t('window.account.workspace.which', {
          id: workspace.workspaceId,
          region: regionName(workspace.regionId, t),
          account: workspace.account,
        })}
      </p>
      <p className="warning">{t('window.account.workspace.deleteExplain')}</p>
    </Dialog>
  );
}
