// Keys from the account: list every key of the connected accounts (and which are stored here),
// create one straight into the keychain, rotate one in place (the same local id: bindings, tools
// and gateway tokens follow), bring back one whose value is lost, disable, enable, delete. A new
// value goes from the service's answer to the keychain and nowhere else; only when the keychain
// refuses it after every retry is it handed back, once, so it is not lost.
import { setTimeout as sleep } from 'node:timers/promises';
import { MskError, isMskError, messageOf } from '../base/errors.js';
import { withoutUnsafe } from '../base/one-line.js';
import {
  API_KEY_ID,
  type AccountKeyLink,
  type AccountRecord,
  type Config,
  type KeyRecord,
} from '../config/config-schema.js';
import { MANAGEMENT_API } from '../model-studio/catalog.js';
import { maskKey, parseKey, redactKeys } from '../model-studio/key-format.js';
import type { CheckResult } from '../calls/key-checks.js';
import type { Services } from '../keys/services.js';
import { checkNewLabel, resolveKey } from '../keys/vault.js';
import {
  type AccountApiKey,
  type NewKeyScope,
  apiKeyOf,
  createKeyRequest,
  createdKeyOf,
  fitsMask,
  listApiKeys,
} from '../account/api-keys.js';
import { type ManagementClient, refusedFor } from '../account/management-client.js';
import {
  type AccountWorkspace,
  domainLabelOf,
  listWorkspaces,
  listWorkspacesIn,
  pickWorkspace,
} from '../account/workspaces.js';
import { accountClient, chooseAccounts } from './account.js';
import { checkKey } from './checks.js';
import { freeLabel } from './keys.js';

/** Where a key of the account lives. */
export interface KeyWorkspace {
  id: string;
  name: string;
  regionId: string;
  apiHost: string | null;
}

/** A key stored here, as msk shows it (its own short mask, never the value). */
export interface StoredAs {
  keyId: string;
  label: string;
  masked: string;
}

/** One key of an account, and whether (and as what) it is stored here. */
export interface AccountKeyRow {
  account: string;
  apiKeyId: string;
  /** As the service masks it; a key stored here, as msk masks it (`sk-ws-…a1b2`). */
  maskedValue: string;
  workspace: KeyWorkspace;
  description: string;
  enabled: boolean;
  createdAt: string | null;
  createdBy: string | null;
  stored: StoredAs | null;
}

/** A key stored here, linked to an account key that the account no longer has. */
export interface GoneKey extends StoredAs {
  account: string;
  apiKeyId: string;
}

export interface AccountKeysListing {
  keys: AccountKeyRow[];
  gone: GoneKey[];
}

/** The workspace named among an account's, or none when `several` accounts are asked and this one lacks it. */
function pickedIn(
  workspaces: readonly AccountWorkspace[],
  ref: string,
  regionId: string | undefined,
  several: boolean,
): AccountWorkspace[] {
  try {
    return [pickWorkspace(workspaces, ref, regionId)];
  } catch (error) {
    if (several && isMskError(error) && error.params.reason === 'workspace-not-found') return [];
    throw error;
  }
}

/** One account as read: its workspaces (maybe one) and their keys. */
interface AccountView {
  account: AccountRecord;
  client: ManagementClient;
  workspaces: AccountWorkspace[];
  keys: AccountApiKey[];
}

export async function accountKeys(
  services: Services,
  options: { account?: string | undefined; workspace?: string | undefined; region?: string | undefined } = {},
  signal?: AbortSignal,
): Promise<AccountKeysListing> {
  const accounts = chooseAccounts(await services.config.read(), options.account);
  const views = await Promise.all(
    accounts.map(async (account): Promise<AccountView> => {
      const client = accountClient(services, account);
      const all = await listWorkspaces(client, signal);
      const workspaces =
        options.workspace === undefined
          ? all.filter((workspace) => options.region === undefined || workspace.regionId === options.region)
          : pickedIn(all, options.workspace, options.region, accounts.length > 1);
      return { account, client, workspaces, keys: await listApiKeys(client, workspaces, signal) };
    }),
  );
  // With several accounts, a workspace is looked for in each: only none having it is an error.
  if (options.workspace !== undefined && views.every((view) => view.workspaces.length === 0))
    pickWorkspace([], options.workspace, options.region);
  const config = await linkStoredKeys(services, views);
  const keys = views.flatMap((view) => rowsOf(view, config));
  const listed = new Set(keys.map((row) => `${row.account}/${row.workspace.regionId}/${row.apiKeyId}`));
  const gone = views.flatMap(({ account, workspaces }) =>
    config.keys.flatMap((key): GoneKey[] => {
      const link = key.accountKey;
      if (link?.accountId !== account.id) return [];
      if (!workspaces.some((workspace) => workspace.workspaceId === link.workspaceId)) return [];
      if (listed.has(`${account.name}/${key.regionId}/${link.apiKeyId}`)) return [];
      return [{ ...storedAs(key), account: account.name, apiKeyId: link.apiKeyId }];
    }),
  );
  return { keys, gone };
}

function rowsOf({ account, workspaces, keys }: AccountView, config: Config): AccountKeyRow[] {
  return keys
    .map((key) => {
      const workspace = workspaces.find((candidate) => candidate.workspaceId === key.workspaceId);
      const stored = linkedRecord(config, account, key);
      return {
        account: account.name,
        apiKeyId: key.apiKeyId,
        // A key stored here is shown as msk shows it everywhere: the service's mask gives away
        // more of the value (its start and end) than msk ever prints of a key it holds.
        maskedValue: stored ? maskKey(stored) : key.maskedValue,
        workspace: {
          id: key.workspaceId,
          name: workspace?.name ?? key.workspaceId,
          regionId: key.regionId,
          apiHost: workspace?.apiHost ?? null,
        },
        description: key.description,
        enabled: key.enabled,
        createdAt: key.createdAt,
        createdBy: key.createdBy,
        stored: stored ? storedAs(stored) : null,
      };
    })
    .sort(
      (a, b) =>
        a.workspace.regionId.localeCompare(b.workspace.regionId) ||
        a.workspace.name.localeCompare(b.workspace.name) ||
        Number(a.apiKeyId) - Number(b.apiKeyId),
    );
}

const storedAs = (key: KeyRecord): StoredAs => ({ keyId: key.id, label: key.label, masked: maskKey(key) });

const linkedRecord = (config: Config, account: AccountRecord, key: AccountApiKey): KeyRecord | undefined =>
  config.keys.find(
    (record) =>
      record.accountKey?.accountId === account.id &&
      record.accountKey.apiKeyId === key.apiKeyId &&
      record.regionId === key.regionId,
  );

/**
 * Links stored keys to the account keys they are: a stored key not linked yet whose fingerprint
 * ends the service's mask has its secret read (once) and compared with the mask's start and end.
 * Each link is remembered in the key's metadata with the workspace's own domain, so no secret is
 * read for it again and nobody types an `llm-…` id. Returns the config as it now is.
 */
async function linkStoredKeys(services: Services, views: readonly AccountView[]): Promise<Config> {
  const config = await services.config.read();
  const secrets = new Map<string, Promise<string | undefined>>();
  const secretOf = (record: KeyRecord) => {
    let secret = secrets.get(record.id);
    if (!secret) {
      // A key whose item is gone from the keychain is simply not linked.
      secret = services.vault.secretOf(record).catch(() => undefined);
      secrets.set(record.id, secret);
    }
    return secret;
  };
  const links = new Map<string, { link: AccountKeyLink; domain: string | undefined }>();
  for (const { account, workspaces, keys } of views) {
    for (const key of keys) {
      const workspace = workspaces.find((candidate) => candidate.workspaceId === key.workspaceId);
      const domain = workspace && domainLabelOf(workspace);
      const link = { accountId: account.id, apiKeyId: key.apiKeyId, workspaceId: key.workspaceId };
      const linked = linkedRecord(config, account, key);
      if (linked) {
        if (domain !== undefined && linked.workspaceId !== domain) links.set(linked.id, { link, domain });
        continue;
      }
      const candidates = config.keys.filter(
        (record) =>
          record.accountKey === undefined &&
          !links.has(record.id) &&
          record.regionId === key.regionId &&
          key.maskedValue.endsWith(record.fingerprint),
      );
      for (const record of candidates) {
        const secret = await secretOf(record);
        if (secret !== undefined && fitsMask(secret, key.maskedValue)) {
          links.set(record.id, { link, domain });
          break;
        }
      }
    }
  }
  if (links.size === 0) return config;
  return services.config.update((draft) => {
    for (const record of draft.keys) {
      const found = links.get(record.id);
      if (!found) continue;
      record.accountKey = { ...record.accountKey, ...found.link };
      if (found.domain !== undefined) record.workspaceId = found.domain;
    }
    return structuredClone(draft);
  });
}

/** The only account when no name is given; several need a name. */
function oneAccount(config: Config, name: string | undefined): AccountRecord {
  const accounts = chooseAccounts(config, name);
  if (accounts.length > 1)
    throw new MskError(
      'invalid-input',
      `Several accounts are connected (${accounts.map((account) => account.name).join(', ')}): name one.`,
      { reason: 'several-accounts' },
    );
  return accounts[0] as AccountRecord;
}

// ---------------------------------------------------------------------------------------------
// The keychain's writes of a new value, retried: the value exists nowhere else.

/** How long to wait before each try of a keychain write (the first at once). */
export const KEYCHAIN_RETRY_WAITS_MS: readonly number[] = [0, 250, 1000, 3000];

export interface KeychainRetry {
  waitsMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

/** `write`'s result, or the last error when every try failed. */
export async function withKeychainRetries<T>(
  write: () => Promise<T>,
  retry: KeychainRetry = {},
): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  let error: unknown;
  for (const wait of retry.waitsMs ?? KEYCHAIN_RETRY_WAITS_MS) {
    if (wait > 0) await (retry.sleep ?? sleep)(wait);
    try {
      return { ok: true, value: await write() };
    } catch (failed) {
      error = failed;
    }
  }
  return { ok: false, error };
}

// ---------------------------------------------------------------------------------------------
// Create.

export interface CreateKeyInput extends NewKeyScope {
  account?: string | undefined;
  /** Its id, name or domain label. */
  workspace: string;
  region?: string | undefined;
  label: string;
}

export interface CreatedKey {
  record: KeyRecord;
  apiKeyId: string;
  workspace: KeyWorkspace;
  /** The check made at once; null when it could not be made. */
  check: CheckResult | null;
}

export async function createAccountKey(
  services: Services,
  input: CreateKeyInput,
  options: { signal?: AbortSignal; retry?: KeychainRetry } = {},
): Promise<CreatedKey> {
  const { signal } = options;
  const config = await services.config.read();
  // Everything the user gave is checked before anything is asked of Alibaba Cloud.
  const account = oneAccount(config, input.account);
  const label = checkNewLabel(config.keys, input.label);
  const request = createKeyRequest(input);
  const client = accountClient(services, account);
  const workspace = pickWorkspace(await listWorkspaces(client, signal), input.workspace, input.region);

  const created = createdKeyOf(
    await client.call(workspace.regionId, 'CreateApiKey', {
      query: { workspaceId: workspace.workspaceId, ...request.query },
      ...(request.body && { body: request.body }),
      signal,
    }),
  );
  const stored = await storeNew(services, created.value, {
    label,
    account,
    workspace,
    apiKeyId: created.apiKeyId,
    retry: options.retry,
  });
  if (!stored.ok) {
    const undone = await client
      .call(workspace.regionId, 'DeleteApiKey', { id: created.apiKeyId })
      .then(() => true)
      .catch(() => false);
    throw new MskError(
      isMskError(stored.error) ? stored.error.code : 'keychain-unavailable',
      undone
        ? `The keychain did not take the new key (${messageOf(stored.error)}), so it was deleted from the account again: nothing was changed.`
        : `The keychain did not take the new key (${messageOf(stored.error)}), and deleting it from the account failed too: delete key ${created.apiKeyId} of workspace '${workspace.name}' in the console.`,
      { apiKeyId: created.apiKeyId, undone },
    );
  }
  const check = await checkKey(services, stored.value.id, { ...(signal && { signal }) }).catch(() => null);
  return { record: stored.value, apiKeyId: created.apiKeyId, workspace: keyWorkspace(workspace), check };
}

const keyWorkspace = (workspace: AccountWorkspace): KeyWorkspace => ({
  id: workspace.workspaceId,
  name: workspace.name,
  regionId: workspace.regionId,
  apiHost: workspace.apiHost,
});

/** A value from the service stored as a new key, linked to the account's key, in its workspace. */
async function storeNew(
  services: Services,
  value: string,
  place: {
    label: string;
    account: AccountRecord;
    workspace: AccountWorkspace;
    apiKeyId: string;
    retry?: KeychainRetry | undefined;
  },
): Promise<{ ok: true; value: KeyRecord } | { ok: false; error: unknown }> {
  let parsed: ReturnType<typeof parseKey>;
  try {
    parsed = parseKey(value);
  } catch (error) {
    // Not a key (a broken answer): stored nowhere, and a created one is deleted again.
    return { ok: false, error };
  }
  const domain = domainLabelOf(place.workspace);
  const outcome = await withKeychainRetries(
    () =>
      services.vault.add({
        secret: parsed.secret,
        label: place.label,
        regionId: place.workspace.regionId,
        plan: parsed.defaultPlan,
        ...(domain !== undefined && { workspaceId: domain }),
        accountKey: {
          accountId: place.account.id,
          apiKeyId: place.apiKeyId,
          workspaceId: place.workspace.workspaceId,
        },
      }),
    place.retry,
  );
  return outcome.ok ? { ok: true, value: outcome.value.record } : outcome;
}

// ---------------------------------------------------------------------------------------------
// Finding one key: by a stored key's label or local id, or by the account's apiKeyId.

/** One key of an account, and the stored key it is, if any. */
export interface LocatedKey {
  account: AccountRecord;
  workspace: AccountWorkspace;
  key: AccountApiKey;
  stored: KeyRecord | null;
}

/**
 * The key `reference` names. A stored key's label or local id names it (and the account key it is
 * linked to, or found by its mask); digits name the account's key of that apiKeyId. Digits that
 * are also a stored key's label are refused as ambiguous (unless that key is this very one): the
 * user chooses by the stored key's local id, or renames it.
 */
export async function findAccountKey(
  services: Services,
  reference: string,
  options: { account?: string | undefined } = {},
  signal?: AbortSignal,
): Promise<LocatedKey> {
  const config = await services.config.read();
  const accounts = chooseAccounts(config, options.account);
  const wanted = reference.trim();
  const stored = storedKey(config, wanted);
  const digits = API_KEY_ID.test(wanted);
  if (stored && digits && stored.id !== wanted && stored.accountKey?.apiKeyId !== wanted)
    throw new MskError(
      'invalid-input',
      `'${wanted}' is the label of a stored key and could be an account key's id: name the stored key by its id (${stored.id}), or rename it.`,
      { reason: 'ambiguous-key', reference: wanted, keyId: stored.id },
    );
  if (stored) return locateStored(services, accounts, stored, signal);
  if (!digits) {
    // Never repeated as given: a key pasted where its label belongs is masked.
    const shown = redactKeys(withoutUnsafe(wanted).slice(0, 64));
    throw new MskError(
      'unknown-key',
      `No key is labelled or identified '${shown}' here, and an account key's id is digits.`,
      { reference: shown },
    );
  }
  return locateById(services, accounts, wanted, signal);
}

function storedKey(config: Config, reference: string): KeyRecord | undefined {
  try {
    return resolveKey(config.keys, reference);
  } catch (error) {
    if (isMskError(error) && error.code === 'unknown-key') return undefined;
    throw error;
  }
}

async function locateStored(
  services: Services,
  accounts: readonly AccountRecord[],
  stored: KeyRecord,
  signal?: AbortSignal,
): Promise<LocatedKey> {
  const link = stored.accountKey;
  if (link) {
    const account = accounts.find((candidate) => candidate.id === link.accountId);
    if (!account)
      throw new MskError(
        'no-account',
        `'${stored.label}' is a key of an account that is not connected here (any more).`,
        { label: stored.label },
      );
    const found = await getKey(
      accountClient(services, account),
      account,
      stored.regionId,
      link.apiKeyId,
      signal,
    );
    if (!found)
      throw new MskError(
        'unknown-key',
        `The account '${account.name}' no longer has '${stored.label}' (key ${link.apiKeyId}): it was deleted there.`,
        { label: stored.label, apiKeyId: link.apiKeyId, reason: 'gone' },
      );
    return { ...found, stored };
  }
  // Not linked yet: the account's keys in its region are read, and it is found by its mask.
  for (const account of accounts) {
    const client = accountClient(services, account);
    const workspaces = await listWorkspacesIn(client, stored.regionId, signal);
    const view = { account, client, workspaces, keys: await listApiKeys(client, workspaces, signal) };
    const config = await linkStoredKeys(services, [view]);
    const linked = config.keys.find((key) => key.id === stored.id);
    const key = view.keys.find((candidate) => candidate.apiKeyId === linked?.accountKey?.apiKeyId);
    const workspace = workspaces.find((candidate) => candidate.workspaceId === key?.workspaceId);
    if (linked?.accountKey?.accountId === account.id && key && workspace)
      return { account, workspace, key, stored: linked };
  }
  throw new MskError('unknown-key', `'${stored.label}' is stored here, but no connected account has it.`, {
    label: stored.label,
    reason: 'not-in-account',
  });
}

async function locateById(
  services: Services,
  accounts: readonly AccountRecord[],
  apiKeyId: string,
  signal?: AbortSignal,
): Promise<LocatedKey> {
  const found = (
    await Promise.all(
      accounts.flatMap((account) => {
        const client = accountClient(services, account);
        return MANAGEMENT_API.regions.map((regionId) => getKey(client, account, regionId, apiKeyId, signal));
      }),
    )
  ).filter((candidate) => candidate !== undefined);
  if (found.length === 0)
    throw new MskError('unknown-key', `No connected account has a key ${apiKeyId}.`, {
      apiKeyId,
      reason: 'not-in-account',
    });
  if (found.length > 1)
    throw new MskError(
      'invalid-input',
      `Key ${apiKeyId} is in ${found.map((located) => `${located.account.name} (${located.key.regionId})`).join(' and ')}: name the account.`,
      { reason: 'ambiguous-account', reference: apiKeyId },
    );
  const [located] = found as [Omit<LocatedKey, 'stored'>];
  // Stored here already, but never linked? Its mask tells (and links it).
  const config = await linkStoredKeys(services, [
    {
      ...located,
      client: accountClient(services, located.account),
      workspaces: [located.workspace],
      keys: [located.key],
    },
  ]);
  return { ...located, stored: linkedRecord(config, located.account, located.key) ?? null };
}

/** The key `apiKeyId` in `regionId` with its workspace, or undefined when the region has none. */
async function getKey(
  client: ManagementClient,
  account: AccountRecord,
  regionId: string,
  apiKeyId: string,
  signal?: AbortSignal,
): Promise<Omit<LocatedKey, 'stored'> | undefined> {
  let body: unknown;
  try {
    body = await client.call(regionId, 'GetApiKey', { id: apiKeyId, signal });
  } catch (error) {
    if (refusedFor(error, 'not-found') || refusedFor(error, 'not-activated')) return undefined;
    throw error;
  }
  const key = apiKeyOf((body as { apiKey?: unknown } | null)?.apiKey, regionId);
  if (!key || key.apiKeyId !== apiKeyId) return undefined;
  const workspace = (await listWorkspacesIn(client, regionId, signal)).find(
    (candidate) => candidate.workspaceId === key.workspaceId,
  );
  if (!workspace) return undefined;
  return { account, workspace, key };
}

// ---------------------------------------------------------------------------------------------
// Rotate (and bring back a lost value).

export interface Rotated {
  /** The stored key that now holds the new value: the same one, or a new one for a lost value. */
  record: KeyRecord | null;
  /** Whether the value replaced a stored key's (same id) or was stored as a new key. */
  stored: 'replaced' | 'added' | 'not-stored';
  /**
   * The new value, only when the keychain refused it after every retry: it exists nowhere else,
   * and the old one no longer works. Shown once, then gone.
   */
  shownOnce: string | null;
  /** Why the keychain refused it, then. */
  keychainError: string | null;
}

/**
 * Resets the key in the account. A stored key gets the new value under its own id; the record is
 * marked `rotatingSince` from before the reset until the value is stored, so the gateway waits for
 * it rather than failing a request. A key not stored here (a lost value) is stored as a new key,
 * labelled `label` (default `account-key-<id>`).
 */
export async function rotateAccountKey(
  services: Services,
  located: LocatedKey,
  options: { label?: string | undefined; signal?: AbortSignal; retry?: KeychainRetry } = {},
): Promise<Rotated> {
  const { account, workspace, key, stored } = located;
  const client = accountClient(services, account);
  const reset = async () =>
    parseKey(
      createdKeyOf(
        await client.call(key.regionId, 'ResetApiKey', { id: key.apiKeyId, signal: options.signal }),
      ).value,
    ).secret;

  if (!stored) {
    const config = await services.config.read();
    const label = checkNewLabel(
      config.keys,
      options.label ?? freeLabel(config.keys, `account-key-${key.apiKeyId}`),
    );
    const value = await reset();
    const added = await storeNew(services, value, {
      label,
      account,
      workspace,
      apiKeyId: key.apiKeyId,
      retry: options.retry,
    });
    return added.ok
      ? { record: added.value, stored: 'added', shownOnce: null, keychainError: null }
      : { record: null, stored: 'not-stored', shownOnce: value, keychainError: messageOf(added.error) };
  }

  await mark(services, stored.id, new Date().toISOString());
  let value: string;
  try {
    value = await reset();
  } catch (error) {
    await mark(services, stored.id, undefined).catch(() => undefined);
    throw error;
  }
  const replaced = await withKeychainRetries(
    () => services.vault.replaceSecret(stored.id, value),
    options.retry,
  );
  // A mark left behind (this write failing) is ignored after a while: the gateway waits for fresh ones only.
  await mark(services, stored.id, undefined).catch(() => undefined);
  return replaced.ok
    ? { record: replaced.value, stored: 'replaced', shownOnce: null, keychainError: null }
    : { record: stored, stored: 'not-stored', shownOnce: value, keychainError: messageOf(replaced.error) };
}

/** Sets (or clears) a stored key's `rotatingSince`. */
function mark(services: Services, keyId: string, since: string | undefined): Promise<void> {
  return services.config.update((draft) => {
    const record = draft.keys.find((key) => key.id === keyId);
    if (!record?.accountKey) return;
    if (since === undefined) delete record.accountKey.rotatingSince;
    else record.accountKey.rotatingSince = since;
  });
}

// ---------------------------------------------------------------------------------------------
// Disable, enable, delete.

/** Disables or enables the key in the account. */
export async function setAccountKeyEnabled(
  services: Services,
  located: LocatedKey,
  enabled: boolean,
  signal?: AbortSignal,
): Promise<void> {
  if (located.key.enabled === enabled)
    throw new MskError(
      'invalid-input',
      `Key ${located.key.apiKeyId} is ${enabled ? 'enabled' : 'disabled'} already: nothing was changed.`,
      { reason: enabled ? 'enabled-already' : 'disabled-already' },
    );
  await accountClient(services, located.account).call(
    located.key.regionId,
    enabled ? 'EnableApiKey' : 'DisableApiKey',
    { id: located.key.apiKeyId, signal },
  );
}

/** Deletes the key in the account; with `forget`, the stored key too (its keychain item with it). */
export async function deleteAccountKey(
  services: Services,
  located: LocatedKey,
  options: { forget?: boolean | undefined; signal?: AbortSignal } = {},
): Promise<{ forgotten: KeyRecord | null }> {
  await accountClient(services, located.account).call(located.key.regionId, 'DeleteApiKey', {
    id: located.key.apiKeyId,
    signal: options.signal,
  });
  if (!options.forget || !located.stored) return { forgotten: null };
  return { forgotten: await services.vault.remove(located.stored.id) };
}
