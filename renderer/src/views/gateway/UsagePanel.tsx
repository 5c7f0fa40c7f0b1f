// What went through the gateway: today, 7 or 30 days, by tool, key or model — requests, tokens and
// an estimated cost, each row with a bar of its tokens against the largest.
import { useEffect } from 'react';
import { formatCost } from '../../../../main/shared/i18n/cost';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import type { UsageQuery } from './slice';

const PERIODS = [1, 7, 30] as const;
const GROUPS = ['tool', 'key', 'model'] as const;

export function UsagePanel() {
  const t = useT();
  const usage = useStore((store) => store.usage);
  const query = useStore((store) => store.usageQuery);
  const loadUsage = useStore((store) => store.loadUsage);
  // Asked again whenever today's count moves (the gateway wrote more) or the tokens change.
  const counted = useStore((store) => store.state?.gateway.today.requests);
  const revision = useStore((store) => store.state?.revision);
  useEffect(() => {
    void loadUsage();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the query is read from the store
  }, [counted, revision === undefined]);
  const ask = (change: Partial<UsageQuery>) => void loadUsage({ ...query, ...change });
  const most = Math.max(1, ...(usage?.rows ?? []).map((row) => row.inputTokens + row.outputTokens));
  return (
    <section aria-labelledby="gateway-usage-title">
      <h3 id="gateway-usage-title" className="section-title">
        {t('window.gateway.usageTitle')}
      </h3>
      <div className="filter-bar">
        <label>
          {t('window.gateway.period')}{' '}
          <select value={query.days} onChange={(event) => ask({ days: Number(event.target.value) })}>
            {PERIODS.map((days) => (
              <option key={days} value={days}>
                {t(`window.gateway.days.${days}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('window.gateway.groupBy')}{' '}
          <select value={query.by} onChange={(event) => ask({ by: event.target.value as UsageQuery['by'] })}>
            {GROUPS.map((group) => (
              <option key={group} value={group}>
                {t(`window.gateway.by.${group}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!usage || usage.rows.length === 0 ? (
        <p className="muted">{t('window.gateway.noUsage')}</p>
      ) : (
        <table className="table usage-table">
          <thead>
            <tr>
              <th scope="col">{t(`window.gateway.by.${query.by}`)}</th>
              <th scope="col">{t('window.gateway.requests')}</th>
              <th scope="col">{t('window.gateway.failedOver')}</th>
              <th scope="col">{t('window.gateway.inputTokens')}</th>
              <th scope="col">{t('window.gateway.outputTokens')}</th>
              <th scope="col">{t('window.gateway.cost')}</th>
              <th scope="col">{t('window.gateway.share')}</th>
            </tr>
          </thead>
          <tbody>
            {usage.rows.map((row) => {
              const tokens = row.inputTokens + row.outputTokens;
              return (
                <tr key={row.name}>
                  <th scope="row">{row.name || t('window.gateway.otherModel')}</th>
                  <td>{row.requests}</td>
                  <td>{row.failedOver}</td>
                  <td>{row.inputTokens}</td>
                  <td>{row.outputTokens}</td>
                  <td>{formatCost(row.cost) || '—'}</td>
                  <td>
                    <span
                      className="usage-bar"
                      role="img"
                      aria-label={t('window.gateway.tokensOf', { count: tokens })}
                      style={{ width: `${Math.round((tokens / most) * 100)}%` }}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('window.gateway.total')}</th>
              <td>{usage.total.requests}</td>
              <td>{usage.total.failedOver}</td>
              <td>{usage.total.inputTokens}</td>
              <td>{usage.total.outputTokens}</td>
              <td>{formatCost(usage.total.cost) || '—'}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      )}
      <p className="muted">{t('window.gateway.estimate', { since: usage?.since ?? '' })}</p>
    </section>
  );
}
