// What the account spent: a month's bill from Model Studio's billing calls (GetBillingOverview by
// base model, GetBillingTrend by month), read from the site's home region, and the account's
// balance from BSS where the permissions allow. Amounts come from the service as strings: each is
// parsed as a decimal or refused, never shown as NaN.
import { MskError } from '../base/errors.js';
import { BSS_API, isModelId, MANAGEMENT_API, type ServiceSite } from '../model-studio/catalog.js';
import { type ManagementClient, type RefusalReason } from './management-client.js';

/** One model's share of a month; `model` '' is everything that is not a model (the service's "Others"). */
export interface ModelSpend {
  model: string;
  /** Tax included, as the bill gives it. */
  amount: number;
  /** Of the month's total, 0 to 1. */
  share: number;
}

export interface MonthBill {
  /** YYYY-MM. */
  month: string;
  currency: string;
  /** Tax included. */
  total: number;
  pretax: number;
  tax: number;
  /** Largest first, "other" ('') last. */
  byModel: ModelSpend[];
}

/** A month of the trend, tax included. */
export interface MonthTotal {
  month: string;
  amount: number;
}

/** The account's balance, or why it cannot be read (a code each surface words itself). */
export type AccountBalance =
  | { available: true; amount: number; currency: string }
  | { available: false; reason: RefusalReason | 'network'; action: string };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** The trend's groups do not matter (its totals do): the fewest the service gives. */
const TREND_TOP = 1;
/** What the service calls the groups past its top N. */
const OTHERS = 'DIMENSION_GROUP_OTHERS_VALUE';
/** Below half a cent, a difference between the total and its groups is rounding. */
const ROUNDING = 0.005;

/** YYYY-MM of `at`, in local time (a month as the user lives it). */
export const monthOf = (at: Date): string =>
  `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}`;

/** `month` (YYYY-MM) checked: a real month, not after this one. Default: this month. */
export function billMonth(month: string | undefined, now: Date = new Date()): string {
  if (month === undefined) return monthOf(now);
  const value = month.trim();
  if (!MONTH.test(value))
    throw new MskError(
      'invalid-input',
      `A month is written YYYY-MM (e.g. ${monthOf(now)}), not '${month}'.`,
      {
        month,
      },
    );
  if (value > monthOf(now))
    throw new MskError('invalid-input', `${value} has not come yet: there is no bill for it.`, { month });
  return value;
}

/** The month `count` months before `month` (YYYY-MM). */
export function monthsBefore(month: string, count: number): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  return monthOf(new Date(year, number - 1 - count, 1));
}

/** The last day of `month` (YYYY-MM-DD), or today when that is sooner. */
function lastDayOf(month: string, now: Date): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  const last = new Date(year, number, 0);
  const day = last < now ? last : now;
  return `${monthOf(day)}-${String(day.getDate()).padStart(2, '0')}`;
}

const DECIMAL = /^-?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/;

/**
 * An amount as the service writes it (`"11.19"`, `"-3.50"`, BSS's `"1,234.56"`, or a number),
 * as a number; anything else is refused, naming the field (never shown as NaN).
 */
export function parseAmount(value: unknown, field: string): number {
  const amount =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && DECIMAL.test(value.trim())
        ? Number(value.trim().replace(/,/g, ''))
        : Number.NaN;
  if (!Number.isFinite(amount))
    throw new MskError('service-refused', `Alibaba Cloud's answer has no amount in '${field}'.`, { field });
  return amount;
}

/** A currency code as the service gives it (CNY, USD), else refused. */
function currencyOf(value: unknown): string {
  if (typeof value === 'string' && /^[A-Z]{3}$/.test(value)) return value;
  throw new MskError('service-refused', "Alibaba Cloud's answer has no currency.", { field: 'currency' });
}

const groupByModel = JSON.stringify([{ code: MANAGEMENT_API.billing.groupBy }]);

/** GetBillingOverview's query for `month`'s bill by model (its groupBy is a JSON list, and required). */
export const billQuery = (month: string = monthOf(new Date())) => ({
  billMonth: month,
  groupBy: groupByModel,
  topNum: MANAGEMENT_API.billing.topNum,
});

/** GetBillingOverview's `data` as a bill: its groups by model, what is not a model as one '' row. */
export function billOf(body: unknown, month: string): MonthBill {
  const data = (body as { data?: Record<string, unknown> } | null)?.data ?? {};
  const total = parseAmount(data.totalAmount, 'totalAmount');
  const rows = new Map<string, number>();
  const groups = Array.isArray(data.groups) ? (data.groups as Record<string, unknown>[]) : [];
  groups.forEach((group, index) => {
    const key = typeof group?.key === 'string' ? group.key : '';
    const model = key !== OTHERS && isModelId(key) ? key : '';
    rows.set(model, (rows.get(model) ?? 0) + parseAmount(group?.amount, `groups[${index}].amount`));
  });
  // The service returns its top groups only: the rest of the total is "other".
  const rest = total - [...rows.values()].reduce((sum, amount) => sum + amount, 0);
  if (rest > ROUNDING) rows.set('', (rows.get('') ?? 0) + rest);
  return {
    month,
    currency: currencyOf(data.currency),
    total,
    pretax: parseAmount(data.pretaxAmount, 'pretaxAmount'),
    tax: parseAmount(data.taxAmount, 'taxAmount'),
    byModel: [...rows]
      .map(([model, amount]) => ({ model, amount, share: total > 0 ? amount / total : 0 }))
      // Largest first, "other" last whatever its size.
      .sort((a, b) => Number(a.model === '') - Number(b.model === '') || b.amount - a.amount),
  };
}

/** GetBillingTrend's `data` by month: `yyyyMM` periods → YYYY-MM totals, oldest first. */
export function trendOf(body: unknown): MonthTotal[] {
  const data = (body as { data?: { resultByTime?: unknown } } | null)?.data;
  const periods = Array.isArray(data?.resultByTime) ? (data.resultByTime as Record<string, unknown>[]) : [];
  return periods
    .flatMap((period, index) => {
      const match = /^(\d{4})(\d{2})$/.exec(typeof period?.period === 'string' ? period.period : '');
      if (!match) return [];
      const { amount } = (period.total ?? {}) as { amount?: unknown };
      return [
        {
          month: `${match[1]}-${match[2]}`,
          amount: parseAmount(amount, `resultByTime[${index}].total.amount`),
        },
      ];
    })
    .sort((a, b) => a.month.localeCompare(b.month));
}

/** `month`'s bill by model, read from the site's home region. */
export async function readBill(
  client: ManagementClient,
  site: ServiceSite,
  month: string,
  signal?: AbortSignal,
): Promise<MonthBill> {
  const body = await client.call(MANAGEMENT_API.sites[site].home, 'GetBillingOverview', {
    query: billQuery(month),
    signal,
  });
  return billOf(body, month);
}

/** The months before `month` and `month` itself, each one's total (for a chart). */
export async function readTrend(
  client: ManagementClient,
  site: ServiceSite,
  month: string,
  signal?: AbortSignal,
  now: Date = new Date(),
): Promise<MonthTotal[]> {
  const start = `${monthsBefore(month, MANAGEMENT_API.billing.trendMonths)}-01`;
  const body = await client.call(MANAGEMENT_API.sites[site].home, 'GetBillingTrend', {
    query: {
      granularity: 'MONTH',
      timePeriod: JSON.stringify({ start, end: lastDayOf(month, now) }),
      groupBy: groupByModel,
      topNum: TREND_TOP,
    },
    signal,
  });
  return trendOf(body);
}

const BALANCE_ACTION = `${BSS_API.ramPrefix}:QueryAccountBalance`;

/** The account's available balance (BSS), or the reason it cannot be read: never an error. */
export async function readBalance(
  client: ManagementClient,
  site: ServiceSite,
  signal?: AbortSignal,
): Promise<AccountBalance> {
  let body: unknown;
  try {
    body = await client.callBss(site, 'QueryAccountBalance', { signal });
  } catch (error) {
    if (!(error instanceof MskError) || (error.code !== 'account-refused' && error.code !== 'network'))
      throw error;
    const reason = error.code === 'network' ? 'network' : (error.params.reason as RefusalReason);
    return { available: false, reason, action: BALANCE_ACTION };
  }
  const data = (body as { Data?: Record<string, unknown> } | null)?.Data ?? {};
  return {
    available: true,
    amount: parseAmount(data.AvailableAmount, 'AvailableAmount'),
    currency: currencyOf(data.Currency),
  };
}
