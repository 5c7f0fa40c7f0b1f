// Where the app launches tools from: the login shell's PATH (asked once, in the background, since
// a GUI-started app lacks it), and msk itself — the app's own copy run by `node` from that PATH,
// else an `msk` installed there. The CLI launches with its own runtime and PATH instead.
import { existsSync } from 'node:fs';
import { type LaunchPorts, startDetached } from './actions/launch.js';
import { MskError } from './errors.js';
import { findOnPath, loginPath } from './login-path.js';

export interface Launcher {
  /** The login PATH (asked once; later calls share the answer). */
  searchPath(): Promise<string>;
  ports(): Promise<LaunchPorts>;
  /** Where a tool opens when no folder is chosen: the user's home. */
  home: string;
}

export function createLauncher(
  bundledCli: string,
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
): Launcher {
  const resolved = loginPath(env, platform);
  return {
    home: env.HOME ?? env.USERPROFILE ?? '/',
    searchPath: () => resolved,
    async ports() {
      const searchPath = await resolved;
      return {
        platform,
        env,
        searchPath,
        msk: mskOn(searchPath, bundledCli, platform, env),
        start: startDetached,
      };
    },
  };
}

function mskOn(
  searchPath: string,
  bundledCli: string,
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
): string[] {
  const node = findOnPath('node', searchPath, platform, env);
  if (node && existsSync(bundledCli)) return [node, bundledCli];
  const installed = findOnPath('msk', searchPath, platform, env);
  if (installed) return [installed];
  throw new MskError(
    'tool-missing',
    'Launching needs the msk command line: install Node.js, or the command-line tool (npm link in a source checkout).',
    { program: 'msk', install: null },
  );
}
