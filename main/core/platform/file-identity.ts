// A file's identity, read without reading the file, as git's index tells an unchanged file by its
// status: the device and inode, the size, and the modification and change times to the
// nanosecond (no program sets a change time: restoring an old modification time changes it).
// Two versions written within one tick of the file system's clock can share all of these — git's
// "racily clean" file — so an identity is only taken from a file left alone longer than any file
// system's tick (FAT's is 2 s): a change after that gets a later time, and another identity.
import type { BigIntStats } from 'node:fs';

/** How long a file must have been left alone for its identity to tell its versions apart. */
export const SETTLED_MS = 3000;

/** The identity of the file `stats` describe (taken before it was read), or undefined while it is too fresh to trust. */
export function settledIdentity(stats: BigIntStats, now: number = Date.now()): string | undefined {
  const settledBefore = BigInt(now - SETTLED_MS) * 1_000_000n;
  if (stats.mtimeNs > settledBefore || stats.ctimeNs > settledBefore) return undefined;
  return identityOf(stats);
}

/** Whether the file `stats` describe is the one `identity` was taken from, unchanged. */
export const hasIdentity = (stats: BigIntStats, identity: string): boolean => identityOf(stats) === identity;

const identityOf = (stats: BigIntStats): string =>
  `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
