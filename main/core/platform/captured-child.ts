// Runs a program in the background for the app: no terminal to show it in, so its output is
// captured (for the last words of a failure), its stdin is closed, and a cancel ends it and what
// it started — the whole process group on Unix, the process tree on Windows.
import { type ChildProcess, spawn } from 'node:child_process';
import { MskError } from '../base/errors.js';
import { cannotStart, loadSpawn } from './run-command.js';

export interface CapturedRun {
  /** The exit status; null when a signal ended it (`signal`). */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Its stdout and stderr as they came, the last `OUTPUT_LIMIT` characters. */
  output: string;
}

export interface CapturedOptions {
  env: Record<string, string>;
  cwd?: string;
  /** Aborted: the program is ended, and the run rejects with `cancelled` once it is gone. */
  signal?: AbortSignal;
  platform?: NodeJS.Platform;
}

export const OUTPUT_LIMIT = 64 * 1024;
/** How long a program has to end on SIGTERM before it is killed. */
export const STOP_GRACE_MS = 2000;

export async function runCaptured(
  command: string,
  args: readonly string[],
  { env, cwd, signal, platform = process.platform }: CapturedOptions,
): Promise<CapturedRun> {
  if (signal?.aborted) throw cancelled();
  // As msk starts every tool: cross-spawn on Windows, for npm's `.cmd` shims.
  const start = await loadSpawn();
  return new Promise((resolve, reject) => {
    const child = start(command, [...args], {
      env,
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
      // A group of its own on Unix, so a cancel reaches what it started too.
      detached: platform !== 'win32',
    });
    let output = '';
    const keep = (chunk: string) => {
      output = (output + chunk).slice(-OUTPUT_LIMIT);
    };
    child.stdout?.setEncoding('utf8').on('data', keep);
    child.stderr?.setEncoding('utf8').on('data', keep);
    let killTimer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      stopTree(child, platform, 'SIGTERM');
      killTimer = setTimeout(() => stopTree(child, platform, 'SIGKILL'), STOP_GRACE_MS);
    };
    signal?.addEventListener('abort', stop, { once: true });
    const settle = () => {
      signal?.removeEventListener('abort', stop);
      clearTimeout(killTimer);
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      settle();
      reject(cannotStart(command, error));
    });
    // 'close', not 'exit': the output is complete only once its pipes are.
    child.on('close', (code, ended) => {
      settle();
      if (signal?.aborted) reject(cancelled());
      else resolve({ code, signal: ended, output });
    });
  });
}

/** The last line a program printed, without terminal colours; '' when it printed nothing. */
export function lastLine(output: string): string {
  const lines = output
    // eslint-disable-next-line no-control-regex
    .replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '')
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.at(-1) ?? '';
}

function stopTree(child: ChildProcess, platform: NodeJS.Platform, signal: NodeJS.Signals): void {
  // The group is signalled even once its leader is gone: what it started may still hold the pipes.
  if (child.pid === undefined) return;
  if (platform === 'win32') {
    // cmd.exe running a shim, and node under it: taskkill ends the tree (`/T`) at once (`/F`).
    spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true }).on(
      'error',
      () => child.kill(),
    );
    return;
  }
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

const cancelled = () => new MskError('cancelled', 'Cancelled.');
