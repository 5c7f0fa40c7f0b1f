// msk backup create · restore: every key and its secret in one passphrase-encrypted file.
import type { Command } from 'commander';
import { core } from '../context.js';
import { say } from '../output.js';
import { readPassphrase } from '../read-passphrase.js';

// What the commands do is loaded when one runs: `msk --help` needs only their definitions.
const backupActions = () => import('../../core/actions/backup.js');

const PASSPHRASE_SOURCE =
  'the passphrase is read from stdin when piped (first line), else from a hidden prompt';

export function registerBackupCommands(program: Command): void {
  const backup = program
    .command('backup')
    .description('encrypted backups of your keys (metadata and secrets) and workspaces');

  backup
    .command('create')
    .description(`write an encrypted backup to a new file (mode 0600); ${PASSPHRASE_SOURCE}, twice`)
    .argument('<file>', 'where to write it; an existing file is never replaced')
    .action(async (file: string) => {
      const { assertNewBackupFile, createBackup } = await backupActions();
      // Said before the passphrase is typed, not after.
      await assertNewBackupFile(file);
      const passphrase = await readPassphrase({ confirm: true });
      const { keyCount, workspaceCount } = await createBackup(await core(), file, passphrase);
      say(
        `Backed up ${count(keyCount, 'key')} and ${count(workspaceCount, 'workspace')} to ${file}. ` +
          'Keep the passphrase: without it the backup cannot be opened.',
      );
    });

  backup
    .command('restore')
    .description(`put the keys of a backup into the keychain and the list; ${PASSPHRASE_SOURCE}`)
    .argument('<file>', 'a file written by msk backup create')
    .option('--merge', 'when keys are stored already: add only the keys not stored yet')
    .action(async (file: string, options: { merge?: boolean }) => {
      const { restoreBackup } = await backupActions();
      const passphrase = await readPassphrase({ confirm: false });
      const { restored, skipped, workspaceCount } = await restoreBackup(
        await core(),
        file,
        passphrase,
        options,
      );
      for (const { label, heldAs } of skipped) say(`Skipped '${label}': already stored as '${heldAs}'.`);
      for (const { label, backupLabel } of restored) {
        if (label !== backupLabel) say(`Restored '${backupLabel}' as '${label}': its label was taken.`);
      }
      say(
        `Restored ${count(restored.length, 'key')} and ${count(workspaceCount, 'workspace')}` +
          (skipped.length > 0 ? `; skipped ${count(skipped.length, 'key')} already stored.` : '.'),
      );
    });
}

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
