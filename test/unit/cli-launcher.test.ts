// The `msk` launcher the app installs: its text for each OS (paths with spaces and non-ASCII
// user names), where it goes, and — for real, on this machine — install and uninstall in a temp
// HOME: it runs the command it names with the arguments and exit status passed through, a file
// that is not ours is never replaced, and uninstall removes exactly what install added.
import { spawnSync } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  installLauncher,
  LAUNCHER_MARK,
  launcherPlace,
  launcherScript,
  launcherStatus,
  onPath,
  uninstallLauncher,
  userPathScript,
} from '../../main/core/desktop/command-line-install.js';
import { removeTree } from '../fixtures/temp-directory.js';

describe('the launcher’s text', () => {
  it('on Linux and macOS: a shell script that execs the app in its msk mode, every path quoted', () => {
    const script = launcherScript('linux', ['/home/张三/Apps/Model Studio Keys/model-studio-keys', '--msk']);
    expect(script).toBe(
      `#!/bin/sh\n# ${LAUNCHER_MARK}\nexec '/home/张三/Apps/Model Studio Keys/model-studio-keys' '--msk' "$@"\n`,
    );
    expect(
      launcherScript('darwin', [
        "/Users/o'brien/Model Studio Keys.app/Contents/MacOS/Model Studio Keys",
        '--msk',
      ]),
    ).toContain(
      `exec '/Users/o'\\''brien/Model Studio Keys.app/Contents/MacOS/Model Studio Keys' '--msk' "$@"`,
    );
  });

  it('on Windows: a .cmd with CRLF lines, the path quoted, %* passed on, the exit status kept, UTF-8 for non-ASCII folders', () => {
    const script = launcherScript('win32', [
      'C:\\Users\\张三\\AppData\\Local\\Programs\\Model Studio Keys\\Model Studio Keys.exe',
      '--msk',
    ]);
    const lines = script.split('\r\n');
    expect(lines[0]).toBe('@echo off');
    expect(lines[1]).toBe(`rem ${LAUNCHER_MARK}`);
    expect(lines).toContain('chcp 65001 >nul');
    expect(lines).toContain(
      '"C:\\Users\\张三\\AppData\\Local\\Programs\\Model Studio Keys\\Model Studio Keys.exe" "--msk" %*',
    );
    expect(lines.at(-2)).toBe('exit /b %MSK_STATUS%');
    expect(script.replaceAll('\r\n', '')).not.toContain('\n');
    expect(launcherScript('win32', ['C:\\100% "odd"\\app.exe'])).toContain('"C:\\100%% ""odd""\\app.exe" %*');
  });

  it('goes to ~/.local/bin, or the app’s per-user bin folder on Windows', () => {
    expect(launcherPlace('linux', {}, '/home/ana')).toEqual({
      directory: '/home/ana/.local/bin',
      file: '/home/ana/.local/bin/msk',
    });
    expect(launcherPlace('darwin', {}, '/Users/ana').file).toBe('/Users/ana/.local/bin/msk');
    expect(
      launcherPlace('win32', { LOCALAPPDATA: 'C:\\Users\\张三\\AppData\\Local' }, 'C:\\Users\\张三'),
    ).toEqual({
      directory: 'C:\\Users\\张三\\AppData\\Local\\Model Studio Keys\\bin',
      file: 'C:\\Users\\张三\\AppData\\Local\\Model Studio Keys\\bin\\msk.cmd',
    });
  });

  it('knows whether a folder is on the PATH (Windows: any case, trailing backslash)', () => {
    expect(onPath('/home/ana/.local/bin', 'linux', '/usr/bin:/home/ana/.local/bin/')).toBe(true);
    expect(onPath('/home/ana/.local/bin', 'linux', '/usr/bin:/home/ana/.local')).toBe(false);
    expect(onPath('C:\\Users\\A\\bin', 'win32', 'C:\\Windows;c:\\users\\a\\BIN\\')).toBe(true);
  });

  it('edits the Windows user PATH through the environment, never by splicing the folder into the script', () => {
    expect(userPathScript('add')).toContain('$env:MSK_BIN_DIR');
    expect(userPathScript('add')).toContain("SetEnvironmentVariable('Path', ($parts -join ';'), 'User')");
    expect(userPathScript('remove')).not.toContain('+ $dir');
  });
});

describe.runIf(process.platform !== 'win32')('installing the launcher, for real', () => {
  let home: string;
  let app: string;
  beforeEach(() => {
    home = mkdtempSync(path.join(os.tmpdir(), 'msk launcher 家-'));
    // A stand-in for the app: prints what it was given, exits with a status of its choosing.
    app = path.join(home, 'Model Studio Keys', 'model studio keys');
    mkdirSync(path.dirname(app));
    writeFileSync(app, '#!/bin/sh\nprintf "%s|" "$@"\nexit 3\n', { mode: 0o755 });
  });
  afterEach(() => removeTree(home));

  const ports = () => ({
    platform: process.platform,
    env: { PATH: '/usr/bin:/bin' },
    home,
    command: [app, '--msk'],
  });

  it('installs a launcher that runs the app as msk with the arguments and status passed on, then uninstalls exactly it', async () => {
    const installed = await installLauncher(ports());
    expect(installed).toEqual({ installed: true, file: path.join(home, '.local/bin/msk'), onPath: false });
    expect(statSync(installed.file).mode & 0o777).toBe(0o755);
    const run = spawnSync(installed.file, ['env', '--key', 'my key', 'ünïcode'], { encoding: 'utf8' });
    expect(run.stdout).toBe('--msk|env|--key|my key|ünïcode|');
    expect(run.status).toBe(3);
    // Again (the app moved): replaced, still ours.
    expect((await installLauncher(ports())).installed).toBe(true);
    const removed = await uninstallLauncher(ports());
    expect(removed.installed).toBe(false);
    expect(() => statSync(installed.file)).toThrow();
    // The folder stays: other programs keep their files there.
    expect(statSync(path.join(home, '.local/bin')).isDirectory()).toBe(true);
  });

  it('never writes or removes through a link, even to a launcher of ours', async () => {
    const file = path.join(home, '.local/bin/msk');
    const elsewhere = path.join(home, 'elsewhere-msk');
    await installLauncher(ports());
    renameSync(file, elsewhere);
    symlinkSync(elsewhere, file);
    const ours = readFileSync(elsewhere, 'utf8');
    await expect(installLauncher({ ...ports(), command: ['/planted'] })).rejects.toMatchObject({
      code: 'file-exists',
    });
    expect((await uninstallLauncher(ports())).installed).toBe(false);
    expect(readFileSync(elsewhere, 'utf8')).toBe(ours);
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
  });

  it('never replaces or removes an msk that is not ours', async () => {
    const file = path.join(home, '.local/bin/msk');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '#!/bin/sh\necho mine\n');
    await expect(installLauncher(ports())).rejects.toMatchObject({ code: 'file-exists' });
    expect((await uninstallLauncher(ports())).installed).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('#!/bin/sh\necho mine\n');
    expect(
      await launcherStatus({ ...ports(), env: { PATH: `/usr/bin:${path.dirname(file)}` } }),
    ).toMatchObject({
      installed: false,
      onPath: true,
    });
  });
});
