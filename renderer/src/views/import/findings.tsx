// What the Import view's lists share: where a key was found, a chosen set, and the one search a
// view starts when nothing has been searched yet (the Import view, the first run's offer).
import { useEffect } from 'react';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import type { Finding } from './slice';

/** Where a key was found, masked: "sk-…7f3c · ~/.bashrc, line 3 · DASHSCOPE_API_KEY". */
export function FindingPlace({ finding }: { finding: Finding }) {
  const t = useT();
  return (
    <span className="finding-place">
      <code>{finding.masked}</code>{' '}
      {finding.file === null ? (
        <span>{t('window.import.inEnvironment')}</span>
      ) : (
        <span>
          <code>{finding.file}</code>
          {finding.line !== null && ` ${t('window.import.line', { line: finding.line })}`}
        </span>
      )}{' '}
      <code className="muted">{finding.variable}</code>
      {finding.commented && <span className="badge">{t('window.import.commented')}</span>}
      {finding.outsideHome && <span className="badge">{t('window.import.outsideHome')}</span>}
    </span>
  );
}

/** Searches once: a later visit shows the last search until the user searches again. */
export function useFirstKeySearch(): void {
  const searchKeys = useStore((store) => store.searchKeys);
  useEffect(() => {
    if (!useStore.getState().keySearch) void searchKeys();
  }, [searchKeys]);
}

/** The chosen set with `id` in it (`on`) or out of it: a new set, for React state. */
export const toggled = (set: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> => {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
};
