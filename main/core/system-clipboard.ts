// The clipboard through the platform's own commands, for the command line (the app uses
// Electron's). The value always travels on stdin, never on a command line.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import type { Clipboard } from './clipboard-guard.js';
import { MskError } from './errors.js';

interface Commands {
  write: readonly string[];
  read: readonly string[];
  /** Absent: clearing is writing an empty value. */
  clear?: readonly string[];
}

type Environment = Record<string, string | undefined>;

/** The command set for this desktop: Wayland, X11 (xclip, then xsel), macOS or Windows. */
export function clipboardCommands(
  platform: NodeJS.Platform,
  env: Environment,
  has: (command: string) => boolean,
): Commands[] {
  if (platform === 'darwin') return [{ write: ['pbcopy'], read: ['pbpaste'] }];
  if (platform === 'win32') {
    return [
      {
        write: ['clip'],
        read: ['powershell', '-NoProfile', '-Command', 'Get-Clipboard -Raw'],
        clear: ['powershell', '-NoProfile', '-Command', 'Set-Clipboard -Value $null'],
      },
    ];
  }
  const options: Commands[] = [];
  if (env.WAYLAND_DISPLAY && has('wl-copy')) {
    options.push({ write: ['wl-copy'], read: ['wl-paste', '--no-newline'], clear: ['wl-copy', '--clear'] });
  }
  if (env.DISPLAY && has('xclip')) {
    options.push({
      write: ['xclip', '-selection', 'clipboard'],
      read: ['xclip', '-selection', 'clipboard', '-o'],
    });
  }
  if (env.DISPLAY && has('xsel')) {
    options.push({
      write: ['xsel', '--clipboard', '--input'],
      read: ['xsel', '--clipboard', '--output'],
      clear: ['xsel', '--clipboard', '--clear'],
    });
  }
  return options;
}

export class SystemClipboard implements Clipboard {
  constructor(private readonly commands: Commands) {}

  async readText(): Promise<string> {
    return run(this.commands.read, undefined, true);
  }

  async writeText(text: string): Promise<void> {
    await run(this.commands.write, text, false);
  }

  async clear(): Promise<void> {
    if (this.commands.clear) await run(this.commands.clear, undefined, false);
    else await run(this.commands.write, '', false);
  }
}

/** The clipboard of this desktop, or an error that says what to install. */
export function systemClipboard(
  platform: NodeJS.Platform = process.platform,
  env: Environment = process.env,
  has: (command: string) => boolean = onPath,
): SystemClipboard {
  const [commands] = clipboardCommands(platform, env, has);
  if (!commands) {
    const reason =
      env.DISPLAY || env.WAYLAND_DISPLAY
        ? 'install xclip or xsel (X11), or wl-clipboard (Wayland)'
        : 'no graphical session was found (DISPLAY/WAYLAND_DISPLAY unset)';
    throw new MskError('clipboard-unavailable', `No clipboard is available: ${reason}.`);
  }
  return new SystemClipboard(commands);
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((directory) => {
    try {
      accessSync(path.join(directory, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Runs one clipboard command. Writers like xclip fork a child that keeps serving the selection,
 * so their output is ignored (a pipe would stay open forever) and we wait only for the exit.
 */
function run(command: readonly string[], input: string | undefined, captureOutput: boolean): Promise<string> {
  const [program, ...args] = command as [string, ...string[]];
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      stdio: ['pipe', captureOutput ? 'pipe' : 'ignore', 'ignore'],
      windowsHide: true,
    });
    let output = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', (error) =>
      reject(new MskError('clipboard-unavailable', `Cannot run ${program}: ${error.message}`)),
    );
    const finish = (code: number | null) =>
      code === 0
        ? resolve(output)
        : reject(new MskError('clipboard-unavailable', `${program} exited with status ${code}.`));
    // Reading needs the whole output ('close'); writing only the exit (see above).
    if (captureOutput) child.on('close', finish);
    else child.on('exit', finish);
    child.stdin?.end(input ?? '');
  });
}
