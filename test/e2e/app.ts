// The `app` fixture: a page showing the real built renderer, wired to the real router and core.
// Target `renderer`: Debian's Chromium running the REAL built preload, its ipcRenderer bridged
// with exposeBinding to the real IPC server in this process.
// Target `electron`: the built app through Playwright's _electron, where a binary is installed.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { _electron, type Browser, chromium, type Page, test as base } from '@playwright/test';
import { CheckRunner } from '../../main/core/actions/checks.js';
import { createLauncher } from '../../main/core/launcher.js';
import { createServices, type Services } from '../../main/core/services.js';
import { StatePublisher } from '../../main/core/state-publisher.js';
import { STATE_EVENT } from '../../main/ipc/channels.js';
import type { AppContext } from '../../main/ipc/context.js';
import { createRouter } from '../../main/ipc/router.js';
import { createIpcServer, type IpcSender } from '../../main/ipc/server.js';
import { bridgePreload, deliver } from '../fixtures/preload-bridge.js';
import { removeService } from '../fixtures/keytar.js';
import { MemorySecretStore } from '../fixtures/memory-secret-store.js';

export type Target = 'renderer' | 'electron';
export interface TargetOptions {
  target: Target;
}
const RENDERER = path.resolve('out/renderer');
import { CHROMIUM } from '../fixtures/system.js';

export interface App {
  page: Page;
  /** The core behind the page, to arrange data and to check what the UI changed. */
  services: Services;
  /** Reloads the page so it starts from the stored data. */
  reload(): Promise<void>;
}

export const test = base.extend<{ target: Target; app: App }, { browser: Browser }>({
  target: ['renderer', { option: true }],
  browser: [
    // Playwright reads a fixture's dependencies from its destructuring pattern: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      if (!existsSync(CHROMIUM)) {
        if (process.env.MSK_REQUIRE_ALL === '1')
          throw new Error(`Chromium is missing at ${CHROMIUM}: apt-get install chromium`);
        base.skip(true, `Chromium is missing at ${CHROMIUM}: apt-get install chromium`);
      }
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ target, browser }, use) => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'msk-e2e-'));
    try {
      if (target === 'electron') await useElectron(home, use);
      else await useBridgedRenderer(browser, home, use);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  },
});

async function useBridgedRenderer(
  browser: Browser,
  home: string,
  use: (app: App) => Promise<void>,
): Promise<void> {
  const services = createServices(
    { dataDirectory: home, keychainService: 'unused', endpointOverrides: {} },
    new MemorySecretStore(),
  );
  const context: AppContext = {
    services,
    clipboard: { copy: async () => undefined },
    checks: new CheckRunner(services),
    state: new StatePublisher(services.config),
    launcher: createLauncher([process.execPath, path.resolve('out/cli/msk.js')]),
    chooseSaveFile: async () => undefined,
  };
  const server = await serveStatic(RENDERER);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const page = await browser.newPage();
  const sender: IpcSender = {
    id: 1,
    frameUrl: undefined,
    send: (channel, payload) => void deliver(page, channel, payload),
  };
  const ipc = createIpcServer(createRouter(context), (url) => url.startsWith(`${origin}/index.html`));
  context.state.subscribe((state) => sender.send(STATE_EVENT, state));
  await bridgePreload(page, {
    invoke: (frameUrl, channel, payload) => ipc.invoke(channel, { ...sender, frameUrl }, payload),
    send: (frameUrl, channel, payload) => ipc.message(channel, { ...sender, frameUrl }, payload),
  });
  const reload = async () => {
    await page.goto(`${origin}/index.html`);
  };
  try {
    await use({ page, services, reload });
  } finally {
    await page.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

async function useElectron(home: string, use: (app: App) => Promise<void>): Promise<void> {
  const executable = electronBinary();
  test.skip(
    executable === undefined,
    'no Electron binary is installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1): the renderer project covers these specs in Chromium',
  );
  const services = createServices({
    dataDirectory: home,
    keychainService: `Model Studio Keys e2e ${path.basename(home)}`,
    endpointOverrides: {},
  });
  const electronApp = await _electron.launch({
    executablePath: executable,
    // GitHub's Ubuntu runners forbid the unprivileged user namespaces Chromium's sandbox wants.
    args: [...(process.platform === 'linux' ? ['--no-sandbox'] : []), path.resolve('out/main/index.js')],
    env: { ...process.env, MSK_HOME: home, MSK_KEYCHAIN_SERVICE: services.environment.keychainService },
  });
  const page = await electronApp.firstWindow();
  try {
    await use({ page, services, reload: async () => void (await page.reload()) });
  } finally {
    await electronApp.close();
    await removeService(services.environment.keychainService);
  }
}

function electronBinary(): string | undefined {
  try {
    const pathFile = path.resolve('node_modules/electron/path.txt');
    const relative = readFileSync(pathFile, 'utf8').trim();
    const executable = path.resolve('node_modules/electron/dist', relative);
    return existsSync(executable) ? executable : undefined;
  } catch {
    return undefined;
  }
}

function serveStatic(root: string): Promise<Server> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.png': 'image/png',
    '.svg': 'image/svg+xml',
  };
  const server = createServer((request, response) => {
    const file = path.join(
      root,
      path.normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)),
    );
    if (!file.startsWith(root) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export { expect } from '@playwright/test';
