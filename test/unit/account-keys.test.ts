// The account's keys, below the CLI: rows read as hostile input, a stored secret told by the
// service's mask, a new key's bounds checked before any call, and a rotation whose keychain write
// is retried (the waits counted, not waited) and only then handed back once — against the
// management API's imitation over HTTP, with a keychain fake of our own port.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyOf, apiKeysOf, createKeyRequest, fitsMask } from '../../main/core/account/api-keys.js';
import { ManagementClient } from '../../main/core/account/management-client.js';
import { workspacesOf } from '../../main/core/account/workspaces.js';
import { connectAccount } from '../../main/core/actions/account.js';
import {
  createAccountKey,
  findAccountKey,
  rotateAccountKey,
  withKeychainRetries,
} from '../../main/core/actions/account-keys.js';
import { renewedSecret } from '../../main/core/gateway/rotation-wait.js';
import { createServices, type Services } from '../../main/core/keys/services.js';
import { MemorySecretStore } from '../fixtures/memory-secret-store.js';
import {
  type FakeModelStudioOpenApi,
  type OpenApiAccount,
  startModelStudioOpenApi,
} from '../fixtures/model-studio-openapi/server.js';
import { maskValue } from '../fixtures/model-studio-openapi/state.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { useTempDirectory } from '../fixtures/temp-directory.js';

describe('account key rows', () => {
  const row = (fields: Record<string, unknown>) => ({
    apiKeyId: 2965970,
    apiKeyValue: 'sk-ws-djI.8O7d*****abcdefghijkl',
    workspaceId: 'ws-0123456789abcdef',
    description: 'ci',
    createdBy: '1234567890',
    disabled: 0,
    gmtCreate: Date.UTC(2026, 0, 2),
    ...fields,
  });

  it('keeps a well-formed row, its time as ISO and its state from 0/1', () => {
    expect(apiKeyOf(row({}), 'cn-beijing')).toEqual({
      apiKeyId: '2965970',
      workspaceId: 'ws-0123456789abcdef',
      regionId: 'cn-beijing',
      maskedValue: 'sk-ws-djI.8O7d*****abcdefghijkl',
      description: 'ci',
      enabled: true,
      createdAt: '2026-01-02T00:00:00.000Z',
      createdBy: '1234567890',
    });
    expect(apiKeyOf(row({ disabled: 1 }), 'cn-beijing')?.enabled).toBe(false);
    expect(apiKeyOf(row({ disabled: 'no' }), 'cn-beijing')?.enabled).toBe(false);
    expect(apiKeyOf(row({ gmtCreate: 'yesterday' }), 'cn-beijing')?.createdAt).toBeNull();
  });

  it('drops rows whose id, workspace or mask is not one, and strips what hides or reorders text', () => {
    for (const bad of [
      { apiKeyId: '12a' },
      { apiKeyId: -4 },
      { apiKeyId: 1.5 },
      { workspaceId: '../../etc' },
      { workspaceId: 'WS-UPPER' },
      { apiKeyValue: 'sk-ws-whole-value-without-a-mask' },
      { apiKeyValue: 'sk-\u001b[31m*****abcd' },
    ])
      expect(apiKeyOf(row(bad), 'cn-beijing'), JSON.stringify(bad)).toBeNull();
    const hostile = apiKeyOf(
      row({ description: 'prod\u202Egnp.exe\u0007', createdBy: '\u001b]0;owned\u0007root' }),
      'cn-beijing',
    );
    expect(hostile).toMatchObject({ description: 'prodgnp.exe', createdBy: ']0;ownedroot' });
    expect(apiKeysOf({ apiKeys: [row({}), null, 'x', row({ apiKeyId: 'x' })] }, 'cn-beijing')).toHaveLength(
      1,
    );
    expect(apiKeysOf({ apiKeys: 'none' }, 'cn-beijing')).toEqual([]);
  });

  it('drops workspaces whose id is not one, and strips their names and hosts', () => {
    const rows = workspacesOf(
      {
        workspaces: [
          {
            workspaceId: 'ws-0123456789abcdef',
            workspaceName: 'team\u202Etxt.exe',
            apiHost: 'llm-abcd.x.com',
          },
          { workspaceId: '../etc', workspaceName: 'evil' },
          { workspaceName: 'no id' },
        ],
      },
      'cn-beijing',
    );
    expect(rows).toEqual([
      expect.objectContaining({
        workspaceId: 'ws-0123456789abcdef',
        name: 'teamtxt.exe',
        apiHost: 'llm-abcd.x.com',
      }),
    ]);
  });

  it("tells a stored secret by the service's mask: its start and end, and longer than both", () => {
    const secret = fakeKey('workspace');
    expect(fitsMask(secret, maskValue(secret))).toBe(true);
    expect(fitsMask(fakeKey('workspace'), maskValue(secret))).toBe(false);
    expect(fitsMask(secret.slice(0, 26), maskValue(secret))).toBe(false);
    expect(fitsMask(secret, secret)).toBe(false);
  });

  it("checks a new key's description and scope before any call", () => {
    expect(createKeyRequest({})).toEqual({ query: {} });
    expect(createKeyRequest({ description: ' ci ', models: ['qwen-plus', 'qwen-plus'], ips: [] })).toEqual({
      query: { description: 'ci' },
      body: {
        auth: {
          type: 'Custom',
          accessIps: [],
          modelAccessScope: { allowAllModels: false, accessibleModels: ['qwen-plus'] },
        },
      },
    });
    expect(createKeyRequest({ ips: ['10.0.0.0/8'] }).body).toMatchObject({
      auth: { accessIps: ['10.0.0.0/8'], modelAccessScope: { allowAllModels: true } },
    });
    expect(() => createKeyRequest({ description: 'd'.repeat(257) })).toThrow(/at most 256 characters/);
    expect(() => createKeyRequest({ description: 'a\u202Eb' })).toThrow(/text-direction/);
    const many = Array.from({ length: 101 }, (_, index) => `10.0.0.${index}`);
    expect(() => createKeyRequest({ ips: many })).toThrow(/at most 100 addresses/);
    expect(() => createKeyRequest({ ips: ['10.0.0.1; rm -rf /'] })).toThrow(/is not one of the addresses/);
  });
});

describe('keychain writes of a new value', () => {
  it('are tried at once, then after 250, 1000 and 3000 ms, and the last error is handed back', async () => {
    const waits: number[] = [];
    let tries = 0;
    const failing = await withKeychainRetries(
      async () => {
        tries += 1;
        throw new Error(`locked ${tries}`);
      },
      { sleep: async (ms) => void waits.push(ms) },
    );
    expect(waits).toEqual([250, 1000, 3000]);
    expect(failing).toMatchObject({ ok: false, error: new Error('locked 4') });
    waits.length = 0;
    tries = 0;
    const third = await withKeychainRetries(
      async () => {
        tries += 1;
        if (tries < 3) throw new Error('locked');
        return 'stored';
      },
      { sleep: async (ms) => void waits.push(ms) },
    );
    expect(third).toEqual({ ok: true, value: 'stored' });
    expect(waits).toEqual([250, 1000]);
  });
});

describe('account keys against the imitation', () => {
  const directory = useTempDirectory();
  let openapi: FakeModelStudioOpenApi;
  let count = 0;
  beforeAll(async () => {
    openapi = await startModelStudioOpenApi();
  });
  afterAll(() => openapi.close());

  /** Services on a memory keychain, with `account` connected by its owner's AccessKey. */
  async function connected(account: OpenApiAccount): Promise<Services & { secrets: MemorySecretStore }> {
    const services = createServices(
      {
        dataDirectory: path.join(directory(), `home-${++count}`),
        keychainService: 'unused',
        endpointOverrides: {},
        openApiEndpoints: openapi.overrides,
      },
      new MemorySecretStore(),
    ) as Services & { secrets: MemorySecretStore };
    const { accessKeyId, accessKeySecret } = account.accessKey();
    await connectAccount(services, {
      credential: { kind: 'access-key', accessKeyId, accessKeySecret },
      site: 'international',
    });
    return services;
  }

  /** An account key stored here as 'live' (its value as it was: `old`), found as rotate finds it. */
  async function storedAccountKey() {
    const account = openapi.addAccount();
    const key = account.addApiKey('ap-southeast-1');
    const services = await connected(account);
    const { record } = await services.vault.add({
      secret: key.value,
      label: 'live',
      regionId: 'ap-southeast-1',
    });
    return { key, services, record, old: key.value, located: await findAccountKey(services, 'live') };
  }

  it('marks a stored key while it rotates, replaces its value under the same id, and clears the mark', async () => {
    const { key, services, record, old, located } = await storedAccountKey();
    expect(located.stored?.id).toBe(record.id);

    // Seen from another reader in the middle of the reset: the mark is there.
    openapi.latencyMs = 200;
    const rotation = rotateAccountKey(services, located);
    while (!openapi.requests.some((request) => request.action === 'ResetApiKey'))
      await new Promise((resolve) => setTimeout(resolve, 10));
    const during = (await services.config.read()).keys[0];
    expect(during?.accountKey?.rotatingSince).toMatch(/^\d{4}-/);
    const rotated = await rotation;
    openapi.latencyMs = 0;

    expect(rotated).toMatchObject({ stored: 'replaced', shownOnce: null, record: { id: record.id } });
    expect(services.secrets.items.get(record.id)).toBe(key.value);
    expect(key.value).not.toBe(old);
    const after = (await services.config.read()).keys[0];
    expect(after?.accountKey?.rotatingSince).toBeUndefined();
    expect(after?.fingerprint).toBe(key.value.slice(-4));
  });

  it('hands the new value back once only when every keychain write failed, and clears the mark', async () => {
    const { key, services, record, old, located } = await storedAccountKey();
    const waits: number[] = [];
    services.secrets.failWrites = true;
    const rotated = await rotateAccountKey(services, located, {
      retry: { sleep: async (ms) => void waits.push(ms) },
    });
    expect(waits).toEqual([250, 1000, 3000]);
    expect(rotated).toMatchObject({ stored: 'not-stored', shownOnce: key.value });
    expect(rotated.keychainError).toMatch(/locked/);
    expect(key.value).not.toBe(old);
    expect(services.secrets.items.get(record.id)).toBe(old);
    expect((await services.config.read()).keys[0]?.accountKey?.rotatingSince).toBeUndefined();
  });

  it('deletes a created key again when the keychain refuses its value, and says so', async () => {
    const account = openapi.addAccount();
    const [workspace] = account.seed('ap-southeast-1', { workspaces: 1, keysPerWorkspace: 0 });
    const services = await connected(account);
    services.secrets.failWrites = true;
    await expect(
      createAccountKey(
        services,
        { workspace: workspace?.workspaceName ?? '', label: 'new' },
        { retry: { sleep: async () => undefined } },
      ),
    ).rejects.toMatchObject({ code: 'keychain-locked', message: /deleted from the account again/ });
    expect(account.apiKeys()).toHaveLength(0);
    expect((await services.config.read()).keys).toHaveLength(0);
    expect(openapi.requests.filter((request) => request.action === 'DeleteApiKey')).toHaveLength(1);
  });
});

describe('the gateway after a 401', () => {
  const directory = useTempDirectory();

  async function storedKey(rotatingSince?: string) {
    const services = createServices(
      { dataDirectory: directory(), keychainService: 'unused', endpointOverrides: {} },
      new MemorySecretStore(),
    ) as Services & { secrets: MemorySecretStore };
    const old = fakeKey('workspace');
    const { record } = await services.vault.add({ secret: old, label: 'live', regionId: 'ap-southeast-1' });
    await services.config.update((draft) => {
      const key = draft.keys[0];
      if (key)
        key.accountKey = {
          accountId: '00000000-0000-4000-8000-000000000000',
          apiKeyId: '1',
          workspaceId: 'ws-0123456789abcdef',
          ...(rotatingSince !== undefined && { rotatingSince }),
        };
    });
    return { services, old, keyId: record.id };
  }

  it('waits for a rotation under way to store the new value, then has it to send again', async () => {
    const { services, old, keyId } = await storedKey(new Date().toISOString());
    const renewed = fakeKey('workspace');
    let polls = 0;
    const secret = await renewedSecret(services, keyId, old, {
      sleep: async () => {
        polls += 1;
        if (polls === 3) {
          await services.secrets.set(keyId, renewed);
          await services.config.update((draft) => {
            delete draft.keys[0]?.accountKey?.rotatingSince;
          });
        }
      },
    });
    expect(secret).toBe(renewed);
    expect(polls).toBe(3);
  });

  it('does not wait for a mark left behind long ago, nor send the same value again', async () => {
    const { services, old, keyId } = await storedKey(new Date(Date.now() - 5 * 60_000).toISOString());
    let polls = 0;
    const sleep = async () => void (polls += 1);
    expect(await renewedSecret(services, keyId, old, { sleep })).toBeUndefined();
    expect(polls).toBe(0);
    expect(await renewedSecret(services, 'gone', old, { sleep })).toBeUndefined();
  });

  it('gives up waiting after its longest wait', async () => {
    const { services, old, keyId } = await storedKey(new Date().toISOString());
    const start = Date.now();
    let clock = start;
    const secret = await renewedSecret(services, keyId, old, {
      maxWaitMs: 1000,
      now: () => clock,
      sleep: async (ms) => void (clock += ms),
    });
    expect(secret).toBeUndefined();
    expect(clock - start).toBeGreaterThanOrEqual(1000);
    expect(clock - start).toBeLessThan(1200);
  });
});

describe('a paged list', () => {
  it('stops, with an error, when the service hands back a page token it gave before', async () => {
    let asked = 0;
    const server = createServer((_request, response) => {
      asked++;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ workspaces: [], nextToken: asked % 2 === 0 ? 'a' : 'b' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const client = new ManagementClient(
      async () => ({ accessKeyId: 'LTAI5tTestTestTest', accessKeySecret: 's' }),
      {
        'cn-beijing': `http://127.0.0.1:${port}`,
      },
    );
    try {
      await expect(client.list('cn-beijing', 'ListWorkspaces', () => [])).rejects.toMatchObject({
        code: 'service-refused',
        message: expect.stringMatching(/kept answering with more pages; stopped after 3/),
      });
      expect(asked).toBe(3);
    } finally {
      server.close();
    }
  });
});

describe('a connection dropped under a call', () => {
  async function droppingServer(drops: number) {
    const methods: string[] = [];
    const server = createServer((request, response) => {
      methods.push(request.method ?? '');
      // What a connection closed while idle looks like to the library: reset, no answer.
      if (methods.length <= drops) {
        request.socket.destroy();
        return;
      }
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ workspaces: [] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const client = new ManagementClient(
      async () => ({ accessKeyId: 'LTAI5tTestTestTest', accessKeySecret: 's' }),
      { 'cn-beijing': `http://127.0.0.1:${port}` },
    );
    return { client, methods, close: () => server.close() };
  }

  it('sends a read once more, and its answer arrives', async () => {
    const { client, methods, close } = await droppingServer(1);
    try {
      await expect(client.list('cn-beijing', 'ListWorkspaces', () => ['row'])).resolves.toEqual(['row']);
      expect(methods).toEqual(['GET', 'GET']);
    } finally {
      close();
    }
  });

  it('says the network failed when a read is dropped twice', async () => {
    const { client, methods, close } = await droppingServer(2);
    try {
      await expect(client.list('cn-beijing', 'ListWorkspaces', () => [])).rejects.toMatchObject({
        code: 'network',
      });
      expect(methods).toEqual(['GET', 'GET']);
    } finally {
      close();
    }
  });

  it('never sends a change twice: it may have arrived', async () => {
    const { client, methods, close } = await droppingServer(1);
    try {
      await expect(client.call('cn-beijing', 'DisableApiKey', { id: 'k-1' })).rejects.toMatchObject({
        code: 'network',
        message: expect.stringMatching(
          /^Model Studio's management API in cn-beijing could not be reached: socket hang up \(PUT http:\/\/127\.0\.0\.1:\d+\/modelstudio\/apikeys\/k-1\/disable\)\.$/,
        ),
      });
      expect(methods).toEqual(['PUT']);
    } finally {
      close();
    }
  });
});
