// msk env · exec — a key's environment, printed for a shell or given to a child process.
import path from 'node:path';
import type { Command } from 'commander';
import { keyEnvironment } from '../../core/actions/use-key.js';
import { formatEnvironment, requireShell, type Shell } from '../../core/env-format.js';
import { runCommand } from '../../core/run-command.js';
import { childEnvironment, requirePreset, TOOL_PRESETS } from '../../core/tools.js';
import { core } from '../context.js';
import { warnAll } from '../output.js';

interface KeyAndTool {
  key?: string;
  tool?: string;
}

const toolHelp = `tool preset: ${TOOL_PRESETS.map((tool) => tool.id).join(', ')}`;

export function registerEnvironmentCommands(program: Command): void {
  program
    .command('env')
    .description('print a key\'s environment for a shell to evaluate, e.g. eval "$(msk env)"')
    .option('-k, --key <key>', 'label or id (default: the active key of the active region)')
    .option('-t, --tool <tool>', toolHelp, 'default')
    .option('-s, --shell <shell>', 'bash, zsh, fish, powershell, cmd, dotenv or json (default: your shell)')
    .action(async (options: KeyAndTool & { shell?: string }) => {
      const shell = options.shell === undefined ? defaultShell() : requireShell(options.shell);
      const variables = await variablesFor(options);
      process.stdout.write(formatEnvironment(variables, shell));
    });

  program
    .command('exec')
    .description(
      "run a command with a key's environment; stale OPENAI_*, ANTHROPIC_*, DASHSCOPE_*, QWEN_*, MODELSTUDIO_* variables are removed",
    )
    .option('-k, --key <key>', 'label or id (default: the active key of the active region)')
    .option('-t, --tool <tool>', toolHelp, 'default')
    .argument('<command>', 'the command to run (after --)')
    .argument('[args...]', 'its arguments')
    .passThroughOptions()
    .action(async (command: string, args: string[], options: KeyAndTool) => {
      const variables = await variablesFor(options);
      process.exitCode = await runCommand(command, args, childEnvironment(process.env, variables));
    });
}

async function variablesFor(options: KeyAndTool): Promise<Record<string, string>> {
  const preset = requirePreset(options.tool);
  const { variables, notices } = await keyEnvironment(core(), options.key, preset.id);
  warnAll(notices);
  return variables;
}

/** The user's shell, from $SHELL on Unix; PowerShell on Windows. */
function defaultShell(): Shell {
  if (process.platform === 'win32') return 'powershell';
  const name = path.basename(process.env.SHELL ?? '');
  return name === 'zsh' || name === 'fish' ? name : 'bash';
}
