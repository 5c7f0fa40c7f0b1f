// keys.*: copying and choosing keys from the window; the secret stays in main.
import { makeKeyActive } from '../../core/actions/keys.js';
import { copyKey } from '../../core/actions/use-key.js';
import type { CallHandlers } from './types.js';

export const keyHandlers: CallHandlers<'keys.copy' | 'keys.makeActive'> = {
  'keys.copy': async (context, { keyId }) => {
    const { record, clearAfterSeconds } = await copyKey(context.services, context.clipboard, keyId);
    await context.state.refresh();
    return { keyId: record.id, label: record.label, clearAfterSeconds };
  },
  'keys.makeActive': async (context, { keyId }) => {
    const record = await makeKeyActive(context.services, keyId);
    await context.state.refresh();
    return { keyId: record.id };
  },
};
