// How this copy of the app was installed, which decides how it updates: the macOS app (Squirrel),
// the Windows installer (NSIS, its uninstaller beside the executable), an AppImage (APPIMAGE set by
// its runtime), or a deb or rpm (the package manager owns the executable). An unzipped Windows copy
// or a Linux folder cannot update itself. Asked of the system, never of electron-builder's
// `package-type` file: its deb and rpm targets write it into one shared folder, so an AppImage
// built beside them may carry a wrong one.
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs';
import path from 'node:path';

export type InstallKind = 'mac' | 'nsis' | 'appimage' | 'deb' | 'rpm' | 'portable';

export interface InstallPorts {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** The running executable (process.execPath). */
  executable: string;
}

/** Where NSIS puts its uninstaller: beside the executable, "Uninstall <product>.exe". */
const NSIS_UNINSTALLER = /^Uninstall .+\.exe$/i;

export async function installKind({ platform, env, executable }: InstallPorts): Promise<InstallKind> {
  if (platform === 'darwin') return 'mac';
  if (platform === 'win32') {
    const names = await new Promise<string[]>((resolve) =>
      readdir(path.dirname(executable), (error, found) => resolve(error ? [] : found)),
    );
    return names.some((name) => NSIS_UNINSTALLER.test(name)) ? 'nsis' : 'portable';
  }
  if (env.APPIMAGE) return 'appimage';
  if (await succeeds('dpkg-query', ['--search', executable], env)) return 'deb';
  if (await succeeds('rpm', ['--query', '--file', executable], env)) return 'rpm';
  return 'portable';
}

/** Whether the command ran and said yes (exit 0); a missing command is a no. */
function succeeds(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<boolean> {
  return new Promise((resolve) =>
    execFile(command, args, { env, timeout: 5000 }, (error) => resolve(error === null)),
  );
}
