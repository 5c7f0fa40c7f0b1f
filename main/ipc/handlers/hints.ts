// hints.*: "Don't show again", kept in the data file so the app and every window agree.
import type { CallHandlers } from './types.js';

export const hintHandlers: CallHandlers<'hints.dismiss'> = {
  'hints.dismiss': async (context, { id }) => {
    await context.services.config.update((draft) => {
      if (!draft.dismissedHints.includes(id)) draft.dismissedHints.push(id);
    });
    await context.state.refresh();
  },
};
