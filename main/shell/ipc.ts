// ipcMain ↔ router: one handler per contract method, each checking who is asking.
import { type BrowserWindow, ipcMain } from 'electron';
import type { AppState } from '../core/state.js';
import { channelOf, METHODS, STATE_EVENT } from '../ipc/contract.js';
import type { Router } from '../ipc/router.js';

export function registerIpc(router: Router, isOwnFrame: (url: string) => boolean): void {
  for (const method of METHODS) {
    ipcMain.handle(channelOf(method), (event, args: unknown) => {
      if (!event.senderFrame || !isOwnFrame(event.senderFrame.url)) {
        return {
          ok: false,
          error: { code: 'forbidden', message: 'Calls are accepted only from the app’s own window.' },
        };
      }
      return router.call(method, args);
    });
  }
}

export function pushState(window: BrowserWindow | undefined, state: AppState): void {
  if (window && !window.isDestroyed()) window.webContents.send(STATE_EVENT, state);
}
