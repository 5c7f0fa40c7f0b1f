// ipcMain ↔ the transport-free IPC server: every channel handled, each sender's tasks aborted
// when its page navigates away or is destroyed, and state snapshots pushed to the window.
import {
  type BrowserWindow,
  ipcMain,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import type { AppState } from '../core/state/snapshot.js';
import { STATE_EVENT, TASK_CANCEL } from '../shared/contract/channels.js';
import type { IpcSender, IpcServer } from '../ipc/index.js';

export function registerIpc(server: IpcServer): void {
  const watched = new WeakSet<WebContents>();
  const senderOf = (event: IpcMainInvokeEvent | IpcMainEvent): IpcSender => {
    const contents = event.sender;
    if (!watched.has(contents)) {
      watched.add(contents);
      // Only a navigation that happened (not one will-navigate refused), a crash, or the end.
      const gone = () => server.senderGone(contents.id);
      contents.on('did-navigate', gone);
      contents.on('render-process-gone', gone);
      contents.on('destroyed', gone);
    }
    return {
      id: contents.id,
      frameUrl: event.senderFrame?.url,
      send: (channel, payload) => {
        if (!contents.isDestroyed()) contents.send(channel, payload);
      },
    };
  };
  for (const channel of server.channels) {
    ipcMain.handle(channel, (event, payload: unknown) => server.invoke(channel, senderOf(event), payload));
  }
  ipcMain.on(TASK_CANCEL, (event, payload: unknown) => server.message(TASK_CANCEL, senderOf(event), payload));
}

export function pushState(window: BrowserWindow | undefined, state: AppState): void {
  // While quitting, a window's page can be gone before the window is.
  if (window && !window.isDestroyed() && !window.webContents.isDestroyed()) {
    window.webContents.send(STATE_EVENT, state);
  }
}
