// The optional system-wide shortcut for Copy API Key. Best effort: on Wayland it goes through a
// portal and may never fire, and another app may hold it — so it is off by default, and the
// tray shows it only while it is really registered.
import { globalShortcut } from 'electron';

export const COPY_ACCELERATOR = 'CommandOrControl+Shift+K';

/** Registers or releases the shortcut; says whether it is registered now. */
export function syncCopyShortcut(wanted: boolean, onPress: () => void): boolean {
  const registered = globalShortcut.isRegistered(COPY_ACCELERATOR);
  if (wanted === registered) return registered;
  if (!wanted) {
    globalShortcut.unregister(COPY_ACCELERATOR);
    return false;
  }
  return globalShortcut.register(COPY_ACCELERATOR, onPress);
}
