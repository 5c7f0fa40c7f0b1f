// The shape of config.json: key metadata and settings, never a secret. Parsed with zod on
// every read, so a hand-edited or damaged file is reported, not half-trusted.
import { z } from 'zod';
import {
  DEFAULT_MODEL,
  DEFAULT_REGION_ID,
  DEFAULT_WORKSPACE_ID,
  KEY_SHAPE_IDS,
  PLAN_IDS,
} from './model-studio.js';

/** Bumped with every change to the shape below; `config-migrations.ts` upgrades older files. */
export const CONFIG_SCHEMA_VERSION = 3;

export const CheckStatusSchema = z.enum([
  'ok',
  'invalid-key',
  'wrong-region',
  'wrong-plan',
  'workspace-denied',
  'model-denied',
  'rate-limited',
  'quota',
  'arrears',
  'unverified',
  'server-error',
  'network',
  'timeout',
]);

export const LastCheckSchema = z.object({
  status: CheckStatusSchema,
  httpStatus: z.number().int().nullable(),
  latencyMs: z.number().nonnegative().nullable(),
  modelCount: z.number().int().nonnegative().nullable(),
  at: z.iso.datetime(),
});

export const KeyRecordSchema = z.object({
  id: z.uuid(),
  label: z.string().min(1),
  regionId: z.string(),
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
});

export const WorkspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  regionId: z.string(),
  accountId: z.string().optional(),
});

/** A tool the user defined: variables as templates ({{apiKey}}, {{baseUrl}}…), maybe on a built-in base. */
export const CustomToolSchema = z.object({
  id: z.string(),
  name: z.string(),
  command: z.array(z.string()).min(1).optional(),
  variables: z.record(z.string(), z.string()).default({}),
  /** A built-in preset whose variables it starts from. */
  base: z.string().optional(),
});

export const SettingsSchema = z.object({
  activeRegionId: z.string().default(DEFAULT_REGION_ID),
  activeKeyByRegion: z.record(z.string(), z.string()).default({}),
  clipboardClearSeconds: z.number().int().min(0).max(3600).default(30),
  /** How long a connection check waits for Model Studio. */
  requestTimeoutSeconds: z.number().int().min(1).max(120).default(10),
  concealClipboard: z.boolean().default(true),
  defaultModel: z.string().min(1).default(DEFAULT_MODEL),
  toolModels: z.record(z.string(), z.string()).default({}),
  endpointOverrides: z.record(z.string(), z.string()).default({}),
  useWorkspaceDomains: z.boolean().default(false),
  terminal: z.string().default('auto'),
  language: z.enum(['system', 'en', 'zh-CN']).default('system'),
  launchAtLogin: z.boolean().default(false),
  /** A system-wide shortcut for Copy API Key. Off by default: the tray stays the way in. */
  globalShortcut: z.boolean().default(false),
  customTools: z.array(CustomToolSchema).default([]),
});

export const ConfigSchema = z.object({
  schemaVersion: z.literal(CONFIG_SCHEMA_VERSION),
  keys: z.array(KeyRecordSchema).default([]),
  workspaces: z.array(WorkspaceSchema).default([]),
  settings: SettingsSchema.default(() => SettingsSchema.parse({})),
});

export type CheckStatus = z.infer<typeof CheckStatusSchema>;
export type LastCheck = z.infer<typeof LastCheckSchema>;
export type KeyRecord = z.infer<typeof KeyRecordSchema>;
export type Workspace = z.infer<typeof WorkspaceSchema>;
export type CustomTool = z.infer<typeof CustomToolSchema>;
export type Settings = z.infer<typeof SettingsSchema>;
export type Config = z.infer<typeof ConfigSchema>;

export const emptyConfig = (): Config => ConfigSchema.parse({ schemaVersion: CONFIG_SCHEMA_VERSION });
