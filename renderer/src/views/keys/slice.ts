// The Keys view: its filter, the copy countdown, and what a row can do to its key. The secret of
// a revealed key is not here: it lives in that row's component state for ten seconds.
import { api, unwrap } from '../../api';
import type { Slice } from '../../store/slice';
import type { UiSlice } from '../../store/ui-slice';

/** '' means any. */
export interface KeyFilter {
  text: string;
  regionId: string;
  workspaceId: string;
  /** A check status, `unchecked`, or ''. */
  status: string;
}

export const NO_FILTER: KeyFilter = { text: '', regionId: '', workspaceId: '', status: '' };

export interface KeysSlice {
  filter: KeyFilter;
  /** The key last copied, and when the clipboard clears (null: never). */
  copied: { keyId: string; clearsAt: number | null } | undefined;
  setFilter(patch: Partial<KeyFilter>): void;
  copyKey(keyId: string): Promise<void>;
  makeActive(keyId: string): Promise<void>;
  renameKey(keyId: string, label: string): Promise<boolean>;
  moveKey(move: {
    keyId: string;
    regionId: string;
    plan?: 'payg' | 'coding' | 'token';
    workspaceId?: string;
  }): Promise<boolean>;
  removeKey(keyId: string): Promise<boolean>;
}

export const keysSlice: Slice<KeysSlice, UiSlice> = (set, get) => ({
  filter: NO_FILTER,
  copied: undefined,
  setFilter: (patch) => set((store) => ({ filter: { ...store.filter, ...patch } })),
  copyKey: async (keyId) => {
    await get().attempt(async () => {
      const { label, clearAfterSeconds } = unwrap(await api().keys.copy({ keyId }));
      set({
        copied: { keyId, clearsAt: clearAfterSeconds > 0 ? Date.now() + clearAfterSeconds * 1000 : null },
      });
      get().say({
        key: clearAfterSeconds > 0 ? 'window.keys.copied' : 'window.keys.copiedKept',
        params: { label, seconds: clearAfterSeconds },
      });
    });
  },
  makeActive: async (keyId) => {
    await get().attempt(async () => unwrap(await api().keys.makeActive({ keyId })));
  },
  renameKey: (keyId, label) => get().attempt(async () => unwrap(await api().keys.rename({ keyId, label }))),
  moveKey: (move) =>
    get().attempt(async () => {
      const moved = unwrap(await api().keys.move(move));
      get().say({ key: 'window.keys.moved', params: { regionId: moved.regionId } });
    }),
  removeKey: (keyId) =>
    get().attempt(async () => {
      const { label } = unwrap(await api().keys.remove({ keyId }));
      get().say({ key: 'window.keys.deleted', params: { label } });
    }),
});
