// Electron's clipboard as the core's Clipboard port. Since Electron 44 it is async and
// main-only; the text and its concealment markers go in ONE write, so no clipboard manager
// ever sees the text without them.
import { clipboard, ClipboardItem } from 'electron';
import type { Clipboard } from '../core/clipboard/clipboard-guard.js';
import { concealmentFormats } from './clipboard-formats.js';

export function electronClipboard(platform: NodeJS.Platform = process.platform): Clipboard {
  return {
    readText: () => clipboard.readText(),
    writeText: (text, { conceal }) =>
      clipboard.write([
        new ClipboardItem({ 'text/plain': text, ...(conceal ? concealmentFormats(platform) : {}) }),
      ]),
    clear: async () => clipboard.clear(),
  };
}
