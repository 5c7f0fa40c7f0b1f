// Where our files live. Same answer as Electron's `app.getPath('userData')` for our product
// name, so the app and `msk` share one data directory without either importing the other.
import path from 'node:path';

export const PRODUCT_NAME = 'Model Studio Keys';

type Env = Record<string, string | undefined>;

/**
 * The user's home folder as os.homedir() finds it: HOME (USERPROFILE on Windows) when set, else
 * the system's account database — node:os, which no msk command otherwise needs, loaded only then.
 */
export function homeDirectory(platform: NodeJS.Platform = process.platform, env: Env = process.env): string {
  return (platform === 'win32' ? env.USERPROFILE : env.HOME) || process.getBuiltinModule('node:os').homedir();
}

/** The platform's per-user application-data folder (Electron's `appData`). */
export function appDataDirectory(
  platform: NodeJS.Platform = process.platform,
  env: Env = process.env,
  home: string = homeDirectory(platform, env),
): string {
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  if (platform === 'win32') return env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  return env.XDG_CONFIG_HOME || path.join(home, '.config');
}

/** `MSK_HOME` wins; otherwise the product's folder inside the app-data folder. */
export function dataDirectory(
  platform: NodeJS.Platform = process.platform,
  env: Env = process.env,
  home?: string,
): string {
  if (env.MSK_HOME) return path.resolve(env.MSK_HOME);
  const appData = appDataDirectory(platform, env, home);
  return platform === 'win32' ? path.win32.join(appData, PRODUCT_NAME) : path.join(appData, PRODUCT_NAME);
}

export const configFile = (directory: string): string => path.join(directory, 'config.json');

/** The local gateway's usage counts (gateway/usage-store.ts), beside the data file. */
export const usageFile = (directory: string): string => path.join(directory, 'usage.json');
