import { describe, expect, it } from 'vitest';
import { concealmentFormats } from '../../main/shell/clipboard-formats.js';

const raw = (format: string) => `electron application/osclipboard;format="${format}"`;

describe('concealment formats written with a secret', () => {
  it('mark it concealed on macOS (NSPasteboard convention)', () => {
    expect(concealmentFormats('darwin')).toEqual({ [raw('org.nspasteboard.ConcealedType')]: '' });
  });

  it('keep it out of Windows clipboard history and cloud clipboard (DWORD 0)', async () => {
    const formats = concealmentFormats('win32');
    expect(Object.keys(formats)).toEqual([
      raw('ExcludeClipboardContentFromMonitorProcessing'),
      raw('CanIncludeInClipboardHistory'),
      raw('CanUploadToCloudClipboard'),
    ]);
    for (const name of [raw('CanIncludeInClipboardHistory'), raw('CanUploadToCloudClipboard')]) {
      const value = formats[name];
      expect(value).toBeInstanceOf(Blob);
      expect([...new Uint8Array(await (value as Blob).arrayBuffer())]).toEqual([0, 0, 0, 0]);
    }
  });

  it('give KDE’s and other Linux clipboard managers the password-manager hint', () => {
    expect(concealmentFormats('linux')).toEqual({ [raw('x-kde-passwordManagerHint')]: 'secret' });
  });
});
