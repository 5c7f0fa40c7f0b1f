// msk's compile cache: on every Node, msk keeps V8's code cache of its own chunks, one for each
// quick command (what it ran), in the user's private cache folder, used again on the next start;
// a damaged or unusable cache only means compiling.
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { SourceMap } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHUNK_WRAPPER } from '../../build/chunk-wrapper.js';
import { compileCacheDirectory } from '../../main/cli/compile-cache.js';
import { MSK, type MskHome, mskHome } from '../fixtures/msk.js';
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

  it('without a cache (NODE_DISABLE_COMPILE_CACHE=1) msk loads its chunks itself and keeps none; with Node’s own on, its own', async () => {
    const run = async (env: Record<string, string | undefined>) => {
      const listed = await home.run(['list', '--json'], { env: { XDG_CACHE_HOME: cacheHome, ...env } });
      expect({ code: listed.code, stderr: listed.stderr, stdout: listed.stdout }).toEqual({
        code: 0,
        stderr: '',
        stdout: '[]\n',
      });
    };
    await run({ NODE_DISABLE_COMPILE_CACHE: '1', NODE_COMPILE_CACHE: undefined });
    expect(existsSync(cache)).toBe(false);
    const nodeCache = mkdtempSync(path.join(os.tmpdir(), 'msk-node-cache-'));
    try {
      await run({ NODE_COMPILE_CACHE: nodeCache, NODE_DISABLE_COMPILE_CACHE: undefined });
      expect(files()).toEqual(expect.arrayContaining([expect.stringMatching(/^start-.*\.js-list-/)]));
    } finally {
      removeTree(nodeCache);
    }
  });

  it('each chunk is written as the function its loader runs, and its source map still points home', () => {
    const chunks = path.join(path.dirname(MSK), 'chunks');
    const names = readdirSync(chunks).filter((name) => name.endsWith('.js'));
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) {
      const code = readFileSync(path.join(chunks, name), 'utf8');
      expect(code.startsWith(`${CHUNK_WRAPPER}\n`), name).toBe(true);
      expect(code).toMatch(/\n}\)\n\/\/# sourceMappingURL=\S+\.map\n?$/);
    }
    // A place in the completion chunk maps back to its source, line and column (0-based here).
    const complete = names.find((name) => name.startsWith('complete-')) ?? '';
    const lines = readFileSync(path.join(chunks, complete), 'utf8').split('\n');
    const line = lines.findIndex((text) => text.includes('JSON.parse('));
    const column = lines[line]?.indexOf('JSON.parse(') ?? -1;
    const map = new SourceMap(JSON.parse(readFileSync(path.join(chunks, `${complete}.map`), 'utf8')));
    const found = map.findEntry(line, column);
    expect('originalSource' in found && found.originalSource).toMatch(/main\/cli\/completion\/.*\.ts$/);
    if (!('originalSource' in found)) return;
    const source = readFileSync(path.resolve(chunks, found.originalSource), 'utf8').split('\n');
    expect(source[found.originalLine]?.slice(found.originalColumn)).toMatch(/^JSON\.parse\(/);
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
