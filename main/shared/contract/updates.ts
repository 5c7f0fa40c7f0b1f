// updates.*: the installed app's updates — look now (whatever the setting), restart into a ready one.
// What the updater is doing reaches every view with the state snapshot (`updates`).
import { z } from 'zod';

export const UpdatesViewSchema = z.object({
  current: z.string(),
  phase: z.enum(['unavailable', 'idle', 'checking', 'latest', 'downloading', 'ready', 'failed']),
  reason: z.string().nullable(),
  detail: z.string().nullable(),
  version: z.string().nullable(),
  percent: z.number().min(0).max(100).nullable(),
  checkedAt: z.string().nullable(),
});

export const updateCalls = {
  /** Starts a check (and the download of what it finds); the snapshots tell how it goes. */
  'updates.check': { args: z.void(), result: z.void() },
  /** Quits and installs the downloaded version; false when none is ready. */
  'updates.restart': { args: z.void(), result: z.boolean() },
} as const;
