import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigStore } from '../../main/core/config/config-store.js';
import {
  LaunchAtLogin,
  type LoginItem,
  opensWindowAtStart,
  startsHidden,
} from '../../main/core/desktop/launch-at-login.js';
import { useTempDirectory } from '../fixtures/temp-directory.js';

describe('launch at login follows the setting', () => {
  const directory = useTempDirectory();
  const setup = (fail?: Error) => {
    const config = new ConfigStore(directory());
    const applied: boolean[] = [];
    const loginItem: LoginItem = {
      async set(wanted) {
        if (fail) throw fail;
        applied.push(wanted);
      },
    };
    const wish = (launchAtLogin: boolean) =>
      config.update((draft) => void (draft.settings.launchAtLogin = launchAtLogin));
    return { config, applied, wish, follower: new LaunchAtLogin(config, loginItem) };
  };

  it('applies the setting at start, then only when it changes', async () => {
    const { applied, wish, follower } = setup();
    await follower.follow();
    expect(applied).toEqual([false]);
    await follower.follow();
    await wish(true);
    await follower.follow();
    await follower.follow();
    await wish(false);
    await follower.follow();
    expect(applied).toEqual([false, true, false]);
  });

  it('applies overlapping changes in order, the latest wish last', async () => {
    const { applied, wish, follower } = setup();
    await wish(true);
    const first = follower.follow();
    await wish(false);
    await Promise.all([first, follower.follow()]);
    expect(applied.at(-1)).toBe(false);
  });

  it('changes nothing while the data file cannot be read', async () => {
    const { config, applied, wish, follower } = setup();
    await wish(true);
    await follower.follow();
    writeFileSync(config.file, '{ damaged');
    await follower.follow();
    expect(applied).toEqual([true]);
  });

  it('says why it could not apply the wish, once, not again on every other change', async () => {
    const { config, follower } = setup(new Error('EACCES: permission denied'));
    await expect(follower.follow()).rejects.toMatchObject({
      code: 'login-item-failed',
      message: 'Could not turn off starting at login: EACCES: permission denied',
      params: { wanted: false, cause: 'EACCES: permission denied' },
    });
    await config.update((draft) => void (draft.settings.clipboardClearSeconds = 5));
    await expect(follower.follow()).resolves.toBeUndefined();
  });
});

describe('a start at login', () => {
  it("is told by the login entry's argument, or an earlier version's", () => {
    expect(startsHidden(['/opt/Model Studio Keys/msk-app', '--hidden'])).toBe(true);
    expect(startsHidden(['/opt/Model Studio Keys/msk-app', '--started-at-login'])).toBe(true);
    expect(startsHidden(['/opt/Model Studio Keys/msk-app'])).toBe(false);
  });

  it('comes up in the tray only, unless nothing is set up yet or no tray is shown', () => {
    const table = (atLogin: boolean, firstRun: boolean) =>
      [undefined, ...(['found', 'unknown', 'missing'] as const)].map((trayHost) =>
        opensWindowAtStart({ atLogin, firstRun, trayHost }),
      );
    // Started by the user: always the window.
    expect(table(false, false)).toEqual([true, true, true, true]);
    // At login: the tray only, until the desktop turns out to show none.
    expect(table(true, false)).toEqual([false, false, false, true]);
    expect(table(true, true)).toEqual([true, true, true, true]);
  });
});
