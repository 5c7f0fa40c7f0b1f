// Before a key leaves its file, the change is shown — lines as they are and as they will be, keys
// masked — and a backup of each file is kept beside it.
import { useEffect, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { DiffLines } from '../../components/DiffLines';
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
            file.hunks.map((hunk) => (
              <DiffLines key={hunk.line} lines={hunk.lines} label={t('window.import.change')} />
            ))
          )}
        </section>
      ))}
    </Dialog>
  );
}
