// Asks a system command a question: its output when it ran and said yes (exit 0), undefined when
// it is missing, fails or does not answer in time. For probes (is there a tray, who owns a file),
// where no answer just means "not known".
import { execFile } from 'node:child_process';

export function commandOutput(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(command, args, { env, timeout: timeoutMs, encoding: 'utf8' }, (error, stdout) =>
      resolve(error ? undefined : stdout),
    );
  });
}
