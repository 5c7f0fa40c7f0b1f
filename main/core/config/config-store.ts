// config.json on disk. Reads need no lock (writes are atomic renames, so a reader sees a whole
// file); every write takes an inter-process lock, re-reads, applies, and renames into place,
// so the app and any number of `msk` processes writing at once lose no update. A key's last use
// is journaled beside the file instead (use-journal.ts): reads lay it over, writes take it in.
import { isSymbolicLink, mkdir, readdir, readRegularFile, rm, stat } from '../platform/fs-async.js';
import { settledIdentity } from '../platform/file-identity.js';
import type { BigIntStats } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../platform/atomic-write.js';
import { CONFIG_SCHEMA_VERSION } from './config-constants.js';
import type { Config } from './config-schema.js';
import { MskError, messageOf, whereJsonFails } from '../base/errors.js';
import { configFile } from '../platform/paths.js';
import { linkRefused } from '../platform/atomic-write.js';
import { assertPrivateData, isOwnFile, readOwnFile, tightenDataDirectory } from './private-data.js';
import { appendUse, applyUses, dropJournal, JOURNAL_FOLD_BYTES, readUses } from './use-journal.js';
import {
  type KeyName,
  keyNamesOf,
  noteValidated,
  recallKeyNames,
  recallValidated,
  validatedFile,
} from './validated-config.js';

const FILE_MODE = 0o600;
const DIRECTORY_MODE = 0o700;
/** A lock that cannot be created for these is a permission problem, not a busy file. */
const PERMISSION_ERRORS = new Set(['EACCES', 'EPERM', 'EROFS']);
/** How long a lock another process holds is waited for: about 18 s in all. */
const LOCK_ATTEMPTS = 200;
const lockDelay = (attempt: number): number => Math.min(100, 5 * 1.1 ** attempt) * (1 + Math.random());
/** Dated copies kept besides the previous version: a mistake noticed days later can be undone. */
export const DAILY_BACKUPS = 5;
const DAILY = /^config\.json\.bak-(\d{4}-\d{2}-\d{2})$/;

// The inter-process lock, loaded with the first write: reading needs no lock.
const importLockfile = () => import('proper-lockfile');
let lockfileLoading: ReturnType<typeof importLockfile> | undefined;
const loadLockfile = (): ReturnType<typeof importLockfile> => (lockfileLoading ??= importLockfile());

// Upgrading an older file and taking out what this version refuses: with the validator, never on
// the way to reading a file this version noted (validated-config.ts).
const loadMigrations = () => import('./config-migrations.js');
const loadRepairs = () => import('./config-repairs.js');

// The validator, loaded when a text must be validated: a file this version already validated,
// unchanged since, is read without it (validated-config.ts).
const importSchema = () => import('./config-schema.js');
let schemaLoading: ReturnType<typeof importSchema> | undefined;
const loadSchema = (): ReturnType<typeof importSchema> => (schemaLoading ??= importSchema());

export class ConfigStore {
  readonly file: string;
  readonly backupFile: string;

  constructor(readonly directory: string) {
    this.file = configFile(directory);
    this.backupFile = `${this.file}.bak`;
  }

  /** The current config, with the last uses journaled since it was written; defaults when no file exists yet. */
  async read(): Promise<Config> {
    const [config, uses] = await Promise.all([this.readFile(), readUses(this.file)]);
    return applyUses(config, uses);
  }

  /**
   * The keys' labels and regions, as `read` gives them: from the note alone while config.json is
   * the file it was noted from (validated-config.ts). Shell completion asks on every TAB.
   */
  async keyNames(): Promise<KeyName[]> {
    return (await recallKeyNames(this.file)) ?? keyNamesOf(await this.read());
  }

  /**
   * Records a key's use in the journal beside the file (use-journal.ts): one append, no lock. A
   * journal that has grown is folded into the file.
   */
  async recordUse(keyId: string, at: Date): Promise<void> {
    const size = await appendUse(this.file, keyId, at).catch((error: unknown) => {
      throw isPermissionError(error) ? this.unwritable(error) : error;
    });
    if (size > JOURNAL_FOLD_BYTES)
      await this.update(() => undefined, { bookkeeping: true, computedOnly: true });
  }

  /**
   * Applies `change` to a fresh copy of the config under the lock and saves the result. What
   * `change` returns is returned; if it throws, nothing is written. A `bookkeeping` change (a last
   * use, a check's outcome) keeps no backup — it would push the user's last real version out of
   * `.bak` on every use — and is not flushed to disk: losing one to a power cut costs nothing.
   * A `computedOnly` change sets only values this code computed itself (a last-use time) on the
   * validated config: its result is not validated again, so the validator is not even loaded.
   */
  async update<T>(
    change: (draft: Config) => T | Promise<T>,
    options: { bookkeeping?: boolean; computedOnly?: boolean } = {},
  ): Promise<T> {
    await mkdir(this.directory, { recursive: true, mode: DIRECTORY_MODE }).catch((error: unknown) => {
      throw new MskError(
        'data-unwritable',
        `Cannot create the data directory ${this.directory} (${messageOf(error)}); set MSK_HOME to a directory you can write.`,
        { directory: this.directory },
      );
    });
    // Made private before anything is written; a file another user could have changed is never
    // taken in and rewritten as ours.
    await tightenDataDirectory(this.directory);
    await this.assertPrivate();
    const release = await this.lock();
    try {
      const previousText = (await this.readText())?.text;
      const stored =
        previousText === undefined
          ? (await loadSchema()).emptyConfig()
          : ((await recallValidated(this.file, previousText))?.config ??
            (await this.explained(previousText)));
      // The journal's uses go into the file; once written there, the journal is emptied.
      const uses = await readUses(this.file);
      const draft = applyUses(stored, uses);
      const result = await change(draft);
      const next = options.computedOnly ? draft : await validate(draft);
      const nextText = `${JSON.stringify(next, null, 2)}\n`;
      if (nextText !== previousText) {
        await this.assertWritable();
        // The last good version stays beside the new one: a bad edit is one copy away from undone.
        if (previousText !== undefined && !options.bookkeeping) await this.keepBackups(previousText);
        await writeFileAtomic(this.file, nextText, { mode: FILE_MODE, fsync: !options.bookkeeping });
        await noteValidated(this.file, nextText, next);
      }
      if (uses.size > 0) await dropJournal(this.file);
      return result;
    } finally {
      await release();
    }
  }

  /**
   * The backups that exist, newest first: the previous version, then one a day. Only msk's own:
   * a link or a file another user put there is no backup (doctor names it).
   */
  async backups(): Promise<string[]> {
    const names = await readdir(this.directory).catch(() => [] as string[]);
    const daily = names
      .filter((name) => DAILY.test(name))
      .sort()
      .reverse();
    const previous = names.includes(path.basename(this.backupFile)) ? [this.backupFile] : [];
    const found = [...previous, ...daily.map((name) => path.join(this.directory, name))];
    const own = await Promise.all(found.map(isOwnFile));
    return found.filter((_, index) => own[index]);
  }

  /**
   * The config a backup holds, when this version can read it (a backup worth restoring): never a
   * link, or a file another user put there.
   */
  async readBackup(file: string): Promise<Config | undefined> {
    try {
      return await this.parse(await readOwnFile(file));
    } catch {
      return undefined;
    }
  }

  /** Refuses (`data-unsafe`) while another user could change the directory or config.json (private-data.ts). */
  assertPrivate(): Promise<void> {
    return assertPrivateData(this.directory, this.file);
  }

  /**
   * Takes out of config.json, its backups and any damaged copy set aside what this version refuses
   * there (config-repairs.ts: a key in a tool of the user's own…), changing nothing else; with
   * `dryRun`, only says what it would take out. Each copy is rewritten in place, atomically.
   */
  async repair(options: { dryRun?: boolean } = {}): Promise<{ file: string; changes: string[] }[]> {
    const release = options.dryRun ? async () => undefined : await this.lock();
    try {
      const [{ migrate }, { repairConfig }] = await Promise.all([loadMigrations(), loadRepairs()]);
      const names = await readdir(this.directory).catch(() => [] as string[]);
      const asides = names.filter((name) => name.startsWith(DAMAGED_PREFIX)).sort();
      const found: { file: string; changes: string[] }[] = [];
      for (const file of [
        this.file,
        ...(await this.backups()),
        ...asides.map((name) => path.join(this.directory, name)),
      ]) {
        // Only msk's own files: a link or another user's file planted among the copies is left alone.
        const json = parseJson(await readOwnFile(file).catch(() => undefined));
        // A newer version's file is its business: what it holds may be right there.
        if (json === undefined || migrate(json).kind === 'newer') continue;
        const { json: repaired, changes } = repairConfig(json);
        if (changes.length === 0) continue;
        found.push({ file, changes });
        if (!options.dryRun) {
          await writeFileAtomic(file, `${JSON.stringify(repaired, null, 2)}\n`, { mode: FILE_MODE });
        }
      }
      // The note of the last validation keeps the old text: gone, the next read notes the new one.
      if (found.length > 0 && !options.dryRun) await rm(validatedFile(this.file), { force: true });
      return found;
    } finally {
      await release();
    }
  }

  private async keepBackups(previousText: string): Promise<void> {
    await writeFileAtomic(this.backupFile, previousText, { mode: FILE_MODE });
    const today = `${this.file}.bak-${new Date().toISOString().slice(0, 10)}`;
    const names = await readdir(this.directory);
    if (names.includes(path.basename(today))) return;
    await writeFileAtomic(today, previousText, { mode: FILE_MODE });
    const daily = [...names.filter((name) => DAILY.test(name)), path.basename(today)].sort().reverse();
    for (const old of daily.slice(DAILY_BACKUPS)) await rm(path.join(this.directory, old), { force: true });
  }

  /** A data file the user made read-only (chmod 0400) stays so: refused, not silently made 0600. */
  private async assertWritable(): Promise<void> {
    const mode = await stat(this.file).then(
      (status) => status.mode,
      () => undefined,
    );
    if (mode === undefined || process.platform === 'win32' || (mode & 0o200) !== 0) return;
    throw new MskError(
      'data-unwritable',
      `${this.file} is read-only (mode ${(mode & 0o777).toString(8).padStart(4, '0')}); nothing was changed. Allow changes with chmod u+w ${this.file}.`,
      { directory: this.directory },
    );
  }

  /** The config the file holds; defaults when there is none. */
  private async readFile(): Promise<Config> {
    const read = await this.readText();
    if (read === undefined) return (await loadSchema()).emptyConfig();
    const { text, stats } = read;
    // Taken before the text was read: a change while reading gives the file another identity.
    const identity = settledIdentity(stats) ?? '';
    const recalled = await recallValidated(this.file, text);
    if (recalled) {
      // A file noted as it was written is noted again once it has settled, with its identity.
      if (identity !== recalled.identity) await noteValidated(this.file, text, recalled.config, identity);
      return recalled.config;
    }
    const config = await this.explained(text);
    await noteValidated(this.file, text, config, identity);
    return config;
  }

  private async readText(): Promise<{ text: string; stats: BigIntStats } | undefined> {
    try {
      return await readRegularFile(this.file, { exact: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return undefined;
      const why = code === 'ENOTREG' ? 'it is not a regular file' : messageOf(error);
      throw new MskError('config-damaged', `Cannot read ${this.file}: ${why}.`);
    }
  }

  private async parse(text: string): Promise<Config> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new DamagedFile(`not valid JSON${whereJsonFails(text, error)}`);
    }
    const migration = (await loadMigrations()).migrate(json);
    if (migration.kind === 'newer') {
      throw new MskError(
        'config-damaged',
        `${this.file} was written by a newer version of Model Studio Keys (schema ${migration.version}, this one reads up to ${CONFIG_SCHEMA_VERSION}); update this one before using it. Nothing was changed.`,
        { file: this.file, newerVersion: migration.version },
      );
    }
    const { ConfigSchema, PARSE_ONCE } = await loadSchema();
    const parsed = ConfigSchema.safeParse(migration.config, PARSE_ONCE);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DamagedFile(`${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`);
    }
    return parsed.data;
  }

  /** The config in `text`, or what is wrong with it and which backups exist to go back to. */
  private async explained(text: string): Promise<Config> {
    try {
      return await this.parse(text);
    } catch (error) {
      if (!(error instanceof DamagedFile)) throw error;
      const backups = await this.backups();
      const repairable = (await this.repair({ dryRun: true })).some(({ file }) => file === this.file);
      const way = repairable
        ? '`msk doctor --fix` takes out only what this version refuses, here and in the backups'
        : backups.length > 0
          ? `the previous good versions are ${backups.join(', ')}; \`msk doctor --fix\` sets the damaged file aside and restores the newest good one`
          : '`msk doctor --fix` sets the damaged file aside and recovers the keys from the keychain';
      throw new MskError(
        'config-damaged',
        `${this.file} is damaged (${error.reason}); nothing was changed. Your secrets are safe in the keychain; ${way}.`,
        { file: this.file, backups },
      );
    }
  }

  private unwritable(error: unknown): MskError {
    return new MskError(
      'data-unwritable',
      `Cannot write in ${this.directory} (${messageOf(error)}); give yourself write permission there (chmod u+w) or set MSK_HOME to a directory you can write.`,
      { directory: this.directory },
    );
  }

  /**
   * The inter-process lock. Only a lock another process holds is waited for; anything else (a
   * directory where nothing can be created, a link planted as the lock) fails at once, with why.
   */
  private async lock(): Promise<() => Promise<void>> {
    const { default: lockfile } = await loadLockfile();
    const lockPath = `${this.file}.lock`;
    for (let attempt = 1; ; attempt++) {
      try {
        return await lockfile.lock(this.file, { lockfilePath: lockPath, realpath: false, stale: 10_000 });
      } catch (error) {
        if (await isSymbolicLink(lockPath)) throw linkRefused(lockPath);
        if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw this.cannotLock(error);
        if (attempt === LOCK_ATTEMPTS) {
          throw new MskError(
            'config-busy',
            `Another Model Studio Keys process is holding ${lockPath} (${messageOf(error)}); try again.`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, lockDelay(attempt)));
      }
    }
  }

  private cannotLock(error: unknown): MskError {
    if (isPermissionError(error)) return this.unwritable(error);
    return new MskError(
      'data-unwritable',
      `Cannot write in ${this.directory} (${messageOf(error)}): no file can be created there; set MSK_HOME to a directory you can write.`,
      { directory: this.directory },
    );
  }
}

/** What `msk doctor` names a damaged file it sets aside: `config.json.damaged-<time>`. */
export const DAMAGED_PREFIX = 'config.json.damaged-';

const parseJson = (text: string | undefined): unknown => {
  try {
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
};

const isPermissionError = (error: unknown): boolean =>
  PERMISSION_ERRORS.has((error as NodeJS.ErrnoException).code ?? '');

async function validate(draft: Config): Promise<Config> {
  const { ConfigSchema, PARSE_ONCE } = await loadSchema();
  return ConfigSchema.parse(draft, PARSE_ONCE);
}

/** What `parse` finds wrong; `explained` turns it into the message the user sees. */
class DamagedFile extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}
