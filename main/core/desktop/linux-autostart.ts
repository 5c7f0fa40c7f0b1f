// Launch at login on Linux and other XDG desktops: an autostart entry in
// `$XDG_CONFIG_HOME/autostart/`, which every XDG session starts at login (Electron's login item API
// is macOS and Windows only; Bitwarden does the same). Removing one touches only an entry we wrote:
// desktop tools (GNOME Tweaks) copy the installed launcher there under this very name.
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../platform/atomic-write.js';
import { appDataDirectory, PRODUCT_NAME } from '../platform/paths.js';

/** The installed launcher's name (the package's), which desktop tools also give the startup entries they add. */
const AUTOSTART_FILE_NAME = 'model-studio-keys.desktop';

/** The line that says the entry is ours to remove. */
const OURS = 'X-Model-Studio-Keys-Autostart=true';

/** Characters the Desktop Entry spec reserves in Exec: an argument holding one is quoted. */
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

type Env = Record<string, string | undefined>;

export function autostartFile(env: Env, home: string): string {
  return path.join(appDataDirectory('linux', env, home), 'autostart', AUTOSTART_FILE_NAME);
}

/**
 * The entry that starts `command` at login. Not NoDisplay: the desktop's startup-applications
 * list hides such entries, and the user should see ours there and be able to turn it off.
 */
export function desktopEntry(command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${PRODUCT_NAME}`,
    'Comment=Model Studio API keys from your keychain, in the tray',
    `Exec=${escapeValue(command.map(execArgument).join(' '))}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    OURS,
    '',
  ].join('\n');
}

/**
 * Writes or removes the entry so that the session starts `command` at login, or not. Says whether
 * it changed anything: an entry already as wanted is left alone, as is an entry that is not ours.
 */
export async function setAutostart(
  file: string,
  wanted: boolean,
  command: readonly string[],
): Promise<boolean> {
  const current = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!wanted) {
    if (!current?.split('\n').includes(OURS)) return false;
    await rm(file, { force: true });
    return true;
  }
  const entry = desktopEntry(command);
  if (current === entry) return false;
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFileAtomic(file, entry, { mode: 0o600 });
  return true;
}

/** One Exec argument: `%` doubled (it starts field codes); quoted, with " ` $ \ escaped, when it must be. */
function execArgument(argument: string): string {
  const text = argument.replaceAll('%', '%%');
  if (text !== '' && !RESERVED.test(text)) return text;
  return `"${text.replace(/["`$\\]/g, '\\$&')}"`;
}

/** A string value's own escapes, applied after the Exec quoting (so a literal backslash is four). */
function escapeValue(text: string): string {
  const escapes: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r' };
  return text.replace(/[\\\n\t\r]/g, (character) => escapes[character] ?? character);
}
