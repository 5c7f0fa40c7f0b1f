// config.json on disk. Reads need no lock (writes are atomic renames, so a reader sees a whole
// file); every write takes an inter-process lock, re-reads, applies, and renames into place,
// so the app and any number of `msk` processes writing at once lose no update.
import { mkdir, readFile } from 'node:fs/promises';
import lockfile from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import { migrate } from './config-migrations.js';
import { ConfigSchema, CONFIG_SCHEMA_VERSION, emptyConfig, type Config } from './config-schema.js';
import { MskError, messageOf } from './errors.js';
import { configFile } from './paths.js';

const FILE_MODE = 0o600;
const DIRECTORY_MODE = 0o700;

export class ConfigStore {
  readonly file: string;
  readonly backupFile: string;

  constructor(readonly directory: string) {
    this.file = configFile(directory);
    this.backupFile = `${this.file}.bak`;
  }

  /** The current config; defaults when no file exists yet. */
  async read(): Promise<Config> {
    const text = await this.readText();
    return text === undefined ? emptyConfig() : this.parse(text);
  }

  /**
   * Applies `change` to a fresh copy of the config under the lock and saves the result. What
   * `change` returns is returned; if it throws, nothing is written.
   */
  async update<T>(change: (draft: Config) => T | Promise<T>): Promise<T> {
    await mkdir(this.directory, { recursive: true, mode: DIRECTORY_MODE });
    const release = await this.lock();
    try {
      const previousText = await this.readText();
      const draft = previousText === undefined ? emptyConfig() : this.parse(previousText);
      const result = await change(draft);
      const next = ConfigSchema.parse(draft);
      const nextText = `${JSON.stringify(next, null, 2)}\n`;
      if (nextText !== previousText) {
        // The last good version stays beside the new one: a bad edit is one copy away from undone.
        if (previousText !== undefined)
          await writeFileAtomic(this.backupFile, previousText, { mode: FILE_MODE });
        await writeFileAtomic(this.file, nextText, { mode: FILE_MODE });
      }
      return result;
    } finally {
      await release();
    }
  }

  private async readText(): Promise<string | undefined> {
    try {
      return await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new MskError('config-damaged', `Cannot read ${this.file}: ${messageOf(error)}`);
    }
  }

  private parse(text: string): Config {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw this.damaged(`not valid JSON (${messageOf(error)})`);
    }
    const migration = migrate(json);
    if (migration.kind === 'newer') {
      throw new MskError(
        'config-damaged',
        `${this.file} was written by a newer version of Model Studio Keys (schema ${migration.version}, this one reads up to ${CONFIG_SCHEMA_VERSION}); update this one before using it. Nothing was changed.`,
      );
    }
    const parsed = ConfigSchema.safeParse(migration.config);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw this.damaged(`${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`);
    }
    return parsed.data;
  }

  private damaged(reason: string): MskError {
    return new MskError(
      'config-damaged',
      `${this.file} is damaged (${reason}); nothing was changed. Your secrets are safe in the keychain; the previous good version is ${this.backupFile}.`,
    );
  }

  private async lock(): Promise<() => Promise<void>> {
    try {
      return await lockfile.lock(this.file, {
        lockfilePath: `${this.file}.lock`,
        realpath: false,
        stale: 10_000,
        retries: { retries: 200, factor: 1.1, minTimeout: 5, maxTimeout: 100, randomize: true },
      });
    } catch (error) {
      throw new MskError(
        'config-busy',
        `Another Model Studio Keys process is holding ${this.file}.lock (${messageOf(error)}); try again.`,
      );
    }
  }
}
