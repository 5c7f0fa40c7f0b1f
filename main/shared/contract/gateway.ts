// gateway.*: the window's Gateway view — turn the app's gateway on or off, give a tool a token
// (it crosses once, to be shown and copied, and is kept nowhere), revoke one, and the usage report.
import { z } from 'zod';
import { gatewayTokenName, USAGE_GROUPS } from '../vocabulary.js';

const CostSchema = z.object({ USD: z.number().optional(), CNY: z.number().optional() });

const UsageRowSchema = z.object({
  name: z.string(),
  requests: z.number().int(),
  failedOver: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  cost: CostSchema,
  unpricedTokens: z.number().int(),
});

export const gatewayCalls = {
  'gateway.setEnabled': {
    args: z.object({ enabled: z.boolean() }),
    result: z.object({ enabled: z.boolean() }),
  },
  /** Makes a token for a tool; it is copied (cleared like a key) and shown this once. */
  'gateway.addToken': {
    args: z.object({
      name: z.string().regex(gatewayTokenName()),
      /** Key ids in failover order; none: the active key. */
      keys: z.array(z.string().max(100)).max(20),
      model: z.string().min(1).max(200).optional(),
      requestsPerMinute: z.number().int().min(1).max(1_000_000).optional(),
    }),
    result: z.object({ name: z.string(), token: z.string(), clearAfterSeconds: z.number().int() }),
  },
  'gateway.revokeToken': {
    args: z.object({ name: z.string().max(64) }),
    result: z.object({ name: z.string() }),
  },
  /** What went through the gateway in the last `days` days (1: today), grouped `by`. */
  'gateway.usage': {
    args: z.object({ by: z.enum(USAGE_GROUPS), days: z.number().int().min(1).max(366) }),
    result: z.object({
      since: z.string(),
      rows: z.array(UsageRowSchema),
      total: UsageRowSchema.omit({ name: true }),
      /** When each tool last made a request. */
      lastUsed: z.record(z.string(), z.string()),
    }),
  },
} as const;
