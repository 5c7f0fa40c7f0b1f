// The window's key calls through the real router: "Add key" (inspect → detect → add) against the
// local Model Studio imitation, the token that stands for a pasted secret, and managing stored keys.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REGIONS } from '../../main/core/model-studio/catalog.js';
import type { AppState } from '../../main/core/state/snapshot.js';
import type { TaskName } from '../../main/shared/contract/channels.js';
import type { CallResult } from '../../main/shared/contract/index.js';
import { MAX_PENDING_KEYS, PendingKeys } from '../../main/ipc/pending-keys.js';
import { createRouter } from '../../main/ipc/router.js';
import { type TestContext, testContext } from '../fixtures/app-context.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { type FakeModelStudio, MODELS, startModelStudio } from '../fixtures/model-studio-server.js';
import { useTempDirectory } from '../fixtures/temp-directory.js';

let server: FakeModelStudio;
beforeAll(async () => {
  server = await startModelStudio();
});
afterAll(() => server.close());
afterEach(() => {
  server.fault = undefined;
  server.codingAgentsOnly = false;
  server.requests.length = 0;
});

const directory = useTempDirectory();

function setup(context: TestContext = testContext(directory(), server.overrides)) {
  const router = createRouter(context);
  const pushed: AppState[] = [];
  context.state.subscribe((state) => pushed.push(state));
  /** Runs a task as the task host does: progress validated against the contract, kept in order. */
  const task = (name: TaskName, args: unknown, signal = new AbortController().signal) => {
    const progress: unknown[] = [];
    const result = router.task(name, args, {
      signal,
      progress: (step) => progress.push(router.progressSchema(name).parse(step)),
    });
    return { result, progress };
  };
  const inspect = async (secret: string) => {
    const inspected = await router.call('keys.inspect', { secret });
    if (!inspected.ok) throw new Error(inspected.error.message);
    return inspected.value as CallResult<'keys.inspect'>;
  };
  return { context, router, pushed, task, inspect };
}

describe('Add key: inspect → detect → add', () => {
  it('holds the pasted key under a token, finds its region, and stores it there', async () => {
    const { context, router, pushed, task } = setup();
    const secret = fakeKey();
    server.addKey('cn-beijing', secret);

    const inspected = await router.call('keys.inspect', { secret: ` "${secret}"\n` });
    expect(inspected).toEqual({
      ok: true,
      value: {
        token: expect.stringMatching(/^[0-9a-f-]{36}$/),
        masked: `sk-…${secret.slice(-4)}`,
        shape: 'classic',
        plans: ['payg'],
        defaultPlan: 'payg',
        duplicate: null,
        suggestedLabel: 'personal',
        notices: [],
      },
    });
    expect(JSON.stringify(inspected)).not.toContain(secret);
    const { token } = (inspected as { value: { token: string } }).value;

    const detection = task('keys.detect', { token });
    const detected = await detection.result;
    const places = REGIONS.filter((region) => region.origins.dashscope).map((region) => region.id);
    expect(detected).toEqual({
      ok: true,
      value: {
        owner: {
          regionId: 'cn-beijing',
          plan: 'payg',
          status: 'ok',
          message: 'The key belongs to China (Beijing) (Pay-as-you-go).',
          detail: null,
        },
        answers: places.map((regionId) => ({
          regionId,
          plan: 'payg',
          status: regionId === 'cn-beijing' ? 'ok' : 'invalid-key',
          message: expect.any(String),
        })),
        message: null,
      },
    });
    // One step at the start, then one per place as its answer arrives.
    expect(detection.progress[0]).toEqual({ done: 0, total: places.length, answer: null });
    expect(detection.progress.slice(1)).toHaveLength(places.length);
    expect(detection.progress.at(-1)).toMatchObject({ done: places.length, total: places.length });
    expect(
      detection.progress
        .slice(1)
        .map((step) => (step as { answer: { regionId: string } }).answer.regionId)
        .sort(),
    ).toEqual([...places].sort());
    // Every place was asked with the key itself, without the quotes and spaces pasted around it.
    expect(server.requests.map((request) => request.authorization)).toEqual(
      places.map(() => `Bearer ${secret}`),
    );

    server.requests.length = 0;
    const added = await router.call('keys.add', {
      token,
      label: 'beijing',
      regionId: 'cn-beijing',
      plan: 'payg',
    });
    expect(added).toEqual({ ok: true, value: { keyId: expect.any(String), label: 'beijing', notices: [] } });
    expect(server.requests).toEqual([]);
    const [record] = await context.services.vault.list();
    expect(record).toMatchObject({
      label: 'beijing',
      regionId: 'cn-beijing',
      plan: 'payg',
      workspaceId: 'default',
    });
    expect(await context.services.vault.secretOf(record!)).toBe(secret);
    expect(pushed).toHaveLength(1);

    // Adding spent the token: the secret is no longer held.
    expect(
      await router.call('keys.add', { token, label: 'again', regionId: 'sg', plan: 'payg' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'token-expired', message: expect.stringMatching(/^Paste the key again/) },
    });
    expect(await task('keys.detect', { token }).result).toMatchObject({
      ok: false,
      error: { code: 'token-expired' },
    });
  });

  it('answers owner null with every place’s answer when no region accepts the key', async () => {
    const { router, task, inspect } = setup();
    const { token } = await inspect(fakeKey());
    const detected = await task('keys.detect', { token }).result;
    expect(detected).toMatchObject({
      ok: true,
      value: {
        owner: null,
        answers: [
          { regionId: 'ap-southeast-1', plan: 'payg', status: 'invalid-key' },
          { regionId: 'us-east-1', plan: 'payg', status: 'invalid-key' },
          { regionId: 'cn-beijing', plan: 'payg', status: 'invalid-key' },
          { regionId: 'cn-hongkong', plan: 'payg', status: 'invalid-key' },
        ],
        message: expect.stringMatching(/^No region accepts this key \(Singapore, US \(Virginia\),/),
      },
    });
    // Asking nothing more, the token still stands for the key: the window may store it anyway.
    expect(
      await router.call('keys.add', { token, label: 'kept', regionId: 'hk', plan: 'payg' }),
    ).toMatchObject({
      ok: true,
      value: { label: 'kept' },
    });
  });

  it('lets the window choose the place of a Coding Plan key whose region cannot be asked', async () => {
    const { context, router, task, inspect } = setup();
    server.codingAgentsOnly = true;
    const inspected = await inspect(fakeKey('plan'));
    expect(inspected).toMatchObject({
      shape: 'plan',
      plans: ['coding', 'token'],
      defaultPlan: 'coding',
      suggestedLabel: 'coding-plan',
      notices: [
        {
          code: 'plan-key',
          message: expect.stringMatching(/Coding Plan or Token Plan.*asked of Model Studio next/),
        },
      ],
    });
    const { token } = inspected;
    const detected = await task('keys.detect', { token }).result;
    expect(detected).toMatchObject({
      ok: true,
      value: {
        owner: null,
        answers: [
          { regionId: 'ap-southeast-1', plan: 'coding', status: 'unverified' },
          { regionId: 'cn-beijing', plan: 'coding', status: 'unverified' },
          { regionId: 'ap-southeast-1', plan: 'token', status: 'invalid-key' },
          { regionId: 'cn-beijing', plan: 'token', status: 'invalid-key' },
        ],
        message: expect.stringMatching(
          /^This looks like a Coding Plan key: .* sg \(Singapore\) or cn \(China \(Beijing\)\)/,
        ),
      },
    });
    expect(
      await router.call('keys.add', { token, label: 'coding', regionId: 'cn', plan: 'coding' }),
    ).toMatchObject({
      ok: true,
    });
    expect(await context.services.vault.find('coding')).toMatchObject({
      regionId: 'cn-beijing',
      plan: 'coding',
    });
  });

  it('asks only where the hints allow, and refuses a place the plan has no endpoint in', async () => {
    const { task, inspect } = setup();
    const secret = fakeKey('plan');
    server.addKey('ap-southeast-1', secret, { plan: 'token' });
    const { token } = await inspect(secret);
    expect(await task('keys.detect', { token, regionId: 'sg', plan: 'token' }).result).toMatchObject({
      ok: true,
      value: {
        owner: { regionId: 'ap-southeast-1', plan: 'token', status: 'ok' },
        answers: [{ regionId: 'ap-southeast-1', plan: 'token', status: 'ok' }],
      },
    });
    expect(await task('keys.detect', { token, regionId: 'us', plan: 'coding' }).result).toMatchObject({
      ok: false,
      error: {
        code: 'plan-unavailable',
        message: expect.stringMatching(/The Coding Plan has no endpoint in US/),
      },
    });
  });

  it('stops every request when cancelled', async () => {
    const { router, task, inspect } = setup();
    // Nobody answers, and the check would wait a minute for them.
    await router.call('settings.set', { name: 'requestTimeoutSeconds', value: 60 });
    server.fault = { kind: 'hang' };
    const { token } = await inspect(fakeKey());
    const controller = new AbortController();
    const detection = task('keys.detect', { token }, controller.signal);
    await expect.poll(() => server.requests.length).toBe(4);
    const started = Date.now();
    controller.abort();
    expect(await detection.result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(detection.progress.slice(1)).toEqual(
      Array.from({ length: 4 }, (_, index) =>
        expect.objectContaining({
          done: index + 1,
          answer: expect.objectContaining({ status: 'cancelled' }),
        }),
      ),
    );
  });

  it('names the stored key with the very same secret, and refuses to add it twice', async () => {
    const { context, router } = setup();
    const secret = fakeKey();
    const { record } = await context.services.vault.add({ secret, label: 'team', regionId: 'hk' });
    // Same last four characters, another key: the fingerprint alone proves nothing.
    const lookalike = fakeKey().slice(0, -4) + secret.slice(-4);

    const again = await router.call('keys.inspect', { secret: `${secret}\n` });
    expect(again).toMatchObject({
      ok: true,
      value: { duplicate: { keyId: record.id, label: 'team', regionId: 'cn-hongkong' } },
    });
    expect(await router.call('keys.inspect', { secret: lookalike })).toMatchObject({
      ok: true,
      value: { duplicate: null },
    });
    const { token } = (again as { value: { token: string } }).value;
    expect(
      await router.call('keys.add', { token, label: 'copy', regionId: 'hk', plan: 'payg' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'duplicate-key', params: { label: 'team' } },
    });
  });

  it('suggests a label no key has, after the key’s shape', async () => {
    const { context, inspect, router } = setup();
    await context.services.vault.add({ secret: fakeKey(), label: 'personal', regionId: 'sg' });
    await context.services.vault.add({ secret: fakeKey(), label: 'Personal-2', regionId: 'sg' });
    expect((await inspect(fakeKey())).suggestedLabel).toBe('personal-3');
    expect((await inspect(fakeKey('workspace'))).suggestedLabel).toBe('workspace');
    expect(await router.call('keys.inspect', { secret: fakeKey('unusual') })).toMatchObject({
      ok: true,
      value: { shape: 'unusual', suggestedLabel: 'personal-3', notices: [{ code: 'unusual-shape' }] },
    });
  });

  it('refuses what is not a key with the rule it broke, and keeps nothing', async () => {
    const { context, router } = setup();
    expect(await router.call('keys.inspect', { secret: 'hello' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-key', message: expect.stringMatching(/keys start with sk-/) },
    });
    expect(await router.call('keys.inspect', { secret: 'st-0123456789abcdef0123' })).toMatchObject({
      ok: false,
      error: { code: 'temporary-key' },
    });
    expect(await router.call('keys.inspect', { secret: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(
      await router.call('keys.add', { token: 'x', label: 'k', regionId: 'sg', plan: 'gold' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(
      await router.call('keys.add', { token: 'made-up', label: 'k', regionId: 'sg', plan: 'payg' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'token-expired' },
    });
    expect(await router.call('keys.forget', { token: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await context.services.vault.list()).toEqual([]);
  });

  it('refuses a label or place the vault refuses, keeping the token for another try', async () => {
    const { context, router, inspect } = setup();
    await context.services.vault.add({ secret: fakeKey(), label: 'taken', regionId: 'sg' });
    const { token } = await inspect(fakeKey());
    expect(
      await router.call('keys.add', { token, label: 'TAKEN', regionId: 'sg', plan: 'payg' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'duplicate-label' },
    });
    expect(
      await router.call('keys.add', { token, label: 'tokyo', regionId: 'jp', plan: 'payg' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'workspace-required' },
    });
    expect(
      await router.call('keys.add', {
        token,
        label: 'tokyo',
        regionId: 'jp',
        plan: 'payg',
        workspaceId: 'llm-tokyo123',
      }),
    ).toMatchObject({ ok: true, value: { label: 'tokyo' } });
  });
});

describe('the token for a pasted key', () => {
  it('is forgotten when the window says so', async () => {
    const { router, inspect } = setup();
    const { token } = await inspect(fakeKey());
    expect(await router.call('keys.forget', { token })).toEqual({ ok: true, value: { forgotten: true } });
    expect(await router.call('keys.forget', { token })).toEqual({ ok: true, value: { forgotten: false } });
    expect(await router.call('keys.add', { token, label: 'k', regionId: 'sg', plan: 'payg' })).toMatchObject({
      ok: false,
      error: { code: 'token-expired' },
    });
  });

  it('expires after ten minutes', async () => {
    let now = 0;
    const context = testContext(directory(), server.overrides);
    context.pendingKeys = new PendingKeys(() => now);
    const { router, inspect } = setup(context);
    const { token } = await inspect(fakeKey());
    now = 10 * 60_000 - 1;
    expect(await router.call('keys.forget', { token })).toEqual({ ok: true, value: { forgotten: true } });
    const { token: later } = await inspect(fakeKey());
    now += 10 * 60_000;
    expect(
      await router.call('keys.add', { token: later, label: 'k', regionId: 'sg', plan: 'payg' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'token-expired', params: { minutes: 10 } },
    });
  });

  it('holds a few secrets at most, dropping the oldest', () => {
    const pending = new PendingKeys();
    const tokens = Array.from({ length: MAX_PENDING_KEYS + 1 }, (_, index) => pending.hold(`sk-${index}`));
    expect(() => pending.secretOf(tokens[0]!)).toThrow(
      expect.objectContaining({ name: 'MskError', code: 'token-expired' }),
    );
    expect(pending.secretOf(tokens[1]!)).toBe('sk-1');
    expect(pending.secretOf(tokens.at(-1)!)).toBe(`sk-${MAX_PENDING_KEYS}`);
    expect(new Set(tokens).size).toBe(tokens.length);
  });
});

describe('managing a stored key', () => {
  it('renames, moves, reveals, lists its models and removes it, publishing each change', async () => {
    const { context, router, pushed, task } = setup();
    const secret = fakeKey();
    server.addKey('ap-southeast-1', secret);
    const { record } = await context.services.vault.add({ secret, label: 'personal', regionId: 'us' });
    const keyId = record.id;

    expect(await router.call('keys.rename', { keyId, label: ' main ' })).toEqual({
      ok: true,
      value: { keyId, label: 'main' },
    });
    expect(await router.call('keys.move', { keyId: 'main', regionId: 'sg' })).toEqual({
      ok: true,
      value: { keyId, regionId: 'ap-southeast-1', plan: 'payg', workspaceId: 'default' },
    });
    expect(await router.call('keys.reveal', { keyId })).toEqual({
      ok: true,
      value: { secret, hideAfterSeconds: 10 },
    });

    expect(await router.call('keys.models', { keyId })).toEqual({
      ok: true,
      value: { models: [], at: null },
    });
    expect(await task('checks.one', { keyId }).result).toMatchObject({ ok: true, value: { status: 'ok' } });
    const models = await router.call('keys.models', { keyId });
    expect(models).toEqual({ ok: true, value: { models: MODELS, at: expect.any(String) } });
    // The list stays out of the snapshot, which goes out on every change.
    expect(pushed.at(-1)).toMatchObject({
      keys: [{ lastCheck: { status: 'ok', modelCount: MODELS.length } }],
    });
    expect(JSON.stringify(pushed)).not.toContain(MODELS[0]);

    expect(await router.call('keys.remove', { keyId })).toEqual({
      ok: true,
      value: { keyId, label: 'main' },
    });
    expect(await context.services.vault.list()).toEqual([]);
    expect(await context.services.secrets.get(keyId)).toBeNull();
    // Revealing changes nothing a view shows; every other step is published once.
    expect(
      pushed.map((state) =>
        state.keys.map((key) => `${key.label} ${key.regionId} ${key.lastCheck?.status ?? '-'}`),
      ),
    ).toEqual([['main us-east-1 -'], ['main ap-southeast-1 -'], ['main ap-southeast-1 ok'], []]);
  });

  it('answers a bad reference, label or place with a typed error', async () => {
    const { context, router } = setup();
    await context.services.vault.add({ secret: fakeKey(), label: 'one', regionId: 'sg' });
    await context.services.vault.add({ secret: fakeKey(), label: 'two', regionId: 'sg' });
    expect(await router.call('keys.rename', { keyId: 'two', label: 'ONE' })).toMatchObject({
      ok: false,
      error: { code: 'duplicate-label' },
    });
    expect(await router.call('keys.move', { keyId: 'one', regionId: 'mars' })).toMatchObject({
      ok: false,
      error: { code: 'unknown-region' },
    });
    expect(await router.call('keys.move', { keyId: 'one', regionId: 'us', plan: 'coding' })).toMatchObject({
      ok: false,
      error: { code: 'plan-unavailable' },
    });
    expect(await router.call('keys.move', { keyId: 'one', regionId: 'de' })).toMatchObject({
      ok: false,
      error: { code: 'workspace-required' },
    });
    for (const name of ['keys.reveal', 'keys.models', 'keys.remove']) {
      expect(await router.call(name, { keyId: 'three' })).toMatchObject({
        ok: false,
        error: { code: 'unknown-key', params: { reference: 'three' } },
      });
    }
    expect(await router.call('keys.rename', { keyId: 'one', label: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });
});

describe('regions.endpoints', () => {
  it('lists every host of every region, marking those an override replaced', async () => {
    const context = testContext(directory(), { 'cn-beijing': 'http://gateway.test/cn' });
    const { router } = setup(context);
    expect(
      await router.call('settings.set', {
        name: 'endpointOverrides.token:ap-southeast-1',
        value: 'http://proxy.test/t',
      }),
    ).toMatchObject({ ok: true });
    const answer = await router.call('regions.endpoints', undefined);
    if (!answer.ok) throw new Error(answer.error.message);
    const endpoints = answer.value as { regionId: string; family: string; overridden: boolean }[];
    expect(endpoints).toHaveLength(
      REGIONS.reduce((sum, region) => sum + Object.keys(region.origins).length, 0),
    );
    expect(endpoints).toContainEqual({
      regionId: 'ap-southeast-1',
      family: 'dashscope',
      plan: 'payg',
      description: expect.any(String),
      compatible: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
      anthropic: 'https://dashscope-intl.aliyuncs.com/apps/anthropic',
      native: 'https://dashscope-intl.aliyuncs.com/api/v1',
      overridden: false,
    });
    expect(endpoints).toContainEqual(
      expect.objectContaining({
        regionId: 'ap-southeast-1',
        family: 'token',
        compatible: 'http://proxy.test/t/compatible-mode/v1',
        native: null,
        overridden: true,
      }),
    );
    // The environment's override covers every host of the region.
    expect(endpoints.filter((endpoint) => endpoint.regionId === 'cn-beijing')).toEqual(
      ['dashscope', 'workspace', 'trial', 'coding', 'token'].map((family) =>
        expect.objectContaining({
          family,
          overridden: true,
          compatible: expect.stringMatching(/^http:\/\/gateway\.test\/cn\//),
        }),
      ),
    );
    expect(endpoints.filter((endpoint) => endpoint.overridden)).toHaveLength(6);
  });
});
