// V8's code cache for the command line: the second start of `msk` reads the compiled code
// instead of compiling it again. msk keeps it itself, on every Node: its own chunks are compiled
// through vm.Script, and a chunk's cache is made when the process exits — after the run, so it
// holds every function the command called, where Node's module.enableCompileCache (Node ≥ 22.1)
// makes it as a module is compiled, before any of its functions ran, and each start compiles
// again every function it calls (on Node 22, 1.7 ms of `msk list`'s CPU). The cache holds compiled
// JavaScript only, never a secret or a setting, in a folder of the user's own (not the shared
// os.tmpdir() Node picks by default, where another user could plant code).
// Built-ins as main.ts takes them.
import type * as vm from 'node:vm';

const { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } =
  process.getBuiltinModule('node:fs');
const { basename, dirname, join, sep, win32 } = process.getBuiltinModule('node:path');

type Env = Record<string, string | undefined>;

/** Our folder in the cache folder: a plain name (no space) on every platform. */
const FOLDER = 'model-studio-keys';

/** The platform's per-user cache folder, with ours inside: never synced, safe to delete. */
export function compileCacheDirectory(
  platform: NodeJS.Platform = process.platform,
  env: Env = process.env,
  // HOME (USERPROFILE) as os.homedir() reads it first: node:os is not loaded for it.
  home: string = (platform === 'win32' ? env.USERPROFILE : env.HOME) ||
    process.getBuiltinModule('node:os').homedir(),
): string {
  if (platform === 'darwin') return join(home, 'Library', 'Caches', FOLDER, 'compile-cache');
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA || win32.join(home, 'AppData', 'Local');
    return win32.join(local, FOLDER, 'Cache', 'compile-cache');
  }
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), FOLDER, 'compile-cache');
}

/**
 * Loads the scripts in `chunks` (msk's own) from now on, with the cache on. `run` names what this
 * start runs (`list`, `env`, …): each keeps a cache of its own, holding the functions it calls.
 * `build` names the build (main.ts): another build's caches are never read, and are deleted once
 * a week old. It is a quiet optimisation, so a failure (a read-only home, no home) only means a
 * slower start. NODE_DISABLE_COMPILE_CACHE=1 keeps its meaning: the chunks are compiled on every
 * start.
 */
export function enableCompileCache(chunks: string, run: string, build: string): void {
  let directory: string | undefined;
  try {
    if (!process.env.NODE_DISABLE_COMPILE_CACHE) directory = compileCacheDirectory();
  } catch {
    // No cache: the same code, compiled on every start.
  }
  loadChunks(chunks, directory, run, build);
}

/** The entry's module (a CommonJS script once built), as much of it as msk uses. */
interface EntryModule {
  require(id: string): unknown;
  constructor: { prototype: { require(id: string): unknown } };
}

/** A chunk as its code sees it: CommonJS's module and exports. */
interface Chunk {
  exports: unknown;
}

/**
 * From now on msk loads its own chunks, the entry's and each other's requires of them, with the
 * arguments Node gives a CommonJS module, compiled with V8's code cache read from `directory`
 * (none: compiled every time). A chunk is written as that module's function
 * (build/chunk-wrapper.ts), so its text is compiled as it was read, never copied into a wrapper;
 * Node's loader would also resolve, look up the package scope and check each file for a second
 * time (about 0.8 ms of a start on Node 22). V8 checks a cache against its version, its flags and
 * the source, and rejects one that does not match; a missing or rejected cache is made at exit,
 * with whatever the run compiled. Chunk names carry a hash of their content, so a new build never
 * meets an old cache. A chunk's code asks for built-ins and chunks by name, nothing more (no
 * require.resolve, no import(): msk.vite.config.ts makes sure), and nothing else loads a chunk.
 */
function loadChunks(chunks: string, directory: string | undefined, run: string, build: string): void {
  // node:vm only on this path; the entry's module gives Node's CommonJS loader without node:module,
  // which would load Node's ES module loader and more on every start (about 0.3 ms).
  const { Script } = process.getBuiltinModule('node:vm');
  const entry = module as unknown as EntryModule;
  const nodeRequire = (id: string) => entry.constructor.prototype.require.call(entry, id);
  const loaded = new Map<string, Chunk>();
  const toWrite: { script: vm.Script; file: string }[] = [];
  // Paths put together, not joined: the chunks' names are plain, and path.join's normalising loop
  // over every character, a dozen times a start, made V8 compile node:path's internals.
  const load = (name: string): unknown => {
    let chunk = loaded.get(name);
    if (chunk) return chunk.exports;
    const filename = `${chunks}${sep}${name}`;
    // ASCII, as the build makes sure (msk-ascii-chunks): read as Latin-1, V8 keeps it one byte a character.
    const content = readFileSync(filename, 'latin1');
    const file = directory && `${directory}${sep}${name}-${run}-${build}-${process.versions.v8}.cache`;
    const cachedData = file ? readIfThere(file) : undefined;
    const script = new Script(content, { filename, cachedData });
    if (file && (cachedData === undefined || script.cachedDataRejected)) toWrite.push({ script, file });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    // In the map before it runs: chunks require each other (a cycle sees what is defined so far).
    chunk = { exports: {} };
    loaded.set(name, chunk);
    // A built-in straight from Node: its CommonJS loader would resolve `node:path` each time, for
    // every chunk module that asks (about 0.1 ms of a start on Node 22).
    const require = (id: string) =>
      id.startsWith('./')
        ? load(id.slice(2))
        : id.startsWith('node:')
          ? process.getBuiltinModule(id)
          : nodeRequire(id);
    try {
      wrapper.call(chunk.exports, chunk.exports, require, chunk, filename, chunks);
    } catch (error) {
      loaded.delete(name);
      throw error;
    }
    return chunk.exports;
  };
  // The entry's require (`require('./chunks/start-….js')`) asks its module.
  const fromEntry = `./${basename(chunks)}/`;
  entry.require = (id) => (id.startsWith(fromEntry) ? load(id.slice(fromEntry.length)) : nodeRequire(id));
  // The folder is made only when there is a cache to write: a start that reads its caches makes
  // no system call that fails (the first fs error a process throws costs about 0.08 ms on Node 22).
  process.once('exit', () => {
    if (!directory || toWrite.length === 0) return;
    try {
      makeDirectory(directory, 3);
    } catch {
      return;
    }
    for (const { script, file } of toWrite) writeQuietly(file, script.createCachedData());
    removeStale(directory, build);
  });
}

/** Another build's caches kept a week (an app and an npm install of msk may take turns). */
const STALE_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Deletes the caches of other builds (and temporary files left by a start that was killed) once
 * they are a week old: each upgrade of msk would otherwise leave its caches behind for good. Done
 * only when a cache is written, that is after an upgrade or a first run, never on a plain start.
 */
export function removeStale(directory: string, build: string, now = Date.now()): void {
  try {
    for (const name of readdirSync(directory)) {
      if (!/\.(cache|tmp)$/.test(name) || name.includes(`-${build}-`)) continue;
      const file = join(directory, name);
      const status = lstatSync(file);
      if (status.isFile() && now - status.mtimeMs > STALE_AFTER_MS) unlinkSync(file);
    }
  } catch {
    // Tried again at the next write.
  }
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Through a temporary file and a rename: a start never reads half a cache. */
function writeQuietly(file: string, data: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data, { mode: 0o600 });
    renameSync(temporary, file);
  } catch {
    // Compiled again next time.
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
    makeDirectory(dirname(directory), levels - 1);
    mkdirSync(directory, { mode: 0o700 });
  }
}
