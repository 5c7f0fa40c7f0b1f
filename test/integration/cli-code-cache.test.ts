// msk's compile cache: on every Node, msk keeps V8's code cache of its own chunks, one for each
// quick command (what it ran), in the user's private cache folder, used again on the next start;
// a damaged or unusable cache only means compiling.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileCacheDirectory } from '../../main/cli/compile-cache.js';
import { type MskHome, mskHome } from '../fixtures/msk.js';
import { removeTree } from '../fixtures/temp-directory.js';

describe('the compile cache', () => {
  let home: MskHome;
  let cacheHome: string;
  let cache: string;
  const list = async () => {
    const run = await home.run(['list', '--json'], {
      env: {
        XDG_CACHE_HOME: cacheHome,
        NODE_COMPILE_CACHE: undefined,
        NODE_DISABLE_COMPILE_CACHE: undefined,
      },
    });
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual([]);
  };
  const files = () => readdirSync(cache).filter((name) => !name.endsWith('.tmp'));

  beforeEach(() => {
    home = mskHome();
    cacheHome = mkdtempSync(path.join(os.tmpdir(), 'msk-cache-home-'));
    cache = compileCacheDirectory('linux', { XDG_CACHE_HOME: cacheHome });
  });
  afterEach(async () => {
    chmodSync(cacheHome, 0o700);
    await Promise.all([home.remove(), removeTree(cacheHome)]);
  });

  it.runIf(process.platform !== 'win32')('is made in a folder only the user can enter', async () => {
    await list();
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    expect(files().length).toBeGreaterThan(0);
  });

  it('holds the code of each chunk msk loaded, by command, used as it is by the next start', async () => {
    await list();
    const made = files();
    expect(made).toEqual(expect.arrayContaining([expect.stringMatching(/^start-.*\.js-list-.*\.cache$/)]));
    for (const name of made) expect(statSync(path.join(cache, name)).mode & 0o777).toBe(0o600);
    const written = new Map(made.map((name) => [name, statSync(path.join(cache, name)).mtimeMs]));
    await list();
    // V8 took each cache: none was made again.
    for (const [name, time] of written) expect(statSync(path.join(cache, name)).mtimeMs, name).toBe(time);
  });

  it('a damaged cache is refused by V8 and made again; msk works the same', async () => {
    await list();
    const [name = ''] = files().filter((file) => file.startsWith('start-'));
    const file = path.join(cache, name);
    const size = statSync(file).size;
    const garbage = Buffer.alloc(size, 0x5a);
    writeFileSync(file, garbage);
    await list();
    expect(readFileSync(file).equals(garbage)).toBe(false);
    expect(statSync(file).size).toBeGreaterThan(0);
  });

  it.runIf(process.platform !== 'win32' && process.getuid?.() !== 0)(
    'a cache folder that cannot be made only means compiling every time',
    async () => {
      chmodSync(cacheHome, 0o500);
      await list();
      await list();
    },
  );
});
