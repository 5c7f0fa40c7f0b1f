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

interface Note {
  writer: string;
  source: string;
  config: Config;
}

export const validatedFile = (configFile: string): string => `${configFile}.validated`;

/** The config noted for exactly this text, or undefined (no note, another text, another version, damage). */
export async function recallValidated(configFile: string, source: string): Promise<Config | undefined> {
  try {
    const note = JSON.parse(await readOwnFile(validatedFile(configFile))) as Partial<Note>;
    return note.writer === WRITER && note.source === source ? note.config : undefined;
  } catch {
    return undefined;
  }
}

/** Notes what `source` validated to. Best effort: a data directory we cannot write only means the next read validates again. */
export async function noteValidated(configFile: string, source: string, config: Config): Promise<void> {
  const note: Note = { writer: WRITER, source, config };
  await writeFileAtomic(validatedFile(configFile), JSON.stringify(note), { mode: 0o600, fsync: false }).catch(
    () => undefined,
  );
}
