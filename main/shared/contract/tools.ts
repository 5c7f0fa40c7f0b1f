// tools.*: the tools the window lists, launches, fills in settings for, exports to, and sets up
// (OpenClaw, a task). No key crosses: a settings page's key field comes back masked (the key itself
// goes to the clipboard), and a config's change comes back with any key in it masked.
import { z } from 'zod';
import { DiffLinesSchema } from './diff-lines.js';
import { PLAN_IDS } from '../vocabulary.js';

const ToolId = z.string().min(1).max(64);
const KeyId = z.string().min(1).max(200);

export const ToolListingSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['cli', 'sdk', 'gui', 'export', 'custom']),
  description: z.string(),
  command: z.array(z.string()).nullable(),
  variables: z.array(z.string()),
  templates: z.record(z.string(), z.string()).nullable(),
  available: z.boolean().nullable(),
  plans: z.array(z.enum(PLAN_IDS)),
  install: z.string().nullable(),
  note: z.string().nullable(),
});

export const toolCalls = {
  'tools.list': { args: z.void(), result: z.array(ToolListingSchema) },
  /** Opens the user's terminal running the tool; `cwd` (absolute) picks that folder's .msk.json. */
  'tools.launch': {
    args: z.object({
      tool: ToolId,
      keyId: KeyId.optional(),
      cwd: z.string().min(1).optional(),
      terminal: z.string().optional(),
    }),
    result: z.object({ tool: z.string(), label: z.string(), terminal: z.string() }),
  },
  /** The variables a tool gets with a key (the active key without one), the key masked. */
  'tools.variables': {
    args: z.object({ tool: ToolId, keyId: KeyId.optional() }),
    result: z.object({
      toolName: z.string(),
      label: z.string(),
      variables: z.array(z.object({ name: z.string(), value: z.string(), secret: z.boolean() })),
      unavailable: z.array(z.string()),
    }),
  },
  'tools.settings': {
    /** `viaGateway`: the gateway's URL and the tool's token (kept in the keychain, else new) in place of the key. */
    args: z.object({ tool: ToolId, keyId: KeyId.optional(), viaGateway: z.boolean().optional() }),
    result: z.object({
      toolName: z.string(),
      label: z.string(),
      fields: z.array(
        z.object({ label: z.string(), value: z.string(), where: z.string(), secret: z.boolean() }),
      ),
      copied: z.boolean(),
      /** The name of the token made, when through the gateway. */
      gatewayToken: z.string().nullable(),
    }),
  },
  /** Asks where to save (a dialog in main); `file` is null when the user cancelled. */
  /** `viaGateway`: a new gateway token and the gateway's URLs in the file instead of the key. */
  'tools.exportPostman': {
    args: z.object({ keyId: KeyId.optional(), viaGateway: z.boolean().optional() }),
    result: z.object({ file: z.string().nullable(), gatewayToken: z.string().nullable() }),
  },
  'tools.saveCustom': {
    args: z.object({
      id: ToolId,
      name: z.string().min(1).max(100),
      command: z.array(z.string()).min(1).optional(),
      variables: z.record(z.string(), z.string()),
      base: ToolId.optional(),
      /** The window's Edit: a new version of the tool of this id (else a tool of that id is refused). */
      replace: z.boolean().optional(),
    }),
    result: ToolListingSchema,
  },
  'tools.removeCustom': { args: z.object({ id: ToolId }), result: z.object({ id: z.string() }) },
  /** What a custom tool's templates may say: `{{apiKey}}`, `{{baseUrl}}`, … */
  'tools.placeholders': { args: z.void(), result: z.array(z.string()) },
} as const;

export const toolTasks = {
  /**
   * OpenClaw set up for a key (the active key without one): its onboarding (a child, 10–40 s),
   * then the key's base URL written into its config. Cancelled, the config is as it was.
   */
  'tools.setUpOpenClaw': {
    args: z.object({ keyId: KeyId.optional() }),
    progress: z.object({ step: z.enum(['onboarding', 'writing']), label: z.string() }),
    result: z.object({
      label: z.string(),
      provider: z.string(),
      baseUrl: z.string(),
      /** OpenClaw's config, `~` for the home folder; its copy as it was, or null (new, or unchanged). */
      file: z.string(),
      backup: z.string().nullable(),
      changed: z.boolean(),
      /** The lines around each change, keys masked. */
      diff: DiffLinesSchema,
    }),
  },
} as const;
