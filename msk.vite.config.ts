// Builds the `msk` command line for plain Node: our code and its pure-JavaScript dependencies
// bundled and minified, so a start reads a few files instead of hundreds. The entry is tiny; each
// command's work, and each heavy dependency (undici, cross-spawn, proper-lockfile,
// write-file-atomic), is a chunk loaded when a command needs it. The keychain addon
// (@github/keytar, native) stays in node_modules and is required only to read or write a secret.
//
// The output is CommonJS (out/cli/package.json says so): `require('node:fs')` hands over the
// module, where an ES `import` of a built-in first builds a facade of all its exports, which
// loads node:stream and more on every start. Our sources stay ES modules.
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vite';
import { plainExports } from './build/plain-exports.js';
import { CHUNK_WRAPPER } from './build/chunk-wrapper.js';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/** Packages that cannot be bundled: native addons. */
const NATIVE = ['@github/keytar'];

/** Dependencies loaded only by the commands that need them, each in a chunk of its own. */
const LAZY_PACKAGES: Record<string, string> = {
  undici: 'undici',
  'cross-spawn': 'spawn',
  which: 'spawn',
  isexe: 'spawn',
  'path-key': 'spawn',
  'shebang-command': 'spawn',
  'shebang-regex': 'spawn',
  'proper-lockfile': 'write',
  'graceful-fs': 'write',
  retry: 'write',
  'signal-exit': 'write',
  'write-file-atomic': 'write',
  imurmurhash: 'write',
};

/**
 * What a source file's static imports say it loads when it is loaded: zod (its schemas are built
 * then), programs (node:child_process, cross-spawn), ciphers (node:crypto's, for backups),
 * commander. Read from the files, so a module moved or renamed keeps its chunk. `through` also
 * counts what its own source imports load in turn: a module that imports a schema loads zod too.
 */
const IMPORT = /^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm;
const ownLoads = new Map<string, Set<string>>();
function loads(file: string): Set<string> {
  let found = ownLoads.get(file);
  if (!found) {
    const text = readFileSync(file, 'utf8');
    found = new Set([...text.matchAll(IMPORT)].map((match) => match[1] ?? ''));
    if (/\b(createCipheriv|scrypt)\b/.test(text) && found.has('node:crypto')) found.add('ciphers');
    ownLoads.set(file, found);
  }
  return found;
}

/** Whether `file`, or a source file it statically imports (at any depth), loads `what`. */
function loadsThrough(file: string, what: string, visiting = new Set<string>()): boolean {
  if (visiting.has(file)) return false;
  visiting.add(file);
  for (const specifier of loads(file)) {
    if (specifier === what) return true;
    if (!specifier.startsWith('.')) continue;
    const imported = path.posix.join(path.posix.dirname(file), specifier.replace(/\.js$/, '.ts'));
    if (loadsThrough(imported, what, visiting)) return true;
  }
  return false;
}

/** The source files `file` imports statically, at any depth, itself included. */
function closure(files: readonly string[], found = new Set<string>()): Set<string> {
  for (const file of files) {
    if (found.has(file)) continue;
    found.add(file);
    const imported = [...loads(file)]
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => path.posix.join(path.posix.dirname(file), specifier.replace(/\.js$/, '.ts')));
    closure(imported, found);
  }
  return found;
}

/**
 * What `msk list`, `msk env` and `msk exec` run without commander (run-msk.ts and quick-commands.ts,
 * with what they import) and the core they load on demand (the services, a key's use, running a
 * program), with everything those import: the start-up chunk, and nothing else. Every function of a
 * chunk is made when it loads, so code a quick command never runs is kept out of it.
 */
const QUICK_PATH = closure([
  'main/cli/run-msk.ts',
  'main/core/keys/services.ts',
  'main/core/actions/use-key.ts',
  'main/core/platform/run-command.ts',
]);

/** The entry's own modules: what runs before the compile cache is on. */
const ENTRY = new Set(['main/cli/main.ts', 'main/cli/compile-cache.ts', 'main/cli/quick-command-names.ts']);

/** Folders only their own commands load (msk account; msk gateway and usage; msk import): a chunk each. */
const FEATURE_FOLDERS = new Set(['account', 'gateway', 'import']);

/** Chunks a use case of the same name (actions/<name>.ts, actions/<name>-….ts) goes with: only that command runs it (`openclaw`: msk tools setup openclaw). */
const FEATURE_CHUNKS = new Set([...FEATURE_FOLDERS, 'backup', 'openclaw']);

/**
 * Two files for the commands a shell profile and every tool start run: `msk` (the entry, enabling
 * the compile cache) and `start-…` (the quick path above). `commands-…` (commander and every
 * command's definition) and `core-…` (the rest of the core) for the other commands; the rest on
 * demand. Each file costs a resolve, a read and a compile, each function of it an allocation.
 */
function chunkOf(id: string): string | null {
  const file = id.split(path.sep).join('/');
  const packageName = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1];
  if (packageName !== undefined) {
    if (packageName === 'commander') return 'commands';
    // The validator: loaded when a text must be validated, not to read a file validated before.
    if (packageName === 'zod') return 'schema';
    return LAZY_PACKAGES[packageName] ?? null;
  }
  const source = /\/(main\/(?:cli|core|shared)\/.+)$/.exec(file)?.[1];
  if (source === undefined || ENTRY.has(source)) return null;
  const imports = loads(source);
  if (source.startsWith('main/cli/')) {
    // Shell completion's helper (msk __complete) and the command tree it reads: its own chunk.
    if (source.startsWith('main/cli/completion/')) return 'complete';
    // commander, and what only the commands it parses use.
    if (imports.has('commander') || !QUICK_PATH.has(source)) return 'commands';
    return 'start';
  }
  // Encryption: only `msk backup` uses it.
  if (imports.has('ciphers')) return 'backup';
  const [folder = '', name = ''] = source.slice('main/core/'.length).split('/');
  if (FEATURE_FOLDERS.has(folder)) return folder;
  // actions/account-keys.ts goes with actions/account.ts.
  const [action = ''] = name.replace(/\.ts$/, '').split('-');
  if (folder === 'actions' && FEATURE_CHUNKS.has(action)) return action;
  // A module that starts programs, itself or through what it imports: with the commands that do
  // (node:child_process loads node:net and more).
  if (loadsThrough(source, 'node:child_process') || loadsThrough(source, 'cross-spawn')) return null;
  if (loadsThrough(source, 'zod')) return 'schema';
  return QUICK_PATH.has(source) ? 'start' : 'core';
}

/** A chunk's code, and the source map's comment that ends it ('' when there is none). */
function splitMapComment(code: string): [string, string] {
  const end = code.lastIndexOf('//# sourceMappingURL=');
  return end === -1 ? [code, ''] : [code.slice(0, end), code.slice(end)];
}

/** `import path from "node:path";` (as TypeScript's transform left it): a built-in's default import. */
const BUILTIN_DEFAULT_IMPORT = /^import (\w+) from ["'](node:[\w/]+)["'];$/gm;

export default defineConfig({
  define: {
    __MSK_VERSION__: JSON.stringify(version),
    // secret-store.ts requires the keychain addon relative to itself.
    'import.meta.url': 'require("node:url").pathToFileURL(__filename).href',
  },
  plugins: [
    {
      // `out/cli/msk.js` runs as `./out/cli/msk.js`, like the installed bin.
      name: 'msk-executable',
      writeBundle(options) {
        chmodSync(path.join(options.dir ?? 'out/cli', 'msk.js'), 0o755);
      },
    },
    {
      // commander requires node:child_process (and with it node:net) when it loads, for
      // subcommands run as separate executables, which msk has none of: required when used.
      name: 'msk-lazy-commander-child-process',
      transform(code, id) {
        if (!/node_modules[\\/]commander[\\/]lib[\\/]command\.js$/.test(id)) return null;
        const eager = "const childProcess = require('node:child_process');";
        if (!code.includes(eager)) {
          this.warn('commander loads node:child_process differently now: it is loaded at start-up again');
          return null;
        }
        // Same line, same length of file in lines: the source map stays right (map: null).
        const lazy =
          "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
        return { code: code.replace(eager, lazy), map: null };
      },
    },
    {
      // A built-in's default import is its module.exports (Node's own ESM rule): taken as it is.
      // Left to the bundler, each becomes a copy of the module with a getter per export, made at
      // start-up in every chunk that imports it (node:fs has over a hundred).
      name: 'msk-builtin-defaults',
      transform(code, id) {
        if (!/[\\/]main[\\/].*\.ts$/.test(id)) return null;
        const plain = code.replace(BUILTIN_DEFAULT_IMPORT, "const $1 = require('$2');");
        return plain === code ? null : { code: plain, map: null };
      },
    },
    {
      // rolldown keeps its helpers in a chunk of their own (rolldown-runtime-…), one more file for
      // a start to resolve, read and compile. The entry uses none of them; every other chunk that
      // does gets a copy of its own (1 KB; they hold no state), and the file is not written. Each
      // require is replaced in place by as many characters: the source maps stay right.
      name: 'msk-helpers-in-each-chunk',
      generateBundle(_options, bundle) {
        const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
        const runtime = chunks.find((chunk) => chunk.name === 'rolldown-runtime');
        if (!runtime) return;
        const helpers = `function mskHelpers(){var exports={};${runtime.code}\nreturn exports}\n`;
        for (const chunk of chunks) {
          if (chunk === runtime) continue;
          const from = path.posix.relative(path.posix.dirname(chunk.fileName), runtime.fileName);
          const request = `require("${from.startsWith('.') ? from : `./${from}`}")`;
          if (!chunk.code.includes(request)) continue;
          if (chunk.isEntry) {
            // Only a bare `require(…);` (nothing of it used) may go.
            const bare = new RegExp(`(^|[;\\n])${request.replace(/[.()]/g, '\\$&')};`);
            if (!bare.test(chunk.code)) this.error(`the entry uses rolldown's helpers: ${chunk.fileName}`);
            chunk.code = chunk.code.replace(
              bare,
              (_, before: string) => `${before}${' '.repeat(request.length + 1)}`,
            );
            continue;
          }
          // Declared at the end (hoisted), before the source map's comment.
          const [code, comment] = splitMapComment(
            chunk.code.replace(request, 'mskHelpers()'.padEnd(request.length)),
          );
          chunk.code = comment === '' ? `${code}\n${helpers}` : `${code}${helpers}${comment}`;
        }
        delete bundle[runtime.fileName];
      },
    },
    {
      // Each export a chunk gives another as a plain property where it can be (plain-exports.ts):
      // after the helpers are in place, so that the code read is the code written.
      name: 'msk-plain-exports',
      generateBundle(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || chunk.isEntry) continue;
          chunk.code = plainExports(
            chunk.code,
            this.parse(chunk.code) as unknown as Parameters<typeof plainExports>[1],
          );
        }
      },
    },
    {
      // The entry turns the compile cache on before it loads any chunk (main.ts). A module it shares
      // with a chunk puts that chunk in the entry's static imports: required first, by Node's
      // loader, compiled without a cache on every start (the start chunk: about 5 ms on Node 22).
      name: 'msk-entry-imports-no-chunk',
      generateBundle(_options, bundle) {
        for (const file of Object.values(bundle)) {
          // rolldown's helpers are gone from the entry (msk-helpers-in-each-chunk) and the bundle.
          const chunks =
            file.type === 'chunk' && file.isEntry ? file.imports.filter((name) => name in bundle) : [];
          if (chunks.length > 0)
            this.error(
              `the entry imports ${chunks.join(', ')} before the compile cache is on: a module main.ts shares with a chunk (keep the entry's imports its own)`,
            );
        }
      },
    },
    {
      // msk loads its chunks itself (compile-cache.ts), with no ES module loader for import().
      name: 'msk-chunks-without-import',
      generateBundle(_options, bundle) {
        for (const file of Object.values(bundle)) {
          // Block comments dropped: JSDoc types say import("…") in a build that keeps them.
          const code =
            file.type === 'chunk' && !file.isEntry ? file.code.replace(/\/\*[\s\S]*?\*\//g, '') : '';
          if (code.includes('import(')) this.error(`import() in ${file.fileName}`);
        }
      },
    },
    {
      // msk reads its chunks as Latin-1 (compile-cache.ts): V8 keeps a one-byte string as it is,
      // where UTF-8 is decoded into a two-byte string first. output.charset escapes what is not
      // ASCII; a chunk that still holds such a character would be read wrongly, so it stops the build.
      name: 'msk-ascii-chunks',
      generateBundle(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type !== 'chunk' || file.isEntry) continue;
          const offset = file.code.search(/[\u0080-\uffff]/);
          if (offset !== -1)
            this.error(
              `${file.fileName} holds a character that is not ASCII: ${file.code.slice(offset - 40, offset + 10)}`,
            );
        }
      },
    },
    {
      // Each chunk is written as the function msk's loader calls (compile-cache.ts), CommonJS's
      // arguments and all: the loader compiles the file's text as it was read, where wrapping it
      // made V8 copy, on every start, a second string as long as the start-up chunk (75 KB),
      // enough to bring a TAB over 600 keys past the young generation's garbage collection. The
      // wrapper is a line of its own, so the source map only gains an empty first line.
      name: 'msk-chunks-wrapped',
      generateBundle(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || chunk.isEntry) continue;
          const [code, comment] = splitMapComment(chunk.code);
          chunk.code = `${CHUNK_WRAPPER}\n${code.trimEnd()}\n})\n${comment}`;
          const map = bundle[`${chunk.fileName}.map`];
          if (map?.type !== 'asset' || typeof map.source !== 'string')
            this.error(`no source map beside ${chunk.fileName}`);
          const parsed = JSON.parse(map.source) as { mappings: string };
          map.source = JSON.stringify({ ...parsed, mappings: `;${parsed.mappings}` });
        }
      },
    },
    {
      // The entry's BUILD (main.ts): a hash of every chunk as written, the last step of all.
      name: 'msk-build-id',
      generateBundle(_options, bundle) {
        const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
        const hash = createHash('sha256');
        for (const chunk of chunks
          .filter((file) => !file.isEntry)
          .sort((a, b) => (a.fileName < b.fileName ? -1 : 1)))
          hash.update(chunk.fileName).update(chunk.code);
        const entry = chunks.find((chunk) => chunk.isEntry);
        const placeholder = 'unbuilt-00000000';
        if (!entry || entry.code.split(placeholder).length !== 2)
          this.error(`the entry does not hold BUILD's placeholder (${placeholder}) once`);
        // As many characters: the entry's source map stays right.
        entry.code = entry.code.replace(placeholder, hash.digest('hex').slice(0, placeholder.length));
      },
    },
    {
      // The package is "type": "module"; these files are CommonJS.
      name: 'msk-commonjs-scope',
      generateBundle() {
        this.emitFile({ type: 'asset', fileName: 'package.json', source: '{ "type": "commonjs" }\n' });
      },
    },
  ],
  ssr: { noExternal: true, external: NATIVE },
  build: {
    ssr: 'main/cli/main.ts',
    outDir: 'out/cli',
    target: 'node20',
    emptyOutDir: true,
    // Less to read and parse on every start (a first start compiles everything); the source maps stay.
    minify: true,
    sourcemap: true,
    rolldownOptions: {
      external: NATIVE,
      output: {
        format: 'cjs',
        // import() of a built-in becomes require(): a built-in needs no ES module loader, and on
        // Node 20 a script with import() is left out of the code cache (compile-cache.ts).
        dynamicImportInCjs: false,
        entryFileNames: 'msk.js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        // Every character outside ASCII as an escape (msk-ascii-chunks).
        charset: 'ascii',
        // One group per chunk name, in order of priority: a module goes to the first group that
        // claims it, so the start-up chunk keeps what the command definitions import.
        codeSplitting: {
          groups: [
            'start',
            'complete',
            'commands',
            'core',
            'schema',
            'backup',
            'account',
            'gateway',
            'import',
            'write',
            'spawn',
            'undici',
          ].map((name, index, names) => ({
            name,
            test: (id: string) => chunkOf(id) === name,
            priority: names.length - index,
          })),
        },
        banner: (chunk) => (chunk.isEntry ? '#!/usr/bin/env node' : ''),
      },
    },
  },
});
