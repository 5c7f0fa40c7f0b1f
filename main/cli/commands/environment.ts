// msk env · exec — a key's environment, printed for a shell or given to a child process. The
// key is the one named, else the nearest .msk.json's, else the active key of the active region.
import path from 'node:path';
import type { Command } from 'commander';
import { formatEnvironment, requireShell, type Shell } from '../../core/platform/env-format.js';
import { childEnvironment } from '../../core/tools/tool-presets.js';
import { core } from '../context.js';
import { KEY_HELP, sayBinding } from '../key-choice.js';
import { type OptionSpec, withOptions } from '../option-spec.js';
import { warn, warnAll, writeOut } from '../output.js';

export interface KeyAndTool {
  key?: string;
  tool?: string;
  model?: string;
}

const TOOL_HELP =
  "tool preset: default, openai, dashscope, qwen-code, claude-code, … ('msk tools' lists them)";

const KEY_TOOL_MODEL: readonly OptionSpec[] = [
  ['-k, --key <key>', KEY_HELP],
  ['-t, --tool <tool>', TOOL_HELP],
  ['-m, --model <model>', "the model the tool's variables name (default: the tool's)"],
];

export const ENV_OPTIONS: readonly OptionSpec[] = [
  ...KEY_TOOL_MODEL,
  [
    '-s, --shell <shell>',
    'bash, zsh, fish, tcsh, powershell (pwsh), cmd, dotenv or json (default: your shell)',
  ],
];

export const EXEC_OPTIONS = KEY_TOOL_MODEL;

export type EnvOptions = KeyAndTool & { shell?: string };

export function registerEnvironmentCommands(program: Command): void {
  withOptions(
    program
      .command('env')
      .description('print a key\'s environment for a shell to evaluate, e.g. eval "$(msk env)"'),
    ENV_OPTIONS,
  ).action(printEnvironment);

  withOptions(
    program
      .command('exec')
      .description(
        "run a command with a key's environment; stale OPENAI_*, ANTHROPIC_*, DASHSCOPE_*, QWEN_*, MODELSTUDIO_*, BAILIAN_* variables are removed",
      ),
    EXEC_OPTIONS,
  )
    .argument('<command>', 'the command to run (after --)')
    .argument('[args...]', 'its arguments')
    .passThroughOptions()
    .action(runWithEnvironment);
}

/** msk env */
export async function printEnvironment(options: EnvOptions): Promise<void> {
  const shell = options.shell === undefined ? defaultShell() : requireShell(options.shell);
  const { variables, recorded } = await variablesFor(options);
  writeOut(formatEnvironment(variables, shell));
  await recorded;
}

/** msk exec */
export async function runWithEnvironment(
  command: string,
  args: string[],
  options: KeyAndTool,
): Promise<void> {
  // What starting the tool takes loads while the keychain answers (a round trip to another
  // process): on the loop's next turn the read is under way, since msk's file operations block.
  const starting = new Promise((resolve) => setImmediate(resolve)).then(async () => {
    const module = await import('../../core/platform/run-command.js');
    await module.loadSpawn();
    return module;
  });
  // Reported where it is awaited; a failed key choice must not leave it unhandled.
  starting.catch(() => undefined);
  const { variables, recorded } = await variablesFor(options);
  const { runCommand } = await starting;
  // The tool starts at once; its last use is recorded while it runs.
  process.exitCode = await runCommand(command, args, childEnvironment(process.env, variables));
  await recorded;
}

async function variablesFor(
  options: KeyAndTool,
): Promise<{ variables: Record<string, string>; recorded: Promise<void> }> {
  const [{ keyEnvironment }, services] = await Promise.all([import('../../core/actions/use-key.js'), core()]);
  const environment = await keyEnvironment(services, {
    reference: options.key,
    tool: options.tool,
    model: options.model,
    cwd: process.cwd(),
  });
  const { variables, notices, recorded } = environment;
  sayBinding(environment);
  warnAll(notices);
  return { variables, recorded };
}

/** Shells that read `export NAME='value'`. */
const POSIX_SHELLS = new Set(['', 'sh', 'bash', 'dash', 'ash', 'ksh', 'mksh', 'pdksh', 'yash', 'busybox']);

/** The user's shell, from $SHELL on Unix; PowerShell on Windows. One msk cannot write for is said. */
function defaultShell(): Shell {
  if (process.platform === 'win32') return 'powershell';
  const name = path.basename(process.env.SHELL ?? '');
  if (name === 'zsh' || name === 'fish') return name;
  if (name === 'csh' || name === 'tcsh') return 'tcsh';
  // PowerShell as a login shell on Linux or macOS.
  if (name === 'pwsh' || name === 'powershell') return 'powershell';
  if (!POSIX_SHELLS.has(name)) {
    warn(
      `msk does not know the syntax of your shell (SHELL=${name}); printing bash syntax. Choose one with --shell.`,
    );
  }
  return 'bash';
}
