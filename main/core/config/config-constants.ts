// Facts about config.json that need no validator: its schema version. Kept apart from
// config-schema.ts so that reading a file this version already validated (validated-config.ts)
// never loads zod.

/** Bumped with every change to the shape in config-schema.ts; `config-migrations.ts` upgrades older files. */
export const CONFIG_SCHEMA_VERSION = 3;
