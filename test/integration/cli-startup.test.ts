// What each `msk` command loads: nothing it does not use. The built CLI runs with a preload (in a
// temp dir) that records every file Node's CommonJS loader loads and every script read (msk
// loads its own chunks); the source map of each bundle
// file says which modules it holds. undici only for commands that talk to Model Studio, the
// keychain addon only for commands that read or write a secret, the writers (lock, atomic write)
// only for commands that write the data file (a last use is journaled: env and exec do not),
// cross-spawn only for commands that run a program on Windows (elsewhere it is node:child_process's
// spawn, called itself), commander only for arguments the quick
// commands leave to it, node:stream (what process.stdout is built on) for none of list and env.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeModelStudio, startModelStudio } from '../fixtures/model-studio-server.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { MSK, type MskHome, mskHome } from '../fixtures/msk.js';
import { keychainPart } from '../fixtures/keychain.js';

const keychain = keychainPart();
const BUNDLE = path.dirname(MSK);
const SPAWN = ['cross-spawn', 'which', 'isexe', 'path-key', 'shebang-command', 'shebang-regex'];
const WRITERS = ['proper-lockfile', 'graceful-fs', 'write-file-atomic'];
/** What process.stdout and node:fs/promises load: output is written to the descriptors (direct-write.ts). */
const NODE_STREAMS = ['node:stream', 'node:fs/promises', 'node:net', 'node:tty'];

const work = mkdtempSync(path.join(os.tmpdir(), 'msk-startup-'));
const RECORDER = path.join(work, 'record-loads.cjs');
writeFileSync(
  RECORDER,
  `// Records what the CommonJS loader loads (files and built-ins), and the scripts read (msk loads
// its own chunks: compile-cache.ts), written at exit.
const Module = require('node:module');
const fs = require('node:fs');
const { writeFileSync } = fs;
const path = require('node:path');
const log = process.env.MSK_LOAD_LOG;
const seen = new Set();
const load = Module._load;
Module._load = function (request, parent, isMain) {
  try {
    seen.add(Module.isBuiltin(request) ? 'node:' + request.replace(/^node:/, '') : Module._resolveFilename(request, parent, isMain));
  } catch {}
  return load.apply(this, arguments);
};
const readFileSync = fs.readFileSync;
fs.readFileSync = function (file) {
  if (typeof file === 'string' && file.endsWith('.js')) seen.add(path.resolve(file));
  return readFileSync.apply(this, arguments);
};
// Node's own modules, loaded by Node for msk (node:stream behind process.stdout, say) included.
const before = new Set(process.moduleLoadList);
const internal = () => process.moduleLoadList.filter((name) => !before.has(name) && name.startsWith('NativeModule '));
if (log) process.on('exit', () => writeFileSync(log, JSON.stringify([...seen, ...internal().map((name) => 'node:' + name.slice(13))])));
`,
);

interface Loaded {
  /** The bundle's files loaded, by their names without the content hash: msk, start, spawn… */
  bundleFiles: string[];
  /** Source modules of the bundle files loaded, and files loaded from outside the bundle. */
  modules: string[];
  /** npm packages among them. */
  packages: Set<string>;
  /** Node's modules, by the name a program would require them by (node:stream). */
  builtins: Set<string>;
}

let runs = 0;
async function loadsOf(
  home: MskHome,
  args: string[],
  env: Record<string, string> = {},
): Promise<Loaded & { stdout: string; stderr: string; code: number | null }> {
  const log = path.join(work, `loads-${runs++}.json`);
  const run = await home.run(args, {
    env: { ...env, MSK_LOAD_LOG: log, NODE_OPTIONS: `--require ${JSON.stringify(RECORDER)}` },
  });
  expect(existsSync(log), `${args.join(' ')}: ${run.stderr}`).toBe(true);
  const files = (JSON.parse(readFileSync(log, 'utf8')) as string[]).filter(
    (file) => !file.startsWith('node:'),
  );
  const builtins = new Set(
    (JSON.parse(readFileSync(log, 'utf8')) as string[]).filter((file) => file.startsWith('node:')),
  );
  const modules = files.flatMap((file) => {
    if (!file.startsWith(BUNDLE + path.sep) || !existsSync(`${file}.map`)) return [path.relative('.', file)];
    const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] };
    return map.sources.map((source) => path.relative('.', path.resolve(path.dirname(file), source)));
  });
  const packages = new Set(
    modules.flatMap((module) => {
      const match = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(module.split(path.sep).join('/'));
      return match?.[1] === undefined ? [] : [match[1]];
    }),
  );
  const bundleFiles = files
    .filter((file) => file.startsWith(BUNDLE + path.sep))
    .map((file) => path.basename(file).replace(/(-[\w-]{8})?\.js$/, ''));
  return { ...run, bundleFiles, modules, packages, builtins };
}

const none = (loaded: Set<string>, names: readonly string[]) => names.filter((name) => loaded.has(name));

describe('msk loads only what a command uses', () => {
  let home: MskHome;
  afterEach(() => home?.remove());
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('records through the bundle (a check on this test: the recorder sees msk itself)', async () => {
    home = mskHome();
    const loaded = await loadsOf(home, ['--help']);
    expect(loaded.code).toBe(0);
    expect(loaded.modules).toEqual(expect.arrayContaining([path.normalize('main/cli/msk.ts')]));
    expect(loaded.packages).toContain('commander');
  });

  it('--version: the line commander would print, without commander', async () => {
    home = mskHome();
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const loaded = await loadsOf(home, [flag]);
      expect({ code: loaded.code, stdout: loaded.stdout, stderr: loaded.stderr }, flag).toEqual({
        code: 0,
        stdout: `${version}\n`,
        stderr: '',
      });
      expect([...loaded.packages], flag).toEqual([]);
      expect(loaded.bundleFiles, flag).toEqual(['msk', 'start']);
      expect(none(loaded.builtins, NODE_STREAMS), flag).toEqual([]);
    }
  });

  it('--help: commander and the command definitions, no more of the core than list needs, no zod', async () => {
    home = mskHome();
    for (const args of [['--help'], ['exec', '--help']]) {
      const loaded = await loadsOf(home, args);
      expect(loaded.code, args.join(' ')).toBe(0);
      expect([...loaded.packages], args.join(' ')).toEqual(['commander']);
      // The start-up chunk (the quick commands' code, which runs every command), then commander's.
      expect(loaded.bundleFiles, args.join(' ')).toEqual(['msk', 'start', 'commands']);
    }
  });

  it('list --json: the data file (validated with zod); no HTTP client, no keychain, no writers, no spawning', async () => {
    home = mskHome();
    // A data file no msk has read yet: validated.
    writeFileSync(path.join(home.directory, 'config.json'), '{"schemaVersion":3,"keys":[]}\n');
    const loaded = await loadsOf(home, ['list', '--json']);
    expect(loaded.code).toBe(0);
    expect(JSON.parse(loaded.stdout)).toEqual([]);
    expect(loaded.modules).toContain(path.normalize('main/core/config/config-store.ts'));
    // A plain `list`, `env` or `exec` runs without commander (quick-commands.ts).
    expect([...loaded.packages].sort()).toEqual(['zod']);
    expect(none(loaded.builtins, ['node:crypto', ...NODE_STREAMS])).toEqual([]);
  });

  it('list --json of a data file this version validated before, unchanged: no zod either', async () => {
    home = mskHome();
    const file = path.join(home.directory, 'config.json');
    writeFileSync(file, '{"schemaVersion":3,"keys":[]}\n');
    expect((await loadsOf(home, ['list', '--json'])).packages).toContain('zod');
    const again = await loadsOf(home, ['list', '--json']);
    expect(again.code).toBe(0);
    expect([...again.packages]).toEqual([]);
    // Any change to the text is validated again, even one that keeps it valid.
    writeFileSync(file, '{"schemaVersion":3,"keys":[] }\n');
    expect((await loadsOf(home, ['list', '--json'])).packages).toContain('zod');
  });

  describe.runIf(keychain)('with a stored key', () => {
    let server: FakeModelStudio;
    const secret = fakeKey();
    beforeAll(async () => {
      server = await startModelStudio();
      server.addKey('ap-southeast-1', secret);
    });
    afterAll(() => server.close());

    async function homeWithKey(): Promise<MskHome> {
      home = mskHome({ MSK_ENDPOINT_OVERRIDES: JSON.stringify(server.overrides) });
      const added = await home.run(['add', '-l', 'k', '-r', 'sg', '-p', 'payg'], { input: secret });
      expect(added.code, added.stderr).toBe(0);
      return home;
    }

    it('list --json still reads no secret', async () => {
      await homeWithKey();
      const loaded = await loadsOf(home, ['list', '--json']);
      expect((JSON.parse(loaded.stdout) as { label: string }[]).map((row) => row.label)).toEqual(['k']);
      // add validated what it wrote: list needs no validator.
      expect([...loaded.packages]).toEqual([]);
      // Two of msk's files: each costs a resolve, a read and a compile.
      expect(loaded.bundleFiles).toEqual(['msk', 'start']);
    });

    it('env: the keychain; no writers (a use is journaled), no HTTP client, no spawning', async () => {
      await homeWithKey();
      const loaded = await loadsOf(home, ['env', '--shell', 'bash']);
      expect(loaded.code, loaded.stderr).toBe(0);
      expect(loaded.stdout).toContain('DASHSCOPE_API_KEY=');
      expect(loaded.packages).toContain('@github/keytar');
      expect(existsSync(path.join(home.directory, 'config.json.uses'))).toBe(true);
      // The data file was validated when the key was added.
      expect(none(loaded.packages, ['commander', 'undici', 'zod', ...WRITERS, ...SPAWN])).toEqual([]);
      expect(none(loaded.builtins, NODE_STREAMS)).toEqual([]);
      expect(loaded.bundleFiles).toEqual(['msk', 'start']);
      const again = await loadsOf(home, ['env', '--shell', 'bash']);
      expect(none(again.packages, ['zod'])).toEqual([]);
    });

    it('__complete (shell completion, every TAB): the labels from the data file; no keychain, no commander, no node:crypto', async () => {
      await homeWithKey();
      const loaded = await loadsOf(home, ['__complete', 'copy', '--key', '']);
      expect(loaded.code, loaded.stderr).toBe(0);
      expect(loaded.stdout.split('\n')[0]?.split('\t')[0]).toBe('k');
      expect(loaded.stderr).toBe('');
      // The data file was validated when the key was added: no zod either.
      expect([...loaded.packages]).toEqual([]);
      expect(none(loaded.builtins, ['node:crypto', ...NODE_STREAMS])).toEqual([]);
      // The entry, the start-up chunk and completion's own (the command tree): not commander's.
      expect(loaded.bundleFiles).toEqual(['msk', 'start', 'complete']);
    });

    it('exec: the keychain and node:child_process (cross-spawn on Windows); no writers, no HTTP client', async () => {
      await homeWithKey();
      const loaded = await loadsOf(home, ['exec', '--key', 'k', '--', 'true']);
      expect(loaded.code, loaded.stderr).toBe(0);
      expect(loaded.packages).toContain('@github/keytar');
      expect(loaded.builtins).toContain('node:child_process');
      const windows = process.platform === 'win32';
      expect(loaded.packages.has('cross-spawn')).toBe(windows);
      expect(none(loaded.packages, ['commander', 'undici', 'zod', ...WRITERS])).toEqual([]);
      expect(loaded.bundleFiles).toEqual(windows ? ['msk', 'start', 'spawn'] : ['msk', 'start']);
    });

    it('check: undici, as it talks to Model Studio (the recorder sees it when it is loaded)', async () => {
      await homeWithKey();
      const loaded = await loadsOf(home, ['check', 'k']);
      expect(loaded.code, loaded.stderr).toBe(0);
      expect(loaded.packages).toContain('undici');
      expect(loaded.packages).toContain('@github/keytar');
      expect(none(loaded.packages, SPAWN)).toEqual([]);
    });

    it('writing without a secret (rename) loads the writers, not the keychain', async () => {
      await homeWithKey();
      const loaded = await loadsOf(home, ['rename', 'k', 'k2']);
      expect(loaded.code, loaded.stderr).toBe(0);
      expect(loaded.packages).toContain('proper-lockfile');
      expect(none(loaded.packages, ['undici', '@github/keytar', ...SPAWN])).toEqual([]);
    });
  });
});
