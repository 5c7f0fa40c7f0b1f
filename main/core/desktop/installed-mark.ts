// Files the app installs for the user (the msk launcher, shell completions) carry a mark on their
// second line, so install and uninstall touch only files that are theirs.
import { isSymbolicLink, readFile } from '../platform/fs-async.js';

/**
 * The second line of `file`, where an installed file carries its mark; undefined when there is no
 * such file, it cannot be read, or it is a link: a link is never taken for ours, so nothing is
 * written or removed through one.
 */
export async function markLineOf(file: string): Promise<string | undefined> {
  try {
    if (await isSymbolicLink(file)) return undefined;
    return (await readFile(file, 'utf8')).split(/\r?\n/, 2)[1];
  } catch {
    return undefined;
  }
}
