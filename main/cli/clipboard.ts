// Copying a secret from the command line, cleared later like `pass -c`: a detached helper
// process waits, then clears the clipboard only if it still holds the secret.
// The clipboard and child-process code is loaded when a command copies: not at start-up.
import { type Command, Option } from 'commander';
import type { KeyClipboard } from '../core/actions/clipboard.js';
import { digestOf } from '../core/model-studio/key-format.js';
import { selfCommand } from './self-command.js';

const CLEAR_COMMAND = '_clear-clipboard';

/** The command line's clipboard: the system's, and a detached clearer when asked to clear. */
export const cliClipboard: KeyClipboard = {
  async copy(value, { clearAfterSeconds }) {
    const { systemClipboard } = await import('../core/clipboard/system-clipboard.js');
    await systemClipboard().writeText(value);
    if (clearAfterSeconds > 0) await startClearer(clearAfterSeconds, digestOf(value));
  },
};

/** The hidden command the clearer runs as. It is given only the digest of the secret, on stdin. */
export function registerClipboardClearer(program: Command): void {
  program
    .command(CLEAR_COMMAND, { hidden: true })
    .addOption(new Option('--after <seconds>').argParser(Number).makeOptionMandatory())
    .action(async (options: { after: number }) => {
      // Everything it needs is loaded before it waits: msk upgraded or rebuilt meanwhile must not
      // leave the key on the clipboard because a file it meant to load later is gone.
      const [{ clearIfUnchanged }, { systemClipboard }] = await Promise.all([
        import('../core/clipboard/clipboard-guard.js'),
        import('../core/clipboard/system-clipboard.js'),
      ]);
      const clipboard = systemClipboard();
      let digest = '';
      for await (const chunk of process.stdin) digest += String(chunk);
      await new Promise((resolve) => setTimeout(resolve, options.after * 1000));
      await clearIfUnchanged(clipboard, digest.trim());
    });
}

async function startClearer(seconds: number, digest: string): Promise<void> {
  const [program, ...args] = selfCommand();
  if (program === undefined) return;
  const { spawn } = await import('node:child_process');
  const child = spawn(program, [...args, CLEAR_COMMAND, '--after', String(seconds)], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
    windowsHide: true,
  });
  child.stdin.end(digest);
  child.unref();
}
