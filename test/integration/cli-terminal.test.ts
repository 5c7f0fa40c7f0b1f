// What a person at a terminal sees: the hidden key prompt and the removal question, through a
// real pseudo-terminal (util-linux `script`); and a keyring that is locked, in a session of
// its own so the keyring the other tests share stays unlocked.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeKey } from '../fixtures/fake-keys.js';
import { MSK, type MskHome, mskHome, runProcess } from '../fixtures/msk.js';
import { onPath, systemPart } from '../fixtures/system.js';
import { onTerminal, terminal } from '../fixtures/terminal.js';
import { keychainPart } from '../fixtures/keychain.js';

const keychain = keychainPart();
describe.runIf(keychain && terminal)('msk at a terminal', () => {
  let home: MskHome;
  afterEach(() => home?.remove());

  it('asks for the key without echoing it', async () => {
    home = mskHome();
    const secret = fakeKey();
    const { code, screen } = await onTerminal(home, ['add', '-l', 'typed', '-r', 'us'], [`${secret}\r`]);
    expect(code).toBe(0);
    expect(screen).toContain('Model Studio API key (input hidden):');
    expect(screen).toContain("Stored 'typed'");
    expect(screen).not.toContain(secret.slice(3, 12));
    expect((await home.run(['copy', '--print', 'typed'])).stdout).toBe(`${secret}\n`);
  });

  it('stores nothing when the prompt is cancelled with Ctrl-C', async () => {
    home = mskHome();
    const { code, screen } = await onTerminal(
      home,
      ['add', '-l', 'typed', '-r', 'us'],
      ['sk-0123', '\u0003'],
    );
    expect(code).toBe(130);
    expect(screen).toContain('Cancelled; nothing was stored.');
    expect(JSON.parse((await home.run(['list', '--json'])).stdout)).toEqual([]);
  });

  it('asks before removing, and keeps the key on anything but yes', async () => {
    home = mskHome();
    await home.run(['add', '-l', 'precious', '-r', 'sg'], { input: fakeKey() });
    const kept = await onTerminal(home, ['remove', 'precious'], ['n\r']);
    expect(kept.screen).toMatch(/Remove 'precious' \(sk-…\w{4}\)\? .* \[y\/N\]/);
    expect(kept.screen).toContain('Nothing was removed.');
    expect(JSON.parse((await home.run(['list', '--json'])).stdout)).toHaveLength(1);

    const interrupted = await onTerminal(home, ['remove', 'precious'], ['\u0003']);
    expect(interrupted.code).toBe(130);
    expect(interrupted.screen).toContain('msk: Cancelled; nothing was removed.');
    expect(interrupted.screen).not.toContain('unexpected error');
    expect(JSON.parse((await home.run(['list', '--json'])).stdout)).toHaveLength(1);

    const removed = await onTerminal(home, ['remove', 'precious'], ['y\r']);
    expect(removed.screen).toContain("Removed 'precious'");
    expect(JSON.parse((await home.run(['list', '--json'])).stdout)).toEqual([]);
  });
});

const privateSession = systemPart(
  'dbus-run-session, gnome-keyring-daemon and dbus-send',
  ['dbus-run-session', 'gnome-keyring-daemon', 'dbus-send'].every(onPath),
  'install gnome-keyring and dbus',
);

describe.runIf(keychain && privateSession)('msk on a locked keyring', () => {
  let home: MskHome;
  afterEach(() => home?.remove());

  it('says the keyring is locked and how to unlock it — never that the key is gone', async () => {
    home = mskHome();
    const msk = `${JSON.stringify(process.execPath)} ${JSON.stringify(MSK)}`;
    const script = [
      'echo -n throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null',
      `${msk} add -l mine -r sg`, // reads the key piped to this script
      'dbus-send --session --dest=org.freedesktop.secrets --print-reply /org/freedesktop/secrets ' +
        'org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null',
      `${msk} copy --print mine; echo "copy=$?"`,
      `echo ${fakeKey()} | ${msk} add -l other -r sg; echo "add=$?"`,
      `${msk} remove mine --yes; echo "remove=$?"`,
    ].join('\n');
    const run = await runProcess(
      'dbus-run-session',
      ['--', 'sh', '-c', script],
      // A keyring of its own: locking it leaves the one the other tests use alone.
      { ...home.env, XDG_DATA_HOME: path.join(home.directory, 'keyrings'), DISPLAY: undefined },
      fakeKey(),
    );
    expect(run.stdout).toContain('copy=1');
    expect(run.stdout).toContain('add=1');
    expect(run.stdout).toContain('remove=1');
    const complaints = run.stderr.split('\n').filter((line) => line.startsWith('msk:'));
    expect(complaints).toHaveLength(3);
    for (const line of complaints)
      expect(line).toMatch(/^msk: The keychain is locked \(.+\): unlock the login keyring/);
    expect(run.stderr).not.toMatch(/no secret for|deleted outside/);
    const listed: { label: string }[] = JSON.parse((await home.run(['list', '--json'])).stdout);
    expect(listed.map((entry) => entry.label)).toEqual(['mine']);
  });
});
