// The snapshot main pushes to the renderer (and the tray builds from): everything a view shows,
// and never a secret.
import type { Config } from './config-schema.js';
import { maskKey } from './keys.js';
import { REGIONS } from './model-studio.js';

export interface KeyView {
  id: string;
  label: string;
  regionId: string;
  workspaceId: string;
  kind: 'standard' | 'plan';
  masked: string;
  active: boolean;
}

export interface RegionView {
  id: string;
  name: string;
  apiKeyPage: string;
  keyCount: number;
}

export interface AppState {
  activeRegionId: string;
  regions: RegionView[];
  keys: KeyView[];
  clipboardClearSeconds: number;
}

export function snapshot(config: Config): AppState {
  const { settings } = config;
  return {
    activeRegionId: settings.activeRegionId,
    regions: REGIONS.map((region) => ({
      id: region.id,
      name: region.name,
      apiKeyPage: region.apiKeyPage,
      keyCount: config.keys.filter((key) => key.regionId === region.id).length,
    })),
    keys: config.keys.map((key) => ({
      id: key.id,
      label: key.label,
      regionId: key.regionId,
      workspaceId: key.workspaceId,
      kind: key.kind,
      masked: maskKey(key),
      active: settings.activeKeyByRegion[key.regionId] === key.id,
    })),
    clipboardClearSeconds: settings.clipboardClearSeconds,
  };
}
