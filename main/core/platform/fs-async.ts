// The file operations the core awaits, as promises over node:fs's callbacks. Importing
// node:fs/promises loads readline, streams, file watchers and directory handles (about 0.8 ms of a
// start, more than `msk list` spends reading its data file); node:fs and node:util are loaded
// before any program runs. Modules off msk's start-up paths may use node:fs/promises.
//
// A process that runs one short command and exits (`msk list`, `msk env`, `msk exec`) has nothing
// else for its event loop to do meanwhile: it asks for `blockingFileOperations()`, and the same
// promises are then settled by node:fs's synchronous calls. Those take microseconds on a data
// file, where each callback is a hand-off to libuv's thread pool and back — and the first one
// starts the pool's threads — which on a busy machine costs a scheduler slice each (milliseconds).
import {
  access as accessCallback,
  accessSync,
  chmod as chmodCallback,
  chmodSync,
  close as closeCallback,
  closeSync,
  constants,
  fchmod as fchmodCallback,
  fchmodSync,
  fstat as fstatCallback,
  fstatSync,
  fsync as fsyncCallback,
  fsyncSync,
  lstat as lstatCallback,
  lstatSync,
  mkdir as mkdirCallback,
  mkdirSync,
  open as openCallback,
  openSync,
  readdir as readdirCallback,
  readdirSync,
  read as readCallback,
  readFile as readFileCallback,
  readFileSync,
  readSync,
  rename as renameCallback,
  renameSync,
  rm as rmCallback,
  rmSync,
  type BigIntStats,
  type Stats,
  stat as statCallback,
  statSync,
  writeFile as writeFileCallback,
  writeFileSync,
} from 'node:fs';
import { promisify } from 'node:util';

let blocking = false;

/** For a process that runs one command and exits: from now on, file operations block (see above). */
export function blockingFileOperations(): void {
  blocking = true;
}

/**
 * An operation as a promise: node:fs's callback form (promisified when first used), or, in a
 * process that asked for it, its synchronous form (a throw becomes the rejection).
 */
function operation<Args extends unknown[], Result>(
  // Typed by its synchronous twin (the same arguments): node:fs's callback overloads do not infer.
  callback: (...args: never[]) => void,
  sync: (...args: Args) => Result,
): (...args: Args) => Promise<Result> {
  let promised: ((...args: Args) => Promise<Result>) | undefined;
  return (...args) => {
    if (blocking) return new Promise((resolve) => resolve(sync(...args)));
    promised ??= promisify(callback) as unknown as (...args: Args) => Promise<Result>;
    return promised(...args);
  };
}

export const access = operation<[path: string, mode?: number], void>(accessCallback, accessSync);
export const chmod = operation<[path: string, mode: number], void>(chmodCallback, chmodSync);
export const close = operation<[descriptor: number], void>(closeCallback, closeSync);
export const fchmod = operation<[descriptor: number, mode: number], void>(fchmodCallback, fchmodSync);
export const fstat = operation<[descriptor: number], Stats>(fstatCallback, fstatSync);
/** fstat to the nanosecond, its numbers exact (64-bit inodes): what file-identity.ts reads. */
const fstatExact = operation<[descriptor: number], BigIntStats>(
  (descriptor: number, callback: (error: Error | null, stats: BigIntStats) => void) =>
    fstatCallback(descriptor, { bigint: true }, callback),
  (descriptor) => fstatSync(descriptor, { bigint: true }),
);
/** stat to the nanosecond, its numbers exact: what file-identity.ts reads. */
export const statExact = operation<[path: string], BigIntStats>(
  (file: string, callback: (error: Error | null, stats: BigIntStats) => void) =>
    statCallback(file, { bigint: true }, callback),
  (file) => statSync(file, { bigint: true }),
);
/** Reads into `buffer` from `position`: the number of bytes read. */
const readInto = operation<
  [descriptor: number, buffer: Buffer, offset: number, length: number, position: number],
  number
>(
  (
    descriptor: number,
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    callback: (error: Error | null, bytesRead: number) => void,
  ) => readCallback(descriptor, buffer, offset, length, position, callback),
  readSync,
);
export const fsync = operation<[descriptor: number], void>(fsyncCallback, fsyncSync);
export const lstat = operation<[path: string], Stats>(lstatCallback, lstatSync);
export const mkdir = operation<
  [path: string, options: { recursive?: boolean; mode?: number }],
  string | undefined
>(mkdirCallback, mkdirSync);
export const open = operation<[path: string, flags: number, mode?: number], number>(openCallback, openSync);
export const readdir = operation<[path: string], string[]>(readdirCallback, readdirSync);
export const readFile = operation<[file: string | number, encoding: 'utf8'], string>(
  readFileCallback,
  readFileSync,
);
export const rename = operation<[from: string, to: string], void>(renameCallback, renameSync);
export const rm = operation<[path: string, options?: { force?: boolean; recursive?: boolean }], void>(
  rmCallback,
  rmSync,
);
export const stat = operation<[path: string], Stats>(statCallback, statSync);
export const writeFile = operation<
  [file: string | number, data: string | Uint8Array, options?: { mode?: number; flag?: string }],
  void
>(writeFileCallback, writeFileSync);

/** Whether `file` is a symbolic link (a path that cannot be looked at is not). */
export const isSymbolicLink = (file: string): Promise<boolean> =>
  lstat(file).then(
    (status) => status.isSymbolicLink(),
    () => false,
  );

/**
 * Whether nothing is at `file`, where that is the usual answer (a `.msk.json` looked for in every
 * folder up to /): a process that blocks asks without an exception (each one Node makes for a
 * missing file costs about 0.02 ms on Node 22). Otherwise, and when it cannot tell, false: the
 * caller reads the file and meets the error itself.
 */
export const isMissing = (file: string): Promise<boolean> => {
  if (!blocking) return Promise.resolve(false);
  try {
    return Promise.resolve(statSync(file, { throwIfNoEntry: false }) === undefined);
  } catch {
    return Promise.resolve(false);
  }
};

/** Whether something is at `file` (a path that cannot be looked at counts as nothing). */
export const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );

interface ReadOptions {
  /** false: a link is refused (ELOOP, from the system). */
  followLink?: boolean;
  /** A longer file is refused (EFBIG). */
  maxBytes?: number;
}

/**
 * A regular file's text and status, read from one descriptor (what was checked is what is read).
 * Never blocks on a FIFO or reads a device without end: anything but a regular file is refused
 * (code ENOTREG), and so is a file over `maxBytes` (EFBIG). `followLink: false` refuses a link
 * (ELOOP, from the system). `exact`: the status to the nanosecond (file-identity.ts), taken
 * before the text is read.
 */
export function readRegularFile(
  file: string,
  options?: ReadOptions & { exact?: false },
): Promise<{ text: string; stats: Stats }>;
export function readRegularFile(
  file: string,
  options: ReadOptions & { exact: true },
): Promise<{ text: string; stats: BigIntStats }>;
export function readRegularFile(
  file: string,
  options: ReadOptions & { exact?: boolean } = {},
): Promise<{ text: string; stats: Stats | BigIntStats }> {
  const statOf: (descriptor: number) => Promise<Stats | BigIntStats> = options.exact ? fstatExact : fstat;
  return withRegularFile(file, options, statOf, async (descriptor, stats) => ({
    text: await readFile(descriptor, 'utf8'),
    stats,
  }));
}

/** The first `bytes` of a regular file (all of it when shorter) and its status: readRegularFile's checks, the rest unread. */
export const readRegularFileStart = (
  file: string,
  bytes: number,
  options: ReadOptions = {},
): Promise<{ data: Buffer; stats: Stats }> =>
  withRegularFile(file, options, fstat, async (descriptor, stats) => {
    const data = Buffer.allocUnsafe(Math.min(bytes, stats.size));
    let filled = 0;
    while (filled < data.length) {
      const read = await readInto(descriptor, data, filled, data.length - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return { data: data.subarray(0, filled), stats };
  });

/** Opens `file`, checks it is a regular file (within `maxBytes`), and hands it to `use`; closed after. */
async function withRegularFile<S extends Stats | BigIntStats, T>(
  file: string,
  options: ReadOptions,
  statOf: (descriptor: number) => Promise<S>,
  use: (descriptor: number, stats: S) => Promise<T>,
): Promise<T> {
  const flags =
    constants.O_RDONLY |
    (constants.O_NONBLOCK ?? 0) |
    (options.followLink === false ? (constants.O_NOFOLLOW ?? 0) : 0);
  const descriptor = await open(file, flags);
  try {
    const stats = await statOf(descriptor);
    if (!stats.isFile()) throw Object.assign(new Error(`${file} is not a regular file`), { code: 'ENOTREG' });
    const size = Number(stats.size);
    if (options.maxBytes !== undefined && size > options.maxBytes) {
      throw Object.assign(new Error(`${file} is ${size} bytes`), { code: 'EFBIG', size });
    }
    return await use(descriptor, stats);
  } finally {
    await close(descriptor);
  }
}
