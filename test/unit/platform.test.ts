import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { dataDirectory, homeDirectory } from '../../main/core/platform/paths.js';
import { keychainServiceName } from '../../main/core/config/environment.js';
import { keychainError } from '../../main/core/keys/secret-store.js';
import { clipboardCommands } from '../../main/core/clipboard/system-clipboard.js';

describe('dataDirectory', () => {
  it('matches Electron’s userData for the product on each platform', () => {
    expect(dataDirectory('linux', {}, '/home/u')).toBe('/home/u/.config/Model Studio Keys');
    expect(dataDirectory('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/u')).toBe('/xdg/Model Studio Keys');
    expect(dataDirectory('darwin', {}, '/Users/u')).toBe(
      '/Users/u/Library/Application Support/Model Studio Keys',
    );
    expect(dataDirectory('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u')).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\Model Studio Keys',
    );
  });

  it('lets MSK_HOME win', () => {
    expect(dataDirectory('linux', { MSK_HOME: '/tmp/msk', XDG_CONFIG_HOME: '/xdg' }, '/home/u')).toBe(
      '/tmp/msk',
    );
  });
});

describe('homeDirectory', () => {
  it('is what os.homedir() says: HOME (USERPROFILE on Windows), else the account database', () => {
    expect(homeDirectory('linux', { HOME: '/home/u', USERPROFILE: 'C:\\x' })).toBe('/home/u');
    expect(homeDirectory('win32', { HOME: '/home/u', USERPROFILE: 'C:\\Users\\u' })).toBe('C:\\Users\\u');
    expect(homeDirectory(process.platform, process.env)).toBe(os.homedir());
    expect(homeDirectory('linux', {})).toBe(os.homedir());
  });
});

describe('keychain', () => {
  it('uses the product name as service unless MSK_KEYCHAIN_SERVICE says otherwise', () => {
    expect(keychainServiceName({})).toBe('Model Studio Keys');
    expect(keychainServiceName({ MSK_KEYCHAIN_SERVICE: 'Test' })).toBe('Test');
  });

  it.each([
    ['linux', 'Cannot create an item in a locked collection', 'keychain-locked', /unlock the login keyring/],
    [
      'darwin',
      'User interaction is not allowed.',
      'keychain-locked',
      /unlock your login keychain in Keychain Access/,
    ],
    [
      'linux',
      'The name org.freedesktop.secrets was not provided by any .service files',
      'keychain-unavailable',
      /GNOME Keyring .* or KWallet/,
    ],
    ['win32', 'Element not found.', 'keychain-unavailable', /Windows Credential Manager/],
  ] as const)('on %s turns “%s” into %s with a fix', (platform, detail, code, hint) => {
    const error = keychainError(new Error(detail), platform);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(hint);
    expect(error.message).toContain(detail);
  });
});

describe('clipboardCommands', () => {
  const all = () => true;
  it('prefers Wayland, then xclip, then xsel', () => {
    const both = clipboardCommands('linux', { WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' }, all);
    expect(both.map((commands) => commands.write[0])).toEqual(['wl-copy', 'xclip', 'xsel']);
    expect(clipboardCommands('linux', { DISPLAY: ':0' }, (command) => command === 'xsel')[0]?.write[0]).toBe(
      'xsel',
    );
  });

  it('finds none without a display', () => {
    expect(clipboardCommands('linux', {}, all)).toEqual([]);
  });

  it('uses the platform tools on macOS and Windows', () => {
    expect(clipboardCommands('darwin', {}, all)[0]?.write).toEqual(['pbcopy']);
    expect(clipboardCommands('win32', {}, all)[0]?.write).toEqual(['clip']);
  });
});
