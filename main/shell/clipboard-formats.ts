// The formats written with a copied secret so clipboard managers and history leave it alone —
// what KeePassXC and 1Password write. Pure, so its exact output is unit tested; clipboard.ts
// writes them in the same atomic `clipboard.write` as the text.

/** Electron's name for a raw platform clipboard format. */
const raw = (format: string) => `electron application/osclipboard;format="${format}"`;

/** A Windows DWORD 0 (little-endian). */
const dwordZero = () => new Blob([new Uint8Array(4)]);

export function concealmentFormats(platform: NodeJS.Platform): Record<string, string | Blob> {
  switch (platform) {
    case 'darwin':
      return { [raw('org.nspasteboard.ConcealedType')]: '' };
    case 'win32':
      return {
        [raw('ExcludeClipboardContentFromMonitorProcessing')]: '',
        [raw('CanIncludeInClipboardHistory')]: dwordZero(),
        [raw('CanUploadToCloudClipboard')]: dwordZero(),
      };
    default:
      return { [raw('x-kde-passwordManagerHint')]: 'secret' };
  }
}
