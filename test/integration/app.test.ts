// The REAL built main process (out/main/index.js) under plain Node, with the electron stand-in:
// its tray menu clicked by label, the real keychain, a real X clipboard (a private Xvfb), the
// built renderer in Chromium with the real preload, the Model Studio imitation, and real `msk`
// processes changing things behind its back.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigStore } from '../../main/core/config/config-store.js';
import type { Api } from '../../main/shared/contract/index.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { fakePrograms } from '../fixtures/fake-programs.js';
import {
  type LaunchedApp,
  launchApp,
  type RecordedMenuItem,
  REGISTER,
} from '../fixtures/electron-stand-in/launch.js';
import { type PrivateDisplay, startPrivateDisplay } from '../fixtures/electron-stand-in/private-display.js';
import { keychainPart, keytar, testKeychainService } from '../fixtures/keychain.js';
import { type FakeModelStudio, startModelStudio } from '../fixtures/model-studio-server.js';
import { type MskHome, mskHome, runProcess } from '../fixtures/msk.js';
import { CHROMIUM, onPath, systemPart } from '../fixtures/system.js';

const MAIN = path.resolve('out/main/index.js');

const parts =
  keychainPart() &&
  systemPart(
    'Chromium, Xvfb and xclip',
    existsSync(CHROMIUM) && onPath('Xvfb') && onPath('xclip'),
    'apt-get install chromium xvfb xclip',
  );

describe.runIf(parts)('the app’s main process', () => {
  let x: PrivateDisplay;
  let server: FakeModelStudio;
  let home: MskHome;
  let configHome: string;
  let app: LaunchedApp | undefined;

  beforeAll(async () => {
    expect(existsSync(MAIN), 'run `npm run build` first').toBe(true);
    x = await startPrivateDisplay();
    server = await startModelStudio();
  });
  afterAll(async () => {
    await x?.stop();
    await server?.close();
  });
  beforeEach(() => {
    home = mskHome({ MSK_ENDPOINT_OVERRIDES: JSON.stringify(server.overrides), DISPLAY: x.display });
    configHome = mkdtempSync(path.join(os.tmpdir(), 'msk-app-config-'));
  });
  afterEach(async () => {
    await app?.kill();
    app = undefined;
    home.remove();
    rmSync(configHome, { recursive: true, force: true });
    server.latencyMs = 0;
  });

  const environment = () => ({ ...home.env, DISPLAY: x.display, XDG_CONFIG_HOME: configHome });
  const launch = async () => (app = await launchApp(MAIN, { env: environment() }));
  const readClipboard = () =>
    spawnSync('xclip', ['-selection', 'clipboard', '-o'], {
      encoding: 'utf8',
      env: { ...process.env, DISPLAY: x.display },
    }).stdout;
  const writeClipboard = (text: string) =>
    new Promise<void>((resolve) => {
      const child = spawn('xclip', ['-selection', 'clipboard'], {
        stdio: ['pipe', 'ignore', 'ignore'],
        env: { ...process.env, DISPLAY: x.display },
      });
      child.stdin.end(text);
      child.on('exit', () => resolve());
    });
  const setClearSeconds = (seconds: number) =>
    new ConfigStore(home.directory).update((draft) => void (draft.settings.clipboardClearSeconds = seconds));
  /** Stores a key with msk, as a user would, and returns it with its masked form. */
  async function stored(label: string, region: string, secret = fakeKey()) {
    expect((await home.run(['add', '-l', label, '-r', region], { input: secret })).code).toBe(0);
    const entry = (
      JSON.parse((await home.run(['list', '--json'])).stdout) as { label: string; masked: string }[]
    ).find((candidate) => candidate.label === label);
    return { secret, masked: entry?.masked ?? '' };
  }
  /** Six keys Model Studio accepts in Singapore, labelled a to f. */
  async function sixWorkingKeys() {
    for (const label of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const secret = fakeKey();
      server.addKey('ap-southeast-1', secret);
      await stored(label, 'sg', secret);
    }
  }
  const labels = (items: RecordedMenuItem[]) => items.map((item) => item.label);
  const find = (items: RecordedMenuItem[], label: string) => items.find((item) => item.label === label);

  it('copies a key from Keys ▸ key ▸ Copy Key, with the concealment marker, and clears it only if unchanged', async () => {
    const personal = await stored('personal', 'sg', fakeKey('workspace'));
    await stored('team', 'sg');
    await setClearSeconds(2);
    const launched = await launch();
    const keyItem = `personal — ${personal.masked} (active)`;
    expect(labels(find(await launched.menu(), 'Keys')?.submenu ?? [])).toEqual([
      keyItem,
      expect.stringMatching(/^team — sk-…/),
    ]);

    await launched.click(['Keys', keyItem, 'Copy Key']);
    await expect.poll(readClipboard).toBe(personal.secret);
    const [write] = await launched.clipboardWrites();
    expect(write?.formats).toEqual({
      'text/plain': { kind: 'string', value: personal.secret },
      'electron application/osclipboard;format="x-kde-passwordManagerHint"': {
        kind: 'string',
        value: 'secret',
      },
    });
    await expect
      .poll(() => launched.notifications())
      .toEqual([{ title: 'Model Studio Keys', body: 'Copied ‘personal’ (Singapore) — clears in 2 s' }]);
    await expect.poll(readClipboard, { timeout: 5000 }).toBe('');

    // What the user copied meanwhile survives the clear.
    await launched.click(['Copy API Key']);
    await expect.poll(readClipboard).toBe(personal.secret);
    await writeClipboard('my own text');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(readClipboard()).toBe('my own text');
    expect(JSON.stringify(await launched.notifications())).not.toContain(personal.secret);
  });

  it('clears a copied key when quit during the countdown, before the process ends', async () => {
    const { secret } = await stored('personal', 'sg');
    await setClearSeconds(60);
    const launched = await launch();
    await launched.click(['Copy API Key']);
    await expect.poll(readClipboard).toBe(secret);
    expect(await launched.quit(), launched.stderr()).toBe(0);
    expect(readClipboard()).toBe('');
  });

  it('switches region from the tray: config.json changes and the open window shows it', async () => {
    await stored('sg-key', 'sg');
    await stored('cn-key', 'cn');
    const launched = await launch();
    const page = await launched.window();
    const picker = page.getByLabel('Region', { exact: true });
    await expect.poll(() => picker.inputValue()).toBe('ap-southeast-1');
    await launched.click(['Switch Region', 'China (Beijing) (1)']);
    await expect.poll(() => picker.inputValue()).toBe('cn-beijing');
    expect(
      JSON.parse(readFileSync(path.join(home.directory, 'config.json'), 'utf8')).settings.activeRegionId,
    ).toBe('cn-beijing');
    expect((await launched.menu())[0]?.label).toBe('Region: China (Beijing)');
  });

  it('shows a key `msk add` stored from another process in the tray within a second', async () => {
    const launched = await launch();
    expect(labels(find(await launched.menu(), 'Keys')?.submenu ?? [])).toEqual([
      'No keys yet — add one in the window',
    ]);
    await stored('elsewhere', 'sg');
    const started = Date.now();
    await launched.waitForMenu(
      (menu) => labels(find(menu, 'Keys')?.submenu ?? []).some((label) => label.startsWith('elsewhere')),
      1000,
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('checks every key with progress in the menu, then sums up the results', async () => {
    for (const [label, owner] of [
      ['a', 'ap-southeast-1'],
      ['b', 'ap-southeast-1'],
      ['c', 'cn-beijing'],
    ] as const) {
      const secret = fakeKey();
      server.addKey(owner, secret);
      await stored(label, 'sg', secret);
    }
    server.latencyMs = 300;
    const launched = await launch();
    await launched.waitForMenu((menu) => labels(menu).includes('Check All Keys'));
    expect((await launched.tray())?.icon.path).not.toMatch(/attention/);
    await launched.click(['Check All Keys']);
    await launched.waitForMenu((menu) => labels(menu).some((label) => /^Checking \d\/3…$/.test(label)), 5000);
    expect(labels(await launched.menu())).toContain('Cancel Check');
    await launched.waitForMenu(
      (menu) => labels(menu).includes('Check All Keys (2 ok · 1 wrong region)'),
      10_000,
    );
    await expect
      .poll(() => launched.notifications())
      .toContainEqual({ title: 'Model Studio Keys', body: 'Checked 3 keys: 2 ok · 1 wrong region' });
    expect(await launched.tooltip()).toBe('Model Studio Keys — Singapore · a');
    // A key found in the wrong region: the icon has its dot.
    await expect.poll(async () => (await launched.tray())?.icon.path).toMatch(/tray-attention-[\w-]+\.png$/);
  });

  it('shows a check the tray started in the window, whose Cancel stops it for the tray too', async () => {
    await sixWorkingKeys();
    server.latencyMs = 2000;
    const launched = await launch();
    const page = await launched.window();
    await page.getByRole('navigation').getByRole('button', { name: 'Checks', exact: true }).click();
    await launched.click(['Check All Keys']);
    await expect.poll(() => page.getByRole('progressbar').count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: /^Checks \d\/6$/ }).count()).toBe(1);
    expect(labels(await launched.menu())).toContain('Cancel Check');
    await page
      .getByRole('group', { name: 'Check in progress' })
      .getByRole('button', { name: 'Cancel' })
      .click();
    await launched.waitForMenu((menu) => !labels(menu).includes('Cancel Check'), 5000);
    await expect.poll(() => page.getByRole('progressbar').count()).toBe(0);
  });

  it('runs the window’s check as a task: progress reaches the page, its cancel stops the run', async () => {
    await sixWorkingKeys();
    const launched = await launch();
    const page = await launched.window();
    server.latencyMs = 100;
    const finished = await page.evaluate(async () => {
      const steps: string[] = [];
      const api = (globalThis as unknown as { api: Api }).api;
      const task = api.checks.all({ onProgress: (step) => steps.push(`${step.done}/${step.total}`) });
      const result = await task.result;
      return { steps, ok: result.ok, checked: result.ok ? result.value.results.length : 0 };
    });
    expect(finished).toMatchObject({ ok: true, checked: 6 });
    // Throttled to ~10 a second, starting at 0; the result, not the last event, is the final word.
    expect(finished.steps[0]).toBe('0/6');
    expect(finished.steps.every((step) => /^[0-6]\/6$/.test(step))).toBe(true);

    server.latencyMs = 5000;
    const cancelled = await page.evaluate(async () => {
      const task = (globalThis as unknown as { api: Api }).api.checks.all();
      setTimeout(() => task.cancel(), 300);
      const result = await task.result;
      return result.ok
        ? { cancelled: result.value.cancelled, checked: result.value.results.length }
        : result.error;
    });
    expect(cancelled).toEqual({ cancelled: true, checked: 0 });
    await launched.waitForMenu((menu) => labels(menu).includes('Check All Keys (6 ok)'), 2000);
  });

  it('lets a check go on for the tray when the page that started it goes away', async () => {
    await sixWorkingKeys();
    const launched = await launch();
    const page = await launched.window();
    server.latencyMs = 600;
    await page.evaluate(() => void (globalThis as unknown as { api: Api }).api.checks.all());
    await launched.waitForMenu((menu) => labels(menu).some((label) => label.startsWith('Checking')), 5000);
    await page.reload();
    await launched.waitForMenu((menu) => labels(menu).includes('Check All Keys (6 ok)'), 10_000);
  });

  it('copies Chatbox’s settings through the gateway: a gateway token on the clipboard, never the key', async () => {
    const { secret } = await stored('personal', 'sg');
    const launched = await launch();
    // The tools are found on the PATH after start.
    await launched.waitForMenu((menu) => find(menu, 'Copy Settings for') !== undefined);
    await launched.click(['Copy Settings for', 'Chatbox']);
    await expect.poll(readClipboard).toMatch(/^msk-gw-[\w-]{43}$/);
    expect(readClipboard()).not.toBe(secret);
    await expect
      .poll(() => launched.notifications())
      .toContainEqual({
        title: 'Model Studio Keys',
        body: expect.stringMatching(
          /^Chatbox through the gateway \(token ‘chatbox’, for ‘personal’\): .*API Host: http:\/\/127\.0\.0\.1:\d+;.*Model: qwen-plus\./,
        ),
      });
    // A tool has a token now: the tray offers the gateway (on, as by default).
    expect(find(await launched.menu(), 'Run Gateway for GUI Tools')?.checked).toBe(true);
  });

  it('opens the region’s API-key page in the browser, and copies the base URL', async () => {
    const launched = await launch();
    expect(find(await launched.menu(), 'Copy API Key')?.enabled).toBe(false);
    await launched.click(['Open API-Key Page (Singapore)']);
    await expect
      .poll(() => launched.openedExternally())
      .toEqual(['https://modelstudio.console.alibabacloud.com/?tab=playground#/api-key']);
    await launched.click(['Copy Base URL']);
    await expect
      .poll(readClipboard)
      .toBe(`${server.overrides['dashscope:ap-southeast-1']}/compatible-mode/v1`);
  });

  it('tells of a failure in a notification, in the user’s language', async () => {
    await stored('gone', 'sg');
    const [entry] = JSON.parse((await home.run(['list', '--json'])).stdout) as { id: string }[];
    await keytar.deletePassword(testKeychainService(), entry?.id ?? '');
    await new ConfigStore(home.directory).update((draft) => void (draft.settings.language = 'zh-CN'));
    const launched = await launch();
    expect((await launched.menu())[3]?.label).toBe('复制 API Key');
    await launched.click(['复制 API Key']);
    await expect
      .poll(() => launched.notifications())
      .toEqual([
        {
          title: 'Model Studio Keys',
          body: '钥匙串中已没有“gone”的密钥。如果您仍保存着该密钥，请在此删除后重新添加。',
        },
      ]);
  });

  it('offers the system-wide shortcut only when turned on, and shows it only while registered', async () => {
    const { secret } = await stored('personal', 'sg');
    const first = await launch();
    expect(await first.shortcuts()).toEqual([]);
    expect(find(await first.menu(), 'Copy API Key')?.accelerator).toBeUndefined();
    await new ConfigStore(home.directory).update((draft) => void (draft.settings.globalShortcut = true));
    await first.waitForMenu((menu) => find(menu, 'Copy API Key')?.accelerator === 'CommandOrControl+Shift+K');
    expect(await first.shortcuts()).toEqual(['CommandOrControl+Shift+K']);
    await first.pressShortcut('CommandOrControl+Shift+K');
    await expect.poll(readClipboard).toBe(secret);
  });

  it('starts at login once msk asks for it (an XDG autostart entry), and stops when the window says so', async () => {
    const entry = path.join(configHome, 'autostart', 'model-studio-keys.desktop');
    const launched = await launch();
    const page = await launched.window();
    expect(existsSync(entry)).toBe(false);

    // msk only records the wish; the running app sees the change and writes the entry.
    expect((await home.run(['config', 'set', 'launchAtLogin', 'true'])).code).toBe(0);
    await expect.poll(() => existsSync(entry)).toBe(true);
    const text = readFileSync(entry, 'utf8');
    expect(text).toContain('[Desktop Entry]\nType=Application\n');
    // The app as it runs now: the stand-in's Node, its loader, the built main script.
    expect(text).toContain(`\nExec=${process.execPath} --import ${REGISTER} ${MAIN} --hidden\n`);

    const unset = await page.evaluate(() =>
      (globalThis as unknown as { api: Api }).api.settings.unset({ name: 'launchAtLogin' }),
    );
    expect(unset).toEqual({ ok: true, value: { changed: true } });
    await expect.poll(() => existsSync(entry)).toBe(false);
    expect(await launched.notifications()).toEqual([]);
  });

  it('started by the session (its login entry), stays in the tray: no window until one is asked for', async () => {
    await stored('personal', 'sg');
    const launched = (app = await launchApp(MAIN, { env: environment(), args: ['--hidden'] }));
    expect(find(await launched.menu(), 'Copy API Key')?.enabled).toBe(true);
    expect(await launched.windows()).toEqual([]);
    await launched.click(['Open Model Studio Keys…']);
    await expect.poll(async () => (await launched.windows()).length).toBe(1);
    expect(await launched.notifications()).toEqual([]);
    expect(await launched.quit()).toBe(0);
    // A login entry of an earlier version says so in its own words.
    const earlier = (app = await launchApp(MAIN, { env: environment(), args: ['--started-at-login'] }));
    expect(find(await earlier.menu(), 'Copy API Key')?.enabled).toBe(true);
    expect(await earlier.windows()).toEqual([]);
  });

  it('started at login on its first run (no data file yet), opens its window to add the first key', async () => {
    const launched = (app = await launchApp(MAIN, { env: environment(), args: ['--hidden'] }));
    const page = await launched.window();
    await expect.poll(() => page.getByRole('navigation').count()).toBe(1);
  });

  it('on a GNOME without a tray, says how to get one until told not to; started at login, it opens its window', async () => {
    // This test's session bus has no StatusNotifierWatcher, as stock GNOME has none.
    if (!systemPart('gdbus on a session bus', onPath('gdbus'), 'apt-get install libglib2.0-bin')) return;
    await stored('personal', 'sg');
    const gnome = { ...environment(), XDG_CURRENT_DESKTOP: 'GNOME' };
    // The tray is not shown: the window is the only way in, so it opens even at login, and says why.
    let launched = (app = await launchApp(MAIN, { env: gnome, args: ['--hidden'] }));
    const page = await launched.window();
    const note = page.getByRole('note', { name: 'Your desktop shows no tray icons' });
    await expect.poll(() => note.textContent()).toContain('On GNOME, install the AppIndicator extension');
    expect(await note.getByRole('link', { name: 'AppIndicator extension' }).getAttribute('href')).toBe(
      'https://extensions.gnome.org/extension/615/appindicator-support/',
    );
    await note.getByRole('button', { name: 'Don’t Show Again' }).click();
    await expect.poll(() => note.count()).toBe(0);
    expect((await new ConfigStore(home.directory).read()).dismissedHints).toEqual(['tray-host']);
    expect(await launched.notifications()).toEqual([]);
    expect(await launched.quit()).toBe(0);
    // Dismissed: the window says it no more.
    launched = app = await launchApp(MAIN, { env: gnome });
    const again = await launched.window();
    await expect.poll(() => again.getByRole('navigation').count()).toBe(1);
    expect(await again.getByRole('note').count()).toBe(0);
    expect(await launched.notifications()).toEqual([]);
  });

  it('launches a tool from Launch ▸, found on the login shell’s PATH, the key in its environment only', async () => {
    const { secret } = await stored('personal', 'sg');
    // Qwen Code and a terminal installed where only the user's login profile looks (~/.local/bin, nvm…).
    const userHome = path.join(configHome, 'home');
    const report = path.join(userHome, 'qwen-saw.txt');
    const shellReport = path.join(userHome, 'shell-saw.txt');
    const terminalLog = path.join(userHome, 'xterm-ran.txt');
    const bin = fakePrograms(userHome, {
      // A terminal that runs what follows -e, as xterm does, and notes what it was given.
      xterm: `#!/bin/sh\nprintf '%s\\n' "$*" >> '${terminalLog}'\nwhile [ "$1" != -e ]; do shift; done; shift; exec "$@"\n`,
      qwen: `#!/bin/sh\nprintf '%s\\n' "$PWD" "$OPENAI_API_KEY" "$OPENAI_BASE_URL" "$OPENAI_MODEL" "$*" > '${report}'\n`,
      // The user's shell: a login shell when asked for PATH; opened by Launch ▸ Terminal, it notes its variables.
      'user-shell': `#!/bin/sh\n[ "$1" = -i ] && exec /bin/sh "$@"\nprintf '%s\\n' "$DASHSCOPE_API_KEY" "$OPENAI_BASE_URL" > '${shellReport}'\n`,
    });
    writeFileSync(path.join(userHome, '.profile'), `PATH="${bin}:$PATH"\n`);
    await new ConfigStore(home.directory).update((draft) => void (draft.settings.terminal = 'xterm'));
    const launched = (app = await launchApp(MAIN, {
      env: { ...environment(), HOME: userHome, SHELL: path.join(bin, 'user-shell') },
    }));
    const qwen = (menu: RecordedMenuItem[]) => find(find(menu, 'Launch')?.submenu ?? [], 'Qwen Code');
    await launched.waitForMenu((menu) => qwen(menu)?.enabled === true);
    await launched.click(['Launch', 'Qwen Code']);
    await expect
      .poll(() => (existsSync(report) ? readFileSync(report, 'utf8') : ''), { timeout: 15_000 })
      .toBe(
        [
          userHome,
          secret,
          `${server.overrides['dashscope:ap-southeast-1']}/compatible-mode/v1`,
          'qwen3-coder-plus',
          '',
          '',
        ].join('\n'),
      );
    expect(await launched.notifications()).toEqual([
      { title: 'Model Studio Keys', body: 'Started Qwen Code with ‘personal’ in xterm' },
    ]);
    // A tool that is not installed is shown so, and cannot be clicked.
    expect(
      find(find(await launched.menu(), 'Launch')?.submenu ?? [], 'Claude Code — not installed')?.enabled,
    ).toBe(false);

    // Launch ▸ Terminal: the user's shell, with the default preset, started by the app as msk.
    await launched.click(['Launch', 'Terminal']);
    await expect
      .poll(() => (existsSync(shellReport) ? readFileSync(shellReport, 'utf8') : ''), { timeout: 15_000 })
      .toBe(`${secret}\n${server.overrides['dashscope:ap-southeast-1']}/compatible-mode/v1\n`);
    const [, terminal] = readFileSync(terminalLog, 'utf8').split('\n');
    expect(terminal).toContain(`${MAIN} --msk exec --key `);
    expect(terminal).toContain(`--tool terminal --model qwen-plus -- ${path.join(bin, 'user-shell')}`);
    expect(readFileSync(terminalLog, 'utf8')).not.toContain(secret);
  });

  it('exports a Postman environment to the file the user picks, and writes nothing when they cancel', async () => {
    const { secret } = await stored('personal', 'sg');
    const launched = await launch();
    await launched.waitForMenu((menu) => find(menu, 'Export Postman Environment…')?.enabled === true);
    await launched.click(['Export Postman Environment…']);
    await expect.poll(async () => (await launched.dialogs()).length).toBe(1);
    const file = path.join(configHome, 'model-studio.json');
    await launched.answerSaveDialogs(file);
    await launched.click(['Export Postman Environment…']);
    await expect.poll(() => existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain(secret);
    expect((await launched.dialogs()).map((dialog) => dialog.kind)).toEqual(['save', 'save']);
    await expect
      .poll(async () => (await launched.notifications()).map((notice) => notice.body))
      .toEqual([
        `Saved the Postman environment for ‘personal’ to ${file} (the key inside is typed secret; keep the file private)`,
      ]);
  });

  it('refuses every permission a page might ask for', async () => {
    const launched = await launch();
    expect(await launched.decidePermission('clipboard-read')).toBe(false);
    expect(await launched.decidePermission('notifications')).toBe(false);
  });

  it('says why it cannot start, in a dialog, and exits', async () => {
    const run = await runProcess(process.execPath, ['--import', REGISTER, MAIN], {
      ...environment(),
      MSK_ENDPOINT_OVERRIDES: '{oops',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /error box: Model Studio Keys: Model Studio Keys could not start: MSK_ENDPOINT_OVERRIDES is not valid JSON/,
    );
  });

  it('brings the first instance’s window back when the app is started again', async () => {
    const launched = await launch();
    await launched.window();
    await launched.closeWindow();
    await expect.poll(async () => (await launched.windows())[0]?.visible).toBe(false);
    const second = await runProcess(process.execPath, ['--import', REGISTER, MAIN], environment());
    expect(second.code).toBe(0);
    await expect.poll(async () => (await launched.windows()).map((window) => window.visible)).toEqual([true]);
  });

  it('is msk too, beside a running app: output piped, exit status kept, no window or tray of its own', async () => {
    const { secret } = await stored('personal', 'sg');
    const launched = await launch();
    await launched.window();
    await launched.closeWindow();
    await expect.poll(async () => (await launched.windows())[0]?.visible).toBe(false);
    const asMsk = (args: string[]) =>
      runProcess(process.execPath, ['--import', REGISTER, MAIN, '--msk', ...args], environment());
    const list = await asMsk(['list', '--json']);
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject([{ label: 'personal' }]);
    const exec = await asMsk([
      'exec',
      '--',
      'sh',
      '-c',
      'test "$DASHSCOPE_API_KEY" = "$0" && exit 7',
      secret,
    ]);
    expect(exec.code).toBe(7);
    expect(await asMsk(['copy', 'nobody'])).toMatchObject({
      code: 1,
      stderr: "msk: No key is labelled or identified 'nobody'. Stored keys: personal.\n",
    });
    // The running app was not asked to show itself (as a second start of the app would).
    expect((await launched.windows()).map((window) => window.visible)).toEqual([false]);
  });
});
