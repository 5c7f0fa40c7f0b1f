// import.*: keys found lying in dotfiles and tool configs (issue "bring keys home"). The window
// gets findings as data — masked, by id — while the secrets stay in main with the search that
// found them (held-scan.ts): every later step names findings by id.
import { z } from 'zod';
import { DiffLinesSchema } from './diff-lines.js';
import { KEY_SHAPE_IDS, PLAN_IDS } from '../vocabulary.js';
import { AbsolutePath } from './paths.js';

const FindingId = z.string().min(1).max(64);
const FindingIds = z.array(FindingId).min(1).max(1000);

export const FindingSchema = z.object({
  id: z.string(),
  file: z.string().nullable(),
  kind: z.enum(['shell', 'fish', 'powershell', 'dotenv', 'json', 'key-file', 'environment']),
  line: z.number().int().nullable(),
  variable: z.string(),
  masked: z.string(),
  shape: z.enum(KEY_SHAPE_IDS),
  plans: z.array(z.enum(PLAN_IDS)),
  defaultPlan: z.enum(PLAN_IDS),
  commented: z.boolean(),
  stored: z.object({ keyId: z.string(), label: z.string() }).nullable(),
  suggestedLabel: z.string(),
  outsideHome: z.boolean(),
  removal: z.enum(['replace-line', 'delete-property', 'move-file']).nullable(),
  notRemovable: z.string().nullable(),
});

const ScanSchema = z.object({
  findings: z.array(FindingSchema),
  notes: z.array(z.object({ file: z.string(), reason: z.string(), message: z.string() })),
});

const RemovalSchema = z.object({
  file: z.string(),
  target: z.string(),
  action: z.enum(['edit', 'move']),
  findingIds: z.array(z.string()),
});

export const importCalls = {
  /** Searches the known places, the app's environment and the folders named; read-only. */
  'import.scan': { args: z.object({ folders: z.array(AbsolutePath).max(20) }), result: ScanSchema },
  /** Asks for a folder to search too (its .env files); null when the user cancelled. */
  'import.chooseFolder': { args: z.void(), result: z.object({ folder: z.string().nullable() }) },
  /** What removing these keys from their files would change, per file, keys masked. */
  'import.preview': {
    args: z.object({ ids: FindingIds }),
    result: z.array(
      RemovalSchema.extend({
        hunks: z.array(
          z.object({
            line: z.number().int(),
            before: z.array(z.string()),
            after: z.array(z.string()),
            lines: DiffLinesSchema,
          }),
        ),
      }),
    ),
  },
  /** Takes stored keys out of their files; a backup of each file is kept beside it. */
  'import.remove': {
    args: z.object({ ids: FindingIds }),
    result: z.array(RemovalSchema.extend({ backup: z.string() })),
  },
} as const;

export const importTasks = {
  /** Stores the chosen findings with the rules of "Add key"; a key found twice is stored once. */
  'import.keys': {
    args: z.object({
      ids: FindingIds,
      placement: z.union([
        z.object({ regionId: z.string().min(1).max(64) }),
        z.object({ detect: z.literal(true) }),
      ]),
      labels: z.record(FindingId, z.string().min(1).max(200)).optional(),
    }),
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    result: z.array(
      z.object({
        findingIds: z.array(z.string()),
        masked: z.string(),
        outcome: z.enum(['stored', 'already-stored', 'failed']),
        key: z
          .object({ keyId: z.string(), label: z.string(), regionId: z.string(), plan: z.enum(PLAN_IDS) })
          .nullable(),
        active: z.boolean(),
        error: z
          .object({
            code: z.string(),
            message: z.string(),
            params: z.record(z.string(), z.unknown()).optional(),
          })
          .nullable(),
      }),
    ),
  },
} as const;
