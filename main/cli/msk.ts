// msk — Model Studio Keys on the command line. Same core, files and keychain items as the app.
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { MskError } from '../core/base/errors.js';
import { VERSION } from '../core/base/version.js';
import { EXIT, EXIT_HELP } from './exit-codes.js';
import { registerAccountCommands } from './commands/account.js';
import { registerAccountKeyCommands } from './commands/account-keys.js';
import { registerBackupCommands } from './commands/backup.js';
import { registerBindingCommands } from './commands/binding.js';
import { registerCheckCommands } from './commands/checks.js';
import { registerCompletionCommands } from './commands/completion.js';
import { registerConfigCommands } from './commands/config.js';
import { registerCopyCommands } from './commands/copy.js';
import { registerDoctorCommands } from './commands/doctor.js';
import { registerClipboardClearer } from './clipboard.js';
import { registerEnvironmentCommands } from './commands/environment.js';
import { registerGatewayCommands } from './commands/gateway.js';
import { registerImportCommands } from './commands/import.js';
import { registerKeyCommands } from './commands/keys.js';
import { registerRegionCommands } from './commands/region.js';
import { registerToolCommands } from './commands/tools.js';

/**
 * The commands, by the top-level names (and aliases) each group registers, in help's order. A
 * run that names a command builds only its group: commander's definitions of every other command
 * are work `msk env` in a shell profile need not do. A test holds the names to the registrations.
 */
export const COMMAND_GROUPS: readonly (readonly [readonly string[], (program: Command) => void])[] = [
  [['add', 'list', 'ls', 'remove', 'rm', 'rename', 'use'], registerKeyCommands],
  [['region', 'regions'], registerRegionCommands],
  [['copy', 'temp-key'], registerCopyCommands],
  [['check', 'detect', 'move'], registerCheckCommands],
  [['_clear-clipboard'], registerClipboardClearer],
  [['env', 'exec'], registerEnvironmentCommands],
  [['tools', 'launch'], registerToolCommands],
  [['bind', 'unbind', 'status'], registerBindingCommands],
  [['gateway', 'usage'], registerGatewayCommands],
  [['config', 'workspaces', 'workspace'], registerConfigCommands],
  [['doctor'], registerDoctorCommands],
  [['completion'], registerCompletionCommands],
  [['backup'], registerBackupCommands],
  [['import'], registerImportCommands],
  [
    ['account'],
    (program) => {
      registerAccountCommands(program);
      registerAccountKeyCommands(program);
    },
  ],
];

/** msk's program: every command, or only the group of `command` when one is named and known. */
export function buildProgram(command?: string): Command {
  const program = new Command('msk')
    .description('Alibaba Cloud Model Studio API keys from your OS keychain, for every tool')
    .version(VERSION)
    .enablePositionalOptions()
    // A usage error throws instead of exiting, so that it exits 2 (runProgram).
    .exitOverride()
    .addHelpText('after', `\n${EXIT_HELP}`)
    // Usage errors read like every other error: one line, `msk: …`.
    // commander's "(Did you mean …?)" joins the line instead of starting a second one.
    .configureOutput({
      outputError: (text, write) =>
        write(
          `msk: ${text
            .replace(/^error: /, '')
            .trim()
            .replace(/\s*\n\s*/g, ' ')}\n`,
        ),
    });
  const named = COMMAND_GROUPS.filter(([names]) => command !== undefined && names.includes(command));
  for (const [, register] of named.length > 0 ? named : COMMAND_GROUPS) register(program);
  return program;
}

/** Runs msk's commander program with `args` (what follows `msk`); a failure throws. */
export async function runProgram(args: readonly string[]): Promise<void> {
  // `msk help …`, options and unknown names need every command (help, suggestions).
  const program = buildProgram(args[0]);
  // Bare `msk` asks what there is: the help, on stdout, and success.
  if (args.length === 0) return void program.outputHelp();
  const [first, topic] = args;
  if (first === 'help' && topic !== undefined && !program.commands.some((command) => named(command, topic))) {
    throw new MskError('usage', `Unknown command '${topic}'; 'msk help' lists the commands.`);
  }
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    // Help and the version exit 0; anything else commander refused (and said) is a usage error.
    // A command's action may refuse its arguments as commander's parsers do: a usage error too.
    if (error instanceof InvalidArgumentError) throw new MskError('usage', error.message);
    if (!(error instanceof CommanderError)) throw error;
    process.exitCode = error.exitCode === 0 ? 0 : EXIT.usage;
  }
}

const named = (command: Command, name: string): boolean =>
  command.name() === name || command.aliases().includes(name);
