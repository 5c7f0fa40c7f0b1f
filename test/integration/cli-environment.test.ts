// msk exec · env: a real OpenAI SDK client in a real child process, talking to the local
// Model Studio imitation through MSK_ENDPOINT_OVERRIDES.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeModelStudio, startModelStudio } from '../fixtures/model-studio-server.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { MSK, type MskHome, mskHome, runProcess } from '../fixtures/msk.js';
import { keychainPart } from '../fixtures/keychain.js';

const keychain = keychainPart();
const CLIENT = path.resolve('test/fixtures/openai-client.js');
const STREAM_CLIENT = path.resolve('test/fixtures/openai-stream-client.js');
const ANTHROPIC_CLIENT = path.resolve('test/fixtures/anthropic-client.js');

describe.runIf(keychain)('msk exec and env', () => {
  let server: FakeModelStudio;
  let home: MskHome;
  const sgKey = fakeKey();
  const cnKey = fakeKey();

  beforeAll(async () => {
    server = await startModelStudio();
    server.addKey('ap-southeast-1', sgKey);
    server.addKey('cn-beijing', cnKey);
  });
  afterAll(() => server.close());
  afterEach(() => home?.remove());

  async function homeWithKeys(): Promise<MskHome> {
    home = mskHome({ MSK_ENDPOINT_OVERRIDES: JSON.stringify(server.overrides) });
    await home.run(['add', '-l', 'personal', '-r', 'sg'], { input: sgKey });
    await home.run(['add', '-l', 'team', '-r', 'cn'], { input: cnKey });
    server.requests.length = 0;
    return home;
  }

  it('gives an OpenAI SDK client the active key and its region’s base URL', async () => {
    await homeWithKeys();
    const run = await home.run(['exec', '--', process.execPath, CLIENT]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ content: 'Hello from ap-southeast-1', model: 'qwen-plus' });
    expect(server.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        regionId: 'ap-southeast-1',
        path: '/compatible-mode/v1/chat/completions',
        authorization: `Bearer ${sgKey}`,
      }),
    ]);
  });

  it('strips stale variables the parent had, so none of them reaches the service', async () => {
    await homeWithKeys();
    const stale = {
      OPENAI_BASE_URL: 'http://127.0.0.1:9/stale',
      OPENAI_API_KEY: 'sk-stale',
      OPENAI_ORG_ID: 'org-stale',
      OPENAI_PROJECT_ID: 'proj-stale',
      ANTHROPIC_API_KEY: 'stale',
      DASHSCOPE_BASE_URL: 'stale',
      QWEN_API_KEY: 'stale',
      MODELSTUDIO_API_KEY: 'stale',
    };
    const run = await home.run(['exec', '--key', 'team', '--', process.execPath, CLIENT], { env: stale });
    expect(JSON.parse(run.stdout).content).toBe('Hello from cn-beijing');
    const [request] = server.requests;
    expect(request?.authorization).toBe(`Bearer ${cnKey}`);
    // The SDK turns OPENAI_ORG_ID / OPENAI_PROJECT_ID into headers: they must be gone.
    expect(request?.headers).not.toHaveProperty('openai-organization');
    expect(request?.headers).not.toHaveProperty('openai-project');

    const printed = await home.run(
      ['exec', '--', process.execPath, '-e', 'console.log(JSON.stringify(process.env))'],
      { env: stale },
    );
    const childEnv = JSON.parse(printed.stdout) as Record<string, string>;
    const family = Object.keys(childEnv).filter((name) =>
      /^(OPENAI|ANTHROPIC|DASHSCOPE|QWEN|MODELSTUDIO)_/.test(name),
    );
    expect(family.sort()).toEqual([
      'DASHSCOPE_API_KEY',
      'DASHSCOPE_HTTP_BASE_URL',
      'OPENAI_API_KEY',
      'OPENAI_BASE_URL',
    ]);
    expect(childEnv.DASHSCOPE_HTTP_BASE_URL).toBe(`${server.overrides['dashscope:ap-southeast-1']}/api/v1`);
    expect(childEnv.MSK_HOME).toBe(home.directory);
  });

  it('applies a tool preset: Qwen Code gets its model', async () => {
    await homeWithKeys();
    const run = await home.run(['exec', '--tool', 'qwen-code', '--', process.execPath, CLIENT]);
    expect(JSON.parse(run.stdout).model).toBe('qwen3-coder-plus');
  });

  it('gives a streaming OpenAI client the same, chunk by chunk', async () => {
    await homeWithKeys();
    const run = await home.run(['exec', '--key', 'team', '--', process.execPath, STREAM_CLIENT]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ text: 'Hello from cn-beijing' });
    expect(server.requests[0]?.body).toMatchObject({ stream: true });
  });

  it('points Claude Code’s preset at the Anthropic-compatible API: a real Anthropic SDK client', async () => {
    await homeWithKeys();
    const run = await home.run(['exec', '--tool', 'claude-code', '--', process.execPath, ANTHROPIC_CLIENT]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ text: 'Hello from ap-southeast-1', model: 'qwen3-coder-plus' });
    expect(server.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        regionId: 'ap-southeast-1',
        path: '/apps/anthropic/v1/messages',
        authorization: `Bearer ${sgKey}`,
      }),
    ]);
  });

  it('passes the child’s arguments untouched and returns its exit code', async () => {
    await homeWithKeys();
    const script = 'console.log(JSON.stringify(process.argv.slice(1))); process.exit(42)';
    const run = await home.run([
      'exec',
      '--',
      process.execPath,
      '-e',
      script,
      '--',
      '--key',
      'x',
      '--',
      "it's",
    ]);
    expect(run.code).toBe(42);
    expect(JSON.parse(run.stdout)).toEqual(['--key', 'x', '--', "it's"]);
  });

  it.runIf(process.platform !== 'win32')(
    'exits as a shell would when a signal ends the child: 128 + its number',
    async () => {
      await homeWithKeys();
      const run = await home.run(['exec', '--', 'sh', '-c', 'kill -TERM $$']);
      expect(run.code).toBe(128 + 15);
    },
  );

  it('exits 127 with one line when the command does not exist', async () => {
    await homeWithKeys();
    const run = await home.run(['exec', '--', 'msk-no-such-command']);
    expect(run).toMatchObject({
      code: 127,
      stderr: "msk: Command 'msk-no-such-command' was not found on PATH.\n",
    });
  });

  it('exits 126 with one line when the command is not executable, as a shell does', async () => {
    await homeWithKeys();
    const script = path.join(home.directory, 'not-executable.sh');
    writeFileSync(script, '#!/bin/sh\nexit 0\n', { mode: 0o644 });
    const run = await home.run(['exec', '--', script]);
    expect(run.code).toBe(126);
    expect(run.stderr).toMatch(
      /^msk: Cannot run '.*not-executable\.sh': it is not executable \(chmod \+x, or name its interpreter\)\.\n$/,
    );
  });

  it('prints an environment that bash can evaluate for the same client', async () => {
    await homeWithKeys();
    const script = `eval "$(node ${JSON.stringify(MSK)} env --shell bash --key team)" && node ${JSON.stringify(CLIENT)}`;
    const run = await runProcess('bash', ['-c', script], home.env);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).content).toBe('Hello from cn-beijing');
  });

  it('prints JSON and the Claude Code variables on request', async () => {
    await homeWithKeys();
    const run = await home.run(['env', '--shell', 'json', '--tool', 'claude-code']);
    expect(JSON.parse(run.stdout)).toEqual({
      ANTHROPIC_BASE_URL: `${server.overrides['dashscope:ap-southeast-1']}/apps/anthropic`,
      ANTHROPIC_AUTH_TOKEN: sgKey,
      ANTHROPIC_MODEL: 'qwen3-coder-plus',
      ANTHROPIC_DEFAULT_HAIKU_MODEL: 'qwen3-coder-plus',
      ANTHROPIC_DEFAULT_SONNET_MODEL: 'qwen3-coder-plus',
      ANTHROPIC_DEFAULT_OPUS_MODEL: 'qwen3-coder-plus',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    });
  });

  it('prints PowerShell for pwsh on every OS: asked with --shell pwsh, or pwsh as the login shell', async () => {
    await homeWithKeys();
    const asked = await home.run(['env', '--shell', 'pwsh', '--key', 'team', '--tool', 'openai']);
    expect(asked.stdout).toMatch(/^\$env:OPENAI_API_KEY = 'sk-[0-9a-f]+'\n\$env:OPENAI_BASE_URL = 'http/);
    const login = await home.run(['env', '--key', 'team', '--tool', 'openai'], {
      env: { SHELL: '/usr/bin/pwsh' },
    });
    expect(login).toMatchObject({ code: 0, stdout: asked.stdout, stderr: '' });
  });

  it('records when a key was last used', async () => {
    await homeWithKeys();
    await home.run(['env', '--key', 'team', '--shell', 'json']);
    const entries: { label: string; lastUsedAt: string | null }[] = JSON.parse(
      (await home.run(['list', '--json'])).stdout,
    );
    expect(entries.find((entry) => entry.label === 'team')?.lastUsedAt).toMatch(/^\d{4}-/);
    expect(entries.find((entry) => entry.label === 'personal')?.lastUsedAt).toBeNull();
  });
});
