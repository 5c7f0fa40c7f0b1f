// The file operations the core awaits, as promises over node:fs's callbacks. Importing
// node:fs/promises loads readline, streams, file watchers and directory handles (about 0.8 ms of a
// start, more than `msk list` spends reading its data file); node:fs and node:util are loaded
// before any program runs. Modules off msk's start-up paths may use node:fs/promises.
import {
  access as accessCallback,
  appendFile as appendFileCallback,
  chmod as chmodCallback,
  copyFile as copyFileCallback,
  mkdir as mkdirCallback,
  readdir as readdirCallback,
  readFile as readFileCallback,
  rename as renameCallback,
  rm as rmCallback,
  stat as statCallback,
  writeFile as writeFileCallback,
} from 'node:fs';
import { promisify } from 'node:util';

export const access = promisify(accessCallback);
export const appendFile = promisify(appendFileCallback);
export const chmod = promisify(chmodCallback);
export const copyFile = promisify(copyFileCallback);
export const mkdir = promisify(mkdirCallback);
export const readdir = promisify(readdirCallback);
export const readFile = promisify(readFileCallback);
export const rename = promisify(renameCallback);
export const rm = promisify(rmCallback);
export const stat = promisify(statCallback);
export const writeFile = promisify(writeFileCallback);

/** Whether something is at `file` (a path that cannot be looked at counts as nothing). */
export const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );
