// updates.*: Settings → Updates, through the same controls as the tray's items.
import type { CallHandlers } from './types.js';

export const updateHandlers: CallHandlers<'updates.check' | 'updates.restart'> = {
  'updates.check': (context) => {
    // The check, and a download it starts, go on after the answer: the snapshots tell how.
    void context.updates.check();
    return Promise.resolve();
  },
  'updates.restart': (context) => context.updates.restart(),
};
