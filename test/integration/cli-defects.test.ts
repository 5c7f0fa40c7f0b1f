// The defects found by trying msk as a new user and as an attacker would (issue 10), each
// against the built msk, the real keychain and real files.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keychainPart, keytar, testKeychainService } from '../fixtures/keychain.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { MSK, type MskHome, mskHome, runProcess } from '../fixtures/msk.js';

const keychain = keychainPart();

/**
 * Makes a directory unwritable: mode 0500 for a user, the immutable attribute for root (whom
 * modes do not stop). Returns how to undo it, or undefined when this system cannot.
 */
function unwritable(directory: string): (() => void) | undefined {
  if (process.getuid?.() !== 0) {
    chmodSync(directory, 0o500);
    return () => chmodSync(directory, 0o700);
  }
  if (spawnSync('chattr', ['+i', directory]).status !== 0) return undefined;
  return () => spawnSync('chattr', ['-i', directory]);
}

describe.runIf(keychain)('msk defects found (issue 10)', () => {
  let home: MskHome;
  let undo: (() => void) | undefined;
  afterEach(() => {
    undo?.();
    undo = undefined;
    home?.remove();
  });

  it('1: endpoint overrides take the region aliases and refuse an unknown region', async () => {
    home = mskHome();
    await home.run(['add', '-l', 'sg-key', '-r', 'sg'], { input: fakeKey() });
    const env = { MSK_ENDPOINT_OVERRIDES: '{"sg":"http://127.0.0.1:4010/gw"}' };
    const shown = await home.run(['env', '--shell', 'dotenv', '--tool', 'openai'], { env });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('http://127.0.0.1:4010/gw/compatible-mode/v1');
    const mars = await home.run(['env', '--shell', 'dotenv'], {
      env: { MSK_ENDPOINT_OVERRIDES: '{"mars":"http://127.0.0.1:4010/gw"}' },
    });
    expect(mars.code).toBe(1);
    expect(mars.stdout).toBe('');
    expect(mars.stderr).toMatch(/^msk: MSK_ENDPOINT_OVERRIDES: 'mars' is neither a region id .*\n$/);
  });

  it('3: a Coding Plan key is refused where the plan has no endpoint, at add and at move', async () => {
    home = mskHome();
    const refused = [fakeKey('plan'), fakeKey('plan')];
    for (const [index, region] of ['us', 'hk'].entries()) {
      const added = await home.run(['add', '-l', `plan-${region}`, '-r', region, '--plan', 'coding'], {
        input: refused[index],
      });
      expect(added.code).toBe(1);
      expect(added.stderr).toMatch(
        /^msk: The Coding Plan has no endpoint in .*; it has endpoints in .* only\.\n$/,
      );
    }
    expect(
      (await home.run(['add', '-l', 'plan', '-r', 'sg', '--plan', 'coding'], { input: fakeKey('plan') }))
        .code,
    ).toBe(0);
    const moved = await home.run(['move', 'plan', 'hk']);
    expect(moved.code).toBe(1);
    expect(moved.stderr).toMatch(/^msk: The Coding Plan has no endpoint in China \(Hong Kong\)/);
    const [entry] = JSON.parse((await home.run(['list', '--json'])).stdout);
    expect(entry).toMatchObject({ regionId: 'ap-southeast-1', plan: 'coding' });
    const passwords = (await keytar.findCredentials(testKeychainService())).map((item) => item.password);
    for (const secret of refused) expect(passwords).not.toContain(secret);
  });

  it('6: a label shaped like another key’s id is refused', async () => {
    home = mskHome();
    await home.run(['add', '-l', 'first', '-r', 'sg'], { input: fakeKey() });
    const [first] = JSON.parse((await home.run(['list', '--json'])).stdout);
    const impostor = await home.run(['add', '-l', first.id, '-r', 'sg'], { input: fakeKey() });
    expect(impostor.code).toBe(1);
    expect(impostor.stderr).toMatch(/^msk: A label cannot look like a key id/);
    await home.run(['add', '-l', 'second', '-r', 'sg'], { input: fakeKey() });
    expect((await home.run(['rename', 'second', first.id])).code).toBe(1);
    expect((await home.run(['remove', first.id, '--yes'])).code).toBe(0);
    const left = JSON.parse((await home.run(['list', '--json'])).stdout);
    expect(left.map((entry: { label: string }) => entry.label)).toEqual(['second']);
  });

  it('2: reading a key works from a data directory msk may not write, said once; writes say why', async () => {
    home = mskHome();
    const secret = fakeKey();
    await home.run(['add', '-l', 'mine', '-r', 'sg'], { input: secret });
    const before = readFileSync(path.join(home.directory, 'config.json'), 'utf8');
    undo = unwritable(home.directory);
    if (!undo) return; // neither a user's mode nor chattr can stop writes here
    const notRecorded =
      /^warning: Cannot write in .*; give yourself write permission there .* Last use and check results are not recorded\.\n$/;

    const printed = await home.run(['copy', '--print']);
    expect(printed).toMatchObject({ code: 0, stdout: `${secret}\n` });
    expect(printed.stderr).toMatch(notRecorded);
    const env = await home.run(['env', '--shell', 'dotenv']);
    expect(env.code).toBe(0);
    expect(env.stdout).toContain(secret);
    expect(env.stderr).toMatch(notRecorded);
    const exec = await home.run([
      'exec',
      '--',
      process.execPath,
      '-e',
      'process.exit(process.env.DASHSCOPE_API_KEY ? 0 : 3)',
    ]);
    expect(exec.code).toBe(0);
    const check = await home.run(['check', 'mine'], {
      env: { MSK_ENDPOINT_OVERRIDES: '{"sg":"http://127.0.0.1:9"}' },
    });
    expect(check.stdout).toMatch(/mine\s+Singapore\s+Pay-as-you-go\s+network/);
    expect(check.stderr.match(/^warning: Cannot write/gm)).toHaveLength(1);

    const renamed = await home.run(['rename', 'mine', 'yours']);
    expect(renamed.code).toBe(1);
    expect(renamed.stderr).toMatch(/^msk: Cannot write in .*; give yourself write permission there/);
    expect(renamed.stderr).not.toMatch(/Another Model Studio Keys process/);
    expect(readFileSync(path.join(home.directory, 'config.json'), 'utf8')).toBe(before);
  });

  it('2: an MSK_HOME that cannot be created is one line, and nothing is left in the keychain', async () => {
    home = mskHome();
    mkdirSync(path.join(home.directory, 'parent'));
    undo = unwritable(path.join(home.directory, 'parent'));
    if (!undo) return;
    const secret = fakeKey();
    const added = await home.run(['add', '-l', 'x', '-r', 'sg'], {
      input: secret,
      env: { MSK_HOME: path.join(home.directory, 'parent', 'data') },
    });
    expect(added.code).toBe(1);
    expect(added.stderr).toMatch(
      /^msk: Cannot create the data directory .*; set MSK_HOME to a directory you can write\.\n$/,
    );
    const passwords = (await keytar.findCredentials(testKeychainService())).map((item) => item.password);
    expect(passwords).not.toContain(secret);
  });

  it('10: bare msk, help for an unknown command, a mistyped command, and the built msk.js', async () => {
    home = mskHome();
    const bare = await home.run([]);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toMatch(/^Usage: msk /);
    const help = await home.run(['help', 'frob']);
    expect(help).toMatchObject({
      code: 2,
      stdout: '',
      stderr: "msk: Unknown command 'frob'; 'msk help' lists the commands.\n",
    });
    expect((await home.run(['help', 'ls'])).stdout).toMatch(/^Usage: msk list\|ls/);
    const typo = await home.run(['lis']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe("msk: unknown command 'lis' (Did you mean one of list, ls?)\n");
    accessSync(MSK, constants.X_OK);
    expect((await runProcess(MSK, ['--version'], home.env)).code).toBe(0);
  });

  it('9: msk env speaks csh/tcsh under SHELL=/bin/tcsh, and says when it does not know a shell', async () => {
    home = mskHome();
    const secret = fakeKey();
    await home.run(['add', '-l', 'mine', '-r', 'sg'], { input: secret });
    const tcsh = await home.run(['env', '--tool', 'openai'], { env: { SHELL: '/bin/tcsh' } });
    expect(tcsh).toMatchObject({ code: 0, stderr: '' });
    expect(tcsh.stdout).toContain(`setenv OPENAI_API_KEY '${secret}';\n`);
    const nu = await home.run(['env', '--tool', 'openai'], { env: { SHELL: '/usr/bin/nu' } });
    expect(nu.stdout).toContain(`export OPENAI_API_KEY='${secret}'\n`);
    expect(nu.stderr).toBe(
      'warning: msk does not know the syntax of your shell (SHELL=nu); printing bash syntax. Choose one with --shell.\n',
    );
  });

  it('4: a key of 200 KB or 10 MB is refused in one line, and nothing is stored', async () => {
    home = mskHome();
    for (const size of [200 * 1024, 10 * 1024 * 1024]) {
      const added = await home.run(['add', '-l', 'huge', '-r', 'sg'], { input: `sk-${'a'.repeat(size)}` });
      expect(added.code).toBe(1);
      expect(added.stderr).toMatch(
        /^msk: That is \d+ characters long; a Model Studio API key is at most 512 .*\n$/,
      );
    }
    expect(JSON.parse((await home.run(['list', '--json'])).stdout)).toEqual([]);
  });
});

describe('msk output to a reader that is gone', () => {
  it('ends quietly and successfully when its stdout was closed (msk list | head -0)', async () => {
    const home = mskHome();
    try {
      const child = spawn(process.execPath, [MSK, 'list', '--json'], {
        env: { ...process.env, ...home.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      // The reading end is closed before msk has started: its write fails with EPIPE.
      child.stdout.destroy();
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const code = await new Promise((resolve) => child.on('close', resolve));
      expect(stderr).toBe('');
      expect(code).toBe(0);
    } finally {
      home.remove();
    }
  });
});
