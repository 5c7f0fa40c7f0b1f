// A file the user names for msk to write (a backup, an export): its folder must be there. Said
// before a passphrase is asked or a secret read, as one line, not as the write's ENOENT.
import path from 'node:path';
import { MskError } from '../base/errors.js';
import { stat } from './fs-async.js';

export async function assertFolderOf(file: string): Promise<void> {
  const folder = path.dirname(path.resolve(file));
  const kind = await stat(folder).then(
    (status) => (status.isDirectory() ? 'folder' : 'other'),
    () => 'missing',
  );
  if (kind === 'folder') return;
  throw new MskError(
    'invalid-input',
    kind === 'missing'
      ? `The folder ${folder} does not exist: create it, or write ${path.basename(file)} somewhere else.`
      : `${folder} is not a folder: write ${path.basename(file)} somewhere else.`,
    { folder },
  );
}
