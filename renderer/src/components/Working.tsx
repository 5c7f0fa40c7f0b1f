// Work under way whose length is unknown (Alibaba Cloud asked once, a tool's onboarding): an
// indeterminate progress, what it is, and Cancel — which stops it only where stopping loses nothing.
import { useT } from '../i18n';

export function Working({
  label,
  onCancel,
  autoFocus = false,
}: {
  label: string;
  onCancel(): void;
  /** Cancel takes the focus (in a dialog whose focused button this replaced). */
  autoFocus?: boolean;
}) {
  const t = useT();
  return (
    <div className="check-progress" role="group" aria-label={label}>
      <progress aria-label={label} />
      <span aria-live="polite">{label}</span>
      <button type="button" onClick={onCancel} autoFocus={autoFocus}>
        {t('window.common.cancel')}
      </button>
    </div>
  );
}
