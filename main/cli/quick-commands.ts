// The commands a shell profile and every tool start run — `eval "$(msk env)"`, `msk exec -- qwen`,
// `msk list` in scripts — started without commander when their arguments are plain: loading it and
// defining the commands is about a tenth of such a start. The same options (one declaration) and
// the same functions as the commander commands; anything else goes to commander.
import {
  type EnvOptions,
  ENV_OPTIONS,
  EXEC_OPTIONS,
  printEnvironment,
  runWithEnvironment,
} from './commands/environment.js';
import { LIST_OPTIONS, listKeyRows } from './commands/keys.js';
import { type OptionSpec, parsePlain, type PlainArguments } from './option-spec.js';
import { blockingFileOperations } from '../core/platform/fs-async.js';
import { VERSION } from '../core/base/version.js';
import { print } from './output.js';

interface QuickCommand {
  names: readonly string[];
  options: readonly OptionSpec[];
  /** A command operand, then everything passed through (exec). */
  operands: boolean;
  run: (parsed: PlainArguments) => Promise<void>;
}

// Options are typed as the commander actions type them: what the same declarations yield.
const QUICK_COMMANDS: readonly QuickCommand[] = [
  {
    names: ['list', 'ls'],
    options: LIST_OPTIONS,
    operands: false,
    run: ({ options }) => listKeyRows(options),
  },
  {
    names: ['env'],
    options: ENV_OPTIONS,
    operands: false,
    run: ({ options }) => printEnvironment(options as EnvOptions),
  },
  {
    names: ['exec'],
    options: EXEC_OPTIONS,
    operands: true,
    run: ({ options, operands: [command = '', ...args] }) => runWithEnvironment(command, args, options),
  },
];

/** commander's version option, as `.version(VERSION)` declares it. */
const VERSION_FLAGS = ['-V', '--version'];

/**
 * The hidden command shell completions run on every TAB. Named here, not taken from
 * quick-command-names.ts: a module the entry shares with this chunk would be loaded by the entry
 * before the compile cache is on, uncached (test/unit/cli-quick-commands checks they agree).
 */
const COMPLETE = '__complete';

/**
 * How to run `args` without commander, or undefined when they are commander's. A quick command
 * reads a few small files and exits (exec waits for its program, with nothing else to do): its
 * file operations block, without libuv's thread pool (fs-async.ts).
 */
export function quickCommand(args: readonly string[]): (() => Promise<void>) | undefined {
  // `msk --version` alone: the line commander prints for its version option (msk.ts declares it).
  if (args.length === 1 && VERSION_FLAGS.includes(args[0] ?? ''))
    return () => Promise.resolve(print(VERSION));
  const [name, ...rest] = args;
  // Every word is the shell's, options included: none is msk's to read. Its code is a chunk of its
  // own (the command tree): loaded by this command only.
  if (name === COMPLETE)
    return async () => {
      blockingFileOperations();
      return (await import('./completion/run-complete.js')).runComplete(rest);
    };
  const command = QUICK_COMMANDS.find((candidate) => candidate.names.includes(name ?? ''));
  const parsed = command && parsePlain(rest, command.options, command.operands);
  return (
    parsed &&
    (() => {
      blockingFileOperations();
      return command.run(parsed);
    })
  );
}
