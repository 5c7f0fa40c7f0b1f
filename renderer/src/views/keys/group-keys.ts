// The Keys view's list: the keys that pass the filter, grouped by region (the catalog's order)
// then workspace (default first). Pure, so the benchmark and the view run the same code.
import type { State } from '../../api';
import type { KeyFilter } from './slice';

export type KeyView = State['keys'][number];

export interface WorkspaceGroup {
  workspaceId: string;
  keys: KeyView[];
}

export interface RegionGroup {
  regionId: string;
  count: number;
  workspaces: WorkspaceGroup[];
}

export const statusOf = (key: KeyView): string => key.lastCheck?.status ?? 'unchecked';

export function matches(key: KeyView, filter: KeyFilter, words: readonly string[]): boolean {
  if (filter.regionId && key.regionId !== filter.regionId) return false;
  if (filter.workspaceId && key.workspaceId !== filter.workspaceId) return false;
  if (filter.status && statusOf(key) !== filter.status) return false;
  if (words.length === 0) return true;
  const haystack = `${key.label} ${key.masked} ${key.workspaceId} ${key.planName}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}

export function groupKeys(state: Pick<State, 'keys' | 'regions'>, filter: KeyFilter): RegionGroup[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  const byRegion = new Map<string, Map<string, KeyView[]>>(
    state.regions.map((region) => [region.id, new Map()]),
  );
  for (const key of state.keys) {
    if (!matches(key, filter, words)) continue;
    let workspaces = byRegion.get(key.regionId);
    if (!workspaces) byRegion.set(key.regionId, (workspaces = new Map()));
    let keys = workspaces.get(key.workspaceId);
    if (!keys) workspaces.set(key.workspaceId, (keys = []));
    keys.push(key);
  }
  return [...byRegion]
    .filter(([, workspaces]) => workspaces.size > 0)
    .map(([regionId, workspaces]) => ({
      regionId,
      count: [...workspaces.values()].reduce((sum, keys) => sum + keys.length, 0),
      workspaces: [...workspaces]
        .sort(([a], [b]) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)))
        .map(([workspaceId, keys]) => ({ workspaceId, keys })),
    }));
}

/** The keys in the order the list shows them: what arrow keys walk through. */
export const flatten = (groups: readonly RegionGroup[]): KeyView[] =>
  groups.flatMap((group) => group.workspaces.flatMap((workspace) => workspace.keys));
