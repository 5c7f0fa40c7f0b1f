// The snapshot main pushes to the renderer (and the tray builds from): everything a view shows,
// and never a secret.
import type { Config } from './config-schema.js';
import { maskKey } from './keys.js';
import { type KeyShape, type Plan, PLANS, REGIONS, SERVICE_TITLE } from './model-studio.js';
import { isWorkspaceOnly } from './regions.js';

export interface KeyView {
  id: string;
  label: string;
  regionId: string;
  workspaceId: string;
  plan: Plan;
  planName: string;
  shape: KeyShape;
  masked: string;
  active: boolean;
}

export interface RegionView {
  id: string;
  name: string;
  apiKeyPage: string;
  keyCount: number;
  /** Reached only through workspace domains (Tokyo, Frankfurt). */
  workspaceOnly: boolean;
  /** Offered by the region switchers: every region with a shared domain, the others once they hold a key. */
  switchable: boolean;
}

export interface AppState {
  /** The service's names, so people who know it by another one still find it. */
  serviceTitle: string;
  activeRegionId: string;
  regions: RegionView[];
  keys: KeyView[];
  clipboardClearSeconds: number;
}

export function snapshot(config: Config): AppState {
  const { settings } = config;
  return {
    serviceTitle: SERVICE_TITLE,
    activeRegionId: settings.activeRegionId,
    regions: REGIONS.map((region) => {
      const keyCount = config.keys.filter((key) => key.regionId === region.id).length;
      const workspaceOnly = isWorkspaceOnly(region);
      return {
        id: region.id,
        name: region.name,
        apiKeyPage: region.apiKeyPage,
        keyCount,
        workspaceOnly,
        switchable: !workspaceOnly || keyCount > 0 || region.id === settings.activeRegionId,
      };
    }),
    keys: config.keys.map((key) => ({
      id: key.id,
      label: key.label,
      regionId: key.regionId,
      workspaceId: key.workspaceId,
      plan: key.plan,
      planName: PLANS[key.plan].name,
      shape: key.shape,
      masked: maskKey(key),
      active: settings.activeKeyByRegion[key.regionId] === key.id,
    })),
    clipboardClearSeconds: settings.clipboardClearSeconds,
  };
}
