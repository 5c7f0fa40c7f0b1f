// Main's snapshot, read-only here. Each is numbered: one older than what the store holds (an
// initial pull answered after a push) is dropped.
import { api, type State, unwrap } from '../api';
import type { Slice } from './slice';
import type { UiSlice } from './ui-slice';

export interface SnapshotSlice {
  state: State | undefined;
  receive(state: State): void;
  load(): Promise<boolean>;
  /** After the user fixed a problem (unlocked the keychain, restored the file): try again. */
  retry(): Promise<boolean>;
  /** What `msk doctor --fix` does, for a damaged data file. */
  repair(): Promise<boolean>;
  setActiveRegion(regionId: string): Promise<boolean>;
}

export const snapshotSlice: Slice<SnapshotSlice, UiSlice> = (set, get) => ({
  state: undefined,
  receive(state) {
    const current = get().state;
    if (!current || state.revision >= current.revision) set({ state });
  },
  load: () => get().attempt(async () => get().receive(unwrap(await api().state.get()))),
  retry: () => get().attempt(async () => get().receive(unwrap(await api().state.retry()))),
  repair: () =>
    get().attempt(async () => {
      const { done } = unwrap(await api().state.repair());
      get().say({ key: 'window.problem.repaired', params: { count: done.length } });
      await get().load();
    }),
  setActiveRegion: (regionId) =>
    get().attempt(async () => get().receive(unwrap(await api().regions.setActive({ regionId })))),
});
