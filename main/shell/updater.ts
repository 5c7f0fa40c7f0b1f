// The platform's updater (electron-updater picks NSIS, Squirrel.Mac, AppImage, deb or rpm from how
// the app was installed), loaded when the first check is due: it is large, and start-up needs none of it.
import { electronUpdaterEngine } from '../core/updates/electron-updater-engine.js';
import type { UpdateEngine } from '../core/updates/update-controller.js';

export async function platformUpdateEngine(): Promise<UpdateEngine> {
  const { default: electronUpdater } = await import('electron-updater');
  return electronUpdaterEngine(electronUpdater.autoUpdater);
}
