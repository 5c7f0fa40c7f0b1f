// The tray icon and its menu, rebuilt from each state snapshot (and each step of a check run).
// On Linux the menu is the only reliable way in, so every action lives there.
import { Menu, type MenuItemConstructorOptions, nativeImage, Tray } from 'electron';
import type { AppState } from '../core/state.js';
import type { Translate } from '../i18n/translator.js';
import { type TrayAction, type TrayExtras, type TrayItem, trayMenu, trayTooltip } from './tray-menu.js';

export interface AppTray {
  update(state: AppState, t: Translate, extras: TrayExtras): void;
}

export function createTray(iconPath: string, perform: (action: TrayAction) => void): AppTray {
  const icon = nativeImage.createFromPath(iconPath);
  if (process.platform === 'darwin') icon.setTemplateImage(true);
  const tray = new Tray(icon);
  // Where a click is delivered (macOS, Windows), it opens the window; the menu has the rest.
  tray.on('click', () => perform({ type: 'open-window' }));

  const toElectron = (item: TrayItem): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'header':
        return { label: literal(item.label), enabled: false };
      case 'separator':
        return { type: 'separator' };
      case 'action':
        return {
          label: literal(item.label),
          enabled: item.enabled ?? true,
          click: () => perform(item.action),
          // Shown as a hint only: the global shortcut, if on, is registered separately.
          ...(item.accelerator && { accelerator: item.accelerator, registerAccelerator: false }),
        };
      case 'radio':
        return {
          label: literal(item.label),
          type: 'radio',
          checked: item.checked,
          click: () => perform(item.action),
        };
      case 'check':
        return {
          label: literal(item.label),
          type: 'checkbox',
          checked: item.checked,
          click: () => perform(item.action),
        };
      case 'submenu':
        return { label: literal(item.label), submenu: item.items.map(toElectron) };
    }
  };

  let shown = '';
  return {
    update(state, t, extras) {
      const tooltip = trayTooltip(state, t);
      const items = trayMenu(state, t, extras);
      // An unchanged menu is not set again: on Linux that would close a submenu the user has open.
      const content = JSON.stringify([tooltip, items]);
      if (content === shown) return;
      shown = content;
      tray.setToolTip(tooltip);
      // Linux needs the menu set again after any change (DESIGN.md, platform facts).
      tray.setContextMenu(Menu.buildFromTemplate(items.map(toElectron)));
    },
  };
}

/** Electron reads `&` in a label as a mnemonic marker: "R&D" would show as "RD". */
const literal = (label: string): string => label.replaceAll('&', '&&');
