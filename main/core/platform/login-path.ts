// A GUI-started app lacks the login shell's PATH (nvm, ~/.local/bin, Homebrew…): a tool installed
// there looks missing. Ask the user's shell once, as a login shell, with a timeout (VS Code's
// shellEnv does the same), and look commands up on that PATH.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

export const LOGIN_PATH_TIMEOUT_MS = 10_000;

type Environment = Record<string, string | undefined>;

/** The login shell's PATH, or the process's own when it cannot be had (Windows, no shell, a timeout). */
export async function loginPath(
  env: Environment = process.env,
  platform: NodeJS.Platform = process.platform,
  timeoutMs = LOGIN_PATH_TIMEOUT_MS,
): Promise<string> {
  const fallback = env.PATH ?? '';
  const shell = env.SHELL;
  if (platform === 'win32' || !shell) return fallback;
  const mark = randomUUID().slice(0, 12);
  const output = await new Promise<string | undefined>((resolve) => {
    const child = spawn(shell, ['-i', '-l', '-c', `printf '%s' "${mark}\${PATH}${mark}"`], {
      // Rc files can look for this to skip slow work, as they do for VS Code's.
      env: { ...env, MSK_RESOLVING_ENVIRONMENT: '1' },
      stdio: ['ignore', 'pipe', 'ignore'],
      detached: true,
    });
    let text = '';
    const timer = setTimeout(() => {
      child.kill();
      resolve(undefined);
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    child.on('error', () => resolve(undefined));
    child.on('close', () => {
      clearTimeout(timer);
      resolve(text);
    });
  });
  const found = output === undefined ? undefined : new RegExp(`${mark}(.*)${mark}`, 's').exec(output)?.[1];
  return found || fallback;
}

/** Where `command` would run from on `searchPath`; an absolute or relative path is checked as it is. */
export function findOnPath(
  command: string,
  searchPath: string,
  platform: NodeJS.Platform = process.platform,
  env: Environment = process.env,
): string | undefined {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const extensions =
    platform === 'win32' ? ['', ...(env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').toLowerCase().split(';')] : [''];
  const candidates =
    command.includes(paths.sep) || command.includes('/')
      ? [command]
      : searchPath
          .split(platform === 'win32' ? ';' : ':')
          .filter(Boolean)
          .map((directory) => paths.join(directory, command));
  for (const candidate of candidates) {
    for (const extension of extensions) {
      if (isExecutable(candidate + extension, platform)) return candidate + extension;
    }
  }
  return undefined;
}

function isExecutable(file: string, platform: NodeJS.Platform): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
