// The data directory is its user's alone, as ssh's StrictModes wants ~/.ssh: config.json says
// where keys are sent, so no key leaves the keychain, and nothing is written there, while another
// user could change it — the directory writable by group or others or owned by someone else,
// config.json owned by someone else, writable by others, or a symbolic link. Root may own both
// (root can change anything anyway). Windows keeps ACLs, not modes: not checked there.
import { constants, type Stats } from 'node:fs';
import path from 'node:path';
import {
  chmod,
  close,
  fchmod,
  fstat,
  lstat,
  open,
  readdir,
  readRegularFile,
  readRegularFileStart,
  stat,
} from '../platform/fs-async.js';
import { MskError } from '../base/errors.js';
import { PRODUCT_NAME } from '../platform/paths.js';
import { linkRefused } from '../platform/atomic-write.js';
import { posixQuote } from '../platform/shell-quoting.js';

const WRITABLE_BY_OTHERS = 0o022;
const checked = (): boolean => process.platform !== 'win32';
const mine = (uid: number): boolean => uid === process.getuid?.();
const trusted = (uid: number): boolean => mine(uid) || uid === 0;
/** The files msk keeps in its data directory (their backups, notes, journals and locks included). */
const OUR_FILE = /^(config|usage)\.json(\..+)?$/;
const WHY = 'no key is read and nothing is written there while someone else could change where keys are sent';

/** Throws `data-unsafe` when someone else could change the directory or its config.json. */
export async function assertPrivateData(directory: string, file: string): Promise<void> {
  if (!checked()) return;
  // Followed: an MSK_HOME naming a link is the user's choice; the owner check sees the target.
  const folder = await stat(directory).catch(absent);
  if (folder) assertNotShared(directory, folder, 0o700);
  const data = await lstat(file).catch(absent);
  if (data?.isSymbolicLink()) throw linkRefused(file);
  if (data) assertNotShared(file, data, 0o600);
}

/**
 * Makes the data directory the user's alone (0700 at most) when it is msk's own: the product's
 * folder, or one holding nothing but msk's files (an MSK_HOME made for it). A folder shared with
 * other things (MSK_HOME=/tmp, a home directory) is not changed behind the user's back: while
 * others may write there, the check refuses and says what to do.
 */
export async function tightenDataDirectory(directory: string): Promise<void> {
  if (!checked()) return;
  const folder = await stat(directory);
  if (!mine(folder.uid) || (folder.mode & 0o077) === 0) return;
  const own =
    path.basename(directory) === PRODUCT_NAME ||
    (await readdir(directory)).every((name) => OUR_FILE.test(name));
  if (own) await chmod(directory, folder.mode & 0o700);
}

/**
 * The text of a data file msk itself wrote: a link, a file of another user's or one others may
 * change is refused (`data-unsafe`), so a file planted there is never taken for ours.
 */
export async function readOwnFile(file: string): Promise<string> {
  const { text, stats } = await readRegularFile(file, { followLink: false }).catch(refusingLink(file));
  if (checked()) assertNotShared(file, stats, 0o600);
  return text;
}

/** The first `bytes` of a data file msk itself wrote (all of it when shorter), refused as readOwnFile refuses. */
export async function readOwnFileStart(file: string, bytes: number): Promise<Buffer> {
  const { data, stats } = await readRegularFileStart(file, bytes, { followLink: false }).catch(
    refusingLink(file),
  );
  if (checked()) assertNotShared(file, stats, 0o600);
  return data;
}

const refusingLink =
  (file: string) =>
  (error: unknown): never => {
    throw (error as NodeJS.ErrnoException).code === 'ELOOP' ? linkRefused(file) : error;
  };

/** Whether `file` is a regular file of the user's (or root's), not a link: one msk may take for its own. */
export const isOwnFile = (file: string): Promise<boolean> =>
  lstat(file).then(
    (status) => status.isFile() && (!checked() || trusted(status.uid)),
    () => false,
  );

/** What in the data directory others could read or change, or is not the user's (doctor). */
export interface Exposure {
  /** The user's, and readable or writable by others: `makePrivate` fixes them. */
  loose: string[];
  /** Symbolic or hard links: left as they are. */
  links: string[];
  foreign: { path: string; owner: number }[];
}

/** The data directory and every file of msk's in it (config.json's backups, notes, journals, locks, usage.json…). */
export async function exposureOf(directory: string): Promise<Exposure> {
  const exposure: Exposure = { loose: [], links: [], foreign: [] };
  const names = await readdir(directory).catch(() => [] as string[]);
  const files = names.filter((name) => OUR_FILE.test(name)).map((name) => path.join(directory, name));
  for (const place of [directory, ...files]) {
    // The directory itself may be a link (MSK_HOME's choice); a file in it may not.
    const status = await (place === directory ? stat : lstat)(place).catch(() => undefined);
    if (status === undefined) continue;
    // A hard link too: a file of the user's elsewhere, planted under one of msk's names.
    if (status.isSymbolicLink() || (status.isFile() && status.nlink > 1)) exposure.links.push(place);
    else if (!trusted(status.uid)) exposure.foreign.push({ path: place, owner: status.uid });
    // A lock is a directory of its own, there for a moment: only files are made 0600.
    else if (place !== directory && !status.isFile()) continue;
    else if (mine(status.uid) && (status.mode & 0o077) !== 0) exposure.loose.push(place);
  }
  return exposure;
}

/** chmod that never follows a link planted in a file's place, nor changes another user's file. */
export async function makePrivate(place: string, mode: number, isDirectory: boolean): Promise<void> {
  // The directory is followed (MSK_HOME may name a link); a file never is.
  const noFollow = isDirectory ? 0 : (constants.O_NOFOLLOW ?? 0);
  const descriptor = await open(place, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | noFollow).catch(
    (error: NodeJS.ErrnoException) => {
      throw error.code === 'ELOOP' ? linkRefused(place) : error;
    },
  );
  try {
    const status = await fstat(descriptor);
    if (!mine(status.uid)) throw ownedByAnother(place, status.uid);
    if (!isDirectory && status.nlink > 1) throw linkRefused(place);
    await fchmod(descriptor, mode);
  } finally {
    await close(descriptor);
  }
}

function assertNotShared(place: string, stats: Stats, privateMode: number): void {
  if (!trusted(stats.uid)) throw ownedByAnother(place, stats.uid);
  if ((stats.mode & WRITABLE_BY_OTHERS) === 0) return;
  throw new MskError(
    'data-unsafe',
    `${place} can be changed by other users (mode ${octal(stats.mode)}): ${WHY}.`,
    {
      path: place,
      reason: 'mode',
      mode: octal(stats.mode),
      // Only its owner can change a mode; in another's folder (/tmp) the way out is a folder of one's own.
      ...(mine(stats.uid) && { command: `chmod ${octal(privateMode).slice(1)} ${posixQuote(place)}` }),
    },
  );
}

const ownedByAnother = (place: string, owner: number): MskError =>
  new MskError('data-unsafe', `${place} belongs to another user (uid ${owner}): ${WHY}.`, {
    path: place,
    reason: 'owner',
    owner,
    command: `sudo chown ${userName()} ${posixQuote(place)}`,
  });

/** Nothing there (or not a directory on the way): nothing to refuse. */
function absent(error: NodeJS.ErrnoException): undefined {
  if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
  throw error;
}

const octal = (mode: number): string => (mode & 0o7777).toString(8).padStart(4, '0');

function userName(): string {
  try {
    return process.getBuiltinModule('node:os').userInfo().username;
  } catch {
    // A uid with no name (a container without that user in /etc/passwd).
    return String(process.getuid?.());
  }
}
