// cli.*: `msk` on the PATH from the installed app — whether its launcher is there, install, uninstall.
import { z } from 'zod';

const LauncherStatusSchema = z.object({ installed: z.boolean(), file: z.string(), onPath: z.boolean() });

export const cliCalls = {
  'cli.status': { args: z.void(), result: LauncherStatusSchema },
  'cli.install': { args: z.void(), result: LauncherStatusSchema },
  'cli.uninstall': { args: z.void(), result: LauncherStatusSchema },
} as const;
