// The local gateway against the Model Studio imitation, with the real keychain and the real
// `openai` SDK as the tool: the imitation sees the real key, the tool only its token — and no
// answer, stream, refusal or header that quotes the key hands it over; only what a tool needs to
// use models goes through, however its path is spelled; a token limited to a model stays so;
// usage is counted per tool, key and model, in a file that stays small; a refused key fails over
// to the next; what a web page could send is refused; a cancelled stream stops upstream; a restart
// loses no usage.
import { readFileSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addGatewayToken, revokeGatewayToken } from '../../main/core/actions/gateway.js';
import { usageReport } from '../../main/core/gateway/usage-report.js';
import { readEnvironment } from '../../main/core/config/environment.js';
import { type RunningGateway, startGateway } from '../../main/core/gateway/gateway-server.js';
import { UsageStore } from '../../main/core/gateway/usage-store.js';
import { createServices, type Services } from '../../main/core/keys/services.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { hostileValue } from '../fixtures/hostile-payloads.js';
import { keychainPart } from '../fixtures/keychain.js';
import { type FakeModelStudio, startModelStudio } from '../fixtures/model-studio-server.js';
import { type MskHome, mskHome } from '../fixtures/msk.js';

const keychain = keychainPart();

/** A raw request, to send what no SDK would: a foreign Host, an Origin. */
function raw(
  url: string,
  headers: Record<string, string>,
  body = '',
): Promise<{ status: number; text: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest(url, { method: body ? 'POST' : 'GET', headers }, (response) => {
      let text = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, text, headers: response.headers }),
      );
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

/** A request written by hand, byte for byte: what no HTTP client would send. */
function rawHttp(port: number, head: string, body = ''): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text });
    });
    // Written, not ended: the gateway answers and closes (Connection: close).
    socket.write(`${head.replaceAll('\n', '\r\n')}\r\n\r\n${body}`);
  });
}

/** Every 12 characters of a key's random part: any of them in an answer gives the key away. */
const piecesOf = (secret: string): string[] => {
  const random = secret.replace(/^sk-(?:ws-|sp-)?/, '');
  return Array.from({ length: random.length - 11 }, (_, index) => random.slice(index, index + 12));
};

const until = async (check: () => boolean, what: string) => {
  for (let waited = 0; !check(); waited += 20) {
    if (waited > 5000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe.runIf(keychain)('the local gateway', () => {
  let server: FakeModelStudio;
  let home: MskHome;
  let services: Services;
  let usage: UsageStore;
  let gateway: RunningGateway;
  const primary = fakeKey();
  const backup = fakeKey();
  const limited = fakeKey();
  const broke = fakeKey();
  const quoted = fakeKey('workspace');
  const quotedDenied = fakeKey('unusual');

  beforeAll(async () => {
    server = await startModelStudio();
    server.addKey('ap-southeast-1', primary);
    server.addKey('ap-southeast-1', backup);
    server.addKey('ap-southeast-1', limited, 'quota-429');
    server.addKey('ap-southeast-1', broke, 'arrears');
    server.addKey('ap-southeast-1', quoted, { quotesKey: true });
    server.addKey('ap-southeast-1', quotedDenied, { behaviour: 'model-denied', quotesKey: true });
  });
  afterAll(() => server.close());

  beforeEach(async () => {
    home = mskHome({ MSK_ENDPOINT_OVERRIDES: JSON.stringify(server.overrides) });
    for (const [label, secret] of [
      ['primary', primary],
      ['backup', backup],
      ['limited', limited],
      ['broke', broke],
      ['quoted', quoted],
      ['quoted-denied', quotedDenied],
    ] as const) {
      const added = await home.run(['add', '-l', label, '-r', 'sg', '-p', 'payg'], { input: secret });
      expect(added.code, added.stderr).toBe(0);
    }
    services = createServices(readEnvironment({ ...process.env, ...home.env }));
    usage = new UsageStore(home.directory, { flushDelayMs: 10 });
    gateway = await startGateway({ services, usage, port: 0 });
    server.requests.length = 0;
  });
  afterEach(async () => {
    await gateway.close();
    home.remove();
  });

  const tokenFor = async (
    name: string,
    keys: string[] = [],
    extra: { requestsPerMinute?: number; model?: string } = {},
  ) => (await addGatewayToken(services, { name, keys, ...extra })).token;
  const host = () => `127.0.0.1:${gateway.port}`;
  const client = (apiKey: string) => new OpenAI({ apiKey, baseURL: gateway.url, maxRetries: 0 });
  const counted = async (tool: string) => {
    await usage.flush();
    const rows = (await usage.read()).rows.filter((row) => row.tool === tool);
    return rows.map(({ keyId, model, requests, failedOver, inputTokens, outputTokens }) => ({
      key: keyIdLabels.get(keyId) ?? keyId,
      model,
      requests,
      failedOver,
      inputTokens,
      outputTokens,
    }));
  };
  let keyIdLabels = new Map<string, string>();
  beforeEach(async () => {
    keyIdLabels = new Map((await services.config.read()).keys.map((key) => [key.id, key.label]));
  });

  it('swaps the token for the key: the SDK gets its answer, Model Studio sees the key, usage is counted', async () => {
    const token = await tokenFor('chatbox', ['primary']);
    const answer = await client(token).chat.completions.create({
      model: 'qwen-plus',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(answer.choices[0]?.message.content).toBe('Hello from ap-southeast-1');
    expect(server.requests.map((seen) => seen.authorization)).toEqual([`Bearer ${primary}`]);
    expect(JSON.stringify(server.requests[0]?.headers)).not.toContain(token);
    expect(await counted('chatbox')).toEqual([
      { key: 'primary', model: 'qwen-plus', requests: 1, failedOver: 0, inputTokens: 5, outputTokens: 4 },
    ]);
  });

  it('streams: the usage it asked for on the tool’s behalf is counted and taken out again', async () => {
    const token = await tokenFor('cherry', ['primary']);
    const stream = await client(token).chat.completions.create({
      model: 'qwen-flash',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe(
      'Hello from ap-southeast-1',
    );
    expect(chunks.every((chunk) => chunk.choices.length > 0 && !chunk.usage)).toBe(true);
    expect((server.requests[0]?.body as { stream_options?: unknown }).stream_options).toEqual({
      include_usage: true,
    });
    expect(await counted('cherry')).toEqual([
      { key: 'primary', model: 'qwen-flash', requests: 1, failedOver: 0, inputTokens: 5, outputTokens: 4 },
    ]);
  });

  it('streams the usage chunk to a tool that asked for it', async () => {
    const token = await tokenFor('cline');
    const stream = await client(token).chat.completions.create({
      model: 'qwen-plus',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.at(-1)?.usage).toEqual({ prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 });
    // No key named: the active key (the first one added).
    expect(server.requests[0]?.authorization).toBe(`Bearer ${primary}`);
  });

  it('fails over from a key out of quota (429) and one in arrears (400) to the next, and records each attempt', async () => {
    const token = await tokenFor('dify', ['limited', 'broke', 'backup']);
    const answer = await client(token).chat.completions.create({
      model: 'qwen-plus',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(answer.choices[0]?.message.content).toBe('Hello from ap-southeast-1');
    expect(server.requests.map((seen) => seen.authorization)).toEqual([
      `Bearer ${limited}`,
      `Bearer ${broke}`,
      `Bearer ${backup}`,
    ]);
    // Refused attempts are counted, but not by the model the tool named.
    expect(await counted('dify')).toEqual([
      { key: 'limited', model: '', requests: 0, failedOver: 1, inputTokens: 0, outputTokens: 0 },
      { key: 'broke', model: '', requests: 0, failedOver: 1, inputTokens: 0, outputTokens: 0 },
      { key: 'backup', model: 'qwen-plus', requests: 1, failedOver: 0, inputTokens: 5, outputTokens: 4 },
    ]);
  });

  it('gives the last key’s refusal as it is when no key is left', async () => {
    const token = await tokenFor('postman', ['limited']);
    const refused = await client(token)
      .chat.completions.create({ model: 'qwen-plus', messages: [{ role: 'user', content: 'hi' }] })
      .catch((error: unknown) => error as InstanceType<typeof OpenAI.APIError>);
    expect(refused).toBeInstanceOf(OpenAI.APIError);
    expect((refused as InstanceType<typeof OpenAI.APIError>).status).toBe(429);
    expect((refused as InstanceType<typeof OpenAI.APIError>).code).toBe('insufficient_quota');
  });

  it('answers a revoked token exactly as one that never existed: 401', async () => {
    const token = await tokenFor('old-tool');
    await revokeGatewayToken(services, 'old-tool');
    // The gateway learns of the change through its watch on the data directory.
    const request = (apiKey: string) =>
      raw(`${gateway.url}/models`, { host: `127.0.0.1:${gateway.port}`, authorization: `Bearer ${apiKey}` });
    let revoked = await request(token);
    for (let tries = 0; revoked.status !== 401 && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      revoked = await request(token);
    }
    const unknown = await request('msk-gw-never-made');
    expect(revoked.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(revoked.text).toBe(unknown.text);
    expect(server.requests).toEqual([]);
  });

  it('refuses a request from a web page (Origin) and one addressed to another name (DNS rebinding): 403, no CORS', async () => {
    const token = await tokenFor('browser');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const fromPage = await raw(`${gateway.url}/models`, {
      ...headers,
      host: `127.0.0.1:${gateway.port}`,
      origin: 'https://evil.example',
    });
    const rebound = await raw(`${gateway.url}/models`, { ...headers, host: `evil.example:${gateway.port}` });
    for (const answer of [fromPage, rebound]) {
      expect(answer.status).toBe(403);
      expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
    expect(server.requests).toEqual([]);
    const fine = await raw(`${gateway.url}/models`, { ...headers, host: `localhost:${gateway.port}` });
    expect(fine.status).toBe(200);
  });

  it('takes an Anthropic client’s x-api-key and sends Model Studio a Bearer key', async () => {
    const token = await tokenFor('claude-desktop', ['backup']);
    const answer = await raw(
      `http://127.0.0.1:${gateway.port}/anthropic/v1/messages`,
      { host: `127.0.0.1:${gateway.port}`, 'x-api-key': token, 'content-type': 'application/json' },
      JSON.stringify({
        model: 'qwen3-coder-plus',
        max_tokens: 10,
        messages: [{ role: 'user', content: 'hi' }],
      }),
    );
    expect(answer.status).toBe(200);
    expect(answer.text).not.toContain(backup);
    expect(server.requests[0]?.authorization).toBe(`Bearer ${backup}`);
    expect(server.requests[0]?.headers['x-api-key']).toBeUndefined();
    expect(await counted('claude-desktop')).toEqual([
      {
        key: 'backup',
        model: 'qwen3-coder-plus',
        requests: 1,
        failedOver: 0,
        inputTokens: 5,
        outputTokens: 4,
      },
    ]);
  });

  it('stops the request upstream when the tool cancels a stream', async () => {
    server.streamDelayMs = 100;
    try {
      const token = await tokenFor('impatient');
      const controller = new AbortController();
      const stream = await client(token).chat.completions.create(
        { model: 'qwen-plus', messages: [{ role: 'user', content: 'hi' }], stream: true },
        { signal: controller.signal },
      );
      const before = server.aborted;
      for await (const chunk of stream) {
        expect(chunk.choices[0]?.delta.content).toBe('Hello ');
        controller.abort();
        break;
      }
      await until(() => server.aborted > before, 'the upstream request to be aborted');
    } finally {
      server.streamDelayMs = 0;
    }
  });

  it('holds a token to its requests a minute', async () => {
    const token = await tokenFor('limited-tool', [], { requestsPerMinute: 1 });
    const headers = { host: `127.0.0.1:${gateway.port}`, authorization: `Bearer ${token}` };
    expect((await raw(`${gateway.url}/models`, headers)).status).toBe(200);
    const second = await raw(`${gateway.url}/models`, headers);
    expect(second.status).toBe(429);
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('keeps usage across a restart, and reports it by tool, key and model with an estimated cost', async () => {
    const token = await tokenFor('chatbox', ['primary']);
    const ask = () =>
      client(token).chat.completions.create({
        model: 'qwen-plus',
        messages: [{ role: 'user', content: 'hi' }],
      });
    await ask();
    await gateway.close();
    usage = new UsageStore(home.directory, { flushDelayMs: 10 });
    gateway = await startGateway({ services, usage, port: 0 });
    await ask();
    const report = usageReport(await services.config.read(), await usage.read(), 'tool', '2000-01-01');
    expect(report.rows).toEqual([
      {
        name: 'chatbox',
        requests: 2,
        failedOver: 0,
        inputTokens: 10,
        outputTokens: 8,
        // qwen-plus in Singapore: $0.4 and $1.2 per million tokens.
        cost: { USD: (10 * 0.4 + 8 * 1.2) / 1_000_000 },
        unpricedTokens: 0,
      },
    ]);
  });

  describe('no key reaches the tool', () => {
    /** Where any trace of a key appears in what the tool got. */
    const traces = (got: string) =>
      [quoted, quotedDenied].flatMap((secret) =>
        [secret, ...piecesOf(secret)].filter((piece) => got.includes(piece)),
      );

    it('masks a refusal that quotes the key, in its body and its headers, with a length that fits', async () => {
      const token = await tokenFor('snoop', ['quoted-denied']);
      for (const [route, body] of [
        ['/v1/chat/completions', { model: 'qwen-plus', messages: [{ role: 'user', content: 'hi' }] }],
        ['/anthropic/v1/messages', { model: 'qwen-plus', max_tokens: 10, messages: [] }],
      ] as const) {
        const refused = await raw(
          `http://${host()}${route}`,
          { host: host(), authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          JSON.stringify(body),
        );
        expect(refused.status).toBe(403);
        expect(refused.text).toContain(`Access denied for API key sk-…${quotedDenied.slice(-4)}.`);
        expect(Number(refused.headers['content-length'])).toBe(Buffer.byteLength(refused.text));
        expect(traces(refused.text + JSON.stringify(refused.headers))).toEqual([]);
        expect(refused.headers['x-dashscope-denied-key']).toBe(
          `Bearer sk-${Buffer.from('…').toString('latin1')}${quotedDenied.slice(-4)}`,
        );
      }
      // Model Studio was sent the key; the tool got none of it.
      expect(server.requests.map((seen) => seen.authorization)).toEqual([
        `Bearer ${quotedDenied}`,
        `Bearer ${quotedDenied}`,
      ]);
    });

    it('masks an answer and a stream that quote the key, the stream cut inside it', async () => {
      const token = await tokenFor('echo', ['quoted']);
      const answer = await client(token).chat.completions.create({
        model: 'qwen-plus',
        messages: [{ role: 'user', content: 'hi' }],
      });
      expect(answer.choices[0]?.message.content).toBe(
        `Hello from ap-southeast-1, key sk-…${quoted.slice(-4)}`,
      );
      const stream = await client(token).chat.completions.create({
        model: 'qwen-plus',
        messages: [{ role: 'user', content: 'hi' }],
        stream: true,
      });
      let text = '';
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
      expect(text).toBe(`Hello from ap-southeast-1, key sk-…${quoted.slice(-4)}`);
      const bytes = await raw(
        `${gateway.url}/chat/completions`,
        { host: host(), authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        JSON.stringify({ model: 'qwen-plus', messages: [], stream: true }),
      );
      expect(bytes.status).toBe(200);
      expect(traces(bytes.text + JSON.stringify(bytes.headers))).toEqual([]);
      // The usage chunk the gateway asked for is still taken out, and counted.
      expect(bytes.text).not.toContain('"usage"');
      expect(await counted('echo')).toEqual([
        expect.objectContaining({ key: 'quoted', model: 'qwen-plus', requests: 3, inputTokens: 15 }),
      ]);
    });

    it('reads an answer Model Studio compressed though asked not to, and masks it', async () => {
      server.compressAnswers = true;
      try {
        const token = await tokenFor('zipped', ['quoted']);
        const answer = await raw(
          `http://${host()}/api/v1/services/aigc/text-generation/generation`,
          { host: host(), authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          JSON.stringify({ model: 'qwen-plus', input: { prompt: 'hi' } }),
        );
        expect(answer.status).toBe(200);
        expect(answer.headers['content-encoding']).toBeUndefined();
        expect(JSON.parse(answer.text)).toMatchObject({
          output: { text: `Hello from ap-southeast-1, key sk-…${quoted.slice(-4)}` },
        });
        expect(traces(answer.text)).toEqual([]);
      } finally {
        server.compressAnswers = false;
      }
    });
  });

  describe('only what a tool needs goes through', () => {
    it('refuses to mint a temporary key: 403 with the reason, and Model Studio never asked', async () => {
      const token = await tokenFor('minter', ['primary']);
      const refused = await raw(
        `http://${host()}/api/v1/tokens?expire_in_seconds=1800`,
        { host: host(), authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        '{}',
      );
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.text)).toMatchObject({
        error: {
          code: 'forbidden_path',
          message: expect.stringContaining('POST /api/v1/tokens is not one of them'),
        },
      });
      expect(refused.text).not.toMatch(/st-[0-9a-f]{8}/);
      expect(server.requests).toEqual([]);
    });

    it('refuses every other spelling of a path it does not forward, and never asks Model Studio', async () => {
      const token = await tokenFor('prober', ['primary']);
      const targets = [
        '/api/v1/tokens',
        '/api/v1/tokens?',
        '/api/v1/tokens#',
        '/api/v1/tokens/',
        '/API/v1/Tokens',
        '/api/v1/Tokens',
        '/api/V1/tokens',
        '/api/v1//tokens',
        '//api/v1/tokens',
        '/api/v1/./tokens',
        '/api/v1/tasks/../tokens',
        '/api/v1/tasks/%2e%2e/tokens',
        '/api/v1/tasks/%2E%2E/tokens',
        '/api/v1/tasks/..%2Ftokens',
        '/api/v1/tasks%2F..%2Ftokens',
        '/api/v1/tasks\\..\\tokens',
        '/api/v1/tasks/..\\tokens',
        '/api/v1/%74okens',
        '/v1/../api/v1/tokens',
        '/v1/%2e%2e/%2e%2e/api/v1/tokens',
        '/v1/chat/completions/../../../api/v1/tokens',
        '/v1/chat/completions#/../../../api/v1/tokens',
        '/v1/chat/completions?#',
        '/anthropic/../api/v1/tokens',
        `http://${host()}/api/v1/tokens`,
        '/api/v1/uploads?action=getPolicy&model=qwen-vl-plus',
        '/api/v1/files',
        '/v1/files',
        '/v1/batches',
        '/api/v1/fine-tunes',
        '/api/v1/deployments',
        '/api/v1/apps/my-app/completion',
        '/api/v1/tasks',
        '/api/v1/services/aigc/../../tokens',
        '/anthropic/v1/messages/batches',
        '/anthropic/api/hello',
        '/v1',
        '/v1/',
      ];
      for (const target of targets) {
        for (const method of ['POST', 'GET']) {
          const answer = await rawHttp(
            gateway.port,
            `${method} ${target} HTTP/1.1\nHost: ${host()}\nAuthorization: Bearer ${token}\nContent-Type: application/json\nContent-Length: 2\nConnection: close`,
            '{}',
          );
          expect([400, 403, 404], `${method} ${target}: ${answer.text}`).toContain(answer.status);
        }
      }
      expect(server.requests.map((seen) => `${seen.method} ${seen.target}`)).toEqual([]);
    });

    it('forwards a path it allows exactly as it was checked, its query too', async () => {
      const token = await tokenFor('native', ['primary']);
      const headers = { host: host(), authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const generated = await raw(
        `http://${host()}/api/v1/services/aigc/text-generation/generation?trace=1`,
        headers,
        JSON.stringify({ model: 'qwen-plus', input: { prompt: 'hi' } }),
      );
      expect(generated.status).toBe(200);
      await raw(`http://${host()}/api/v1/tasks/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d`, headers);
      await rawHttp(
        gateway.port,
        `GET /v1/models? HTTP/1.1\nHost: ${host()}\nAuthorization: Bearer ${token}\nConnection: close`,
      );
      expect(server.requests.map((seen) => `${seen.method} ${seen.target}`)).toEqual([
        `POST /dashscope/ap-southeast-1/api/v1/services/aigc/text-generation/generation?trace=1`,
        'GET /dashscope/ap-southeast-1/api/v1/tasks/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
        'GET /dashscope/ap-southeast-1/compatible-mode/v1/models?',
      ]);
    });
  });

  describe('a token limited to a model', () => {
    const chat = (model: string) => JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] });
    const send = async (token: string, headers: Record<string, string>, body: string | Buffer) =>
      raw(
        `${gateway.url}/chat/completions`,
        { host: host(), authorization: `Bearer ${token}`, ...headers },
        body as string,
      );

    it('gets its model whatever the media type’s case, and with the model named twice', async () => {
      const token = await tokenFor('flash-only', ['primary'], { model: 'qwen-flash' });
      for (const type of ['application/JSON', 'Application/Json; charset=utf-8']) {
        expect((await send(token, { 'content-type': type }, chat('qwen-max'))).status).toBe(200);
      }
      const twice = '{"model":"qwen-max","messages":[],"model":"qwen-flash"}';
      expect((await send(token, { 'content-type': 'application/json' }, twice)).status).toBe(200);
      expect(server.requests.map((seen) => (seen.body as { model: string }).model)).toEqual([
        'qwen-flash',
        'qwen-flash',
        'qwen-flash',
      ]);
      // Re-written: the model once, as JSON.
      expect(server.requests.every((seen) => seen.text.split('"model"').length === 2)).toBe(true);
      expect(server.requests.map((seen) => seen.headers['content-type'])).toEqual(
        Array(3).fill('application/json'),
      );
    });

    it('is refused, with the reason, a body the gateway cannot read: not JSON, compressed, multipart', async () => {
      const token = await tokenFor('flash-only', ['primary'], { model: 'qwen-flash' });
      for (const [headers, body, status] of [
        [{ 'content-type': 'text/plain' }, chat('qwen-max'), 415],
        [
          { 'content-type': 'multipart/form-data; boundary=x' },
          `--x\r\n\r\n${chat('qwen-max')}\r\n--x--`,
          415,
        ],
        [{ 'content-type': 'application/json', 'content-encoding': 'gzip' }, gzipSync(chat('qwen-max')), 415],
        [{ 'content-type': 'application/json' }, '{"model":"qwen-max",', 400],
      ] as const) {
        const refused = await send(token, headers, body as string);
        expect(refused.status).toBe(status);
        expect(JSON.parse(refused.text)).toMatchObject({
          error: { message: expect.stringContaining("The token 'flash-only' may use only qwen-flash") },
        });
      }
      expect(server.requests).toEqual([]);
    });
  });

  describe('headers', () => {
    it('takes the token from api-key (Azure-style clients), and forwards no header that holds it', async () => {
      const token = await tokenFor('azure-style', ['primary']);
      const answer = await raw(`${gateway.url}/models`, {
        host: host(),
        'api-key': token,
        'x-goog-api-key': token,
        'x-custom': `Token ${token}`,
        'x-api-key': token,
      });
      expect(answer.status).toBe(200);
      const forwarded = server.requests[0]?.headers ?? {};
      expect(JSON.stringify(forwarded)).not.toContain(token);
      expect(forwarded['api-key']).toBeUndefined();
      expect(forwarded.authorization).toBe(`Bearer ${primary}`);
    });

    it('answers Expect: 100-continue itself, so a large body goes through', async () => {
      const token = await tokenFor('big-prompt', ['primary']);
      const body = JSON.stringify({
        model: 'qwen-plus',
        messages: [{ role: 'user', content: 'x'.repeat(2_000_000) }],
      });
      const status = await new Promise<number>((resolve, reject) => {
        const sent = httpRequest(`${gateway.url}/chat/completions`, {
          method: 'POST',
          headers: {
            host: host(),
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            expect: '100-continue',
          },
        });
        sent.on('continue', () => sent.end(body));
        sent.on('response', (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        sent.on('error', reject);
      });
      expect(status).toBe(200);
      expect(server.requests[0]?.headers.expect).toBeUndefined();
    });

    it('refuses a request with two Host headers', async () => {
      const token = await tokenFor('two-hosts', ['primary']);
      const answer = await rawHttp(
        gateway.port,
        `GET /v1/models HTTP/1.1\nHost: ${host()}\nHost: evil.example\nAuthorization: Bearer ${token}\nConnection: close`,
      );
      expect(answer.status).toBe(400);
      expect(server.requests).toEqual([]);
    });
  });

  it('takes hostile bodies in its stride: a limited token’s model always goes up, and the gateway never fails', async () => {
    const limitedToken = await tokenFor('fuzzed-limited', ['primary'], { model: 'qwen-flash' });
    const openToken = await tokenFor('fuzzed-open', ['primary']);
    const bodies = fc.oneof(
      hostileValue.map((model) => ({
        model,
        messages: [{ role: 'user', content: 'hi' }],
        stream: model === true,
      })),
      hostileValue,
    );
    await fc.assert(
      fc.asyncProperty(bodies, fc.boolean(), async (value, limitedTool) => {
        let text: string;
        try {
          text = JSON.stringify(value) ?? 'null';
        } catch {
          text = '{"model": 1n}'; // a BigInt somewhere: not JSON at all
        }
        server.requests.length = 0;
        const answer = await raw(
          `${gateway.url}/chat/completions`,
          {
            host: host(),
            authorization: `Bearer ${limitedTool ? limitedToken : openToken}`,
            'content-type': 'application/json',
          },
          text || 'null',
        );
        expect(answer.status, answer.text.slice(0, 200)).toBeLessThan(500);
        if (limitedTool)
          for (const seen of server.requests)
            expect((seen.body as { model?: unknown }).model).toBe('qwen-flash');
      }),
      { numRuns: 80 },
    );
    await usage.flush();
    expect(statSync(path.join(home.directory, 'usage.json')).size).toBeLessThan(20_000);
  }, 60_000);

  it('keeps usage.json small whatever a tool names as its model', async () => {
    const token = await tokenFor('namer', ['primary']);
    for (const model of ['m'.repeat(1_000_000), 'qwen plus && rm -rf ~'])
      await client(token).chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] });
    await usage.flush();
    expect(statSync(path.join(home.directory, 'usage.json')).size).toBeLessThan(2000);
    expect(readFileSync(path.join(home.directory, 'usage.json'), 'utf8')).not.toContain('rm -rf');
    expect(await counted('namer')).toEqual([
      { key: 'primary', model: '', requests: 2, failedOver: 0, inputTokens: 10, outputTokens: 8 },
    ]);
  });
});
