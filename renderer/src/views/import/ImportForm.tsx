// The keys found that the keychain does not hold yet: which to import, under which labels, and
// where — each key's region asked of Model Studio (what "Add key" does), or one region for all.
import { useState } from 'react';
import { RegionSelect } from '../../components/RegionSelect';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import { FindingPlace, toggled } from './findings';
import type { Finding } from './slice';

export function ImportForm({ findings }: { findings: Finding[] }) {
  const t = useT();
  const importFindings = useStore((store) => store.importFindings);
  const cancelImport = useStore((store) => store.cancelImport);
  const importing = useStore((store) => store.importing);
  const activeRegionId = useStore((store) => store.state?.activeRegionId ?? 'ap-southeast-1');
  // A commented-out line is not in effect: offered, not chosen.
  const [chosen, setChosen] = useState<ReadonlySet<string>>(
    () => new Set(findings.filter((finding) => !finding.commented).map((finding) => finding.id)),
  );
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [detect, setDetect] = useState(true);
  const [regionId, setRegionId] = useState(activeRegionId);
  const ids = findings.filter((finding) => chosen.has(finding.id)).map((finding) => finding.id);
  const submit = () => {
    const typed = Object.fromEntries(
      Object.entries(labels).filter(([id, label]) => chosen.has(id) && label.trim() !== ''),
    );
    void importFindings(ids, detect ? { detect: true } : { regionId }, typed);
  };
  return (
    <form
      aria-labelledby="to-import"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h3 id="to-import" className="section-title">
        {t('window.import.found', { count: findings.length })}
      </h3>
      <ul className="finding-list">
        {findings.map((finding) => (
          <li key={finding.id} className="finding">
            <label className="finding-choice">
              <input
                type="checkbox"
                checked={chosen.has(finding.id)}
                onChange={(event) => setChosen((before) => toggled(before, finding.id, event.target.checked))}
              />
              <FindingPlace finding={finding} />
            </label>
            <label className="field finding-label">
              <span>{t('window.import.label')}</span>
              <input
                value={labels[finding.id] ?? finding.suggestedLabel}
                maxLength={200}
                disabled={!chosen.has(finding.id)}
                onChange={(event) => setLabels((before) => ({ ...before, [finding.id]: event.target.value }))}
              />
            </label>
          </li>
        ))}
      </ul>
      <fieldset className="settings-group">
        <legend>{t('window.import.where')}</legend>
        <label className="choice">
          <input type="radio" name="placement" checked={detect} onChange={() => setDetect(true)} />
          {t('window.import.detect')}
        </label>
        <label className="choice">
          <input type="radio" name="placement" checked={!detect} onChange={() => setDetect(false)} />
          {t('window.import.oneRegion')}
        </label>
        {!detect && <RegionSelect label={t('window.region')} value={regionId} onChange={setRegionId} />}
      </fieldset>
      {importing ? (
        <p role="status" className="card-actions">
          <span>{t('window.import.importing', { done: importing.done, total: importing.total })}</span>
          <button type="button" onClick={cancelImport}>
            {t('window.common.cancel')}
          </button>
        </p>
      ) : (
        <button type="submit" className="primary" disabled={ids.length === 0}>
          {t('window.import.import', { count: ids.length })}
        </button>
      )}
    </form>
  );
}
