// Runs a tool as a child with a prepared environment, in the foreground, and reports how it
// ended as an exit code the way a shell would (128 + signal number for a signal).
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { MskError } from '../base/errors.js';

/** The one way msk starts a tool: node:child_process's spawn and cross-spawn both are one. */
type Spawn = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;
let spawner: Promise<Spawn> | undefined;

/**
 * What starting a program takes, loaded once: node:child_process (it brings node:net and streams,
 * about 2 ms on Node 22), or cross-spawn on Windows, which finds `.cmd` shims (npm-installed
 * tools) without a shell; elsewhere cross-spawn hands its arguments to spawn as they are. msk exec
 * loads it ahead, while the keychain answers.
 */
export const loadSpawn = (): Promise<Spawn> =>
  (spawner ??=
    process.platform === 'win32'
      ? import('cross-spawn').then((module) => module.default)
      : Promise.resolve(process.getBuiltinModule('node:child_process').spawn));

export async function runCommand(
  command: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<number> {
  const spawn = await loadSpawn();
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { stdio: 'inherit', env });
    // The terminal sends Ctrl-C and hang-up to the whole foreground group, child included: the
    // child decides what they mean. A SIGTERM aimed at us alone is passed on.
    const ignore = () => undefined;
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', ignore).on('SIGHUP', ignore).on('SIGTERM', forward);
    const done = () => {
      process.off('SIGINT', ignore).off('SIGHUP', ignore).off('SIGTERM', forward);
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      done();
      reject(cannotStart(command, error));
    });
    child.on('exit', (code, signal) => {
      done();
      resolve(code ?? 128 + signalNumber(signal));
    });
  });
}

/** Why a child could not be started, as a shell would say it: not found, not executable, or the system's reason. */
export function cannotStart(command: string, error: NodeJS.ErrnoException): MskError {
  if (error.code === 'ENOENT')
    return new MskError('launch-failed', `Command '${command}' was not found on PATH.`);
  if (error.code === 'EACCES')
    return new MskError(
      'launch-failed',
      `Cannot run '${command}': it is not executable (chmod +x, or name its interpreter).`,
      { reason: 'not-executable' },
    );
  return new MskError('launch-failed', `Cannot run '${command}': ${error.message}`);
}

/** A signal's number, from node:os: loaded only for a child a signal ended (0.12 ms on Node 22). */
const signalNumber = (signal: NodeJS.Signals | null): number =>
  signal ? (process.getBuiltinModule('node:os').constants.signals[signal] ?? 0) : 0;
