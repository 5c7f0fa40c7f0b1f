// What this version of Model Studio Keys last made of config.json: the file's exact text beside
// the config its validation produced (defaults filled, older versions upgraded). A read whose
// text is byte for byte the one noted, by the same version, uses the noted result instead of
// validating again — the same check on the same bytes, so `msk list`, `msk env` and `msk exec`
// start without loading the validator (zod). Any other text is validated, and noted anew.
// Shell completion asks for the keys' names on every TAB: the note holds them first, with
// config.json's identity once the file has been left alone long enough to trust one
// (file-identity.ts), so a TAB reads a stat and the note's first lines, not 600 keys' config.
// The note holds nothing config.json does not (no secret ever); it is private to the user (0600)
// and lives beside config.json. A note that is a link, or another user's, is not read: it would
// stand for config.json (private-data.ts).
import type { Config } from './config-schema.js';
import { CONFIG_SCHEMA_VERSION } from './config-constants.js';
import { writeFileAtomic } from '../platform/atomic-write.js';
import { hasIdentity } from '../platform/file-identity.js';
import { statExact } from '../platform/fs-async.js';
import { readOwnFile, readOwnFileStart } from './private-data.js';
import { VERSION } from '../base/version.js';

/** Which build wrote a note (another version may read the same text differently), in which format (noteOf's). */
const WRITER = `${VERSION}/${CONFIG_SCHEMA_VERSION}/note-2`;

export const validatedFile = (configFile: string): string => `${configFile}.validated`;

/** A key as shell completion offers it. */
export interface KeyName {
  label: string;
  regionId: string;
}

/** The keys' names in `config`, in its order. */
export const keyNamesOf = (config: Config): KeyName[] =>
  config.keys.map((key) => ({ label: key.label, regionId: key.regionId }));

/** What a read found noted for its text: the config, and the identity it was noted with ('' for none). */
export interface Recalled {
  config: Config;
  identity: string;
}

/**
 * A note is five parts, each after a newline: the writer, config.json's identity (or nothing),
 * the keys' names as JSON, the config as JSON (JSON escapes newlines: one line each), then
 * the text exactly. Read by parsing the part asked for alone, the text compared as it is: a note
 * of JSON holding the text as a string made a read parse config.json's text a second time, in its
 * escaped form (about 1 ms of a start with 600 keys on Node 22).
 */
const noteOf = (source: string, config: Config, identity: string): string =>
  [WRITER, identity, JSON.stringify(keyNamesOf(config)), JSON.stringify(config), source].join('\n');

/** Where each of the first `count` parts of `note` ends (the newline after it), or undefined when there are fewer. */
function partEnds(note: string | Buffer, count: number): number[] | undefined {
  const ends: number[] = [];
  for (let start = 0; ends.length < count; start = (ends.at(-1) ?? 0) + 1) {
    const end = note.indexOf('\n', start);
    if (end === -1) return undefined;
    ends.push(end);
  }
  return ends;
}

/** The config noted for exactly this text, or undefined (no note, another text, another version, damage). */
export async function recallValidated(configFile: string, source: string): Promise<Recalled | undefined> {
  try {
    const note = await readOwnFile(validatedFile(configFile));
    const [writerEnd = 0, identityEnd = 0, namesEnd = 0, configEnd = 0] = partEnds(note, 4) ?? [];
    if (configEnd === 0 || note.slice(0, writerEnd) !== WRITER) return undefined;
    if (note.slice(configEnd + 1) !== source) return undefined;
    return {
      config: JSON.parse(note.slice(namesEnd + 1, configEnd)) as Config,
      identity: note.slice(writerEnd + 1, identityEnd),
    };
  } catch {
    return undefined;
  }
}

/** The most of the note a TAB reads (its first three lines: 600 keys' names are about 30 KB). */
const NAMES_READ_BYTES = 128 * 1024;

/**
 * The keys' names as noted, when config.json is still the very file noted (its identity), or
 * undefined: then only a whole read tells (ConfigStore.read, which notes its identity again once
 * it has settled). Neither config.json nor the config it holds is read.
 */
export async function recallKeyNames(configFile: string): Promise<KeyName[] | undefined> {
  try {
    const [start, current] = await Promise.all([
      readOwnFileStart(validatedFile(configFile), NAMES_READ_BYTES),
      statExact(configFile),
    ]);
    const [writerEnd = 0, identityEnd = 0, namesEnd = 0] = partEnds(start, 3) ?? [];
    if (namesEnd === 0 || start.toString('utf8', 0, writerEnd) !== WRITER) return undefined;
    const identity = start.toString('utf8', writerEnd + 1, identityEnd);
    if (identity === '' || !hasIdentity(current, identity)) return undefined;
    // Objects as they are: pairs mapped to them after parsing cost 300 bytes a key in V8's young
    // generation (each destructuring an iterator), a third of a TAB's over 600 keys.
    const names: unknown = JSON.parse(start.toString('utf8', identityEnd + 1, namesEnd));
    return Array.isArray(names) ? (names as KeyName[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Notes what `source` validated to, with the identity of the file it was read from when it had
 * settled (file-identity.ts; '' for a file just written). Best effort: a data directory we cannot
 * write only means the next read validates again.
 */
export async function noteValidated(
  configFile: string,
  source: string,
  config: Config,
  identity = '',
): Promise<void> {
  await writeFileAtomic(validatedFile(configFile), noteOf(source, config, identity), {
    mode: 0o600,
    fsync: false,
  }).catch(() => undefined);
}
