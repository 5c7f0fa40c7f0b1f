// msk account keys · create-key · rotate · disable · enable · delete-key, as real processes on the
// real keychain, against the imitation of the management API whose keys work (or get 401) on the
// imitation of Model Studio at once: a new value only in the keychain (every file, output and
// argv searched), a rotation under the same local id that a client streaming through the real
// gateway does not notice, and every refusal one line with nothing changed.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commandLines, filesUnder } from '../fixtures/files-under.js';
import { keychainPart, keytar } from '../fixtures/keychain.js';
import { removeService } from '../fixtures/keytar.js';
import { freePort } from '../fixtures/free-port.js';
import {
  type AccessKey,
  type FakeModelStudioOpenApi,
  type OpenApiAccount,
  startModelStudioOpenApi,
} from '../fixtures/model-studio-openapi/server.js';
import { type FakeModelStudio, startModelStudio } from '../fixtures/model-studio-server.js';
import { MSK, type MskHome, mskHome } from '../fixtures/msk.js';
import { onTerminal, terminal } from '../fixtures/terminal.js';

const keychain = keychainPart();

interface StoredKey {
  id: string;
  label: string;
  regionId: string;
  workspaceId: string;
  fingerprint: string;
  accountKey?: { accountId: string; apiKeyId: string; workspaceId: string; rotatingSince?: string };
}

describe.runIf(keychain)('msk account keys', () => {
  let modelStudio: FakeModelStudio;
  let openapi: FakeModelStudioOpenApi;
  let home: MskHome;

  beforeAll(async () => {
    modelStudio = await startModelStudio();
    openapi = await startModelStudioOpenApi({ modelStudio });
  });
  afterAll(() => Promise.all([openapi.close(), modelStudio.close()]));
  afterEach(async () => {
    home?.remove();
    if (home) await removeService(service());
    openapi.requests.length = 0;
  });

  const service = () => home.env.MSK_KEYCHAIN_SERVICE ?? '';
  const json = (text: string) => JSON.parse(text) as unknown;
  const storedKeys = () =>
    (JSON.parse(readFileSync(path.join(home.directory, 'config.json'), 'utf8')) as { keys: StoredKey[] })
      .keys;
  const requestsOf = (action: string) => openapi.requests.filter((request) => request.action === action);

  /** A fresh home with `account` connected (its owner's AccessKey unless `pair` is given). */
  async function connected(account: OpenApiAccount, pair = account.accessKey()): Promise<MskHome> {
    home = mskHome({
      MSK_OPENAPI_ENDPOINTS: JSON.stringify(openapi.overrides),
      MSK_ENDPOINT_OVERRIDES: JSON.stringify(modelStudio.overrides),
      MSK_KEYCHAIN_SERVICE: `msk-account-keys-${randomUUID()}`,
    });
    const run = await home.run(
      ['account', 'connect', '--access-key-id', pair.accessKeyId, '--site', 'international'],
      {
        input: `${pair.accessKeySecret}\n`,
      },
    );
    expect(run.code, run.stderr).toBe(0);
    openapi.requests.length = 0;
    return home;
  }

  /** What Model Studio answers `secret` in `regionId`. */
  const statusWith = async (secret: string, regionId = 'ap-southeast-1') =>
    (
      await fetch(`${modelStudio.overrides[`dashscope:${regionId}`]}/compatible-mode/v1/models`, {
        headers: { authorization: `Bearer ${secret}` },
      })
    ).status;

  /** A new account with one workspace in Singapore (holding `keys` keys), connected here. */
  async function oneWorkspace(keys = 0, pair?: (account: OpenApiAccount) => AccessKey) {
    const account = openapi.addAccount();
    const [workspace] = account.seed('ap-southeast-1', { workspaces: 1, keysPerWorkspace: keys });
    if (!workspace) throw new Error('no workspace seeded');
    await connected(account, pair?.(account));
    return { account, workspace };
  }

  /** `msk account create-key --workspace <workspace> --label <label> …more`. */
  const createKey = (workspace: string, label: string, ...more: string[]) =>
    home.run(['account', 'create-key', '--workspace', workspace, '--label', label, ...more]);

  it('lists every key of 10 workspaces × 20 keys (and a workspace of two pages), one request a page, the workspaces at once, stored ones linked once by their mask', async () => {
    const account = openapi.addAccount();
    const seeded = account.seed('ap-southeast-1', { workspaces: 10, keysPerWorkspace: 20 });
    const [big] = account.seed('us-east-1', { workspaces: 1, keysPerWorkspace: 150 });
    await connected(account);
    // One of the keys is stored here already, typed in the old way: no workspace, no link.
    const known = account.apiKeys('ap-southeast-1').find((key) => key.workspaceId === seeded[3]?.workspaceId);
    const added = await home.run(['add', '-l', 'typed', '-r', 'ap-southeast-1', '-p', 'payg'], {
      input: known?.value ?? '',
    });
    expect(added.code, added.stderr).toBe(0);
    // And one stored from the account whose key is then deleted there.
    const doomed = account.addApiKey(seeded[0] ?? 'ap-southeast-1');
    await home.run(['add', '-l', 'doomed', '-r', 'ap-southeast-1', '-p', 'payg'], { input: doomed.value });
    openapi.latencyMs = 100;
    const first = await home.run(['account', 'keys', '--json']);
    openapi.latencyMs = 0;
    expect(first.code, first.stderr).toBe(0);
    account.deleteApiKey(doomed);

    const listing = json(first.stdout) as {
      keys: {
        apiKeyId: string;
        maskedValue: string;
        workspace: { id: string; apiHost: string };
        stored: { label: string; masked: string } | null;
        enabled: boolean;
        createdBy: string;
      }[];
    };
    expect(listing.keys).toHaveLength(200 + 150 + 1);
    // One ListWorkspaces a region, one ListApiKeys a page: 16 workspaces, the big one on two pages.
    expect(requestsOf('ListWorkspaces')).toHaveLength(5);
    expect(requestsOf('ListApiKeys')).toHaveLength(15 + 1 + 1);
    expect(requestsOf('ListApiKeys').filter((request) => request.query.nextToken !== undefined)).toHaveLength(
      1,
    );
    expect(requestsOf('ListApiKeys').every((request) => request.query.workspaceId !== undefined)).toBe(true);
    const typedRow = listing.keys.find((row) => row.apiKeyId === String(known?.apiKeyId));
    expect(typedRow).toMatchObject({
      maskedValue: `sk-ws-…${known?.value.slice(-4)}`,
      stored: { label: 'typed', masked: `sk-ws-…${known?.value.slice(-4)}` },
      enabled: true,
      workspace: { id: seeded[3]?.workspaceId, apiHost: seeded[3]?.apiHost },
    });
    expect(listing.keys.filter((row) => row.stored !== null)).toHaveLength(2);
    expect(listing.keys.filter((row) => row.workspace.id === big?.workspaceId)).toHaveLength(150);
    // The link and the workspace's own domain are remembered: nobody types llm-… again.
    const typed = storedKeys().find((key) => key.label === 'typed');
    expect(typed).toMatchObject({
      workspaceId: seeded[3]?.apiHost.split('.')[0],
      accountKey: { apiKeyId: String(known?.apiKeyId), workspaceId: seeded[3]?.workspaceId },
    });

    // The doomed key is gone from the account: flagged, in JSON and in the table.
    const again = await home.run(['account', 'keys', '--json']);
    expect((json(again.stdout) as { gone: unknown[] }).gone).toEqual([
      expect.objectContaining({ label: 'doomed', apiKeyId: String(doomed.apiKeyId) }),
    ]);
    const table = await home.run(['account', 'keys', '--workspace', seeded[3]?.workspaceName ?? '']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^ACCOUNT\s+ID\s+KEY\s+WORKSPACE\s+REGION\s+STATE/);
    expect(table.stdout.trim().split('\n')).toHaveLength(21);
    expect(table.stdout).toContain(`sk-ws-…${known?.value.slice(-4)}`);
    // The stored key's value never shows, not even the service's long mask of it.
    expect(table.stdout).not.toContain(known?.value.slice(0, 14));

    // With a second account, a workspace only one of them has is listed from that one.
    const second = openapi.addAccount();
    const [elsewhere] = second.seed('eu-central-1', { workspaces: 1, keysPerWorkspace: 2 });
    const pair = second.accessKey();
    const joined = await home.run(
      ['account', 'connect', '-n', 'second', '--access-key-id', pair.accessKeyId, '--site', 'international'],
      { input: `${pair.accessKeySecret}\n` },
    );
    expect(joined.code, joined.stderr).toBe(0);
    const fromSecond = await home.run([
      'account',
      'keys',
      '--workspace',
      elsewhere?.workspaceId ?? '',
      '--json',
    ]);
    expect(fromSecond.code, fromSecond.stderr).toBe(0);
    expect((json(fromSecond.stdout) as { keys: unknown[] }).keys).toHaveLength(2);
    const inNeither = await home.run(['account', 'keys', '--workspace', 'nowhere']);
    expect(inNeither).toMatchObject({ code: 1, stderr: expect.stringMatching(/no workspace 'nowhere'/) });
  });

  it('creates a key whose value is only in the keychain, checked at once, in its workspace', async () => {
    const { account, workspace } = await oneWorkspace();
    const made = await createKey(
      workspace.workspaceName,
      'made',
      '--models',
      'qwen-plus,qwen-max',
      '--description',
      'for the build',
      '--json',
    );
    expect(made.code, made.stderr).toBe(0);
    const summary = json(made.stdout) as { keyId: string; apiKeyId: string; check: { status: string } };
    expect(summary.check.status).toBe('ok');
    const [stored] = storedKeys();
    expect(stored).toMatchObject({
      id: summary.keyId,
      label: 'made',
      regionId: 'ap-southeast-1',
      workspaceId: workspace.apiHost.split('.')[0],
      accountKey: { apiKeyId: summary.apiKeyId, workspaceId: workspace.workspaceId },
    });
    const value = (await keytar.getPassword(service(), summary.keyId)) ?? '';
    const inAccount = account.findApiKey('ap-southeast-1', Number(summary.apiKeyId));
    expect(value).toBe(inAccount?.value);
    expect(inAccount).toMatchObject({
      description: 'for the build',
      auth: {
        type: 'Custom',
        modelAccessScope: { allowAllModels: false, accessibleModels: ['qwen-plus', 'qwen-max'] },
      },
    });
    // Sent as the SDK sends it: the scope as a form.
    expect(requestsOf('CreateApiKey')[0]?.headers['content-type']).toMatch(
      /^application\/x-www-form-urlencoded/,
    );
    // The value: in no file, no output, no command line.
    for (const { file, text } of filesUnder(home.directory)) expect(text, file).not.toContain(value);
    expect(made.stdout + made.stderr).not.toContain(value);
    const listed = await home.run(['account', 'keys']);
    expect(listed.stdout + listed.stderr).not.toContain(value);
    for (const line of commandLines()) expect(line).not.toContain(value);
    expect(await statusWith(value)).toBe(200);
  });

  it('rotates a stored key under the same id while a client streams through the gateway without a failed request', async () => {
    const { workspace } = await oneWorkspace();
    const made = await createKey(workspace.workspaceId, 'live', '--json');
    expect(made.code, made.stderr).toBe(0);
    const { keyId } = json(made.stdout) as { keyId: string };
    const old = (await keytar.getPassword(service(), keyId)) ?? '';

    const port = await freePort();
    let log = '';
    const gateway: ChildProcess = spawn(process.execPath, [MSK, 'gateway', 'run', '--port', String(port)], {
      env: { ...process.env, ...home.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    try {
      gateway.stderr?.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
      for (let waited = 0; !log.includes('Gateway on '); waited += 20) {
        if (waited > 15_000 || gateway.exitCode !== null)
          throw new Error(`the gateway did not start: ${log}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const token = (await home.run(['gateway', 'token', 'add', 'chatbox', '--key', 'live'])).stdout.trim();
      const client = new OpenAI({ apiKey: token, baseURL: `http://127.0.0.1:${port}/v1`, maxRetries: 0 });
      modelStudio.streamDelayMs = 5;
      let streaming = true;
      const failures: string[] = [];
      let answered = 0;
      const stream = async () => {
        while (streaming) {
          try {
            const chunks = await client.chat.completions.create({
              model: 'qwen-plus',
              messages: [{ role: 'user', content: 'hi' }],
              stream: true,
            });
            for await (const chunk of chunks) void chunk;
            answered += 1;
          } catch (error) {
            failures.push(String(error));
          }
        }
      };
      const streams = [stream(), stream(), stream(), stream()];
      await new Promise((resolve) => setTimeout(resolve, 300));
      const rotated = await home.run(['account', 'rotate', 'live', '--yes', '--json']);
      // A while longer, past the moment the gateway learns of the new value.
      await new Promise((resolve) => setTimeout(resolve, 500));
      streaming = false;
      await Promise.all(streams);
      modelStudio.streamDelayMs = 0;
      expect(rotated.code, rotated.stderr).toBe(0);
      expect(json(rotated.stdout)).toMatchObject({ stored: 'replaced', keyId, label: 'live' });
      expect(failures).toEqual([]);
      expect(answered).toBeGreaterThan(4);
    } finally {
      gateway.kill('SIGTERM');
      await new Promise((resolve) => gateway.once('exit', resolve));
    }

    const renewed = (await keytar.getPassword(service(), keyId)) ?? '';
    expect(renewed).not.toBe(old);
    expect(renewed).toMatch(/^sk-ws-/);
    expect(await statusWith(old)).toBe(401);
    expect(await statusWith(renewed)).toBe(200);
    const [stored] = storedKeys();
    expect(stored).toMatchObject({ id: keyId, fingerprint: renewed.slice(-4) });
    expect(stored?.accountKey?.rotatingSince).toBeUndefined();
    for (const { file, text } of filesUnder(home.directory)) {
      expect(text, file).not.toContain(renewed);
      expect(text, file).not.toContain(old);
    }
  });

  it('brings back a key whose value is lost, as a new stored key, asking first', async () => {
    const { account, workspace } = await oneWorkspace(1);
    const lost = account.apiKeys('ap-southeast-1').find((key) => key.workspaceId === workspace.workspaceId);
    const before = lost?.value ?? '';
    // No terminal to ask on, and no --yes: refused, nothing reset.
    const refused = await home.run(['account', 'rotate', String(lost?.apiKeyId)]);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringMatching(/pass --yes/) });
    expect(requestsOf('ResetApiKey')).toHaveLength(0);
    expect(lost?.value).toBe(before);

    const back = await home.run([
      'account',
      'rotate',
      String(lost?.apiKeyId),
      '--yes',
      '--label',
      'back',
      '--json',
    ]);
    expect(back.code, back.stderr).toBe(0);
    expect(json(back.stdout)).toMatchObject({ stored: 'added', label: 'back' });
    const [stored] = storedKeys();
    expect(await keytar.getPassword(service(), stored?.id ?? '')).toBe(lost?.value);
    expect(lost?.value).not.toBe(before);
    expect(stored?.accountKey?.apiKeyId).toBe(String(lost?.apiKeyId));
    expect(back.stdout + back.stderr).not.toContain(lost?.value);
  });

  it('disables and enables a key in the account, and deletes it (forgetting the stored key when asked)', async () => {
    const { account, workspace } = await oneWorkspace();
    for (const label of ['kept', 'forgotten'])
      expect((await createKey(workspace.workspaceName, label)).code).toBe(0);
    const value = (label: string) =>
      keytar.getPassword(service(), storedKeys().find((key) => key.label === label)?.id ?? '');
    const kept = (await value('kept')) ?? '';

    expect(await home.run(['account', 'disable', 'kept'])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/pass --yes/),
    });
    const disabled = await home.run(['account', 'disable', 'kept', '--yes', '--json']);
    expect(disabled.code, disabled.stderr).toBe(0);
    expect(json(disabled.stdout)).toMatchObject({ enabled: false });
    expect(await statusWith(kept)).toBe(401);
    const twice = await home.run(['account', 'disable', 'kept', '--yes']);
    expect(twice).toMatchObject({ code: 1, stderr: expect.stringMatching(/disabled already/) });
    expect((await home.run(['account', 'enable', 'kept', '--yes'])).code).toBe(0);
    expect(await statusWith(kept)).toBe(200);

    const deleted = await home.run(['account', 'delete-key', 'kept', '--yes', '--json']);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(json(deleted.stdout)).toMatchObject({ deleted: true, forgotten: null });
    expect(await statusWith(kept)).toBe(401);
    expect(storedKeys().map((key) => key.label)).toEqual(['kept', 'forgotten']);
    const listing = json((await home.run(['account', 'keys', '--json'])).stdout) as {
      gone: { label: string }[];
    };
    expect(listing.gone.map((gone) => gone.label)).toEqual(['kept']);

    const forgottenId = storedKeys().find((key) => key.label === 'forgotten')?.id ?? '';
    const forgot = await home.run(['account', 'delete-key', 'forgotten', '--yes', '--forget', '--json']);
    expect(forgot.code, forgot.stderr).toBe(0);
    expect(json(forgot.stdout)).toMatchObject({ deleted: true, forgotten: 'forgotten' });
    expect(storedKeys().map((key) => key.label)).toEqual(['kept']);
    expect(await keytar.getPassword(service(), forgottenId)).toBeNull();
    expect(
      account.apiKeys('ap-southeast-1').filter((key) => key.workspaceId === workspace.workspaceId),
    ).toHaveLength(0);
  });

  it.runIf(terminal)(
    'asks at a terminal: a rotation declined changes nothing; a deletion offers to forget the stored key',
    async () => {
      const { account, workspace } = await oneWorkspace();
      expect((await createKey(workspace.workspaceName, 'asked')).code).toBe(0);
      const [stored] = storedKeys();
      const value = await keytar.getPassword(service(), stored?.id ?? '');

      const declined = await onTerminal(home, ['account', 'rotate', 'asked'], ['n\r']);
      expect(declined.code).toBe(0);
      expect(declined.screen).toMatch(/Reset key \d+ \('asked'\) of workspace '.+' \(ap-southeast-1\)\?/);
      expect(declined.screen).toContain('Nothing was changed.');
      expect(requestsOf('ResetApiKey')).toHaveLength(0);
      expect(await keytar.getPassword(service(), stored?.id ?? '')).toBe(value);

      const deleted = await onTerminal(home, ['account', 'delete-key', 'asked'], ['y\r', 'y\r']);
      expect(deleted.code, deleted.screen).toBe(0);
      expect(deleted.screen).toContain("Forget 'asked' here too?");
      expect(deleted.screen).toContain("Forgot 'asked' here.");
      expect(storedKeys()).toEqual([]);
      expect(account.apiKeys()).toHaveLength(0);
    },
  );

  it('refuses clearly, changing nothing: a permission missing, a workspace that does not exist, a 10,000-character description, an ambiguous reference', async () => {
    const { account, workspace } = await oneWorkspace(1, (owner) =>
      owner.accessKey({ ramUser: 'reader', deny: ['modelstudio:CreateApiKey'] }),
    );
    const keysBefore = account.apiKeys().length;

    const denied = await createKey(workspace.workspaceName, 'x');
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(/CreateApiKey.*modelstudio:CreateApiKey/);
    expect(denied.stderr.trim().split('\n')).toHaveLength(1);

    openapi.requests.length = 0;
    const nowhere = await createKey('nowhere', 'x');
    expect(nowhere).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^msk: The account has no workspace 'nowhere'.*msk account workspaces/),
    });
    expect(requestsOf('CreateApiKey')).toHaveLength(0);

    openapi.requests.length = 0;
    const long = await createKey(workspace.workspaceName, 'x', '--description', 'd'.repeat(10_000));
    expect(long).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/at most 256 characters \(this one has 10000\)/),
    });
    expect(openapi.requests).toHaveLength(0);

    const models = Array.from({ length: 101 }, (_, index) => `model-${index}`).join(',');
    const tooMany = await createKey(workspace.workspaceName, 'x', '--models', models);
    expect(tooMany).toMatchObject({ code: 1, stderr: expect.stringMatching(/at most 100 models/) });
    expect(openapi.requests).toHaveLength(0);

    // A label of digits that could be an account key's id: refused, with the way out.
    const [seededKey] = account
      .apiKeys('ap-southeast-1')
      .filter((key) => key.workspaceId === workspace.workspaceId);
    await home.run(['add', '-l', String(seededKey?.apiKeyId), '-r', 'ap-southeast-1', '-p', 'payg'], {
      input: account.addApiKey('ap-southeast-1').value,
    });
    const ambiguous = await home.run(['account', 'disable', String(seededKey?.apiKeyId), '--yes']);
    expect(ambiguous).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/could be an account key's id.*msk rename/),
    });
    expect(seededKey?.disabled).toBe(false);

    const unknown = await home.run(['account', 'delete-key', '99999999', '--yes']);
    expect(unknown).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/No connected account has a key 99999999.*msk account keys/),
    });
    expect(account.apiKeys().length).toBe(keysBefore + 1);
    expect(storedKeys()).toHaveLength(1);
  });
});
