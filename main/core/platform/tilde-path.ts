// A file in the user's home folder as `~/…`: shorter, the same on every machine, and no user name
// in what msk prints or the window shows.
import os from 'node:os';
import path from 'node:path';

export function tildePath(file: string, home: string = os.homedir()): string {
  const relative = path.relative(home, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return file;
  return `~${path.sep}${relative}`;
}
