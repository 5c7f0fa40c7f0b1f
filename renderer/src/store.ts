// One zustand store, replaced by each state snapshot from main. Components read it through
// selectors so a change re-renders only what reads it.
import { create } from 'zustand';
import { api, type State, unwrap } from './api';

interface Store {
  state: State | undefined;
  /** The last failed action's message, shown until the next success. */
  error: string | undefined;
  replace(state: State): void;
  load(): Promise<void>;
  setActiveRegion(regionId: string): Promise<void>;
  dismissError(): void;
}

export const useStore = create<Store>()((set) => {
  const run = async (action: () => Promise<State>) => {
    try {
      set({ state: await action(), error: undefined });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  };
  return {
    state: undefined,
    error: undefined,
    replace: (state) => set({ state }),
    load: () => run(async () => unwrap(await api()['state.get']())),
    setActiveRegion: (regionId) => run(async () => unwrap(await api()['regions.setActive']({ regionId }))),
    dismissError: () => set({ error: undefined }),
  };
});

/** Subscribes the store to main's state events; returns the unsubscribe function. */
export const followMain = (): (() => void) => api().onState((state) => useStore.getState().replace(state));
