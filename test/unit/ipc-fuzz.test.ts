// "Lets no one in": every IPC call and task fuzzed with hostile payloads through the real router
// (a real core on a temp directory, the in-memory secret store, the local Model Studio imitation)
// and through the IPC server. Every answer is a typed, cloneable Result; nothing throws or
// rejects unhandled; a failed call leaves config.json and the keychain as they were; nothing
// reaches Object.prototype; a forged sender is refused on every channel.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PLAN_IDS, REGIONS } from '../../main/core/model-studio/catalog.js';
import { USER_SETTING_NAMES } from '../../main/core/config/setting-catalog.js';
import { BUILT_IN_TOOLS } from '../../main/core/tools/tool-catalog.js';
import {
  CALL_NAMES,
  type CallName,
  callChannel,
  TASK_CANCEL,
  TASK_NAMES,
  type TaskName,
  taskChannel,
} from '../../main/shared/contract/channels.js';
import { calls, type Result, tasks } from '../../main/shared/contract/index.js';
import { createRouter, type Router } from '../../main/ipc/router.js';
import { isOwnPage } from '../../main/ipc/sender-check.js';
import { createIpcServer, type IpcSender } from '../../main/ipc/server.js';
import { testContext, type TestContext } from '../fixtures/app-context.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import {
  hostilePayload,
  hostileValue,
  MEGABYTE,
  PROTOTYPE_PAYLOADS,
  TRICKY_STRINGS,
} from '../fixtures/hostile-payloads.js';
import { MemorySecretStore } from '../fixtures/memory-secret-store.js';
import { type FakeModelStudio, startModelStudio } from '../fixtures/model-studio-server.js';
import {
  type AccessKey,
  type FakeModelStudioOpenApi,
  startModelStudioOpenApi,
} from '../fixtures/model-studio-openapi/server.js';
import { useTempDirectory } from '../fixtures/temp-directory.js';

const RUNS = 60;

/** What redactKeys would mask: `sk-`/`st-` and 8 or more key characters, anywhere in a text. */
const holdsKeyLike = (text: string): boolean => /\b(?:sk|st)-[A-Za-z0-9._~+/=-]{8,}/.test(text);

let server: FakeModelStudio;
let openapi: FakeModelStudioOpenApi;
let accessKey: AccessKey;
/** The account's own keys (`apiKeyId`s) and its workspace, for payloads that name them. */
let apiKeyIds: string[] = [];
let workspaceId = '';
const savedMetadataSwitch = process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED;
beforeAll(async () => {
  server = await startModelStudio();
  openapi = await startModelStudioOpenApi({ modelStudio: server });
  const account = openapi.addAccount({ site: 'china' });
  accessKey = account.accessKey({ ramUser: 'msk' });
  const [workspace] = account.seed('cn-beijing', { workspaces: 1, keysPerWorkspace: 3 });
  workspaceId = workspace?.workspaceId ?? '';
  apiKeyIds = account.apiKeys().map((key) => String(key.apiKeyId));
  // The standard chain asks an ECS host's metadata service last: there is none here to wait for.
  process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
});
afterAll(async () => {
  if (savedMetadataSwitch === undefined) delete process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED;
  else process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = savedMetadataSwitch;
  await Promise.all([server.close(), openapi.close()]);
});

// Anything that rejects unhandled while a property runs is a finding.
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();
beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
  expectPrototypesClean();
});

function expectPrototypesClean() {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  expect(Object.hasOwn(Array.prototype, 'polluted')).toBe(false);
}

const directory = useTempDirectory();

/**
 * A context with two stored keys, one pasted key held under a token, and an account connected
 * (`work`, its AccessKey secret in the keychain).
 */
async function seeded(): Promise<{
  context: TestContext;
  router: Router;
  keyIds: string[];
  token: string;
  secrets: string[];
}> {
  const context = testContext(directory(), server.overrides, undefined, openapi.overrides);
  const router = createRouter(context);
  const keyIds: string[] = [];
  const secrets: string[] = [];
  for (const [label, regionId] of [
    ['personal', 'ap-southeast-1'],
    ['team', 'cn-beijing'],
  ] as const) {
    const secret = fakeKey();
    secrets.push(secret);
    server.addKey(regionId, secret);
    const inspected = await router.call('keys.inspect', { secret });
    if (!inspected.ok) throw new Error(inspected.error.message);
    const { token } = inspected.value as { token: string };
    const added = await router.call('keys.add', { token, label, regionId, plan: 'payg' });
    if (!added.ok) throw new Error(added.error.message);
    keyIds.push((added.value as { keyId: string }).keyId);
  }
  const pending = await router.call('keys.inspect', { secret: fakeKey() });
  if (!pending.ok) throw new Error(pending.error.message);
  const connected = await router.task(
    'account.connect',
    { name: 'work', site: 'china', credential: accessKeyCredential() },
    { signal: new AbortController().signal, progress: () => undefined },
  );
  if (!connected.ok) throw new Error(connected.error.message);
  secrets.push(accessKey.accessKeySecret);
  return { context, router, keyIds, token: (pending.value as { token: string }).token, secrets };
}

/**
 * The secret scan: config.json and every copy beside it (backups, the validation note) hold no
 * stored secret and nothing shaped like a key, whatever a call was sent.
 */
function expectNoKeyInConfigCopies(context: TestContext, secrets: readonly string[]): void {
  const folder = context.services.environment.dataDirectory;
  for (const name of readdirSync(folder).filter((file) => file.startsWith('config.json'))) {
    const text = readFileSync(path.join(folder, name), 'utf8');
    for (const secret of secrets) expect(text.includes(secret), `a stored key in ${name}`).toBe(false);
    expect(holdsKeyLike(text), `something shaped like a key in ${name}`).toBe(false);
  }
}

/** What a failed call must leave alone: config.json's bytes and every keychain item. */
function snapshot(context: TestContext): string {
  const store = context.services.secrets;
  if (!(store instanceof MemorySecretStore)) throw new Error('expected the in-memory secret store');
  const file = path.join(context.services.environment.dataDirectory, 'config.json');
  return JSON.stringify({
    config: existsSync(file) ? readFileSync(file, 'utf8') : null,
    secrets: [...store.items.entries()].sort(),
  });
}

function expectTypedResult(result: unknown): asserts result is Result<unknown> {
  expect(result).toBeTypeOf('object');
  expect(result).not.toBeNull();
  const { ok } = result as { ok: unknown };
  expect(ok).toBeTypeOf('boolean');
  if (ok === false) {
    const { error } = result as { error: { code: unknown; message: unknown; params?: unknown } };
    expect(error).toBeTypeOf('object');
    expect(error.code).toBeTypeOf('string');
    expect(error.message).toBeTypeOf('string');
    // 'internal' is what an unexpected exception becomes: a typed answer, but a bug all the same.
    expect(error, error.message as string).not.toMatchObject({ code: 'internal' });
    if (error.params !== undefined) expect(error.params).toBeTypeOf('object');
  } else {
    expect(Object.hasOwn(result as object, 'value')).toBe(true);
  }
  // It must cross the bridge: Electron structured-clones every answer.
  expect(() => structuredClone(result)).not.toThrow();
}

/** Calls a router method; a synchronous throw or a rejection is a finding, not an answer. */
async function settle(run: () => Promise<Result<unknown>>): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    return { thrown: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

const fieldsOf = (schema: unknown): string[] => {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
};

const accessKeyCredential = () => ({
  kind: 'access-key',
  accessKeyId: accessKey.accessKeyId,
  accessKeySecret: accessKey.accessKeySecret,
});

/** Plausible values per argument name, so many payloads get past validation to the handlers. */
function plausible(
  keyIds: string[],
  token: string,
  secrets: readonly string[] = [],
): (field: string) => fc.Arbitrary<unknown> {
  // A key where a tool of the user's own takes text: a stored one, a fresh one, inside other text.
  const keyLike = fc.oneof(
    fc.constantFrom(...secrets, 'st-0123456789abcdef'),
    fc.constant(undefined).map(() => fakeKey()),
    fc.constant(undefined).map(() => fakeKey('workspace')),
  );
  const holdingKey = fc.oneof(
    keyLike,
    keyLike.map((key) => `Bearer ${key}`),
    keyLike.map((key) => `--api-key=${key}`),
  );
  const regions = fc.constantFrom<unknown>(...REGIONS.map((region) => region.id), 'mars-1');
  const tools = fc.constantFrom<unknown>(...BUILT_IN_TOOLS.map((tool) => tool.id), 'terminal', 'my-tool');
  const text = fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom(...TRICKY_STRINGS));
  const byField: Record<string, fc.Arbitrary<unknown>> = {
    keyId: fc.constantFrom<unknown>(...keyIds, 'no-such-key'),
    token: fc.constantFrom<unknown>(token, token, '00000000-0000-0000-0000-000000000000'),
    secret: fc.oneof(
      fc.constant(undefined).map(() => fakeKey()),
      text,
    ),
    label: text,
    regionId: regions,
    plan: fc.constantFrom<unknown>(...PLAN_IDS),
    workspaceId: fc.constantFrom<unknown>('default', 'llm-abcd1234', 'llm-abc', 'llm-\u202E'),
    tool: tools,
    base: fc.oneof(tools, holdingKey),
    id: fc.oneof(
      tools,
      fc.constantFrom<unknown>('default', 'llm-abcd1234', 'llm-abc'),
      keyLike.map((key) => key.slice(0, 30).toLowerCase()),
    ),
    cwd: fc.constantFrom<unknown>('/tmp', '/', 'relative/dir', '/no/such/dir'),
    terminal: fc.constantFrom<unknown>('auto', 'xterm', 'gnome-terminal', 'evil'),
    command: fc.oneof(
      fc.constantFrom<unknown>(['qwen'], ['sh', '-c', 'id'], ['']),
      holdingKey.map((text) => ['my-tool', text]),
    ),
    variables: fc.oneof(
      fc.dictionary(fc.string({ maxLength: 20 }), fc.string({ maxLength: 40 }), { maxKeys: 3 }),
      fc.constant<unknown>(JSON.parse('{"__proto__":"x","OPENAI_API_KEY":"{{apiKey}}"}')),
      fc.constant<unknown>({ MY_KEY: '{{apiKey}}', MY_URL: '{{baseUrl}}' }),
      holdingKey.map((text) => ({ MY_KEY: text, MY_URL: '{{baseUrl}}' })),
      keyLike.map((key) => ({ [key]: '{{apiKey}}' })),
    ),
    name: fc.oneof(
      fc.constantFrom<unknown>('work', 'WORK', 'default', 'account-2'),
      fc.constantFrom<unknown>(...USER_SETTING_NAMES, 'toolModels.codex', 'endpointOverrides.cn-beijing'),
      fc.constantFrom<unknown>('toolModels.__proto__', 'endpointOverrides.constructor', '__proto__'),
      text,
      holdingKey,
    ),
    value: fc.oneof(
      fc.constantFrom<unknown>('en', 'zh-CN', 'qwen-plus', 'http://127.0.0.1:1', '30', 0, 30, -1, 1e9, true),
      text,
    ),
    // An account: the imitation's own AccessKey, or one it does not know, a profile, the chain.
    credential: fc.oneof(
      fc.constant(undefined).map(accessKeyCredential),
      fc.record({
        kind: fc.constant('access-key'),
        accessKeyId: fc.oneof(fc.constantFrom('LTAI5tNoSuchKey0000', 'LTAI'), text),
        accessKeySecret: fc.oneof(fc.constantFrom(accessKey.accessKeySecret), text),
      }),
      fc.record({ kind: fc.constant('profile'), profile: text }),
      fc.constant({ kind: 'chain' }),
    ),
    site: fc.constantFrom<unknown>('china', 'international', 'mars'),
    account: fc.constantFrom<unknown>('work', 'WORK', 'nobody', ''),
    // An account key by its id, a stored key by its local id, or neither.
    reference: fc.oneof(fc.constantFrom<unknown>(...apiKeyIds, ...keyIds, '99999999', '0'), text, keyLike),
    workspace: fc.constantFrom<unknown>(workspaceId, 'ws-0000000000000000', 'llm-abcd1234', ''),
    enabled: fc.boolean(),
    forget: fc.boolean(),
    description: fc.oneof(text, fc.constant('x'.repeat(300)), keyLike),
    models: fc.oneof(
      fc.constantFrom<unknown>(['qwen-plus'], [], ['qwen-plus', 'qwen-max']),
      fc.array(text, { maxLength: 3 }),
    ),
    ips: fc.oneof(
      fc.constantFrom<unknown>(['10.0.0.1'], ['192.168.0.0/24'], ['not-an-ip']),
      fc.array(text, { maxLength: 3 }),
    ),
  };
  const any = fc.oneof(...Object.values(byField));
  return (field) => byField[field] ?? any;
}

describe('every IPC call, fuzzed through the router', () => {
  it.each(CALL_NAMES)(
    '%s answers every payload with a typed Result and changes nothing when it fails',
    async (name) => {
      const { context, router, keyIds, token, secrets } = await seeded();
      const payloads = hostilePayload(
        fieldsOf(calls[name as CallName].args),
        plausible(keyIds, token, secrets),
      );
      await fc.assert(
        fc.asyncProperty(fc.oneof(payloads, fc.constant(undefined)), async (payload) => {
          const before = snapshot(context);
          const result = await settle(() => router.call(name, payload));
          expectTypedResult(result);
          if (!result.ok) expect(snapshot(context)).toBe(before);
          expectNoKeyInConfigCopies(context, secrets);
        }),
        { numRuns: RUNS },
      );
      // And the router still works afterwards.
      expect(await router.call('state.get', undefined)).toMatchObject({ ok: true });
    },
  );
});

describe('a tool of the user’s own, fuzzed with keys in every field', () => {
  it('is refused as key-in-tool, the field named and no key repeated; no copy of config.json ever holds one', async () => {
    const { context, router, keyIds, token, secrets } = await seeded();
    const field = plausible(keyIds, token, secrets);
    const valid: Record<string, unknown> = {
      id: 'my-tool',
      name: 'My tool',
      command: ['my-tool'],
      variables: { MY_KEY: '{{apiKey}}' },
    };
    const poisoned: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
      field('variables').map((variables) => ({ ...valid, variables })),
      field('command').map((command) => ({ ...valid, command })),
      field('name').map((name) => ({ ...valid, name })),
      field('id').map((id) => ({ ...valid, id })),
      field('base').map((base) => ({ ...valid, base })),
    );
    await fc.assert(
      fc.asyncProperty(poisoned, async (payload) => {
        const texts = [
          payload.id,
          payload.name,
          payload.base,
          ...(payload.command as unknown[]),
          ...Object.entries(payload.variables as object).flat(),
        ];
        fc.pre(
          texts.some(
            (text) =>
              typeof text === 'string' &&
              (holdsKeyLike(text) || secrets.some((secret) => text.includes(secret))),
          ),
        );
        const before = snapshot(context);
        const result = await router.call('tools.saveCustom', payload);
        expectTypedResult(result);
        expect(result.ok).toBe(false);
        if (!result.ok && result.error.code !== 'invalid-input') {
          expect(result.error).toMatchObject({ code: 'key-in-tool', params: { field: expect.any(String) } });
        }
        const said = JSON.stringify(result);
        for (const text of texts) {
          if (typeof text === 'string' && holdsKeyLike(text)) expect(said).not.toContain(text);
        }
        for (const secret of secrets) expect(said).not.toContain(secret);
        expect(snapshot(context)).toBe(before);
        expectNoKeyInConfigCopies(context, secrets);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

describe('every IPC task, fuzzed through the router', () => {
  it.each(TASK_NAMES)(
    '%s answers every payload with a typed Result and changes nothing when it fails',
    async (name) => {
      const { context, router, keyIds, token } = await seeded();
      const payloads = hostilePayload(fieldsOf(tasks[name as TaskName].args), plausible(keyIds, token));
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(payloads, fc.constant(undefined)),
          fc.boolean(),
          async (payload, cancel) => {
            const before = snapshot(context);
            const controller = new AbortController();
            const progress: unknown[] = [];
            const running = settle(() =>
              router.task(name, payload, {
                signal: controller.signal,
                progress: (step) => progress.push(router.progressSchema(name as TaskName).parse(step)),
              }),
            );
            // Half the runs are cancelled at once, as a page closing its dialog would.
            if (cancel) controller.abort('cancelled-by-page');
            const result = await running;
            expectTypedResult(result);
            if (!result.ok) expect(snapshot(context)).toBe(before);
          },
        ),
        { numRuns: RUNS },
      );
      // And the router still works afterwards.
      expect(await router.call('state.get', undefined)).toMatchObject({ ok: true });
    },
  );
});

describe('unknown method names', () => {
  it('are refused as unknown, prototype names included', async () => {
    const { context, router } = await seeded();
    const names = fc.oneof(
      fc.string(),
      fc.constantFrom(...TRICKY_STRINGS),
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'),
      fc.constantFrom(...CALL_NAMES, ...TASK_NAMES).map((known) => `${known}\u0000`),
    );
    await fc.assert(
      fc.asyncProperty(names, hostileValue, async (name, payload) => {
        fc.pre(!(CALL_NAMES as string[]).includes(name) && !(TASK_NAMES as string[]).includes(name));
        const before = snapshot(context);
        const controls = { signal: new AbortController().signal, progress: () => undefined };
        for (const result of [
          await settle(() => router.call(name, payload)),
          await settle(() => router.task(name, payload, controls)),
        ]) {
          expectTypedResult(result);
          expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
        }
        expect(snapshot(context)).toBe(before);
      }),
      { numRuns: 100 },
    );
  });
});

describe('the IPC server', () => {
  const indexHtml = '/opt/Model Studio Keys/resources/app.asar/out/renderer/index.html';
  const pages = {
    built: { devServerUrl: undefined, indexHtml },
    dev: { devServerUrl: 'http://127.0.0.1:5173', indexHtml },
  };
  const FORGED: (string | undefined)[] = [
    undefined,
    '',
    'https://evil.example/',
    'http://localhost:5173/',
    'http://127.0.0.1:5174/',
    'https://127.0.0.1:5173/',
    'http://127.0.0.1:5173.evil.com/',
    'http://127.0.0.1:5173@evil.com/',
    'http://evil.com/http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'file:///opt/Model%20Studio%20Keys/resources/app.asar/out/renderer/other.html',
    'file://evil.com/opt/Model%20Studio%20Keys/resources/app.asar/out/renderer/index.html',
    'file:///opt/Model%20Studio%20Keys/resources/app.asar/out/renderer%2Findex.html',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'javascript:alert(1)',
    'devtools://devtools/bundled/inspector.html',
    'chrome-extension://abc/index.html',
    'blob:http://127.0.0.1:5173/1234',
    'not a url',
    MEGABYTE,
  ];

  /** The real router, counting what reaches it. */
  async function counted() {
    const { context, router } = await seeded();
    const reached: string[] = [];
    const spy: Router = {
      call: (name, args) => (reached.push(name), router.call(name, args)),
      task: (name, args, controls) => (reached.push(name), router.task(name, args, controls)),
      progressSchema: (name) => router.progressSchema(name),
    };
    return { context, router: spy, reached };
  }

  const senderAt = (frameUrl: string | undefined, id = 1) => {
    const sent: unknown[] = [];
    const sender: IpcSender = { id, frameUrl, send: (channel, payload) => sent.push([channel, payload]) };
    return { sender, sent };
  };

  it.each(Object.entries(pages))(
    'refuses a forged sender on every channel (%s page)',
    async (_kind, page) => {
      const { context, router, reached } = await counted();
      const ipc = createIpcServer(router, (url) => isOwnPage(url, page, 'linux'));
      const before = snapshot(context);
      const frames = fc.oneof(
        fc.constantFrom(...FORGED),
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        fc.string(),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...ipc.channels),
          frames,
          hostileValue,
          async (channel, frameUrl, payload) => {
            fc.pre(frameUrl === undefined || !isOwnPage(frameUrl, page, 'linux'));
            const { sender, sent } = senderAt(frameUrl);
            const result = await settle(() => ipc.invoke(channel, sender, payload));
            expectTypedResult(result);
            expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
            expect(() => ipc.message(TASK_CANCEL, sender, payload)).not.toThrow();
            expect(sent).toEqual([]);
          },
        ),
        { numRuns: 300 },
      );
      // Every forged frame on every channel, not only those the dice chose.
      for (const channel of ipc.channels) {
        for (const frameUrl of FORGED) {
          const result = await ipc.invoke(channel, senderAt(frameUrl).sender, { taskId: 't', args: {} });
          expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        }
      }
      expect(reached).toEqual([]);
      expect(snapshot(context)).toBe(before);
    },
  );

  it('refuses a task whose id is missing, empty, too long or not a string', async () => {
    const { context, router, reached } = await counted();
    const own = 'file:///opt/Model%20Studio%20Keys/resources/app.asar/out/renderer/index.html';
    const ipc = createIpcServer(router, (url) => isOwnPage(url, pages.built, 'linux'));
    const before = snapshot(context);
    const badIds = fc.oneof(
      fc.constantFrom<unknown>('', 'x'.repeat(101), 'x'.repeat(10_000), MEGABYTE, undefined, null),
      hostileValue.filter((value) => typeof value !== 'string'),
    );
    const payloads = fc.oneof(
      badIds.map((taskId) => ({ taskId, args: undefined })),
      // A task id only on a "prototype", not the payload itself.
      fc.constant<unknown>(JSON.parse('{"__proto__":{"taskId":"t"},"args":null}')),
      fc.constantFrom<unknown>(undefined, null, 0, 'taskId', [], [{ taskId: 't' }], ...PROTOTYPE_PAYLOADS),
      fc.constant(undefined).map(() => ({ args: {} })),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TASK_NAMES), payloads, async (name, payload) => {
        const result = await settle(() => ipc.invoke(taskChannel(name), senderAt(own).sender, payload));
        expectTypedResult(result);
        expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
        expect(() => ipc.message(TASK_CANCEL, senderAt(own).sender, payload)).not.toThrow();
      }),
      { numRuns: 200 },
    );
    expect(reached).toEqual([]);
    expect(snapshot(context)).toBe(before);
  });

  it('answers our own page with a typed Result for any payload on any channel', async () => {
    const { context, router } = await counted();
    const own = 'file:///opt/Model%20Studio%20Keys/resources/app.asar/out/renderer/index.html';
    const ipc = createIpcServer(router, (url) => isOwnPage(url, pages.built, 'linux'));
    let taskNumber = 0;
    const callChannels = new Set(CALL_NAMES.map((name) => callChannel(name)));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ipc.channels), hostileValue, async (channel, args) => {
        const before = snapshot(context);
        const { sender } = senderAt(own);
        const payload = callChannels.has(channel) ? args : { taskId: `t${++taskNumber}`, args };
        const running = settle(() => ipc.invoke(channel, sender, payload));
        if (!callChannels.has(channel)) ipc.message(TASK_CANCEL, sender, payload);
        const result = await running;
        expectTypedResult(result);
        if (!result.ok) expect(snapshot(context)).toBe(before);
      }),
      { numRuns: 200 },
    );
  });
});
