// Updates of the installed app: a check soon after start and then daily, the download in the
// background, and the "ready" state that waits for the user to restart. Only when the setting
// allows it; a check the user asks for runs regardless. The engine (electron-updater in the app,
// a local feed in tests) is a port, so this runs, and is tested, without Electron.

export type UpdateFailureReason = 'network' | 'feed' | 'verification' | 'install' | 'other';

/** Why a check or a download failed: a reason the views word, and the updater's own line. */
export interface UpdateFailure {
  reason: UpdateFailureReason;
  detail: string;
}

export type UpdatePhase =
  /** This copy cannot update itself: a development build, an unzipped or unpacked one, an unsigned Mac app. */
  | { phase: 'unavailable'; reason: 'development' | 'unsupported' }
  | { phase: 'idle' }
  | { phase: 'checking' }
  | { phase: 'latest' }
  | { phase: 'downloading'; version: string; percent: number }
  /** Downloaded and verified: installed when the user restarts (or quits). */
  | { phase: 'ready'; version: string }
  | { phase: 'failed'; failure: UpdateFailure };

export type UpdateStatus = UpdatePhase & {
  /** When the feed last answered (ISO), whatever it said. */
  checkedAt: string | null;
};

/** What the feed said: a newer version, none, or that this build cannot be updated. */
export type UpdateFound = { version: string } | 'latest' | 'unsupported';

export interface UpdateEngine {
  check(): Promise<UpdateFound>;
  /** Downloads the version `check` found and verifies it; `onProgress` gets 0–100. */
  download(onProgress: (percent: number) => void): Promise<void>;
  /** Quits, installs the downloaded version and starts it; throws when the installer could not start. */
  install(): void;
  /** Turns the updater's error into what the views show ('unsupported': this copy cannot update). */
  failure(error: unknown): UpdateFailure | 'unsupported';
}

export interface UpdateControllerOptions {
  /**
   * Loads the engine when first needed (it is large), or says this copy cannot update (an unzipped
   * or unpacked one); undefined: a development build.
   */
  engine: (() => Promise<UpdateEngine | 'unsupported'>) | undefined;
  onChange(status: UpdateStatus): void;
  now?: () => number;
  /** When the first automatic check runs after start: late enough not to slow it. */
  firstCheckDelayMs?: number;
  /** How often it looks whether a check is due (a timer for a day would drift across sleep). */
  tickMs?: number;
}

export const CHECK_EVERY_MS = 24 * 60 * 60 * 1000;
/** After a failed check (offline, the feed down), the next automatic one comes sooner. */
export const RETRY_AFTER_MS = 60 * 60 * 1000;
const FIRST_CHECK_DELAY_MS = 10_000;
const TICK_MS = 10 * 60 * 1000;

export class UpdateController {
  private status: UpdateStatus;
  private automatic = false;
  private engine: Promise<UpdateEngine | 'unsupported'> | undefined;
  private running: Promise<void> | undefined;
  private lastAttempt = Number.NEGATIVE_INFINITY;
  private readonly timers: ReturnType<typeof setTimeout>[] = [];

  constructor(private readonly options: UpdateControllerOptions) {
    this.status = options.engine
      ? { phase: 'idle', checkedAt: null }
      : { phase: 'unavailable', reason: 'development', checkedAt: null };
  }

  current(): UpdateStatus {
    return this.status;
  }

  /** Follows the setting: on, a check comes soon after start and then daily; off, none comes by itself. */
  follow(automatic: boolean): void {
    if (automatic === this.automatic) return;
    this.automatic = automatic;
    if (!automatic || !this.options.engine || this.timers.length > 0) return;
    const first = setTimeout(() => this.tick(), this.options.firstCheckDelayMs ?? FIRST_CHECK_DELAY_MS);
    const every = setInterval(() => this.tick(), this.options.tickMs ?? TICK_MS);
    // A pending check never keeps a process alive (a test's, msk's).
    first.unref?.();
    every.unref?.();
    this.timers.push(first, every);
  }

  /** The user asked: check now and download what is found, whatever the setting says. */
  checkNow(): Promise<UpdateStatus> {
    return this.run().then(() => this.status);
  }

  /** Restarts into the downloaded version; false when none is ready, or its installer could not start (then `failed`). */
  async install(): Promise<boolean> {
    const engine = this.status.phase === 'ready' ? await this.engine : undefined;
    if (!engine || engine === 'unsupported') return false;
    try {
      engine.install();
      return true;
    } catch (error) {
      const failure = engine.failure(error);
      const detail = failure === 'unsupported' ? '' : failure.detail;
      this.set({ phase: 'failed', failure: { reason: 'install', detail } });
      return false;
    }
  }

  close(): void {
    for (const timer of this.timers.splice(0)) clearTimeout(timer);
  }

  /** An automatic check, when one is due. */
  private tick(): void {
    if (!this.automatic) return;
    const wait = this.status.phase === 'failed' ? RETRY_AFTER_MS : CHECK_EVERY_MS;
    if (this.now() - this.lastAttempt >= wait) void this.run();
  }

  /** One check and, when it finds a version, its download; one at a time. */
  private run(): Promise<void> {
    const load = this.options.engine;
    const settled = ['unavailable', 'ready'].includes(this.status.phase);
    if (settled || !load) return Promise.resolve();
    this.running ??= this.checkAndDownload(load).finally(() => (this.running = undefined));
    return this.running;
  }

  private async checkAndDownload(load: () => Promise<UpdateEngine | 'unsupported'>): Promise<void> {
    this.lastAttempt = this.now();
    this.set({ phase: 'checking' });
    let engine: UpdateEngine | undefined;
    try {
      const loaded = await (this.engine ??= this.loadEngine(load));
      if (loaded === 'unsupported') return this.set({ phase: 'unavailable', reason: 'unsupported' });
      engine = loaded;
      const found = await engine.check();
      const checkedAt = new Date(this.now()).toISOString();
      if (found === 'unsupported') return this.set({ phase: 'unavailable', reason: 'unsupported' });
      if (found === 'latest') return this.set({ phase: 'latest' }, checkedAt);
      const { version } = found;
      this.set({ phase: 'downloading', version, percent: 0 }, checkedAt);
      await engine.download((percent) => {
        const whole = Math.max(0, Math.min(100, Math.floor(percent)));
        // Whole percents only: every change is a snapshot to every view.
        if (this.status.phase === 'downloading' && whole > this.status.percent) {
          this.set({ phase: 'downloading', version, percent: whole });
        }
      });
      this.set({ phase: 'ready', version });
    } catch (error) {
      this.fail(engine, error);
    }
  }

  private fail(engine: UpdateEngine | undefined, error: unknown): void {
    const failure = engine
      ? engine.failure(error)
      : { reason: 'other' as const, detail: error instanceof Error ? error.message : String(error) };
    this.set(
      failure === 'unsupported'
        ? { phase: 'unavailable', reason: 'unsupported' }
        : { phase: 'failed', failure },
    );
  }

  private loadEngine(
    load: () => Promise<UpdateEngine | 'unsupported'>,
  ): Promise<UpdateEngine | 'unsupported'> {
    // A failed load is tried again next time.
    return load().catch((error: unknown) => {
      this.engine = undefined;
      throw error;
    });
  }

  private set(phase: UpdatePhase, checkedAt = this.status.checkedAt): void {
    this.status = { ...phase, checkedAt };
    this.options.onChange(this.status);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
