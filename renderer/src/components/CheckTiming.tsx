// How long a key's last check took and how long ago it was: "182 ms · 4 minutes ago".
import { useLanguage, useT } from '../i18n';
import { timeAgo } from './when';

export function CheckTiming({ check }: { check: { latencyMs: number | null; at: string } }) {
  const t = useT();
  const language = useLanguage();
  return (
    <span className="muted">
      {check.latencyMs !== null && (
        <span className="separated">{t('window.keys.latency', { ms: Math.round(check.latencyMs) })}</span>
      )}
      <time className="separated" dateTime={check.at}>
        {timeAgo(check.at, language)}
      </time>
    </span>
  );
}
