// Shell completions installed beside the `msk` launcher (command-line-install.ts), where a shell
// reads a user's completions with no setup: bash-completion's per-user folder, and fish's where
// fish has been run (its config folder exists). zsh has no such folder on its default $fpath and
// PowerShell reads only $PROFILE: the README says how to add them. Each file says it is ours in its
// second line; install never replaces a file that is not, nor follows a link planted at its name,
// and uninstall removes exactly the files that still say so.
import path from 'node:path';
import { writeFileAtomic } from '../platform/atomic-write.js';
import { completionScript, type CompletionShell } from '../platform/completion-scripts.js';
import { exists, isSymbolicLink, mkdir, rm } from '../platform/fs-async.js';
import { PRODUCT_NAME } from '../platform/paths.js';
import { markLineOf } from './installed-mark.js';

/** The hidden command the scripts run (main/cli/quick-command-names.ts answers to it). */
export const COMPLETION_HELPER = '__complete';

/** The line that marks a completions file as ours. */
export const COMPLETIONS_MARK = `Installed by ${PRODUCT_NAME} with its msk command. Uninstall from the app.`;

type Env = Record<string, string | undefined>;

export interface CompletionPlace {
  shell: CompletionShell;
  file: string;
  /** The folder that must exist already for the file to be written (the shell is in use), if any. */
  requires?: string;
}

/** An XDG base folder: the variable when it is an absolute path (the spec ignores others), else the default. */
const xdg = (value: string | undefined, fallback: string): string =>
  value !== undefined && path.posix.isAbsolute(value) ? value : fallback;

/** Where this user's completions go: none on Windows (PowerShell's are in $PROFILE). */
export function completionPlaces(platform: NodeJS.Platform, env: Env, home: string): CompletionPlace[] {
  if (platform === 'win32') return [];
  const data = xdg(env.XDG_DATA_HOME, path.posix.join(home, '.local', 'share'));
  const fish = path.posix.join(xdg(env.XDG_CONFIG_HOME, path.posix.join(home, '.config')), 'fish');
  return [
    { shell: 'bash', file: path.posix.join(data, 'bash-completion', 'completions', 'msk') },
    { shell: 'fish', file: path.posix.join(fish, 'completions', 'msk.fish'), requires: fish },
  ];
}

/** An installed file's text: the script `msk completion <shell>` prints, with our mark. */
export const installedCompletion = (shell: CompletionShell): string =>
  completionScript(shell, { command: 'msk', helper: COMPLETION_HELPER, mark: COMPLETIONS_MARK });

/**
 * Writes (or rewrites) each shell's completions where it may; a file that is not ours, or a link,
 * is left alone. Best effort, as the launcher is what was asked for: the files written.
 */
export async function installCompletions(
  platform: NodeJS.Platform,
  env: Env,
  home: string,
): Promise<string[]> {
  const written: string[] = [];
  for (const place of completionPlaces(platform, env, home)) {
    try {
      if (place.requires !== undefined && !(await exists(place.requires))) continue;
      if (await isSymbolicLink(place.file)) continue;
      if ((await exists(place.file)) && !(await isOurs(place.file))) continue;
      await mkdir(path.posix.dirname(place.file), { recursive: true });
      // Atomic, and never through a link planted meanwhile (writeFileAtomic refuses one).
      await writeFileAtomic(place.file, installedCompletion(place.shell), { mode: 0o644, fsync: false });
      written.push(place.file);
    } catch {
      // A folder we may not write: that shell goes without, the launcher stays installed.
    }
  }
  return written;
}

/** Removes the completions files that are still ours: the files removed. */
export async function uninstallCompletions(
  platform: NodeJS.Platform,
  env: Env,
  home: string,
): Promise<string[]> {
  const removed: string[] = [];
  for (const place of completionPlaces(platform, env, home)) {
    if (!(await isOurs(place.file))) continue;
    await rm(place.file, { force: true });
    removed.push(place.file);
  }
  return removed;
}

/** Ours: a file (not a link) whose second line is our mark. */
const isOurs = async (file: string): Promise<boolean> => (await markLineOf(file)) === `# ${COMPLETIONS_MARK}`;
