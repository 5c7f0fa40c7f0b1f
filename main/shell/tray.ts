// The tray icon and its menu, rebuilt from each state snapshot.
import { Menu, type MenuItemConstructorOptions, nativeImage, Tray } from 'electron';
import type { AppState } from '../core/state.js';
import { type TrayAction, type TrayItem, trayMenu } from './tray-menu.js';

export function createTray(
  iconPath: string,
  perform: (action: TrayAction) => void,
): { update(state: AppState): void } {
  const icon = nativeImage.createFromPath(iconPath);
  if (process.platform === 'darwin') icon.setTemplateImage(true);
  const tray = new Tray(icon);
  tray.setToolTip('Model Studio Keys');
  tray.on('click', () => perform({ type: 'open-window' }));

  const toElectron = (item: TrayItem): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'header':
        return { label: item.label, enabled: false };
      case 'separator':
        return { type: 'separator' };
      case 'action':
        return { label: item.label, click: () => perform(item.action) };
      case 'radio':
        return { label: item.label, type: 'radio', checked: item.checked, click: () => perform(item.action) };
      case 'submenu':
        return { label: item.label, submenu: item.items.map(toElectron) };
    }
  };

  return {
    update: (state) => tray.setContextMenu(Menu.buildFromTemplate(trayMenu(state).map(toElectron))),
  };
}
