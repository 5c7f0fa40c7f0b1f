// Facts about config.json that need no validator: its schema version and the size of a check's
// model list. Kept apart from config-schema.ts so that reading a file this version already
// validated (validated-config.ts) never loads zod.

/** Bumped with every change to the shape in config-schema.ts; `config-migrations.ts` upgrades older files. */
export const CONFIG_SCHEMA_VERSION = 3;

/** How many model ids a check keeps, and how long each may be: the list lives in config.json. */
export const MODEL_LIST_LIMITS = { count: 500, idLength: 200 } as const;
