// The file operations the core awaits, as promises over node:fs's callbacks. Importing
// node:fs/promises loads readline, streams, file watchers and directory handles (about 0.8 ms of a
// start, more than `msk list` spends reading its data file); node:fs and node:util are loaded
// before any program runs. Modules off msk's start-up paths may use node:fs/promises.
import {
  access as accessCallback,
  constants,
  type Stats,
  chmod as chmodCallback,
  close as closeCallback,
  fchmod as fchmodCallback,
  fstat as fstatCallback,
  fsync as fsyncCallback,
  lstat as lstatCallback,
  mkdir as mkdirCallback,
  open as openCallback,
  readdir as readdirCallback,
  readFile as readFileCallback,
  rename as renameCallback,
  rm as rmCallback,
  stat as statCallback,
  writeFile as writeFileCallback,
} from 'node:fs';
import { promisify } from 'node:util';

export const access = promisify(accessCallback);
export const chmod = promisify(chmodCallback);
export const close = promisify(closeCallback);
export const fchmod = promisify(fchmodCallback);
export const fstat = promisify(fstatCallback);
export const fsync = promisify(fsyncCallback);
export const lstat = promisify(lstatCallback);
export const mkdir = promisify(mkdirCallback);
export const open = promisify(openCallback);
export const readdir = promisify(readdirCallback);
export const readFile = promisify(readFileCallback);
export const rename = promisify(renameCallback);
export const rm = promisify(rmCallback);
export const stat = promisify(statCallback);
export const writeFile = promisify(writeFileCallback);

/** Whether `file` is a symbolic link (a path that cannot be looked at is not). */
export const isSymbolicLink = (file: string): Promise<boolean> =>
  lstat(file).then(
    (status) => status.isSymbolicLink(),
    () => false,
  );

/** Whether something is at `file` (a path that cannot be looked at counts as nothing). */
export const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );

/**
 * A regular file's text and status, read from one descriptor (what was checked is what is read).
 * Never blocks on a FIFO or reads a device without end: anything but a regular file is refused
 * (code ENOTREG), and so is a file over `maxBytes` (EFBIG). `followLink: false` refuses a link
 * (ELOOP, from the system).
 */
export async function readRegularFile(
  file: string,
  options: { followLink?: boolean; maxBytes?: number } = {},
): Promise<{ text: string; stats: Stats }> {
  const flags =
    constants.O_RDONLY |
    (constants.O_NONBLOCK ?? 0) |
    (options.followLink === false ? (constants.O_NOFOLLOW ?? 0) : 0);
  const descriptor = await open(file, flags);
  try {
    const stats = await fstat(descriptor);
    if (!stats.isFile()) throw Object.assign(new Error(`${file} is not a regular file`), { code: 'ENOTREG' });
    if (options.maxBytes !== undefined && stats.size > options.maxBytes) {
      throw Object.assign(new Error(`${file} is ${stats.size} bytes`), { code: 'EFBIG', size: stats.size });
    }
    return { text: await readFile(descriptor, 'utf8'), stats };
  } finally {
    await close(descriptor);
  }
}
