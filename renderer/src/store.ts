// One zustand store, fed by main's state snapshots. Each snapshot is numbered: one older than
// what the store holds (an initial pull answered after a push) is dropped. Components read it
// through selectors so a change re-renders only what reads it.
import { create } from 'zustand';
import { api, type State, unwrap } from './api';

interface Store {
  state: State | undefined;
  /** The last failed action's message, shown until the next success. */
  error: string | undefined;
  receive(state: State): void;
  load(): Promise<void>;
  setActiveRegion(regionId: string): Promise<void>;
  dismissError(): void;
}

export const useStore = create<Store>()((set, get) => {
  const receive = (state: State) => {
    const current = get().state;
    if (!current || state.revision >= current.revision) set({ state });
  };
  const run = async (action: () => Promise<State>) => {
    try {
      receive(await action());
      set({ error: undefined });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  };
  return {
    state: undefined,
    error: undefined,
    receive,
    load: () => run(async () => unwrap(await api().state.get())),
    setActiveRegion: (regionId) => run(async () => unwrap(await api().regions.setActive({ regionId }))),
    dismissError: () => set({ error: undefined }),
  };
});

/** Subscribes the store to main's state events; returns the unsubscribe function. */
export const followMain = (): (() => void) => api().onState((state) => useStore.getState().receive(state));
