// Connection checks the window runs: "Check all" (one run app-wide, which the tray may have
// started; its progress then comes with the snapshot) and the keys being checked one by one.
import { api, type RunningCheck, type TaskResult, unwrap } from '../api';
import type { SnapshotSlice } from './snapshot-slice';
import type { Slice } from './slice';
import type { UiSlice } from './ui-slice';

export interface Progress {
  done: number;
  total: number;
}

export interface TasksSlice {
  /** The window's own "Check all", while it runs. */
  checkAll: Progress | null;
  /** What the last run the window saw came to. */
  lastRun: TaskResult<'checks.all'> | null;
  /** Keys being checked on their own. */
  checkingKeys: Readonly<Record<string, true>>;
  startCheckAll(): Promise<void>;
  cancelCheckAll(): Promise<void>;
  checkKey(keyId: string): Promise<void>;
}

let running: RunningCheck | undefined;

export const tasksSlice: Slice<TasksSlice, UiSlice> = (set, get) => ({
  checkAll: null,
  lastRun: null,
  checkingKeys: {},
  async startCheckAll() {
    if (running) return;
    set({ checkAll: { done: 0, total: 0 } });
    const task = api().checks.all({ onProgress: ({ done, total }) => set({ checkAll: { done, total } }) });
    running = task;
    await get().attempt(async () => {
      const outcome = unwrap(await task.result);
      set({ lastRun: outcome });
      get().say({
        key: outcome.cancelled ? 'window.checks.cancelledAfter' : 'window.checks.finished',
        params: { count: outcome.results.length },
      });
    });
    running = undefined;
    set({ checkAll: null });
  },
  async cancelCheckAll() {
    // A run the tray started has no task here: main stops the one run for everyone.
    if (running) running.cancel();
    else await get().attempt(async () => unwrap(await api().checks.cancelAll()));
  },
  async checkKey(keyId) {
    if (get().checkingKeys[keyId]) return;
    set((store) => ({ checkingKeys: { ...store.checkingKeys, [keyId]: true } }));
    await get().attempt(async () => {
      const result = unwrap(await api().checks.one({ keyId }).result);
      get().say({ key: 'window.checks.checkedOne', params: { label: result.label, status: result.status } });
    });
    set((store) => {
      const { [keyId]: _done, ...rest } = store.checkingKeys;
      return { checkingKeys: rest };
    });
  },
});

/** The run under way, whoever started it: the window's own task, else the snapshot's word. */
export const checkProgress = (store: TasksSlice & SnapshotSlice): Progress | null =>
  store.checkAll ?? store.state?.checking ?? null;
