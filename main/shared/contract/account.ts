// account.*: the user's Alibaba Cloud account in the window. An AccessKey secret crosses the
// bridge once, in `account.connect`'s arguments, and is never answered back: accounts are told by
// name, their credential by where it comes from (the snapshot's `accounts`). Calls that ask every
// region are tasks, with progress and cancel.
import { z } from 'zod';
import { ACCOUNT_PERMISSIONS, SERVICE_SITES } from '../vocabulary.js';

/** An account's name here (the core says which names it takes). */
const AccountName = z.string().min(1).max(64);
const Site = z.enum(SERVICE_SITES);

const ConnectCredential = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('access-key'),
    accessKeyId: z.string().min(1).max(128),
    accessKeySecret: z.string().min(1).max(256),
  }),
  z.object({ kind: z.literal('profile'), profile: z.string().min(1).max(128) }),
  z.object({ kind: z.literal('chain') }),
]);

const Progress = z.object({ done: z.number().int(), total: z.number().int() });

export const AccountWorkspaceSchema = z.object({
  account: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  regionId: z.string(),
  /** Its own domain, where only its keys work. */
  apiHost: z.string().nullable(),
  /** null when the permissions do not let its keys be listed. */
  accountKeys: z.number().int().nullable(),
  storedKeys: z.number().int(),
});

const Money = z.object({ currency: z.string(), amount: z.number() });

/** One account's month: its bill by model, the months before, its balance or why not. */
export const AccountSpendSchema = z.object({
  account: z.string(),
  site: Site,
  bill: z.object({
    month: z.string(),
    currency: z.string(),
    /** Tax included. */
    total: z.number(),
    pretax: z.number(),
    tax: z.number(),
    /** Largest first; model '' is what is not a model. */
    byModel: z.array(z.object({ model: z.string(), amount: z.number(), share: z.number() })),
  }),
  /** The months before and this one, oldest first. */
  trend: z.array(z.object({ month: z.string(), amount: z.number() })),
  balance: z.discriminatedUnion('available', [
    Money.extend({ available: z.literal(true) }),
    /** Why not: a refusal's reason (`permission`…) or `network`, and the RAM action it needs. */
    z.object({ available: z.literal(false), reason: z.string(), action: z.string() }),
  ]),
});

const GatewayCountsSchema = z.object({
  requests: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  cost: z.object({ USD: z.number().optional(), CNY: z.number().optional() }),
});

/** A stored key's local id, or an account key's id (digits): what names one key of an account. */
const KeyReference = z.string().min(1).max(200);

const StoredAsSchema = z.object({ keyId: z.string(), label: z.string(), masked: z.string() });

export const AccountKeySchema = z.object({
  account: z.string(),
  apiKeyId: z.string(),
  /** As the service masks it, or msk's own mask for a key stored here. */
  maskedValue: z.string(),
  workspace: z.object({
    id: z.string(),
    name: z.string(),
    regionId: z.string(),
    apiHost: z.string().nullable(),
  }),
  description: z.string(),
  enabled: z.boolean(),
  createdAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  /** The key stored here that it is; null when its value is not here. */
  stored: StoredAsSchema.nullable(),
});

/** Which key of which account a change is for. */
const KeyTarget = { account: AccountName, reference: KeyReference };

export const accountCalls = {
  /** Which calls each account's permissions allow (one small call each, said plainly in the window). */
  'account.status': {
    args: z.object({ name: AccountName.optional() }),
    result: z.array(
      z.object({
        name: z.string(),
        permissions: z.array(
          z.object({ what: z.enum(ACCOUNT_PERMISSIONS), action: z.string(), allowed: z.boolean() }),
        ),
      }),
    ),
  },
  /** The least a RAM user needs for everything the app does with an account, as JSON to read and copy. */
  'account.policy': { args: z.void(), result: z.string() },
  /** Forgets an account here (its AccessKey secret leaves the keychain); nothing in Alibaba Cloud changes. */
  'account.disconnect': {
    args: z.object({ name: AccountName }),
    result: z.object({ name: z.string() }),
  },
} as const;

export const accountTasks = {
  /** Proves the credential by listing the workspaces, then keeps the account (the site asked when left out). */
  'account.connect': {
    args: z.object({ name: AccountName.optional(), site: Site.optional(), credential: ConnectCredential }),
    progress: Progress,
    result: z.object({
      name: z.string(),
      site: Site,
      /** The bill could not be read, so the international site was taken. */
      siteAssumed: z.boolean(),
      workspaceCount: z.number().int(),
    }),
  },
  /**
   * A month's spend of each account (this month when left out), or why an account's cannot be
   * read; beside it, what the gateway on this computer counted that month, by model.
   */
  'account.spend': {
    args: z.object({
      name: AccountName.optional(),
      month: z
        .string()
        .regex(/^\d{4}-\d{2}$/)
        .optional(),
    }),
    progress: Progress,
    result: z.object({
      month: z.string(),
      accounts: z.array(
        z.union([
          AccountSpendSchema.extend({ error: z.null() }),
          z.object({
            account: z.string(),
            error: z.object({
              code: z.string(),
              message: z.string(),
              params: z.record(z.string(), z.unknown()).optional(),
            }),
          }),
        ]),
      ),
      /** By model; null when no account's spend could be read (the month then is unknown to it). */
      gateway: z
        .object({
          rows: z.array(GatewayCountsSchema.extend({ name: z.string() })),
          total: GatewayCountsSchema,
        })
        .nullable(),
    }),
  },
  /**
   * Every key of the accounts (masked), and whether each is stored here; `gone`: keys stored
   * here that their account no longer has.
   */
  'account.keys': {
    args: z.object({ name: AccountName.optional() }),
    progress: Progress,
    result: z.object({
      keys: z.array(AccountKeySchema),
      gone: z.array(StoredAsSchema.extend({ account: z.string(), apiKeyId: z.string() })),
    }),
  },
  /**
   * Creates a key in a workspace of the account: its value goes straight into the keychain (it
   * never crosses the bridge) and is checked at once.
   */
  'account.createKey': {
    args: z.object({
      account: AccountName,
      /** The workspace's id in the account. */
      workspace: z.string().min(1).max(128),
      regionId: z.string().min(1).max(64),
      label: z.string().min(1).max(200),
      description: z.string().max(1000).optional(),
      models: z.array(z.string().min(1).max(200)).max(200).optional(),
      ips: z.array(z.string().min(1).max(100)).max(200).optional(),
    }),
    progress: Progress,
    result: z.object({
      keyId: z.string(),
      label: z.string(),
      apiKeyId: z.string(),
      /** The check made at once; null when it could not be made. */
      check: z.object({ status: z.string(), message: z.string() }).nullable(),
    }),
  },
  /**
   * The service's reset: the new value replaces the stored one under the same key (or is stored
   * as a new key when its value was not here). Only when the keychain refused it after every
   * retry does `shownOnce` carry the value, to be shown once and kept nowhere.
   */
  'account.rotateKey': {
    args: z.object({ ...KeyTarget, label: z.string().min(1).max(200).optional() }),
    progress: Progress,
    result: z.object({
      apiKeyId: z.string(),
      stored: z.enum(['replaced', 'added', 'not-stored']),
      keyId: z.string().nullable(),
      label: z.string().nullable(),
      shownOnce: z.string().nullable(),
      keychainError: z.string().nullable(),
    }),
  },
  'account.setKeyEnabled': {
    args: z.object({ ...KeyTarget, enabled: z.boolean() }),
    progress: Progress,
    result: z.object({ apiKeyId: z.string(), enabled: z.boolean() }),
  },
  /** Deletes the key in the account; with `forget`, the key stored here too. */
  'account.deleteKey': {
    args: z.object({ ...KeyTarget, forget: z.boolean() }),
    progress: Progress,
    result: z.object({ apiKeyId: z.string(), forgotten: z.string().nullable() }),
  },
  /** A new workspace in the account (in the site's home region unless one is named). */
  'account.createWorkspace': {
    args: z.object({
      account: AccountName,
      name: z.string().min(1).max(200),
      regionId: z.string().min(1).max(64).optional(),
    }),
    progress: Progress,
    result: z.object({
      account: z.string(),
      workspaceId: z.string(),
      name: z.string(),
      regionId: z.string(),
    }),
  },
  /** Deletes a workspace; the service refuses the default one and one that still holds keys (said by reason). */
  'account.deleteWorkspace': {
    args: z.object({
      account: AccountName,
      workspaceId: z.string().min(1).max(128),
      regionId: z.string().min(1).max(64),
    }),
    progress: Progress,
    result: z.object({ workspaceId: z.string() }),
  },
  /** Every workspace of every region, of one account or all, with its keys there and here. */
  'account.workspaces': {
    args: z.object({ name: AccountName.optional() }),
    progress: Progress,
    result: z.array(AccountWorkspaceSchema),
  },
} as const;
