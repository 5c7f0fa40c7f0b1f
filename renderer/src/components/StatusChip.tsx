// A check status as a coloured chip with its words; colour is never the only sign.
import { useT } from '../i18n';

const TONES: Record<string, 'good' | 'warn' | 'bad' | 'none'> = {
  ok: 'good',
  unverified: 'warn',
  'rate-limited': 'warn',
  quota: 'warn',
  timeout: 'warn',
  network: 'warn',
  'server-error': 'warn',
  unchecked: 'none',
};

export const toneOf = (status: string) => TONES[status] ?? 'bad';

export function StatusChip({ status }: { status: string }) {
  const t = useT();
  return <span className={`chip chip-${toneOf(status)}`}>{t(`status.${status}`)}</span>;
}
