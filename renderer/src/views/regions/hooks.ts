// The regions view's data as components use it: loaded when main's data changes, and the
// workspaces' names by id. Hooks over the store, kept out of the slice the store is built from.
import { useEffect, useMemo } from 'react';
import { useStore } from '../../store';

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
