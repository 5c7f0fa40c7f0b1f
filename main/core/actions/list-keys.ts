// Listing keys: what `msk list` prints and the window shows, from the data file alone. A module of
// its own: `msk list` runs it at every start, without the rest of the key use cases (adding one
// asks Model Studio, which loads the HTTP client and the checks).
import { type CheckSummary, checkSummary } from '../calls/check-summary.js';
import type { Config, KeyRecord } from '../config/config-schema.js';
import { maskKey } from '../model-studio/key-format.js';
import type { Plan } from '../model-studio/catalog.js';
import { planName, regionName } from '../model-studio/regions.js';

/** One key as lists show it: metadata and the masked form, never the secret. */
export interface KeyListing {
  id: string;
  label: string;
  regionId: string;
  regionName: string;
  workspaceId: string;
  accountId: string | null;
  ramUser: string | null;
  plan: Plan;
  planName: string;
  shape: KeyRecord['shape'];
  masked: string;
  fingerprint: string;
  active: boolean;
  createdAt: string;
  lastUsedAt: string | null;
  lastCheck: CheckSummary | null;
}

export const listKeys = (config: Config): KeyListing[] =>
  config.keys.map((record) => ({
    id: record.id,
    label: record.label,
    regionId: record.regionId,
    regionName: regionName(record.regionId),
    workspaceId: record.workspaceId,
    accountId: record.accountId ?? null,
    ramUser: record.ramUser ?? null,
    plan: record.plan,
    planName: planName(record.plan),
    shape: record.shape,
    masked: maskKey(record),
    fingerprint: record.fingerprint,
    active: config.settings.activeKeyByRegion[record.regionId] === record.id,
    createdAt: record.createdAt,
    lastUsedAt: record.lastUsedAt ?? null,
    lastCheck: record.lastCheck ? checkSummary(record.lastCheck) : null,
  }));
