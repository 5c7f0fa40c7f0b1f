// Runs one msk command: the quick form of a hot command when its arguments are plain, else
// commander's program, loaded then. Failures are said on stderr and set the exit code.
import { isMskError, messageOf } from '../core/base/errors.js';
import { EXIT } from './exit-codes.js';
import { renderError } from './messages.js';
import { say } from './output.js';
import { quickCommand } from './quick-commands.js';
import { setSelfCommand } from './self-command.js';

/**
 * Runs msk with `args` (what follows `msk`). `self` is how to start msk again. Failures are said
 * on stderr and set the exit code; nothing throws.
 */
export async function runMsk(args: readonly string[], self: readonly string[]): Promise<void> {
  setSelfCommand(self);
  try {
    const quick = quickCommand(args);
    if (quick) await quick();
    else await (await import('./msk.js')).runProgram(args);
  } catch (error) {
    // One line a person can act on; a stack trace only for what we did not foresee.
    if (isMskError(error)) say(`msk: ${renderError(error)}`);
    else say(`msk: unexpected error: ${messageOf(error)}`);
    process.exitCode = exitCodeOf(error);
  }
}

/**
 * As a shell would: a command not found exits 127, one that is not executable 126; Ctrl-C at a
 * prompt 130; a command line msk cannot read 2.
 */
function exitCodeOf(error: unknown): number {
  if (!isMskError(error)) return EXIT.failure;
  if (error.code === 'launch-failed')
    return error.params.reason === 'not-executable' ? EXIT.notExecutable : EXIT.notFound;
  if (error.code === 'cancelled') return EXIT.interrupted;
  if (error.code === 'usage') return EXIT.usage;
  return EXIT.failure;
}
