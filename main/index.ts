// Electron entry: one instance, the core composed once, tray + window + IPC wired to it.
import path from 'node:path';
import { app, type BrowserWindow } from 'electron';
import trayIcon from '../build/tray.png?asset';
import { createServices } from './core/services.js';
import type { AppState } from './core/state.js';
import { createRouter } from './ipc/router.js';
import { pushState, registerIpc } from './shell/ipc.js';
import { createTray } from './shell/tray.js';
import type { TrayAction } from './shell/tray-menu.js';
import { createMainWindow, isOwnPage, markQuitting, type WindowPaths } from './shell/window.js';

// The CLI and the app agree on the data directory only if the app's name is ours.
app.setName('Model Studio Keys');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const paths: WindowPaths = {
    preload: path.join(import.meta.dirname, '../preload/preload.cjs'),
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
    indexHtml: path.join(import.meta.dirname, '../renderer/index.html'),
  };
  const services = createServices();
  let window: BrowserWindow | undefined;

  const tray = createTray(trayIcon, perform);
  const publish = (state: AppState) => {
    tray.update(state);
    pushState(window, state);
  };
  const router = createRouter(services, publish);
  registerIpc(router, (url) => isOwnPage(url, paths));

  function showWindow(): void {
    if (!window) {
      // Shown once its page is ready, so it never flashes empty.
      window = createMainWindow(paths);
      window.once('ready-to-show', () => window?.show());
      return;
    }
    window.show();
    window.focus();
  }

  function perform(action: TrayAction): void {
    if (action.type === 'open-window') showWindow();
    else if (action.type === 'set-region')
      void router.call('regions.setActive', { regionId: action.regionId });
    else app.quit();
  }

  app.on('second-instance', showWindow);
  app.on('before-quit', markQuitting);
  // A tray app keeps running with no window open.
  app.on('window-all-closed', () => undefined);

  publish(await router.state());
  showWindow();
}
