// A change to a file as it will be shown before or after it is made: unchanged lines around, the
// changed ones marked − and + (in the text, not by colour alone; named for a screen reader).
import type { DiffLine } from '../api';
import { useT } from '../i18n';

export function DiffLines({ lines, label }: { lines: readonly DiffLine[]; label: string }) {
  const t = useT();
  return (
    <pre className="diff" aria-label={label}>
      {lines.map((line, index) => (
        <div
          key={index}
          className={line.mark === '-' ? 'diff-removed' : line.mark === '+' ? 'diff-added' : undefined}
        >
          <span aria-hidden="true">{line.mark === '-' ? '−' : line.mark} </span>
          {line.mark !== ' ' && (
            <span className="visually-hidden">
              {line.mark === '-' ? t('window.common.removedLine') : t('window.common.addedLine')}{' '}
            </span>
          )}
          {/* A file's own words: not the window's to translate. */}
          <span translate="no">{line.text}</span>
        </div>
      ))}
    </pre>
  );
}
