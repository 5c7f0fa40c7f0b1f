// Launch at login follows the setting. `msk config set launchAtLogin` only records the wish; the
// running app applies it at start and after every change to the data, one change at a time.
import type { ConfigStore } from '../config/config-store.js';
import { messageOf, MskError } from '../base/errors.js';
import type { TrayHost } from './tray-host.js';

/**
 * Given to the app by its login entry (Windows' Run key, the XDG autostart entry): a tray app
 * started with the session comes up in the tray only. (macOS ignores a login item's arguments;
 * there Electron says `wasOpenedAtLogin`.)
 */
export const HIDDEN_START = '--hidden';
/** What login entries written before 0.9 give; the app rewrites them at its first start. */
const EARLIER_HIDDEN_START = '--started-at-login';

/** Whether the arguments are a login entry's. */
export const startsHidden = (argv: readonly string[]): boolean =>
  argv.includes(HIDDEN_START) || argv.includes(EARLIER_HIDDEN_START);

/**
 * Whether the window opens as the app starts. Started by the user: always. Started at login: only
 * on the first run (nothing set up yet), or where the desktop shows no tray (GNOME without its
 * extension), as the window is then the only way in; `trayHost` is undefined until it is known.
 */
export function opensWindowAtStart(start: {
  atLogin: boolean;
  firstRun: boolean;
  trayHost?: TrayHost | undefined;
}): boolean {
  return !start.atLogin || start.firstRun || start.trayHost === 'missing';
}

/** The system's "start this app when the user logs in": an autostart entry, a login item. */
export interface LoginItem {
  /** Makes it so; does nothing when it already is. */
  set(wanted: boolean): Promise<void>;
}

export class LaunchAtLogin {
  /** The wish last acted on. A failed one is tried again when the wish changes or the app restarts, not on every change. */
  private acted: boolean | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly config: ConfigStore,
    private readonly loginItem: LoginItem,
  ) {}

  /**
   * Reads the setting and applies it unless it is what was last applied. A data file that cannot
   * be read changes nothing: a damaged file is no wish to stop starting at login.
   */
  follow(): Promise<void> {
    const next = this.queue.then(() => this.apply());
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async apply(): Promise<void> {
    const wanted = await this.config.read().then(
      (config) => config.settings.launchAtLogin,
      () => undefined,
    );
    if (wanted === undefined || wanted === this.acted) return;
    this.acted = wanted;
    try {
      await this.loginItem.set(wanted);
    } catch (error) {
      const cause = messageOf(error);
      throw new MskError(
        'login-item-failed',
        `Could not turn ${wanted ? 'on' : 'off'} starting at login: ${cause}`,
        { wanted, cause },
      );
    }
  }
}
