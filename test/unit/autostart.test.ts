import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { autostartFile, desktopEntry, setAutostart } from '../../main/core/desktop/linux-autostart.js';
import { useTempDirectory } from '../fixtures/temp-directory.js';

/** The Exec line of an entry. */
const execOf = (entry: string) => entry.split('\n').find((line) => line.startsWith('Exec='));

describe('the XDG autostart entry', () => {
  const directory = useTempDirectory();

  it('lives in $XDG_CONFIG_HOME/autostart, else ~/.config/autostart', () => {
    expect(autostartFile({ XDG_CONFIG_HOME: '/x/config' }, '/home/ada')).toBe(
      '/x/config/autostart/model-studio-keys.desktop',
    );
    expect(autostartFile({ XDG_CONFIG_HOME: '' }, '/home/ada')).toBe(
      '/home/ada/.config/autostart/model-studio-keys.desktop',
    );
    expect(autostartFile({}, '/home/ada')).toBe('/home/ada/.config/autostart/model-studio-keys.desktop');
  });

  it('is a Desktop Entry the session starts: an application, our name, not in a terminal', () => {
    expect(desktopEntry(['/opt/Model Studio Keys/model-studio-keys'])).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.0',
        'Name=Model Studio Keys',
        'Comment=Model Studio API keys from your keychain, in the tray',
        'Exec="/opt/Model Studio Keys/model-studio-keys"',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        'X-Model-Studio-Keys-Autostart=true',
        '',
      ].join('\n'),
    );
  });

  it.each([
    [['/usr/bin/msk-app'], 'Exec=/usr/bin/msk-app'],
    [['/home/ada/Apps/Model Studio Keys.AppImage'], 'Exec="/home/ada/Apps/Model Studio Keys.AppImage"'],
    [
      ['/usr/bin/node', '--import', '/src/my app/register.js', '/src/out/main/index.js'],
      'Exec=/usr/bin/node --import "/src/my app/register.js" /src/out/main/index.js',
    ],
    // % starts a field code, quoted or not.
    [['/opt/100%/app'], 'Exec=/opt/100%%/app'],
    [['/opt/100% sure/app'], 'Exec="/opt/100%% sure/app"'],
    // Inside quotes " ` $ \ take a backslash; the value's own escaping then doubles every backslash.
    [['/opt/say "hi"/app'], 'Exec="/opt/say \\\\"hi\\\\"/app"'],
    [['/opt/$HOME/app'], 'Exec="/opt/\\\\$HOME/app"'],
    [['/opt/back\\slash/app'], 'Exec="/opt/back\\\\\\\\slash/app"'],
    [['/opt/it`s/app'], 'Exec="/opt/it\\\\`s/app"'],
    [["/opt/it's/app"], 'Exec="/opt/it\'s/app"'],
    [['/opt/a\tb/app'], 'Exec="/opt/a\\tb/app"'],
    [['/opt/line\nbreak/app'], 'Exec="/opt/line\\nbreak/app"'],
    [['/app', ''], 'Exec=/app ""'],
  ])('quotes %j for Exec as the Desktop Entry spec says', (command, line) => {
    expect(execOf(desktopEntry(command))).toBe(line);
  });

  it('is written when wanted, left alone when already so, rewritten when the app moved', async () => {
    const file = autostartFile({ XDG_CONFIG_HOME: directory() }, '/nowhere');
    const command = ['/home/ada/Apps/Model Studio Keys.AppImage'];
    expect(await setAutostart(file, true, command)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(desktopEntry(command));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const written = statSync(file).mtimeMs;

    expect(await setAutostart(file, true, command)).toBe(false);
    expect(statSync(file).mtimeMs).toBe(written);

    const moved = ['/opt/msk/model-studio-keys'];
    expect(await setAutostart(file, true, moved)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(desktopEntry(moved));
  });

  it('is removed when not wanted, and turning off twice is no change', async () => {
    const file = autostartFile({ XDG_CONFIG_HOME: directory() }, '/nowhere');
    expect(await setAutostart(file, false, ['/app'])).toBe(false);
    expect(existsSync(path.dirname(file))).toBe(false);
    await setAutostart(file, true, ['/app']);
    expect(await setAutostart(file, false, ['/app'])).toBe(true);
    expect(existsSync(file)).toBe(false);
    expect(await setAutostart(file, false, ['/app'])).toBe(false);
  });

  it('leaves an entry the user made with their desktop’s tools when turned off, and replaces it when turned on', async () => {
    const file = autostartFile({ XDG_CONFIG_HOME: directory() }, '/nowhere');
    mkdirSync(path.dirname(file), { recursive: true });
    const theirs = '[Desktop Entry]\nType=Application\nName=Model Studio Keys\nExec=model-studio-keys %U\n';
    writeFileSync(file, theirs);
    expect(await setAutostart(file, false, ['/app'])).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(theirs);
    expect(await setAutostart(file, true, ['/app'])).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(desktopEntry(['/app']));
  });
});
