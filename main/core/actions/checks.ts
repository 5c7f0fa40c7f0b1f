// Checking keys as a use case: one key, or many with progress and cancel. The app runs at most
// one "check all" at a time, shared by the tray and the window: a second request joins it.
import {
  type CheckAllOptions,
  type CheckAllOutcome,
  type CheckProgress,
  type CheckResult,
  Checks,
  type ChecksOptions,
  type Detection,
  type DetectionHints,
  type Survey,
  type SurveyProgress,
} from '../calls/key-checks.js';
import type { Services } from '../keys/services.js';

export const checkKey = (
  services: Services,
  reference: string,
  options: { signal?: AbortSignal; checks?: ChecksOptions } = {},
): Promise<CheckResult> => new Checks(services, options.checks).check(reference, options.signal);

/** Which region and plan a key belongs to (see Checks.detect). */
export const detectKey = (
  services: Services,
  secret: string,
  hints: DetectionHints = {},
  options: { signal?: AbortSignal; checks?: ChecksOptions } = {},
): Promise<Detection> => new Checks(services, options.checks).detect(secret, hints, options.signal);

/** Detection with every place's answer, told as each arrives (see Checks.survey). */
export const surveyKey = (
  services: Services,
  secret: string,
  hints: DetectionHints = {},
  options: { signal?: AbortSignal; onProgress?(progress: SurveyProgress): void; checks?: ChecksOptions } = {},
): Promise<Survey> => new Checks(services, options.checks).survey(secret, hints, options);

export const checkKeys = (
  services: Services,
  options: CheckAllOptions & { checks?: ChecksOptions } = {},
): Promise<CheckAllOutcome> => new Checks(services, options.checks).checkAll(options);

export interface CheckRun {
  /** Settles with what finished, also when cancelled. */
  outcome: Promise<CheckAllOutcome>;
  progress: { done: number; total: number };
  cancel(): void;
}

/** Holds the one running "check all"; anyone may watch its progress or cancel it. */
export class CheckRunner {
  private current: CheckRun | undefined;
  private readonly watchers = new Set<(progress: CheckProgress | undefined) => void>();

  constructor(
    private readonly services: Services,
    private readonly options: ChecksOptions = {},
  ) {}

  get running(): CheckRun | undefined {
    return this.current;
  }

  /** Starts a run over every key, or returns the one already running. */
  start(): CheckRun {
    if (this.current) return this.current;
    const controller = new AbortController();
    const run: CheckRun = {
      progress: { done: 0, total: 0 },
      cancel: () => controller.abort(),
      outcome: checkKeys(this.services, {
        checks: this.options,
        signal: controller.signal,
        onProgress: (progress) => {
          // A worker still finishing after its run failed has nobody left to tell.
          if (this.current !== run) return;
          run.progress = { done: progress.done, total: progress.total };
          this.tell(progress);
        },
      }).finally(() => {
        this.current = undefined;
        this.tell(undefined);
      }),
    };
    this.current = run;
    return run;
  }

  /** Called with each step while a run goes (done 0 at its start), and with undefined when it ends. */
  watch(watcher: (progress: CheckProgress | undefined) => void): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  private tell(progress: CheckProgress | undefined): void {
    for (const watcher of this.watchers) watcher(progress);
  }
}
