// `msk` on Node: the command line's entry (bin/msk). The app runs the same commands in its msk mode.
// Kept tiny: the compile cache is turned on before the rest of msk is loaded, so that it covers it.
import path from 'node:path';
import { enableCompileCache } from './compile-cache.js';

enableCompileCache(path.join(import.meta.dirname, 'chunks'));
void import('./run-msk.js').then(({ runMsk }) =>
  runMsk(process.argv.slice(2), [process.execPath, process.argv[1] ?? 'msk']),
);
