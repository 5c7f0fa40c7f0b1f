// IPC without the transport: who may ask (the sender check), and which call, task or cancel a
// channel means. shell/ipc.ts feeds it Electron's ipcMain; the tests feed it a page bridge.
import {
  CALL_NAMES,
  callChannel,
  TASK_CANCEL,
  TASK_NAMES,
  TASK_PROGRESS,
  taskChannel,
} from '../shared/contract/channels.js';
import type { Result } from '../shared/contract/index.js';
import type { Router } from './router.js';
import { TaskHost } from './tasks.js';

export interface IpcSender {
  /** Stable per page (Electron's webContents id). */
  id: number;
  /** The calling frame's URL; undefined when the frame is gone. */
  frameUrl: string | undefined;
  send(channel: string, payload: unknown): void;
}

export interface IpcServer {
  /** Every channel answered with `invoke`. */
  readonly channels: readonly string[];
  invoke(channel: string, sender: IpcSender, payload: unknown): Promise<Result<unknown>>;
  /** Fire-and-forget messages (task cancel). */
  message(channel: string, sender: IpcSender, payload: unknown): void;
  /** The page navigated away or was destroyed. */
  senderGone(senderId: number): void;
  /** The app is quitting: settles once every task has stopped (TaskHost.stopAll). */
  stopTasks(): Promise<void>;
}

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Calls are accepted only from the app’s own window.' },
};

export function createIpcServer(router: Router, isOwnFrame: (url: string) => boolean): IpcServer {
  const tasks = new TaskHost(router);
  const byChannel = new Map<string, (sender: IpcSender, payload: unknown) => Promise<Result<unknown>>>([
    ...CALL_NAMES.map(
      (name) => [callChannel(name), (_sender: IpcSender, args: unknown) => router.call(name, args)] as const,
    ),
    ...TASK_NAMES.map(
      (name) =>
        [
          taskChannel(name),
          (sender: IpcSender, payload: unknown) => {
            const taskId = taskIdOf(payload);
            if (taskId === undefined) {
              return Promise.resolve<Result<unknown>>({
                ok: false,
                error: { code: 'invalid-input', message: 'A task needs a task id.' },
              });
            }
            return tasks.run(sender.id, taskId, name, (payload as { args?: unknown }).args, (progress) =>
              sender.send(TASK_PROGRESS, { taskId, progress }),
            );
          },
        ] as const,
    ),
  ]);
  const trusted = (sender: IpcSender) => sender.frameUrl !== undefined && isOwnFrame(sender.frameUrl);

  return {
    channels: [...byChannel.keys()],
    async invoke(channel, sender, payload) {
      if (!trusted(sender)) return FORBIDDEN;
      const handle = byChannel.get(channel);
      if (!handle)
        return { ok: false, error: { code: 'unknown-method', message: `Unknown channel '${channel}'.` } };
      return handle(sender, payload);
    },
    message(channel, sender, payload) {
      if (channel !== TASK_CANCEL || !trusted(sender)) return;
      const taskId = taskIdOf(payload);
      if (taskId !== undefined) tasks.cancel(sender.id, taskId);
    },
    senderGone: (senderId) => tasks.cancelAll(senderId),
    stopTasks: () => tasks.stopAll(),
  };
}

function taskIdOf(payload: unknown): string | undefined {
  const taskId = (payload as { taskId?: unknown } | null)?.taskId;
  return typeof taskId === 'string' && taskId.length > 0 && taskId.length <= 100 ? taskId : undefined;
}
