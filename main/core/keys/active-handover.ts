// What stays active as keys come and go: a region's first key becomes its active one, a leaving
// active key hands over (a pay-as-you-go key first), and an active region left without keys
// follows the keys that exist — a first key stored in US (Virginia) must work at once, not wait
// behind an empty Singapore.
import type { Config, KeyRecord } from '../config/config-schema.js';

/** The key that takes an active role among `keys`: pay-as-you-go first, then in stored order. */
const successorAmong = (keys: readonly KeyRecord[]): KeyRecord | undefined =>
  keys.find((key) => key.plan === 'payg') ?? keys[0];

/** A key arrived in its region (added, moved in, restored): the region's first key is its active one. */
export function claimActive(draft: Config, arrived: KeyRecord): void {
  draft.settings.activeKeyByRegion[arrived.regionId] ??= arrived.id;
}

/** When the active key of a region leaves it (removed or moved), another key there takes over. */
export function handOverActive(draft: Config, leaving: KeyRecord): void {
  const active = draft.settings.activeKeyByRegion;
  if (active[leaving.regionId] !== leaving.id) return;
  const successor = successorAmong(
    draft.keys.filter((key) => key.regionId === leaving.regionId && key.id !== leaving.id),
  );
  if (successor) active[leaving.regionId] = successor.id;
  else delete active[leaving.regionId];
}

/**
 * An active region that holds no key follows `to` (the key just added or moved) or, without one,
 * the keys that remain. Returns whether the active region changed. A region the user chose that
 * still holds keys is never changed.
 */
export function followKeys(draft: Config, to?: KeyRecord): boolean {
  const { settings } = draft;
  if (draft.keys.some((key) => key.regionId === settings.activeRegionId)) return false;
  const next = to ?? successorAmong(draft.keys);
  if (!next || next.regionId === settings.activeRegionId) return false;
  settings.activeRegionId = next.regionId;
  return true;
}
