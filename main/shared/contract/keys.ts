// keys.*: using and managing stored keys. A secret crosses the bridge twice at most: once going
// in (`keys.inspect`, which answers with an opaque token every later step of "Add key" uses) and
// once coming out on an explicit Reveal. Copying happens in main.
import { z } from 'zod';
import { CheckStatusSchema } from './check-status.js';
import { KEY_SHAPE_IDS, PLAN_IDS } from '../vocabulary.js';

const KeyId = z.string().min(1).max(200);
const Label = z.string().min(1).max(200);
const RegionId = z.string().min(1).max(64);
const WorkspaceId = z.string().min(1).max(100);
/** An "Add key" in progress: what main handed out for a pasted secret. */
const Token = z.string().min(1).max(100);

const PlaceAnswerSchema = z.object({
  regionId: z.string(),
  plan: z.enum(PLAN_IDS),
  status: z.union([CheckStatusSchema, z.literal('cancelled')]),
  message: z.string(),
});

export const keyCalls = {
  /** Copies a key (the active key of the active region without an id); says when it clears. */
  'keys.copy': {
    args: z.object({ keyId: KeyId.optional() }),
    result: z.object({ keyId: z.string(), label: z.string(), clearAfterSeconds: z.number().int() }),
  },
  'keys.makeActive': { args: z.object({ keyId: KeyId }), result: z.object({ keyId: z.string() }) },
  'keys.rename': {
    args: z.object({ keyId: KeyId, label: Label }),
    result: z.object({ keyId: z.string(), label: z.string() }),
  },
  /** Files a key under another region, plan or workspace (the fix of a wrong-region check). */
  'keys.move': {
    args: z.object({
      keyId: KeyId,
      regionId: RegionId,
      plan: z.enum(PLAN_IDS).optional(),
      workspaceId: WorkspaceId.optional(),
    }),
    result: z.object({
      keyId: z.string(),
      regionId: z.string(),
      plan: z.enum(PLAN_IDS),
      workspaceId: z.string(),
    }),
  },
  /** Deletes from the keychain and the list. */
  'keys.remove': {
    args: z.object({ keyId: KeyId }),
    result: z.object({ keyId: z.string(), label: z.string() }),
  },
  /** The secret itself, on the user's explicit Reveal; the window hides it after `hideAfterSeconds`. */
  'keys.reveal': {
    args: z.object({ keyId: KeyId }),
    result: z.object({ secret: z.string(), hideAfterSeconds: z.number().int() }),
  },
  /** The model ids the key's last check could reach (kept out of the snapshot: they are many). */
  'keys.models': {
    args: z.object({ keyId: KeyId }),
    result: z.object({ models: z.array(z.string()), at: z.string().nullable() }),
  },
  /**
   * "Add key", step one: the pasted text is checked (the same rules as `msk add`) and, when it is
   * a key, kept in main under the returned token. A bad paste answers with the rule it broke.
   */
  'keys.inspect': {
    args: z.object({ secret: z.string().max(100_000) }),
    result: z.object({
      token: z.string(),
      masked: z.string(),
      shape: z.enum(KEY_SHAPE_IDS),
      plans: z.array(z.enum(PLAN_IDS)),
      defaultPlan: z.enum(PLAN_IDS),
      /** The same secret already stored. */
      duplicate: z.object({ keyId: z.string(), label: z.string(), regionId: z.string() }).nullable(),
      suggestedLabel: z.string(),
      notices: z.array(z.object({ code: z.string(), message: z.string() })),
    }),
  },
  /** "Add key", last step: stores the inspected secret; the token is spent. */
  'keys.add': {
    args: z.object({
      token: Token,
      label: Label,
      regionId: RegionId,
      plan: z.enum(PLAN_IDS),
      workspaceId: WorkspaceId.optional(),
    }),
    result: z.object({
      keyId: z.string(),
      label: z.string(),
      notices: z.array(z.object({ code: z.string(), message: z.string() })),
    }),
  },
  /** The user left "Add key": main drops the secret now rather than when the token expires. */
  'keys.forget': { args: z.object({ token: Token }), result: z.object({ forgotten: z.boolean() }) },
} as const;

export const keyTasks = {
  /**
   * "Add key", step two: every place the key could live is asked at once. The answer names the
   * owner, or is null with each place's answer when none accepts it.
   */
  'keys.detect': {
    args: z.object({
      token: Token,
      regionId: RegionId.optional(),
      plan: z.enum(PLAN_IDS).optional(),
      workspaceId: WorkspaceId.optional(),
    }),
    progress: z.object({
      done: z.number().int(),
      total: z.number().int(),
      answer: PlaceAnswerSchema.nullable(),
    }),
    result: z.object({
      owner: z
        .object({
          regionId: z.string(),
          plan: z.enum(PLAN_IDS),
          status: CheckStatusSchema,
          message: z.string(),
          detail: z.string().nullable(),
        })
        .nullable(),
      answers: z.array(PlaceAnswerSchema),
      /** Why no owner was named (the same words as `msk add`), when none was. */
      message: z.string().nullable(),
    }),
  },
} as const;
