// checks.*: the window's connection checks, as tasks. "Check all" joins the run the tray may
// have started; cancelling it from either side stops it for both.
import { checkKey } from '../../core/actions/checks.js';
import type { TaskHandlers } from './types.js';

export const checkHandlers: TaskHandlers<'checks.all' | 'checks.one'> = {
  'checks.all': async (context, _args, { signal, progress }) => {
    const run = context.checks.start();
    const stop = () => run.cancel();
    signal.addEventListener('abort', stop, { once: true });
    const unwatch = context.checks.watch(
      (step) => step && progress({ done: step.done, total: step.total, label: step.result.label }),
    );
    try {
      const outcome = await run.outcome;
      await context.state.refresh();
      return outcome;
    } finally {
      unwatch();
      signal.removeEventListener('abort', stop);
    }
  },
  'checks.one': async (context, { keyId }, { signal, progress }) => {
    const record = await context.services.vault.find(keyId);
    progress({ done: 0, total: 1, label: record.label });
    const result = await checkKey(context.services, record.id, { signal });
    await context.state.refresh();
    return result;
  },
};
