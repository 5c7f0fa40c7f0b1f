// A file in the user's home directory as `~/…`: shorter, and the same on every machine.
import os from 'node:os';
import path from 'node:path';

export function tildePath(file: string): string {
  const relative = path.relative(os.homedir(), file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return file;
  return `~${path.sep}${relative}`;
}
