// Builds the `msk` command line for plain Node: our code and its pure-JavaScript dependencies
// bundled and minified, so a start reads a few files instead of hundreds. The entry is tiny; each
// command's work, and each heavy dependency (undici, cross-spawn, proper-lockfile,
// write-file-atomic), is a chunk loaded when a command needs it. The keychain addon
// (@github/keytar, native) stays in node_modules and is required only to read or write a secret.
//
// The output is CommonJS (out/cli/package.json says so): `require('node:fs')` hands over the
// module, where an ES `import` of a built-in first builds a facade of all its exports, which
// loads node:stream and more on every start. Our sources stay ES modules.
import { chmodSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vite';

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

/** Commands run without commander when their arguments are plain (quick-commands.ts): at start-up. */
const QUICK_COMMANDS = new Set(['keys', 'environment'].map((name) => `main/cli/commands/${name}.ts`));

/** Modules that use commander when loaded (a group takes its modules' dependencies along). */
const COMMANDER_USERS = new Set(['msk', 'parse', 'clipboard'].map((name) => `main/cli/${name}.ts`));

/** Core modules every command definition uses (small, no dependencies): loaded at start-up. */
const START_UP_CORE = new Set(
  [
    'errors',
    'keys',
    'model-studio',
    'regions',
    'tools',
    'tool-catalog',
    'env-format',
    'version',
    'notices',
  ].map((name) => `main/core/${name}.ts`),
);

/** Core modules that start programs (node:child_process): with the commands that do. */
/** Modules that build zod schemas when loaded: with zod, in a chunk of their own. */
const SCHEMA_CORE = new Set(
  ['config-schema', 'setting-catalog', 'actions/settings', 'state'].map((name) => `main/core/${name}.ts`),
);

const CHILD_PROCESS_CORE = new Set(
  ['launcher', 'login-path', 'system-clipboard', 'actions/launch', 'actions/tools'].map(
    (name) => `main/core/${name}.ts`,
  ),
);

/**
 * Few files for a start: `msk` (the entry, enabling the compile cache), `start-…` (running a
 * command, the quick commands, output), `core-…` (the data file, the keychain, the use cases) for
 * commands that read the data file, `commands-…` (commander and every command's definition) unless
 * the command is quick; the rest on demand. Each file costs a resolve, a read and a link, so the
 * common paths (list, env, exec) load four or five.
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
  const source = /\/(main\/(?:cli|core)\/.+)$/.exec(file)?.[1];
  if (source === undefined || source === 'main/cli/main.ts' || source === 'main/cli/compile-cache.ts')
    return null;
  // commander, and the command definitions but the quick ones: loaded when commander parses.
  if (COMMANDER_USERS.has(source)) return 'commands';
  if (source.startsWith('main/cli/commands/') && !QUICK_COMMANDS.has(source)) return 'commands';
  if (source.startsWith('main/cli/') || START_UP_CORE.has(source)) return 'start';
  if (CHILD_PROCESS_CORE.has(source)) return null;
  // Encryption (node:crypto's ciphers): only `msk backup` uses it.
  if (source === 'main/core/actions/backup.ts' || source === 'main/core/backup-format.ts') return 'backup';
  if (SCHEMA_CORE.has(source)) return 'schema';
  // The gateway and its usage store: only `msk gateway` and `msk usage`.
  if (source.startsWith('main/core/gateway/') || source === 'main/core/actions/gateway.ts') return 'gateway';
  // Searching files for keys: only `msk import` does.
  if (source.startsWith('main/core/import/') || source === 'main/core/actions/import.ts') return 'import';
  return 'core';
}

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
        // One group per chunk name, in order of priority: a module goes to the first group that
        // claims it, so the start-up chunk keeps what the command definitions import.
        codeSplitting: {
          groups: [
            'start',
            'commands',
            'core',
            'schema',
            'backup',
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
