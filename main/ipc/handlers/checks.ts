// checks.*: the window's connection checks, as tasks. "Check all" joins the one run the tray
// may have started: the page's cancel stops it for everyone, but a page that merely goes away
// only stops listening — the run goes on for the tray.
import { checkKey } from '../../core/actions/checks.js';
import { MskError } from '../../core/base/errors.js';
import { CANCELLED_BY_PAGE, type CallHandlers, type TaskHandlers } from './types.js';

export const checkCallHandlers: CallHandlers<'checks.cancelAll'> = {
  'checks.cancelAll': async (context) => {
    const run = context.checks.running;
    run?.cancel();
    return { cancelled: run !== undefined };
  },
};

export const checkHandlers: TaskHandlers<'checks.all' | 'checks.one'> = {
  'checks.all': async (context, _args, { signal, progress }) => {
    const run = context.checks.start();
    // Joining a run under way: where it has got to, at once.
    if (run.progress.total > 0) progress({ ...run.progress, label: '' });
    const unwatch = context.checks.watch(
      (step) => step && progress({ done: step.done, total: step.total, label: step.label ?? '' }),
    );
    const detached = new Promise<never>((_resolve, reject) =>
      signal.addEventListener(
        'abort',
        () => {
          if (signal.reason === CANCELLED_BY_PAGE) run.cancel();
          else reject(new MskError('cancelled', 'The page that asked went away; the check goes on.'));
        },
        { once: true },
      ),
    );
    try {
      const outcome = await Promise.race([run.outcome, detached]);
      await context.state.refresh();
      return outcome;
    } finally {
      unwatch();
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
