// msk — Model Studio Keys on the command line. Same core, files and keychain items as the app.
import { Command } from 'commander';
import { isMskError, messageOf } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import { renderError } from './messages.js';
import { registerBindingCommands } from './commands/binding.js';
import { registerCheckCommands } from './commands/checks.js';
import { registerConfigCommands } from './commands/config.js';
import { registerCopyCommands } from './commands/copy.js';
import { registerClipboardClearer } from './clipboard.js';
import { registerEnvironmentCommands } from './commands/environment.js';
import { registerKeyCommands } from './commands/keys.js';
import { registerRegionCommands } from './commands/region.js';
import { registerToolCommands } from './commands/tools.js';
import { say } from './output.js';
import { setSelfCommand } from './self-command.js';

export function buildProgram(): Command {
  const program = new Command('msk')
    .description('Alibaba Cloud Model Studio API keys from your OS keychain, for every tool')
    .version(VERSION)
    .enablePositionalOptions()
    // Usage errors read like every other error: one line, `msk: …`.
    .configureOutput({ outputError: (text, write) => write(`msk: ${text.replace(/^error: /, '')}`) });
  registerKeyCommands(program);
  registerRegionCommands(program);
  registerCopyCommands(program);
  registerCheckCommands(program);
  registerClipboardClearer(program);
  registerEnvironmentCommands(program);
  registerToolCommands(program);
  registerBindingCommands(program);
  registerConfigCommands(program);
  return program;
}

/**
 * Runs msk with `args` (what follows `msk`). `self` is how to start msk again. Failures are said
 * on stderr and set the exit code; nothing throws.
 */
export async function runMsk(args: readonly string[], self: readonly string[]): Promise<void> {
  setSelfCommand(self);
  try {
    await buildProgram().parseAsync(args, { from: 'user' });
  } catch (error) {
    // One line a person can act on; a stack trace only for what we did not foresee.
    if (isMskError(error)) say(`msk: ${renderError(error)}`);
    else say(`msk: unexpected error: ${messageOf(error)}`);
    // A command that cannot be started exits 127, as it would in a shell.
    process.exitCode = isMskError(error) && error.code === 'launch-failed' ? 127 : 1;
  }
}
