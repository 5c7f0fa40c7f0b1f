// Files a key under another region (and workspace): what a wrong-region check asks for.
import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { RegionSelect } from '../../components/RegionSelect';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import type { KeyView } from './group-keys';

export interface MoveRequest {
  key: KeyView;
  /** Preselected: where a check found the key works. */
  regionId?: string | undefined;
  plan?: KeyView['plan'] | undefined;
}

export function MoveDialog({ request, onClose }: { request: MoveRequest; onClose(): void }) {
  const t = useT();
  const moveKey = useStore((store) => store.moveKey);
  const { key } = request;
  const [regionId, setRegionId] = useState(request.regionId ?? key.regionId);
  const [workspaceId, setWorkspaceId] = useState(key.workspaceId);
  const submit = async () => {
    const moved = await moveKey({
      keyId: key.id,
      regionId,
      ...(request.plan && { plan: request.plan }),
      workspaceId: workspaceId.trim() === '' ? 'default' : workspaceId.trim(),
    });
    if (moved) onClose();
  };
  return (
    <Dialog
      title={t('window.move.title', { label: key.label })}
      onClose={onClose}
      onSubmit={() => void submit()}
      submit={{ label: t('window.move.submit') }}
    >
      <p>{t('window.move.explain')}</p>
      <RegionSelect label={t('window.move.region')} value={regionId} onChange={setRegionId} />
      <label className="field">
        <span>{t('window.move.workspace')}</span>
        <input value={workspaceId} maxLength={100} onChange={(event) => setWorkspaceId(event.target.value)} />
      </label>
      {request.plan && request.plan !== key.plan && (
        <p className="muted">{t('window.move.plan', { plan: t(`plans.${request.plan}`) })}</p>
      )}
    </Dialog>
  );
}
