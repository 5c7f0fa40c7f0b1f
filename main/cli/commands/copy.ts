// msk copy · temp-key
import { type Command, InvalidArgumentError } from 'commander';
import { validateTtl } from '../../core/keys.js';
import { regionName } from '../../core/regions.js';
import { cliClipboard } from '../clipboard.js';
import { core } from '../context.js';
import { print, say } from '../output.js';

// What the commands do is loaded when one runs: `msk --help` needs only their definitions.
const useKeyActions = () => import('../../core/actions/use-key.js');

const clearsIn = (seconds: number) => (seconds > 0 ? ` — clears in ${seconds} s.` : '.');

export function registerCopyCommands(program: Command): void {
  program
    .command('copy')
    .description('copy a key to the clipboard (cleared after the configured time if unchanged)')
    .argument('[key]', 'label or id (default: the active key of the active region)')
    .option('--print', 'write the key to stdout instead')
    .action(async (reference: string | undefined, options: { print?: boolean }) => {
      const [{ copyKey, revealKey }, services] = await Promise.all([useKeyActions(), core()]);
      if (options.print) return print((await revealKey(services, reference)).secret);
      const { record, clearAfterSeconds } = await copyKey(services, cliClipboard, reference);
      say(`Copied '${record.label}' (${regionName(record.regionId)})${clearsIn(clearAfterSeconds)}`);
    });

  program
    .command('temp-key')
    .description(
      'mint a temporary key (st-…) from a key and copy it, or print it; it cannot be revoked, only expire',
    )
    .argument('[key]', 'label or id (default: the active key of the active region)')
    .option('--ttl <seconds>', 'how long it lives: 1 to 1800 seconds', parseTtl, 60)
    .option('--print', 'write it to stdout instead')
    .action(async (reference: string | undefined, options: { ttl: number; print?: boolean }) => {
      const [{ copyTemporaryKey, temporaryKey }, services] = await Promise.all([useKeyActions(), core()]);
      if (options.print) {
        const minted = await temporaryKey(services, reference, options.ttl);
        print(minted.token);
        return say(
          `Temporary key for '${minted.record.label}', valid ${minted.ttlSeconds} s (until ${minted.expiresAt.toLocaleTimeString()}).`,
        );
      }
      const minted = await copyTemporaryKey(services, cliClipboard, reference, options.ttl);
      say(
        `Copied a temporary key for '${minted.record.label}', valid ${minted.ttlSeconds} s (until ${minted.expiresAt.toLocaleTimeString()})${clearsIn(minted.clearAfterSeconds)}`,
      );
    });
}

function parseTtl(value: string): number {
  const seconds = Number(value);
  if (value.trim() === '' || Number.isNaN(seconds))
    throw new InvalidArgumentError('give a number of seconds, 1 to 1800.');
  try {
    return validateTtl(seconds);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}
