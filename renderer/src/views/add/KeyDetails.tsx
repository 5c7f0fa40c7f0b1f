// The last steps: region and plan (as detected, or the user's word), workspace (default or an id,
// with its name), a label (suggested), then Save.
import { useState } from 'react';
import { Field } from '../../components/Field';
import { RegionSelect } from '../../components/RegionSelect';
import { useT } from '../../i18n';
import { useStore } from '../../store';

export function KeyDetails() {
  const t = useT();
  const inspection = useStore((store) => store.inspection);
  const detection = useStore((store) => store.detection);
  const detecting = useStore((store) => store.detecting !== null);
  const activeRegionId = useStore((store) => store.state?.activeRegionId ?? '');
  const workspaces = useStore((store) => store.workspaces);
  const saveKey = useStore((store) => store.saveKey);
  const go = useStore((store) => store.go);
  const setFilter = useStore((store) => store.setFilter);
  const [regionId, setRegionId] = useState(activeRegionId);
  const [plan, setPlan] = useState(inspection?.defaultPlan ?? 'payg');
  const [workspaceId, setWorkspaceId] = useState('');
  const [label, setLabel] = useState(inspection?.suggestedLabel ?? '');

  // What detection found is the starting point; the user may still change it.
  const owner = detection?.owner;
  const [seenOwner, setSeenOwner] = useState(owner);
  if (owner !== seenOwner) {
    setSeenOwner(owner);
    if (owner) {
      setRegionId(owner.regionId);
      setPlan(owner.plan);
    }
  }

  if (!inspection) return null;
  const named = workspaces.filter(
    (workspace) => workspace.regionId === regionId && workspace.id !== 'default',
  );
  const workspaceName = named.find((workspace) => workspace.id === workspaceId.trim())?.name;
  const save = async () => {
    const keyId = await saveKey({
      label: label.trim(),
      regionId,
      plan,
      ...(workspaceId.trim() && { workspaceId: workspaceId.trim() }),
    });
    if (keyId) {
      setFilter({ text: '', regionId: '', workspaceId: '', status: '' });
      go('keys');
    }
  };
  return (
    <form
      className="key-details"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <RegionSelect label={t('window.add.region')} value={regionId} onChange={setRegionId} />
      {inspection.plans.length > 1 && (
        <Field label={t('window.add.plan')}>
          {(control) => (
            <select
              {...control}
              value={plan}
              onChange={(event) => setPlan(event.target.value as typeof plan)}
            >
              {inspection.plans.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {t(`plans.${candidate}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <label className="field">
        <span>{t('window.add.workspace')}</span>
        <input
          value={workspaceId}
          maxLength={100}
          placeholder={t('window.add.workspacePlaceholder')}
          list="known-workspaces"
          aria-describedby="workspace-help"
          onChange={(event) => setWorkspaceId(event.target.value)}
        />
        <datalist id="known-workspaces">
          {named.map((workspace) => (
            <option key={workspace.id} value={workspace.id}>
              {workspace.name ?? ''}
            </option>
          ))}
        </datalist>
      </label>
      <p id="workspace-help" className="muted">
        {workspaceName
          ? t('window.add.workspaceNamed', { name: workspaceName })
          : t('window.add.workspaceHelp')}
      </p>
      <label className="field">
        <span>{t('window.add.label')}</span>
        <input value={label} maxLength={200} onChange={(event) => setLabel(event.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={label.trim() === '' || detecting}>
        {t('window.add.save')}
      </button>
    </form>
  );
}
