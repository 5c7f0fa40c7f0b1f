// The command line's clipboard: each tool tried in turn, and the tools' own words when all fail.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SystemClipboard } from '../../main/core/clipboard/system-clipboard.js';
import { useTempDirectory } from '../fixtures/temp-directory.js';

describe.runIf(process.platform !== 'win32')('SystemClipboard', () => {
  const directory = useTempDirectory();

  /** A stand-in tool: a shell script in the temp directory. */
  const tool = (name: string, body: string): string => {
    const file = path.join(directory(), name);
    writeFileSync(file, `#!/bin/sh\n${body}\n`);
    chmodSync(file, 0o755);
    return file;
  };

  it('falls back to the next tool when one fails', async () => {
    const store = path.join(directory(), 'clipboard');
    const broken = tool('xclip', `cat >/dev/null; echo "Error: Can't open display: :99" >&2; exit 1`);
    const working = tool('xsel', `cat > '${store}'`);
    const clipboard = new SystemClipboard([
      { write: [broken], read: [broken] },
      { write: [working], read: ['cat', store] },
    ]);
    await clipboard.writeText('sk-secret');
    expect(readFileSync(store, 'utf8')).toBe('sk-secret');
    expect(await clipboard.readText()).toBe('sk-secret');
  });

  it('says each tool’s own message when all fail', async () => {
    const xclip = tool('xclip', `cat >/dev/null; echo "Error: Can't open display: :99" >&2; exit 1`);
    const wl = tool('wl-copy', 'cat >/dev/null; echo "Failed to connect to a Wayland server" >&2; exit 1');
    await expect(
      new SystemClipboard([{ write: [xclip], read: [xclip] }]).writeText('x'),
    ).rejects.toMatchObject({
      code: 'clipboard-unavailable',
      message: `${xclip}: Error: Can't open display: :99.`,
    });
    await expect(
      new SystemClipboard([
        { write: [xclip], read: [xclip] },
        { write: [wl], read: [wl] },
      ]).writeText('x'),
    ).rejects.toThrow(
      `No clipboard tool worked: ${xclip}: Error: Can't open display: :99. ${wl}: Failed to connect to a Wayland server.`,
    );
  });
});
