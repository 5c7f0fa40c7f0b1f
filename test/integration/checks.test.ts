// The checker, region detection and temporary keys against the local Model Studio imitation:
// real HTTP on 127.0.0.1, real config files; secrets in a fake of our own SecretStore port.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CheckRunner } from '../../main/core/actions/checks.js';
import { Checks, type ChecksOptions } from '../../main/core/calls/key-checks.js';
import { ModelStudioClient } from '../../main/core/model-studio/client.js';
import { endpointCatalog } from '../../main/core/model-studio/regions.js';
import { createServices, type Services } from '../../main/core/keys/services.js';
import { mintTemporaryKey } from '../../main/core/calls/temporary-keys.js';
import type { Plan } from '../../main/core/model-studio/catalog.js';
import {
  type FakeModelStudio,
  type KeyBehaviour,
  type KeyOptions,
  MODELS,
  startModelStudio,
} from '../fixtures/model-studio-server.js';
import { MemorySecretStore } from '../fixtures/memory-secret-store.js';
import { fakeKey } from '../fixtures/fake-keys.js';

let server: FakeModelStudio;
let home: string;
let services: Services;
const waits: number[] = [];
/** Records the Retry-After waits instead of sleeping through them. */
const checksOptions: ChecksOptions = { sleep: async (ms) => void waits.push(ms) };

beforeAll(async () => {
  server = await startModelStudio();
});
afterAll(() => server.close());
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
  server.fault = undefined;
  server.codingAgentsOnly = false;
  server.latencyMs = 0;
  server.requests.length = 0;
  waits.length = 0;
});

function freshServices(overrides: Record<string, string> = server.overrides): Services {
  home = mkdtempSync(path.join(os.tmpdir(), 'msk-checks-'));
  services = createServices(
    { dataDirectory: home, keychainService: 'unused', endpointOverrides: overrides },
    new MemorySecretStore(),
  );
  return services;
}

/** Overrides that point every region at a port where nothing listens. */
async function unreachable(): Promise<Record<string, string>> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return Object.fromEntries(
    Object.keys(server.overrides).map((id) => [id, `http://127.0.0.1:${port}/${id}`]),
  );
}

/** Stores a key labelled `label` in `storedIn`; the service knows it in `ownedBy` (if at all). */
async function storedKey(
  label: string,
  storedIn: string,
  ownedBy: string | undefined,
  behaviour?: KeyBehaviour | KeyOptions,
  secret = fakeKey(),
  stored: { plan?: Plan; workspaceId?: string } = {},
) {
  if (ownedBy) server.addKey(ownedBy, secret, behaviour);
  await services.vault.add({ secret, label, regionId: storedIn, ...stored });
  return secret;
}

describe('check', () => {
  it.each([
    ['ok', 'ok', 200],
    ['workspace-denied', 'workspace-denied', 403],
    ['model-denied', 'model-denied', 403],
    ['quota', 'quota', 403],
    ['quota-429', 'quota', 429],
    ['server-error', 'server-error', 500],
  ] as const)('a key the service answers with %s is %s', async (behaviour, status, httpStatus) => {
    freshServices();
    await storedKey('k', 'sg', 'ap-southeast-1', behaviour);
    const result = await new Checks(services, checksOptions).check('k');
    expect(result).toMatchObject({
      label: 'k',
      regionId: 'ap-southeast-1',
      status,
      httpStatus,
      suggestedRegionId: null,
    });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('counts the models and records the check on the key', async () => {
    freshServices();
    await storedKey('k', 'sg', 'ap-southeast-1');
    const result = await new Checks(services, checksOptions).check('k');
    expect(result.modelCount).toBe(MODELS.length);
    const [record] = await services.vault.list();
    expect(record?.lastCheck).toEqual({
      status: 'ok',
      httpStatus: 200,
      latencyMs: result.latencyMs,
      modelCount: MODELS.length,
      models: MODELS,
      at: result.at,
    });
  });

  it('calls a key no region knows invalid, asking every region once and its own only once', async () => {
    freshServices();
    await storedKey('k', 'us', undefined);
    const result = await new Checks(services, checksOptions).check('k');
    expect(result).toMatchObject({ status: 'invalid-key', httpStatus: 401, suggestedRegionId: null });
    expect(server.requests.map((request) => `${request.family}:${request.regionId}`).sort()).toEqual([
      'dashscope:ap-southeast-1',
      'dashscope:cn-beijing',
      'dashscope:cn-hongkong',
      'dashscope:us-east-1',
    ]);
    expect(waits).toEqual([]);
  });

  it('finds the region a key really belongs to', async () => {
    freshServices();
    await storedKey('k', 'sg', 'cn-beijing');
    const result = await new Checks(services, checksOptions).check('k');
    expect(result).toMatchObject({
      status: 'wrong-region',
      httpStatus: 401,
      suggestedRegionId: 'cn-beijing',
      message: 'This key belongs to China (Beijing), not Singapore: move it there.',
    });
    await services.vault.edit('k', { regionId: result.suggestedRegionId ?? '' });
    expect((await new Checks(services, checksOptions).check('k')).status).toBe('ok');
  });

  it('counts a quota refusal elsewhere as ownership', async () => {
    freshServices();
    await storedKey('k', 'sg', 'us-east-1', 'quota');
    expect(await new Checks(services, checksOptions).check('k')).toMatchObject({
      status: 'wrong-region',
      suggestedRegionId: 'us-east-1',
    });
  });

  it('tells an account in arrears from a broken key', async () => {
    freshServices();
    await storedKey('k', 'cn', 'cn-beijing', 'arrears');
    expect(await new Checks(services, checksOptions).check('k')).toMatchObject({
      status: 'arrears',
      httpStatus: 400,
      message: expect.stringMatching(/in arrears .*top up at https:\/\/usercenter2\.aliyun\.com/),
    });
  });

  it.each(['workspace', 'plan', 'unusual'] as const)(
    'checks a %s-shaped key on its plan’s own endpoint',
    async (shape) => {
      freshServices();
      const plan = shape === 'plan' ? 'coding' : 'payg';
      await storedKey('k', 'sg', 'ap-southeast-1', { plan }, fakeKey(shape));
      expect(await new Checks(services, checksOptions).check('k')).toMatchObject({ status: 'ok', plan });
      expect(server.requests.map((request) => `${request.family} ${request.path}`)).toEqual([
        shape === 'plan' ? 'coding /v1/models' : 'dashscope /compatible-mode/v1/models',
      ]);
    },
  );

  it('checks a Token Plan key on the Token Plan endpoint', async () => {
    freshServices();
    await storedKey('t', 'cn', 'cn-beijing', { plan: 'token' }, fakeKey('plan'), { plan: 'token' });
    expect(await new Checks(services, checksOptions).check('t')).toMatchObject({
      status: 'ok',
      plan: 'token',
    });
    expect(server.requests.map((request) => `${request.family}:${request.regionId}`)).toEqual([
      'token:cn-beijing',
    ]);
  });

  it('finds the plan a plan key really belongs to', async () => {
    freshServices();
    // Stored as the usual Coding Plan key, but the Token Plan in Singapore is where it works.
    await storedKey('p', 'cn', 'ap-southeast-1', { plan: 'token' }, fakeKey('plan'));
    const result = await new Checks(services, checksOptions).check('p');
    expect(result).toMatchObject({
      status: 'wrong-plan',
      plan: 'coding',
      suggestedRegionId: 'ap-southeast-1',
      suggestedPlan: 'token',
      message: 'This is a Token Plan key of Singapore, not a Coding Plan key: move it there.',
    });
    expect(server.requests.map((request) => `${request.family}:${request.regionId}`).sort()).toEqual([
      'coding:ap-southeast-1',
      'coding:cn-beijing',
      'token:ap-southeast-1',
      'token:cn-beijing',
    ]);
  });

  it('says when the Coding Plan answers coding agents only, instead of calling the key broken', async () => {
    freshServices();
    server.codingAgentsOnly = true;
    await storedKey('c', 'sg', 'ap-southeast-1', { plan: 'coding' }, fakeKey('plan'));
    expect(await new Checks(services, checksOptions).check('c')).toMatchObject({
      status: 'unverified',
      httpStatus: 405,
      message: expect.stringMatching(/coding agents only/),
    });
  });

  it('finds a Token Plan key filed as Coding Plan even when the Coding Plan will not answer', async () => {
    freshServices();
    server.codingAgentsOnly = true;
    await storedKey('p', 'sg', 'ap-southeast-1', { plan: 'token' }, fakeKey('plan'));
    expect(await new Checks(services, checksOptions).check('p')).toMatchObject({
      status: 'wrong-plan',
      suggestedPlan: 'token',
      suggestedRegionId: 'ap-southeast-1',
    });
  });

  it('uses the workspace domain when the settings say so, and hears another workspace’s refusal', async () => {
    freshServices();
    const secret = await storedKey(
      'w',
      'sg',
      'ap-southeast-1',
      { workspaceId: 'llm-abcd1234' },
      fakeKey('workspace'),
      {
        workspaceId: 'llm-abcd1234',
      },
    );
    await services.config.update((draft) => void (draft.settings.useWorkspaceDomains = true));
    expect(await new Checks(services, checksOptions).check('w')).toMatchObject({ status: 'ok' });
    expect(server.requests.at(-1)).toMatchObject({ family: 'workspace', workspaceId: 'llm-abcd1234' });

    await services.vault.edit('w', { workspaceId: 'llm-other999' });
    expect(await new Checks(services, checksOptions).check('w')).toMatchObject({
      status: 'workspace-denied',
      httpStatus: 403,
    });
    expect(secret).toMatch(/^sk-ws-/);
  });

  it('checks a Tokyo key on its workspace domain, and finds a misplaced one in Frankfurt', async () => {
    freshServices();
    const workspace = { workspaceId: 'llm-abcd1234' };
    await storedKey('jp', 'tokyo', 'ap-northeast-1', workspace, fakeKey('workspace'), workspace);
    expect(await new Checks(services, checksOptions).check('jp')).toMatchObject({ status: 'ok' });
    expect(server.requests).toEqual([
      expect.objectContaining({
        family: 'workspace',
        regionId: 'ap-northeast-1',
        workspaceId: 'llm-abcd1234',
      }),
    ]);
    await storedKey('de', 'tokyo', 'eu-central-1', workspace, fakeKey('workspace'), workspace);
    expect(await new Checks(services, checksOptions).check('de')).toMatchObject({
      status: 'wrong-region',
      suggestedRegionId: 'eu-central-1',
      suggestedPlan: null,
    });
  });

  it('lists a trial domain that takes any pay-as-you-go key of its region', async () => {
    freshServices();
    const sg = fakeKey('workspace');
    server.addKey('ap-southeast-1', sg, { workspaceId: 'llm-abcd1234' });
    const trial = (regionId: string) =>
      endpointCatalog({ environmentOverrides: server.overrides }).find(
        (endpoint) => endpoint.family === 'trial' && endpoint.regionId === regionId,
      );
    const client = new ModelStudioClient();
    const models = await client.get(`${trial('ap-southeast-1')?.compatible}/models`, sg);
    expect(models).toMatchObject({ kind: 'http', status: 200 });
    expect(await client.get(`${trial('cn-beijing')?.compatible}/models`, sg)).toMatchObject({ status: 401 });
    expect(server.requests.map((request) => `${request.family}:${request.regionId}`)).toEqual([
      'trial:ap-southeast-1',
      'trial:cn-beijing',
    ]);
  });

  it('never treats the trial domain as where a key lives', async () => {
    freshServices();
    await storedKey('k', 'us', undefined);
    await new Checks(services, checksOptions).check('k');
    expect(server.requests.some((request) => request.family === 'trial')).toBe(false);
  });

  it('retries a 429 once, after the Retry-After it was given', async () => {
    freshServices();
    await storedKey('k', 'sg', 'ap-southeast-1', { rateLimited: { times: 1, retryAfterSeconds: 2 } });
    expect((await new Checks(services, checksOptions).check('k')).status).toBe('ok');
    expect(waits).toEqual([2000]);
    expect(server.requests).toHaveLength(2);
  });

  it('reports rate-limited when the retry is refused too', async () => {
    freshServices();
    await storedKey('k', 'sg', 'ap-southeast-1', { rateLimited: { times: 5, retryAfterSeconds: 1 } });
    const result = await new Checks(services, checksOptions).check('k');
    expect(result).toMatchObject({
      status: 'rate-limited',
      httpStatus: 429,
      message: expect.stringMatching(/retry in 1 s/),
    });
    expect(server.requests).toHaveLength(2);
  });

  it('gives up on a hang within the configured timeout', async () => {
    freshServices();
    await storedKey('k', 'sg', 'ap-southeast-1');
    server.fault = { kind: 'hang' };
    const started = Date.now();
    const result = await new Checks(services, { ...checksOptions, client: { timeoutMs: 300 } }).check('k');
    expect(result).toMatchObject({
      status: 'timeout',
      httpStatus: null,
      message: expect.stringMatching(/within 0.3 s/),
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it.each([
    ['malformed JSON', { kind: 'malformed' } as const, 'server-error', /not a model list/],
    ['an oversized body', { kind: 'oversized', bytes: 64 * 1024 } as const, 'server-error', /too large/],
    ['a connection reset', { kind: 'reset' } as const, 'network', /Could not reach 127\.0\.0\.1/],
  ])('turns %s into a status, never a crash', async (_name, fault, status, message) => {
    freshServices();
    await storedKey('k', 'sg', 'ap-southeast-1');
    server.fault = fault;
    const result = await new Checks(services, {
      ...checksOptions,
      client: { maxBodyBytes: 16 * 1024 },
    }).check('k');
    expect(result.status).toBe(status);
    expect(result.message).toMatch(message);
  });

  it('reports an unreachable service as network', async () => {
    freshServices(await unreachable());
    await storedKey('k', 'sg', undefined);
    expect((await new Checks(services, checksOptions).check('k')).status).toBe('network');
  });
});

describe('checkAll', () => {
  it('checks every key with at most `concurrency` requests at once, reporting progress', async () => {
    freshServices();
    for (let index = 0; index < 12; index++) await storedKey(`k${index}`, 'sg', 'ap-southeast-1');
    server.latencyMs = 40;
    server.maxInFlight = 0;
    const progress: number[] = [];
    const { results, cancelled } = await new Checks(services, checksOptions).checkAll({
      concurrency: 3,
      onProgress: ({ done, total }) => progress.push(done / total),
    });
    expect(cancelled).toBe(false);
    expect(results.map((result) => result.label)).toEqual(
      Array.from({ length: 12 }, (_, index) => `k${index}`),
    );
    expect(results.every((result) => result.status === 'ok')).toBe(true);
    expect(server.maxInFlight).toBe(3);
    expect(progress).toHaveLength(13);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect((await services.vault.list()).every((record) => record.lastCheck?.status === 'ok')).toBe(true);
  });

  it('reports a key whose secret is gone and checks the others', async () => {
    freshServices();
    await storedKey('a', 'sg', 'ap-southeast-1');
    await storedKey('lost', 'sg', 'ap-southeast-1');
    await storedKey('c', 'sg', 'ap-southeast-1');
    const lost = (await services.vault.find('lost')).id;
    await services.secrets.delete(lost);
    const outcome = await new Checks(services, checksOptions).checkAll();
    expect(outcome.results.map((result) => [result.label, result.status])).toEqual([
      ['a', 'ok'],
      ['c', 'ok'],
    ]);
    expect(outcome.unchecked).toEqual([
      { keyId: lost, label: 'lost', message: expect.stringMatching(/has no secret for 'lost'/) },
    ]);
    expect(outcome.cancelled).toBe(false);
  });

  it('reports a key filed where its plan has no endpoint (an upgraded file), checks the others, and lets it be renamed', async () => {
    freshServices();
    await storedKey('a', 'sg', 'ap-southeast-1');
    await storedKey('hk-plan', 'cn', 'cn-beijing', { plan: 'coding' }, fakeKey('plan'));
    // Schema 1 allowed a plan key in any region; the upgrade keeps it where it was.
    await services.config.update((draft) => {
      const record = draft.keys.find((key) => key.label === 'hk-plan');
      if (record) record.regionId = 'cn-hongkong';
    });
    const outcome = await new Checks(services, checksOptions).checkAll();
    expect(outcome.results.map((result) => [result.label, result.status])).toEqual([['a', 'ok']]);
    expect(outcome.unchecked).toEqual([
      expect.objectContaining({
        label: 'hk-plan',
        message: expect.stringMatching(/Coding Plan has no endpoint in China \(Hong Kong\)/),
      }),
    ]);
    expect((await services.vault.rename('hk-plan', 'old-plan')).label).toBe('old-plan');
    expect((await services.vault.edit('old-plan', { regionId: 'cn' })).regionId).toBe('cn-beijing');
  });

  it('stops when cancelled, and records only what finished', async () => {
    freshServices();
    for (let index = 0; index < 8; index++) await storedKey(`k${index}`, 'sg', 'ap-southeast-1');
    server.latencyMs = 100;
    const controller = new AbortController();
    const { results, cancelled } = await new Checks(services, checksOptions).checkAll({
      concurrency: 2,
      signal: controller.signal,
      onProgress: ({ done }) => done === 2 && controller.abort(),
    });
    expect(cancelled).toBe(true);
    expect(results).toHaveLength(2);
    expect((await services.vault.list()).filter((record) => record.lastCheck)).toHaveLength(2);
  });
});

describe('CheckRunner', () => {
  it('runs one check of every key at a time: a second start joins the first, progress is shared', async () => {
    freshServices();
    for (let index = 0; index < 6; index++) await storedKey(`k${index}`, 'sg', 'ap-southeast-1');
    server.latencyMs = 30;
    const runner = new CheckRunner(services, checksOptions);
    const seen: (number | undefined)[] = [];
    runner.watch((progress) => seen.push(progress?.done));
    const first = runner.start();
    expect(runner.start()).toBe(first);
    const outcome = await first.outcome;
    expect(outcome.results).toHaveLength(6);
    // Done 0 first, so a view shows "0/6" at once; undefined at the end.
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, undefined]);
    expect(first.progress).toEqual({ done: 6, total: 6 });
    expect(runner.running).toBeUndefined();
    expect(runner.start()).not.toBe(first);
    await runner.running?.outcome;
  });

  it('cancels the run for everyone watching it', async () => {
    freshServices();
    for (let index = 0; index < 6; index++) await storedKey(`k${index}`, 'sg', 'ap-southeast-1');
    server.latencyMs = 100;
    const runner = new CheckRunner(services, checksOptions);
    const run = runner.start();
    runner.watch((progress) => progress?.done === 1 && run.cancel());
    const outcome = await run.outcome;
    expect(outcome.cancelled).toBe(true);
    expect(outcome.results.length).toBeLessThan(6);
  });

  it('counts keys that cannot be checked, so progress reaches the total', async () => {
    freshServices();
    await storedKey('a', 'sg', 'ap-southeast-1');
    await storedKey('lost', 'sg', 'ap-southeast-1');
    await services.secrets.delete((await services.vault.find('lost')).id);
    const runner = new CheckRunner(services, checksOptions);
    const seen: string[] = [];
    runner.watch(
      (progress) => progress && seen.push(`${progress.done}/${progress.total} ${progress.label ?? ''}`),
    );
    const outcome = await runner.start().outcome;
    expect(outcome.unchecked).toHaveLength(1);
    expect(seen[0]).toBe('0/2 ');
    expect(seen.slice(1).map((step) => step.slice(0, 3))).toEqual(['1/2', '2/2']);
    expect(
      seen
        .slice(1)
        .map((step) => step.slice(4))
        .sort(),
    ).toEqual(['a', 'lost']);
  });

  it('stops every worker when the keychain locks mid-run, and tells nobody anything after the end', async () => {
    freshServices();
    for (let index = 0; index < 8; index++) await storedKey(`k${index}`, 'sg', 'ap-southeast-1');
    server.latencyMs = 50;
    const secrets = services.secrets as MemorySecretStore;
    const runner = new CheckRunner(services, checksOptions);
    const events: string[] = [];
    runner.watch((progress) => {
      events.push(progress ? `step ${progress.done}` : 'end');
      // One read fails; the other workers would go on happily unless told to stop.
      if (progress?.done === 1) secrets.readsToFail = 1;
    });
    await expect(runner.start().outcome).rejects.toMatchObject({ code: 'keychain-locked' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events.at(-1)).toBe('end');
    expect(runner.running).toBeUndefined();
    // Workers stopped: not every key was even asked for.
    expect(server.requests.length).toBeLessThan(8);
  });
});

describe('detect', () => {
  it('asks every region at once and names the owner', async () => {
    freshServices();
    const secret = fakeKey();
    server.addKey('cn-hongkong', secret);
    expect(await new Checks(services).detect(`${secret}\n`)).toEqual({
      plan: 'payg',
      regionId: 'cn-hongkong',
      status: 'ok',
      message: 'The key belongs to China (Hong Kong) (Pay-as-you-go).',
      detail: null,
    });
    expect(server.requests).toHaveLength(4);
  });

  it('counts a quota or arrears answer as ownership', async () => {
    freshServices();
    const quota = fakeKey();
    server.addKey('us-east-1', quota, 'quota');
    expect(await new Checks(services).detect(quota)).toMatchObject({
      regionId: 'us-east-1',
      status: 'quota',
    });
    const arrears = fakeKey('workspace');
    server.addKey('cn-beijing', arrears, 'arrears');
    expect(await new Checks(services).detect(arrears)).toMatchObject({
      regionId: 'cn-beijing',
      status: 'arrears',
    });
  });

  it('asks Tokyo and Frankfurt only when the workspace id is known', async () => {
    freshServices();
    const secret = fakeKey('workspace');
    server.addKey('eu-central-1', secret, { workspaceId: 'llm-abcd1234' });
    await expect(new Checks(services).detect(secret)).rejects.toMatchObject({ code: 'invalid-key' });
    expect(new Set(server.requests.map((request) => request.regionId))).not.toContain('eu-central-1');
    expect(await new Checks(services).detect(secret, { workspaceId: 'llm-abcd1234' })).toMatchObject({
      plan: 'payg',
      regionId: 'eu-central-1',
    });
    expect(server.requests.at(-1)).toMatchObject({ family: 'workspace', workspaceId: 'llm-abcd1234' });
  });

  it('finds a Token Plan key on the Token Plan endpoints, and a Coding Plan key on its own', async () => {
    freshServices();
    const token = fakeKey('plan');
    server.addKey('ap-southeast-1', token, { plan: 'token' });
    expect(await new Checks(services).detect(token)).toMatchObject({
      plan: 'token',
      regionId: 'ap-southeast-1',
    });
    expect(server.requests.map((request) => `${request.family}:${request.regionId}`).sort()).toEqual([
      'coding:ap-southeast-1',
      'coding:cn-beijing',
      'token:ap-southeast-1',
      'token:cn-beijing',
    ]);
    const coding = fakeKey('plan');
    server.addKey('cn-beijing', coding, { plan: 'coding' });
    expect(await new Checks(services).detect(coding)).toMatchObject({
      plan: 'coding',
      regionId: 'cn-beijing',
    });
  });

  it('asks for the region of a Coding Plan key the Coding Plan will not answer for', async () => {
    freshServices();
    const coding = fakeKey('plan');
    server.addKey('cn-beijing', coding, { plan: 'coding' });
    server.codingAgentsOnly = true;
    await expect(new Checks(services).detect(coding)).rejects.toMatchObject({
      code: 'region-required',
      message: expect.stringMatching(
        /looks like a Coding Plan key.*sg \(Singapore\) or cn \(China \(Beijing\)\)/,
      ),
    });
    expect(await new Checks(services).detect(coding, { regionId: 'cn' })).toMatchObject({
      plan: 'coding',
      regionId: 'cn-beijing',
      status: 'unverified',
    });
  });

  it('takes the Coding Plan’s word only when every other place refused the key', async () => {
    const dead = await unreachable();
    freshServices({
      ...server.overrides,
      'token:ap-southeast-1': dead['token:ap-southeast-1'] ?? '',
      'token:cn-beijing': dead['token:cn-beijing'] ?? '',
    });
    server.codingAgentsOnly = true;
    await expect(new Checks(services).detect(fakeKey('plan'), { regionId: 'sg' })).rejects.toMatchObject({
      code: 'network',
      message: expect.stringMatching(/the Token Plan in Singapore: Could not reach/),
    });
  });

  it('checks the workspace id before it becomes part of a host name, sending nothing', async () => {
    freshServices();
    for (const workspaceId of ['evil.example/#', 'llm-ok.evil.example', 'LLM-ABCD']) {
      await expect(new Checks(services).detect(fakeKey(), { workspaceId })).rejects.toMatchObject({
        code: 'invalid-input',
        message: expect.stringMatching(/is not a workspace id/),
      });
    }
    expect(server.requests).toEqual([]);
  });

  it('passes on what the owner said besides accepting the key', async () => {
    freshServices();
    const secret = fakeKey();
    server.addKey('cn-beijing', secret, 'arrears');
    expect(await new Checks(services).detect(secret)).toMatchObject({
      status: 'arrears',
      detail: expect.stringMatching(/in arrears/),
    });
  });

  it('asks only where the hints allow, and says why nowhere is left', async () => {
    freshServices();
    const secret = fakeKey('plan');
    await expect(new Checks(services).detect(secret, { regionId: 'us' })).rejects.toMatchObject({
      code: 'plan-unavailable',
      message: expect.stringMatching(
        /Coding Plan has no endpoint in US \(Virginia\).* The Token Plan has no endpoint/,
      ),
    });
    await expect(new Checks(services).detect(fakeKey(), { regionId: 'jp' })).rejects.toMatchObject({
      code: 'workspace-required',
    });
    expect(server.requests).toEqual([]);
  });

  it('says so when no region accepts the key', async () => {
    freshServices();
    await expect(new Checks(services).detect(fakeKey())).rejects.toMatchObject({
      code: 'invalid-key',
      message: expect.stringMatching(
        /No region accepts this key \(Singapore, US \(Virginia\), China \(Beijing\), China \(Hong Kong\) all answered 401\)/,
      ),
    });
  });

  it('tells an unreachable service from a refused key', async () => {
    const overrides = await unreachable();
    const host = new URL(overrides['dashscope:ap-southeast-1'] ?? '').host;
    freshServices(overrides);
    await expect(new Checks(services).detect(fakeKey())).rejects.toMatchObject({
      code: 'network',
      message: expect.stringContaining(
        `could not be asked: Singapore: Could not reach ${host}: connection refused.`,
      ),
    });
  });

  it('refuses a temporary key before asking anyone', async () => {
    freshServices();
    await expect(new Checks(services).detect('st-0123456789abcdef')).rejects.toMatchObject({
      code: 'temporary-key',
    });
    expect(server.requests).toEqual([]);
  });
});

describe('temporary keys', () => {
  it('mints an st- key with the documented request', async () => {
    freshServices();
    const secret = await storedKey('k', 'cn', 'cn-beijing');
    const before = Date.now();
    const minted = await mintTemporaryKey(services, 'k', 120);
    expect(minted.token).toMatch(/^st-[0-9a-f]{32}$/);
    expect(minted.expiresAt.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 120_000);
    expect(minted.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 121_000);
    expect(server.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        regionId: 'cn-beijing',
        path: '/api/v1/tokens?expire_in_seconds=120',
        authorization: `Bearer ${secret}`,
      }),
    ]);
  });

  it('lives 60 s unless told otherwise', async () => {
    freshServices();
    await storedKey('k', 'cn', 'cn-beijing');
    expect((await mintTemporaryKey(services, 'k')).ttlSeconds).toBe(60);
    expect(server.requests[0]?.path).toBe('/api/v1/tokens?expire_in_seconds=60');
  });

  it.each([0, 1801, 1.5, Number.NaN])('refuses a lifetime of %s before sending anything', async (ttl) => {
    freshServices();
    await storedKey('k', 'cn', 'cn-beijing');
    await expect(mintTemporaryKey(services, 'k', ttl)).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/1 to 1800/),
    });
    expect(server.requests).toEqual([]);
  });

  it('mints from a workspace-shaped key too', async () => {
    freshServices();
    await storedKey('w', 'sg', 'ap-southeast-1', 'ok', fakeKey('workspace'));
    expect((await mintTemporaryKey(services, 'w')).token).toMatch(/^st-/);
  });

  it('refuses a Coding or Token Plan key, which has no native API, before sending anything', async () => {
    freshServices();
    await storedKey('c', 'sg', 'ap-southeast-1', { plan: 'coding' }, fakeKey('plan'));
    await expect(mintTemporaryKey(services, 'c')).rejects.toMatchObject({
      code: 'plan-unavailable',
      message: expect.stringMatching(/native DashScope API, which the Coding Plan does not have/),
    });
    expect(server.requests).toEqual([]);
  });

  it('passes on what the service refused, in words', async () => {
    freshServices();
    await storedKey('k', 'cn', undefined);
    await expect(mintTemporaryKey(services, 'k')).rejects.toMatchObject({
      code: 'service-refused',
      message: expect.stringMatching(/^No temporary key for 'k': Model Studio does not accept this key/),
    });
  });
});
