// msk copy on a real X clipboard (Xvfb + xclip): cleared after the timeout only if unchanged.
import { spawn, spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigStore } from '../../main/core/config/config-store.js';
import { startModelStudio } from '../fixtures/model-studio-server.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { type MskHome, mskHome } from '../fixtures/msk.js';
import { keychainPart } from '../fixtures/keychain.js';
import { xClipboardPart } from '../fixtures/system.js';

const keychain = keychainPart();
const clipboard = xClipboardPart();

const readClipboard = () =>
  spawnSync('xclip', ['-selection', 'clipboard', '-o'], { encoding: 'utf8' }).stdout;
function writeClipboard(text: string): Promise<void> {
  // xclip keeps serving the selection in the background: ignore its output or we wait forever.
  const child = spawn('xclip', ['-selection', 'clipboard'], { stdio: ['pipe', 'ignore', 'ignore'] });
  child.stdin.end(text);
  return new Promise((resolve) => child.on('exit', () => resolve()));
}

async function eventually(read: () => string, expected: string, withinMs: number): Promise<string> {
  const deadline = Date.now() + withinMs;
  let value = read();
  while (value !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = read();
  }
  return value;
}

describe.runIf(keychain && clipboard)('msk copy', () => {
  let home: MskHome;
  afterEach(() => home?.remove());

  async function homeWithKey(clearAfterSeconds: number) {
    home = mskHome();
    const secret = fakeKey();
    await home.run(['add', '-l', 'personal', '-r', 'sg'], { input: secret });
    await new ConfigStore(home.directory).update(
      (draft) => void (draft.settings.clipboardClearSeconds = clearAfterSeconds),
    );
    return secret;
  }

  it('copies the key and clears it after the timeout', async () => {
    const secret = await homeWithKey(1);
    const run = await home.run(['copy', 'personal']);
    expect(run).toMatchObject({
      code: 0,
      stdout: '',
      stderr: "Copied 'personal' (Singapore) — clears in 1 s.\n",
    });
    expect(readClipboard()).toBe(secret);
    expect(await eventually(readClipboard, '', 10_000)).toBe('');
  });

  it('leaves what the user copied since alone', async () => {
    await homeWithKey(1);
    await home.run(['copy']);
    await writeClipboard('my own text');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(readClipboard()).toBe('my own text');
  });

  it('keeps the key when clearing is switched off', async () => {
    const secret = await homeWithKey(0);
    expect((await home.run(['copy'])).stderr).toBe("Copied 'personal' (Singapore).\n");
    expect(readClipboard()).toBe(secret);
  });

  it('copies a fresh temporary key, cleared like any key', async () => {
    const server = await startModelStudio();
    try {
      home = mskHome({ MSK_ENDPOINT_OVERRIDES: JSON.stringify(server.overrides) });
      const secret = fakeKey();
      server.addKey('cn-beijing', secret);
      await home.run(['add', '-l', 'team', '-r', 'cn'], { input: secret });
      await new ConfigStore(home.directory).update(
        (draft) => void (draft.settings.clipboardClearSeconds = 1),
      );
      const run = await home.run(['temp-key', 'team', '--ttl', '90']);
      expect(run).toMatchObject({ code: 0, stdout: '' });
      expect(run.stderr).toMatch(
        /^Copied a temporary key for 'team', valid 90 s \(until .+\) — clears in 1 s\.\n$/,
      );
      expect(readClipboard()).toMatch(/^st-[0-9a-f]{32}$/);
      expect(await eventually(readClipboard, '', 10_000)).toBe('');
    } finally {
      await server.close();
    }
  });

  it('explains what to do without a clipboard', async () => {
    await homeWithKey(30);
    const run = await home.run(['copy'], { env: { DISPLAY: undefined, WAYLAND_DISPLAY: undefined } });
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toMatch(
      /^msk: No clipboard is available: no graphical session.*; use --print to write the key to stdout instead\.\n$/,
    );
  });
});
