// regions.*: switching the active region, and what each region serves (with overrides applied).
import { z } from 'zod';
import { PLAN_IDS } from '../vocabulary.js';
import { AppStateSchema } from './state.js';

export const RegionEndpointSchema = z.object({
  regionId: z.string(),
  /** The host family: dashscope, workspace, coding, token. */
  family: z.string(),
  plan: z.enum(PLAN_IDS),
  description: z.string(),
  /** OpenAI-compatible base URL. */
  compatible: z.string(),
  /** Anthropic-compatible base URL, where the family has one. */
  anthropic: z.string().nullable(),
  /** DashScope's native API base, where the family has one. */
  native: z.string().nullable(),
  /** True when an endpoint override replaced the catalog's origin. */
  overridden: z.boolean(),
});

export const regionCalls = {
  'regions.setActive': { args: z.object({ regionId: z.string().min(1) }), result: AppStateSchema },
  'regions.endpoints': { args: z.void(), result: z.array(RegionEndpointSchema) },
} as const;
