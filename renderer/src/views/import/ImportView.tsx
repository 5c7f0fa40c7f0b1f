// Import: Model Studio keys found lying in shell start-up files, .env files and tool settings,
// brought into the keychain (the rules of "Add key"), then — on request, after the change is
// shown — taken out of those files, a backup of each kept beside it. `msk import` does the same.
import { useState } from 'react';
import { useListFormat, useT } from '../../i18n';
import { useStore } from '../../store';
import { FindingPlace, toggled, useFirstKeySearch } from './findings';
import { ImportForm } from './ImportForm';
import { ImportResults } from './ImportResults';
import { RemovalDialog } from './RemovalDialog';
import type { Finding } from './slice';

export function ImportView() {
  const t = useT();
  const listFormat = useListFormat();
  const keySearch = useStore((store) => store.keySearch);
  const searching = useStore((store) => store.searching);
  const searchFolders = useStore((store) => store.searchFolders);
  const searchKeys = useStore((store) => store.searchKeys);
  const addSearchFolder = useStore((store) => store.addSearchFolder);
  useFirstKeySearch();
  const findings = keySearch?.findings ?? [];
  const toImport = findings.filter((finding) => finding.stored === null);
  const stillInFiles = findings.filter((finding) => finding.stored !== null && finding.file !== null);
  return (
    <section className="view" aria-labelledby="import-title">
      <h2 id="import-title" className="view-title">
        {t('window.import.title')}
      </h2>
      <p className="muted">{t('window.import.explain')}</p>
      <div className="card-actions">
        <button type="button" onClick={() => void searchKeys()} disabled={searching}>
          {t('window.import.searchAgain')}
        </button>
        <button type="button" onClick={() => void addSearchFolder()} disabled={searching}>
          {t('window.import.addFolder')}
        </button>
      </div>
      {searchFolders.length > 0 && (
        <p className="muted">{t('window.import.folders', { folders: listFormat.format(searchFolders) })}</p>
      )}
      <ImportResults />
      {searching && !keySearch ? (
        <p role="status">{t('window.import.searching')}</p>
      ) : (
        keySearch && (
          <>
            {findings.length === 0 && <p>{t('window.import.nothingFound')}</p>}
            {/* A new search starts each list afresh (its ids, its default choices). */}
            {toImport.length > 0 && <ImportForm key={idsOf(toImport)} findings={toImport} />}
            {stillInFiles.length > 0 && <StillInFiles key={idsOf(stillInFiles)} findings={stillInFiles} />}
            <SearchNotes notes={keySearch.notes} />
          </>
        )
      )}
    </section>
  );
}

/** Keys the keychain holds now that still lie in plain text in a file: offered for removal. */
function StillInFiles({ findings }: { findings: Finding[] }) {
  const t = useT();
  const removable = findings.filter((finding) => finding.removal !== null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(
    () => new Set(removable.map((finding) => finding.id)),
  );
  const [reviewing, setReviewing] = useState<string[]>();
  const ids = removable.filter((finding) => chosen.has(finding.id)).map((finding) => finding.id);
  return (
    <section aria-labelledby="still-in-files">
      <h3 id="still-in-files" className="section-title">
        {t('window.import.stillInFiles', { count: findings.length })}
      </h3>
      <p className="muted">{t('window.import.stillExplain')}</p>
      <ul className="finding-list">
        {findings.map((finding) => (
          <li key={finding.id} className="finding">
            {finding.removal === null ? (
              <>
                <FindingPlace finding={finding} />
                <p className="muted">{t('window.import.removeYourself')}</p>
              </>
            ) : (
              <label className="finding-choice">
                <input
                  type="checkbox"
                  checked={chosen.has(finding.id)}
                  onChange={(event) =>
                    setChosen((before) => toggled(before, finding.id, event.target.checked))
                  }
                />
                <FindingPlace finding={finding} />
              </label>
            )}
            <p className="muted">{t('window.import.storedAs', { label: finding.stored?.label ?? '' })}</p>
          </li>
        ))}
      </ul>
      <button type="button" disabled={ids.length === 0} onClick={() => setReviewing(ids)}>
        {t('window.import.review', { count: ids.length })}
      </button>
      {reviewing && <RemovalDialog ids={reviewing} onClose={() => setReviewing(undefined)} />}
    </section>
  );
}

function SearchNotes({ notes }: { notes: { file: string; message: string }[] }) {
  const t = useT();
  if (notes.length === 0) return null;
  return (
    <details className="search-notes">
      <summary>{t('window.import.notes', { count: notes.length })}</summary>
      <ul>
        {notes.map((note) => (
          <li key={note.file}>
            <code>{note.file}</code>: {note.message}
          </li>
        ))}
      </ul>
    </details>
  );
}

const idsOf = (findings: readonly Finding[]): string => findings.map((finding) => finding.id).join();
