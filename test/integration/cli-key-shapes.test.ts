// Every key shape Model Studio issues today (generated, never real) through the whole command
// line as real processes: add (detected), list, copy, env in every shell, exec with the real
// OpenAI SDK, check, detect, temp-key, remove — on the real keychain, the real X clipboard and
// the local imitation of every plan's endpoints.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../main/core/model-studio/catalog.js';
import { fakeKey, type FakeKeyShape } from '../fixtures/fake-keys.js';
import { keychainPart, keytar, testKeychainService } from '../fixtures/keychain.js';
import { type FakeModelStudio, startModelStudio } from '../fixtures/model-studio-server.js';
import { type MskHome, mskHome } from '../fixtures/msk.js';
import { onPath, xClipboardPart } from '../fixtures/system.js';

const keychain = keychainPart();
const clipboard = xClipboardPart();
const CLIENT = path.resolve('test/fixtures/openai-client.js');

interface Case {
  name: string;
  shape: FakeKeyShape;
  plan: Plan;
  regionId: string;
  workspaceId?: string;
  /** Extra `msk add` arguments the user would give. */
  addArgs: string[];
  family: string;
  maskPrefix: string;
}

const cases: Case[] = [
  {
    name: 'classic',
    shape: 'classic',
    plan: 'payg',
    regionId: 'us-east-1',
    addArgs: [],
    family: 'dashscope',
    maskPrefix: 'sk-',
  },
  {
    name: 'workspace',
    shape: 'workspace',
    plan: 'payg',
    regionId: 'cn-beijing',
    addArgs: [],
    family: 'dashscope',
    maskPrefix: 'sk-ws-',
  },
  {
    name: 'workspace in Frankfurt',
    shape: 'workspace',
    plan: 'payg',
    regionId: 'eu-central-1',
    workspaceId: 'llm-frankfurt1',
    addArgs: ['--workspace', 'llm-frankfurt1'],
    family: 'workspace',
    maskPrefix: 'sk-ws-',
  },
  {
    name: 'Coding Plan',
    shape: 'plan',
    plan: 'coding',
    regionId: 'ap-southeast-1',
    addArgs: [],
    family: 'coding',
    maskPrefix: 'sk-sp-',
  },
  {
    name: 'Token Plan',
    shape: 'plan',
    plan: 'token',
    regionId: 'cn-beijing',
    addArgs: [],
    family: 'token',
    maskPrefix: 'sk-sp-',
  },
  {
    name: 'unusual',
    shape: 'unusual',
    plan: 'payg',
    regionId: 'cn-hongkong',
    addArgs: [],
    family: 'dashscope',
    maskPrefix: 'sk-',
  },
];

const readClipboard = () =>
  spawnSync('xclip', ['-selection', 'clipboard', '-o'], { encoding: 'utf8' }).stdout;

describe.runIf(keychain).each(cases)('a $name key', (key) => {
  let server: FakeModelStudio;
  let home: MskHome;
  const secret = fakeKey(key.shape);
  const label = key.name.toLowerCase().replaceAll(' ', '-');
  const run = (args: string[], input?: string) => home.run(args, input === undefined ? {} : { input });

  beforeAll(async () => {
    server = await startModelStudio();
    server.addKey(key.regionId, secret, {
      plan: key.plan,
      ...(key.workspaceId && { workspaceId: key.workspaceId }),
    });
    home = mskHome({ MSK_ENDPOINT_OVERRIDES: JSON.stringify(server.overrides) });
  });
  afterAll(async () => {
    home.remove();
    await server.close();
  });

  it('is added where Model Studio accepts it, and listed masked with its plan', async () => {
    const added = await run(['add', '-l', label, ...key.addArgs], secret);
    expect(added).toMatchObject({ code: 0, stdout: '' });
    expect(added.stderr).toContain(`Stored '${label}' (${key.maskPrefix}…${secret.slice(-4)})`);
    expect(added.stdout + added.stderr).not.toContain(secret);
    const [entry] = JSON.parse((await run(['list', '--json'])).stdout);
    expect(entry).toMatchObject({
      label,
      regionId: key.regionId,
      plan: key.plan,
      shape: key.shape,
      fingerprint: secret.slice(-4),
      masked: `${key.maskPrefix}…${secret.slice(-4)}`,
      active: true,
    });
    expect(await keytar.getPassword(testKeychainService(), entry.id)).toBe(secret);
    // The key's region becomes active, so later commands need no --key.
    await run(['use', label]);
  });

  it.runIf(clipboard)('is copied whole, and printed whole on request', async () => {
    const copied = await run(['copy']);
    expect(copied.code).toBe(0);
    expect(readClipboard()).toBe(secret);
    // Take the clipboard back so the background clearer has nothing left to do.
    const child = spawn('xclip', ['-selection', 'clipboard'], { stdio: ['pipe', 'ignore', 'ignore'] });
    child.stdin.end('done');
    await new Promise((resolve) => child.on('exit', resolve));
    expect((await run(['copy', '--print'])).stdout).toBe(`${secret}\n`);
  });

  it('is quoted right for every shell', async () => {
    const env = async (shell: string) => {
      const result = await run(['env', '--tool', 'openai', '--shell', shell]);
      expect(result.code).toBe(0);
      return result.stdout;
    };
    const baseUrl = JSON.parse(await env('json')).OPENAI_BASE_URL as string;
    expect(JSON.parse(await env('json'))).toEqual({ OPENAI_API_KEY: secret, OPENAI_BASE_URL: baseUrl });
    expect(parseEnv(await env('dotenv'))).toEqual({ OPENAI_API_KEY: secret, OPENAI_BASE_URL: baseUrl });
    expect(await env('powershell')).toBe(
      `$env:OPENAI_API_KEY = '${secret}'\n$env:OPENAI_BASE_URL = '${baseUrl}'\n`,
    );
    expect(await env('cmd')).toBe(`set "OPENAI_API_KEY=${secret}"\nset "OPENAI_BASE_URL=${baseUrl}"\n`);
    for (const shell of ['bash', 'zsh', 'fish'].filter(onPath)) {
      const script = `${await env(shell)}\nprintf '%s' "$OPENAI_API_KEY"`;
      expect(spawnSync(shell, ['-c', script], { encoding: 'utf8' }).stdout).toBe(secret);
    }
  });

  it('reaches its own plan’s endpoint through exec and the real OpenAI SDK', async () => {
    server.requests.length = 0;
    const result = await run(['exec', '--tool', 'openai', '--', process.execPath, CLIENT]);
    // An SDK with a Coding Plan key is said to be a mismatch (the real plan serves coding agents only).
    expect(result.stderr).toBe(
      key.plan === 'coding'
        ? "warning: OpenAI-compatible tool is not made for Coding Plan keys: Alibaba serves the Coding Plan to coding agents only; 'msk tools' says which tools each plan works with.\n"
        : '',
    );
    expect(JSON.parse(result.stdout).content).toBe(`Hello from ${key.regionId}`);
    expect(server.requests).toEqual([
      expect.objectContaining({
        family: key.family,
        regionId: key.regionId,
        authorization: `Bearer ${secret}`,
      }),
    ]);
  });

  it('checks ok and is detected where it lives', async () => {
    const checked = await run(['check', '--json']);
    expect(JSON.parse(checked.stdout)).toEqual([expect.objectContaining({ status: 'ok', plan: key.plan })]);
    const detected = await run(['detect', '--json', ...key.addArgs], secret);
    expect(JSON.parse(detected.stdout)).toMatchObject({ regionId: key.regionId, plan: key.plan });
  });

  it('mints a temporary key only when its plan has the native API', async () => {
    const minted = await run(['temp-key', '--print']);
    if (key.plan === 'payg') {
      expect(minted).toMatchObject({ code: 0, stdout: expect.stringMatching(/^st-\w+\n$/) });
    } else {
      expect(minted).toMatchObject({ code: 1, stdout: '' });
      expect(minted.stderr).toMatch(
        /^msk: No temporary key for '.+': temporary keys come from the native DashScope API/,
      );
    }
  });

  it('is removed from the keychain and the list', async () => {
    const [entry] = JSON.parse((await run(['list', '--json'])).stdout);
    expect((await run(['remove', label, '--yes'])).code).toBe(0);
    expect(await keytar.getPassword(testKeychainService(), entry.id)).toBeNull();
    expect(JSON.parse((await run(['list', '--json'])).stdout)).toEqual([]);
  });
});
