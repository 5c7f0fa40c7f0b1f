// The real OpenClaw (npm `openclaw` and its Qwen provider plugin, fixtures/openclaw.ts) set up by
// `msk tools setup openclaw` and run by `msk exec --tool openclaw`, as its users run it, answered
// by the Model Studio imitation. What the preset and the setup are for, each seen from the real
// client: the request reaches the key's own region and plan (OpenClaw takes its endpoint from its
// config only, and defaults to the Coding Plan's), a Token Plan key works (its provider reads only
// QWEN_TOKEN_PLAN_API_KEY), and the key in use is msk's at each start (onboarded by reference, the
// key itself kept nowhere in OpenClaw's files). A turn takes OpenClaw some seconds.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { onboardInChild } from '../../main/core/actions/openclaw-onboarding.js';
import { setUpOpenClaw } from '../../main/core/actions/openclaw-setup.js';
import { readEnvironment } from '../../main/core/config/environment.js';
import { createServices } from '../../main/core/keys/services.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { keychainPart } from '../fixtures/keychain.js';
import { type FakeModelStudio, startModelStudio } from '../fixtures/model-studio-server.js';
import { type MskHome, mskHome, runProcess, withoutUnset } from '../fixtures/msk.js';
import { type RealOpenClaw, realOpenClaw } from '../fixtures/openclaw.js';

/** Every file under `directory`, recursively. */
const filesUnder = (directory: string): string[] =>
  readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(directory, name))
    .filter((file) => statSync(file).isFile());

describe.runIf(keychainPart())('the real OpenClaw, set up and run by msk', () => {
  let openclaw: RealOpenClaw | { missing: string };
  let server: FakeModelStudio;
  let home: MskHome;
  let userHome: string;
  const virginia = fakeKey();
  const other = fakeKey();
  const tokens = fakeKey('plan');
  const hongKong = fakeKey();

  beforeAll(async () => {
    openclaw = await realOpenClaw();
    server = await startModelStudio();
    server.addKey('us-east-1', virginia);
    server.addKey('us-east-1', other);
    server.addKey('ap-southeast-1', tokens, { plan: 'token' });
    server.addKey('cn-hongkong', hongKong);
  }, 600_000);
  afterAll(() => server?.close());
  beforeEach(async (context) => {
    if ('missing' in openclaw) return context.skip();
    home = mskHome({ MSK_ENDPOINT_OVERRIDES: JSON.stringify(server.overrides) });
    userHome = mkdtempSync(path.join(os.tmpdir(), 'msk-openclaw-home-'));
    // Its Qwen provider, from the package on disk (nothing fetched): what `openclaw plugins
    // install @openclaw/qwen-provider` puts in place.
    const plugin = await openClaw([
      'plugins',
      'install',
      openclaw.plugin,
      '--force',
      '--accept-capabilities',
    ]);
    expect(plugin.code, plugin.stdout + plugin.stderr).toBe(0);
    server.requests.length = 0;
  }, 60_000);
  afterEach(() => {
    home?.remove();
    if (userHome) rmSync(userHome, { recursive: true, force: true });
  });

  /**
   * The user's environment for OpenClaw: its own HOME, the real CLI on PATH, no proxy, and none of
   * the test runner's variables (VITEST set, OpenClaw runs as in its own tests: it prints nothing).
   */
  const environment = () => ({
    HOME: userHome,
    PATH: `${(openclaw as RealOpenClaw).bin}:${process.env.PATH ?? ''}`,
    TERM: 'dumb',
    NO_COLOR: '1',
    ...Object.fromEntries(
      [
        ...['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'all_proxy'],
        ...Object.keys(process.env).filter((name) => name.startsWith('VITEST')),
        'NODE_ENV',
        'TEST',
      ].map((name) => [name, undefined]),
    ),
  });
  /** OpenClaw itself, without msk: no key in its environment. */
  const openClaw = (args: string[]) =>
    runProcess(
      path.join((openclaw as RealOpenClaw).bin, 'openclaw'),
      args,
      environment(),
      undefined,
      userHome,
    );
  const msk = (args: string[]) => home.run(args, { env: environment(), cwd: userHome });
  /** One local agent turn, as a user starts it: `msk exec --tool openclaw -- openclaw agent …`. */
  const turn = (key: string) =>
    msk([
      'exec',
      '--key',
      key,
      '--tool',
      'openclaw',
      '--',
      'openclaw',
      '--log-level',
      'error',
      'agent',
      '--local',
      '--message',
      'hi',
    ]);
  const posts = () => server.requests.filter((request) => request.method === 'POST');
  /** OpenClaw's own files: its config, state and database. */
  const openClawFiles = () => filesUnder(path.join(userHome, '.openclaw'));

  it('a US (Virginia) pay-as-you-go key: set up by msk, a turn reaches Virginia’s endpoint with the key in use, which msk can switch', async () => {
    expect((await home.run(['add', '-l', 'virginia', '-r', 'us'], { input: virginia })).code).toBe(0);
    expect((await home.run(['add', '-l', 'other', '-r', 'us'], { input: other })).code).toBe(0);
    const setup = await msk(['tools', 'setup', 'openclaw', '--key', 'virginia']);
    expect(setup.code, setup.stdout + setup.stderr).toBe(0);

    const first = await turn('virginia');
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toContain('Hello from us-east-1');
    expect(posts()).toEqual([
      expect.objectContaining({
        family: 'dashscope',
        regionId: 'us-east-1',
        path: '/compatible-mode/v1/chat/completions',
        authorization: `Bearer ${virginia}`,
      }),
    ]);

    // Another key, no setup again: OpenClaw holds a reference to the variable, not the key.
    server.requests.length = 0;
    const second = await turn('other');
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(posts()).toEqual([expect.objectContaining({ authorization: `Bearer ${other}` })]);
    for (const file of openClawFiles()) {
      const bytes = readFileSync(file);
      expect(bytes.includes(virginia), file).toBe(false);
      expect(bytes.includes(other), file).toBe(false);
    }
  }, 240_000);

  it('a Token Plan key: its own provider and variable, on the Token Plan’s endpoint', async () => {
    expect(
      (await home.run(['add', '-l', 'tokens', '-r', 'sg', '--plan', 'token'], { input: tokens })).code,
    ).toBe(0);
    const setup = await msk(['tools', 'setup', 'openclaw']);
    expect(setup.code, setup.stdout + setup.stderr).toBe(0);
    const run = await turn('tokens');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('Hello from ap-southeast-1');
    expect(posts()).toEqual([
      expect.objectContaining({
        family: 'token',
        regionId: 'ap-southeast-1',
        path: '/compatible-mode/v1/chat/completions',
        authorization: `Bearer ${tokens}`,
      }),
    ]);
  }, 240_000);

  it('set up as the window does (onboarding a captured child on the launcher’s PATH), a Hong Kong key’s turn reaches Hong Kong', async () => {
    expect((await home.run(['add', '-l', 'hk', '-r', 'hk'], { input: hongKong })).code).toBe(0);
    const services = createServices(readEnvironment({ ...process.env, ...home.env }));
    const env = withoutUnset({ ...process.env, ...environment() });
    const ports = { platform: process.platform, env, searchPath: env.PATH ?? '' };
    const { setup, backup } = await setUpOpenClaw(
      services,
      { home: userHome, env },
      { onboard: onboardInChild(services, ports) },
    );
    expect(setup.record.label).toBe('hk');
    expect(backup).not.toBeNull();
    const run = await turn('hk');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('Hello from cn-hongkong');
    expect(posts()).toEqual([
      expect.objectContaining({
        family: 'dashscope',
        regionId: 'cn-hongkong',
        authorization: `Bearer ${hongKong}`,
      }),
    ]);
  }, 240_000);
});
