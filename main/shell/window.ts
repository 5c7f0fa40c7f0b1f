// The one window, locked down: sandboxed, isolated, no Node, no navigation, no new windows.
import { BrowserWindow, shell } from 'electron';
import type { PageLocation } from '../ipc/index.js';

const EXTERNAL_ALLOW_LIST = [
  /^https:\/\/([a-z0-9-]+\.)*alibabacloud\.com\//,
  /^https:\/\/([a-z0-9-]+\.)*aliyun\.com\//,
  // The AppIndicator extension, for a GNOME without a tray.
  /^https:\/\/extensions\.gnome\.org\/extension\/615\//,
];

export interface WindowPaths extends PageLocation {
  preload: string;
}

export function createMainWindow(paths: WindowPaths): BrowserWindow {
  const window = new BrowserWindow({
    width: 440,
    height: 640,
    minWidth: 360,
    minHeight: 420,
    show: false,
    title: 'Model Studio Keys',
    autoHideMenuBar: true,
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });

  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (EXTERNAL_ALLOW_LIST.some((pattern) => pattern.test(url))) void shell.openExternal(url);
    return { action: 'deny' };
  });
  // A tray app: closing the window hides it; Quit is in the tray menu.
  window.on('close', (event) => {
    if (!quitting) {
      event.preventDefault();
      window.hide();
    }
  });

  // A window closed while it loads (the app quitting at once) rejects the load: nothing to do.
  const loading = paths.devServerUrl ? window.loadURL(paths.devServerUrl) : window.loadFile(paths.indexHtml);
  loading.catch(() => undefined);
  return window;
}

let quitting = false;
export const markQuitting = (): void => {
  quitting = true;
};
