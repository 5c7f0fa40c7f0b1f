// Asks before a key of the account changes — rotate, disable, enable, delete (offering to forget
// the stored key too) — then makes the change as a task (progress; Cancel until the service is
// asked). A rotation whose value the keychain refused hands it here, shown once.
import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import { Working } from '../../components/Working';
import { ShownOnceDialog } from './ShownOnceDialog';
import type { AccountKey, Rotation } from './slice';

export type KeyChange = 'rotate' | 'disable' | 'enable' | 'delete';

interface KeyChangeDialogProps {
  accountKey: AccountKey;
  change: KeyChange;
  onClose(): void;
}

export function KeyChangeDialog({ accountKey: key, change, onClose }: KeyChangeDialogProps) {
  const t = useT();
  const changing = useStore((store) => store.changingKey);
  const rotateKey = useStore((store) => store.rotateKey);
  const setKeyEnabled = useStore((store) => store.setKeyEnabled);
  const deleteKey = useStore((store) => store.deleteKey);
  const cancelKeyChange = useStore((store) => store.cancelKeyChange);
  const [forget, setForget] = useState(false);
  // The one value ever shown: held here, by this dialog, until it closes.
  const [shownOnce, setShownOnce] = useState<Rotation>();
  const name = key.stored?.label ?? key.apiKeyId;
  const target = { account: key.account, reference: key.stored?.keyId ?? key.apiKeyId };

  const submit = async () => {
    if (change === 'rotate') {
      const rotated = await rotateKey(target);
      if (rotated?.shownOnce) return setShownOnce(rotated);
      if (rotated) onClose();
      return;
    }
    const done =
      change === 'delete'
        ? await deleteKey(target, forget)
        : await setKeyEnabled(target, change === 'enable');
    if (done) onClose();
  };

  if (shownOnce?.shownOnce)
    return (
      <ShownOnceDialog
        value={shownOnce.shownOnce}
        keychainError={shownOnce.keychainError ?? ''}
        name={name}
        onClose={onClose}
      />
    );
  return (
    <Dialog
      title={t(`window.account.keys.confirm.${change}`, { name })}
      onClose={() => {
        // Closing while the service is asked does not lose its answer: the change goes on.
        if (!changing) onClose();
      }}
      actions={
        changing ? (
          <Working label={t('window.account.keys.working')} onCancel={cancelKeyChange} />
        ) : (
          <>
            <button type="button" onClick={onClose} autoFocus>
              {t('window.common.cancel')}
            </button>
            <button
              type="button"
              className={change === 'enable' ? 'primary' : 'danger'}
              onClick={() => void submit()}
            >
              {t(`window.account.keys.do.${change}`)}
            </button>
          </>
        )
      }
    >
      <p>
        {t('window.account.keys.which', {
          masked: key.maskedValue,
          id: key.apiKeyId,
          workspace: key.workspace.name,
          account: key.account,
        })}
      </p>
      <p className={change === 'enable' ? undefined : 'warning'}>
        {t(`window.account.keys.explain.${change === 'rotate' && !key.stored ? 'rotateLost' : change}`)}
      </p>
      {change === 'delete' && key.stored && (
        <label className="checkbox">
          <input type="checkbox" checked={forget} onChange={(event) => setForget(event.target.checked)} />{' '}
          {t('window.account.keys.forget', { label: key.stored.label })}
        </label>
      )}
    </Dialog>
  );
}
