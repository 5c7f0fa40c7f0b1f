// This month's spend: each account's total with its tax, its balance (or why it is not shown),
// what each model cost, and the months before as a chart; beside them, what went through the
// gateway on this computer. Read as a task: progress and cancel.
import { formatCost, formatMoney } from '../../../../main/shared/i18n/cost';
import { errorMessage, type Translate, useT } from '../../i18n';
import { useStore } from '../../store';
import { ListingHeader } from './ListingHeader';
import type { AccountSpend, SpendReport } from './slice';
import { SpendChart } from './SpendChart';

export function AccountSpendPanel() {
  const t = useT();
  const report = useStore((store) => store.accountSpend);
  const reading = useStore((store) => store.readingSpend);
  const loadSpend = useStore((store) => store.loadSpend);
  const cancelSpend = useStore((store) => store.cancelSpend);
  return (
    <section aria-labelledby="spend-title">
      <ListingHeader
        id="spend-title"
        title={
          report
            ? t('window.account.spend.titleOf', { month: report.month })
            : t('window.account.spend.title')
        }
        progress={reading}
        onRefresh={() => void loadSpend()}
        onCancel={cancelSpend}
      />
      {report?.accounts.map((entry) =>
        entry.error === null ? (
          <AccountSpendCard key={entry.account} spend={entry} />
        ) : (
          <p key={entry.account} className="warning">
            {t('window.account.spend.unreadable', { account: entry.account })} {errorMessage(entry.error, t)}
          </p>
        ),
      )}
      {report?.gateway && <GatewayLine gateway={report.gateway} />}
    </section>
  );
}

function AccountSpendCard({ spend }: { spend: AccountSpend }) {
  const t = useT();
  const { bill } = spend;
  const money = (amount: number) => formatMoney(bill.currency, amount);
  return (
    <article className="card spend" aria-label={t('window.account.spend.of', { account: spend.account })}>
      <h4>{spend.account}</h4>
      <p className="spend-total">
        {t('window.account.spend.total', {
          total: money(bill.total),
          pretax: money(bill.pretax),
          tax: money(bill.tax),
        })}
      </p>
      <p>{balanceText(spend.balance, t)}</p>
      <SpendChart spend={spend} />
      {bill.byModel.length > 0 && (
        <table className="table" aria-label={t('window.account.spend.byModel', { account: spend.account })}>
          <thead>
            <tr>
              <th scope="col">{t('window.account.spend.model')}</th>
              <th scope="col">{t('window.account.spend.amount')}</th>
              <th scope="col">{t('window.account.spend.share')}</th>
            </tr>
          </thead>
          <tbody>
            {bill.byModel.map((row) => (
              <tr key={row.model}>
                <th scope="row">{row.model ? <code>{row.model}</code> : t('window.account.spend.other')}</th>
                <td>{money(row.amount)}</td>
                <td>{t('window.account.spend.percent', { value: Math.round(row.share * 100) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}

function balanceText(balance: AccountSpend['balance'], t: Translate): string {
  if (balance.available)
    return t('window.account.spend.balance', { amount: formatMoney(balance.currency, balance.amount) });
  const why =
    balance.reason === 'permission' || balance.reason === 'network'
      ? t(`window.account.spend.balanceWhy.${balance.reason}`, { action: balance.action })
      : errorMessage(
          { code: 'account-refused', message: balance.reason, params: { reason: balance.reason } },
          t,
        );
  return t('window.account.spend.noBalance', { why });
}

function GatewayLine({ gateway }: { gateway: NonNullable<SpendReport['gateway']> }) {
  const t = useT();
  const { total } = gateway;
  const cost = formatCost(total.cost);
  return (
    <p className="muted">
      {t(cost ? 'window.account.spend.gatewayCost' : 'window.account.spend.gateway', {
        count: total.requests,
        input: total.inputTokens,
        output: total.outputTokens,
        cost,
      })}
    </p>
  );
}
