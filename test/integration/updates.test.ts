// Updates for real: electron-updater's AppImage updater, as the installed app has it, against a
// local release feed. A newer release is found, downloaded in the background, checked against its
// SHA-512 and left "ready" for the user's restart; a tampered download, a missing feed and an
// unreachable one each fail with their reason; a build that is not an installed one says so.
// The OS installer itself is not run here, only its refusal to start; how a copy was installed
// (which updater it gets) is asked of the system.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { electronUpdaterEngine } from '../../main/core/updates/electron-updater-engine.js';
import { installKind } from '../../main/core/updates/install-kind.js';
import { UpdateController, type UpdateStatus } from '../../main/core/updates/update-controller.js';
import { freePort } from '../fixtures/free-port.js';
import { onPath } from '../fixtures/system.js';
import { removeTree } from '../fixtures/temp-directory.js';
import {
  appImageUpdater,
  installerName,
  sha512Of,
  startUpdateFeed,
  type UpdateFeed,
} from '../fixtures/update-feed.js';

const CURRENT = '0.1.0';

describe('updates from a release feed', () => {
  let feed: UpdateFeed;
  let directory: string;
  let seen: UpdateStatus[];
  const savedAppImage = process.env.APPIMAGE;

  beforeAll(async () => {
    feed = await startUpdateFeed();
  });
  afterAll(() => feed.close());
  beforeEach(() => {
    directory = mkdtempSync(path.join(os.tmpdir(), 'msk-updates-'));
    // Running as an AppImage: the file the update would replace.
    process.env.APPIMAGE = path.join(directory, `Model-Studio-Keys-${CURRENT}.AppImage`);
    writeFileSync(process.env.APPIMAGE, 'the running version');
    feed.requests.length = 0;
    seen = [];
  });
  afterEach(() => {
    if (savedAppImage === undefined) delete process.env.APPIMAGE;
    else process.env.APPIMAGE = savedAppImage;
    removeTree(directory);
  });

  const controllerFor = (feedUrl = feed.url) =>
    new UpdateController({
      engine: () =>
        Promise.resolve(
          electronUpdaterEngine(appImageUpdater(feedUrl, directory, CURRENT), { installOnQuit: true }),
        ),
      onChange: (status) => seen.push(status),
    });
  const pending = (version: string) =>
    path.join(directory, 'cache', 'model-studio-keys-updater', 'pending', installerName(version));

  it('downloads a newer release in the background, verifies it and waits for the restart', async () => {
    const body = Buffer.alloc(3 * 1024 * 1024, 7);
    feed.publish({ version: '0.2.0', body });
    const status = await controllerFor().checkNow();
    expect(status, JSON.stringify(status)).toMatchObject({ phase: 'ready', version: '0.2.0' });
    expect(status.checkedAt).not.toBeNull();
    expect(seen.map((step) => step.phase)).toEqual(
      expect.arrayContaining(['checking', 'downloading', 'ready']),
    );
    expect(seen.at(-1)?.phase).toBe('ready');
    // The verified file waits where the installer is taken from on restart.
    expect(readFileSync(pending('0.2.0')).equals(body)).toBe(true);
    expect(feed.requests).toContain(`/${installerName('0.2.0')}`);
  });

  it('says so when the downloaded version’s installer cannot start, and nothing was replaced', async () => {
    feed.publish({ version: '0.2.0', body: Buffer.from('the new version') });
    const updates = controllerFor();
    expect(await updates.checkNow()).toMatchObject({ phase: 'ready' });
    const running = process.env.APPIMAGE ?? '';
    // A running AppImage the updater cannot replace (it refuses a path that is not absolute).
    process.env.APPIMAGE = path.basename(running);
    expect(await updates.install()).toBe(false);
    expect(updates.current()).toMatchObject({ phase: 'failed', failure: { reason: 'install' } });
    expect(readFileSync(running, 'utf8')).toBe('the running version');
  });

  it('says this version is the latest, and downloads nothing', async () => {
    feed.publish({ version: CURRENT, body: Buffer.from('same') });
    const status = await controllerFor().checkNow();
    expect(status).toMatchObject({ phase: 'latest' });
    expect(status.checkedAt).not.toBeNull();
    expect(feed.requests).toEqual(['/latest-linux.yml']);
  });

  it('refuses a download whose SHA-512 is not the release’s', async () => {
    const body = Buffer.from('a tampered installer');
    feed.publish({ version: '0.2.0', body, sha512: sha512Of(Buffer.from('the real installer')) });
    const status = await controllerFor().checkNow();
    expect(status).toMatchObject({ phase: 'failed', failure: { reason: 'verification' } });
    expect(existsSync(pending('0.2.0'))).toBe(false);
  });

  it('tells a feed without a release from one it cannot reach', async () => {
    feed.publish(undefined);
    const missing = await controllerFor().checkNow();
    expect(missing).toMatchObject({ phase: 'failed', failure: { reason: 'feed' } });
    expect(missing.phase === 'failed' && missing.failure.detail).toMatch(/404/);
    expect(missing.phase === 'failed' && missing.failure.detail).not.toMatch(/\n/);

    const closed = await freePort();
    const unreachable = await controllerFor(`http://127.0.0.1:${closed}/`).checkNow();
    expect(unreachable).toMatchObject({ phase: 'failed', failure: { reason: 'network' } });
  });

  it('knows a build that is not an installed AppImage cannot update itself', async () => {
    delete process.env.APPIMAGE;
    feed.publish({ version: '0.2.0', body: Buffer.from('new') });
    const status = await controllerFor().checkNow();
    expect(status).toMatchObject({ phase: 'unavailable', reason: 'unsupported' });
    expect(feed.requests).toEqual([]);
  });
});

describe('how this copy was installed', () => {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'msk-install-kind-'));
  afterAll(() => removeTree(directory));
  const executable = (folder: string) => {
    mkdirSync(path.join(directory, folder), { recursive: true });
    const file = path.join(directory, folder, 'Model Studio Keys.exe');
    writeFileSync(file, '');
    return file;
  };

  it('on Windows: installed by NSIS when its uninstaller is beside the executable, else an unzipped copy', async () => {
    const installed = executable('installed');
    writeFileSync(path.join(directory, 'installed', 'Uninstall Model Studio Keys.exe'), '');
    expect(await installKind({ platform: 'win32', env: {}, executable: installed })).toBe('nsis');
    expect(await installKind({ platform: 'win32', env: {}, executable: executable('unzipped') })).toBe(
      'portable',
    );
  });

  it('on Linux: an AppImage, a package the package manager owns, or an unpacked folder', async () => {
    const unpacked = executable('linux-unpacked');
    expect(
      await installKind({
        platform: 'linux',
        env: { APPIMAGE: '/opt/Model.AppImage' },
        executable: unpacked,
      }),
    ).toBe('appimage');
    expect(await installKind({ platform: 'linux', env: process.env, executable: unpacked })).toBe('portable');
    if (process.platform === 'linux' && onPath('dpkg-query')) {
      // A file dpkg installed, as the deb installs the app's executable.
      expect(
        await installKind({ platform: 'linux', env: process.env, executable: '/usr/bin/dpkg-query' }),
      ).toBe('deb');
    }
    expect(await installKind({ platform: 'darwin', env: {}, executable: unpacked })).toBe('mac');
  });
});
