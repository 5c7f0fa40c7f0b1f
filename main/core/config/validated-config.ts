// What this version of Model Studio Keys last made of config.json: the file's exact text beside
// the config its validation produced (defaults filled, older versions upgraded). A read whose
// text is byte for byte the one noted, by the same version, uses the noted result instead of
// validating again — the same check on the same bytes, so `msk list`, `msk env` and `msk exec`
// start without loading the validator (zod). Any other text is validated, and noted anew.
// The note holds nothing config.json does not (no secret ever); it is private to the user (0600)
// and lives beside config.json. A note that is a link, or another user's, is not read: it would
// stand for config.json (private-data.ts).
import type { Config } from './config-schema.js';
import { CONFIG_SCHEMA_VERSION } from './config-constants.js';
import { writeFileAtomic } from '../platform/atomic-write.js';
import { readOwnFile } from './private-data.js';
import { VERSION } from '../base/version.js';

/** Which build wrote a note: another version may read the same text differently. */
const WRITER = `${VERSION}/${CONFIG_SCHEMA_VERSION}`;

export const validatedFile = (configFile: string): string => `${configFile}.validated`;

/**
 * A note is three parts, each after a newline: the writer, the config as JSON (one line: JSON
 * escapes newlines), then the text exactly. Read by parsing the config alone, the text compared
 * as it is: a note of JSON holding the text as a string made a read parse config.json's text a
 * second time, in its escaped form (about 1 ms of a start with 600 keys on Node 22).
 */
const noteOf = (source: string, config: Config): string => `${WRITER}\n${JSON.stringify(config)}\n${source}`;

/** The config noted for exactly this text, or undefined (no note, another text, another version, damage). */
export async function recallValidated(configFile: string, source: string): Promise<Config | undefined> {
  try {
    const note = await readOwnFile(validatedFile(configFile));
    const writerEnd = note.indexOf('\n');
    const configEnd = note.indexOf('\n', writerEnd + 1);
    if (writerEnd === -1 || configEnd === -1 || note.slice(0, writerEnd) !== WRITER) return undefined;
    if (note.slice(configEnd + 1) !== source) return undefined;
    return JSON.parse(note.slice(writerEnd + 1, configEnd)) as Config;
  } catch {
    return undefined;
  }
}

/** Notes what `source` validated to. Best effort: a data directory we cannot write only means the next read validates again. */
export async function noteValidated(configFile: string, source: string, config: Config): Promise<void> {
  await writeFileAtomic(validatedFile(configFile), noteOf(source, config), {
    mode: 0o600,
    fsync: false,
  }).catch(() => undefined);
}
