// A new user's first minutes with msk, found as traps by trying it as one would (issue 22): a
// first key outside Singapore, one way to choose a key in every command, the folder's .msk.json
// said aloud, and mistakes that get their own line and exit status. The built msk, the real
// keychain, the local Model Studio imitation.
import { chownSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keychainPart } from '../fixtures/keychain.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { useModelStudioHomes } from '../fixtures/msk.js';

const keychain = keychainPart();

describe.runIf(keychain)('msk in a new user’s first minutes', () => {
  const homes = useModelStudioHomes();
  const json = (text: string) => JSON.parse(text) as Record<string, unknown>;

  it('makes a first key stored in US (Virginia) work at once: env, copy and temp-key use it', async () => {
    const home = homes.newHome();
    const secret = fakeKey();
    homes.server.addKey('us-east-1', secret);
    const added = await home.run(['add', '--label', 'us', '--region', 'us'], { input: secret });
    expect(added).toMatchObject({ code: 0 });
    expect(added.stderr).toMatch(/It is the active key, and US \(Virginia\) is now the active region\.\n$/);

    const environment = await home.run(['env', '--shell', 'json']);
    expect(environment.code).toBe(0);
    expect(json(environment.stdout)).toMatchObject({ DASHSCOPE_API_KEY: secret });
    expect(await home.run(['copy', '--print'])).toMatchObject({ code: 0, stdout: `${secret}\n` });
    const minted = await home.run(['temp-key', '--json']);
    expect(minted.code).toBe(0);
    expect(json(minted.stdout)).toMatchObject({ token: expect.stringMatching(/^st-/), label: 'us' });
    expect(homes.server.requests.at(-1)).toMatchObject({
      regionId: 'us-east-1',
      authorization: `Bearer ${secret}`,
    });
  });

  it('chooses the key the same way in copy, check and temp-key: --key, else the folder’s .msk.json, said once', async () => {
    const home = homes.newHome();
    const [first, bound] = [fakeKey(), fakeKey()];
    for (const secret of [first, bound]) homes.server.addKey('ap-southeast-1', secret);
    await home.run(['add', '-l', 'first', '-r', 'sg'], { input: first });
    await home.run(['add', '-l', 'bound', '-r', 'sg'], { input: bound });
    const project = path.join(home.directory, 'project');
    const deeper = path.join(project, 'src', 'app');
    mkdirSync(deeper, { recursive: true });
    writeFileSync(path.join(project, '.msk.json'), JSON.stringify({ key: 'bound' }));
    const said = "Using 'bound', bound by ../../.msk.json.\n";

    const copied = await home.run(['copy', '--print'], { cwd: deeper });
    expect(copied).toMatchObject({ code: 0, stdout: `${bound}\n`, stderr: said });

    const checked = await home.run(['check', '--json'], { cwd: deeper });
    expect(checked.code).toBe(0);
    expect(checked.stderr).toBe(said);
    expect((JSON.parse(checked.stdout) as { label: string }[]).map((result) => result.label)).toEqual([
      'bound',
    ]);

    homes.server.requests.length = 0;
    const minted = await home.run(['temp-key', '--print'], { cwd: deeper });
    expect(minted.code).toBe(0);
    expect(minted.stderr.startsWith(said)).toBe(true);
    expect(homes.server.requests.map((request) => request.authorization)).toEqual([`Bearer ${bound}`]);

    for (const command of [
      ['env', '--shell', 'json'],
      ['exec', '--', 'true'],
    ]) {
      const run = await home.run(command, { cwd: deeper });
      expect(run).toMatchObject({ code: 0, stderr: said });
    }

    // --key wins, as the positional form does, and says nothing about the file.
    expect(await home.run(['copy', '--key', 'first', '--print'], { cwd: deeper })).toMatchObject({
      code: 0,
      stdout: `${first}\n`,
      stderr: '',
    });
    const checkedFirst = await home.run(['check', '--key', 'first', '--json'], { cwd: deeper });
    expect((JSON.parse(checkedFirst.stdout) as { label: string }[])[0]?.label).toBe('first');
    expect(await home.run(['temp-key', 'first', '--key', 'bound', '--print'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: "msk: Name the key once: 'first' or --key 'bound', not both.\n",
    });
    expect(await home.run(['check', '--key', 'first', '--all'])).toMatchObject({
      code: 2,
      stderr: 'msk: Name a key or pass --all, not both.\n',
    });
  });

  // Changing a file's owner takes root: the test runs where that is possible (CI runs as root).
  it.runIf(process.getuid?.() === 0)(
    'takes no .msk.json from another user (a /tmp/.msk.json): refused, and --key still works',
    async () => {
      const home = homes.newHome();
      const secret = fakeKey();
      await home.run(['add', '-l', 'mine', '-r', 'sg'], { input: secret });
      const shared = path.join(home.directory, 'shared');
      const below = path.join(shared, 'project');
      mkdirSync(below, { recursive: true });
      const planted = path.join(shared, '.msk.json');
      writeFileSync(planted, JSON.stringify({ key: 'mine', model: 'qwen-max' }));
      chownSync(planted, 65534, 65534);
      expect(await home.run(['env', '--shell', 'json'], { cwd: below })).toMatchObject({
        code: 1,
        stdout: '',
        stderr: `msk: ${planted} belongs to another user (uid 65534), so it does not choose your key; remove it, or name the key with --key.\n`,
      });
      expect(await home.run(['copy', '--key', 'mine', '--print'], { cwd: below })).toMatchObject({
        code: 0,
        stdout: `${secret}\n`,
      });
    },
  );

  it('gives each mistake its own line: a missing folder, an unknown export, a missing backup', async () => {
    const home = homes.newHome();
    await home.run(['add', '-l', 'k', '-r', 'sg'], { input: fakeKey() });
    const missing = path.join(home.directory, 'no', 'such');

    const exported = await home.run(['tools', 'export', 'postman', '--out', path.join(missing, 'k.json')]);
    expect(exported).toMatchObject({
      code: 1,
      stderr: `msk: The folder ${missing} does not exist: create it, or write k.json somewhere else.\n`,
    });
    const unknown = await home.run(['tools', 'export', 'insomnia', '--out', 'x.json']);
    expect(unknown).toMatchObject({
      code: 2,
      stderr: "msk: Unknown export 'insomnia': postman is the one there is.\n",
    });
    const backup = await home.run(['backup', 'create', path.join(missing, 'keys.mskbackup')], {
      input: 'a long passphrase\na long passphrase\n',
    });
    expect(backup).toMatchObject({
      code: 1,
      stderr: `msk: The folder ${missing} does not exist: create it, or write keys.mskbackup somewhere else.\n`,
    });
    const restore = await home.run(['backup', 'restore', path.join(missing, 'keys.mskbackup')], {
      input: 'a long passphrase\n',
    });
    expect(restore).toMatchObject({
      code: 1,
      stderr: `msk: There is no file ${path.join(missing, 'keys.mskbackup')}: name a backup made by msk backup create.\n`,
    });
  });

  it('exits 2 on a command line it cannot read, and says so in --help', async () => {
    const home = homes.newHome();
    for (const [args, line] of [
      [['frobnicate'], "msk: unknown command 'frobnicate'\n"],
      [['list', '--bogus'], "msk: unknown option '--bogus'\n"],
      [['rename', 'only-one'], "msk: missing required argument 'new-label'\n"],
      [
        ['temp-key', '--ttl', 'soon'],
        "msk: option '--ttl <seconds>' argument 'soon' is invalid. give a number of seconds, 1 to 1800.\n",
      ],
      [['help', 'frobnicate'], "msk: Unknown command 'frobnicate'; 'msk help' lists the commands.\n"],
    ] as const) {
      expect(await home.run([...args])).toMatchObject({ code: 2, stdout: '', stderr: line });
    }
    const help = await home.run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Exit status: 0 success, 1 failure, 2 usage error/);
    expect(await home.run(['--version'])).toMatchObject({ code: 0 });
  });

  it('prints the new key’s id with add --json and the token with gateway token add --json', async () => {
    const home = homes.newHome();
    const added = await home.run(['add', '-l', 'k', '-r', 'cn', '--json'], { input: fakeKey() });
    expect(added.code).toBe(0);
    const record = json(added.stdout);
    expect(record).toMatchObject({ label: 'k', regionId: 'cn-beijing', active: true, regionActivated: true });
    const [listed] = JSON.parse((await home.run(['list', '--json'])).stdout) as { id: string }[];
    expect(record.id).toBe(listed?.id);

    const token = await home.run([
      'gateway',
      'token',
      'add',
      'chatbox',
      '--key',
      'k',
      '--model',
      'qwen-plus',
      '--json',
    ]);
    expect(token.code).toBe(0);
    expect(json(token.stdout)).toEqual({
      name: 'chatbox',
      token: expect.stringMatching(/^msk-gw-/),
      baseUrl: 'http://127.0.0.1:11480/v1',
      keyIds: [record.id],
      model: 'qwen-plus',
      requestsPerMinute: null,
    });
  });

  it('shows times in msk list in local time, to the minute', async () => {
    const home = homes.newHome();
    const secret = fakeKey();
    homes.server.addKey('ap-southeast-1', secret);
    await home.run(['add', '-l', 'k', '-r', 'sg'], { input: secret });
    await home.run(['check']);
    const [listed] = JSON.parse((await home.run(['list', '--json'])).stdout) as {
      lastCheck: { at: string };
    }[];
    // India is UTC+05:30 all year: the table's time is the ISO time moved by that.
    const local = new Date(Date.parse(listed?.lastCheck.at ?? '') + 5.5 * 3600_000).toISOString();
    const table = await home.run(['list'], { env: { TZ: 'Asia/Kolkata' } });
    expect(table.stdout).toContain(`ok, ${local.slice(0, 10)} ${local.slice(11, 16)}`);
  });
});
