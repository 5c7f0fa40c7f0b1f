// A file or folder a dialog of main's gave the window, coming back in a call.
import { z } from 'zod';

/** Absolute on POSIX (/…) or Windows (C:\…, \\server\…): what a dialog answers, nothing relative. */
export const AbsolutePath = z
  .string()
  .min(1)
  .max(4096)
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'an absolute path');
