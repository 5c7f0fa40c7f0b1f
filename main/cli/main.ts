// `msk` on Node: the command line's entry (bin/msk). The app runs the same commands in its msk mode.
// Kept tiny: the compile cache is turned on before the rest of msk is loaded, so that it covers it.
// Built-ins from process.getBuiltinModule: no helper module of the bundle's own to start, and not
// through Node's CommonJS loader, which resolves each `require('node:path')` like a file's.
import { enableCompileCache } from './compile-cache.js';
import { quickCommandNamed } from './quick-command-names.js';

const { sep } = process.getBuiltinModule('node:path');

/**
 * This build, by a hash of every chunk as written: the build (msk.vite.config.ts) writes it over
 * this placeholder. A chunk's name is a hash of its code before the build's last steps (its
 * helpers, its plain exports), and V8 checks a cache against the length of the code, not the code.
 */
const BUILD = 'unbuilt-00000000';

// A quick command keeps a cache of its own: the functions it calls, not another command's.
enableCompileCache(
  `${import.meta.dirname}${sep}chunks`,
  quickCommandNamed(process.argv[2]) ?? 'program',
  BUILD,
);
void import('./run-msk.js').then(({ runMsk }) =>
  runMsk(process.argv.slice(2), [process.execPath, process.argv[1] ?? 'msk']),
);
