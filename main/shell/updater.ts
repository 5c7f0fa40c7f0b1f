// The updater for how this copy was installed (install-kind.ts), loaded when the first check is
// due: it is large, and start-up needs none of it.
import { autoUpdater as squirrel } from 'electron';
import { electronUpdaterEngine } from '../core/updates/electron-updater-engine.js';
import { installKind } from '../core/updates/install-kind.js';
import type { UpdateEngine } from '../core/updates/update-controller.js';

export async function platformUpdateEngine(): Promise<UpdateEngine | 'unsupported'> {
  const kind = await installKind({
    platform: process.platform,
    env: process.env,
    executable: process.execPath,
  });
  if (kind === 'portable') return 'unsupported';
  const { default: electronUpdater } = await import('electron-updater');
  const Updater = {
    mac: electronUpdater.MacUpdater,
    nsis: electronUpdater.NsisUpdater,
    appimage: electronUpdater.AppImageUpdater,
    deb: electronUpdater.DebUpdater,
    rpm: electronUpdater.RpmUpdater,
  }[kind];
  return electronUpdaterEngine(new Updater(), {
    installOnQuit: kind !== 'deb' && kind !== 'rpm',
    ...(kind === 'mac' && { nativeReady: squirrelTook }),
  });
}

/** Resolves when Squirrel.Mac has the update (its signature checked), rejects with its error. */
function squirrelTook(): Promise<void> {
  return new Promise((resolve, reject) => {
    const took = () => {
      squirrel.off('error', refused);
      resolve();
    };
    const refused = (error: Error) => {
      squirrel.off('update-downloaded', took);
      reject(error);
    };
    squirrel.once('update-downloaded', took);
    squirrel.once('error', refused);
  });
}
