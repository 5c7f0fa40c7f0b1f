// Launching a tool in the user's terminal. The terminal runs `msk exec --key <id> --tool <tool>
// -- <command>`, so the key is read from the keychain inside the terminal's own process tree: it
// is never in the terminal's argv, an AppleScript, a temp file, or the emulator's environment.
import { existsSync } from 'node:fs';
import { MskError } from '../base/errors.js';
import { findOnPath } from '../platform/login-path.js';
import { endpointsForKey, type Services } from '../keys/services.js';
import { launchEnvironment, type LaunchPorts, requireInstalled } from '../tools/terminal-launcher.js';
import { detectTerminal, requireTerminal, type Terminal, type TerminalCommand } from '../tools/terminals.js';
import { TERMINAL_TOOL } from '../tools/tool-catalog.js';
import { assertPlanServes, commandFor, type ToolContext, userShell } from '../tools/tool-presets.js';
import { type Choice, type ChoiceRequest, choose } from './choose.js';

export interface LaunchRequest extends ChoiceRequest {
  /** A terminal id; default: the setting, else detected. */
  terminal?: string | undefined;
  /** Appended to the tool's command (for the terminal tool: run instead of the shell). */
  extraArgs?: readonly string[];
  /** The folder the window opens in. */
  cwd: string;
  dryRun?: boolean;
}

export interface Launch extends Choice {
  terminal: Terminal;
  /** What was (or, dry, would be) started. */
  started: TerminalCommand;
  cwd: string;
  /** The tool's own command, as msk exec will run it. */
  toolCommand: string[];
}

/** Variables msk inside the terminal needs to find the same data (none of them secret). */
const PASSED_ON = ['MSK_HOME', 'MSK_KEYCHAIN_SERVICE', 'MSK_ENDPOINT_OVERRIDES'] as const;

// Linux terminals close with the command; the window stays until the user has read the end.
const HOLD = `cd -- "$1" || exit 1; name=$2; shift 2; "$@"; status=$?; printf '\\n[%s ended (status %s). Press Enter to close this window.]' "$name" "$status"; read -r _`;
const NO_HOLD = 'cd -- "$1" || exit 1; shift 2; exec "$@"';

export async function launchTool(
  services: Services,
  request: LaunchRequest,
  ports: LaunchPorts,
): Promise<Launch> {
  const config = await services.config.read();
  const choice = await choose(config, request);
  const { record, tool } = choice;
  if (tool.kind === 'gui' || tool.kind === 'export') {
    throw new MskError(
      'not-launchable',
      `${tool.name} is not started from here: ${tool.kind === 'gui' ? 'it takes its settings on its own settings page' : 'it gets an exported file'}.`,
      { tool: tool.id, kind: tool.kind },
    );
  }
  assertPlanServes(tool, record.plan);
  const toolCommand = commandOf(choice, request.extraArgs ?? [], ports, {
    endpoints: endpointsForKey(services.environment, config, record),
    regionId: record.regionId,
    workspaceId: record.workspaceId,
    plan: record.plan,
    toolModel: choice.model,
    defaultModel: config.settings.defaultModel,
  });
  const [program] = toolCommand;
  if (!program) {
    throw new MskError('invalid-input', `${tool.name} has no command to start: give one after --.`, {
      tool: tool.id,
    });
  }
  if (!request.dryRun) requireInstalled(tool, program, ports);
  const terminal = chooseTerminal(request.terminal ?? config.settings.terminal, ports);
  const inner = [
    ...passOn(ports),
    ...ports.msk,
    'exec',
    '--key',
    record.id,
    '--tool',
    tool.id,
    '--model',
    choice.model,
    '--',
    ...toolCommand,
  ];
  const title = `${tool.name} — ${record.label}`;
  const argv =
    ports.platform === 'linux'
      ? [
          'sh',
          '-c',
          tool.id === TERMINAL_TOOL ? NO_HOLD : HOLD,
          'msk-launch',
          request.cwd,
          tool.name,
          ...inner,
        ]
      : inner;
  const started = terminal.build({ argv, cwd: request.cwd, title });
  if (!request.dryRun) {
    // The terminal was found on the login PATH: it is started from there, and keeps that PATH.
    await ports.start(started, { cwd: request.cwd, env: launchEnvironment(ports) });
  }
  return { ...choice, terminal, started, cwd: request.cwd, toolCommand };
}

/** The tool's command (the user's shell for the terminal tool), with what the user added. */
function commandOf(
  choice: Choice,
  extra: readonly string[],
  ports: LaunchPorts,
  context: Omit<ToolContext, 'secret'>,
): string[] {
  if (choice.tool.id === TERMINAL_TOOL) {
    if (extra.length > 0) return [...extra];
    return [userShell(ports.env.SHELL, ports.platform)];
  }
  return [...(commandFor(choice.tool, context) ?? []), ...extra];
}

/**
 * On macOS and Linux a terminal may not hand our environment to the command (Terminal.app never
 * does), so what msk needs — its data, and the login PATH to find the tool — goes in front, as
 * `env NAME=value …`. None of it is secret. Windows terminals inherit it.
 */
function passOn(ports: LaunchPorts): string[] {
  if (ports.platform === 'win32') return [];
  const pairs = PASSED_ON.flatMap((name) => (ports.env[name] ? [`${name}=${ports.env[name]}`] : []));
  return ['env', ...pairs, `PATH=${ports.searchPath}`];
}

function chooseTerminal(wanted: string, ports: LaunchPorts): Terminal {
  const installed = (program: string) =>
    program.startsWith('/')
      ? existsSync(program)
      : findOnPath(program, ports.searchPath, ports.platform, ports.env) !== undefined;
  if (wanted !== 'auto') {
    const terminal = requireTerminal(wanted, ports.platform);
    if (!installed(terminal.program)) {
      throw new MskError(
        'launch-failed',
        `The terminal ${terminal.name} (${terminal.program}) is not installed.`,
      );
    }
    return terminal;
  }
  return detectTerminal(ports.platform, ports.env, installed);
}
