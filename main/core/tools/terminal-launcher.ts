// Where the app launches tools from: the login shell's PATH (asked once, in the background, since
// a GUI-started app lacks it), and msk itself — the app's own executable in its msk mode. The CLI
// launches with its own runtime and PATH instead.
import { spawn } from 'node:child_process';
import { MskError } from '../base/errors.js';
import { findOnPath, loginPath } from '../platform/login-path.js';
import type { TerminalCommand } from './terminals.js';
import { childEnvironment, type ToolPreset } from './tool-presets.js';

type Environment = Record<string, string | undefined>;

/** What launching needs from where it runs (the CLI or the app). */
export interface LaunchPorts {
  platform: NodeJS.Platform;
  /** The launcher's environment: SHELL, the desktop, and the MSK_* settings to pass on. */
  env: Environment;
  /** The login shell's PATH (see login-path.ts). */
  searchPath: string;
  /** How to run msk itself: `['msk']`, or the runtime and the script. */
  msk: readonly string[];
  /** Starts the terminal, detached; rejects when it cannot be started. */
  start(command: TerminalCommand, options: { cwd: string; env: Record<string, string> }): Promise<void>;
}

export interface Launcher {
  /** The login PATH (asked once; later calls share the answer). */
  searchPath(): Promise<string>;
  ports(): Promise<LaunchPorts>;
  /** Where a tool opens when no folder is chosen: the user's home. */
  home: string;
}

export function createLauncher(
  msk: readonly string[],
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
): Launcher {
  const resolved = loginPath(env, platform);
  return {
    home: env.HOME ?? env.USERPROFILE ?? '/',
    searchPath: () => resolved,
    async ports() {
      return { platform, env, searchPath: await resolved, msk: [...msk], start: startDetached };
    },
  };
}

/** Where a tool's program is on the launcher's PATH; refused, saying how to install the tool, when it is not there. */
export function requireInstalled(
  tool: Pick<ToolPreset, 'id' | 'name' | 'install'>,
  program: string,
  ports: Pick<LaunchPorts, 'searchPath' | 'platform' | 'env'>,
): string {
  const found = findOnPath(program, ports.searchPath, ports.platform, ports.env);
  if (found !== undefined) return found;
  throw new MskError(
    'tool-missing',
    `${tool.name} is not installed here (no ${program} on your PATH)${tool.install ? `: ${tool.install}` : '.'}`,
    { tool: tool.id, name: tool.name, program, install: tool.install ?? null },
  );
}

/**
 * What a program the launcher starts gets: the launcher's environment on its login PATH (Windows
 * keeps its own `Path`), without stale Model Studio variables, with `variables` set.
 */
export const launchEnvironment = (
  ports: Pick<LaunchPorts, 'searchPath' | 'platform' | 'env'>,
  variables: Record<string, string> = {},
): Record<string, string> =>
  childEnvironment(ports.env, {
    ...(ports.platform === 'win32' ? {} : { PATH: ports.searchPath }),
    ...variables,
  });

/** Starts a terminal detached from us, so it outlives the app or msk; reports a program that is missing. */
export function startDetached(
  command: TerminalCommand,
  options: { cwd: string; env: Record<string, string> },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command.command, command.args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: 'ignore',
      windowsVerbatimArguments: command.windowsVerbatimArguments ?? false,
    });
    child.once('error', (error) =>
      reject(new MskError('launch-failed', `Cannot start ${command.command}: ${error.message}`)),
    );
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
