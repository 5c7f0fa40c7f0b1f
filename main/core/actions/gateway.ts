// Gateway use cases: give a tool a token (shown once), list the tokens (never again the token),
// revoke one, and report what the tools used and an estimate of what it cost. The CLI and the
// app's window call these.
import type { Config, GatewayToken, KeyRecord } from '../config/config-schema.js';
import { GATEWAY_TOKEN_NAME } from '../config/config-schema.js';
import { MskError } from '../base/errors.js';
import { requireModelId } from '../model-studio/model-id.js';
import { parsePrice, PRICES, type PriceCurrency, priceListOf } from '../model-studio/catalog.js';
import type { Services } from '../keys/services.js';
import { hashGatewayToken, keysOfToken, newGatewayToken } from '../gateway/tokens.js';
import { localDay, type UsageFile, type UsageRow } from '../gateway/usage-store.js';
import { resolveKey } from '../keys/vault.js';

export interface AddTokenInput {
  name: string;
  /** Labels or ids, in failover order; none: the active key of the active region. */
  keys?: readonly string[];
  model?: string | undefined;
  requestsPerMinute?: number | undefined;
}

/** Makes a token for a tool. The token is in the answer and nowhere else, ever. */
export async function addGatewayToken(
  services: Services,
  input: AddTokenInput,
  now: Date = new Date(),
): Promise<{ token: string; record: GatewayToken }> {
  const name = input.name.trim();
  if (!GATEWAY_TOKEN_NAME.test(name)) {
    throw new MskError(
      'invalid-input',
      `'${input.name}' cannot name a token: use up to 64 letters, digits, spaces, '.', '_' or '-', starting with a letter or digit.`,
    );
  }
  const model = input.model === undefined ? undefined : requireModelId(input.model, 'The model');
  const token = newGatewayToken();
  const record = await services.config.update((draft) => {
    if (draft.gateway.tokens.some((existing) => existing.name.toLowerCase() === name.toLowerCase())) {
      throw new MskError(
        'invalid-input',
        `A token named '${name}' exists; revoke it first or choose another name.`,
      );
    }
    const keyIds = [...new Set((input.keys ?? []).map((reference) => resolveKey(draft.keys, reference).id))];
    const made: GatewayToken = {
      name,
      hash: hashGatewayToken(token),
      keyIds,
      ...(model !== undefined && { model }),
      ...(input.requestsPerMinute !== undefined && { requestsPerMinute: input.requestsPerMinute }),
      createdAt: now.toISOString(),
    };
    draft.gateway.tokens.push(made);
    return made;
  });
  return { token, record };
}

/** A token as it is listed: what it stands for, never the token. */
export interface TokenRow {
  name: string;
  /** The labels of its keys in failover order; empty: the active key. */
  keys: string[];
  /** Keys of the token that were removed since. */
  removedKeys: number;
  model: string | null;
  requestsPerMinute: number | null;
  createdAt: string;
  lastUsedAt: string | null;
}

export function listGatewayTokens(config: Config, usage: UsageFile): TokenRow[] {
  return config.gateway.tokens.map((token) => {
    const keys = keysOfToken(config, token).map((key) => key.label);
    return {
      name: token.name,
      keys,
      removedKeys: token.keyIds.length - keys.length,
      model: token.model ?? null,
      requestsPerMinute: token.requestsPerMinute ?? null,
      createdAt: token.createdAt,
      lastUsedAt: usage.lastUsed[token.name] ?? null,
    };
  });
}

/** Revokes a token at once: the gateway refuses it from its next request. */
export async function revokeGatewayToken(services: Services, name: string): Promise<GatewayToken> {
  return services.config.update((draft) => {
    const index = draft.gateway.tokens.findIndex(
      (token) => token.name.toLowerCase() === name.trim().toLowerCase(),
    );
    const found = draft.gateway.tokens[index];
    if (!found) {
      const names = draft.gateway.tokens.map((token) => token.name);
      throw new MskError(
        'unknown-token',
        `No gateway token is named '${name}'${names.length > 0 ? ` (there are: ${names.join(', ')})` : ''}.`,
        { name },
      );
    }
    draft.gateway.tokens.splice(index, 1);
    return found;
  });
}

export const USAGE_GROUPS = ['tool', 'key', 'model'] as const;
export type UsageGroup = (typeof USAGE_GROUPS)[number];

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

/** Reads usage and config for a report. */
export async function readUsageReport(
  services: Services,
  usage: { read(): Promise<UsageFile> },
  by: UsageGroup,
  since: string,
): Promise<UsageReport> {
  const [config, counted] = await Promise.all([services.config.read(), usage.read()]);
  return usageReport(config, counted, by, since);
}
