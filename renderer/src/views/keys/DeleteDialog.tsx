// Deleting asks first, and says why it may be for good: newer keys are shown once, at creation.
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import type { KeyView } from './group-keys';

export function DeleteDialog({ keyView: key, onClose }: { keyView: KeyView; onClose(): void }) {
  const t = useT();
  const removeKey = useStore((store) => store.removeKey);
  return (
    <Dialog
      title={t('window.delete.title', { label: key.label })}
      onClose={onClose}
      onSubmit={() => void removeKey(key.id).then((removed) => removed && onClose())}
      submit={{ label: t('window.delete.submit'), className: 'danger' }}
    >
      <p>{t('window.delete.what', { label: key.label, masked: key.masked })}</p>
      <p className="warning">{t('window.delete.once')}</p>
    </Dialog>
  );
}
