// An empty vault: keys already lying in files on this computer (offered for import), where keys
// come from (the seed's steps), each region's API-key page, Add key.
import { regionName, useT } from '../../i18n';
import { useStore } from '../../store';
import { useFirstKeySearch } from '../import/findings';

export function FirstRun() {
  const t = useT();
  const regions = useStore((store) => store.state?.regions ?? []);
  const go = useStore((store) => store.go);
  // Read-only and local: the usual files are looked at, nothing is sent anywhere.
  useFirstKeySearch();
  const found = useStore(
    (store) =>
      store.keySearch?.findings.filter((finding) => finding.stored === null && !finding.commented).length ??
      0,
  );
  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">{t('window.firstRun.title')}</h2>
      {found > 0 && (
        <div className="callout">
          <p>{t('window.firstRun.found', { count: found })}</p>
          <button type="button" className="primary" onClick={() => go('import')}>
            {t('window.firstRun.import')}
          </button>
        </div>
      )}
      <ol>
        <li>{t('window.firstRun.step1')}</li>
        <li>{t('window.firstRun.step2')}</li>
        <li>{t('window.firstRun.step3')}</li>
      </ol>
      <ul className="link-list" aria-label={t('window.firstRun.pages')}>
        {regions
          .filter((region) => !region.workspaceOnly)
          .map((region) => (
            <li key={region.id}>
              <a href={region.apiKeyPage} target="_blank" rel="noreferrer">
                {t('window.firstRun.page', { region: regionName(region.id, t) })}
              </a>
            </li>
          ))}
      </ul>
      <button type="button" className="primary" onClick={() => go('add')}>
        {t('window.firstRun.add')}
      </button>
    </section>
  );
}
