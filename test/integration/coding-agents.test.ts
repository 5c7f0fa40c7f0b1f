// The real Qwen Code and Claude Code command lines (pinned dev dependencies) started by
// `msk exec --tool`, as a launched terminal starts them, answered by the Model Studio imitation:
// a preset is right only if the real client reaches the right host, path and model with the key.
// Qwen Code is pinned at 0.10.1: later versions name optional packages (@teddyzhu/clipboard-*)
// the registry lacks, and `npm ci` then refuses the lock file.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeKey } from '../fixtures/fake-keys.js';
import { keychainPart } from '../fixtures/keychain.js';
import { type FakeModelStudio, startModelStudio } from '../fixtures/model-studio-server.js';
import { type MskHome, mskHome } from '../fixtures/msk.js';
import { systemPart } from '../fixtures/system.js';

const QWEN = path.resolve('node_modules/.bin/qwen');
const CLAUDE = path.resolve('node_modules/.bin/claude');

const parts =
  keychainPart() &&
  systemPart(
    'the Qwen Code and Claude Code packages',
    existsSync(QWEN) && existsSync(CLAUDE),
    'npm install (they are dev dependencies)',
  );

describe.runIf(parts)('real coding agents under msk exec', () => {
  let server: FakeModelStudio;
  let home: MskHome;
  let userHome: string;
  const payg = fakeKey();
  const coding = fakeKey('plan');

  beforeAll(async () => {
    server = await startModelStudio();
    server.addKey('ap-southeast-1', payg);
    server.addKey('ap-southeast-1', coding, { plan: 'coding' });
    // As on the real service: the Coding Plan answers coding agents only.
    server.codingAgentsOnly = true;
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    home = mskHome({ MSK_ENDPOINT_OVERRIDES: JSON.stringify(server.overrides) });
    expect((await home.run(['add', '-l', 'personal', '-r', 'sg'], { input: payg })).code).toBe(0);
    expect(
      (await home.run(['add', '-l', 'coding', '-r', 'sg', '--plan', 'coding'], { input: coding })).code,
    ).toBe(0);
    userHome = mkdtempSync(path.join(os.tmpdir(), 'msk-agent-home-'));
    // Qwen Code's usage statistics and memory agent off: one request per prompt, nothing sent out.
    mkdirSync(path.join(userHome, '.qwen'));
    cpSync('test/fixtures/qwen-code/settings.json', path.join(userHome, '.qwen', 'settings.json'));
    server.requests.length = 0;
  });
  afterEach(() => {
    home.remove();
    rmSync(userHome, { recursive: true, force: true });
  });

  /** `msk exec` as a launched terminal runs it: the agent's own HOME, no proxy, stdin closed. */
  const exec = (key: string, tool: string, command: string[], env: Record<string, string> = {}) =>
    home.run(['exec', '--key', key, '--tool', tool, '--', ...command], {
      cwd: userHome,
      env: {
        HOME: userHome,
        TERM: 'dumb',
        ...Object.fromEntries(
          ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'all_proxy'].map((name) => [
            name,
            undefined,
          ]),
        ),
        ...env,
      },
    });
  const posts = () => server.requests.filter((request) => request.method === 'POST');

  it.each([
    ['personal', payg, 'dashscope', '/compatible-mode/v1/chat/completions'],
    ['coding', coding, 'coding', '/v1/chat/completions'],
  ])(
    'Qwen Code answers with a %s key, on its plan’s OpenAI-compatible host',
    async (label, secret, family, route) => {
      const run = await exec(label, 'qwen-code', [QWEN, '-p', 'hi']);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout.trim()).toBe('Hello from ap-southeast-1');
      expect(posts()).toEqual([
        expect.objectContaining({
          family,
          regionId: 'ap-southeast-1',
          path: route,
          authorization: `Bearer ${secret}`,
          body: expect.objectContaining({ model: 'qwen3-coder-plus', stream: true }),
        }),
      ]);
    },
    60_000,
  );

  it.each([
    ['personal', payg, 'dashscope'],
    ['coding', coding, 'coding'],
  ])(
    'Claude Code answers with a %s key, as a Bearer token on the Anthropic-compatible host',
    async (label, secret, family) => {
      const run = await exec(label, 'claude-code', [CLAUDE, '-p', 'hi'], {
        // Fail at once instead of retrying for minutes, and only through the streaming API.
        CLAUDE_CODE_MAX_RETRIES: '0',
        CLAUDE_CODE_DISABLE_NONSTREAMING_FALLBACK: '1',
      });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stdout.trim()).toBe('Hello from ap-southeast-1');
      const [message, ...more] = posts();
      expect(more).toEqual([]);
      expect(message).toMatchObject({
        family,
        regionId: 'ap-southeast-1',
        path: '/apps/anthropic/v1/messages?beta=true',
        authorization: `Bearer ${secret}`,
        body: { model: 'qwen3-coder-plus', stream: true },
      });
      // Never as x-api-key: Model Studio answers that with 401.
      expect(message?.headers['x-api-key']).toBeUndefined();
    },
    60_000,
  );
});
