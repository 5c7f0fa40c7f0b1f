// The electron stand-in itself: a sample tray app driven through the harness, on Chromium and X.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type LaunchedApp,
  launchApp,
  type LaunchOptions,
  REGISTER,
} from '../fixtures/electron-stand-in/launch.js';
import { type PrivateDisplay, startPrivateDisplay } from '../fixtures/electron-stand-in/private-display.js';
import { CHROMIUM, onPath, systemPart } from '../fixtures/system.js';

const parts = systemPart(
  'Chromium and an X display with xclip',
  existsSync(CHROMIUM) && Boolean(process.env.DISPLAY) && onPath('xclip') && onPath('Xvfb'),
  'apt-get install chromium xvfb xclip',
);

const standIn = (file: string) =>
  fileURLToPath(new URL(`../fixtures/electron-stand-in/${file}`, import.meta.url));
const SAMPLE = standIn('samples/tray-app.js');
const KEY = 'sk-sample-0123456789';

/** The sample window's preload api, as the page sees it. */
interface SampleApi {
  fail(): Promise<unknown>;
  missing(): Promise<unknown>;
  echo(text: string): void;
  onceEchoed(listener: (text: string) => void): void;
}

describe.runIf(parts)('electron stand-in', () => {
  let x: PrivateDisplay;
  let configHome: string;
  let launched: LaunchedApp[] = [];

  beforeAll(async () => {
    x = await startPrivateDisplay();
  });
  afterAll(() => x?.stop());

  beforeEach(() => {
    configHome = mkdtempSync(path.join(os.tmpdir(), 'electron-stand-in-test-'));
  });
  afterEach(async () => {
    await Promise.all(launched.map((app) => app.kill()));
    launched = [];
    rmSync(configHome, { recursive: true, force: true });
  });

  const environment = () => ({ DISPLAY: x.display, XDG_CONFIG_HOME: configHome });
  const readClipboard = () =>
    spawnSync('xclip', ['-selection', 'clipboard', '-o'], {
      encoding: 'utf8',
      env: { ...process.env, DISPLAY: x.display },
    }).stdout;

  async function launch(options: LaunchOptions = {}): Promise<LaunchedApp> {
    const app = await launchApp(SAMPLE, { ...options, env: { ...environment(), ...options.env } });
    launched.push(app);
    return app;
  }

  it('shows the tray menu as data and clicks through submenus, radio runs and checkboxes', async () => {
    const app = await launch();
    const item = (label: string, more: object = {}) => ({
      label,
      type: 'normal',
      checked: false,
      enabled: true,
      visible: true,
      ...more,
    });
    const separator = item('', { type: 'separator' });
    expect(await app.menu()).toEqual([
      item('Stand-in Sample', { enabled: false }),
      separator,
      item('Region', {
        type: 'submenu',
        submenu: [
          item('Singapore', { type: 'radio', checked: true }),
          item('Beijing', { type: 'radio' }),
          item('Virginia', { type: 'radio' }),
        ],
      }),
      item('Options', {
        type: 'submenu',
        submenu: [item('Verbose', { type: 'checkbox', accelerator: 'CmdOrCtrl+V', toolTip: 'Log more' })],
      }),
      item('Copy Key'),
      item('Help'),
      item('Open Window'),
      item('Push to Window'),
      item('Secret', { visible: false }),
      separator,
      item('Quit'),
    ]);

    await app.click(['Region', 'Beijing']);
    const menu = await app.waitForMenu((now) => now[2]?.submenu?.[1]?.checked === true);
    expect(menu[2]?.submenu?.map(({ label, checked }) => [label, checked])).toEqual([
      ['Singapore', false],
      ['Beijing', true],
      ['Virginia', false],
    ]);
    expect(await app.tooltip()).toBe('Sample: Beijing');

    await app.click(['Options', 'Verbose']);
    expect((await app.menu())[3]?.submenu?.[0]?.checked).toBe(true);
    expect(await app.tray()).toMatchObject({
      icon: { path: standIn('samples/tray-icon.png'), empty: false },
    });
  });

  it('refuses the clicks a user could not make, naming what is there', async () => {
    const app = await launch();
    await expect(app.click(['Region', 'Mars'])).rejects.toThrow(
      "No item 'Mars' in 'Region'; available there: 'Singapore', 'Beijing', 'Virginia'",
    );
    await expect(app.click(['Secret'])).rejects.toThrow("No item 'Secret' in the menu; available there:");
    await expect(app.click(['Stand-in Sample'])).rejects.toThrow("The item 'Stand-in Sample' is disabled");
    await expect(app.click(['Region'])).rejects.toThrow("The item 'Region' opens a submenu");
  });

  it('records clipboard formats (the text goes on the X clipboard), notifications, shell calls, shortcuts', async () => {
    const app = await launch();
    await app.click(['Copy Key']);
    expect(await app.clipboardWrites()).toEqual([
      {
        formats: {
          'text/plain': { kind: 'string', value: KEY },
          'text/html': { kind: 'string', value: `<code>${KEY}</code>` },
          'application/x-sample-key': { kind: 'blob', value: Buffer.from([1, 2, 3]).toString('base64') },
          'text/uri-list': { kind: 'string', value: 'https://example.com/keys/sample' },
        },
      },
    ]);
    expect(readClipboard()).toBe(KEY);

    await app.click(['Help']);
    expect(await app.notifications()).toEqual([{ title: 'Help', body: 'Opening the guide' }]);
    expect(await app.openedExternally()).toEqual(['https://example.com/guide']);

    expect(await app.shortcuts()).toEqual(['CommandOrControl+Shift+K']);
    await app.pressShortcut('CommandOrControl+Shift+K');
    expect(await app.clipboardWrites()).toHaveLength(2);
    await expect(app.pressShortcut('F13')).rejects.toThrow(
      "No global shortcut 'F13' is registered; registered: CommandOrControl+Shift+K",
    );
  });

  it("runs the window's file:// page with its preload: invoke, send and reply, errors, pushes in order", async () => {
    const app = await launch();
    await app.click(['Open Window']);
    const page = await app.window();
    const indexHtml = pathToFileURL(standIn('samples/window/index.html')).href;
    expect(page.url()).toBe(indexHtml);

    await expect.poll(() => page.textContent('#ping')).toContain('pong');
    expect(JSON.parse((await page.textContent('#ping')) ?? '')).toEqual({
      reply: 'pong: hello',
      senderUrl: indexHtml,
      fromOurWindow: true,
    });
    await expect(
      page.evaluate(() => (globalThis as unknown as { sampleApi: SampleApi }).sampleApi.fail()),
    ).rejects.toThrow("Error invoking remote method 'fail': Error: boom");
    await expect(
      page.evaluate(() => (globalThis as unknown as { sampleApi: SampleApi }).sampleApi.missing()),
    ).rejects.toThrow(
      "Error invoking remote method 'no-such-channel': Error: No handler registered for 'no-such-channel'",
    );

    const echoed = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const api = (globalThis as unknown as { sampleApi: SampleApi }).sampleApi;
          api.onceEchoed(resolve);
          api.echo('sent and replied to');
        }),
    );
    expect(echoed).toBe('SENT AND REPLIED TO');

    await app.click(['Push to Window']);
    await app.click(['Push to Window']);
    await expect
      .poll(() => page.locator('#pushes li').allTextContents())
      .toEqual(['sent before the page loaded', 'push 1', 'push 2']);
    expect(await app.windows()).toMatchObject([{ title: 'Sample Window', visible: true, url: indexHtml }]);
  });

  it("leaves the page's navigations and new windows to the main process", async () => {
    const app = await launch();
    await app.click(['Open Window']);
    const page = await app.window();

    await page.click('#away');
    await expect
      .poll(() => app.notifications())
      .toContainEqual({
        title: 'Navigation blocked',
        body: new URL('elsewhere.html', page.url()).href,
      });
    expect(page.url()).toMatch(/index\.html$/);

    await page.click('#guide');
    await expect.poll(() => app.openedExternally()).toEqual(['https://example.com/guide/window']);
    expect(await app.windows()).toHaveLength(1);
  });

  it('lets a close listener keep the window, and the tray icon bring it back', async () => {
    const app = await launch();
    await app.clickTray();
    await app.window();
    await app.closeWindow();
    expect(await app.windows()).toMatchObject([{ visible: false }]);

    await app.clickTray();
    expect(await app.windows()).toMatchObject([{ visible: true }]);
  });

  it('quits only after the before-quit work, leaving the X clipboard clear', async () => {
    const app = await launch();
    await app.click(['Copy Key']);
    await app.clipboardWrites();
    expect(readClipboard()).toBe(KEY);

    expect(await app.quit()).toBe(0);
    expect(readClipboard()).toBe('');
  });

  it('refuses a second instance the lock, and tells the first about it', async () => {
    const first = await launch({ readyWhen: 'ready' });
    const second = await promisify(execFile)(process.execPath, ['--import', REGISTER, SAMPLE, '--again'], {
      env: { ...process.env, ...environment() },
      timeout: 15_000,
    });
    expect(second.stdout).toBe('single instance lock: refused\n');

    const body = JSON.stringify({
      args: ['--again'],
      workingDirectory: process.cwd(),
      additionalData: { from: 'a second instance' },
    });
    await expect.poll(() => first.notifications()).toEqual([{ title: 'Second instance', body }]);
  });

  it('takes over the lock an instance left behind when it was killed', async () => {
    const first = await launch();
    process.kill(first.pid, 'SIGKILL');
    await first.exited;
    expect(existsSync(path.join(configHome, 'Stand-in Sample', 'SingletonSocket'))).toBe(true);

    const second = await launch();
    expect(await second.menu()).not.toEqual([]);
  });
});
