// Where "start at login" lives on each system: Electron's login item on macOS and Windows; an XDG
// autostart entry elsewhere, which Electron's API does not cover.
import os from 'node:os';
import path from 'node:path';
import { app } from 'electron';
import { autostartFile, setAutostart } from '../core/desktop/linux-autostart.js';
import { HIDDEN_START, type LoginItem, startsHidden } from '../core/desktop/launch-at-login.js';
import { selfCommand } from './msk-mode.js';

export function systemLoginItem(): LoginItem {
  // An AppImage runs from a mount point that changes every start: the session must start the AppImage.
  const appImage = app.isPackaged ? process.env.APPIMAGE : undefined;
  const command = [
    ...(appImage ? [appImage] : selfCommand(process, app.isPackaged, path.resolve)),
    HIDDEN_START,
  ];
  if (process.platform !== 'darwin' && process.platform !== 'win32') {
    const file = autostartFile(process.env, os.homedir());
    return { set: async (wanted) => void (await setAutostart(file, wanted, command)) };
  }
  // Windows compares the executable and arguments it was given (macOS ignores both).
  const [executable, ...args] = command;
  const options = { path: executable, args };
  return {
    async set(openAtLogin) {
      if (app.getLoginItemSettings(options).openAtLogin !== openAtLogin) {
        app.setLoginItemSettings({ ...options, openAtLogin });
      }
    },
  };
}

/** Whether the session started the app (then it comes up in the tray only). */
export const startedAtLogin = (): boolean =>
  startsHidden(process.argv) ||
  (process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin);
