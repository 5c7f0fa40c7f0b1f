// regions.*: switching the active region.
import { z } from 'zod';
import { AppStateSchema } from './state.js';

export const regionCalls = {
  'regions.setActive': { args: z.object({ regionId: z.string().min(1) }), result: AppStateSchema },
} as const;
