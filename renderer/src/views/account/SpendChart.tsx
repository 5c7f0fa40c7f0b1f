// An account's spend month by month as bars: an SVG with its own words (a title, and every
// month's amount as its description), so a screen reader hears what the eye sees.
import { useId } from 'react';
import { formatMoney } from '../../../../main/shared/i18n/cost';
import { useT } from '../../i18n';
import type { AccountSpend } from './slice';

const WIDTH = 320;
const HEIGHT = 120;
const LABEL = 16;

export function SpendChart({ spend }: { spend: AccountSpend }) {
  const t = useT();
  const id = useId();
  const { trend, bill } = spend;
  const most = Math.max(...trend.map((month) => month.amount), 0);
  const step = WIDTH / Math.max(trend.length, 1);
  const money = (amount: number) => formatMoney(bill.currency, amount);
  const title = t('window.account.spend.chart', { account: spend.account });
  const description = trend.map((month) => `${month.month}: ${money(month.amount)}`).join(', ');
  return (
    <figure className="spend-chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-description`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT + LABEL}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-description`}>{description}</desc>
        {trend.map((month, index) => {
          const height = most > 0 ? Math.max((Math.max(month.amount, 0) / most) * (HEIGHT - LABEL), 1) : 1;
          const x = index * step + step * 0.15;
          const current = month.month === bill.month;
          return (
            <g key={month.month}>
              <rect
                x={x}
                y={HEIGHT - height}
                width={step * 0.7}
                height={height}
                className={current ? 'bar bar-current' : 'bar'}
              />
              <text x={x + step * 0.35} y={HEIGHT - height - 4} textAnchor="middle" className="bar-value">
                {money(month.amount)}
              </text>
              <text x={x + step * 0.35} y={HEIGHT + LABEL - 3} textAnchor="middle" className="bar-label">
                {month.month.slice(2)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">{title}</figcaption>
    </figure>
  );
}
