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
  /** Every workspace of every region, of one account or all, with its keys there and here. */
  'account.workspaces': {
    args: z.object({ name: AccountName.optional() }),
    progress: Progress,
    result: z.array(AccountWorkspaceSchema),
  },
} as const;
