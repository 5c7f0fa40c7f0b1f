// V8's compile cache for the command line (Node ≥ 22.1): the second start of `msk` reads the
// compiled code instead of compiling it again. The cache holds compiled JavaScript only, never a
// secret or a setting, in a folder of the user's own (not the shared os.tmpdir() Node picks by
// default, where another user could plant code). Node 20 has no such cache: nothing happens.
import { mkdirSync } from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';

type Env = Record<string, string | undefined>;

/** Our folder in the cache folder: a plain name (no space) on every platform. */
const FOLDER = 'model-studio-keys';

/** The platform's per-user cache folder, with ours inside: never synced, safe to delete. */
export function compileCacheDirectory(
  platform: NodeJS.Platform = process.platform,
  env: Env = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', FOLDER, 'compile-cache');
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA || path.win32.join(home, 'AppData', 'Local');
    return path.win32.join(local, FOLDER, 'Cache', 'compile-cache');
  }
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), FOLDER, 'compile-cache');
}

/**
 * Turns the cache on for every module loaded after this call; it is a quiet optimisation, so a
 * failure (a read-only home, an old Node) only means a slower start. NODE_COMPILE_CACHE and
 * NODE_DISABLE_COMPILE_CACHE=1 keep their meaning.
 */
export function enableCompileCache(): void {
  const enable = (module as { enableCompileCache?: (directory?: string) => unknown }).enableCompileCache;
  if (typeof enable !== 'function' || process.env.NODE_COMPILE_CACHE) return;
  try {
    const directory = compileCacheDirectory();
    makeDirectory(directory, 3);
    enable(directory);
  } catch {
    // No cache: the same code, compiled on every start.
  }
}

/**
 * Makes `directory` and up to `levels` missing parents, private to the user, one level at a time
 * (a recursive mkdir, Node's included, loops forever on a path that can never be made, such as
 * one in /proc). Throws when it cannot: then there is no cache.
 */
function makeDirectory(directory: string, levels: number): void {
  try {
    mkdirSync(directory, { mode: 0o700 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT' || levels === 0) throw error;
    makeDirectory(path.dirname(directory), levels - 1);
    mkdirSync(directory, { mode: 0o700 });
  }
}
