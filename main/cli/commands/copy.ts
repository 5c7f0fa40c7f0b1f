// msk copy · temp-key
import { type Command, InvalidArgumentError } from 'commander';
import { validateTtl } from '../../core/model-studio/key-format.js';
import { regionName } from '../../core/model-studio/regions.js';
import { cliClipboard } from '../clipboard.js';
import { core } from '../context.js';
import { KEY_HELP, type KeyOption, keyRequest, sayBinding } from '../key-choice.js';
import { print, printJson, say } from '../output.js';

// What the commands do is loaded when one runs: `msk --help` needs only their definitions.
const useKeyActions = () => import('../../core/actions/use-key.js');

const clearsIn = (seconds: number) => (seconds > 0 ? ` — clears in ${seconds} s.` : '.');

export function registerCopyCommands(program: Command): void {
  program
    .command('copy')
    .description('copy a key to the clipboard (cleared after the configured time if unchanged)')
    .argument('[key]', KEY_HELP)
    .option('-k, --key <key>', KEY_HELP)
    .option('--print', 'write the key to stdout instead')
    .action(async (reference: string | undefined, options: KeyOption & { print?: boolean }) => {
      const request = keyRequest(reference, options.key);
      const [{ copyKey, revealKey }, services] = await Promise.all([useKeyActions(), core()]);
      if (options.print) {
        const revealed = await revealKey(services, request);
        sayBinding(revealed);
        return print(revealed.secret);
      }
      const copied = await copyKey(services, cliClipboard, request);
      sayBinding(copied);
      say(
        `Copied '${copied.record.label}' (${regionName(copied.record.regionId)})${clearsIn(copied.clearAfterSeconds)}`,
      );
    });

  program
    .command('temp-key')
    .description(
      'mint a temporary key (st-…) from a key and copy it, or print it; it cannot be revoked, only expire',
    )
    .argument('[key]', KEY_HELP)
    .option('-k, --key <key>', KEY_HELP)
    .option('--ttl <seconds>', 'how long it lives: 1 to 1800 seconds', parseTtl, 60)
    .option('--print', 'write it to stdout instead')
    .option('--json', 'print {token, expiresAt, ttlSeconds, keyId, label} instead of copying')
    .action(
      async (
        reference: string | undefined,
        options: KeyOption & { ttl: number; print?: boolean; json?: boolean },
      ) => {
        const request = keyRequest(reference, options.key);
        const [{ copyTemporaryKey, temporaryKey }, services] = await Promise.all([useKeyActions(), core()]);
        if (options.json) {
          const minted = await temporaryKey(services, request, options.ttl);
          sayBinding(minted);
          const { token, expiresAt, ttlSeconds, record } = minted;
          return printJson({ token, expiresAt, ttlSeconds, keyId: record.id, label: record.label });
        }
        if (options.print) {
          const minted = await temporaryKey(services, request, options.ttl);
          sayBinding(minted);
          print(minted.token);
          return say(
            `Temporary key for '${minted.record.label}', valid ${minted.ttlSeconds} s (until ${minted.expiresAt.toLocaleTimeString()}).`,
          );
        }
        const minted = await copyTemporaryKey(services, cliClipboard, request, options.ttl);
        sayBinding(minted);
        say(
          `Copied a temporary key for '${minted.record.label}', valid ${minted.ttlSeconds} s (until ${minted.expiresAt.toLocaleTimeString()})${clearsIn(minted.clearAfterSeconds)}`,
        );
      },
    );
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
