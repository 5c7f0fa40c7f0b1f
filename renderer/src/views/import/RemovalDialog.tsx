// Before a key leaves its file, the change is shown — lines as they are and as they will be, keys
// masked — and a backup of each file is kept beside it.
import { useEffect, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import type { RemovalPreview } from './slice';

export function RemovalDialog({ ids, onClose }: { ids: string[]; onClose(): void }) {
  const t = useT();
  const previewRemoval = useStore((store) => store.previewRemoval);
  const removeFromFiles = useStore((store) => store.removeFromFiles);
  const [preview, setPreview] = useState<RemovalPreview>();
  useEffect(() => {
    void previewRemoval(ids).then(setPreview);
  }, [previewRemoval, ids]);
  return (
    <Dialog
      title={t('window.import.reviewTitle')}
      onClose={onClose}
      onSubmit={() => void removeFromFiles(ids).then((done) => done && onClose())}
      submit={{ label: t('window.import.remove'), disabled: !preview }}
    >
      <p>{t('window.import.reviewExplain')}</p>
      {preview?.map((file) => (
        <section key={file.file} aria-label={file.file}>
          <h3 className="diff-file">
            <code>{file.file}</code>
          </h3>
          {file.action === 'move' ? (
            <p>{t('window.import.willMove')}</p>
          ) : (
            file.hunks.map((hunk) => <Hunk key={hunk.line} before={hunk.before} after={hunk.after} />)
          )}
        </section>
      ))}
    </Dialog>
  );
}

/** Lines as they are and as they will be: unchanged lines around, the changed ones marked − and +. */
function Hunk({ before, after }: { before: string[]; after: string[] }) {
  const t = useT();
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  )
    tail++;
  const lines = [
    ...before.slice(0, head).map((text) => ({ mark: ' ', text })),
    ...before.slice(head, before.length - tail).map((text) => ({ mark: '−', text })),
    ...after.slice(head, after.length - tail).map((text) => ({ mark: '+', text })),
    ...before.slice(before.length - tail).map((text) => ({ mark: ' ', text })),
  ];
  return (
    <pre className="diff" aria-label={t('window.import.change')}>
      {lines.map((line, index) => (
        <div
          key={index}
          className={line.mark === '−' ? 'diff-removed' : line.mark === '+' ? 'diff-added' : undefined}
        >
          <span aria-hidden="true">{line.mark} </span>
          {line.mark !== ' ' && (
            <span className="visually-hidden">
              {line.mark === '−' ? t('window.import.removedLine') : t('window.import.addedLine')}{' '}
            </span>
          )}
          {line.text}
        </div>
      ))}
    </pre>
  );
}
