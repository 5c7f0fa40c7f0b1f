// Where msk keeps V8's compile cache: the user's own cache folder on every platform, never the
// shared os.tmpdir() Node would pick, and nothing but compiled code in it.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCacheDirectory, removeStale } from '../../main/cli/compile-cache.js';

describe('compileCacheDirectory', () => {
  it('is under the XDG cache folder on Linux, or ~/.cache without one', () => {
    expect(compileCacheDirectory('linux', { XDG_CACHE_HOME: '/x/cache' }, '/home/a')).toBe(
      '/x/cache/model-studio-keys/compile-cache',
    );
    expect(compileCacheDirectory('linux', { XDG_CACHE_HOME: '' }, '/home/a')).toBe(
      '/home/a/.cache/model-studio-keys/compile-cache',
    );
  });

  it('is under Library/Caches on macOS and LOCALAPPDATA on Windows', () => {
    expect(compileCacheDirectory('darwin', {}, '/Users/a')).toBe(
      '/Users/a/Library/Caches/model-studio-keys/compile-cache',
    );
    expect(
      compileCacheDirectory('win32', { LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'C:\\Users\\a'),
    ).toBe('C:\\Users\\a\\AppData\\Local\\model-studio-keys\\Cache\\compile-cache');
    expect(compileCacheDirectory('win32', {}, 'C:\\Users\\a')).toBe(
      'C:\\Users\\a\\AppData\\Local\\model-studio-keys\\Cache\\compile-cache',
    );
  });

  it('is never the shared temporary folder', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(compileCacheDirectory(platform, {}, '/home/a')).not.toMatch(/^\/tmp|node-compile-cache/);
    }
  });
});

describe('removeStale', () => {
  it("deletes another build's caches and left temporary files once a week old, nothing else", () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'msk-compile-cache-'));
    const now = Date.now();
    const day = 24 * 60 * 60 * 1000;
    const files = {
      'start-a.js-env-oldbuild-12.4.cache': 8 * day,
      'start-a.js-env-oldbuild-11.3.cache': 2 * day,
      'start-a.js-env-thisbuild-12.4.cache': 30 * day,
      'start-a.js-list-oldbuild-12.4.cache.123.tmp': 8 * day,
      'notes.txt': 30 * day,
    };
    for (const [name, age] of Object.entries(files)) {
      writeFileSync(path.join(directory, name), 'x');
      utimesSync(path.join(directory, name), (now - age) / 1000, (now - age) / 1000);
    }
    mkdirSync(path.join(directory, 'folder.cache'));
    utimesSync(path.join(directory, 'folder.cache'), (now - 30 * day) / 1000, (now - 30 * day) / 1000);
    removeStale(directory, 'thisbuild', now);
    expect(readdirSync(directory).sort()).toEqual([
      'folder.cache',
      'notes.txt',
      'start-a.js-env-oldbuild-11.3.cache',
      'start-a.js-env-thisbuild-12.4.cache',
    ]);
    // A folder that cannot be read is left alone, quietly.
    expect(() => removeStale(path.join(directory, 'absent'), 'thisbuild', now)).not.toThrow();
    rmSync(directory, { recursive: true, force: true });
  });
});
