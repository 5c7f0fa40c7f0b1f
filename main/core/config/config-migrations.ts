// Upgrades a config.json written by an earlier version, one schema version at a time, before it
// is parsed. Each step is a pure function of the previous version's JSON; the file on disk is
// rewritten only by the next change the user makes, and its `.bak` keeps the old version.
import { CONFIG_SCHEMA_VERSION } from './config-constants.js';

type Json = Record<string, unknown>;

/** `MIGRATIONS[n]` turns version n into version n + 1. */
const MIGRATIONS: Readonly<Record<number, (config: Json) => Json>> = {
  // 1 → 2: the billing plan became a field of its own; `kind: plan` meant a Coding Plan key.
  1: (config) => ({
    ...config,
    schemaVersion: 2,
    keys: eachObject(config.keys, (key) => {
      const { kind, lastCheck, ...rest } = key;
      if (kind !== 'standard' && kind !== 'plan') return key; // left for the schema to report
      return {
        ...rest,
        plan: kind === 'plan' ? 'coding' : 'payg',
        shape: kind === 'plan' ? 'plan' : 'classic',
        ...(lastCheck !== undefined && {
          // 'plan-key' meant "a Coding Plan key on the general API": another plan's endpoint.
          lastCheck: eachObject([lastCheck], (check) =>
            check.status === 'plan-key' ? { ...check, status: 'wrong-plan' } : check,
          )[0],
        }),
      };
    }),
  }),
  // 2 → 3: a custom tool became variables of its own on an optional base preset (was: a preset).
  2: (config) => ({
    ...config,
    schemaVersion: 3,
    settings: isObject(config.settings)
      ? {
          ...config.settings,
          customTools: eachObject(config.settings.customTools, ({ preset, ...tool }) => ({
            ...tool,
            variables: {},
            ...(preset !== undefined && { base: preset }),
          })),
        }
      : config.settings,
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

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Upgrades the objects of a list. Anything not shaped as expected (not a list, an entry that is
 * not an object) passes through untouched, so the schema reports the file as damaged instead of
 * the upgrade quietly dropping what it did not understand.
 */
function eachObject(list: unknown, upgrade: (item: Json) => Json): unknown[] {
  if (!Array.isArray(list)) return list as unknown[];
  return list.map((item) => (isObject(item) ? upgrade(item) : item));
}
