// Create a key in a workspace of the account: a label here, and optionally a description there,
// the models it may call and the addresses it may come from. Its value goes from the service
// straight into the keychain; the window only hears its label and how its first check went.
import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { regionName, useT } from '../../i18n';
import { useStore } from '../../store';
import { Working } from '../../components/Working';

/** `a, b c` → ['a', 'b', 'c']; empty → undefined (no limit). */
const listOf = (text: string): string[] | undefined => {
  const entries = text.split(/[\s,]+/).filter(Boolean);
  return entries.length > 0 ? entries : undefined;
};

export function CreateKeyDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const workspaces = useStore((store) => store.accountWorkspaces ?? []);
  const changing = useStore((store) => store.changingKey);
  const createKey = useStore((store) => store.createKey);
  const cancelKeyChange = useStore((store) => store.cancelKeyChange);
  const [where, setWhere] = useState(0);
  const [label, setLabel] = useState('');
  const [description, setDescription] = useState('');
  const [models, setModels] = useState('');
  const [ips, setIps] = useState('');
  const workspace = workspaces[where];

  const submit = async () => {
    if (!workspace || changing) return;
    const created = await createKey({
      account: workspace.account,
      workspace: workspace.workspaceId,
      regionId: workspace.regionId,
      label: label.trim(),
      ...(description.trim() && { description: description.trim() }),
      ...(listOf(models) && { models: listOf(models) }),
      ...(listOf(ips) && { ips: listOf(ips) }),
    });
    if (created) onClose();
  };

  return (
    <Dialog
      title={t('window.account.keys.createTitle')}
      onClose={() => {
        if (!changing) onClose();
      }}
      onSubmit={() => void submit()}
      {...(changing
        ? {
            actions: <Working label={t('window.account.keys.working')} onCancel={cancelKeyChange} />,
          }
        : {
            submit: {
              label: t('window.account.keys.create'),
              disabled: !workspace || label.trim() === '',
            },
          })}
    >
      <Field label={t('window.account.keys.workspace')}>
        {(control) => (
          <select {...control} value={where} onChange={(event) => setWhere(Number(event.target.value))}>
            {workspaces.map((candidate, index) => (
              <option
                key={`${candidate.account}/${candidate.regionId}/${candidate.workspaceId}`}
                value={index}
              >
                {t('window.account.keys.workspaceChoice', {
                  name: candidate.name,
                  region: regionName(candidate.regionId, t),
                  account: candidate.account,
                })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('window.account.keys.label')} help={t('window.account.keys.labelHelp')}>
        {(control) => (
          <input
            {...control}
            maxLength={64}
            value={label}
            onChange={(event) => setLabel(event.target.value)}
          />
        )}
      </Field>
      <Field label={t('window.account.keys.description')}>
        {(control) => (
          <input
            {...control}
            maxLength={256}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        )}
      </Field>
      <Field label={t('window.account.keys.models')} help={t('window.account.keys.modelsHelp')}>
        {(control) => (
          <input
            {...control}
            spellCheck={false}
            value={models}
            onChange={(event) => setModels(event.target.value)}
          />
        )}
      </Field>
      <Field label={t('window.account.keys.ips')} help={t('window.account.keys.ipsHelp')}>
        {(control) => (
          <input
            {...control}
            spellCheck={false}
            value={ips}
            onChange={(event) => setIps(event.target.value)}
          />
        )}
      </Field>
    </Dialog>
  );
}
