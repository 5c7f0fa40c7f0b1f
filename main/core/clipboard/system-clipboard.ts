// The clipboard through the platform's own commands, for the command line (the app uses
// Electron's). The value always travels on stdin, never on a command line.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import type { Clipboard } from './clipboard-guard.js';
import { MskError } from '../base/errors.js';

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

/**
 * The clipboard through the first of `choices` that works: a tool that fails (xclip without a
 * reachable X server, wl-copy under XWayland…) passes to the next, and when all fail, each
 * one's own words are said.
 */
export class SystemClipboard implements Clipboard {
  private readonly choices: readonly Commands[];

  constructor(choices: Commands | readonly Commands[]) {
    this.choices = Array.isArray(choices) ? choices : [choices as Commands];
  }

  async readText(): Promise<string> {
    return this.first((commands) => run(commands.read, undefined, true));
  }

  async writeText(text: string): Promise<void> {
    await this.first((commands) => run(commands.write, text, false));
  }

  async clear(): Promise<void> {
    await this.first((commands) =>
      commands.clear ? run(commands.clear, undefined, false) : run(commands.write, '', false),
    );
  }

  private async first<T>(attempt: (commands: Commands) => Promise<T>): Promise<T> {
    const failures: string[] = [];
    for (const commands of this.choices) {
      try {
        return await attempt(commands);
      } catch (error) {
        failures.push(error instanceof Error ? error.message : String(error));
      }
    }
    throw new MskError(
      'clipboard-unavailable',
      failures.length === 1 ? (failures[0] ?? '') : `No clipboard tool worked: ${failures.join(' ')}`,
    );
  }
}

/** The clipboard of this desktop, or an error that says what to install. */
export function systemClipboard(
  platform: NodeJS.Platform = process.platform,
  env: Environment = process.env,
  has: (command: string) => boolean = onPath,
): SystemClipboard {
  const choices = clipboardCommands(platform, env, has);
  if (choices.length === 0) {
    const reason =
      env.DISPLAY || env.WAYLAND_DISPLAY
        ? 'install xclip or xsel (X11), or wl-clipboard (Wayland)'
        : 'no graphical session was found (DISPLAY/WAYLAND_DISPLAY unset)';
    throw new MskError('clipboard-unavailable', `No clipboard is available: ${reason}.`);
  }
  return new SystemClipboard(choices);
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
 * so their output is ignored (a pipe would stay open forever) and we wait only for the exit. A
 * failure carries the tool's own first line of stderr ("Error: Can't open display: :0").
 */
function run(command: readonly string[], input: string | undefined, captureOutput: boolean): Promise<string> {
  const [program, ...args] = command as [string, ...string[]];
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      stdio: ['pipe', captureOutput ? 'pipe' : 'ignore', 'pipe'],
      windowsHide: true,
    });
    let output = '';
    let errors = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.on('error', (error) =>
      reject(new MskError('clipboard-unavailable', `Cannot run ${program}: ${error.message}.`)),
    );
    const fail = (code: number | null) => {
      child.stderr?.destroy();
      const said = errors
        .trim()
        .split('\n')[0]
        ?.trim()
        .replace(/[.:;]$/, '');
      reject(
        new MskError(
          'clipboard-unavailable',
          said ? `${program}: ${said}.` : `${program} exited with status ${code}.`,
        ),
      );
    };
    const finish = (code: number | null) => {
      if (code === 0) {
        // The forked selection server may hold stderr open: let go of it.
        child.stderr?.destroy();
        return resolve(output);
      }
      // The tool's own words may still be on their way when it has exited.
      if (!child.stderr || child.stderr.readableEnded) return fail(code);
      const late = setTimeout(() => fail(code), 200);
      child.stderr.once('end', () => {
        clearTimeout(late);
        fail(code);
      });
    };
    // Reading needs the whole output ('close'); writing only the exit (see above).
    if (captureOutput) child.on('close', finish);
    else child.on('exit', finish);
    child.stdin?.on('error', () => undefined).end(input ?? '');
  });
}
