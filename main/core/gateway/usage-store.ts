// What the gateway counted: requests and tokens per day, tool, key and model — never a prompt, an
// answer or a header. Counts gather in memory and are added to `usage.json` (0600) a moment later
// under a lock, so two gateways (the app's and `msk gateway run`) add up instead of overwriting,
// and a gateway that stops loses at most the last moment's counts (none when it stops cleanly).
// The file is bounded whatever a tool sends: a model is kept by name only when it is a model id
// (else it is counted as "other"), a day keeps a bounded number of rows, and old days are dropped.
import { constants } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../platform/atomic-write.js';
import { MskError, messageOf } from '../base/errors.js';
import { access, mkdir, readFile, rename } from '../platform/fs-async.js';
import { isModelId } from '../model-studio/catalog.js';
import { usageFile } from '../platform/paths.js';

/**
 * What usage.json keeps. A year of days answers every report (today, 7 or 30 days, `--since` a
 * year back). 250 rows a day hold ten tools × five keys × five models; past that, a day's new
 * models are counted as "other" for their tool and key (no count is lost). Rows are about 130
 * bytes, so a file full to the brim stays near 12 MB — a day's counts are usually a few rows.
 */
export const USAGE_LIMITS = { daysKept: 366, rowsPerDay: 250 } as const;

/**
 * The model of counts not told apart by model: the request named none, named something that is
 * no model id, was refused, or came past a day's rows.
 */
export const OTHER_MODEL = '';

const CountsSchema = z.object({
  /** Answers the tool received from Model Studio (errors it was given included). */
  requests: z.number().int().min(0),
  /** Attempts that failed (429, 5xx, quota, arrears) and moved on to the token's next key. */
  failedOver: z.number().int().min(0),
  inputTokens: z.number().int().min(0),
  outputTokens: z.number().int().min(0),
});

const UsageRowSchema = CountsSchema.extend({
  /** The day in the gateway's local time, YYYY-MM-DD. */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The gateway token's name. */
  tool: z.string(),
  keyId: z.string(),
  /** The model asked for, or OTHER_MODEL. */
  model: z.string(),
});

const UsageFileSchema = z.object({
  schemaVersion: z.literal(1),
  rows: z.array(UsageRowSchema),
  /** When each tool last made a request, ISO time. */
  lastUsed: z.record(z.string(), z.iso.datetime()),
});

export type UsageCounts = z.infer<typeof CountsSchema>;
export type UsageRow = z.infer<typeof UsageRowSchema>;
export type UsageFile = z.infer<typeof UsageFileSchema>;

export interface UsageEvent {
  tool: string;
  keyId: string;
  model: string;
  outcome: 'answered' | 'failed-over';
  inputTokens?: number;
  outputTokens?: number;
}

const COUNTS = ['requests', 'failedOver', 'inputTokens', 'outputTokens'] as const;

const emptyUsage = (): UsageFile => ({ schemaVersion: 1, rows: [], lastUsed: {} });

const rowKey = (row: Pick<UsageRow, 'day' | 'tool' | 'keyId' | 'model'>): string =>
  JSON.stringify([row.day, row.tool, row.keyId, row.model]);

/** YYYY-MM-DD of `at` in local time: a day as the user lives it. */
export const localDay = (at: Date): string =>
  `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;

/** Rows by day, tool, key and model, added together; each day's rows bounded (USAGE_LIMITS). */
class UsageRows {
  private readonly rows = new Map<string, UsageRow>();
  private readonly perDay = new Map<string, number>();

  static of(rows: readonly UsageRow[]): UsageRows {
    const all = new UsageRows();
    for (const row of rows) all.add(row);
    return all;
  }

  add(row: UsageRow): void {
    let counted = isModelId(row.model) ? row : { ...row, model: OTHER_MODEL };
    let existing = this.rows.get(rowKey(counted));
    if (
      !existing &&
      counted.model !== OTHER_MODEL &&
      (this.perDay.get(row.day) ?? 0) >= USAGE_LIMITS.rowsPerDay
    ) {
      counted = { ...counted, model: OTHER_MODEL };
      existing = this.rows.get(rowKey(counted));
    }
    if (existing) {
      for (const count of COUNTS) existing[count] += counted[count];
      return;
    }
    this.rows.set(rowKey(counted), { ...counted });
    this.perDay.set(row.day, (this.perDay.get(row.day) ?? 0) + 1);
  }

  list(): UsageRow[] {
    return [...this.rows.values()].map((row) => ({ ...row }));
  }
}

/** `usage` with `more` added, row by row. */
export function addUsage(usage: UsageFile, more: UsageFile): UsageFile {
  const lastUsed = { ...usage.lastUsed };
  for (const [tool, at] of Object.entries(more.lastUsed))
    if (!(tool in lastUsed) || (lastUsed[tool] ?? '') < at) lastUsed[tool] = at;
  return { schemaVersion: 1, rows: UsageRows.of([...usage.rows, ...more.rows]).list(), lastUsed };
}

/** `usage` without the days more than USAGE_LIMITS.daysKept before its newest. */
export function keepRecent(usage: UsageFile): UsageFile {
  const newest = usage.rows.reduce((latest, row) => (row.day > latest ? row.day : latest), '');
  if (newest === '') return usage;
  const [year = 0, month = 1, day = 1] = newest.split('-').map(Number);
  const since = localDay(new Date(year, month - 1, day - USAGE_LIMITS.daysKept));
  return {
    schemaVersion: 1,
    rows: usage.rows.filter((row) => row.day >= since),
    lastUsed: Object.fromEntries(
      Object.entries(usage.lastUsed).filter(([, at]) => localDay(new Date(at)) >= since),
    ),
  };
}

export class UsageStore {
  readonly file: string;
  /** Counts not written yet: one request adds to one row, whatever waits. */
  private pending = new UsageRows();
  private pendingLastUsed: Record<string, string> = {};
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    readonly directory: string,
    private readonly options: {
      /** How long counts wait in memory before they are written. */
      flushDelayMs?: number;
      /** Told when the file could not be written or was damaged (it is set aside). */
      onProblem?: (problem: MskError) => void;
      /** Told after counts were written. */
      onFlushed?: () => void;
    } = {},
  ) {
    this.file = usageFile(directory);
  }

  /** Counts one attempt; written within flushDelayMs. */
  record(event: UsageEvent, at: Date = new Date()): void {
    const counts: UsageCounts = {
      requests: event.outcome === 'answered' ? 1 : 0,
      failedOver: event.outcome === 'failed-over' ? 1 : 0,
      inputTokens: event.inputTokens ?? 0,
      outputTokens: event.outputTokens ?? 0,
    };
    this.pending.add({
      day: localDay(at),
      tool: event.tool,
      keyId: event.keyId,
      model: event.model,
      ...counts,
    });
    this.pendingLastUsed[event.tool] = at.toISOString();
    this.timer ??= setTimeout(() => void this.flush(), this.options.flushDelayMs ?? 1000);
    // A waiting flush must not keep a process alive that has nothing else to do.
    this.timer.unref?.();
  }

  /** What the file holds plus what waits in memory. */
  async read(): Promise<UsageFile> {
    return addUsage(await this.readFile(false), this.waiting());
  }

  /** Adds what waits in memory to the file now. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const counts = this.waiting();
    this.pending = new UsageRows();
    this.pendingLastUsed = {};
    if (counts.rows.length === 0) return this.flushing;
    this.flushing = this.flushing.then(() => this.write(counts));
    return this.flushing;
  }

  private async write(counts: UsageFile): Promise<void> {
    try {
      // Made and asked first: the lock's retries would spend seconds on a directory that cannot be written.
      await mkdir(this.directory, { recursive: true, mode: 0o700 });
      await access(this.directory, constants.W_OK);
      const { default: lockfile } = await import('proper-lockfile');
      const release = await lockfile.lock(this.file, {
        lockfilePath: `${this.file}.lock`,
        realpath: false,
        stale: 10_000,
        retries: { retries: 100, factor: 1.2, minTimeout: 5, maxTimeout: 200, randomize: true },
      });
      try {
        const next = keepRecent(addUsage(await this.readFile(true), counts));
        await writeFileAtomic(this.file, `${JSON.stringify(next)}\n`, { mode: 0o600 });
      } finally {
        await release();
      }
      this.options.onFlushed?.();
    } catch (error) {
      // Not lost: they wait for the next flush.
      const kept = addUsage(counts, this.waiting());
      this.pending = UsageRows.of(kept.rows);
      this.pendingLastUsed = kept.lastUsed;
      this.options.onProblem?.(
        new MskError('data-unwritable', `Cannot record usage in ${this.file}: ${messageOf(error)}`),
      );
    }
  }

  /** What waits in memory, as the file holds it. */
  private waiting(): UsageFile {
    return {
      schemaVersion: 1,
      rows: this.pending.list(),
      lastUsed: { ...this.pendingLastUsed },
    };
  }

  /** The file's counts; a damaged file is set aside (by a writer) or reported (to a reader). */
  private async readFile(setAside: boolean): Promise<UsageFile> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyUsage();
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = UsageFileSchema.safeParse(json);
    if (parsed.success) return parsed.data;
    if (!setAside)
      throw new MskError(
        'config-damaged',
        `${this.file} is damaged; the gateway sets it aside when it next records usage.`,
        {
          file: this.file,
          backups: [],
        },
      );
    // Counts are not worth refusing requests over: the damaged file is kept aside, counting starts again.
    const aside = `${this.file}.damaged-${Date.now()}`;
    await rename(this.file, aside);
    this.options.onProblem?.(
      new MskError(
        'config-damaged',
        `${this.file} was damaged; it was set aside as ${aside} and usage is counted anew.`,
        {
          file: this.file,
          backups: [aside],
        },
      ),
    );
    return emptyUsage();
  }
}
