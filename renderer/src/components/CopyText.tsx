// A value that is not a secret (a base URL) with a button that copies it, under a short caption.
import { useStore } from '../store';
import { useT } from '../i18n';

export function CopyText({ value, label, caption }: { value: string; label: string; caption?: string }) {
  const t = useT();
  const say = useStore((store) => store.say);
  const attempt = useStore((store) => store.attempt);
  return (
    <div className="copy-text">
      {caption && <span className="caption">{caption}</span>}
      <code>{value}</code>
      <button
        type="button"
        className="small"
        aria-label={t('window.common.copyNamed', { name: label })}
        onClick={() =>
          void attempt(async () => {
            await navigator.clipboard.writeText(value);
            say({ key: 'window.common.copiedText', params: { name: label } });
          })
        }
      >
        {t('window.common.copy')}
      </button>
    </div>
  );
}
