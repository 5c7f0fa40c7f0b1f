// checks.*: connection checks, as tasks with progress and cancel.
import { z } from 'zod';
import { CheckStatusSchema } from './check-status.js';
import { PLAN_IDS } from '../vocabulary.js';

export const CheckResultSchema = z.object({
  keyId: z.string(),
  label: z.string(),
  regionId: z.string(),
  plan: z.enum(PLAN_IDS),
  status: CheckStatusSchema,
  httpStatus: z.number().int().nullable(),
  latencyMs: z.number().nullable(),
  modelCount: z.number().int().nullable(),
  suggestedRegionId: z.string().nullable(),
  suggestedPlan: z.enum(PLAN_IDS).nullable(),
  message: z.string(),
  at: z.string(),
});

const Progress = z.object({ done: z.number().int(), total: z.number().int(), label: z.string() });

export const checkCalls = {
  /** Stops the one "check all" under way, whoever started it (the tray, another window). */
  'checks.cancelAll': { args: z.void(), result: z.object({ cancelled: z.boolean() }) },
} as const;

export const checkTasks = {
  /** Every key; one run at a time, shared with the tray (a second start joins it). */
  'checks.all': {
    args: z.void(),
    progress: Progress,
    result: z.object({
      results: z.array(CheckResultSchema),
      unchecked: z.array(z.object({ keyId: z.string(), label: z.string(), message: z.string() })),
      cancelled: z.boolean(),
    }),
  },
  'checks.one': {
    args: z.object({ keyId: z.string().min(1).max(200) }),
    progress: Progress,
    result: CheckResultSchema,
  },
} as const;
