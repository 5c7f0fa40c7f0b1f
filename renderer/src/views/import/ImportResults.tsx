// What the last import and the last removal came to, key by key and file by file.
import { errorMessage, regionName, useT } from '../../i18n';
import { useStore } from '../../store';

export function ImportResults() {
  const t = useT();
  const imported = useStore((store) => store.imported);
  const removed = useStore((store) => store.removed);
  if (!imported && !removed) return null;
  return (
    <section className="outcome" aria-labelledby="import-outcome">
      <h3 id="import-outcome" className="section-title">
        {t('window.import.outcome')}
      </h3>
      <ul>
        {imported?.map((entry) => (
          <li key={entry.findingIds.join()}>
            {entry.outcome === 'stored' && entry.key
              ? t('window.import.stored', {
                  label: entry.key.label,
                  masked: entry.masked,
                  region: regionName(entry.key.regionId, t),
                })
              : entry.outcome === 'already-stored'
                ? t('window.import.alreadyStored', { masked: entry.masked, label: entry.key?.label ?? '' })
                : t('window.import.failed', {
                    masked: entry.masked,
                    error: entry.error ? errorMessage(entry.error, t) : '',
                  })}
          </li>
        ))}
        {removed?.map((file) => (
          <li key={file.file}>
            {t(file.action === 'move' ? 'window.import.moved' : 'window.import.edited', {
              file: file.file,
              backup: file.backup,
            })}
          </li>
        ))}
      </ul>
      {removed && removed.length > 0 && <p className="muted">{t('window.import.backupsHoldKeys')}</p>}
    </section>
  );
}
