// Long work over IPC: one AbortController per (sender, task id), progress throttled to about ten
// a second (the last one always sent), everything of a sender aborted when its page navigates
// away or is destroyed (VS Code's ChannelServer, electron-trpc).
import type { TaskName } from '../shared/contract/channels.js';
import type { Result } from '../shared/contract/index.js';
import { APP_QUITTING, CANCELLED_BY_PAGE, PAGE_GONE } from './handlers/types.js';
import type { Router } from './router.js';

export const PROGRESS_INTERVAL_MS = 100;

interface RunningTask {
  controller: AbortController;
  /** Settles once the task has ended, whatever it had to put back first. */
  ended: Promise<unknown>;
}

export class TaskHost {
  private readonly running = new Map<string, RunningTask>();

  constructor(
    private readonly router: Router,
    private readonly intervalMs = PROGRESS_INTERVAL_MS,
  ) {}

  async run(
    senderId: number,
    taskId: string,
    name: TaskName,
    args: unknown,
    send: (progress: unknown) => void,
  ): Promise<Result<unknown>> {
    const key = keyOf(senderId, taskId);
    if (this.running.has(key)) {
      return { ok: false, error: { code: 'invalid-input', message: `Task '${taskId}' is already running.` } };
    }
    const controller = new AbortController();
    const throttled = throttle(send, this.intervalMs, this.router.progressSchema(name));
    const ended = this.router.task(name, args, { signal: controller.signal, progress: throttled.push });
    this.running.set(key, { controller, ended });
    try {
      return await ended;
    } finally {
      throttled.flush();
      this.running.delete(key);
    }
  }

  cancel(senderId: number, taskId: string): void {
    this.running.get(keyOf(senderId, taskId))?.controller.abort(CANCELLED_BY_PAGE);
  }

  /** The page went away: nobody is left to want the answers. */
  cancelAll(senderId: number): void {
    for (const [key, { controller }] of this.running) {
      if (key.startsWith(`${senderId}:`)) controller.abort(PAGE_GONE);
    }
  }

  /**
   * The app is quitting: every task is stopped, and awaited while it ends what it started and
   * puts back what it changed (OpenClaw's onboarding and its config), so none goes on without
   * the app or leaves its work half done.
   */
  async stopAll(): Promise<void> {
    const tasks = [...this.running.values()];
    for (const { controller } of tasks) controller.abort(APP_QUITTING);
    await Promise.allSettled(tasks.map((task) => task.ended));
  }
}

const keyOf = (senderId: number, taskId: string) => `${senderId}:${taskId}`;

/**
 * At most one progress event per interval; the latest one waits for its turn, and is never
 * lost. Each event is validated when the handler gives it (a bad one fails the task, loudly);
 * after the task ends, late ones are dropped.
 */
function throttle(
  send: (progress: unknown) => void,
  intervalMs: number,
  schema: { parse(value: unknown): unknown },
): { push(progress: unknown): void; flush(): void } {
  let lastSent = -Infinity;
  let pending: { value: unknown } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ended = false;
  const sendNow = (value: unknown) => {
    lastSent = Date.now();
    pending = undefined;
    send(value);
  };
  return {
    push(progress) {
      if (ended) return;
      const value = schema.parse(progress);
      const wait = lastSent + intervalMs - Date.now();
      if (wait <= 0 && !timer) return sendNow(value);
      pending = { value };
      timer ??= setTimeout(
        () => {
          timer = undefined;
          if (pending) sendNow(pending.value);
        },
        Math.max(0, wait),
      );
    },
    flush() {
      ended = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (pending) sendNow(pending.value);
    },
  };
}
