// Regions & workspaces: each region's base URLs (overrides applied) and the workspaces' names,
// asked of main when the view needs them and again after every change.
import { useEffect, useMemo } from 'react';
import { api, type CallResult, unwrap } from '../../api';
import { useStore } from '../../store';
import type { Slice } from '../../store/slice';

export type RegionEndpoint = CallResult<'regions.endpoints'>[number];
export type Workspace = CallResult<'workspaces.list'>[number];

export interface RegionsSlice {
  endpoints: RegionEndpoint[];
  workspaces: Workspace[];
  loadRegions(): Promise<void>;
  renameWorkspace(id: string, name: string): Promise<boolean>;
}

export const regionsSlice: Slice<RegionsSlice> = (set, get) => ({
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

/** Loads regions and workspaces, and again whenever main's data changes. */
export function useRegionData(): void {
  const dataRevision = useStore((store) => store.state?.dataRevision);
  const loadRegions = useStore((store) => store.loadRegions);
  useEffect(() => {
    if (dataRevision !== undefined) void loadRegions();
  }, [dataRevision, loadRegions]);
}

/** Workspace id → the name the user gave it. */
export function useWorkspaceNames(): Map<string, string> {
  const workspaces = useStore((store) => store.workspaces);
  return useMemo(
    () =>
      new Map(
        workspaces
          .filter((workspace) => workspace.name)
          .map((workspace) => [workspace.id, workspace.name ?? '']),
      ),
    [workspaces],
  );
}
