// Account use cases: connect an Alibaba Cloud account (an AccessKey pair whose secret goes to the
// keychain, an aliyun CLI profile by name, or the standard chain; its site found by asking), say
// what its permissions allow, list its workspaces, disconnect it. The CLI and the window call these.
import { randomUUID } from 'node:crypto';
import { MskError, messageOf } from '../base/errors.js';
import { isShowable } from '../base/one-line.js';
import {
  ACCESS_KEY_ID,
  ACCOUNT_NAME,
  type AccountCredential,
  type AccountRecord,
  type Config,
} from '../config/config-schema.js';
import { ACCOUNT_POLICY, BSS_API, MANAGEMENT_API, type ServiceSite } from '../model-studio/catalog.js';
import type { Services } from '../keys/services.js';
import { accountSecretItem, readCredential, shortAccessKeyId } from '../account/account-credentials.js';
import { type AccessCredential, ManagementClient, refusedFor } from '../account/management-client.js';
import {
  type AccountWorkspace,
  accountKeyCount,
  domainLabelOf,
  listWorkspaces,
} from '../account/workspaces.js';
import { billQuery } from '../account/spend.js';

/** How the user connects: a pair they give (the secret read from stdin or a prompt), a profile, the chain. */
export type ConnectCredential =
  | { kind: 'access-key'; accessKeyId: string; accessKeySecret: string }
  | { kind: 'profile'; profile: string }
  | { kind: 'chain' };

export interface ConnectInput {
  /** What the account is called here; default: `default`, else `account-2`… */
  name?: string | undefined;
  credential: ConnectCredential;
  /** Asked of Alibaba Cloud when left out. */
  site?: ServiceSite | undefined;
}

/** A client for a stored account (its credential read when a call needs it). */
export const accountClient = (services: Services, account: AccountRecord): ManagementClient =>
  new ManagementClient(async () => {
    await services.config.assertPrivate();
    return readCredential(account, services.secrets);
  }, services.environment.openApiEndpoints);

export async function connectAccount(
  services: Services,
  input: ConnectInput,
  signal?: AbortSignal,
): Promise<{ account: AccountRecord; workspaceCount: number; siteAssumed: boolean }> {
  const before = await services.config.read();
  const name = accountName(before, input.name);
  const credential = storedCredential(input.credential);
  const account: AccountRecord = {
    id: randomUUID(),
    name,
    site: input.site ?? 'international',
    credential,
    connectedAt: new Date().toISOString(),
  };
  // Until it is stored, the pair given is used as it is (a newline from a pipe dropped); a profile
  // or the chain is read as always.
  const given: ConnectCredential =
    input.credential.kind === 'access-key'
      ? { ...input.credential, accessKeySecret: input.credential.accessKeySecret.trim() }
      : input.credential;
  const client = new ManagementClient(
    async (): Promise<AccessCredential> =>
      given.kind === 'access-key'
        ? { accessKeyId: given.accessKeyId, accessKeySecret: given.accessKeySecret }
        : readCredential(account, services.secrets),
    services.environment.openApiEndpoints,
  );
  let siteAssumed = false;
  if (input.site === undefined) {
    const detected = await detectSite(client, signal);
    account.site = detected.site;
    siteAssumed = detected.assumed;
  }
  // Listing the workspaces proves the credential before anything is stored: a wrong ID, a secret
  // that does not sign or a clock that is off is said here. A permission missing is not a wrong
  // credential: connected all the same, and status says what is allowed.
  const workspaces = await listWorkspaces(client, signal).catch((error: unknown) => {
    if (refusedFor(error, 'permission')) return [];
    throw error;
  });

  // A cancel heard while the service answered still stores nothing.
  if (signal?.aborted) throw new MskError('cancelled', 'Cancelled; nothing was stored.');
  if (given.kind === 'access-key')
    await services.secrets.set(accountSecretItem(account.id), given.accessKeySecret);
  try {
    await services.config.update((draft) => {
      accountName(draft, name);
      draft.accounts.push(account);
    });
  } catch (error) {
    if (given.kind === 'access-key')
      await services.secrets.delete(accountSecretItem(account.id)).catch(() => undefined);
    throw error;
  }
  return { account, workspaceCount: workspaces.length, siteAssumed };
}

/**
 * The account's site, from its bill: the China site bills in yuan, the international site in
 * dollars. The bill is asked of both sites' home regions at once, since an account may be refused
 * by the other site's host. Without a bill to read (no permission for it), the international site
 * is assumed, and said. Any other refusal (the credential's) is thrown: nothing is stored.
 */
async function detectSite(
  client: ManagementClient,
  signal?: AbortSignal,
): Promise<{ site: ServiceSite; assumed: boolean }> {
  const homes = Object.values(MANAGEMENT_API.sites).map((site) => site.home);
  const answers = await Promise.allSettled(
    homes.map((regionId) => client.call(regionId, 'GetBillingOverview', { query: billQuery(), signal })),
  );
  for (const answer of answers) {
    if (answer.status !== 'fulfilled') continue;
    const currency = (answer.value as { data?: { currency?: unknown } }).data?.currency;
    if (currency === 'CNY') return { site: 'china', assumed: false };
    if (typeof currency === 'string') return { site: 'international', assumed: false };
  }
  const refusals = answers.flatMap((answer) =>
    answer.status === 'rejected' ? [answer.reason as unknown] : [],
  );
  const credentialRefusal = refusals.find(
    (error) => !refusedFor(error, 'permission') && !refusedFor(error, 'not-activated'),
  );
  if (credentialRefusal !== undefined) throw credentialRefusal;
  return { site: 'international', assumed: true };
}

function storedCredential(credential: ConnectCredential): AccountCredential {
  if (credential.kind === 'access-key') {
    const accessKeyId = credential.accessKeyId.trim();
    if (!ACCESS_KEY_ID.test(accessKeyId))
      throw new MskError(
        'invalid-input',
        'That is not an AccessKey ID: it is letters and digits (LTAI…), as the RAM console shows it.',
      );
    if (credential.accessKeySecret.trim() === '' || /\s/.test(credential.accessKeySecret.trim()))
      throw new MskError('invalid-input', 'No AccessKey secret was given: paste the secret alone.');
    return { kind: 'access-key', accessKeyId };
  }
  if (credential.kind === 'profile') {
    const profile = credential.profile.trim();
    if (profile === '' || profile.length > 128 || !isShowable(profile))
      throw new MskError('invalid-input', `'${profile}' cannot be an aliyun CLI profile's name.`);
    return { kind: 'profile', profile };
  }
  return { kind: 'chain' };
}

/** The name asked for (checked, free), else `default`, `account-2`… */
function accountName(config: Config, wanted: string | undefined): string {
  const taken = new Set(config.accounts.map((account) => account.name.toLowerCase()));
  if (wanted !== undefined) {
    const name = wanted.trim();
    if (!ACCOUNT_NAME.test(name))
      throw new MskError(
        'invalid-input',
        `'${wanted}' cannot name an account: use up to 32 letters, digits, spaces, '.', '_' or '-', starting with a letter or digit.`,
      );
    if (taken.has(name.toLowerCase()))
      throw new MskError(
        'invalid-input',
        `An account named '${name}' is connected already; choose another name.`,
      );
    return name;
  }
  for (let count = 1; ; count++) {
    const name = count === 1 ? 'default' : `account-${count}`;
    if (!taken.has(name)) return name;
  }
}

/** The account named, or the only one; every account when `all`. */
export function chooseAccounts(config: Config, name: string | undefined): AccountRecord[] {
  if (config.accounts.length === 0)
    throw new MskError('no-account', 'No Alibaba Cloud account is connected here yet.', {
      name: name ?? null,
    });
  if (name === undefined) return config.accounts;
  const account = config.accounts.find(
    (candidate) => candidate.name.toLowerCase() === name.trim().toLowerCase(),
  );
  if (!account)
    throw new MskError(
      'no-account',
      `No account is connected as '${name}' (connected: ${config.accounts.map((candidate) => candidate.name).join(', ')}).`,
      { name },
    );
  return [account];
}

/** What one of an account's permissions allows: each read call tried once, its answer said plainly. */
export interface PermissionCheck {
  what: 'workspaces' | 'keys' | 'spend' | 'balance';
  /** The RAM action it needs (`modelstudio:ListApiKeys`, `bssapi:QueryAccountBalance`). */
  action: string;
  allowed: boolean;
  /** Why not, when not (a RefusalReason: `permission`, `not-activated`…), for surfaces that word it. */
  reason: string | null;
  /** Why not, when not, in a sentence. */
  message: string | null;
}

export interface AccountStatus {
  name: string;
  site: ServiceSite;
  siteName: string;
  /** Where its credential comes from, without the secret: `access key LTAI…7f3c`, `aliyun CLI profile work`. */
  credential: string;
  permissions: PermissionCheck[];
  /** The least a RAM user needs for everything msk does with an account. */
  policy: typeof ACCOUNT_POLICY;
}

export async function accountStatus(
  services: Services,
  name?: string,
  signal?: AbortSignal,
): Promise<AccountStatus[]> {
  const accounts = chooseAccounts(await services.config.read(), name);
  return Promise.all(
    accounts.map(async (account) => {
      const client = accountClient(services, account);
      // The site's home region: where its bill is, and where Model Studio is surely activated.
      const regionId = MANAGEMENT_API.sites[account.site].home;
      const probes: { what: PermissionCheck['what']; action: string; call: () => Promise<unknown> }[] = [
        ...(
          [
            { what: 'workspaces', action: 'ListWorkspaces', query: { maxResults: 1 } },
            { what: 'keys', action: 'ListApiKeys', query: { maxResults: 1 } },
            { what: 'spend', action: 'GetBillingOverview', query: billQuery() },
          ] as const
        ).map(({ what, action, query }) => ({
          what,
          action: `modelstudio:${action}`,
          call: () => client.call(regionId, action, { query, signal }),
        })),
        {
          what: 'balance',
          action: `${BSS_API.ramPrefix}:QueryAccountBalance`,
          call: () => client.callBss(account.site, 'QueryAccountBalance', { signal }),
        },
      ];
      const permissions = await Promise.all(
        probes.map(({ what, action, call }) =>
          call().then(
            (): PermissionCheck => ({ what, action, allowed: true, reason: null, message: null }),
            (error: unknown): PermissionCheck => {
              if (!refusedFor(error, 'permission')) throw error;
              return { what, action, allowed: false, reason: 'permission', message: messageOf(error) };
            },
          ),
        ),
      );
      return {
        name: account.name,
        site: account.site,
        siteName: MANAGEMENT_API.sites[account.site].name,
        credential: describeCredential(account.credential),
        permissions,
        policy: ACCOUNT_POLICY,
      };
    }),
  );
}

export function describeCredential(credential: AccountCredential): string {
  if (credential.kind === 'access-key')
    return `AccessKey ${shortAccessKeyId(credential.accessKeyId)} (secret in the keychain)`;
  if (credential.kind === 'profile') return `aliyun CLI profile '${credential.profile}'`;
  return "Alibaba Cloud's standard credential chain";
}

/** A workspace of an account, with how many keys it holds there and here. */
export interface WorkspaceListing extends AccountWorkspace {
  account: string;
  /** null when the permissions do not let its keys be listed. */
  accountKeys: number | null;
  storedKeys: number;
}

export async function accountWorkspaces(
  services: Services,
  name?: string,
  signal?: AbortSignal,
): Promise<WorkspaceListing[]> {
  const config = await services.config.read();
  const accounts = chooseAccounts(config, name);
  const listed = await Promise.all(
    accounts.map(async (account) => {
      const client = accountClient(services, account);
      const workspaces = await listWorkspaces(client, signal);
      const counts = await Promise.all(
        workspaces.map((workspace) => accountKeyCount(client, workspace, signal)),
      );
      return workspaces.map((workspace, index) => ({
        ...workspace,
        account: account.name,
        accountKeys: counts[index] ?? null,
        // A stored key names its workspace by the id or, when it came from the account, by its
        // domain's label (what its endpoints take), and is linked to the account's id for it.
        storedKeys: config.keys.filter(
          (key) =>
            key.regionId === workspace.regionId &&
            (key.accountKey?.workspaceId === workspace.workspaceId ||
              key.workspaceId === workspace.workspaceId ||
              key.workspaceId === domainLabelOf(workspace)),
        ).length,
      }));
    }),
  );
  return listed.flat();
}

/** Forgets an account here: its record, and its AccessKey secret in the keychain. Nothing in Alibaba Cloud changes. */
export async function disconnectAccount(services: Services, name: string): Promise<AccountRecord> {
  const removed = await services.config.update((draft) => {
    const [account] = chooseAccounts(draft, name);
    if (!account) throw new MskError('no-account', `No account is connected as '${name}'.`, { name });
    draft.accounts = draft.accounts.filter((candidate) => candidate.id !== account.id);
    return account;
  });
  if (removed.credential.kind === 'access-key')
    await services.secrets.delete(accountSecretItem(removed.id)).catch(() => undefined);
  return removed;
}
