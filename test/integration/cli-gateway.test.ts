// `msk gateway run` as a user runs it, tokens made and revoked with `msk gateway token`, and
// `msk usage` — with the real keychain, the Model Studio imitation, the real `openai` SDK and the
// real Qwen Code and Claude Code CLIs as tools. A tool holds its token only: the key is in no
// variable and no file it can see, yet the imitation receives the key; and all a real tool asks
// for is among what the gateway forwards.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeKey } from '../fixtures/fake-keys.js';
import { keychainPart } from '../fixtures/keychain.js';
import { type FakeModelStudio, startModelStudio } from '../fixtures/model-studio-server.js';
import { MSK, type MskHome, mskHome, runProcess } from '../fixtures/msk.js';
import { systemPart } from '../fixtures/system.js';
import { removeTree } from '../fixtures/temp-directory.js';
import { freePort } from '../fixtures/free-port.js';

const QWEN = path.resolve('node_modules/.bin/qwen');
const CLAUDE = path.resolve('node_modules/.bin/claude');
const keychain = keychainPart();

/** Every file under `folder`, read as text. */
const filesUnder = (folder: string): string[] =>
  readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(folder, name))
    .filter((file) => statSync(file).isFile())
    .map((file) => readFileSync(file, 'latin1'));

/** A tool's environment: its own HOME, the gateway's settings, nothing of msk's, no proxy. */
const toolEnvironment = (home: string, settings: Record<string, string>) => ({
  HOME: home,
  TERM: 'dumb',
  ...settings,
  MSK_HOME: undefined,
  MSK_ENDPOINT_OVERRIDES: undefined,
  ...Object.fromEntries(
    ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'all_proxy'].map((name) => [
      name,
      undefined,
    ]),
  ),
});

describe.runIf(keychain)('msk gateway', () => {
  let server: FakeModelStudio;
  let home: MskHome;
  let gateway: ChildProcess | undefined;
  let log = '';
  const secret = fakeKey();

  beforeAll(async () => {
    server = await startModelStudio();
    server.addKey('ap-southeast-1', secret);
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    home = mskHome({ MSK_ENDPOINT_OVERRIDES: JSON.stringify(server.overrides) });
    expect(
      (await home.run(['add', '-l', 'personal', '-r', 'sg', '-p', 'payg'], { input: secret })).code,
    ).toBe(0);
    server.requests.length = 0;
  });
  afterEach(async () => {
    if (gateway && gateway.exitCode === null) {
      gateway.kill('SIGTERM');
      await new Promise((resolve) => gateway?.once('exit', resolve));
    }
    gateway = undefined;
    home.remove();
  });

  /** `msk gateway run --port P`, once it says it listens. */
  async function run(port: number): Promise<string> {
    log = '';
    gateway = spawn(process.execPath, [MSK, 'gateway', 'run', '--port', String(port)], {
      env: { ...process.env, ...home.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    gateway.stderr?.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    for (let waited = 0; !log.includes('Gateway on '); waited += 20) {
      if (waited > 15_000 || gateway.exitCode !== null) throw new Error(`the gateway did not start: ${log}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return `http://127.0.0.1:${port}/v1`;
  }

  const tokenFor = async (name: string) => {
    const made = await home.run(['gateway', 'token', 'add', name, '--key', 'personal']);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toContain('shown this once');
    return made.stdout.trim();
  };

  it('runs until stopped, swaps tokens for the key, and leaves usage that msk usage reports', async () => {
    const url = await run(await freePort());
    const token = await tokenFor('chatbox');
    expect(token).toMatch(/^msk-gw-/);
    const client = new OpenAI({ apiKey: token, baseURL: url, maxRetries: 0 });
    const answer = await client.chat.completions.create({
      model: 'qwen-plus',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(answer.choices[0]?.message.content).toBe('Hello from ap-southeast-1');
    expect(server.requests.map((seen) => seen.authorization)).toEqual([`Bearer ${secret}`]);
    // Said once the answer is out: a moment after the tool has it.
    const said = /chatbox POST \/v1\/chat\/completions → 200 via 'personal'/;
    for (let waited = 0; !said.test(log) && waited < 5000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log).toMatch(said);
    expect(log).not.toContain(secret);
    expect(log).not.toContain(token);

    // Once usage was written (which loads the lock, and its signal handler), a second request:
    // Ctrl-C must still let the gateway write it before it ends.
    const usageFile = path.join(home.directory, 'usage.json');
    for (let waited = 0; !existsSync(usageFile) && waited < 5000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await client.chat.completions.create({
      model: 'qwen-plus',
      messages: [{ role: 'user', content: 'again' }],
    });
    gateway?.kill('SIGINT');
    const code = await new Promise((resolve) => gateway?.once('exit', resolve));
    expect(code).toBe(0);
    expect(log).toContain('Gateway stopped; usage recorded.');

    const usage = await home.run(['usage', '--json', '--by', 'key']);
    expect(usage.code, usage.stderr).toBe(0);
    expect(JSON.parse(usage.stdout)).toMatchObject({
      by: 'key',
      rows: [{ name: 'personal', requests: 2, inputTokens: 10, outputTokens: 8 }],
    });
    const table = await home.run(['usage']);
    expect(table.stdout).toMatch(/^TOOL\s+REQUESTS/);
    // qwen-plus in Singapore: 10 × $0.4 + 8 × $1.2 per million tokens.
    expect(table.stdout).toMatch(/chatbox\s+2\s+0\s+10\s+8\s+\$0\.000014\n/);
  });

  it('lists tokens without them, and refuses a revoked one', async () => {
    const url = await run(await freePort());
    const token = await tokenFor('cline');
    const listed = await home.run(['gateway', 'token', 'list', '--json']);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ name: 'cline', keys: ['personal'] }]);
    expect(listed.stdout).not.toContain(token);
    expect((await home.run(['gateway', 'token', 'revoke', 'cline'])).stderr).toBe("Revoked 'cline'.\n");
    const client = new OpenAI({ apiKey: token, baseURL: url, maxRetries: 0 });
    let status = 0;
    for (let tries = 0; status !== 401 && tries < 50; tries++) {
      status = await client.models
        .list()
        .then(() => 200)
        .catch((error: { status: number }) => error.status);
      if (status !== 401) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toBe(401);
    const again = await home.run(['gateway', 'token', 'revoke', 'cline']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe("msk: No gateway token is named 'cline'.\n");
  });

  it('fills in a GUI tool’s settings with the gateway and a token made for it and kept, never the key', async () => {
    const port = await freePort();
    expect((await home.run(['config', 'set', 'gatewayPort', String(port)])).code).toBe(0);
    const url = await run(port);
    const shown = await home.run(['tools', 'settings', 'cline', '--gateway', '--print']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(url);
    expect(shown.stdout).not.toContain(secret);
    expect(shown.stderr).toContain(
      "A gateway token 'cline' stands in for the key, which stays in the keychain",
    );
    const token = /msk-gw-[\w-]{43}/.exec(shown.stdout)?.[0] ?? '';
    const client = new OpenAI({ apiKey: token, baseURL: url, maxRetries: 0 });
    const answer = await client.chat.completions.create({
      model: 'qwen-plus',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(answer.choices[0]?.message.content).toBe('Hello from ap-southeast-1');
    // Another time: the same token, kept in the keychain; no second one.
    const again = await home.run(['tools', 'settings', 'cline', '--gateway', '--print']);
    expect(again.stderr).toContain("A gateway token 'cline' stands in");
    expect(again.stdout).toContain(token);
    const listed = await home.run(['gateway', 'token', 'list', '--json']);
    expect((JSON.parse(listed.stdout) as { name: string }[]).map((row) => row.name)).toEqual(['cline']);
  });

  it('exports a Postman environment through the gateway: a token in it, never the key', async () => {
    const port = await freePort();
    expect((await home.run(['config', 'set', 'gatewayPort', String(port)])).code).toBe(0);
    const file = path.join(home.directory, 'postman.json');
    const exported = await home.run(['tools', 'export', 'postman', '--gateway', '--out', file]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toContain("it holds the gateway token 'postman', not the key");
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(secret);
    const values = Object.fromEntries(
      (JSON.parse(text) as { values: { key: string; value: string }[] }).values.map(({ key, value }) => [
        key,
        value,
      ]),
    );
    expect(values).toMatchObject({
      baseUrl: `http://127.0.0.1:${port}/v1`,
      nativeBaseUrl: `http://127.0.0.1:${port}/api/v1`,
      apiKey: expect.stringMatching(/^msk-gw-/),
    });
    const url = await run(port);
    const client = new OpenAI({ apiKey: values.apiKey, baseURL: url, maxRetries: 0 });
    expect((await client.models.list()).data.length).toBeGreaterThan(0);
  });

  it('estimates cost with the prices the user set', async () => {
    const url = await run(await freePort());
    const client = new OpenAI({ apiKey: await tokenFor('chatbox'), baseURL: url, maxRetries: 0 });
    await client.chat.completions.create({ model: 'qwen-plus', messages: [{ role: 'user', content: 'hi' }] });
    gateway?.kill('SIGINT');
    await new Promise((resolve) => gateway?.once('exit', resolve));
    const refused = await home.run(['config', 'set', 'prices.international:qwen-plus', 'cheap']);
    expect(refused.stderr).toBe(
      'msk: prices.international:qwen-plus is <input>/<output> per million tokens, e.g. 0.4/1.2.\n',
    );
    expect((await home.run(['config', 'set', 'prices.international:qwen-plus', '100000/200000'])).code).toBe(
      0,
    );
    const usage = JSON.parse((await home.run(['usage', '--json'])).stdout) as {
      total: { cost: { USD: number } };
    };
    // 5 × 100,000 + 4 × 200,000 per million tokens.
    expect(usage.total.cost.USD).toBeCloseTo(1.3, 10);
  });

  it('says why it cannot start on a port in use', async () => {
    const port = await freePort();
    await run(port);
    const second = await home.run(['gateway', 'run', '--port', String(port)]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(
      /^msk: Port \d+ on 127\.0\.0\.1 is in use \(another gateway\?\); choose another with --port\.\n$/,
    );
  });

  it.runIf(systemPart('the Claude Code package', existsSync(CLAUDE), 'npm install (a dev dependency)'))(
    'serves the real Claude Code holding a token on the Anthropic route: nothing it asks for is refused',
    async () => {
      const port = await freePort();
      await run(port);
      const token = await tokenFor('claude-code');
      const userHome = mkdtempSync(path.join(os.tmpdir(), 'msk-gateway-tool-'));
      try {
        const ran = await runProcess(
          CLAUDE,
          ['-p', 'hi'],
          toolEnvironment(userHome, {
            ANTHROPIC_BASE_URL: `http://127.0.0.1:${port}/anthropic`,
            ANTHROPIC_AUTH_TOKEN: token,
            ANTHROPIC_MODEL: 'qwen3-coder-plus',
            ANTHROPIC_DEFAULT_HAIKU_MODEL: 'qwen3-coder-plus',
            CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
            // Fail at once instead of retrying for minutes, and only through the streaming API.
            CLAUDE_CODE_MAX_RETRIES: '0',
            CLAUDE_CODE_DISABLE_NONSTREAMING_FALLBACK: '1',
          }),
          undefined,
          userHome,
        );
        expect(ran.code, ran.stdout + ran.stderr).toBe(0);
        expect(ran.stdout.trim()).toBe('Hello from ap-southeast-1');
        expect(server.requests.map((request) => `${request.method} ${request.path}`)).toContain(
          'POST /apps/anthropic/v1/messages?beta=true',
        );
        // Its reachability probe (HEAD /anthropic, no token) is refused; nothing it asks with the token is.
        expect(log).toMatch(/claude-code POST \/anthropic\/v1\/messages → 200/);
        expect(log).not.toMatch(/claude-code \S+ \S+ → 4/);
        expect(filesUnder(userHome).some((text) => text.includes(secret))).toBe(false);
      } finally {
        removeTree(userHome);
      }
    },
    60_000,
  );

  it.runIf(systemPart('the Qwen Code package', existsSync(QWEN), 'npm install (a dev dependency)'))(
    'serves the real Qwen Code CLI holding a token: the key is in none of its variables or files',
    async () => {
      const url = await run(await freePort());
      const token = await tokenFor('qwen-code');
      const userHome = mkdtempSync(path.join(os.tmpdir(), 'msk-gateway-tool-'));
      try {
        mkdirSync(path.join(userHome, '.qwen'));
        cpSync('test/fixtures/qwen-code/settings.json', path.join(userHome, '.qwen', 'settings.json'));
        const toolEnv = toolEnvironment(userHome, {
          OPENAI_API_KEY: token,
          OPENAI_BASE_URL: url,
          OPENAI_MODEL: 'qwen3-coder-plus',
        });
        const ran = await runProcess(QWEN, ['-p', 'hi'], toolEnv, undefined, userHome);
        expect(ran.code, ran.stderr).toBe(0);
        expect(ran.stdout.trim()).toBe('Hello from ap-southeast-1');
        const posts = server.requests.filter((request) => request.method === 'POST');
        expect(posts).toEqual([
          expect.objectContaining({
            authorization: `Bearer ${secret}`,
            body: expect.objectContaining({ model: 'qwen3-coder-plus' }),
          }),
        ]);
        expect(Object.values(toolEnv).join('\n')).not.toContain(secret);
        expect(filesUnder(userHome).some((text) => text.includes(secret))).toBe(false);
        // Its usage, from the stream's last chunk the gateway asked for.
        gateway?.kill('SIGINT');
        await new Promise((resolve) => gateway?.once('exit', resolve));
        const usage = JSON.parse((await home.run(['usage', '--json'])).stdout) as { rows: unknown[] };
        expect(usage.rows).toEqual([
          expect.objectContaining({ name: 'qwen-code', requests: 1, inputTokens: 5, outputTokens: 4 }),
        ]);
      } finally {
        removeTree(userHome);
      }
    },
    60_000,
  );
});
