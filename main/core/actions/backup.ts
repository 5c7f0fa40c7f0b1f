// Backup use cases: every key (metadata and secret) and workspace into one passphrase-sealed
// file, and back into this keychain and config.json with the vault's order: secrets first,
// then the records under the config lock; a failure takes back the secrets it wrote.
import { randomUUID } from 'node:crypto';
import { link, lstat, unlink, writeFile } from 'node:fs/promises';
import { claimActive, followKeys } from '../keys/active-handover.js';
import { type BackupPayload, openBackup, sealBackup } from '../keys/backup-format.js';
import { migrate } from '../config/config-migrations.js';
import { repairConfig } from '../config/config-repairs.js';
import {
  type Config,
  ConfigSchema,
  CONFIG_SCHEMA_VERSION,
  type KeyRecord,
  type Workspace,
} from '../config/config-schema.js';
import { MskError, messageOf } from '../base/errors.js';
import { readRegularFile } from '../platform/fs-async.js';
import { assertFolderOf } from '../platform/output-file.js';
import type { Services } from '../keys/services.js';
import { freeLabel } from './keys.js';

/** Fewer characters are refused when a backup is made (an old backup with fewer still opens). */
export const MIN_PASSPHRASE_CHARACTERS = 8;
/** Far more than a backup of thousands of keys; a bigger file is not one. */
const MAX_BACKUP_BYTES = 64 * 1024 * 1024;

export interface BackupSummary {
  keyCount: number;
  workspaceCount: number;
}

/** Refuses a path that exists: a backup never replaces a file. Also checked when writing. */
export async function assertNewBackupFile(file: string): Promise<void> {
  const exists = await lstat(file).then(
    () => true,
    (error: NodeJS.ErrnoException) => error.code !== 'ENOENT',
  );
  if (exists) throw fileExists(file);
  await assertFolderOf(file);
}

export async function createBackup(
  services: Services,
  file: string,
  passphrase: string,
): Promise<BackupSummary> {
  requireNewPassphrase(passphrase);
  const config = await services.config.read();
  const secrets: Record<string, string> = {};
  for (const record of config.keys) secrets[record.id] = await services.vault.secretOf(record);
  const payload: BackupPayload = {
    config: {
      schemaVersion: CONFIG_SCHEMA_VERSION,
      keys: config.keys,
      workspaces: config.workspaces,
      settings: { activeKeyByRegion: config.settings.activeKeyByRegion },
    },
    secrets,
  };
  await writeNewFile(file, await sealBackup(payload, passphrase));
  return { keyCount: config.keys.length, workspaceCount: config.workspaces.length };
}

export interface RestoreOutcome {
  /** Restored keys; `backupLabel` differs from `label` when the label was taken here. */
  restored: { label: string; backupLabel: string }[];
  /** Keys whose very secret is already stored here, under `heldAs`. */
  skipped: { label: string; heldAs: string }[];
  workspaceCount: number;
}

/**
 * Restores a backup. Into a vault that holds keys only with `merge`, which adds the keys not
 * stored yet. Key ids are kept (the keychain items are named after them) unless one is taken.
 */
export async function restoreBackup(
  services: Services,
  file: string,
  passphrase: string,
  options: { merge?: boolean } = {},
): Promise<RestoreOutcome> {
  const backup = backupConfig(await openBackup(await readBackup(file), requirePassphrase(passphrase)));
  const here = await services.config.read();
  if (!options.merge && here.keys.length > 0) {
    throw new MskError(
      'vault-not-empty',
      `${here.keys.length} key(s) are already stored here; a restore would mix them with the backup's. Nothing was changed.`,
      { keyCount: here.keys.length },
    );
  }

  const skipped: RestoreOutcome['skipped'] = [];
  const incoming: Incoming[] = [];
  const taken = [...here.keys];
  for (const { record, secret } of backup.entries) {
    const holder = await services.vault.findBySecret(secret);
    if (holder) {
      skipped.push({ label: record.label, heldAs: holder.label });
      continue;
    }
    const restored: KeyRecord = {
      ...record,
      id: taken.some((key) => key.id === record.id) ? randomUUID() : record.id,
      label: freeLabel(taken, record.label),
    };
    taken.push(restored);
    incoming.push({ record: restored, secret, backupId: record.id, backupLabel: record.label });
  }

  const written: string[] = [];
  try {
    for (const { record, secret } of incoming) {
      await services.secrets.set(record.id, secret);
      written.push(record.id);
    }
    const workspaceCount = await services.config.update((draft) => {
      assertUnchanged(draft, here);
      draft.keys.push(...incoming.map((entry) => entry.record));
      const newWorkspaces = backup.workspaces.filter(
        (workspace) => !draft.workspaces.some((existing) => existing.id === workspace.id),
      );
      draft.workspaces.push(...newWorkspaces);
      restoreActiveKeys(draft, backup.activeKeyByRegion, incoming);
      followKeys(draft);
      return newWorkspaces.length;
    });
    return {
      restored: incoming.map(({ record, backupLabel }) => ({ label: record.label, backupLabel })),
      skipped,
      workspaceCount,
    };
  } catch (error) {
    await Promise.all(written.map((id) => services.secrets.delete(id).catch(() => undefined)));
    throw error;
  }
}

/** A key about to be restored, and what it was called in the backup. */
interface Incoming {
  record: KeyRecord;
  secret: string;
  backupId: string;
  backupLabel: string;
}

interface BackupContents {
  entries: { record: KeyRecord; secret: string }[];
  workspaces: Workspace[];
  activeKeyByRegion: Record<string, string>;
}

/** The backup's config, upgraded through the same chain as config.json. */
function backupConfig(payload: BackupPayload): BackupContents {
  const migration = migrate(payload.config);
  if (migration.kind === 'newer') {
    throw new MskError(
      'backup-unsupported',
      `This backup holds data of a newer version of Model Studio Keys (schema ${migration.version}, this one reads up to ${CONFIG_SCHEMA_VERSION}); update this one first. Nothing was changed.`,
      { version: migration.version, supported: CONFIG_SCHEMA_VERSION },
    );
  }
  // A backup an older version made may hold what this one refuses (a label's hidden characters…).
  const parsed = ConfigSchema.safeParse(repairConfig(migration.config).json);
  const config = parsed.success ? parsed.data : undefined;
  const entries = config?.keys.map((record) => ({ record, secret: payload.secrets[record.id] }));
  if (!config || !entries || entries.some((entry) => entry.secret === undefined)) {
    throw new MskError(
      'backup-unreadable',
      'The backup opened but its contents are damaged. Nothing was changed.',
    );
  }
  return {
    entries: entries as { record: KeyRecord; secret: string }[],
    workspaces: config.workspaces,
    activeKeyByRegion: config.settings.activeKeyByRegion,
  };
}

/** Another process changed the keys between planning and writing: start over rather than guess. */
function assertUnchanged(draft: Config, planned: Config): void {
  const ids = (config: Config) => config.keys.map((key) => key.id).join();
  if (ids(draft) !== ids(planned)) {
    throw new MskError(
      'config-busy',
      'The stored keys changed during the restore; try again. Nothing was changed.',
    );
  }
}

/** A region with no active key here takes the backup's active key, else its first restored key. */
function restoreActiveKeys(
  draft: Config,
  backupActive: Record<string, string>,
  incoming: readonly Incoming[],
): void {
  const active = draft.settings.activeKeyByRegion;
  for (const [regionId, backupId] of Object.entries(backupActive)) {
    const entry = incoming.find((candidate) => candidate.backupId === backupId);
    if (entry?.record.regionId === regionId) active[regionId] ??= entry.record.id;
  }
  for (const { record } of incoming) claimActive(draft, record);
}

function requirePassphrase(passphrase: string): string {
  if (passphrase === '')
    throw new MskError('invalid-input', 'A backup needs a passphrase; an empty one is refused.');
  return passphrase;
}

/** Counted as a person counts characters (code points, composed as the key derivation composes them). */
export function requireNewPassphrase(passphrase: string): string {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_CHARACTERS) {
    throw new MskError(
      'invalid-input',
      `A backup passphrase has at least ${MIN_PASSPHRASE_CHARACTERS} characters; choose a longer one.`,
      { minimum: MIN_PASSPHRASE_CHARACTERS },
    );
  }
  return passphrase;
}

/** The backup's text; a FIFO, a device or a file no backup could be is refused before it is read. */
async function readBackup(file: string): Promise<string> {
  try {
    return (await readRegularFile(file, { maxBytes: MAX_BACKUP_BYTES })).text;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new MskError(
        'invalid-input',
        `There is no file ${file}: name a backup made by msk backup create.`,
        {
          file,
        },
      );
    if (code === 'ENOTREG' || code === 'EFBIG') {
      throw new MskError(
        'backup-unreadable',
        `${file} is ${code === 'EFBIG' ? 'larger than any backup' : 'not a regular file'}, so it is not a backup. Nothing was changed.`,
        { file },
      );
    }
    throw new MskError('invalid-input', `Cannot read ${file}: ${messageOf(error)}`);
  }
}

/** Written whole to a private temporary file, then linked into place: link never replaces a file. */
async function writeNewFile(file: string, text: string): Promise<void> {
  const temporary = `${file}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, text, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    throw new MskError('invalid-input', `Cannot write ${file}: ${messageOf(error)}`);
  }
  try {
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw fileExists(file);
    throw new MskError('invalid-input', `Cannot write ${file}: ${messageOf(error)}`);
  } finally {
    await unlink(temporary);
  }
}

const fileExists = (file: string): MskError =>
  new MskError(
    'file-exists',
    `${file} already exists; a backup never replaces a file. Choose another name.`,
    {
      file,
    },
  );

/** The name a new backup is offered under in a save dialog: the day it was made. */
export const backupFileName = (now = new Date()): string =>
  `model-studio-keys-${now.toISOString().slice(0, 10)}.msk-backup`;
