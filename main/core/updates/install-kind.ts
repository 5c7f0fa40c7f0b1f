// How this copy of the app was installed, which decides how it updates: the macOS app (Squirrel),
// the Windows installer (NSIS, its uninstaller beside the executable), an AppImage (APPIMAGE set by
// its runtime), or a deb or rpm (the package manager owns the executable). An unzipped Windows copy
// or a Linux folder cannot update itself. Asked of the system, never of electron-builder's
// `package-type` file: its deb and rpm targets write it into one shared folder, so an AppImage
// built beside them may carry a wrong one.
import path from 'node:path';
import { commandOutput } from '../platform/command-output.js';
import { readdir } from '../platform/fs-async.js';

export type InstallKind = 'mac' | 'nsis' | 'appimage' | 'deb' | 'rpm' | 'portable';

export interface InstallPorts {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** The running executable (process.execPath). */
  executable: string;
}

const OWNER_TIMEOUT_MS = 5000;
/** Where NSIS puts its uninstaller: beside the executable, "Uninstall <product>.exe". */
const NSIS_UNINSTALLER = /^Uninstall .+\.exe$/i;

export async function installKind({ platform, env, executable }: InstallPorts): Promise<InstallKind> {
  if (platform === 'darwin') return 'mac';
  if (platform === 'win32') {
    const names = await readdir(path.dirname(executable)).catch((): string[] => []);
    return names.some((name) => NSIS_UNINSTALLER.test(name)) ? 'nsis' : 'portable';
  }
  if (env.APPIMAGE) return 'appimage';
  const owns = async (command: string, args: string[]) =>
    (await commandOutput(command, args, env, OWNER_TIMEOUT_MS)) !== undefined;
  if (await owns('dpkg-query', ['--search', executable])) return 'deb';
  if (await owns('rpm', ['--query', '--file', executable])) return 'rpm';
  return 'portable';
}
