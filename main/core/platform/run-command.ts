// Runs a tool as a child with a prepared environment, in the foreground, and reports how it
// ended as an exit code the way a shell would (128 + signal number for a signal).
import { MskError } from '../base/errors.js';

export async function runCommand(
  command: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<number> {
  // cross-spawn finds `.cmd` shims (npm-installed tools) on Windows without a shell; elsewhere
  // it hands its arguments to node:child_process's spawn as they are, so that is called itself.
  // Either is loaded here, not at start-up: only `msk exec` and launching run a child this way.
  const spawn =
    process.platform === 'win32'
      ? (await import('cross-spawn')).default
      : process.getBuiltinModule('node:child_process').spawn;
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
