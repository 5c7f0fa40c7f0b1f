// The update engine over electron-updater's AppUpdater (NSIS on Windows, Squirrel.Mac, AppImage,
// deb, rpm). It never downloads on its own: the controller decides when. Every download is
// checked against the SHA-512 in the release's latest*.yml by electron-updater, and against the
// platform's signature where there is one (Authenticode, the macOS code signature). Types only
// from electron-updater: the app hands in the instance, tests one reading a local feed.
import type { AppUpdater, ProgressInfo } from 'electron-updater';
import type { UpdateEngine, UpdateFailure } from './update-controller.js';

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

export function electronUpdaterEngine(updater: AppUpdater): UpdateEngine {
  updater.autoDownload = false;
  // An update the user did not restart for is installed when the app quits.
  updater.autoInstallOnAppQuit = true;
  return {
    async check() {
      const result = await updater.checkForUpdates();
      // null: this build cannot update itself (not packaged, or not an AppImage/installer).
      if (!result) return 'unsupported';
      return result.isUpdateAvailable ? { version: result.updateInfo.version } : 'latest';
    },
    async download(onProgress) {
      const listener = (progress: ProgressInfo) => onProgress(progress.percent);
      updater.on('download-progress', listener);
      try {
        await updater.downloadUpdate();
      } finally {
        updater.off('download-progress', listener);
      }
    },
    install() {
      // Silent (the per-user installer asks nothing again) and started afterwards.
      updater.quitAndInstall(true, true);
    },
    failure: updateFailure,
  };
}

/** What went wrong, in a reason the views word and the updater's first line (never its stack). */
export function updateFailure(error: unknown): UpdateFailure {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : String(error);
  const detail = (message.split('\n')[0] ?? '').trim().slice(0, 300);
  if (VERIFICATION_CODES.has(code) || /checksum mismatch|not signed|signature/i.test(message)) {
    return { reason: 'verification', detail };
  }
  if (NETWORK_CODES.has(code) || message.startsWith('net::ERR_')) return { reason: 'network', detail };
  if (code.startsWith('HTTP_ERROR_') || code.startsWith('ERR_UPDATER_')) return { reason: 'feed', detail };
  return { reason: 'other', detail };
}
