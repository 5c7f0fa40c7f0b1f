// Where the app launches tools from: the login shell's PATH (asked once, in the background, since
// a GUI-started app lacks it), and msk itself — the app's own executable in its msk mode. The CLI
// launches with its own runtime and PATH instead.
import { type LaunchPorts, startDetached } from '../actions/launch-tool.js';
import { loginPath } from '../platform/login-path.js';

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
