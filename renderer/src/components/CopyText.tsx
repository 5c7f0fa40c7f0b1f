// A value that is not a secret (a base URL, a policy) with a button that copies it, under a short
// caption; `block` keeps its lines (a policy's JSON).
import { useStore } from '../store';
import { useT } from '../i18n';

export function CopyText({
  value,
  label,
  caption,
  block = false,
}: {
  value: string;
  label: string;
  caption?: string;
  block?: boolean;
}) {
  const t = useT();
  const say = useStore((store) => store.say);
  const attempt = useStore((store) => store.attempt);
  return (
    <div className={block ? 'copy-text copy-block' : 'copy-text'}>
      {caption && <span className="caption">{caption}</span>}
      {block ? (
        <pre>
          <code>{value}</code>
        </pre>
      ) : (
        <code>{value}</code>
      )}
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
