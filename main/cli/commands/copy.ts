// msk copy — and the hidden helper that clears the clipboard later, like `pass -c`.
import { spawn } from 'node:child_process';
import { type Command, Option } from 'commander';
import { clearIfUnchanged } from '../../core/clipboard-guard.js';
import { digestOf } from '../../core/keys.js';
import { regionName } from '../../core/regions.js';
import { chooseKey } from '../../core/settings.js';
import { systemClipboard } from '../../core/system-clipboard.js';
import { core } from '../context.js';
import { print, say } from '../output.js';

const CLEAR_COMMAND = '_clear-clipboard';

export function registerCopyCommands(program: Command): void {
  program
    .command('copy')
    .description('copy a key to the clipboard (cleared after the configured time if unchanged)')
    .argument('[key]', 'label or id (default: the active key of the active region)')
    .option('--print', 'write the key to stdout instead')
    .action(async (reference: string | undefined, options: { print?: boolean }) => {
      const { config, vault } = core();
      const current = await config.read();
      const { record, secret } = await vault.readSecret(chooseKey(current, reference).id);
      if (options.print) {
        print(secret);
      } else {
        await systemClipboard().writeText(secret);
        const seconds = current.settings.clipboardClearSeconds;
        if (seconds > 0) startClearer(seconds, digestOf(secret));
        say(
          `Copied '${record.label}' (${regionName(record.regionId)})` +
            (seconds > 0 ? ` — clears in ${seconds} s.` : '.'),
        );
      }
      await vault.markUsed(record.id);
    });

  // Runs detached after `msk copy` exits. It is given only the digest of the key (on stdin),
  // so no process holds the secret while it waits.
  program
    .command(CLEAR_COMMAND, { hidden: true })
    .addOption(new Option('--after <seconds>').argParser(Number).makeOptionMandatory())
    .action(async (options: { after: number }) => {
      const digest = (await readStdin()).trim();
      await new Promise((resolve) => setTimeout(resolve, options.after * 1000));
      await clearIfUnchanged(systemClipboard(), digest);
    });
}

function startClearer(seconds: number, digest: string): void {
  const script = process.argv[1];
  if (script === undefined) return;
  const child = spawn(process.execPath, [script, CLEAR_COMMAND, '--after', String(seconds)], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
    windowsHide: true,
  });
  child.stdin.end(digest);
  child.unref();
}

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}
