// A newcomer's `npm start` on a machine without the Electron binary: one line that says what is
// missing, how to get it, and what works without it — not electron-vite's stack trace.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from '../fixtures/msk.js';

const pathFile = path.resolve('node_modules/electron/path.txt');
const binaryInstalled =
  existsSync(pathFile) &&
  existsSync(path.resolve('node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim()));

describe.skipIf(binaryInstalled)('npm start without the Electron binary', () => {
  it('says in one line what is missing and how to get it, and exits 1', async () => {
    const run = await runProcess(process.execPath, ['build/start.js'], {
      ELECTRON_OVERRIDE_DIST_PATH: undefined,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^start: the Electron binary is not installed .*run `node node_modules\/electron\/install\.js`\. The msk command line .* and the tests \(npm test\) work without it\.\n$/,
    );
  });
});
