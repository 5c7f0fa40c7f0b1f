// The tray icon and its menu, rebuilt from each state snapshot (and each step of a check run).
// On Linux the menu is the only reliable way in, so every action lives there.
import { readFileSync } from 'node:fs';
import { Menu, type MenuItemConstructorOptions, type NativeImage, nativeImage, Tray } from 'electron';
import type { AppState } from '../core/state/snapshot.js';
import type { Translate } from '../shared/i18n/translator.js';
import {
  type TrayAction,
  type TrayExtras,
  type TrayItem,
  trayIcon,
  trayMenu,
  trayTooltip,
} from './tray-menu.js';

/** Each icon's files at 1× and 2× (build/make-icons.js); `template`: macOS tints them itself. */
export interface TrayIcons {
  normal: { x1: string; x2: string };
  attention: { x1: string; x2: string };
  template: boolean;
}

export interface AppTray {
  update(state: AppState, t: Translate, extras: TrayExtras): void;
}

export function createTray(icons: TrayIcons, perform: (action: TrayAction) => void): AppTray {
  const image = ({ x1, x2 }: TrayIcons['normal']): NativeImage => {
    const made = nativeImage.createFromPath(x1);
    made.addRepresentation({ scaleFactor: 2, buffer: readFileSync(x2) });
    if (icons.template) made.setTemplateImage(true);
    return made;
  };
  const images = { normal: image(icons.normal), attention: image(icons.attention) };
  let shownIcon: keyof typeof images = 'normal';
  const tray = new Tray(images.normal);
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
      // Changed only when it must: on GNOME every change writes a file.
      const icon = trayIcon(state);
      if (icon !== shownIcon) tray.setImage(images[(shownIcon = icon)]);
      const tooltip = trayTooltip(state, t);
      const items = trayMenu(state, t, extras);
      // An unchanged menu is not set again: on Linux that would close a submenu the user has open.
      const content = JSON.stringify([tooltip, items]);
      if (content === shown) return;
      shown = content;
      tray.setToolTip(tooltip);
      // Linux needs the menu set again after any change, or it shows the old one (StatusNotifierItem).
      tray.setContextMenu(Menu.buildFromTemplate(items.map(toElectron)));
    },
  };
}

/** Electron reads `&` in a label as a mnemonic marker: "R&D" would show as "RD". */
const literal = (label: string): string => label.replaceAll('&', '&&');
