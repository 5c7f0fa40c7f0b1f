// settings.* and workspaces.*: the window's Settings view and workspace names — the same catalog
// and checks as `msk config` and `msk workspace rename`.
import { z } from 'zod';

const SettingName = z.string().min(1).max(200);

export const SettingViewSchema = z.object({
  name: z.string(),
  kind: z.enum(['integer', 'boolean', 'choice', 'text', 'map']),
  value: z.unknown(),
  defaultValue: z.unknown(),
  isDefault: z.boolean(),
  description: z.string(),
  choices: z.array(z.string()).nullable(),
});

export const WorkspaceViewSchema = z.object({
  id: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  name: z.string().nullable(),
  keyCount: z.number(),
  keyLimit: z.number(),
  workspaceLimit: z.number(),
});

export const settingCalls = {
  'settings.list': { args: z.void(), result: z.array(SettingViewSchema) },
  /** `name` as in `msk config set` (`toolModels.codex` for one entry); the value is checked in main. */
  'settings.set': {
    args: z.object({ name: SettingName, value: z.union([z.string().max(2000), z.number(), z.boolean()]) }),
    result: z.object({ name: z.string(), value: z.unknown() }),
  },
  'settings.unset': { args: z.object({ name: SettingName }), result: z.object({ changed: z.boolean() }) },
  'workspaces.list': { args: z.void(), result: z.array(WorkspaceViewSchema) },
  'workspaces.rename': {
    args: z.object({ id: z.string().min(1).max(100), name: z.string().max(1000) }),
    result: WorkspaceViewSchema,
  },
} as const;
