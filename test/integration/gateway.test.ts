// The local gateway against the Model Studio imitation, with the real keychain and the real
// `openai` SDK as the tool: the imitation sees the real key, the tool only its token; usage is
// counted per tool, key and model; a refused key fails over to the next; what a web page could
// send is refused; a cancelled stream stops upstream; a restart loses no usage.
import { request as httpRequest } from 'node:http';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addGatewayToken, revokeGatewayToken, usageReport } from '../../main/core/actions/gateway.js';
import { readEnvironment } from '../../main/core/environment.js';
import { type RunningGateway, startGateway } from '../../main/core/gateway/gateway-server.js';
import { UsageStore } from '../../main/core/gateway/usage-store.js';
import { createServices, type Services } from '../../main/core/services.js';
import { fakeKey } from '../fixtures/fake-keys.js';
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

  beforeAll(async () => {
    server = await startModelStudio();
    server.addKey('ap-southeast-1', primary);
    server.addKey('ap-southeast-1', backup);
    server.addKey('ap-southeast-1', limited, 'quota-429');
    server.addKey('ap-southeast-1', broke, 'arrears');
  });
  afterAll(() => server.close());

  beforeEach(async () => {
    home = mskHome({ MSK_ENDPOINT_OVERRIDES: JSON.stringify(server.overrides) });
    for (const [label, secret] of [
      ['primary', primary],
      ['backup', backup],
      ['limited', limited],
      ['broke', broke],
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

  const tokenFor = async (name: string, keys: string[] = [], extra: { requestsPerMinute?: number } = {}) =>
    (await addGatewayToken(services, { name, keys, ...extra })).token;
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
    expect(await counted('dify')).toEqual([
      { key: 'limited', model: 'qwen-plus', requests: 0, failedOver: 1, inputTokens: 0, outputTokens: 0 },
      { key: 'broke', model: 'qwen-plus', requests: 0, failedOver: 1, inputTokens: 0, outputTokens: 0 },
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
});
