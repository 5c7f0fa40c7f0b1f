// `msk` on the PATH from the installed app (VS Code's "Install 'code' command"): a small launcher
// that starts the app's own executable in its msk mode (`--msk`, shell/msk-mode.ts), so no
// Node.js is needed and the RunAsNode fuse stays off. Linux and macOS get a shell script in
// ~/.local/bin; Windows a msk.cmd in the app's per-user bin folder, which goes on the user PATH.
// The launcher says it is ours in its second line: install never replaces a file that is not,
// and uninstall removes exactly what install added. Shell completions go with it (completion-install.ts).
import path from 'node:path';
import { posixQuote } from '../platform/shell-quoting.js';
import { MskError } from '../base/errors.js';
import { chmod, exists, mkdir, rm, writeFile } from '../platform/fs-async.js';
import { PRODUCT_NAME } from '../platform/paths.js';
import { installCompletions, uninstallCompletions } from './completion-install.js';
import { markLineOf } from './installed-mark.js';

/** The line that marks a launcher as ours. */
export const LAUNCHER_MARK = `Installed by ${PRODUCT_NAME}: runs its command line (msk). Uninstall from the app.`;

type Env = Record<string, string | undefined>;

export interface LauncherPlace {
  /** The folder it goes in (on the PATH, or put there). */
  directory: string;
  file: string;
}

/** Where the launcher goes for this user. */
export function launcherPlace(platform: NodeJS.Platform, env: Env, home: string): LauncherPlace {
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA ?? path.win32.join(home, 'AppData', 'Local');
    const directory = path.win32.join(local, PRODUCT_NAME, 'bin');
    return { directory, file: path.win32.join(directory, 'msk.cmd') };
  }
  const directory = path.posix.join(home, '.local', 'bin');
  return { directory, file: path.posix.join(directory, 'msk') };
}

/**
 * The launcher's text: it runs `command` (the app's executable and its msk switch) with the
 * arguments it was given, and passes the exit status on.
 */
export function launcherScript(platform: NodeJS.Platform, command: readonly string[]): string {
  if (platform === 'win32') {
    // cmd: quoted paths, %* for the arguments; a UTF-8 code page for non-ASCII user folders.
    const quoted = command.map((part) => `"${part.replaceAll('"', '""').replaceAll('%', '%%')}"`).join(' ');
    return [
      '@echo off',
      `rem ${LAUNCHER_MARK}`,
      'setlocal',
      'for /f "tokens=2 delims=:." %%c in (\'chcp\') do set MSK_CODEPAGE=%%c',
      'chcp 65001 >nul',
      `${quoted} %*`,
      'set MSK_STATUS=%ERRORLEVEL%',
      'chcp %MSK_CODEPAGE% >nul',
      'exit /b %MSK_STATUS%',
      '',
    ].join('\r\n');
  }
  return ['#!/bin/sh', `# ${LAUNCHER_MARK}`, `exec ${command.map(posixQuote).join(' ')} "$@"`, ''].join('\n');
}

/** Whether `directory` is one of the PATH's folders. */
export function onPath(directory: string, platform: NodeJS.Platform, searchPath: string): boolean {
  const separator = platform === 'win32' ? ';' : ':';
  const same = (a: string, b: string) =>
    platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b;
  const normal = (folder: string) => folder.replace(/[\\/]+$/, '');
  return searchPath
    .split(separator)
    .some((folder) => folder !== '' && same(normal(folder), normal(directory)));
}

export interface LauncherPorts {
  platform: NodeJS.Platform;
  env: Env;
  home: string;
  /** The app's executable and its msk switch (shell/msk-mode.ts selfAsMsk). */
  command: readonly string[];
  /** Puts a folder on the user's PATH for programs started from now on (Windows). */
  addToUserPath?(directory: string): Promise<void>;
  /** Takes it off again. */
  removeFromUserPath?(directory: string): Promise<void>;
}

export interface LauncherStatus {
  installed: boolean;
  file: string;
  /** Its folder is on the PATH (else: how to put it there is said). */
  onPath: boolean;
}

/** What is there now: our launcher or not, and whether its folder is on the PATH. */
export async function launcherStatus(ports: LauncherPorts): Promise<LauncherStatus> {
  const place = launcherPlace(ports.platform, ports.env, ports.home);
  return {
    installed: await isOurs(place.file),
    file: place.file,
    onPath: onPath(place.directory, ports.platform, ports.env.PATH ?? ports.env.Path ?? ''),
  };
}

/** Writes (or rewrites: the app may have moved) the launcher; a file that is not ours is left alone. */
export async function installLauncher(ports: LauncherPorts): Promise<LauncherStatus> {
  const place = launcherPlace(ports.platform, ports.env, ports.home);
  if ((await exists(place.file)) && !(await isOurs(place.file))) {
    throw new MskError(
      'file-exists',
      `${place.file} exists and is not Model Studio Keys' launcher; it is left as it is. Remove or rename it, then install again.`,
      { file: place.file },
    );
  }
  await mkdir(place.directory, { recursive: true });
  await writeFile(place.file, launcherScript(ports.platform, ports.command), { mode: 0o755 });
  await chmod(place.file, 0o755);
  await installCompletions(ports.platform, ports.env, ports.home);
  if (ports.platform === 'win32') await ports.addToUserPath?.(place.directory);
  return launcherStatus(ports);
}

/** Removes the launcher if it is ours (and, on Windows, its folder from the user PATH). */
export async function uninstallLauncher(ports: LauncherPorts): Promise<LauncherStatus> {
  const place = launcherPlace(ports.platform, ports.env, ports.home);
  if (await isOurs(place.file)) await rm(place.file, { force: true });
  await uninstallCompletions(ports.platform, ports.env, ports.home);
  if (ports.platform === 'win32') await ports.removeFromUserPath?.(place.directory);
  return launcherStatus(ports);
}

/** Ours: a file (not a link) whose second line holds the launcher's mark (as each platform's script writes it). */
const isOurs = async (file: string): Promise<boolean> =>
  (await markLineOf(file))?.includes(LAUNCHER_MARK) ?? false;

/**
 * PowerShell that adds (or removes) `MSK_BIN_DIR` to the user's own PATH, in the registry, as
 * installers do; programs started afterwards see it. The folder comes in through the environment,
 * never spliced into the script.
 */
export function userPathScript(change: 'add' | 'remove'): string {
  const keep =
    change === 'add'
      ? '$parts = @($parts | Where-Object { $_ -ne $dir }) + $dir'
      : '$parts = @($parts | Where-Object { $_ -ne $dir })';
  return [
    '$dir = $env:MSK_BIN_DIR',
    "$current = [Environment]::GetEnvironmentVariable('Path', 'User')",
    "$parts = @(if ($current) { $current -split ';' | Where-Object { $_ -ne '' } })",
    keep,
    "[Environment]::SetEnvironmentVariable('Path', ($parts -join ';'), 'User')",
  ].join('; ');
}

/** Edits the Windows user PATH with PowerShell (userPathScript), the folder in its environment. */
export const windowsUserPath =
  (change: 'add' | 'remove') =>
  async (directory: string): Promise<void> => {
    const { execFile } = await import('node:child_process');
    await new Promise<void>((resolve, reject) =>
      execFile(
        'powershell.exe',
        ['-NoProfile', '-NonInteractive', '-Command', userPathScript(change)],
        { env: { ...process.env, MSK_BIN_DIR: directory }, windowsHide: true },
        (error) =>
          error
            ? reject(new MskError('launch-failed', `Could not change your PATH: ${error.message}`))
            : resolve(),
      ),
    );
  };
