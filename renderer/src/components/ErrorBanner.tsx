// The last action that failed, in the user's language, until dismissed or the next success.
import { errorMessage, useT } from '../i18n';
import { useStore } from '../store';

export function ErrorBanner() {
  const t = useT();
  const error = useStore((store) => store.error);
  const problem = useStore((store) => store.state?.problem?.code);
  const dismiss = useStore((store) => store.dismissError);
  // The problem banner already says it, with its fix.
  if (!error || error.code === problem) return null;
  return (
    <div className="banner banner-error" role="alert" data-code={error.code}>
      <span>{errorMessage(error, t)}</span>
      <button type="button" className="icon-button" onClick={dismiss} aria-label={t('window.common.dismiss')}>
        ×
      </button>
    </div>
  );
}
