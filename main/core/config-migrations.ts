// Upgrades a config.json written by an earlier version, one schema version at a time, before it
// is parsed. Each step is a pure function of the previous version's JSON; the file on disk is
// rewritten only by the next change the user makes, and its `.bak` keeps the old version.
import { CONFIG_SCHEMA_VERSION } from './config-schema.js';

type Json = Record<string, unknown>;

/** `MIGRATIONS[n]` turns version n into version n + 1. */
const MIGRATIONS: Readonly<Record<number, (config: Json) => Json>> = {
  // 1 → 2: the billing plan became a field of its own; `kind: plan` meant a Coding Plan key.
  1: (config) => ({
    ...config,
    schemaVersion: 2,
    keys: arrayOf(config.keys).map((key) => {
      const { kind, lastCheck, ...rest } = key;
      const check = typeof lastCheck === 'object' && lastCheck !== null ? (lastCheck as Json) : undefined;
      return {
        ...rest,
        plan: kind === 'plan' ? 'coding' : 'payg',
        shape: kind === 'plan' ? 'plan' : 'classic',
        ...(check && {
          // 'plan-key' meant "a Coding Plan key on the general API": another plan's endpoint.
          lastCheck: check.status === 'plan-key' ? { ...check, status: 'wrong-plan' } : check,
        }),
      };
    }),
  }),
};

export type Migration =
  | { kind: 'current'; config: unknown }
  | { kind: 'migrated'; config: unknown; from: number }
  | { kind: 'newer'; version: number };

/** Brings parsed JSON up to the current schema version; anything unversioned is left to the schema. */
export function migrate(json: unknown): Migration {
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version === CONFIG_SCHEMA_VERSION) {
    return { kind: 'current', config: json };
  }
  if (version > CONFIG_SCHEMA_VERSION) return { kind: 'newer', version };
  let config = json as Json;
  for (let step = version; step < CONFIG_SCHEMA_VERSION; step++) {
    const upgrade = MIGRATIONS[step];
    // An unknown old version is left for the schema to refuse as damaged.
    if (!upgrade) return { kind: 'current', config: json };
    config = upgrade(config);
  }
  return { kind: 'migrated', config, from: version };
}

const arrayOf = (value: unknown): Json[] =>
  Array.isArray(value) ? value.filter((item): item is Json => typeof item === 'object' && item !== null) : [];
