// A change to a file as main shows it before or after making it: the changed lines marked − and +,
// a few unchanged ones around, keys masked in main (import's removals, OpenClaw's setup).
import { z } from 'zod';

export const DiffLinesSchema = z.array(z.object({ mark: z.enum([' ', '-', '+']), text: z.string() }));

export type DiffLine = z.output<typeof DiffLinesSchema>[number];
