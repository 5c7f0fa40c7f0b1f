// Atomic file writes: the whole text goes to a new private file beside the target, then is renamed
// over it, so a reader sees the old file or the new one, never a part. Never through a symbolic
// link: a link at the target is refused and named (write-file-atomic would resolve it and write,
// and chmod, the file it points at); the temporary file is created exclusively, so a link planted
// under its name is not followed either. node:fs only: a command that writes loads nothing more.
import { constants } from 'node:fs';
import { close, fchmod, fsync, isSymbolicLink, open, rename, rm, writeFile } from './fs-async.js';
import { MskError } from '../base/errors.js';
import { posixQuote } from './shell-quoting.js';

export interface WriteOptions {
  /** The file's mode, exactly (the umask does not narrow it). */
  mode: number;
  /** Flushed to disk before the rename (default); a file worth little may skip it. */
  fsync?: boolean;
}

const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  options: WriteOptions,
): Promise<void> {
  if (await isSymbolicLink(file)) throw linkRefused(file);
  // Unique per writer; O_EXCL refuses a clash. No crypto needed for that.
  const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  const descriptor = await open(temporary, CREATE_NEW, options.mode);
  try {
    try {
      await writeFile(descriptor, data);
      await fchmod(descriptor, options.mode);
      if (options.fsync !== false) await fsync(descriptor);
    } finally {
      await close(descriptor);
    }
    // rename replaces whatever is at `file` now, a link included, and never writes through one.
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** The refusal of a symbolic link where msk reads or writes a file of its own, naming it. */
export const linkRefused = (file: string): MskError =>
  new MskError(
    'data-unsafe',
    `${file} is a symbolic link: Model Studio Keys does not follow it, and nothing was changed.`,
    { path: file, reason: 'link', command: `rm ${posixQuote(file)}` },
  );
