// The one time a key's value is shown: a rotation whose new value the keychain would not take
// after every try. The old value no longer works and this one exists nowhere else, so it is shown
// here once, with a warning, to be selected and kept by hand (no copy button: the app's clipboard
// rule is to clear what it copies, which the window cannot do for a value main does not hold);
// closing forgets it.
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n';

interface ShownOnceDialogProps {
  value: string;
  keychainError: string;
  name: string;
  onClose(): void;
}

export function ShownOnceDialog({ value, keychainError, name, onClose }: ShownOnceDialogProps) {
  const t = useT();
  return (
    <Dialog
      title={t('window.account.keys.shownOnce.title', { name })}
      onClose={onClose}
      actions={
        <button type="button" className="primary" onClick={onClose}>
          {t('window.account.keys.shownOnce.done')}
        </button>
      }
    >
      <p className="warning" role="alert">
        {t('window.account.keys.shownOnce.warning', { message: keychainError })}
      </p>
      <p>
        <code className="key-secret" translate="no">
          {value}
        </code>
      </p>
    </Dialog>
  );
}
