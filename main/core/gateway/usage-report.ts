// What the tools used through the gateway, grouped by tool, key or model, with an estimate of
// what it cost from the catalog's prices and the user's corrections: for `msk usage`, the tray's
// Today line and the window's Gateway view.
import type { UsageGroup } from '../../shared/vocabulary.js';
import type { Config, KeyRecord } from '../config/config-schema.js';
import { parsePrice, PRICES, type PriceCurrency, priceListOf } from '../model-studio/catalog.js';
import { localDay, type UsageFile, type UsageRow } from './usage-store.js';

export interface UsageReportRow {
  /** The tool, the key's label (or id, once removed) or the model ('' for other: see OTHER_MODEL). */
  name: string;
  requests: number;
  failedOver: number;
  inputTokens: number;
  outputTokens: number;
  /** The estimated cost in each currency the rows were billed in. */
  cost: Partial<Record<PriceCurrency, number>>;
  /** Tokens of models without a price (or of a subscription plan's keys): left out of `cost`. */
  unpricedTokens: number;
}

export interface UsageReport {
  since: string;
  by: UsageGroup;
  rows: UsageReportRow[];
  total: Omit<UsageReportRow, 'name'>;
}

/**
 * Usage from `since` (YYYY-MM-DD, local days) to today, grouped `by` tool, key or model, most
 * requests first, with an estimated cost from the catalog's prices and the user's corrections.
 */
export function usageReport(config: Config, usage: UsageFile, by: UsageGroup, since: string): UsageReport {
  const groups = new Map<string, UsageReportRow>();
  const total = emptyRow('');
  for (const row of usage.rows) {
    if (row.day < since) continue;
    const record = config.keys.find((key) => key.id === row.keyId);
    const name = by === 'tool' ? row.tool : by === 'model' ? row.model : (record?.label ?? row.keyId);
    const group = groups.get(name) ?? emptyRow(name);
    groups.set(name, group);
    for (const target of [group, total]) add(target, row, record, config);
  }
  const { name: _, ...totals } = total;
  return { since, by, rows: [...groups.values()].sort((a, b) => b.requests - a.requests), total: totals };
}

const emptyRow = (name: string): UsageReportRow => ({
  name,
  requests: 0,
  failedOver: 0,
  inputTokens: 0,
  outputTokens: 0,
  cost: {},
  unpricedTokens: 0,
});

function add(target: UsageReportRow, row: UsageRow, record: KeyRecord | undefined, config: Config): void {
  target.requests += row.requests;
  target.failedOver += row.failedOver;
  target.inputTokens += row.inputTokens;
  target.outputTokens += row.outputTokens;
  const tokens = row.inputTokens + row.outputTokens;
  if (tokens === 0) return;
  // Subscription plans are paid for by the month: their tokens cost nothing more.
  if (record?.plan === 'coding' || record?.plan === 'token') return;
  const list = priceListOf(record?.regionId ?? config.settings.activeRegionId);
  const custom = config.settings.prices[`${list}:${row.model}`];
  const price = (custom === undefined ? undefined : parsePrice(custom)) ?? PRICES[list].models[row.model];
  if (!record || !price) {
    target.unpricedTokens += tokens;
    return;
  }
  const currency = PRICES[list].currency;
  target.cost[currency] =
    (target.cost[currency] ?? 0) +
    (row.inputTokens * price.input + row.outputTokens * price.output) / 1_000_000;
}

/** The first day of a report `days` long that ends today: 1 is today alone. */
export const sinceDays = (days: number, now: Date = new Date()): string =>
  localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1)));
