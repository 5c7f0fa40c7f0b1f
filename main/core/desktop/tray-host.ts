// Whether this desktop shows tray icons. Electron's tray on Linux is a StatusNotifierItem, shown
// where a StatusNotifierWatcher runs on the session bus (KDE, Cinnamon, Xfce, Budgie, Ubuntu's
// GNOME); without one it falls back to an X11 tray, which i3, Openbox and the like do have. Stock
// GNOME has neither: only there is a missing watcher news, and its extension the answer. The bus
// is asked with gdbus, else dbus-send; with neither, or no bus, nobody knows (and nothing is said).
import { commandOutput } from '../platform/command-output.js';

export type TrayHost = 'found' | 'missing' | 'unknown';

export const STATUS_NOTIFIER_WATCHER = 'org.kde.StatusNotifierWatcher';

const ASK_TIMEOUT_MS = 2000;

interface Asker {
  command: string;
  args(name: string): string[];
  /** Whether the answer says the name has an owner; undefined when it is not an answer. */
  owned(output: string): boolean | undefined;
}

const NAME_HAS_OWNER = 'org.freedesktop.DBus.NameHasOwner';
const ASKERS: readonly Asker[] = [
  {
    command: 'gdbus',
    args: (name) => [
      'call',
      '--session',
      '--dest',
      'org.freedesktop.DBus',
      '--object-path',
      '/org/freedesktop/DBus',
      '--method',
      NAME_HAS_OWNER,
      name,
    ],
    owned: (output) => ({ '(true,)': true, '(false,)': false })[output.trim()],
  },
  {
    command: 'dbus-send',
    args: (name) => [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      NAME_HAS_OWNER,
      `string:${name}`,
    ],
    owned: (output) => {
      const answer = /boolean (true|false)/.exec(output)?.[1];
      return answer === undefined ? undefined : answer === 'true';
    },
  },
];

/** Whether a tray host (`name` on the session bus) is there. */
export async function findTrayHost(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  name = STATUS_NOTIFIER_WATCHER,
): Promise<TrayHost> {
  if (platform !== 'linux') return 'found';
  if (!isGnome(env)) return 'unknown';
  for (const asker of ASKERS) {
    const output = await commandOutput(asker.command, asker.args(name), env, ASK_TIMEOUT_MS);
    const owned = output === undefined ? undefined : asker.owned(output);
    if (owned !== undefined) return owned ? 'found' : 'missing';
  }
  return 'unknown';
}

/** GNOME, Ubuntu's (`ubuntu:GNOME`) and others' included. */
const isGnome = (env: NodeJS.ProcessEnv): boolean =>
  (env.XDG_CURRENT_DESKTOP ?? '').split(':').some((name) => name.toUpperCase() === 'GNOME');
