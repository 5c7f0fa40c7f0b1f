// Whether a GNOME desktop shows tray icons, asked of the real session bus (npm test's private one,
// where no StatusNotifierWatcher runs) with the real gdbus, and with dbus-send where gdbus is missing.
import { mkdtempSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findTrayHost } from '../../main/core/desktop/tray-host.js';
import { removeTree } from '../fixtures/temp-directory.js';
import { onPath, systemPart } from '../fixtures/system.js';

const bus =
  process.platform === 'linux' &&
  systemPart(
    'a D-Bus session bus with gdbus and dbus-send',
    Boolean(process.env.DBUS_SESSION_BUS_ADDRESS) && onPath('gdbus') && onPath('dbus-send'),
    'apt-get install dbus libglib2.0-bin (npm test runs under dbus-run-session)',
  );

describe.skipIf(!bus)('the tray host on the session bus', () => {
  const bin = mkdtempSync(path.join(os.tmpdir(), 'msk-tray-host-'));
  const gnome = { ...process.env, XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' };
  afterAll(() => removeTree(bin));
  /** A PATH holding only the given commands. */
  const only = (...commands: string[]) => {
    const folder = mkdtempSync(path.join(bin, 'path-'));
    for (const command of commands) {
      const found = (process.env.PATH ?? '')
        .split(path.delimiter)
        .map((directory) => path.join(directory, command))
        .find((file) => onPath(file));
      if (found) symlinkSync(found, path.join(folder, command));
    }
    return { ...gnome, PATH: folder };
  };

  it('finds none where no StatusNotifierWatcher runs, and finds a name that has an owner', async () => {
    expect(await findTrayHost('linux', gnome)).toBe('missing');
    // The bus itself always owns its name: what a desktop's watcher looks like to the question.
    expect(await findTrayHost('linux', gnome, 'org.freedesktop.DBus')).toBe('found');
  });

  it('says nothing of another desktop: without a watcher, Electron falls back to its X11 tray', async () => {
    for (const desktop of ['i3', 'XFCE', 'KDE', '']) {
      expect(await findTrayHost('linux', { ...process.env, XDG_CURRENT_DESKTOP: desktop })).toBe('unknown');
    }
  });

  it('asks with dbus-send where gdbus is not installed', async () => {
    const env = only('dbus-send');
    expect(await findTrayHost('linux', env)).toBe('missing');
    expect(await findTrayHost('linux', env, 'org.freedesktop.DBus')).toBe('found');
  });

  it('does not know without either command, or without a bus, and then says nothing is missing', async () => {
    expect(await findTrayHost('linux', only())).toBe('unknown');
    const noBus = { ...gnome, DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(bin, 'no-bus')}` };
    expect(await findTrayHost('linux', noBus)).toBe('unknown');
  });
});

describe('the tray host elsewhere', () => {
  it('is always there on macOS and Windows', async () => {
    expect(await findTrayHost('darwin', {})).toBe('found');
    expect(await findTrayHost('win32', {})).toBe('found');
  });
});
