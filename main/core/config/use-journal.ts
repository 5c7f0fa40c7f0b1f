// Last uses, appended to a journal beside config.json instead of rewriting it. `msk env` in a
// shell profile and `msk exec` before every tool record a use with one short append: no lock, no
// rewrite of the user's data file, nothing to load. Reads lay the journal over config.json; every
// write of config.json (under its lock) takes the journal in and empties it.
// One short line appended (O_APPEND) lands whole among concurrent appends. The journal holds key
// ids and times only (never a secret), private to the user like config.json; a link in its place
// is never appended through (O_NOFOLLOW).
import { constants } from 'node:fs';
import { close, fstat, open, readRegularFile, rm, writeFile } from '../platform/fs-async.js';
import type { Config } from './config-schema.js';
import { linkRefused } from '../platform/atomic-write.js';
import { isoTime } from '../base/iso-time.js';

export const journalFile = (configFile: string): string => `${configFile}.uses`;

/**
 * Past this size a use folds the journal into config.json and starts a new one: about 130 uses.
 * Every start reads the whole journal (at 32 KB, 0.2 ms on Node 22); a fold rewrites config.json
 * under its lock (a few ms), once in those 130 uses.
 */
export const JOURNAL_FOLD_BYTES = 8 * 1024;

/** The last use of each key the journal names: id → ISO time. */
export type Uses = ReadonlyMap<string, string>;

const LINE = /^([\w-]{1,64}) (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)$/;

/** Records a use; resolves with the journal's size after it, to tell when to fold. */
export async function appendUse(configFile: string, keyId: string, at: Date): Promise<number> {
  const file = journalFile(configFile);
  const descriptor = await open(file, APPEND, 0o600).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ELOOP' ? linkRefused(file) : error;
  });
  try {
    await writeFile(descriptor, `${keyId} ${isoTime(at)}\n`);
    return (await fstat(descriptor)).size;
  } finally {
    await close(descriptor);
  }
}

// Non-blocking: a FIFO in the journal's place fails at once instead of waiting for a reader.
const APPEND =
  constants.O_WRONLY |
  constants.O_APPEND |
  constants.O_CREAT |
  (constants.O_NOFOLLOW ?? 0) |
  (constants.O_NONBLOCK ?? 0);

/** The journal's uses; none when there is no journal. A line that is not a use is passed over. */
export async function readUses(configFile: string): Promise<Uses> {
  // A journal that is not a regular file (a FIFO) is not waited on: it holds no use.
  const text = await readRegularFile(journalFile(configFile)).then(
    (read) => read.text,
    () => '',
  );
  // Times as toISOString() writes them (the pattern: one width, UTC) sort as text in time order:
  // each line is split and compared as text, and only each key's latest is checked to be a use
  // and a real date — the journal of a shell profile's `msk env` holds up to 130 lines between
  // folds, and matching each against the pattern cost a start 0.2–0.3 ms when it held hundreds
  // (JOURNAL_FOLD_BYTES was 32 KB). A latest that is not
  // (a damaged line sorts anywhere) gives way to the latest that is, line by line.
  const lines = text.split('\n');
  const latest = new Map<string, string>();
  for (const line of lines) {
    const space = line.indexOf(' ');
    if (space === -1) continue;
    const id = line.slice(0, space);
    const at = line.slice(space + 1);
    const before = latest.get(id);
    if (before === undefined || at > before) latest.set(id, at);
  }
  const uses = new Map<string, string>();
  for (const [id, at] of latest) {
    const use = LINE.test(`${id} ${at}`) && isExactTime(at) ? at : latestRealTime(lines, id);
    if (use !== undefined) uses.set(id, use);
  }
  return uses;
}

/** A key's latest use that is a real date (a line such as 2027-02-30T… passed over), line by line. */
function latestRealTime(lines: readonly string[], keyId: string): string | undefined {
  let latest: string | undefined;
  for (const line of lines) {
    const [, id, at] = LINE.exec(line) ?? [];
    // Only a time as toISOString() writes it, of a real date: the fold writes it unvalidated.
    if (id !== keyId || at === undefined || !isExactTime(at)) continue;
    if (later(at, latest)) latest = at;
  }
  return latest;
}

/** Sets each key's last use from the journal where the journal's is later; other keys untouched. */
export function applyUses(config: Config, uses: Uses): Config {
  if (uses.size === 0) return config;
  for (const key of config.keys) {
    const at = uses.get(key.id);
    if (at !== undefined && later(at, key.lastUsedAt)) key.lastUsedAt = at;
  }
  return config;
}

const isExactTime = (time: string): boolean => {
  const parsed = new Date(time);
  return !Number.isNaN(parsed.getTime()) && isoTime(parsed) === time;
};

const later = (time: string, than: string | undefined): boolean =>
  than === undefined || Date.parse(time) > Date.parse(than);

/**
 * Empties the journal once config.json holds what it says. Called under config.json's lock; a use
 * appended between the read and this loses its time (a time, never a key or a setting).
 */
export async function dropJournal(configFile: string): Promise<void> {
  await rm(journalFile(configFile), { force: true });
}
