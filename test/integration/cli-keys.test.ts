// msk add · list · remove · rename · use · region against the real keychain and real files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keychainPart, keytar, testKeychainService } from '../fixtures/keychain.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { type MskHome, mskHome } from '../fixtures/msk.js';

const keychain = keychainPart();

describe.runIf(keychain)('msk keys on the real keychain', () => {
  let home: MskHome;
  afterEach(() => home?.remove());

  it('adds from stdin, lists metadata, and removes from keychain and list', async () => {
    home = mskHome();
    const secret = fakeKey();
    const added = await home.run(['add', '--label', 'personal', '--region', 'sg'], { input: `${secret}\n` });
    expect(added).toMatchObject({ code: 0, stdout: '' });
    expect(added.stderr).toMatch(
      /^Stored 'personal' \(sk-…\w{4}\) for Singapore, workspace default\. It is the active key there\.\n$/,
    );

    const listed = JSON.parse((await home.run(['list', '--json'])).stdout);
    expect(listed).toEqual([
      expect.objectContaining({
        label: 'personal',
        regionId: 'ap-southeast-1',
        workspaceId: 'default',
        plan: 'payg',
        planName: 'Pay-as-you-go',
        shape: 'classic',
        masked: `sk-…${secret.slice(-4)}`,
        active: true,
      }),
    ]);
    expect(await keytar.getPassword(testKeychainService(), listed[0].id)).toBe(secret);

    const removed = await home.run(['remove', 'personal', '--yes']);
    expect(removed.code).toBe(0);
    expect(await keytar.getPassword(testKeychainService(), listed[0].id)).toBeNull();
    expect(JSON.parse((await home.run(['list', '--json'])).stdout)).toEqual([]);
  });

  it('keeps workspace, account and plan facts', async () => {
    home = mskHome();
    const plan = await home.run(
      [
        'add',
        '-l',
        'coding',
        '-r',
        'cn',
        '--plan',
        'coding',
        '-w',
        'llm-7c72iiw36kd8',
        '-a',
        '1234567890123456',
        '--ram-user',
        'dev@acme.onaliyun.com',
      ],
      { input: fakeKey('plan') },
    );
    expect(plan).toMatchObject({ code: 0, stdout: '' });
    expect(plan.stderr).toMatch(
      /^Stored 'coding' \(sk-sp-…\S{4}\) for China \(Beijing\) \(Coding Plan\), workspace llm-7c72iiw36kd8\./,
    );
    const [entry] = JSON.parse((await home.run(['list', '--json'])).stdout);
    expect(entry).toMatchObject({
      regionId: 'cn-beijing',
      workspaceId: 'llm-7c72iiw36kd8',
      accountId: '1234567890123456',
      ramUser: 'dev@acme.onaliyun.com',
      plan: 'coding',
      planName: 'Coding Plan',
      shape: 'plan',
      masked: expect.stringMatching(/^sk-sp-…/),
    });
  });

  it('stores a Tokyo key with its workspace id, and says what Tokyo needs without one', async () => {
    home = mskHome();
    const refused = await home.run(['add', '-l', 'jp', '-r', 'tokyo'], { input: fakeKey('workspace') });
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toMatch(/^msk: Japan \(Tokyo\) is reached only through workspace domains/);
    const stored = await home.run(['add', '-l', 'jp', '-r', 'jp', '-w', 'llm-abcd1234'], {
      input: fakeKey('workspace'),
    });
    expect(stored.stderr).toMatch(
      /^Stored 'jp' \(sk-ws-…\S{4}\) for Japan \(Tokyo\), workspace llm-abcd1234\./,
    );
    expect((await home.run(['list'])).stdout).toMatch(
      /\*\s+jp\s+Japan \(Tokyo\)\s+Pay-as-you-go\s+llm-abcd1234\s+sk-ws-…/,
    );
  });

  it('renames, switches the active key and region', async () => {
    home = mskHome();
    await home.run(['add', '-l', 'sg-key', '-r', 'sg'], { input: fakeKey() });
    await home.run(['add', '-l', 'cn-key', '-r', 'beijing'], { input: fakeKey() });
    expect((await home.run(['region'])).stdout).toBe('ap-southeast-1\tSingapore\n');
    expect((await home.run(['use', 'cn-key'])).stderr).toMatch(
      /Active key: 'cn-key'.*active region: China \(Beijing\)/,
    );
    expect((await home.run(['region'])).stdout).toBe('cn-beijing\tChina (Beijing)\n');
    expect((await home.run(['region', 'hk'])).code).toBe(0);
    expect((await home.run(['region'])).stdout).toBe('cn-hongkong\tChina (Hong Kong)\n');
    expect((await home.run(['rename', 'cn-key', 'team'])).stderr).toBe("Renamed 'cn-key' to 'team'.\n");
    const table = (await home.run(['list'])).stdout;
    expect(table).toMatch(/^\s+LABEL\s+REGION/);
    expect(table).toMatch(/\*\s+team\s+China \(Beijing\)\s+Pay-as-you-go\s+default\s+sk-…/);
  });

  it('loses no key when many msk processes add at once', async () => {
    home = mskHome();
    const secrets = Array.from({ length: 8 }, () => fakeKey());
    const runs = await Promise.all(
      secrets.map((secret, index) => home.run(['add', '-l', `k${index}`, '-r', 'us'], { input: secret })),
    );
    expect(runs.map((run) => run.code)).toEqual(secrets.map(() => 0));
    const listed: { id: string; label: string }[] = JSON.parse((await home.run(['list', '--json'])).stdout);
    expect(listed.map((entry) => entry.label).sort()).toEqual(secrets.map((_, index) => `k${index}`));
    for (const entry of listed) {
      expect(secrets).toContain(await keytar.getPassword(testKeychainService(), entry.id));
    }
  });

  it('stores one copy when many msk processes add the same key at once', async () => {
    home = mskHome();
    const secret = fakeKey();
    const runs = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        home.run(['add', '-l', `same${index}`, '-r', 'us'], { input: secret }),
      ),
    );
    expect(runs.filter((run) => run.code === 0)).toHaveLength(1);
    for (const run of runs.filter((candidate) => candidate.code !== 0)) {
      expect(run.stderr).toMatch(/^msk: This key is already stored as 'same\d'/);
    }
    const listed: { id: string }[] = JSON.parse((await home.run(['list', '--json'])).stdout);
    expect(listed).toHaveLength(1);
    const items = await keytar.findCredentials(testKeychainService());
    expect(items.filter((item) => item.password === secret)).toHaveLength(1);
  });

  it('writes the secret to no file and prints it only for copy --print and env', async () => {
    home = mskHome();
    const secret = fakeKey();
    const outputs = [
      await home.run(['add', '-l', 'personal', '-r', 'sg'], { input: secret }),
      await home.run(['list']),
      await home.run(['list', '--json']),
      await home.run(['rename', 'personal', 'mine']),
      await home.run(['use', 'mine']),
      await home.run(['region', 'us']),
      await home.run(['region', 'sg']),
      await home.run(['exec', '--', process.execPath, '-e', '']),
    ];
    for (const { stdout, stderr } of outputs) expect(stdout + stderr).not.toContain(secret);
    expect((await home.run(['copy', '--print'])).stdout).toBe(`${secret}\n`);
    expect((await home.run(['env', '--shell', 'dotenv'])).stdout).toContain(secret);

    const files = readdirSync(home.directory, { recursive: true, encoding: 'utf8' })
      .map((name) => path.join(home.directory, name))
      .filter((file) => statSync(file).isFile());
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(readFileSync(file, 'utf8')).not.toContain(secret);
      expect(statSync(file).mode & 0o077).toBe(0);
    }
  });
});

describe.runIf(keychain)('msk refuses bad input with one line and touches nothing', () => {
  let home: MskHome;
  afterEach(() => home?.remove());

  const cases: [string, string[], string | undefined, RegExp][] = [
    [
      'an unknown key',
      ['remove', 'nobody', '--yes'],
      undefined,
      /No key is labelled or identified 'nobody'\. Stored keys: first\./,
    ],
    ['an unknown region', ['region', 'mars'], undefined, /Unknown region 'mars'/],
    ['an unknown region on add', ['add', '-l', 'x', '-r', 'mars'], fakeKey(), /Unknown region 'mars'/],
    ['an unknown shell', ['env', '--shell', 'nu'], undefined, /Unknown shell 'nu'/],
    ['an unknown tool', ['exec', '--tool', 'vim', '--', 'true'], undefined, /Unknown tool 'vim'/],
    ['a non-key on stdin', ['add', '-l', 'x', '-r', 'sg'], 'hello world', /not one API key/],
    ['an empty stdin', ['add', '-l', 'x', '-r', 'sg'], '', /No key was given/],
    ['a temporary key', ['add', '-l', 'x', '-r', 'sg'], 'st-0123456789abcdef', /temporary key/],
    ['a taken label', ['add', '-l', 'FIRST', '-r', 'us'], fakeKey(), /'first' is already used/],
    ['a bad workspace', ['add', '-l', 'x', '-r', 'sg', '-w', 'team'], fakeKey(), /not a workspace id/],
    ['removal without confirmation', ['remove', 'first'], undefined, /without confirmation: pass --yes/],
    ['a bad override variable', ['env'], undefined, /MSK_ENDPOINT_OVERRIDES is not valid JSON/],
  ];

  it.each(cases)('%s', async (name, args, input, message) => {
    home = mskHome();
    await home.run(['add', '-l', 'first', '-r', 'sg'], { input: fakeKey() });
    const before = readFileSync(path.join(home.directory, 'config.json'), 'utf8');
    const env = name === 'a bad override variable' ? { MSK_ENDPOINT_OVERRIDES: '{oops' } : {};
    const run = await home.run(args, { input, env });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^msk: [^\n]+\n$/);
    expect(run.stderr).toMatch(message);
    expect(readFileSync(path.join(home.directory, 'config.json'), 'utf8')).toBe(before);
  });

  it('says how to fix an absent keychain, and stores nothing', async () => {
    home = mskHome();
    const run = await home.run(['add', '-l', 'x', '-r', 'sg'], {
      input: fakeKey(),
      env: {
        DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(home.directory, 'no-bus')}`,
        DISPLAY: undefined,
      },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^msk: The keychain is unavailable \(.+\): install and start a Secret Service such as GNOME Keyring/,
    );
    expect(JSON.parse((await home.run(['list', '--json'])).stdout)).toEqual([]);
  });

  it('says so when the keychain item was deleted behind its back', async () => {
    home = mskHome();
    await home.run(['add', '-l', 'gone', '-r', 'sg'], { input: fakeKey() });
    const [entry] = JSON.parse((await home.run(['list', '--json'])).stdout);
    await keytar.deletePassword(testKeychainService(), entry.id);
    const run = await home.run(['copy', '--print']);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toMatch(/The keychain has no secret for 'gone'/);
  });

  it('prints an empty list, and a hint, when nothing is stored', async () => {
    home = mskHome();
    expect(await home.run(['list'])).toMatchObject({
      code: 0,
      stdout: '',
      stderr: expect.stringMatching(/No keys stored yet/),
    });
    expect((await home.run(['exec', '--', 'true'])).stderr).toMatch(
      /No active key in Singapore: no keys are stored yet/,
    );
  });
});
