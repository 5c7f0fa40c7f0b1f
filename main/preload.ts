// The renderer's only door: one function per contract method, and the state subscription.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { type Api, channelOf, METHODS, STATE_EVENT } from './ipc/contract.js';

// Built from the method list, so every contract method is present by construction.
const methods = Object.fromEntries(
  METHODS.map((method) => [method, (args?: unknown) => ipcRenderer.invoke(channelOf(method), args)]),
) as Omit<Api, 'onState'>;

const onState: Api['onState'] = (listener) => {
  const handler = (_event: IpcRendererEvent, state: Parameters<typeof listener>[0]) => listener(state);
  ipcRenderer.on(STATE_EVENT, handler);
  return () => ipcRenderer.off(STATE_EVENT, handler);
};

contextBridge.exposeInMainWorld('api', { ...methods, onState } satisfies Api);
