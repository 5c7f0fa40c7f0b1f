// Where msk keeps V8's compile cache: the user's own cache folder on every platform, never the
// shared os.tmpdir() Node would pick, and nothing but compiled code in it.
import { describe, expect, it } from 'vitest';
import { compileCacheDirectory } from '../../main/cli/compile-cache.js';

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
