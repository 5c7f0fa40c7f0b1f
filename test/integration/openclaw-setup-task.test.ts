// The window's "Set Up OpenClaw" (the `tools.setUpOpenClaw` task) through the real router, core and
// keychain: onboarding is a captured child found on the launcher's PATH — here a stand-in
// `openclaw` that notes its arguments, its stdin and whether the key reached it in the variable
// (never the key) — then the key's base URL is merged into its config. A failure or a cancel
// leaves the config as it was; a missing OpenClaw says how to install it.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readEnvironment } from '../../main/core/config/environment.js';
import { createServices } from '../../main/core/keys/services.js';
import { StatePublisher } from '../../main/core/state/state-publisher.js';
import type { LaunchPorts } from '../../main/core/tools/terminal-launcher.js';
import { createRouter } from '../../main/ipc/router.js';
import { createIpcServer } from '../../main/ipc/server.js';
import { taskChannel } from '../../main/shared/contract/channels.js';
import type { Result, TaskProgress, TaskResult } from '../../main/shared/contract/index.js';
import { testContext } from '../fixtures/app-context.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { fakePrograms } from '../fixtures/fake-programs.js';
import { keychainPart } from '../fixtures/keychain.js';
import { type MskHome, mskHome } from '../fixtures/msk.js';

/** Notes what it was given (its stdin too), then writes what the real onboarding writes. */
const ONBOARDING = `#!/bin/sh
printf '%s\\n' "$*" > "$HOME/onboard-args.txt"
readlink /proc/$$/fd/0 > "$HOME/onboard-stdin.txt"
for name in QWEN_API_KEY QWEN_TOKEN_PLAN_API_KEY; do
  eval "value=\\$$name"
  [ -n "$value" ] && printf '%s=%s\\n' "$name" "\${#value}" >> "$HOME/onboard-env.txt"
done
[ -n "$OPENAI_BASE_URL" ] && echo "OPENAI_BASE_URL (stale) was passed on" >> "$HOME/onboard-env.txt"
mkdir -p "$HOME/.openclaw"
printf '{\\n  "models": {\\n    "mode": "merge",\\n    "providers": {\\n      "qwen": {\\n        "baseUrl": "https://coding-intl.dashscope.aliyuncs.com/v1",\\n        "api": "openai-completions",\\n        "models": []\\n      }\\n    }\\n  },\\n  "auth": { "profiles": { "qwen:default": { "provider": "qwen", "mode": "api_key" } } }\\n}\\n' > "$HOME/.openclaw/openclaw.json"
echo "Onboarding complete."
`;

/** Starts rewriting the config, then fails, its last words naming a key. */
const FAILING = (named: string) => `#!/bin/sh
echo 'half-written {' > "$HOME/.openclaw/openclaw.json"
echo "Checking the qwen provider…"
printf '\\033[31mError: the key %s was refused by the plugin\\033[0m\\n' '${named}' >&2
exit 3
`;

/** Starts rewriting the config, then takes its time (a sleep of its own: a process it started). */
const SLOW = `#!/bin/sh
echo 'half-written {' > "$HOME/.openclaw/openclaw.json"
sleep 30 &
echo $! > "$HOME/sleep.pid"
wait
`;

const USER_CONFIG = `{
  // mine
  models: {
    providers: {
      openai: { apiKey: "OTHER_KEY", baseUrl: "https://api.openai.com/v1" },
      qwen: { baseUrl: "https://dashscope-intl.aliyuncs.com/compatible-mode/v1" },
    },
  },
}
`;

/** Whether a process runs (a zombie, ended but not yet reaped, does not). */
function running(pid: string): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe.runIf(keychainPart())('Set Up OpenClaw from the window (tools.setUpOpenClaw)', () => {
  let home: MskHome;
  afterEach(() => home?.remove());

  /** The app's context on this test's data and keychain; the launcher's PATH holds `programs`. */
  function setUp(programs: Record<string, string>) {
    home = mskHome();
    const userHome = path.join(home.directory, 'user');
    mkdirSync(userHome);
    const bin = fakePrograms(userHome, programs);
    const searchPath = `${bin}:/usr/bin:/bin`;
    const services = createServices(readEnvironment({ ...process.env, ...home.env }));
    const ports: LaunchPorts = {
      platform: 'linux',
      env: { PATH: '/usr/bin:/bin', HOME: userHome, OPENAI_BASE_URL: 'https://stale.example/v1' },
      searchPath,
      msk: ['msk'],
      start: async () => undefined,
    };
    const context = {
      ...testContext(home.directory),
      services,
      state: new StatePublisher(services.config),
      launcher: { home: userHome, searchPath: async () => searchPath, ports: async () => ports },
    };
    const router = createRouter(context);
    const steps: TaskProgress<'tools.setUpOpenClaw'>[] = [];
    const controller = new AbortController();
    const setUpOpenClaw = (args: { keyId?: string } = {}) =>
      router.task('tools.setUpOpenClaw', args, {
        signal: controller.signal,
        progress: (step) => steps.push(step as TaskProgress<'tools.setUpOpenClaw'>),
      }) as Promise<Result<TaskResult<'tools.setUpOpenClaw'>>>;
    const config = path.join(userHome, '.openclaw', 'openclaw.json');
    return { userHome, services, router, setUpOpenClaw, steps, controller, config };
  }

  it('onboards the active key in a captured child (the key in its variable only), then writes its base URL with a backup', async () => {
    const { userHome, services, setUpOpenClaw, steps, config } = setUp({ openclaw: ONBOARDING });
    const secret = fakeKey();
    await services.vault.add({ secret, label: 'virginia', regionId: 'us' });
    const result = await setUpOpenClaw();
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    expect(steps).toEqual([
      { step: 'onboarding', label: 'virginia' },
      { step: 'writing', label: 'virginia' },
    ]);
    expect(readFileSync(path.join(userHome, 'onboard-args.txt'), 'utf8')).toMatch(
      /^onboard --non-interactive --accept-risk --mode local --secret-input-mode ref .*--auth-choice qwen-standard-api-key\n$/,
    );
    expect(readFileSync(path.join(userHome, 'onboard-env.txt'), 'utf8')).toBe(
      `QWEN_API_KEY=${secret.length}\n`,
    );
    // Nothing to answer: its stdin is closed.
    expect(readFileSync(path.join(userHome, 'onboard-stdin.txt'), 'utf8').trim()).toBe('/dev/null');
    const backups = readdirSync(path.dirname(config)).filter((name) => name.includes('.msk-backup-'));
    expect(backups).toHaveLength(1);
    expect(result.value).toEqual({
      label: 'virginia',
      provider: 'qwen',
      baseUrl: 'https://dashscope-us.aliyuncs.com/compatible-mode/v1',
      file: path.join('~', '.openclaw', 'openclaw.json'),
      backup: path.join('~', '.openclaw', backups[0] ?? ''),
      changed: true,
      diff: [
        { mark: ' ', text: '    "providers": {' },
        { mark: ' ', text: '      "qwen": {' },
        { mark: '-', text: '        "baseUrl": "https://coding-intl.dashscope.aliyuncs.com/v1",' },
        { mark: '+', text: '        "baseUrl": "https://dashscope-us.aliyuncs.com/compatible-mode/v1",' },
        { mark: ' ', text: '        "api": "openai-completions",' },
        { mark: ' ', text: '        "models": []' },
      ],
    });
    expect(readFileSync(config, 'utf8')).toContain(
      '"baseUrl": "https://dashscope-us.aliyuncs.com/compatible-mode/v1"',
    );
    for (const name of readdirSync(path.dirname(config)))
      expect(readFileSync(path.join(path.dirname(config), name), 'utf8')).not.toContain(secret);
    expect((await services.config.read()).keys[0]?.lastUsedAt).toBeTruthy();
  });

  it('masks a key the config holds beside the line it changes: no key reaches the window', async () => {
    const { setUpOpenClaw, services, config } = setUp({ openclaw: '#!/bin/sh\n' });
    await services.vault.add({ secret: fakeKey('plan'), label: 'coding', regionId: 'sg', plan: 'coding' });
    const other = fakeKey();
    mkdirSync(path.dirname(config));
    writeFileSync(config, USER_CONFIG.replace('OTHER_KEY', other));
    const result = await setUpOpenClaw({ keyId: 'coding' });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    expect(JSON.stringify(result)).not.toContain(other);
    expect(result.value.diff).toContainEqual({
      mark: ' ',
      text: '      openai: { apiKey: "…", baseUrl: "https://api.openai.com/v1" },',
    });
    // On disk the user's key stays as it was: only the window's copy is masked.
    expect(readFileSync(config, 'utf8')).toContain(other);
  });

  it('an onboarding that fails changes nothing in the config, and says its last line with keys masked', async () => {
    const named = fakeKey();
    const { setUpOpenClaw, services, config } = setUp({ openclaw: FAILING(named) });
    await services.vault.add({ secret: fakeKey(), label: 'personal', regionId: 'sg' });
    mkdirSync(path.dirname(config));
    writeFileSync(config, USER_CONFIG);
    const result = await setUpOpenClaw();
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'launch-failed',
        params: {
          reason: 'onboarding-failed',
          status: 3,
          output: `Error: the key sk-…${named.slice(-4)} was refused by the plugin`,
        },
      },
    });
    expect(JSON.stringify(result)).not.toContain(named);
    expect(readFileSync(config, 'utf8')).toBe(USER_CONFIG);
    expect(readdirSync(path.dirname(config))).toEqual(['openclaw.json']);
  });

  it('a cancel ends onboarding and what it started, and leaves no config where there was none', async () => {
    const { userHome, setUpOpenClaw, services, steps, controller, config } = setUp({ openclaw: SLOW });
    mkdirSync(path.dirname(config));
    await services.vault.add({ secret: fakeKey(), label: 'personal', regionId: 'sg' });
    const task = setUpOpenClaw();
    await expect.poll(() => existsSync(path.join(userHome, 'sleep.pid'))).toBe(true);
    const started = Date.now();
    controller.abort('cancelled-by-page');
    expect(await task).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(steps.map((step) => step.step)).toEqual(['onboarding']);
    expect(existsSync(config)).toBe(false);
    const sleeper = readFileSync(path.join(userHome, 'sleep.pid'), 'utf8').trim();
    await expect.poll(() => running(sleeper)).toBe(false);
  });

  it('quitting the app mid-onboarding ends it, and OpenClaw’s config is put back before the app goes', async () => {
    const { userHome, router, services, config } = setUp({ openclaw: SLOW });
    mkdirSync(path.dirname(config));
    writeFileSync(config, USER_CONFIG);
    await services.vault.add({ secret: fakeKey(), label: 'personal', regionId: 'sg' });
    const page = 'file:///app/out/renderer/index.html';
    const server = createIpcServer(router, (url) => url === page);
    const sender = { id: 1, frameUrl: page, send: () => undefined };
    const task = server.invoke(taskChannel('tools.setUpOpenClaw'), sender, { taskId: 'openclaw', args: {} });
    await expect.poll(() => existsSync(path.join(userHome, 'sleep.pid'))).toBe(true);
    expect(readFileSync(config, 'utf8')).toBe('half-written {\n');
    await server.stopTasks();
    // Settled only once the config is as it was: the app may go now.
    expect(readFileSync(config, 'utf8')).toBe(USER_CONFIG);
    expect(readdirSync(path.dirname(config))).toEqual(['openclaw.json']);
    expect(await task).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const sleeper = readFileSync(path.join(userHome, 'sleep.pid'), 'utf8').trim();
    await expect.poll(() => running(sleeper)).toBe(false);
  });

  it('without OpenClaw on the PATH: tool-missing, saying how to install it and its Qwen plugin', async () => {
    const { setUpOpenClaw, services, config } = setUp({});
    await services.vault.add({ secret: fakeKey(), label: 'personal', regionId: 'sg' });
    const result = await setUpOpenClaw();
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'tool-missing',
        params: {
          tool: 'openclaw',
          install: 'npm install -g openclaw && openclaw plugins install @openclaw/qwen-provider',
        },
      },
    });
    expect(existsSync(config)).toBe(false);
  });
});
