// msk account connect · status · workspaces · disconnect, as real processes on the real keychain,
// against the imitation of Model Studio's management OpenAPI (its signatures checked, its
// refusals as the service's): an AccessKey's secret only in the keychain, an aliyun CLI profile
// used where it is, every refusal one line that says what to do, and nothing stored on one.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { accountTestbed } from '../fixtures/account-testbed.js';
import { filesUnder } from '../fixtures/files-under.js';
import { freePort } from '../fixtures/free-port.js';
import { keychainPart, keytar } from '../fixtures/keychain.js';
import { removeService } from '../fixtures/keytar.js';
import type { FakeModelStudioOpenApi } from '../fixtures/model-studio-openapi/server.js';
import type { MskHome } from '../fixtures/msk.js';

const keychain = keychainPart();

describe.runIf(keychain)('msk account', () => {
  const bed = accountTestbed();
  let openapi: FakeModelStudioOpenApi;
  let home: MskHome;
  beforeAll(() => void ({ openapi } = bed));
  // A keychain service of its own per home: what a test looks for there is its own.
  const newHome = () => (home = bed.newHome());
  const service = () => bed.service();
  const json = (text: string) => JSON.parse(text) as unknown;

  it('connects an AccessKey pair read from stdin, keeps the secret in the keychain only, and lists every workspace', async () => {
    newHome();
    const account = openapi.addAccount({ site: 'china' });
    const pair = account.accessKey({ ramUser: 'msk' });
    const seeded = account.seed('cn-beijing', { workspaces: 10, keysPerWorkspace: 20 });

    const connected = await home.run(
      ['account', 'connect', '--name', 'work', '--access-key-id', pair.accessKeyId, '--json'],
      { input: `${pair.accessKeySecret}\n` },
    );
    expect(connected.code, connected.stderr).toBe(0);
    expect(json(connected.stdout)).toMatchObject({
      name: 'work',
      site: 'china',
      siteAssumed: false,
      workspaces: 15,
    });

    // The secret: in the keychain, under the account's own item; in no file, no output.
    const config = JSON.parse(readFileSync(path.join(home.directory, 'config.json'), 'utf8')) as {
      accounts: { id: string; credential: unknown }[];
    };
    const [stored] = config.accounts;
    expect(stored?.credential).toEqual({ kind: 'access-key', accessKeyId: pair.accessKeyId });
    expect(await keytar.getPassword(service(), `account:${stored?.id}`)).toBe(pair.accessKeySecret);
    for (const { file, text } of filesUnder(home.directory))
      expect(text, file).not.toContain(pair.accessKeySecret);
    expect(connected.stdout + connected.stderr).not.toContain(pair.accessKeySecret);
    // msk doctor knows the item for the account's: no orphan, nothing to adopt.
    const doctor = json((await home.run(['doctor', '--json'])).stdout) as {
      findings: { check: string; health: string }[];
    };
    expect(doctor.findings).toContainEqual(expect.objectContaining({ check: 'orphans', health: 'ok' }));

    openapi.requests.length = 0;
    const listed = await home.run(['account', 'workspaces', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    const rows = json(listed.stdout) as {
      workspaceId: string;
      regionId: string;
      accountKeys: number;
      apiHost: string;
    }[];
    // A default workspace in each of the five regions, and the ten seeded in Beijing.
    expect(rows).toHaveLength(15);
    for (const workspace of seeded) {
      expect(rows).toContainEqual(
        expect.objectContaining({
          workspaceId: workspace.workspaceId,
          regionId: 'cn-beijing',
          apiHost: workspace.apiHost,
          accountKeys: 20,
        }),
      );
    }
    // One request per page: the workspaces of a region in one page, a key count in one call each.
    const byAction = (action: string) =>
      openapi.requests.filter((request) => request.action === action).length;
    expect(byAction('ListWorkspaces')).toBe(5);
    expect(byAction('ListApiKeys')).toBe(15);

    const table = await home.run(['account', 'workspaces']);
    expect(table.stdout).toMatch(/^ACCOUNT\s+WORKSPACE\s+ID\s+REGION\s+DOMAIN\s+KEYS\s+STORED HERE\n/);

    const gone = await home.run(['account', 'disconnect', 'work', '--yes']);
    expect(gone).toMatchObject({ code: 0, stderr: "Disconnected 'work'. Its keys stored here stay.\n" });
    expect(await keytar.getPassword(service(), `account:${stored?.id}`)).toBeNull();
    expect(await home.run(['account', 'status'])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^msk: No Alibaba Cloud account is connected here yet; connect one with/),
    });
  });

  it('uses an aliyun CLI profile where it is, and says what its permissions allow', async () => {
    const account = openapi.addAccount({ site: 'international' });
    const pair = account.accessKey({ ramUser: 'reader', deny: ['modelstudio:GetBillingOverview'] });
    newHome();
    const profileHome = path.join(home.directory, 'home');
    mkdirSync(path.join(profileHome, '.aliyun'), { recursive: true });
    writeFileSync(
      path.join(profileHome, '.aliyun', 'config.json'),
      JSON.stringify({
        current: 'default',
        profiles: [
          { name: 'default', mode: 'AK', access_key_id: 'LTAIunused000000', access_key_secret: 'unused' },
          {
            name: 'work',
            mode: 'AK',
            access_key_id: pair.accessKeyId,
            access_key_secret: pair.accessKeySecret,
          },
        ],
      }),
    );
    const env = { HOME: profileHome };
    const connected = await home.run(['account', 'connect', '--profile', 'work', '--json'], { env });
    expect(connected.code, connected.stderr).toBe(0);
    // The bill could not be read: the site is assumed, and said.
    expect(json(connected.stdout)).toMatchObject({
      name: 'default',
      site: 'international',
      siteAssumed: true,
    });
    expect(readFileSync(path.join(home.directory, 'config.json'), 'utf8')).not.toContain(
      pair.accessKeySecret,
    );

    const status = await home.run(['account', 'status', '--json'], { env });
    expect(status.code, status.stderr).toBe(0);
    expect(json(status.stdout)).toEqual([
      expect.objectContaining({
        name: 'default',
        credential: "aliyun CLI profile 'work'",
        permissions: [
          expect.objectContaining({ what: 'workspaces', allowed: true }),
          expect.objectContaining({ what: 'keys', allowed: true }),
          expect.objectContaining({
            what: 'spend',
            allowed: false,
            reason: 'permission',
            message: expect.stringMatching(/modelstudio:GetBillingOverview/),
          }),
          expect.objectContaining({ what: 'balance', action: 'bssapi:QueryAccountBalance', allowed: true }),
        ],
        policy: expect.objectContaining({
          Statement: [
            expect.objectContaining({ Action: expect.arrayContaining(['modelstudio:CreateApiKey']) }),
          ],
        }),
      }),
    ]);
    const plain = await home.run(['account', 'status'], { env });
    expect(plain.stdout).toMatch(/spend\tnot allowed: .*modelstudio:GetBillingOverview/);
    expect(plain.stderr).toMatch(/A RAM user with this policy may do everything msk does/);
  });

  it('explains each refusal in one line and stores nothing', async () => {
    const account = openapi.addAccount({ site: 'international' });
    const pair = account.accessKey();
    const cases: { name: string; args: string[]; input: string; before?: () => void; line: RegExp }[] = [
      {
        name: 'an unknown AccessKey',
        args: ['--access-key-id', 'LTAI5tNoSuchKey000000000'],
        input: pair.accessKeySecret,
        line: /^msk: Alibaba Cloud does not know this AccessKey ID/,
      },
      {
        name: 'a secret that does not sign',
        args: ['--access-key-id', pair.accessKeyId],
        input: 'not-the-secret-at-all-000000000',
        line: /^msk: The AccessKey secret does not match its ID/,
      },
      {
        name: 'a clock half an hour off',
        args: ['--access-key-id', pair.accessKeyId],
        input: pair.accessKeySecret,
        before: () => void (openapi.clockSkewMs = 30 * 60_000),
        line: /^msk: The signature carries this computer's time/,
      },
      {
        name: 'an AccessKey ID that is none',
        args: ['--access-key-id', 'not an id'],
        input: pair.accessKeySecret,
        line: /^msk: That is not an AccessKey ID/,
      },
    ];
    for (const { name, args, input, before, line } of cases) {
      newHome();
      before?.();
      const refused = await home.run(['account', 'connect', ...args], { input });
      expect(refused.code, name).toBe(1);
      expect(refused.stderr, name).toMatch(line);
      expect(refused.stderr.split('\n').filter(Boolean), name).toHaveLength(1);
      expect(refused.stderr, name).not.toContain(pair.accessKeySecret);
      expect(
        (await keytar.findCredentials(service())).map((item) => item.account),
        name,
      ).not.toEqual(expect.arrayContaining([expect.stringMatching(/^account:/)]));
      openapi.clockSkewMs = 0;
      home.remove();
      await removeService(service());
    }
    newHome();
    expect(await home.run(['account', 'connect', '--chain', '--profile', 'x'])).toMatchObject({
      code: 2,
      stderr: 'msk: Connect one way: --access-key-id <id>, --profile <name> or --chain.\n',
    });
  });

  it('says when Model Studio is not activated in a region, and when Alibaba Cloud cannot be reached', async () => {
    newHome();
    const account = openapi.addAccount({ site: 'international' });
    account.deactivate('eu-central-1');
    const pair = account.accessKey();
    const connected = await home.run(
      ['account', 'connect', '--access-key-id', pair.accessKeyId, '--site', 'international'],
      { input: pair.accessKeySecret },
    );
    expect(connected.code, connected.stderr).toBe(0);
    // Listing passes over the region; creating a workspace there says why it cannot.
    const listed = await home.run(['account', 'workspaces', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    const refused = await home.run([
      'account',
      'create-workspace',
      '--name',
      'ml',
      '--region',
      'eu-central-1',
    ]);
    expect(refused).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^msk: Model Studio is not activated for this account in eu-central-1/),
    });
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);

    // Nobody answering: one line, and nothing stored.
    newHome();
    const port = await freePort();
    const closed = Object.fromEntries(
      [...Object.keys(openapi.overrides)].map((name) => [name, `http://127.0.0.1:${port}`]),
    );
    const offline = await home.run(['account', 'connect', '--access-key-id', pair.accessKeyId], {
      input: pair.accessKeySecret,
      env: { MSK_OPENAPI_ENDPOINTS: JSON.stringify(closed) },
    });
    expect(offline).toMatchObject({ code: 1, stderr: expect.stringMatching(/could not be reached/) });
    expect(offline.stderr.trim().split('\n')).toHaveLength(1);
    expect(offline.stderr).not.toContain(pair.accessKeySecret);
    expect((await keytar.findCredentials(service())).map((item) => item.account)).toEqual([]);
  });

  it('waits out throttling a few times, then answers', async () => {
    newHome();
    const account = openapi.addAccount({ site: 'international' });
    const pair = account.accessKey();
    const connected = await home.run(
      ['account', 'connect', '--access-key-id', pair.accessKeyId, '--site', 'international'],
      {
        input: pair.accessKeySecret,
      },
    );
    expect(connected.code, connected.stderr).toBe(0);
    openapi.throttle(2);
    const listed = await home.run(['account', 'workspaces', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(openapi.requests.filter((request) => request.code === 'Throttling.User')).toHaveLength(2);
  });
});
