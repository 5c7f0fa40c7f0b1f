// Where `msk backup` gets its passphrase: the first line of a pipe, or hidden prompts (twice when
// it seals a new file, so a typo cannot lock the user out of their own backup). Never argv.
import { MskError } from '../core/base/errors.js';
import { readSecret } from './read-secret.js';

export async function readPassphrase(options: { confirm: boolean }): Promise<string> {
  if (!process.stdin.isTTY) return firstLine(await readSecret(''));
  const passphrase = await readSecret('Backup passphrase (input hidden): ');
  if (options.confirm && passphrase !== '' && passphrase !== (await readSecret('Repeat the passphrase: '))) {
    throw new MskError('invalid-input', 'The two passphrases differ; nothing was written.');
  }
  return passphrase;
}

const firstLine = (text: string): string => text.split('\n', 1)[0]?.replace(/\r$/, '') ?? '';
