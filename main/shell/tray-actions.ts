// What a tray click does: an exhaustive switch over the menu's actions, each one use case of
// the core. A failure becomes a notification, never a lost promise. No Electron here: the
// window, notifications, the browser and quitting come in as functions.
import path from 'node:path';
import { findAccountKey, rotateAccountKey } from '../core/actions/account-keys.js';
import { makeKeyActive } from '../core/actions/keys.js';
import { installLauncher, uninstallLauncher } from '../core/desktop/command-line-install.js';
import { switchRegion } from '../core/actions/regions.js';
import { checkKey } from '../core/actions/checks.js';
import { launchTool } from '../core/actions/launch-tool.js';
import { exportPostman, POSTMAN_FILE_NAME, toolSettings } from '../core/actions/tools.js';
import {
  clipboardOptions,
  copyBaseUrl,
  copyEnvironment,
  copyKey,
  copyTemporaryKey,
  type Copied,
} from '../core/actions/use-key.js';
import { REGIONS } from '../core/model-studio/catalog.js';
import { type AppContext, errorOf } from '../ipc/index.js';
import { errorText, noticeText, regionLabel } from '../shared/i18n/labels.js';
import type { Translate } from '../shared/i18n/translator.js';
import { checkSummary, type TrayAction } from './tray-menu.js';

/** A question before a change that cannot be undone: its buttons are `confirm` and Cancel. */
export interface Confirmation {
  message: string;
  detail: string;
  confirm: string;
}

/** A question with a choice of ways on, and Cancel: resolves to the chosen one's index, undefined for Cancel. */
export interface Question {
  message: string;
  detail: string;
  choices: readonly string[];
}

/** The one value ever shown (a rotation's, the keychain having refused it): resolves true to copy it. */
export interface ShownOnce {
  message: string;
  detail: string;
  value: string;
}

export interface TrayActionDeps {
  context: AppContext;
  t: () => Translate;
  notify(body: string): void;
  /** Asks; resolves to whether the user confirmed. */
  confirm(question: Confirmation): Promise<boolean>;
  ask(question: Question): Promise<number | undefined>;
  showOnce(shown: ShownOnce): Promise<boolean>;
  openWindow(): void;
  openExternal(url: string): Promise<void>;
  quit(): void;
}

/** Carries out one click; resolves when done, whatever happened. */
export async function performTrayAction(action: TrayAction, deps: TrayActionDeps): Promise<void> {
  try {
    await perform(action, deps);
  } catch (error) {
    deps.notify(errorText(errorOf(error), deps.t()));
  } finally {
    // Whatever the click changed (last used, active key, last check) shows everywhere.
    await deps.context.state.refresh().catch(() => undefined);
  }
}

async function perform(action: TrayAction, deps: TrayActionDeps): Promise<void> {
  const { context } = deps;
  const t = deps.t();
  switch (action.type) {
    case 'open-window':
      return deps.openWindow();
    case 'install-cli': {
      const status = await installLauncher(context.cliLauncher);
      await context.state.setRuntime({ cli: status });
      return deps.notify(
        t(status.onPath ? 'notify.cliInstalled' : 'notify.cliInstalledNotOnPath', {
          file: status.file,
          folder: path.dirname(status.file),
        }),
      );
    }
    case 'uninstall-cli': {
      const status = await uninstallLauncher(context.cliLauncher);
      await context.state.setRuntime({ cli: status });
      return deps.notify(t('notify.cliUninstalled', { file: status.file }));
    }
    case 'check-for-updates': {
      const status = await context.updates.check();
      // A version found says so itself when it is ready (main/index.ts); the rest is said here.
      if (status.phase === 'latest') return deps.notify(t('notify.upToDate'));
      if (status.phase === 'failed') {
        return deps.notify(t('notify.updateFailed', { reason: t(`updates.${status.failure.reason}`) }));
      }
      if (status.phase === 'unavailable') {
        return deps.notify(t('notify.updatesUnavailable', { reason: t(`updates.${status.reason}`) }));
      }
      return;
    }
    case 'restart-to-update':
      await context.updates.restart();
      return;
    case 'toggle-gateway':
      // The app's runner follows the setting (through the data directory's watch).
      await context.services.config.update((draft) => {
        draft.settings.gatewayEnabled = !draft.settings.gatewayEnabled;
      });
      return;
    case 'open-api-key-page': {
      const page = REGIONS.find((region) => region.id === action.regionId)?.apiKeyPage;
      if (page) await deps.openExternal(page);
      return;
    }
    case 'copy-active-key':
      return deps.notify(copiedText(await copyKey(context.services, context.clipboard), t));
    case 'copy-key':
      return deps.notify(
        copiedText(await copyKey(context.services, context.clipboard, { reference: action.keyId }), t),
      );
    case 'copy-temporary-key': {
      const minted = await copyTemporaryKey(context.services, context.clipboard, {
        reference: action.keyId,
      });
      const params = {
        label: minted.record.label,
        ttl: minted.ttlSeconds,
        seconds: minted.clearAfterSeconds,
      };
      return deps.notify(
        t(minted.clearAfterSeconds > 0 ? 'notify.copiedTemporary' : 'notify.copiedTemporaryKept', params),
      );
    }
    case 'copy-environment': {
      const copied = await copyEnvironment(context.services, context.clipboard, {
        reference: action.keyId,
        shell: action.shell,
      });
      const params = {
        label: copied.record.label,
        shell: t(`shells.${action.shell}`),
        seconds: copied.clearAfterSeconds,
      };
      const done = t(
        copied.clearAfterSeconds > 0 ? 'notify.copiedEnvironment' : 'notify.copiedEnvironmentKept',
        params,
      );
      return deps.notify([done, ...copied.notices.map((notice) => noticeText(notice, t))].join('\n'));
    }
    case 'copy-base-url': {
      const { baseUrl } = await copyBaseUrl(context.services, context.clipboard);
      return deps.notify(t('notify.copiedBaseUrl', { url: baseUrl }));
    }
    case 'make-active': {
      const record = await makeKeyActive(context.services, action.keyId);
      return deps.notify(
        t('notify.madeActive', { label: record.label, region: regionLabel(record.regionId, t) }),
      );
    }
    case 'check-key': {
      const result = await checkKey(context.services, action.keyId);
      return deps.notify(
        t('notify.checked', {
          label: result.label,
          status: t(`status.${result.status}`),
          message: result.message,
        }),
      );
    }
    case 'rotate-key':
      return rotateFromTray(action.keyId, deps);
    case 'set-region':
      await switchRegion(context.services, action.regionId);
      return;
    case 'check-all': {
      const running = context.checks.running;
      if (running) return deps.notify(t('notify.checkRunning', { ...running.progress }));
      const outcome = await context.checks.start().outcome;
      const summary = checkSummary(
        outcome.results.map((result) => result.status),
        t,
      );
      const count = outcome.results.length;
      const headline = t(outcome.cancelled ? 'notify.checkCancelled' : 'notify.checkedAll', { count });
      const lines = [summary ? headline + t('notify.summary', { summary }) : headline];
      if (outcome.unchecked.length > 0)
        lines.push(t('notify.checkUnchecked', { count: outcome.unchecked.length }));
      return deps.notify(lines.join('\n'));
    }
    case 'cancel-check':
      context.checks.running?.cancel();
      return;
    case 'launch': {
      const launched = await launchTool(
        context.services,
        { tool: action.toolId, cwd: context.launcher.home },
        await context.launcher.ports(),
      );
      return deps.notify(
        t('notify.launched', {
          tool: launched.tool.name,
          label: launched.record.label,
          terminal: launched.terminal.name,
        }),
      );
    }
    case 'copy-settings': {
      const viaGateway = await settingsViaGateway(deps);
      if (viaGateway === undefined) return;
      const settings = await toolSettings(context.services, context.clipboard, {
        tool: action.toolId,
        viaGateway,
      });
      const shown = settings.fields.filter((field) => !field.secret);
      const params = {
        tool: settings.toolName,
        label: settings.record.label,
        fields: shown.map((field) => `${field.label}: ${field.value}`).join('; '),
        keyField: settings.fields.find((field) => field.secret)?.label ?? '',
      };
      return deps.notify(
        settings.gatewayToken === null
          ? t('notify.settings', params)
          : t('notify.settingsViaGateway', { ...params, token: settings.gatewayToken }),
      );
    }
    case 'export-postman': {
      const file = await context.chooseSaveFile(POSTMAN_FILE_NAME);
      if (file === undefined) return;
      const { record } = await exportPostman(context.services, { file, force: true });
      return deps.notify(t('notify.exported', { label: record.label, file }));
    }
    case 'quit':
      return deps.quit();
    default:
      return unreachable(action);
  }
}

/**
 * Copy Settings for ▸ a GUI tool: through the gateway, whose token the tool holds instead of the
 * key. With the gateway turned off the user chooses: turn it on, or copy the key itself (undefined:
 * neither).
 */
async function settingsViaGateway(deps: TrayActionDeps): Promise<boolean | undefined> {
  const { services } = deps.context;
  if ((await services.config.read()).settings.gatewayEnabled) return true;
  const t = deps.t();
  const choice = await deps.ask({
    message: t('tray.gatewayOffQuestion'),
    detail: t('tray.gatewayOffDetail'),
    choices: [t('tray.turnOnGateway'), t('tray.copyKeyInstead')],
  });
  if (choice === 0) await services.config.update((draft) => void (draft.settings.gatewayEnabled = true));
  return choice === undefined ? undefined : choice === 0;
}

function copiedText({ record, clearAfterSeconds }: Copied, t: Translate): string {
  const params = { label: record.label, region: regionLabel(record.regionId, t), seconds: clearAfterSeconds };
  return t(clearAfterSeconds > 0 ? 'notify.copied' : 'notify.copiedKept', params);
}

function unreachable(action: never): never {
  throw new Error(`Unknown tray action ${JSON.stringify(action)}`);
}

/**
 * Rotate Key…: asked first; the new value replaces the stored one under the same key. When the
 * keychain refused it after every try it is shown once (with a warning), and copied only if asked
 * (the clipboard cleared after the usual time).
 */
async function rotateFromTray(keyId: string, deps: TrayActionDeps): Promise<void> {
  const { services } = deps.context;
  const t = deps.t();
  const record = await services.vault.find(keyId);
  const confirmed = await deps.confirm({
    message: t('tray.rotateConfirm', { label: record.label }),
    detail: t('tray.rotateDetail'),
    confirm: t('tray.rotate'),
  });
  if (!confirmed) return;
  const rotated = await rotateAccountKey(services, await findAccountKey(services, record.id));
  if (rotated.shownOnce === null) return deps.notify(t('notify.rotated', { label: record.label }));
  const copy = await deps.showOnce({
    message: t('tray.shownOnceTitle', { label: record.label }),
    detail: t('tray.shownOnceWarning', { message: rotated.keychainError ?? '' }),
    value: rotated.shownOnce,
  });
  if (copy)
    await deps.context.clipboard.copy(rotated.shownOnce, clipboardOptions(await services.config.read()));
}
