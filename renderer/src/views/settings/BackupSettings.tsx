// Settings → Backup: every key sealed with a passphrase into one file (`msk backup create`), and
// back from such a file (`msk backup restore --merge`). The passphrase stays in the dialog's own
// state, which is gone when the dialog closes.
import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import type { RestoreOutcome } from './backup-slice';

/** Shorter than this, a passphrase is refused (as msk backup create refuses it: actions/backup.ts). */
const MIN_PASSPHRASE_CHARACTERS = 8;
/** Shorter than this, a passphrase is worth a second thought (said, not enforced: as the CLI). */
const SUGGESTED_LENGTH = 12;

export function BackupSettings() {
  const t = useT();
  const keyCount = useStore((store) => store.state?.keys.length ?? 0);
  const chooseBackupFile = useStore((store) => store.chooseBackupFile);
  const [open, setOpen] = useState<{ kind: 'create' } | { kind: 'restore'; file: string }>();
  return (
    <fieldset className="settings-group">
      <legend>{t('window.backup.title')}</legend>
      <p className="muted">{t('window.backup.explain')}</p>
      <div className="card-actions">
        <button type="button" disabled={keyCount === 0} onClick={() => setOpen({ kind: 'create' })}>
          {t('window.backup.create')}
        </button>
        <button
          type="button"
          onClick={() =>
            void chooseBackupFile().then((file) => file !== undefined && setOpen({ kind: 'restore', file }))
          }
        >
          {t('window.backup.restore')}
        </button>
      </div>
      {keyCount === 0 && <p className="muted">{t('window.backup.nothingYet')}</p>}
      {open?.kind === 'create' && (
        <CreateBackupDialog keyCount={keyCount} onClose={() => setOpen(undefined)} />
      )}
      {open?.kind === 'restore' && (
        <RestoreBackupDialog file={open.file} onClose={() => setOpen(undefined)} />
      )}
    </fieldset>
  );
}

function CreateBackupDialog({ keyCount, onClose }: { keyCount: number; onClose(): void }) {
  const t = useT();
  const createBackup = useStore((store) => store.createBackup);
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  const [tried, setTried] = useState(false);
  const problem =
    [...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_CHARACTERS
      ? 'window.backup.tooShort'
      : passphrase !== repeated
        ? 'window.backup.mismatch'
        : undefined;
  const submit = async () => {
    setTried(true);
    if (problem === undefined && (await createBackup(passphrase)) !== undefined) onClose();
  };
  return (
    <Dialog
      title={t('window.backup.createTitle', { count: keyCount })}
      onClose={onClose}
      onSubmit={() => void submit()}
      submit={{ label: t('window.backup.chooseWhere') }}
    >
      <p>{t('window.backup.createExplain')}</p>
      <Field
        label={t('window.backup.passphrase')}
        help={
          passphrase.length < SUGGESTED_LENGTH
            ? t('window.backup.longer', { count: SUGGESTED_LENGTH })
            : undefined
        }
      >
        {(control) => (
          <PassphraseInput
            {...control}
            value={passphrase}
            onChange={setPassphrase}
            autoComplete="new-password"
          />
        )}
      </Field>
      <Field label={t('window.backup.repeat')}>
        {(control) => (
          <PassphraseInput
            {...control}
            value={repeated}
            onChange={setRepeated}
            autoComplete="new-password"
            invalid={tried && problem !== undefined}
          />
        )}
      </Field>
      {tried && problem && (
        <p className="field-error" role="alert">
          {t(problem, { count: MIN_PASSPHRASE_CHARACTERS })}
        </p>
      )}
    </Dialog>
  );
}

function RestoreBackupDialog({ file, onClose }: { file: string; onClose(): void }) {
  const t = useT();
  const restoreBackup = useStore((store) => store.restoreBackup);
  const [passphrase, setPassphrase] = useState('');
  const [outcome, setOutcome] = useState<RestoreOutcome>();
  if (outcome) {
    return (
      <Dialog
        title={t('window.backup.restoredTitle')}
        onClose={onClose}
        actions={
          <button type="button" className="primary" onClick={onClose} autoFocus>
            {t('window.common.done')}
          </button>
        }
      >
        <RestoreSummary outcome={outcome} />
      </Dialog>
    );
  }
  const submit = async () => {
    if (passphrase === '') return;
    const restored = await restoreBackup(file, passphrase);
    if (restored) setOutcome(restored);
  };
  return (
    <Dialog
      title={t('window.backup.restoreTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      submit={{ label: t('window.backup.restoreSubmit'), disabled: passphrase === '' }}
    >
      <p>
        <code>{file}</code>
      </p>
      <p>{t('window.backup.restoreExplain')}</p>
      <Field label={t('window.backup.passphrase')}>
        {(control) => (
          <PassphraseInput
            {...control}
            value={passphrase}
            onChange={setPassphrase}
            autoComplete="current-password"
          />
        )}
      </Field>
    </Dialog>
  );
}

function RestoreSummary({ outcome }: { outcome: RestoreOutcome }) {
  const t = useT();
  const { restored, skipped, workspaceCount } = outcome;
  return (
    <>
      <p>{t('window.backup.restored', { count: restored.length })}</p>
      {restored.length > 0 && (
        <ul>
          {restored.map(({ label, backupLabel }) => (
            <li key={label}>
              {label === backupLabel ? label : t('window.backup.relabelled', { label, backupLabel })}
            </li>
          ))}
        </ul>
      )}
      {skipped.length > 0 && (
        <>
          <p>{t('window.backup.skipped', { count: skipped.length })}</p>
          <ul>
            {skipped.map(({ label, heldAs }) => (
              <li key={label}>{t('window.backup.heldAs', { label, heldAs })}</li>
            ))}
          </ul>
        </>
      )}
      {workspaceCount > 0 && <p>{t('window.backup.workspaces', { count: workspaceCount })}</p>}
    </>
  );
}

interface PassphraseInputProps {
  id: string;
  'aria-describedby'?: string;
  value: string;
  onChange(value: string): void;
  autoComplete: 'new-password' | 'current-password';
  invalid?: boolean;
}

function PassphraseInput({ value, onChange, invalid, ...rest }: PassphraseInputProps) {
  return (
    <input
      {...rest}
      type="password"
      spellCheck={false}
      maxLength={1024}
      value={value}
      aria-invalid={invalid}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
