// Electron entry: one instance; the core composed once; tray, window and IPC wired to it; the
// data directory watched so a change by `msk` shows at once; the clipboard cleared on quit.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, type BrowserWindow, dialog, session, shell } from 'electron';
import trayAttentionX2 from '../build/tray-attention@2x.png?asset';
import trayAttention from '../build/tray-attention.png?asset';
import trayAttentionTemplateX2 from '../build/trayAttentionTemplate@2x.png?asset';
import trayAttentionTemplate from '../build/trayAttentionTemplate.png?asset';
import trayX2 from '../build/tray@2x.png?asset';
import tray1x from '../build/tray.png?asset';
import trayTemplateX2 from '../build/trayTemplate@2x.png?asset';
import trayTemplate from '../build/trayTemplate.png?asset';
import { runMsk } from './cli/run-msk.js';
import { CheckRunner } from './core/actions/checks.js';
import { launcherStatus, windowsUserPath } from './core/desktop/command-line-install.js';
import { ClipboardGuard } from './core/clipboard/clipboard-guard.js';
import { GatewayRunner } from './core/gateway/gateway-runner.js';
import { MonthSpend } from './core/actions/month-spend.js';
import { watchConfig } from './core/config/config-watcher.js';
import { readEnvironment } from './core/config/environment.js';
import { messageOf } from './core/base/errors.js';
import { ObservedSecretStore } from './core/state/observed-secret-store.js';
import { configFile, PRODUCT_NAME } from './core/platform/paths.js';
import { KeychainSecretStore } from './core/keys/secret-store.js';
import { LaunchAtLogin, opensWindowAtStart } from './core/desktop/launch-at-login.js';
import { createLauncher } from './core/tools/terminal-launcher.js';
import { createServices } from './core/keys/services.js';
import { StatePublisher } from './core/state/state-publisher.js';
import type { AppState } from './core/state/snapshot.js';
import { findTrayHost } from './core/desktop/tray-host.js';
import { UpdateController } from './core/updates/update-controller.js';
import { errorText } from './shared/i18n/labels.js';
import { createTranslator, resolveLanguage, type Translate } from './shared/i18n/translator.js';
import {
  type AppContext,
  createIpcServer,
  createRouter,
  errorOf,
  followChecks,
  HeldScan,
  isOwnPage,
  PendingKeys,
  toolList,
} from './ipc/index.js';
import { electronClipboard } from './shell/clipboard.js';
import { COPY_ACCELERATOR, syncCopyShortcut } from './shell/global-shortcut.js';
import { pushState, registerIpc } from './shell/ipc.js';
import { startedAtLogin, systemLoginItem } from './shell/login-item.js';
import { notify } from './shell/notify.js';
import { mskArguments, selfAsMsk } from './shell/msk-mode.js';
import { createTray } from './shell/tray.js';
import { confirmBox, questionBox, shownOnceBox } from './shell/message-boxes.js';
import { performTrayAction } from './shell/tray-actions.js';
import type { TrayAction, TrayTool } from './shell/tray-menu.js';
import { createMainWindow, markQuitting, type WindowPaths } from './shell/window.js';

/** The longest a quit waits for the clipboard to be cleared (a loaded machine needs more than a moment). */
const CLEAR_ON_QUIT_TIMEOUT_MS = 3000;

const asMsk = mskArguments(process.argv, app.isPackaged);
if (asMsk) {
  void runAsMsk(asMsk);
} else {
  // The CLI and the app agree on the data directory only if the app's name is ours.
  app.setName(PRODUCT_NAME);
  if (!app.requestSingleInstanceLock()) app.quit();
  else
    void app
      .whenReady()
      .then(start)
      .catch((error: unknown) => {
        dialog.showErrorBox(PRODUCT_NAME, `Model Studio Keys could not start: ${messageOf(error)}`);
        app.exit(1);
      });
}

/** The app started as msk (a terminal the tray opened): the command, then exit with its status. No window, no tray. */
async function runAsMsk(args: string[]): Promise<void> {
  await runMsk(args, selfAsMsk(process, app.isPackaged, path.resolve));
  // Piped output is written asynchronously: let it out before exiting.
  await Promise.all(
    [process.stdout, process.stderr].map((stream) => new Promise((done) => stream.write('', done))),
  );
  app.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
}

async function start(): Promise<void> {
  const paths: WindowPaths = {
    preload: path.join(import.meta.dirname, '../preload/preload.cjs'),
    // Only a development build may load its page from a server; a packaged app never does.
    devServerUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
    indexHtml: path.join(import.meta.dirname, '../renderer/index.html'),
  };
  // The page needs no permission at all (camera, notifications, clipboard reads…): refuse them.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, grant) => grant(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  const environment = readEnvironment();
  // Nothing set up yet (no data file): the window opens even at login, to add the first key.
  const atStart = { atLogin: startedAtLogin(), firstRun: !existsSync(configFile(environment.dataDirectory)) };
  // The keychain's trouble (locked, unavailable) is shown in the tray and window as a problem.
  const secrets = new ObservedSecretStore(
    new KeychainSecretStore(environment.keychainService),
    // Called only by keychain work, which starts after `state` exists.
    (problem) => void state.setRuntime({ problem }),
  );
  const services = createServices(environment, secrets);
  const state = new StatePublisher(services.config);
  // The gateway for GUI tools runs in the app while the setting is on and a tool has a token.
  const gateway = new GatewayRunner(services, {
    onChange: (status, today) => void state.setRuntime({ gateway: { status, today } }),
  });
  // The tray's spend line: this month's bill of the connected accounts, read hourly.
  const monthSpend = new MonthSpend(services, (spend) => void state.setRuntime({ spend }));
  const guard = new ClipboardGuard(electronClipboard());
  // Updates: only an installed build has a feed (app-update.yml) to update from.
  let readyVersion: string | undefined;
  const updates = new UpdateController({
    // Loaded when the first check is due (electron-updater is large).
    engine: app.isPackaged
      ? () => import('./shell/updater.js').then((updater) => updater.platformUpdateEngine())
      : undefined,
    onChange: (status) => {
      void state.setRuntime({ updates: { current: app.getVersion(), status } });
      // Said once per version: the tray's Restart to Update stays until the user chooses it.
      if (status.phase === 'ready' && status.version !== readyVersion) {
        readyVersion = status.version;
        notify(t('product'), t('notify.updateReady', { version: status.version }));
      }
    },
  });
  void state.setRuntime({ updates: { current: app.getVersion(), status: updates.current() } });
  const context: AppContext = {
    services,
    clipboard: guard,
    checks: new CheckRunner(services),
    state,
    // The terminal a tool opens in runs the app itself as msk.
    launcher: createLauncher(selfAsMsk(process, app.isPackaged, path.resolve)),
    pendingKeys: new PendingKeys(),
    async chooseSaveFile(defaultName) {
      const answer = await dialog.showSaveDialog({
        defaultPath: path.join(app.getPath('documents'), defaultName),
      });
      return answer.canceled ? undefined : answer.filePath;
    },
    async chooseOpenFile() {
      const answer = await dialog.showOpenDialog({
        defaultPath: app.getPath('documents'),
        properties: ['openFile'],
        filters: [
          { name: t('window.backup.fileKind'), extensions: ['msk-backup'] },
          { name: t('window.backup.anyFile'), extensions: ['*'] },
        ],
      });
      return answer.canceled ? undefined : answer.filePaths[0];
    },
    async chooseFolder() {
      const answer = await dialog.showOpenDialog({
        defaultPath: app.getPath('home'),
        properties: ['openDirectory'],
      });
      return answer.canceled ? undefined : answer.filePaths[0];
    },
    heldScan: new HeldScan(),
    gatewayUsage: gateway.usage,
    cliLauncher: {
      platform: process.platform,
      env: process.env,
      home: app.getPath('home'),
      command: selfAsMsk(process, app.isPackaged, path.resolve),
      addToUserPath: windowsUserPath('add'),
      removeFromUserPath: windowsUserPath('remove'),
    },
    updates: {
      check: () => updates.checkNow(),
      // What a quit does first (the clipboard cleared, the gateway's counts written), then the installer.
      restart: async () => {
        if (updates.current().phase !== 'ready') return false;
        await settleBeforeQuit();
        // The new version may start before this one has gone: it must find no instance to defer to.
        app.releaseSingleInstanceLock();
        if (await updates.install()) return true;
        // Its installer could not start (the views say why): carry on as before.
        [settled, clipboardCleared] = [undefined, false];
        app.requestSingleInstanceLock();
        void gateway.followConfig();
        return false;
      },
    },
  };
  const ipc = createIpcServer(createRouter(context), (url) => isOwnPage(url, paths));
  registerIpc(ipc);

  let window: BrowserWindow | undefined;
  let latest: AppState | undefined;
  let language = '';
  let t: Translate = createTranslator('en');
  let shortcut = false;
  let tools: TrayTool[] = [];
  let toolsAsked = 0;

  // macOS draws template images in its menu bar's colour; the others get the white glyph.
  const tray = createTray(
    process.platform === 'darwin'
      ? {
          normal: { x1: trayTemplate, x2: trayTemplateX2 },
          attention: { x1: trayAttentionTemplate, x2: trayAttentionTemplateX2 },
          template: true,
        }
      : {
          normal: { x1: tray1x, x2: trayX2 },
          attention: { x1: trayAttention, x2: trayAttentionX2 },
          template: false,
        },
    perform,
  );
  const render = () => {
    if (latest)
      tray.update(latest, t, {
        copyAccelerator: shortcut ? COPY_ACCELERATOR : undefined,
        tools,
      });
  };
  state.subscribe((next) => {
    const wanted = resolveLanguage(next.language, app.getLocale());
    if (wanted !== language) [language, t] = [wanted, createTranslator(wanted)];
    shortcut = syncCopyShortcut(next.globalShortcut, () => perform({ type: 'copy-active-key' }));
    const dataChanged = next.dataRevision !== latest?.dataRevision;
    latest = next;
    render();
    pushState(window, next);
    // A check's step changes nothing the tool list depends on.
    if (!dataChanged) return;
    // Which tools are installed is asked of the login PATH, so it follows a moment later; only the
    // answer to the latest state counts (an earlier one may arrive after it).
    const asked = ++toolsAsked;
    void toolList(context).then(
      (list) => {
        if (asked !== toolsAsked) return;
        tools = list;
        render();
      },
      () => undefined,
    );
  });
  // A check's progress comes with the snapshots (the tray's label and tooltip, every window).
  followChecks(context.checks, state);
  // Launch at login is applied by the app, whoever changed the setting (msk only records it).
  const launchAtLogin = new LaunchAtLogin(services.config, systemLoginItem());
  const followLaunchAtLogin = () =>
    void launchAtLogin.follow().catch((error: unknown) => notify(t('product'), errorText(errorOf(error), t)));
  // The gateway and the updater follow their settings from one read of the file (a file that
  // cannot be read leaves them as they are; the views show why).
  const followSettings = () =>
    void services.config.read().then(
      (config) => {
        void gateway.follow(config);
        updates.follow(config.settings.autoUpdate);
      },
      () => undefined,
    );
  await watchConfig(services.environment.dataDirectory, () => {
    void state.refresh();
    followLaunchAtLogin();
    followSettings();
    void monthSpend.follow();
  });
  monthSpend.start();

  function showWindow(): void {
    if (!window) {
      // Shown once its page is ready, so it never flashes empty.
      window = createMainWindow(paths);
      window.once('ready-to-show', () => window?.show());
      return;
    }
    window.show();
    window.focus();
  }

  function perform(action: TrayAction): void {
    void performTrayAction(action, {
      context,
      t: () => t,
      notify: (body) => notify(t('product'), body),
      confirm: (question) => confirmBox(question, t('window.common.cancel')),
      ask: (question) => questionBox(question, t('window.common.cancel')),
      showOnce: (shown) => shownOnceBox(shown, t('tray.copyShownOnce'), t('tray.close')),
      openWindow: showWindow,
      openExternal: (url) => shell.openExternal(url),
      quit: () => app.quit(),
    });
  }

  app.on('second-instance', showWindow);
  // Electron does not wait for async listeners: hold the quit until the clipboard is cleared,
  // but never longer than a moment (a clipboard that does not answer must not keep us here).
  let settled: Promise<void> | undefined;
  let clipboardCleared = false;
  function settleBeforeQuit(): Promise<void> {
    const timeout = new Promise((resolve) => setTimeout(resolve, CLEAR_ON_QUIT_TIMEOUT_MS));
    // The gateway's last counts are written too, and the window's tasks stopped (an onboarding
    // ended and OpenClaw's config put back).
    settled ??= Promise.race([Promise.all([guard.flush(), gateway.close(), ipc.stopTasks()]), timeout])
      .catch(() => undefined)
      .then(() => {
        clipboardCleared = true;
      });
    return settled;
  }
  app.on('before-quit', (event) => {
    markQuitting();
    if (clipboardCleared) return;
    event.preventDefault();
    void settleBeforeQuit().then(() => app.quit());
  });
  // A tray app keeps running with no window open.
  app.on('window-all-closed', () => undefined);

  await state.refresh();
  // Whether `msk` is on the PATH from the app: the tray offers to install or uninstall it.
  void launcherStatus(context.cliLauncher).then(
    (cli) => state.setRuntime({ cli }),
    () => undefined,
  );
  followLaunchAtLogin();
  followSettings();
  // The window opens unless the session started the app (see opensWindowAtStart); a desktop that
  // shows no tray icons (GNOME without its AppIndicator extension) opens it then too, and it says why.
  if (opensWindowAtStart(atStart)) showWindow();
  void findTrayHost(process.platform, process.env).then(async (trayHost) => {
    await state.setRuntime({ trayHost });
    if (!opensWindowAtStart(atStart) && opensWindowAtStart({ ...atStart, trayHost })) showWindow();
  });
}
