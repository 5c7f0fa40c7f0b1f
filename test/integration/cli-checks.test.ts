// msk check · detect · move · temp-key · add without --region, as real processes on the real
// keychain, against the local Model Studio imitation.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { keychainPart, keytar, testKeychainService } from '../fixtures/keychain.js';
import { type FakeModelStudio, startModelStudio } from '../fixtures/model-studio-server.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { type MskHome, mskHome } from '../fixtures/msk.js';

const keychain = keychainPart();

describe.runIf(keychain)('msk checks', () => {
  let server: FakeModelStudio;
  let home: MskHome;

  beforeAll(async () => {
    server = await startModelStudio();
  });
  afterAll(() => server.close());
  afterEach(() => {
    home?.remove();
    server.fault = undefined;
    server.codingAgentsOnly = false;
    server.requests.length = 0;
  });

  const newHome = () => (home = mskHome({ MSK_ENDPOINT_OVERRIDES: JSON.stringify(server.overrides) }));
  const listed = async () =>
    JSON.parse((await home.run(['list', '--json'])).stdout) as {
      id: string;
      label: string;
      regionId: string;
      lastCheck: { status: string } | null;
    }[];

  it('checks every key, prints JSON, and exits non-zero unless all are ok', async () => {
    newHome();
    const good = fakeKey();
    const misplaced = fakeKey();
    server.addKey('ap-southeast-1', good);
    server.addKey('us-east-1', misplaced);
    await home.run(['add', '-l', 'good', '-r', 'sg'], { input: good });
    await home.run(['add', '-l', 'misplaced', '-r', 'sg'], { input: misplaced });

    const run = await home.run(['check', '--all', '--json']);
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout);
    expect(results).toEqual([
      {
        keyId: expect.any(String),
        label: 'good',
        regionId: 'ap-southeast-1',
        plan: 'payg',
        status: 'ok',
        httpStatus: 200,
        latencyMs: expect.any(Number),
        modelCount: 6,
        suggestedRegionId: null,
        suggestedPlan: null,
        message: 'OK: 6 models available.',
        at: expect.any(String),
      },
      expect.objectContaining({
        label: 'misplaced',
        status: 'wrong-region',
        httpStatus: 401,
        suggestedRegionId: 'us-east-1',
      }),
    ]);
    expect(run.stderr).toBe("'misplaced' works in US (Virginia): msk move misplaced us-east-1\n");
    expect(run.stdout + run.stderr).not.toContain(good);
    expect((await listed()).map((entry) => entry.lastCheck?.status)).toEqual(['ok', 'wrong-region']);

    expect((await home.run(['move', 'misplaced', 'us-east-1'])).stderr).toBe(
      "Moved 'misplaced' to US (Virginia) (Pay-as-you-go).\n",
    );
    const again = await home.run(['check', '--all']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^LABEL\s+REGION\s+PLAN\s+STATUS\s+HTTP\s+LATENCY\s+MODELS\s+MESSAGE\n/);
    expect(again.stdout).toMatch(
      /misplaced\s+US \(Virginia\)\s+Pay-as-you-go\s+ok\s+200\s+\d+ ms\s+6\s+OK: 6 models available\./,
    );
  });

  it('checks the other keys when one has lost its keychain item, and says which', async () => {
    newHome();
    const kept = fakeKey();
    server.addKey('ap-southeast-1', kept);
    await home.run(['add', '-l', 'kept', '-r', 'sg'], { input: kept });
    await home.run(['add', '-l', 'lost', '-r', 'sg'], { input: fakeKey() });
    const lost = (await listed()).find((entry) => entry.label === 'lost');
    await keytar.deletePassword(testKeychainService(), lost?.id ?? '');
    const run = await home.run(['check', '--all', '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([expect.objectContaining({ label: 'kept', status: 'ok' })]);
    expect(run.stderr).toMatch(/^msk: 'lost' not checked: The keychain has no secret for 'lost'/);
  });

  it('checks the active key by default', async () => {
    newHome();
    const secret = fakeKey();
    server.addKey('cn-beijing', secret, 'model-denied');
    await home.run(['add', '-l', 'sub', '-r', 'cn'], { input: secret });
    await home.run(['use', 'sub']);
    const run = await home.run(['check', '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([
      expect.objectContaining({ label: 'sub', status: 'model-denied', httpStatus: 403 }),
    ]);
  });

  it('reports a hanging service as a timeout within the bound it was given', async () => {
    newHome();
    const secret = fakeKey();
    server.addKey('ap-southeast-1', secret);
    await home.run(['add', '-l', 'k', '-r', 'sg'], { input: secret });
    server.fault = { kind: 'hang' };
    const started = Date.now();
    const run = await home.run(['check', 'k', '--timeout', '1', '--json']);
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([
      expect.objectContaining({
        status: 'timeout',
        httpStatus: null,
        message: expect.stringMatching(/within 1 s/),
      }),
    ]);
  });

  it('detects the region when add has none, and stores nothing no region accepts', async () => {
    newHome();
    const secret = fakeKey();
    server.addKey('cn-hongkong', secret);
    const added = await home.run(['add', '-l', 'hk-key'], { input: secret });
    expect(added.code).toBe(0);
    expect(added.stderr).toMatch(
      /^Detected China \(Hong Kong\) \(Pay-as-you-go\)\.\nStored 'hk-key' .* for China \(Hong Kong\)/,
    );
    expect((await listed()).map((entry) => entry.regionId)).toEqual(['cn-hongkong']);

    const refused = await home.run(['add', '-l', 'nobody'], { input: fakeKey() });
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toMatch(/^msk: No region accepts this key/);
    const plan = await home.run(['add', '-l', 'plan'], { input: fakeKey('plan') });
    expect(plan.stderr).toBe(
      'msk: No region accepts this key (the Coding Plan in Singapore, the Coding Plan in China (Beijing), the Token Plan in Singapore, the Token Plan in China (Beijing) all answered 401): it was deleted, mistyped, or its RAM user was disabled.\n',
    );
    expect((await listed()).map((entry) => entry.label)).toEqual(['hk-key']);
  });

  it('detect prints the region id, or explains why not', async () => {
    newHome();
    const secret = fakeKey();
    server.addKey('us-east-1', secret, 'quota');
    expect(await home.run(['detect'], { input: secret })).toMatchObject({
      code: 0,
      stdout: 'us-east-1\n',
      stderr: expect.stringMatching(
        /^The key belongs to US \(Virginia\) \(Pay-as-you-go\)\.\nwarning: The key is valid, but the account's quota .*\n$/,
      ),
    });
    const token = fakeKey('plan');
    server.addKey('cn-beijing', token, { plan: 'token' });
    const plan = await home.run(['detect'], { input: token });
    expect(plan).toMatchObject({ code: 0, stdout: 'cn-beijing\n' });
    expect(plan.stderr).toMatch(
      /^This is a subscription plan key .*\nThe key belongs to China \(Beijing\) \(Token Plan\)\.\n$/,
    );
    expect(
      JSON.parse(
        (await home.run(['detect', '--json', '--plan', 'token', '-r', 'cn'], { input: token })).stdout,
      ),
    ).toEqual({
      plan: 'token',
      regionId: 'cn-beijing',
      status: 'ok',
      message: 'The key belongs to China (Beijing) (Token Plan).',
      detail: null,
    });
    expect((await home.run(['detect'], { input: 'st-0123456789abcdef' })).stderr).toMatch(
      /^msk: That is a temporary key/,
    );
    expect((await home.run(['detect'], { input: fakeKey() })).code).toBe(1);
  });

  it('adds a Token Plan key where it works, and points a misfiled plan key at its plan', async () => {
    newHome();
    const token = fakeKey('plan');
    server.addKey('ap-southeast-1', token, { plan: 'token' });
    // With a region named, only the plan is asked: Singapore's Coding and Token Plan endpoints.
    const added = await home.run(['add', '-l', 'token', '-r', 'sg'], { input: token });
    expect(added.stderr).toMatch(
      /^Detected Singapore \(Token Plan\)\.\nStored 'token' .* for Singapore \(Token Plan\)/,
    );
    expect(new Set(server.requests.map((request) => request.regionId))).toEqual(new Set(['ap-southeast-1']));

    const misfiled = fakeKey('plan');
    server.addKey('cn-beijing', misfiled, { plan: 'token' });
    const stored = await home.run(['add', '-l', 'misfiled', '-r', 'cn', '--plan', 'coding'], {
      input: misfiled,
    });
    expect(stored.code).toBe(0);
    const run = await home.run(['check', 'misfiled', '--json']);
    expect(JSON.parse(run.stdout)).toEqual([
      expect.objectContaining({
        status: 'wrong-plan',
        plan: 'coding',
        suggestedRegionId: 'cn-beijing',
        suggestedPlan: 'token',
      }),
    ]);
    expect(run.stderr).toBe(
      "'misfiled' works in China (Beijing) (Token Plan): msk move misfiled cn-beijing --plan token\n",
    );
    expect((await home.run(['move', 'misfiled', 'cn-beijing', '--plan', 'token'])).stderr).toBe(
      "Moved 'misfiled' to China (Beijing) (Token Plan).\n",
    );
    expect((await home.run(['check', 'misfiled'])).code).toBe(0);
  });

  it('does not fail a check the Coding Plan would not answer, and says why', async () => {
    newHome();
    const coding = fakeKey('plan');
    server.addKey('cn-beijing', coding, { plan: 'coding' });
    await home.run(['add', '-l', 'coding', '-r', 'cn', '--plan', 'coding'], { input: coding });
    server.codingAgentsOnly = true;
    const run = await home.run(['check', 'coding', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      expect.objectContaining({
        status: 'unverified',
        httpStatus: 405,
        message: expect.stringMatching(/coding agents only/),
      }),
    ]);
  });

  it('moves a key to Tokyo with the workspace id Tokyo needs', async () => {
    newHome();
    const secret = fakeKey('workspace');
    server.addKey('ap-northeast-1', secret, { workspaceId: 'llm-tokyo123' });
    await home.run(['add', '-l', 'k', '-r', 'sg'], { input: secret });
    const without = await home.run(['move', 'k', 'jp']);
    expect(without).toMatchObject({ code: 1 });
    expect(without.stderr).toMatch(/^msk: Japan \(Tokyo\) is reached only through workspace domains/);
    expect((await home.run(['move', 'k', 'jp', '--workspace', 'llm-tokyo123'])).stderr).toBe(
      "Moved 'k' to Japan (Tokyo) (Pay-as-you-go).\n",
    );
    expect(JSON.parse((await home.run(['check', 'k', '--json'])).stdout)).toEqual([
      expect.objectContaining({ status: 'ok' }),
    ]);
  });

  it('warns about what the owner said when add detects the region', async () => {
    newHome();
    const secret = fakeKey();
    server.addKey('us-east-1', secret, 'arrears');
    const added = await home.run(['add', '-l', 'owing'], { input: secret });
    expect(added.code).toBe(0);
    expect(added.stderr).toMatch(
      /^Detected US \(Virginia\) \(Pay-as-you-go\)\.\nwarning: The key is valid, but the account is in arrears/,
    );
  });

  it('stores a plan key with a region even when nothing answers for its plan, and says so', async () => {
    newHome();
    const added = await home.run(['add', '-l', 'coding', '-r', 'cn'], { input: fakeKey('plan') });
    expect(added.code).toBe(0);
    expect(added.stderr).toMatch(
      /^warning: Could not tell the key's plan \(No region accepts this key .*\) Storing it as a Coding Plan key; pass --plan to choose another\.\n/,
    );
    expect((await listed()).map((entry) => entry.label)).toEqual(['coding']);
  });

  it('lists every endpoint of every plan with regions --all, and as JSON', async () => {
    newHome();
    const all = await home.run(['regions', '--all'], { env: { MSK_ENDPOINT_OVERRIDES: undefined } });
    expect(all.stdout).toMatch(
      /^REGION\s+PLAN\s+DOMAIN\s+OPENAI-COMPATIBLE\s+ANTHROPIC-COMPATIBLE\s+NATIVE\n/,
    );
    expect(all.stdout).toMatch(
      /ap-southeast-1\s+Token Plan\s+token\s+https:\/\/token-plan\.ap-southeast-1\.maas\.aliyuncs\.com\/compatible-mode\/v1\s+\S+\s+-\n/,
    );
    expect(all.stdout).toMatch(
      /cn-beijing\s+Pay-as-you-go\s+trial\s+https:\/\/trial\.cn-beijing\.maas\.aliyuncs\.com\/compatible-mode\/v1/,
    );
    expect(all.stdout).toMatch(
      /eu-central-1\s+Pay-as-you-go\s+workspace\s+https:\/\/\{workspaceId\}\.eu-central-1\.maas\.aliyuncs\.com/,
    );
    expect(all.stderr).toMatch(/^Source: Base URL overview \(updated 2026-10-11\), https:\/\//);
    const json = JSON.parse(
      (await home.run(['regions', '--json'], { env: { MSK_ENDPOINT_OVERRIDES: undefined } })).stdout,
    );
    expect(json).toContainEqual(
      expect.objectContaining({
        regionId: 'ap-southeast-1',
        plan: 'coding',
        compatible: 'https://coding-intl.dashscope.aliyuncs.com/v1',
        native: null,
      }),
    );
    const table = (await home.run(['regions'], { env: { MSK_ENDPOINT_OVERRIDES: undefined } })).stdout;
    expect(table).toMatch(
      /ap-southeast-1\s+Singapore\s+sg, singapore, intl\s+Pay-as-you-go, Coding Plan, Token Plan\s+https:\/\/dashscope-intl/,
    );
    expect(table).toMatch(
      /ap-northeast-1\s+Japan \(Tokyo\)\s+jp, tokyo, japan\s+Pay-as-you-go\s+https:\/\/\{workspaceId\}\.ap-northeast-1/,
    );
  });

  it('temp-key prints a temporary key, and checks its lifetime before sending anything', async () => {
    newHome();
    const secret = fakeKey();
    server.addKey('ap-southeast-1', secret);
    await home.run(['add', '-l', 'k', '-r', 'sg'], { input: secret });
    server.requests.length = 0;
    const minted = await home.run(['temp-key', 'k', '--ttl', '300', '--print']);
    expect(minted.code).toBe(0);
    expect(minted.stdout).toMatch(/^st-[0-9a-f]{32}\n$/);
    expect(minted.stderr).toMatch(/^Temporary key for 'k', valid 300 s \(until .+\)\.\n$/);
    expect(server.requests.map((request) => request.path)).toEqual(['/api/v1/tokens?expire_in_seconds=300']);

    server.requests.length = 0;
    const tooLong = await home.run(['temp-key', 'k', '--ttl', '1801', '--print']);
    expect(tooLong).toMatchObject({ code: 2, stdout: '' });
    expect(tooLong.stderr).toMatch(
      /^msk: option '--ttl <seconds>' argument '1801' is invalid\. A temporary key lives 1 to 1800/,
    );
    expect(server.requests).toEqual([]);
  });
});
