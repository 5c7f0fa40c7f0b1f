// Every key's last check: its status in plain words, the fix as a button where one exists, and the
// models it could reach. "Check all" runs from here or shows a run the tray started.
import { useState } from 'react';
import { api, type State, unwrap } from '../../api';
import { StatusChip } from '../../components/StatusChip';
import { CheckTiming } from '../../components/CheckTiming';
import { regionName, useT } from '../../i18n';
import { useStore } from '../../store';
import { CheckProgress } from './CheckProgress';
import { CheckFix } from './CheckFix';

type KeyView = State['keys'][number];

export function ChecksView() {
  const t = useT();
  const keys = useStore((store) => store.state?.keys ?? []);
  const lastRun = useStore((store) => store.lastRun);
  return (
    <section className="view" aria-labelledby="checks-title">
      <header className="view-header">
        <h2 id="checks-title" className="view-title">
          {t('window.checks.title')}
        </h2>
        <CheckProgress />
      </header>
      {lastRun && lastRun.unchecked.length > 0 && (
        <div className="warning" role="status">
          {t('window.checks.unchecked', { count: lastRun.unchecked.length })}
          <ul>
            {lastRun.unchecked.map((key) => (
              <li key={key.keyId}>
                {key.label}: {key.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {keys.length === 0 ? (
        <p className="muted">{t('window.checks.noKeys')}</p>
      ) : (
        <table className="table checks-table">
          <thead>
            <tr>
              <th scope="col">{t('window.checks.key')}</th>
              <th scope="col">{t('window.checks.status')}</th>
              <th scope="col">{t('window.checks.meaning')}</th>
              <th scope="col">{t('window.checks.models')}</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <CheckRow key={key.id} keyView={key} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CheckRow({ keyView: key }: { keyView: KeyView }) {
  const t = useT();
  const check = key.lastCheck;
  const status = check?.status ?? 'unchecked';
  return (
    <tr data-key-id={key.id}>
      <th scope="row">
        <span className="key-label">{key.label}</span>
        <div className="muted">
          {regionName(key.regionId, t)} · <code>{key.masked}</code>
        </div>
      </th>
      <td>
        <StatusChip status={status} />
        {check && (
          <div>
            <CheckTiming check={check} />
          </div>
        )}
      </td>
      <td>
        <p className="explain">
          {t(`window.checks.explain.${status}`, {
            region: check?.suggestedRegionId ? regionName(check.suggestedRegionId, t) : '',
            plan: check?.suggestedPlan ? t(`plans.${check.suggestedPlan}`) : '',
          })}
        </p>
        <CheckFix keyView={key} />
      </td>
      <td>
        {check?.modelCount ? (
          <ModelList keyView={key} count={check.modelCount} />
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  );
}

/** The models a key's last check reached, asked of main when opened (they are many). */
function ModelList({ keyView: key, count }: { keyView: KeyView; count: number }) {
  const t = useT();
  const attempt = useStore((store) => store.attempt);
  const [models, setModels] = useState<string[] | undefined>();
  return (
    <details
      onToggle={(event) => {
        if ((event.currentTarget as HTMLDetailsElement).open && !models)
          void attempt(async () => setModels(unwrap(await api().keys.models({ keyId: key.id })).models));
      }}
    >
      <summary>{t('window.checks.modelCount', { count })}</summary>
      {models && (
        <ul className="models">
          {models.map((model) => (
            <li key={model}>
              <code>{model}</code>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
