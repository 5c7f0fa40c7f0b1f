// Work under way whose length is unknown (Alibaba Cloud asked once): an indeterminate progress,
// what it is, and Cancel — which stops it only where stopping loses nothing.
import { useT } from '../../i18n';

export function Working({ label, onCancel }: { label: string; onCancel(): void }) {
  const t = useT();
  return (
    <div className="check-progress" role="group" aria-label={label}>
      <progress aria-label={label} />
      <span aria-live="polite">{label}</span>
      <button type="button" onClick={onCancel}>
        {t('window.common.cancel')}
      </button>
    </div>
  );
}
