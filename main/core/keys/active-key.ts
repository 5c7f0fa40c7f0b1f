// Which region and key are active, and the rules for choosing them.
import type { Config, KeyRecord, Settings } from '../config/config-schema.js';
import type { ConfigStore } from '../config/config-store.js';
import { MskError } from '../base/errors.js';
import type { RegionFacts } from '../model-studio/catalog.js';
import { regionName, requireRegion } from '../model-studio/regions.js';
import { resolveKey } from './vault.js';

export async function readSettings(store: ConfigStore): Promise<Settings> {
  return (await store.read()).settings;
}

export async function setActiveRegion(store: ConfigStore, nameOrAlias: string): Promise<RegionFacts> {
  const region = requireRegion(nameOrAlias);
  await store.update((draft) => {
    draft.settings.activeRegionId = region.id;
  });
  return region;
}

/** Makes a key the active one of its region, and its region the active region. */
export async function useKey(store: ConfigStore, reference: string): Promise<KeyRecord> {
  return store.update((draft) => {
    const record = resolveKey(draft.keys, reference);
    draft.settings.activeKeyByRegion[record.regionId] = record.id;
    draft.settings.activeRegionId = record.regionId;
    return record;
  });
}

/** The key used when none is named: the active key of the active region. */
export function activeKey(config: Config): KeyRecord {
  const { activeRegionId, activeKeyByRegion } = config.settings;
  const id = activeKeyByRegion[activeRegionId];
  const record = config.keys.find((key) => key.id === id);
  if (record) return record;
  const inRegion = config.keys.filter((key) => key.regionId === activeRegionId).map((key) => key.label);
  const why =
    inRegion.length > 0
      ? `none of its keys (${inRegion.join(', ')}) is chosen as active`
      : config.keys.length > 0
        ? 'no key is stored for it'
        : 'no keys are stored yet';
  throw new MskError('no-active-key', `No active key in ${regionName(activeRegionId)}: ${why}.`, {
    regionId: activeRegionId,
    regionName: regionName(activeRegionId),
    keysInRegion: inRegion,
    keyCount: config.keys.length,
  });
}
