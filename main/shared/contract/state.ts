// state.*: the secret-free snapshot, as the renderer receives it.
import { z } from 'zod';
import { LANGUAGE_SETTINGS } from '../i18n/languages.js';
import { CheckStatusSchema } from './check-status.js';
import {
  ACCOUNT_CREDENTIAL_KINDS,
  HINTS,
  KEY_SHAPE_IDS,
  PLAN_IDS,
  SERVICE_SITES,
  THEMES,
} from '../vocabulary.js';
import { UpdatesViewSchema } from './updates.js';

export const KeyViewSchema = z.object({
  id: z.string(),
  label: z.string(),
  regionId: z.string(),
  workspaceId: z.string(),
  plan: z.enum(PLAN_IDS),
  planName: z.string(),
  shape: z.enum(KEY_SHAPE_IDS),
  masked: z.string(),
  active: z.boolean(),
  lastCheck: z
    .object({
      status: CheckStatusSchema,
      httpStatus: z.number().int().nullable(),
      latencyMs: z.number().nullable(),
      modelCount: z.number().int().nullable(),
      suggestedRegionId: z.string().optional(),
      suggestedPlan: z.enum(PLAN_IDS).optional(),
      at: z.string(),
    })
    .nullable(),
  /** The connected account whose key it is (it can be rotated there); null when none. */
  account: z.string().nullable(),
});

const CostSchema = z.object({ USD: z.number().optional(), CNY: z.number().optional() });

/** The local gateway: its state, the tools' tokens (never a token or its hash), today's usage. */
export const GatewayViewSchema = z.object({
  enabled: z.boolean(),
  port: z.number().int(),
  address: z.string(),
  url: z.string(),
  anthropicUrl: z.string(),
  nativeUrl: z.string(),
  state: z.enum(['off', 'running', 'failed']),
  message: z.string().nullable(),
  tokens: z.array(
    z.object({
      name: z.string(),
      keys: z.array(z.string()),
      model: z.string().nullable(),
      requestsPerMinute: z.number().int().nullable(),
      createdAt: z.string(),
    }),
  ),
  today: z.object({ requests: z.number().int(), cost: CostSchema }),
});

/** A connected Alibaba Cloud account: its name, site and where its credential comes from — never a secret. */
export const AccountViewSchema = z.object({
  name: z.string(),
  site: z.enum(SERVICE_SITES),
  credential: z.object({
    kind: z.enum(ACCOUNT_CREDENTIAL_KINDS),
    /** The AccessKey ID's ends (`LTAI…7f3c`) or the aliyun CLI profile's name; null for the chain. */
    hint: z.string().nullable(),
  }),
  connectedAt: z.string(),
});

export const AppStateSchema = z.object({
  revision: z.number().int().nonnegative(),
  dataRevision: z.number().int().nonnegative(),
  serviceTitle: z.string(),
  activeRegionId: z.string(),
  regions: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      apiKeyPage: z.string(),
      billingPage: z.string(),
      keyCount: z.number().int(),
      workspaceOnly: z.boolean(),
      switchable: z.boolean(),
      workspaces: z.array(z.string()),
    }),
  ),
  keys: z.array(KeyViewSchema),
  clipboardClearSeconds: z.number().int(),
  language: z.enum(LANGUAGE_SETTINGS),
  theme: z.enum(THEMES),
  globalShortcut: z.boolean(),
  problem: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** A "check all" under way, whoever started it (the tray or a window). */
  checking: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
  gateway: GatewayViewSchema,
  cli: z.object({ installed: z.boolean(), file: z.string(), onPath: z.boolean() }).nullable(),
  updates: UpdatesViewSchema,
  hints: z.array(z.enum(HINTS)),
  accounts: z.array(AccountViewSchema),
  /** This month's bill of the accounts whose bill can be read, tax included, per currency; null without one. */
  spend: z.object({ month: z.string(), cost: z.record(z.string(), z.number()) }).nullable(),
});

export const stateCalls = {
  'state.get': { args: z.void(), result: AppStateSchema },
  /** “Unlock and retry”: asks the keychain again, so a problem it had clears once it answers. */
  'state.retry': { args: z.void(), result: AppStateSchema },
  /** `msk doctor --fix`: a damaged file set aside and its newest good backup restored, lost keys recovered. */
  'state.repair': {
    args: z.void(),
    result: z.object({ done: z.array(z.string()), healthy: z.boolean() }),
  },
} as const;
