// The checker, region detection and temporary keys against the local Model Studio imitation:
// real HTTP on 127.0.0.1, real config files; secrets in a fake of our own SecretStore port.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Checks, type ChecksOptions } from '../../main/core/checks.js';
import { createServices, type Services } from '../../main/core/services.js';
import { mintTemporaryKey } from '../../main/core/temporary-keys.js';
import {
  type FakeModelStudio,
  type KeyBehaviour,
  MODELS,
  startModelStudio,
} from '../fixtures/model-studio-server.js';
import { MemorySecretStore } from '../fixtures/memory-secret-store.js';
import { fakeKey } from '../fixtures/msk.js';

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
  behaviour?: KeyBehaviour,
  secret = fakeKey(),
) {
  if (ownedBy) server.addKey(ownedBy, secret, behaviour);
  await services.vault.add({ secret, label, regionId: storedIn });
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
      at: result.at,
    });
  });

  it('calls a key no region knows invalid, asking every region once and its own only once', async () => {
    freshServices();
    await storedKey('k', 'us', undefined);
    const result = await new Checks(services, checksOptions).check('k');
    expect(result).toMatchObject({ status: 'invalid-key', httpStatus: 401, suggestedRegionId: null });
    expect(server.requests.map((request) => request.regionId).sort()).toEqual([
      'ap-southeast-1',
      'cn-beijing',
      'cn-hongkong',
      'us-east-1',
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

  it('recognises a Coding Plan key on the general API', async () => {
    freshServices();
    const secret = `sk-sp-${fakeKey().slice(3)}`;
    await storedKey('plan', 'sg', 'ap-southeast-1', 'ok', secret);
    const result = await new Checks(services, checksOptions).check('plan');
    expect(result).toMatchObject({ status: 'plan-key', httpStatus: 401 });
    expect(server.requests).toHaveLength(1);
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
    expect(progress).toHaveLength(12);
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

describe('detectRegion', () => {
  it('asks every region at once and names the owner', async () => {
    freshServices();
    const secret = fakeKey();
    server.addKey('cn-hongkong', secret);
    expect(await new Checks(services).detectRegion(`${secret}\n`)).toEqual({
      kind: 'standard',
      regionId: 'cn-hongkong',
      status: 'ok',
      message: 'The key belongs to China (Hong Kong).',
    });
    expect(server.requests).toHaveLength(4);
  });

  it('counts a quota answer as ownership', async () => {
    freshServices();
    const secret = fakeKey();
    server.addKey('us-east-1', secret, 'quota');
    expect(await new Checks(services).detectRegion(secret)).toMatchObject({
      regionId: 'us-east-1',
      status: 'quota',
    });
  });

  it('explains a Coding Plan key and its endpoints without asking anyone', async () => {
    freshServices({});
    const detection = await new Checks(services).detectRegion(`sk-sp-${fakeKey().slice(3)}`);
    expect(detection).toMatchObject({
      kind: 'plan',
      planEndpoints: [
        { regionId: 'ap-southeast-1', compatible: 'https://coding-intl.dashscope.aliyuncs.com/v1' },
        { regionId: 'cn-beijing', compatible: 'https://coding.dashscope.aliyuncs.com/v1' },
      ],
    });
    expect(server.requests).toEqual([]);
  });

  it('says so when no region accepts the key', async () => {
    freshServices();
    await expect(new Checks(services).detectRegion(fakeKey())).rejects.toMatchObject({
      code: 'invalid-key',
      message: expect.stringMatching(/No region accepts this key/),
    });
  });

  it('tells an unreachable service from a refused key', async () => {
    const overrides = await unreachable();
    const host = new URL(overrides['ap-southeast-1'] ?? '').host;
    freshServices(overrides);
    await expect(new Checks(services).detectRegion(fakeKey())).rejects.toMatchObject({
      code: 'network',
      message: expect.stringContaining(
        `could not be asked: Singapore: Could not reach ${host}: connection refused.`,
      ),
    });
  });

  it('refuses a temporary key before asking anyone', async () => {
    freshServices();
    await expect(new Checks(services).detectRegion('st-0123456789abcdef')).rejects.toMatchObject({
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

  it('passes on what the service refused, in words', async () => {
    freshServices();
    await storedKey('k', 'cn', undefined);
    await expect(mintTemporaryKey(services, 'k')).rejects.toMatchObject({
      code: 'service-refused',
      message: expect.stringMatching(/^No temporary key for 'k': Model Studio does not accept this key/),
    });
  });
});
