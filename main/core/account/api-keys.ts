// An account's API keys, as the management API lists them (ListApiKeys, every workspace at once,
// each page by page: one request a page). What the service returns is hostile input: ids are
// checked, text is stripped of what could hide or reorder it, a row that is not one is dropped.
// And how a stored secret is told to be one of them: by the service's mask, without a new call.
import { MskError } from '../base/errors.js';
import { withoutUnsafe } from '../base/one-line.js';
import { API_KEY_ID } from '../config/config-schema.js';
import { MANAGEMENT_API, WORKSPACE_ID_PATTERN } from '../model-studio/catalog.js';
import type { ManagementClient } from './management-client.js';
import type { AccountWorkspace } from './workspaces.js';

/** One key of the account, as the service shows it (its value masked). */
export interface AccountApiKey {
  apiKeyId: string;
  workspaceId: string;
  regionId: string;
  /** The value as List and Get show it (`sk-ws-djI.8O7d*****…`): never the whole value. */
  maskedValue: string;
  description: string;
  enabled: boolean;
  createdAt: string | null;
  createdBy: string | null;
}

/** The longest text kept of a field the service returns. */
const MAX_FIELD = 512;
/** A mask is the value's start and end around asterisks; what it may hold. */
const MASK = /^[A-Za-z0-9._~+/=-]{3,64}\*+[A-Za-z0-9._~+/=-]{4,64}$/;

const shown = (value: unknown): string | null =>
  typeof value === 'string' ? withoutUnsafe(value).trim().slice(0, MAX_FIELD) : null;

/** An apiKeyId as the service sends it (a number, or digits), or null. */
export function apiKeyIdOf(value: unknown): string | null {
  const id = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  return typeof id === 'string' && API_KEY_ID.test(id) ? id : null;
}

/** A workspace id the service sent, or null when it is no id. */
export const workspaceIdOf = (value: unknown): string | null =>
  typeof value === 'string' && WORKSPACE_ID_PATTERN.test(value) ? value : null;

/** A key the service sent back (create, reset): its id, and the whole value, once. */
export function createdKeyOf(body: unknown): { apiKeyId: string; value: string } {
  const key = (body as { apiKey?: { apiKeyId?: unknown; apiKeyValue?: unknown } } | null)?.apiKey;
  const apiKeyId = apiKeyIdOf(key?.apiKeyId);
  const value = key?.apiKeyValue;
  // The value is checked where it is stored (parseKey): here only that there is one.
  if (apiKeyId === null || typeof value !== 'string' || value === '')
    throw new MskError('service-refused', 'The management API answered without the key it made.');
  return { apiKeyId, value };
}

/** One ListApiKeys/GetApiKey row, or null when it is not a key of `regionId`. */
export function apiKeyOf(row: unknown, regionId: string): AccountApiKey | null {
  if (typeof row !== 'object' || row === null) return null;
  const fields = row as Record<string, unknown>;
  const apiKeyId = apiKeyIdOf(fields.apiKeyId);
  const workspaceId = workspaceIdOf(fields.workspaceId);
  const masked = shown(fields.apiKeyValue);
  if (apiKeyId === null || workspaceId === null || masked === null || !MASK.test(masked)) return null;
  const created = typeof fields.gmtCreate === 'number' ? new Date(fields.gmtCreate) : null;
  return {
    apiKeyId,
    workspaceId,
    regionId,
    maskedValue: masked,
    description: shown(fields.description) ?? '',
    // 0 or 1 (a boolean is taken too); anything else is not said to be enabled.
    enabled: fields.disabled === 0 || fields.disabled === false,
    createdAt: created && !Number.isNaN(created.getTime()) ? created.toISOString() : null,
    createdBy: shown(fields.createdBy) || null,
  };
}

/** A ListApiKeys page's rows that are keys. */
export function apiKeysOf(body: unknown, regionId: string): AccountApiKey[] {
  const rows = (body as { apiKeys?: unknown } | null)?.apiKeys;
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row) => apiKeyOf(row, regionId) ?? []);
}

/** Every key of every workspace given, the workspaces asked at once, each read a page a request. */
export async function listApiKeys(
  client: ManagementClient,
  workspaces: readonly AccountWorkspace[],
  signal?: AbortSignal,
): Promise<AccountApiKey[]> {
  const perWorkspace = await Promise.all(
    workspaces.map((workspace) =>
      client.list(workspace.regionId, 'ListApiKeys', (body) => apiKeysOf(body, workspace.regionId), {
        query: { workspaceId: workspace.workspaceId },
        signal,
      }),
    ),
  );
  // A row of another workspace (a service that ignored the filter) is not counted twice.
  const seen = new Set<string>();
  return perWorkspace.flat().filter((key) => {
    const id = `${key.regionId}/${key.apiKeyId}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * Whether `secret` is the key the service shows as `masked`: its start and end as the mask shows
 * them, and longer than both together.
 */
export function fitsMask(secret: string, masked: string): boolean {
  if (!MASK.test(masked)) return false;
  const start = masked.slice(0, masked.indexOf('*'));
  const end = masked.slice(masked.lastIndexOf('*') + 1);
  return secret.length > start.length + end.length && secret.startsWith(start) && secret.endsWith(end);
}

/** A new key's description and scope, within what CreateApiKey takes; refused before any call. */
export interface NewKeyScope {
  description?: string | undefined;
  models?: readonly string[] | undefined;
  ips?: readonly string[] | undefined;
}

/** CreateApiKey's query (but the workspace) and body for `scope`, or why not: asked before any call. */
export function createKeyRequest(scope: NewKeyScope): {
  query: Record<string, string>;
  body?: Record<string, unknown>;
} {
  const bounds = MANAGEMENT_API.apiKeyBounds;
  const description = scope.description?.trim() ?? '';
  if ([...description].length > bounds.descriptionLength)
    throw new MskError(
      'invalid-input',
      `A key's description is at most ${bounds.descriptionLength} characters (this one has ${[...description].length}).`,
      { field: 'description', limit: bounds.descriptionLength },
    );
  if (description !== '' && withoutUnsafe(description) !== description)
    throw new MskError(
      'invalid-input',
      "A key's description cannot contain control characters, line separators or text-direction characters.",
    );
  const models = entries(scope.models, 'models', /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/);
  const ips = entries(scope.ips, 'addresses', /^[0-9A-Fa-f.:]{2,45}(\/\d{1,3})?$/);
  const query: Record<string, string> = description === '' ? {} : { description };
  if (models.length === 0 && ips.length === 0) return { query };
  return {
    query,
    body: {
      auth: {
        type: 'Custom',
        accessIps: ips,
        modelAccessScope: { allowAllModels: models.length === 0, accessibleModels: models },
      },
    },
  };
}

function entries(given: readonly string[] | undefined, what: string, pattern: RegExp): string[] {
  const list = [...new Set((given ?? []).map((entry) => entry.trim()).filter((entry) => entry !== ''))];
  const limit = MANAGEMENT_API.apiKeyBounds.scopeEntries;
  if (list.length > limit)
    throw new MskError(
      'invalid-input',
      `A key's scope names at most ${limit} ${what} (${list.length} given).`,
      {
        field: what,
        limit,
      },
    );
  const bad = list.find((entry) => !pattern.test(entry));
  if (bad !== undefined)
    throw new MskError(
      'invalid-input',
      `'${withoutUnsafe(bad).slice(0, 64)}' is not one of the ${what} a key's scope can name.`,
      { field: what },
    );
  return list;
}
