import { useStore } from '../store';

export function ErrorBanner() {
  const error = useStore((store) => store.error);
  const dismiss = useStore((store) => store.dismissError);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      <span>{error}</span>
      <button type="button" onClick={dismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
