// The update engine over electron-updater's updaters (NSIS, Squirrel.Mac, AppImage, deb, rpm). It
// never downloads on its own: the controller decides when. Every download is checked against the
// SHA-512 in the release's latest*.yml by electron-updater, and against the platform's signature
// where the release is signed (Authenticode, the macOS code signature). Types only from
// electron-updater: the app hands in the instance (shell/updater.ts), tests one reading a local feed.
import type { AppUpdater, ProgressInfo } from 'electron-updater';
import type { UpdateEngine, UpdateFailure } from './update-controller.js';

export interface EngineOptions {
  /**
   * Whether a downloaded update is installed when the app quits. Off where installing asks for a
   * password (deb, rpm): that is asked only when the user chooses Restart to Update.
   */
  installOnQuit: boolean;
  /**
   * macOS: resolves once Squirrel.Mac has taken the download and checked its signature (Electron's
   * native updater); until then a restart would wait for nothing.
   */
  nativeReady?: () => Promise<void>;
}

/** Error codes of Node and Chromium's network stack that mean the feed could not be reached. */
const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);
const VERIFICATION_CODES = new Set(['ERR_CHECKSUM_MISMATCH', 'ERR_UPDATER_INVALID_SIGNATURE']);
/** Squirrel.Mac refuses to update an app that is not signed: such a copy cannot update itself. */
const UNSIGNED_APP = /could not get code signature for running application/i;

export function electronUpdaterEngine(updater: AppUpdater, options: EngineOptions): UpdateEngine {
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = options.installOnQuit;
  // electron-updater sends a random id, kept in the app's data, with every check (for staged
  // rollouts, which our releases do not use): one fixed value tells GitHub nothing about who asks.
  updater.requestHeaders = { 'x-user-staging-id': '00000000-0000-0000-0000-000000000000' };
  return {
    async check() {
      const result = await updater.checkForUpdates();
      // null: this build cannot update itself (not packaged, or not run as its AppImage).
      if (!result) return 'unsupported';
      return result.isUpdateAvailable ? { version: result.updateInfo.version } : 'latest';
    },
    async download(onProgress) {
      const listener = (progress: ProgressInfo) => onProgress(progress.percent);
      // Listened for before the download starts: Squirrel may take it at once.
      const taken = options.nativeReady?.();
      taken?.catch(() => undefined);
      updater.on('download-progress', listener);
      try {
        await updater.downloadUpdate();
        await taken;
      } finally {
        updater.off('download-progress', listener);
      }
    },
    install() {
      // The updaters report an installer that cannot start as an 'error' event, not a throw.
      let failed: unknown;
      const onError = (error: unknown) => (failed ??= error);
      updater.on('error', onError);
      try {
        // Silent (the per-user installer asks nothing again) and started afterwards.
        updater.quitAndInstall(true, true);
      } finally {
        updater.off('error', onError);
      }
      if (failed !== undefined) throw failed;
    },
    failure: updateFailure,
  };
}

/** What went wrong, in a reason the views word and the updater's first line (never its stack). */
export function updateFailure(error: unknown): UpdateFailure | 'unsupported' {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : String(error);
  const detail = (message.split('\n')[0] ?? '').trim().slice(0, 300);
  if (UNSIGNED_APP.test(message)) return 'unsupported';
  if (VERIFICATION_CODES.has(code) || /checksum mismatch|not signed|code signature/i.test(message)) {
    return { reason: 'verification', detail };
  }
  if (NETWORK_CODES.has(code) || message.startsWith('net::ERR_')) return { reason: 'network', detail };
  if (code.startsWith('HTTP_ERROR_') || code.startsWith('ERR_UPDATER_')) return { reason: 'feed', detail };
  return { reason: 'other', detail };
}
