// Gateway use cases: give a tool a token (shown once; a GUI tool's is kept in the keychain to be
// copied again), list the tokens (never again the token), revoke one, and read what the tools used
// (gateway/usage-report.ts). The CLI and the app's window call these.
import type { Config, GatewayToken } from '../config/config-schema.js';
import { gatewayTokenName, type UsageGroup } from '../../shared/vocabulary.js';
import { MskError } from '../base/errors.js';
import { requireModelId } from '../model-studio/model-id.js';
import type { Services } from '../keys/services.js';
import { hashGatewayToken, keysOfToken, newGatewayToken } from '../gateway/tokens.js';
import { gatewayTokenItem } from '../gateway/token-item.js';
import type { UsageFile } from '../gateway/usage-store.js';
import { type UsageReport, usageReport } from '../gateway/usage-report.js';
import { resolveKey } from '../keys/vault.js';

export interface AddTokenInput {
  name: string;
  /** Labels or ids, in failover order; none: the active key of the active region. */
  keys?: readonly string[];
  model?: string | undefined;
  requestsPerMinute?: number | undefined;
}

/** Makes a token for a tool. The token is in the answer, and nowhere else unless the caller keeps it. */
export async function addGatewayToken(
  services: Services,
  input: AddTokenInput,
  now: Date = new Date(),
): Promise<{ token: string; record: GatewayToken }> {
  const name = input.name.trim();
  if (!gatewayTokenName().test(name)) {
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

/**
 * A GUI tool's token: the one kept in the keychain for it (named `chatbox`, `chatbox-2`…, for the
 * same keys), copied again; else a new one, named after the tool, and kept.
 */
export async function toolGatewayToken(
  services: Services,
  config: Config,
  toolId: string,
  keyIds: readonly string[],
): Promise<{ token: string; name: string }> {
  const named = (name: string) => {
    const lower = name.toLowerCase();
    return (
      lower === toolId || (lower.startsWith(`${toolId}-`) && /^\d+$/.test(lower.slice(toolId.length + 1)))
    );
  };
  for (const record of config.gateway.tokens) {
    if (!named(record.name) || record.keyIds.join('\n') !== keyIds.join('\n')) continue;
    const token = await services.secrets.get(gatewayTokenItem(record.hash));
    if (token !== null && hashGatewayToken(token) === record.hash) return { token, name: record.name };
  }
  const taken = new Set(config.gateway.tokens.map((token) => token.name.toLowerCase()));
  let name = toolId;
  for (let count = 2; taken.has(name.toLowerCase()); count++) name = `${toolId}-${count}`;
  const { token, record } = await addGatewayToken(services, { name, keys: keyIds });
  await services.secrets.set(gatewayTokenItem(record.hash), token);
  return { token, name };
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
  const revoked = await services.config.update((draft) => {
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
  // A GUI tool's token is kept in the keychain to copy again: revoked, it goes too. A keychain that
  // refuses leaves a value nothing accepts any more: the revocation stands.
  await services.secrets.delete(gatewayTokenItem(revoked.hash)).catch(() => false);
  return revoked;
}

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
