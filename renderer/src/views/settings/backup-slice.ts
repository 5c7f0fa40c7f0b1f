// Backup and Restore: main asks where to save and which file to open. The passphrase is passed
// through and never kept here: it lives in the dialog's own state until the dialog closes.
import { api, type CallResult, unwrap } from '../../api';
import type { Slice } from '../../store/slice';
import type { UiSlice } from '../../store/ui-slice';

export type RestoreOutcome = CallResult<'backup.restore'>;

export interface BackupSlice {
  /** The file written, or undefined (cancelled at the save dialog, or failed: the error is shown). */
  createBackup(passphrase: string): Promise<string | undefined>;
  chooseBackupFile(): Promise<string | undefined>;
  restoreBackup(file: string, passphrase: string): Promise<RestoreOutcome | undefined>;
}

export const backupSlice: Slice<BackupSlice, UiSlice> = (_set, get) => ({
  async createBackup(passphrase) {
    const created = await get().attemptValue(async () => unwrap(await api().backup.create({ passphrase })));
    if (!created?.file) return undefined;
    get().say({ key: 'window.backup.created', params: { count: created.keyCount, file: created.file } });
    return created.file;
  },
  chooseBackupFile: async () =>
    (await get().attemptValue(async () => unwrap(await api().backup.chooseFile())))?.file ?? undefined,
  restoreBackup: (file, passphrase) =>
    get().attemptValue(async () => unwrap(await api().backup.restore({ file, passphrase }))),
});
