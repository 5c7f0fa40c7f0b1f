// backup.*: the window's Backup and Restore, through the same use cases as `msk backup`.
import {
  backupFileName,
  createBackup,
  requireNewPassphrase,
  restoreBackup,
} from '../../core/actions/backup.js';
import type { CallHandlers } from './types.js';

export const backupHandlers: CallHandlers<'backup.create' | 'backup.chooseFile' | 'backup.restore'> = {
  'backup.create': async (context, { passphrase }) => {
    // Said before the save dialog, not after a place was chosen.
    requireNewPassphrase(passphrase);
    const file = await context.chooseSaveFile(backupFileName());
    if (file === undefined) return { file: null, keyCount: 0, workspaceCount: 0 };
    return { file, ...(await createBackup(context.services, file, passphrase)) };
  },
  'backup.chooseFile': async (context) => ({ file: (await context.chooseOpenFile()) ?? null }),
  // The window always merges: it says so before, and a key already here is skipped, never replaced.
  'backup.restore': async (context, { file, passphrase }) => {
    const outcome = await restoreBackup(context.services, file, passphrase, { merge: true });
    await context.state.refresh();
    return outcome;
  },
};
