// The shape of config.json: key metadata and settings, never a secret. Parsed with zod on
// every read, so a hand-edited or damaged file is reported, not half-trusted.
import { z } from 'zod';
import { CHECK_STATUSES, gatewayTokenName, THEMES } from '../../shared/vocabulary.js';
import { LANGUAGE_SETTINGS } from '../../shared/i18n/languages.js';
import {
  DEFAULT_MODEL,
  DEFAULT_REGION_ID,
  DEFAULT_WORKSPACE_ID,
  GATEWAY,
  KEY_SHAPE_IDS,
  PLAN_IDS,
  PRICE_TEXT,
  PRICES,
  REGIONS,
  MANAGEMENT_API,
  type ServiceSite,
} from '../model-studio/catalog.js';
import { CONFIG_SCHEMA_VERSION } from './config-constants.js';
import { MODEL_LIST_LIMITS } from '../model-studio/check-classifier.js';
import { holdsKeyLike } from '../model-studio/key-format.js';
import { isUsableModelId, MODEL_ID_RULE } from '../model-studio/model-id.js';
import { isShowable } from '../base/one-line.js';
import { checkEndpointOverride } from '../model-studio/regions.js';
import { VARIABLE_NAME } from '../platform/env-format.js';
import { CUSTOM_TOOL_ID, type CustomTool } from '../tools/tool-catalog.js';
import { customToolTexts } from '../tools/tool-presets.js';

/** A region this version knows: a hand-edited `mars` is reported, never listed as a region. */
const RegionIdSchema = z.string().refine((id) => REGIONS.some((region) => region.id === id), {
  error: (issue) =>
    `unknown region '${String(issue.input)}' (known: ${REGIONS.map((region) => region.id).join(', ')})`,
});

export { CONFIG_SCHEMA_VERSION } from './config-constants.js';

/** A name shown to the user (a key's label, a workspace's, a tool's): nothing hides or reorders it. */
const ShownName = z
  .string()
  .refine(isShowable, 'holds a control, line-separator or text-direction character');

/** A model id, as the catalog says (it goes on command lines and into shells). */
const ModelIdSchema = z.string().refine(isUsableModelId, `not a model id (${MODEL_ID_RULE})`);

/** Said of a place that holds a key; never the value. */
export const KEY_IN_CONFIG =
  'holds what looks like an API key: keys stay in the keychain (put {{apiKey}} where the key goes)';

export const CheckStatusSchema = z.enum(CHECK_STATUSES);

export const LastCheckSchema = z.object({
  status: CheckStatusSchema,
  httpStatus: z.number().int().nullable(),
  latencyMs: z.number().nonnegative().nullable(),
  modelCount: z.number().int().nonnegative().nullable(),
  /** The model ids the check reached; absent when it reached none, and in older files. */
  models: z.array(z.string().max(MODEL_LIST_LIMITS.idLength)).max(MODEL_LIST_LIMITS.count).optional(),
  /** Where the key does work, after a `wrong-region` or `wrong-plan` check: the fix to offer. */
  suggestedRegionId: z.string().optional(),
  suggestedPlan: z.enum(PLAN_IDS).optional(),
  at: z.iso.datetime(),
});

/** An account key's id, as the management API numbers them: digits only. */
export const API_KEY_ID = /^\d{1,20}$/;

/**
 * Which key of a connected account a stored key is (found once by the service's mask, then
 * remembered: no secret is read for it again). `rotatingSince` marks a reset under way: the
 * gateway waits for it instead of failing a request the old value can no longer make.
 */
export const AccountKeyLinkSchema = z.looseObject({
  /** The connected account's id here (accounts[].id). */
  accountId: z.uuid(),
  apiKeyId: z.string().regex(API_KEY_ID),
  /** The workspace's id in the account (ws-…), which the service's calls take. */
  workspaceId: z.string().min(1).max(128),
  rotatingSince: z.iso.datetime().optional(),
});

// Objects are loose: a field this version does not know (hand-added, or from a tool) is kept
// through every write instead of silently dropped.
export const KeyRecordSchema = z.looseObject({
  id: z.uuid(),
  label: ShownName.min(1),
  regionId: RegionIdSchema,
  workspaceId: z.string().default(DEFAULT_WORKSPACE_ID),
  accountId: z.string().optional(),
  ramUser: z.string().optional(),
  /** The billing plan, which decides the endpoints, next to the region. */
  plan: z.enum(PLAN_IDS),
  /** The key's family (classic, workspace sk-ws-, plan sk-sp-): how it is masked. */
  shape: z.enum(KEY_SHAPE_IDS),
  fingerprint: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().optional(),
  lastCheck: LastCheckSchema.optional(),
  /** The account's key this is, when a connected account has it. */
  accountKey: AccountKeyLinkSchema.optional(),
});

export const WorkspaceSchema = z.looseObject({
  id: z.string(),
  name: ShownName,
  regionId: RegionIdSchema,
  accountId: z.string().optional(),
});

/** A tool the user defined: variables as templates ({{apiKey}}, {{baseUrl}}…), maybe on a built-in base. */
export const CustomToolSchema = z
  .object({
    id: z.string().regex(CUSTOM_TOOL_ID, 'not a tool id (2–32 lowercase letters, digits and hyphens)'),
    name: ShownName,
    command: z.array(z.string()).min(1).optional(),
    variables: z.record(z.string(), z.string()).default({}),
    /** A built-in preset whose variables it starts from. */
    base: z.string().optional(),
  })
  // Issues name the place, never the text: a key must not reach a message either.
  .superRefine((tool, context) => {
    for (const { path, text } of customToolTexts(tool)) {
      if (holdsKeyLike(text)) context.addIssue({ code: 'custom', path, message: KEY_IN_CONFIG });
    }
    if (Object.keys(tool.variables).some((name) => !VARIABLE_NAME.test(name))) {
      context.addIssue({
        code: 'custom',
        path: ['variables'],
        message: 'a variable name is not one (letters, digits and _, not starting with a digit)',
      });
    }
  }) satisfies z.ZodType<CustomTool>;

/** A price's name: the price list, then the model (`international:qwen-plus`). */
export const PRICE_ENTRY = new RegExp(`^(${Object.keys(PRICES).join('|')}):[^\\s]{1,200}$`);

export const SettingsSchema = z.looseObject({
  activeRegionId: z.string().default(DEFAULT_REGION_ID),
  activeKeyByRegion: z.record(z.string(), z.string()).default({}),
  clipboardClearSeconds: z.number().int().min(0).max(3600).default(30),
  /** How long a connection check waits for Model Studio. */
  requestTimeoutSeconds: z.number().int().min(1).max(120).default(10),
  concealClipboard: z.boolean().default(true),
  defaultModel: ModelIdSchema.default(DEFAULT_MODEL),
  toolModels: z.record(z.string(), ModelIdSchema).default({}),
  /** Where a region's (or one host's) requests go instead: keys are sent there, so checked as `msk config set` checks it. */
  endpointOverrides: z
    .record(z.string(), z.string())
    .superRefine((overrides, context) => {
      for (const [key, prefix] of Object.entries(overrides)) {
        try {
          checkEndpointOverride(key, prefix, 'endpointOverrides');
        } catch (error) {
          context.addIssue({ code: 'custom', path: [key], message: (error as Error).message });
        }
      }
    })
    .default({}),
  useWorkspaceDomains: z.boolean().default(false),
  terminal: z.string().default('auto'),
  language: z.enum(LANGUAGE_SETTINGS).default('system'),
  theme: z.enum(THEMES).default('system'),
  /** Applied by the running app (an autostart entry or login item), never by `msk`. */
  launchAtLogin: z.boolean().default(false),
  /** A system-wide shortcut for Copy API Key. Off by default: the tray stays the way in. */
  globalShortcut: z.boolean().default(false),
  /** The installed app looks for updates daily and downloads them; restarting into one is asked. */
  autoUpdate: z.boolean().default(true),
  customTools: z.array(CustomToolSchema).default([]),
  /** The local gateway's port on 127.0.0.1 (`msk gateway run`, and the app's). */
  gatewayPort: z.number().int().min(1024).max(65_535).default(GATEWAY.defaultPort),
  /** Whether the app runs the gateway (while a tool has a token); `msk gateway run` runs it regardless. */
  gatewayEnabled: z.boolean().default(true),
  /**
   * Prices that replace the catalog's (model-studio.ts PRICES): `<price list>:<model>` →
   * `<input>/<output>` per million tokens, in the list's currency.
   */
  prices: z
    .record(
      z.string().regex(PRICE_ENTRY),
      z.string().regex(PRICE_TEXT, 'a price as <input>/<output>, e.g. 0.4/1.2'),
    )
    .default({}),
});

/**
 * A tool's token for the local gateway. Only its SHA-256 is kept: the token is shown once, when
 * made, and a stolen config.json cannot be used to spend anything.
 */
export const GatewayTokenSchema = z.looseObject({
  name: z.string().regex(gatewayTokenName()),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** The keys it stands for, in failover order; none: the active key of the active region. */
  keyIds: z.array(z.string()).default([]),
  /** Every request through the token uses this model. */
  model: ModelIdSchema.optional(),
  /** Requests a minute it may make; none: no limit. */
  requestsPerMinute: z.number().int().min(1).max(1_000_000).optional(),
  createdAt: z.iso.datetime(),
});

/** The tools' gateway tokens (its port and switch are settings). */
export const GatewaySchema = z.looseObject({
  tokens: z.array(GatewayTokenSchema).default([]),
});

/** A name an account is known by here (`work`, `personal`): shown, typed, never a secret. */
export const ACCOUNT_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,31}$/u;

/** An AccessKey ID as the RAM console shows it (LTAI…): letters and digits. */
export const ACCESS_KEY_ID = /^[A-Za-z0-9]{8,128}$/;

/**
 * Where an account's credential comes from; never a secret here. An AccessKey pair the user gave
 * has its secret in the keychain (an item of its own); an aliyun CLI profile and the standard
 * chain (environment variables, ~/.alibabacloud/credentials) are used where they are.
 */
export const AccountCredentialSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('access-key'), accessKeyId: z.string().regex(ACCESS_KEY_ID) }),
  z.object({ kind: z.literal('profile'), profile: z.string().min(1).max(128).refine(isShowable) }),
  z.object({ kind: z.literal('chain') }),
]);

/** An Alibaba Cloud account connected here, for its workspaces, keys and spend. */
export const AccountSchema = z.looseObject({
  id: z.uuid(),
  name: z.string().regex(ACCOUNT_NAME),
  site: z.enum(Object.keys(MANAGEMENT_API.sites) as [ServiceSite, ...ServiceSite[]]),
  credential: AccountCredentialSchema,
  connectedAt: z.iso.datetime(),
});

export const ConfigSchema = z
  .looseObject({
    schemaVersion: z.literal(CONFIG_SCHEMA_VERSION),
    keys: z.array(KeyRecordSchema).default([]),
    workspaces: z.array(WorkspaceSchema).default([]),
    settings: SettingsSchema.default(() => SettingsSchema.parse({})),
    gateway: GatewaySchema.default(() => GatewaySchema.parse({})),
    /** Hints the user asked not to see again (hints.ts). */
    dismissedHints: z.array(z.string()).default([]),
    /** Alibaba Cloud accounts connected for their workspaces, keys and spend. */
    accounts: z.array(AccountSchema).default([]),
  })
  .superRefine((config, context) => {
    // A token is known by its name: two of one name could not be told apart, revoked or reported.
    const names = new Set<string>();
    config.gateway.tokens.forEach((token, index) => {
      if (names.has(token.name.toLowerCase()))
        context.addIssue({
          code: 'custom',
          path: ['gateway', 'tokens', index, 'name'],
          message: 'a name used twice',
        });
      names.add(token.name.toLowerCase());
    });
    // Two records with one id would share one keychain item: which one `remove` deletes is a guess.
    const first = new Map<string, number>();
    config.keys.forEach((key, index) => {
      const earlier = first.get(key.id);
      if (earlier === undefined) first.set(key.id, index);
      else
        context.addIssue({
          code: 'custom',
          path: ['keys', index, 'id'],
          message: `the same id as keys.${earlier}`,
        });
    });
  });

export type LastCheck = z.infer<typeof LastCheckSchema>;
export type KeyRecord = z.infer<typeof KeyRecordSchema>;
export type Workspace = z.infer<typeof WorkspaceSchema>;
export type { CustomTool } from '../tools/tool-catalog.js';
export type Settings = z.infer<typeof SettingsSchema>;
export type GatewayToken = z.infer<typeof GatewayTokenSchema>;
export type Gateway = z.infer<typeof GatewaySchema>;
export type Config = z.infer<typeof ConfigSchema>;
export type AccountRecord = z.infer<typeof AccountSchema>;
export type AccountKeyLink = z.infer<typeof AccountKeyLinkSchema>;
export type AccountCredential = z.infer<typeof AccountCredentialSchema>;

/**
 * How the config is parsed: without zod's compiled fast path. zod compiles an object's parser
 * with `new Function` on its first parse, which pays off over many parses of one shape; a config
 * is parsed once or twice per `msk` process (and per change in the app), where compiling costs
 * more than it saves. The same checks run either way.
 */
export const PARSE_ONCE = { jitless: true } as const;

export const emptyConfig = (): Config =>
  ConfigSchema.parse({ schemaVersion: CONFIG_SCHEMA_VERSION }, PARSE_ONCE);
