// The `app` fixture: a page showing the real built renderer, wired to the real router and core,
// the real keychain (a service name of its own) and the Model Studio imitation.
// Target `renderer`: Debian's Chromium running the REAL built preload, its ipcRenderer bridged
// with exposeBinding to the real IPC server in this process (and the config watcher, so a change
// by `msk` in another process reaches the page).
// Target `stand-in`: the REAL built main process (out/main/index.js) under Node with the electron
// stand-in; its window is the built renderer in Chromium, bridged to the app's own ipcMain.
// Target `electron`: the built app through Playwright's _electron, where a binary is installed.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { _electron, type Browser, chromium, expect, type Page, test as base } from '@playwright/test';
import { CheckRunner } from '../../main/core/actions/checks.js';
import { watchConfig } from '../../main/core/config/config-watcher.js';
import { GatewayRunner } from '../../main/core/gateway/gateway-runner.js';
import { createLauncher } from '../../main/core/tools/terminal-launcher.js';
import { createServices, type Services } from '../../main/core/keys/services.js';
import { StatePublisher } from '../../main/core/state/state-publisher.js';
import { electronUpdaterEngine } from '../../main/core/updates/electron-updater-engine.js';
import { UpdateController } from '../../main/core/updates/update-controller.js';
import { STATE_EVENT } from '../../main/shared/contract/channels.js';
import type { AppContext } from '../../main/ipc/context.js';
import { followChecks } from '../../main/ipc/follow-checks.js';
import { HeldScan } from '../../main/ipc/held-scan.js';
import { PendingKeys } from '../../main/ipc/pending-keys.js';
import { createRouter } from '../../main/ipc/router.js';
import { createIpcServer, type IpcSender } from '../../main/ipc/server.js';
import { launchApp } from '../fixtures/electron-stand-in/launch.js';
import { type PrivateDisplay, startPrivateDisplay } from '../fixtures/electron-stand-in/private-display.js';
import { type FakeModelStudio, startModelStudio } from '../fixtures/model-studio-server.js';
import {
  type FakeModelStudioOpenApi,
  startModelStudioOpenApi,
} from '../fixtures/model-studio-openapi/server.js';
import { bridgePreload, deliver } from '../fixtures/preload-bridge.js';
import { removeService } from '../fixtures/keytar.js';
import { serveStatic } from '../fixtures/static-server.js';
import { CHROMIUM } from '../fixtures/system.js';
import { appImageUpdater, startUpdateFeed, type UpdateFeed } from '../fixtures/update-feed.js';

export type Target = 'renderer' | 'stand-in' | 'electron';
export interface TargetOptions {
  target: Target;
}
/** Off: the catalog's real hosts (for pictures that show base URLs; nothing may be asked of them). */
export interface ImitationOption {
  imitation: boolean;
}
/**
 * Set in (undefined: taken out of) the environment the app's launcher starts tools with, which
 * the app takes from its own: a PATH holding stand-in tools (no SHELL, so no login shell replaces
 * it), a tool's own settings. Given before the app starts (`test.use`).
 */
export interface LauncherEnvOption {
  launcherEnv: Record<string, string | undefined>;
}
const RENDERER = path.resolve('out/renderer');
const MAIN = path.resolve('out/main/index.js');

export interface App {
  page: Page;
  /** The core behind the page, to arrange data and to check what the UI changed. */
  services: Services;
  /** The imitation of Model Studio every host of the catalog points at. */
  modelStudio: FakeModelStudio;
  /** The imitation of Model Studio's management OpenAPI (MSK_OPENAPI_ENDPOINTS), sharing its keys with `modelStudio`. */
  openapi: FakeModelStudioOpenApi;
  /** What a `msk` process needs to share the app's data and keychain. */
  env: Record<string, string>;
  /** Reloads the page so it starts from the stored data. */
  reload(): Promise<void>;
  /**
   * Quits the app and starts it again where there is an app process (stand-in, Electron); in
   * the bridged renderer, a reload. `page` is the new window's afterwards.
   */
  restart(): Promise<void>;
  /** What the app's file dialogs answer from now on, as if the user picked it; undefined: cancel. */
  answerFileDialogs(answers: FileDialogAnswers): Promise<void>;
  /**
   * The bridged renderer's updater: electron-updater's AppImage updater reading a local release
   * feed, as an installed app does; `restarts` counts Restart to Update (the installer is not run).
   * Undefined where the app is a development build, which does not update.
   */
  updates: { feed: UpdateFeed; current: string; restarts: number } | undefined;
}

export interface FileDialogAnswers {
  save?: string | undefined;
  open?: string | undefined;
}

interface Worker {
  browser: Browser;
  modelStudio: FakeModelStudio;
  openapi: FakeModelStudioOpenApi;
  updateFeed: UpdateFeed;
  display: PrivateDisplay | undefined;
}

export const test = base.extend<
  { target: Target; imitation: boolean; launcherEnv: LauncherEnvOption['launcherEnv']; app: App },
  { worker: Worker }
>({
  target: ['renderer', { option: true }],
  imitation: [true, { option: true }],
  launcherEnv: [{}, { option: true }],
  worker: [
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
      const modelStudio = await startModelStudio();
      const openapi = await startModelStudioOpenApi({ modelStudio });
      const updateFeed = await startUpdateFeed();
      // The stand-in's clipboard is the X clipboard: a display of its own per worker.
      const display =
        process.platform === 'linux' ? await startPrivateDisplay().catch(() => undefined) : undefined;
      await use({ browser, modelStudio, openapi, updateFeed, display });
      await browser.close();
      await modelStudio.close();
      await openapi.close();
      await updateFeed.close();
      await display?.stop();
    },
    { scope: 'worker' },
  ],
  app: async ({ target, imitation, launcherEnv, worker }, use) => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'msk-e2e-'));
    const keychainService = `Model Studio Keys e2e ${randomUUID()}`;
    const endpointOverrides = imitation ? worker.modelStudio.overrides : {};
    const openApiEndpoints = imitation ? worker.openapi.overrides : {};
    const env = {
      MSK_HOME: home,
      MSK_KEYCHAIN_SERVICE: keychainService,
      MSK_ENDPOINT_OVERRIDES: JSON.stringify(endpointOverrides),
      MSK_OPENAPI_ENDPOINTS: JSON.stringify(openApiEndpoints),
    };
    const services = createServices({
      dataDirectory: home,
      keychainService,
      endpointOverrides,
      openApiEndpoints,
    });
    const given = {
      services,
      modelStudio: worker.modelStudio,
      openapi: worker.openapi,
      env,
      launcherEnv,
    };
    try {
      if (target === 'electron') await useElectron(given, use);
      else if (target === 'stand-in') await useStandIn(given, worker.display, use);
      else await useBridgedRenderer(given, worker, use);
    } finally {
      worker.modelStudio.latencyMs = 0;
      worker.openapi.latencyMs = 0;
      await removeService(keychainService);
      rmSync(home, { recursive: true, force: true });
    }
  },
});

type Given = Pick<App, 'services' | 'modelStudio' | 'openapi' | 'env'> & LauncherEnvOption;

/** This process's environment with `overrides` (undefined: removed). */
function environmentWith(overrides: Record<string, string | undefined>): Record<string, string> {
  const env = { ...process.env, ...overrides };
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

async function useBridgedRenderer(given: Given, worker: Worker, use: (app: App) => Promise<void>) {
  const { services } = given;
  const { browser } = worker;
  let answers: FileDialogAnswers = {};
  const state = new StatePublisher(services.config);
  const updates = installedUpdates(worker.updateFeed, state);
  // The gateway as the app runs it (main/index.ts): following the config, telling the state.
  const gateway = new GatewayRunner(services, {
    onChange: (status, today) => void state.setRuntime({ gateway: { status, today } }),
  });
  const context: AppContext = {
    services,
    clipboard: { copy: async () => undefined },
    checks: new CheckRunner(services),
    state,
    launcher: createLauncher(
      [process.execPath, path.resolve('out/cli/msk.js')],
      environmentWith(given.launcherEnv),
    ),
    pendingKeys: new PendingKeys(),
    chooseSaveFile: async () => answers.save,
    chooseOpenFile: async () => answers.open,
    chooseFolder: async () => answers.open,
    gatewayUsage: gateway.usage,
    cliLauncher: {
      platform: process.platform,
      env: { PATH: process.env.PATH ?? '' },
      home: services.environment.dataDirectory,
      command: [process.execPath, path.resolve('out/cli/msk.js')],
    },
    heldScan: new HeldScan(),
    updates,
  };
  followChecks(context.checks, context.state);
  const watcher = await watchConfig(services.environment.dataDirectory, () => {
    void context.state.refresh();
    void gateway.followConfig();
  });
  void gateway.followConfig();
  const server = await serveStatic(RENDERER);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browserContext = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await browserContext.newPage();
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
  try {
    const reload = async () => void (await page.goto(`${origin}/index.html`));
    const answerFileDialogs = async (given: FileDialogAnswers) => void (answers = given);
    await use({ ...given, page, reload, restart: reload, answerFileDialogs, updates });
  } finally {
    updates.close();
    await browserContext.close();
    await watcher.close();
    await gateway.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

/**
 * Updates as the installed app has them (main/index.ts), from the worker's feed; running as an
 * AppImage is `APPIMAGE`, set while the test runs. No automatic checks: the tests ask.
 */
function installedUpdates(feed: UpdateFeed, state: StatePublisher) {
  const { version: current } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  const directory = mkdtempSync(path.join(os.tmpdir(), 'msk-e2e-updates-'));
  const savedAppImage = process.env.APPIMAGE;
  process.env.APPIMAGE = path.join(directory, `Model-Studio-Keys-${current}.AppImage`);
  writeFileSync(process.env.APPIMAGE, 'the running version');
  feed.publish(undefined);
  const controller = new UpdateController({
    engine: async () =>
      electronUpdaterEngine(appImageUpdater(feed.url, directory, current), { installOnQuit: true }),
    onChange: (status) => void state.setRuntime({ updates: { current, status } }),
  });
  void state.setRuntime({ updates: { current, status: controller.current() } });
  const updates = {
    feed,
    current,
    restarts: 0,
    check: () => controller.checkNow(),
    restart: async () => {
      updates.restarts += 1;
      return controller.current().phase === 'ready';
    },
    close() {
      if (savedAppImage === undefined) delete process.env.APPIMAGE;
      else process.env.APPIMAGE = savedAppImage;
      rmSync(directory, { recursive: true, force: true });
    },
  };
  return updates;
}

async function useStandIn(
  given: Given,
  display: PrivateDisplay | undefined,
  use: (app: App) => Promise<void>,
) {
  test.skip(!existsSync(MAIN), 'run `npm run build` first');
  test.skip(display === undefined, 'the stand-in needs Xvfb (apt-get install xvfb) for its clipboard');
  const configHome = mkdtempSync(path.join(os.tmpdir(), 'msk-e2e-config-'));
  const start = () =>
    launchApp(MAIN, {
      env: {
        ...given.env,
        DISPLAY: display?.display ?? '',
        XDG_CONFIG_HOME: configHome,
        ...given.launcherEnv,
      },
    });
  let launched = await start();
  try {
    const app: App = {
      ...given,
      updates: undefined,
      page: await launched.window(),
      reload: async () => void (await app.page.reload()),
      async restart() {
        expect(await launched.quit()).toBe(0);
        launched = await start();
        app.page = await launched.window();
      },
      async answerFileDialogs({ save, open }) {
        await launched.answerSaveDialogs(save);
        await launched.answerOpenDialogs(open);
      },
    };
    await use(app);
  } finally {
    await launched.kill();
    rmSync(configHome, { recursive: true, force: true });
  }
}

async function useElectron(given: Given, use: (app: App) => Promise<void>) {
  const executable = electronBinary();
  test.skip(
    executable === undefined,
    'no Electron binary is installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1): the renderer and stand-in projects cover these specs',
  );
  const start = () =>
    _electron.launch({
      executablePath: executable,
      // GitHub's Ubuntu runners forbid the unprivileged user namespaces Chromium's sandbox wants.
      args: [...(process.platform === 'linux' ? ['--no-sandbox'] : []), MAIN],
      env: environmentWith({ ...given.env, ...given.launcherEnv }),
    });
  let electronApp = await start();
  try {
    const app: App = {
      ...given,
      updates: undefined,
      page: await electronApp.firstWindow(),
      reload: async () => void (await app.page.reload()),
      async restart() {
        await electronApp.close();
        electronApp = await start();
        app.page = await electronApp.firstWindow();
      },
      async answerFileDialogs(answers) {
        // The real dialogs are native windows a test cannot click: answered in main instead.
        await electronApp.evaluate(({ dialog }, { save, open }) => {
          dialog.showSaveDialog = async () => ({ canceled: save === undefined, filePath: save ?? '' });
          dialog.showOpenDialog = async () => ({
            canceled: open === undefined,
            filePaths: open ? [open] : [],
          });
        }, answers);
      },
    };
    await use(app);
  } finally {
    await electronApp.close();
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

export { expect };
