// The renderer's only door: `window.api.<domain>.<verb>`, built from the names list alone (no
// schemas, so the bundle stays small), and the state subscription.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  CALLS,
  callChannel,
  type CallName,
  STATE_EVENT,
  TASK_CANCEL,
  TASK_PROGRESS,
  TASKS,
  taskChannel,
  type TaskName,
} from './shared/contract/channels.js';
import type { Api } from './shared/contract/index.js';

type Functions = Record<string, Record<string, (...args: unknown[]) => unknown>>;

// One listener for every task's progress, dispatched by task id.
const progressListeners = new Map<string, (progress: unknown) => void>();
ipcRenderer.on(TASK_PROGRESS, (_event, message: { taskId: string; progress: unknown }) =>
  progressListeners.get(message.taskId)?.(message.progress),
);

let taskCount = 0;
function startTask(name: TaskName, args: unknown, onProgress?: (progress: unknown) => void) {
  const taskId = `${Date.now().toString(36)}-${(taskCount += 1)}`;
  if (onProgress) progressListeners.set(taskId, onProgress);
  const result = ipcRenderer
    .invoke(taskChannel(name), { taskId, args })
    .finally(() => progressListeners.delete(taskId));
  return { result, cancel: () => ipcRenderer.send(TASK_CANCEL, { taskId }) };
}

const api: Functions = {};
for (const [domain, verbs] of Object.entries(CALLS)) {
  for (const verb of verbs) {
    (api[domain] ??= {})[verb] = (args) =>
      ipcRenderer.invoke(callChannel(`${domain}.${verb}` as CallName), args);
  }
}
for (const [domain, verbs] of Object.entries(TASKS)) {
  for (const verb of verbs) {
    // `(options)` for tasks without arguments, `(args, options)` for the others.
    (api[domain] ??= {})[verb] = (...given) => {
      const [args, options] = given.length > 1 || !isOptions(given[0]) ? given : [undefined, given[0]];
      return startTask(
        `${domain}.${verb}` as TaskName,
        args,
        (options as TaskOptions | undefined)?.onProgress,
      );
    };
  }
}

interface TaskOptions {
  onProgress?: (progress: unknown) => void;
}
const isOptions = (value: unknown): value is TaskOptions =>
  typeof value === 'object' && value !== null && 'onProgress' in value;

const onState: Api['onState'] = (listener) => {
  const handler = (_event: IpcRendererEvent, state: Parameters<typeof listener>[0]) => listener(state);
  ipcRenderer.on(STATE_EVENT, handler);
  return () => ipcRenderer.off(STATE_EVENT, handler);
};

contextBridge.exposeInMainWorld('api', { ...api, onState } as unknown as Api);
