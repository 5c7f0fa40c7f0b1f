// The window's own state: which view shows, the last failure, and a short-lived confirmation
// ("Copied ‘personal’"). `attempt` is how every slice runs an IPC call: a failure becomes the
// shown error (by code, so it is worded in the user's language), a success clears it.
import { errorOf, type IpcError } from '../api';
import type { Slice } from './slice';

export const VIEWS = [
  'keys',
  'add',
  'import',
  'regions',
  'account',
  'checks',
  'tools',
  'gateway',
  'settings',
] as const;
export type View = (typeof VIEWS)[number];

/** A message key of the window catalog with its params, translated where it is shown. */
export interface Message {
  key: string;
  params?: Record<string, unknown>;
}

export const TOAST_MS = 4000;

export interface UiSlice {
  view: View;
  error: IpcError | undefined;
  toast: (Message & { id: number }) | undefined;
  go(view: View): void;
  showError(error: IpcError): void;
  dismissError(): void;
  say(message: Message): void;
  /** Runs an action; its failure is shown. Resolves to whether it succeeded. */
  attempt(action: () => Promise<unknown>): Promise<boolean>;
  /** As `attempt`, resolving to the action's value; undefined when it failed (and is shown). */
  attemptValue<T>(action: () => Promise<T>): Promise<T | undefined>;
}

let toastCount = 0;
let toastTimer: ReturnType<typeof setTimeout> | undefined;

export const uiSlice: Slice<UiSlice> = (set, get) => ({
  view: 'keys',
  error: undefined,
  toast: undefined,
  go: (view) => set({ view }),
  showError: (error) => set({ error }),
  dismissError: () => set({ error: undefined }),
  say(message) {
    const id = (toastCount += 1);
    set({ toast: { ...message, id } });
    clearTimeout(toastTimer);
    toastTimer = setTimeout(
      () => set((store) => (store.toast?.id === id ? { toast: undefined } : {})),
      TOAST_MS,
    );
  },
  async attempt(action) {
    try {
      await action();
      set({ error: undefined });
      return true;
    } catch (thrown) {
      set({ error: errorOf(thrown) });
      return false;
    }
  },
  async attemptValue(action) {
    let value: Awaited<ReturnType<typeof action>> | undefined;
    await get().attempt(async () => (value = await action()));
    return value;
  },
});
