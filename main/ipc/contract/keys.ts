// keys.*: using a stored key. No secret ever crosses back: copying happens in main.
import { z } from 'zod';

const KeyId = z.string().min(1).max(200);

export const keyCalls = {
  /** Copies a key (the active key of the active region without an id); says when it clears. */
  'keys.copy': {
    args: z.object({ keyId: KeyId.optional() }),
    result: z.object({ keyId: z.string(), label: z.string(), clearAfterSeconds: z.number().int() }),
  },
  'keys.makeActive': { args: z.object({ keyId: KeyId }), result: z.object({ keyId: z.string() }) },
} as const;
