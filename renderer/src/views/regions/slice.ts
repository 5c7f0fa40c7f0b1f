// Regions & workspaces: each region's base URLs (overrides applied) and the workspaces' names,
// asked of main when the view needs them and again after every change.
import { api, type CallResult, unwrap } from '../../api';
import type { Slice } from '../../store/slice';
import type { UiSlice } from '../../store/ui-slice';

export type RegionEndpoint = CallResult<'regions.endpoints'>[number];
export type Workspace = CallResult<'workspaces.list'>[number];

export interface RegionsSlice {
  endpoints: RegionEndpoint[];
  workspaces: Workspace[];
  loadRegions(): Promise<void>;
  renameWorkspace(id: string, name: string): Promise<boolean>;
}

export const regionsSlice: Slice<RegionsSlice, UiSlice> = (set, get) => ({
  endpoints: [],
  workspaces: [],
  loadRegions: async () => {
    await get().attempt(async () => {
      const [endpoints, workspaces] = await Promise.all([api().regions.endpoints(), api().workspaces.list()]);
      set({ endpoints: unwrap(endpoints), workspaces: unwrap(workspaces) });
    });
  },
  renameWorkspace: (id, name) =>
    get().attempt(async () => unwrap(await api().workspaces.rename({ id, name }))),
});
