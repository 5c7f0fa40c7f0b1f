// Backup and Restore: main asks where to save and which file to open. The passphrase is passed
// through and never kept here: it lives in the dialog's own state until the dialog closes.
import { api, type CallResult, unwrap } from '../../api';
import type { Slice } from '../../store/slice';

export type RestoreOutcome = CallResult<'backup.restore'>;

export interface BackupSlice {
  /** The file written, or undefined (cancelled at the save dialog, or failed: the error is shown). */
  createBackup(passphrase: string): Promise<string | undefined>;
  chooseBackupFile(): Promise<string | undefined>;
  restoreBackup(file: string, passphrase: string): Promise<RestoreOutcome | undefined>;
}

export const backupSlice: Slice<BackupSlice> = (_set, get) => {
  /** Runs a call through `attempt` (its failure is shown) and hands back its value. */
  const valueOf = async <T>(call: () => Promise<T>): Promise<T | undefined> => {
    let value: T | undefined;
    await get().attempt(async () => (value = await call()));
    return value;
  };
  return {
    async createBackup(passphrase) {
      const created = await valueOf(async () => unwrap(await api().backup.create({ passphrase })));
      if (!created?.file) return undefined;
      get().say({ key: 'window.backup.created', params: { count: created.keyCount, file: created.file } });
      return created.file;
    },
    chooseBackupFile: async () =>
      (await valueOf(async () => unwrap(await api().backup.chooseFile())))?.file ?? undefined,
    restoreBackup: (file, passphrase) =>
      valueOf(async () => unwrap(await api().backup.restore({ file, passphrase }))),
  };
};
