// `msk` on Node: the command line's entry (bin/msk). The app runs the same commands in its msk mode.
import { runMsk } from './msk.js';

await runMsk(process.argv.slice(2), [process.execPath, process.argv[1] ?? 'msk']);
