// hints.*: a hint the window shows (the snapshot's `hints`) put away for good.
import { z } from 'zod';
import { HINTS } from '../vocabulary.js';

export const hintCalls = {
  'hints.dismiss': { args: z.object({ id: z.enum(HINTS) }), result: z.void() },
} as const;
