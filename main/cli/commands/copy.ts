// msk copy · temp-key
import { type Command, InvalidArgumentError } from 'commander';
import { regionName } from '../../core/regions.js';
import { chooseKey } from '../../core/settings.js';
import { mintTemporaryKey, validateTtl } from '../../core/temporary-keys.js';
import { copyWithAutoClear } from '../clipboard.js';
import { core } from '../context.js';
import { print, say } from '../output.js';

const clearsIn = (seconds: number) => (seconds > 0 ? ` — clears in ${seconds} s.` : '.');

export function registerCopyCommands(program: Command): void {
  program
    .command('copy')
    .description('copy a key to the clipboard (cleared after the configured time if unchanged)')
    .argument('[key]', 'label or id (default: the active key of the active region)')
    .option('--print', 'write the key to stdout instead')
    .action(async (reference: string | undefined, options: { print?: boolean }) => {
      const { config, vault } = core();
      const current = await config.read();
      const record = chooseKey(current, reference);
      const secret = await vault.secretOf(record);
      if (options.print) {
        print(secret);
      } else {
        const seconds = current.settings.clipboardClearSeconds;
        await copyWithAutoClear(secret, seconds);
        say(`Copied '${record.label}' (${regionName(record.regionId)})${clearsIn(seconds)}`);
      }
      await vault.markUsed(record.id);
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
      const services = core();
      const current = await services.config.read();
      const minted = await mintTemporaryKey(services, chooseKey(current, reference).id, options.ttl);
      const until = minted.expiresAt.toLocaleTimeString();
      if (options.print) {
        print(minted.token);
        say(`Temporary key for '${minted.record.label}', valid ${minted.ttlSeconds} s (until ${until}).`);
      } else {
        const seconds = current.settings.clipboardClearSeconds;
        await copyWithAutoClear(minted.token, seconds);
        say(
          `Copied a temporary key for '${minted.record.label}', valid ${minted.ttlSeconds} s (until ${until})${clearsIn(seconds)}`,
        );
      }
      await services.vault.markUsed(minted.record.id);
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
