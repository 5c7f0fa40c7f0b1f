// backup.*: the window's Backup and Restore. Main asks where to save and which file to open (a
// dialog of its own); the passphrase crosses once per call and is kept nowhere.
import { z } from 'zod';
import { AbsolutePath } from './paths.js';

const Passphrase = z.string().min(1).max(1024);

export const backupCalls = {
  /** Asks where to save, then writes every key sealed with `passphrase`; `file` null: cancelled. */
  'backup.create': {
    args: z.object({ passphrase: Passphrase }),
    result: z.object({ file: z.string().nullable(), keyCount: z.number(), workspaceCount: z.number() }),
  },
  /** Asks which backup to open; null when the user cancelled. */
  'backup.chooseFile': { args: z.void(), result: z.object({ file: z.string().nullable() }) },
  /** Adds the backup's keys not stored here yet; the ones already here are skipped and named. */
  'backup.restore': {
    args: z.object({
      file: AbsolutePath,
      passphrase: Passphrase,
    }),
    result: z.object({
      restored: z.array(z.object({ label: z.string(), backupLabel: z.string() })),
      skipped: z.array(z.object({ label: z.string(), heldAs: z.string() })),
      workspaceCount: z.number(),
    }),
  },
} as const;
