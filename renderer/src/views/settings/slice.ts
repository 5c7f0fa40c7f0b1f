// Settings: the same catalog and checks as `msk config`. A value main refuses is shown beside its
// field and nothing changes.
import { api, type CallResult, errorOf, type IpcError, unwrap } from '../../api';
import type { Slice } from '../../store/slice';
import type { UiSlice } from '../../store/ui-slice';

export type Setting = CallResult<'settings.list'>[number];

export interface SettingsSlice {
  settings: Setting[];
  /** The last refusal per setting name (`toolModels.codex` for an entry). */
  settingErrors: Readonly<Record<string, IpcError>>;
  loadSettings(): Promise<void>;
  setSetting(name: string, value: string | number | boolean): Promise<boolean>;
  unsetSetting(name: string): Promise<boolean>;
}

export const settingsSlice: Slice<SettingsSlice, UiSlice> = (set, get) => {
  const change = async (name: string, call: () => Promise<unknown>): Promise<boolean> => {
    try {
      await call();
      set((store) => {
        const { [name]: _gone, ...rest } = store.settingErrors;
        return { settingErrors: rest };
      });
      await get().loadSettings();
      return true;
    } catch (thrown) {
      set((store) => ({ settingErrors: { ...store.settingErrors, [name]: errorOf(thrown) } }));
      return false;
    }
  };
  return {
    settings: [],
    settingErrors: {},
    loadSettings: async () => {
      await get().attempt(async () => set({ settings: unwrap(await api().settings.list()) }));
    },
    setSetting: (name, value) => change(name, async () => unwrap(await api().settings.set({ name, value }))),
    unsetSetting: (name) => change(name, async () => unwrap(await api().settings.unset({ name }))),
  };
};
