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

/** One line of the list as it scrolls: a region's heading, a workspace's, or a key. */
export type ListItem =
  | { kind: 'region'; regionId: string; count: number }
  | { kind: 'workspace'; regionId: string; workspaceId: string }
  | { kind: 'key'; key: KeyView };

/** The groups as the lines the (virtualised) list shows, in order. */
export const listItems = (groups: readonly RegionGroup[]): ListItem[] =>
  groups.flatMap((group): ListItem[] => [
    { kind: 'region', regionId: group.regionId, count: group.count },
    ...group.workspaces.flatMap((workspace): ListItem[] => [
      { kind: 'workspace', regionId: group.regionId, workspaceId: workspace.workspaceId },
      ...workspace.keys.map((key): ListItem => ({ kind: 'key', key })),
    ]),
  ]);

export const itemKey = (item: ListItem): string =>
  item.kind === 'key'
    ? item.key.id
    : item.kind === 'region'
      ? item.regionId
      : `${item.regionId}/${item.workspaceId}`;
