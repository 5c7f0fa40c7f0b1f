// Connection checks and region detection. A bare 401 means a wrong key, a key of another region,
// or a key of another billing plan: the checker tells them apart by asking the other places the
// key could live, and records what it found on the key.
import { acceptsKey, type Classification, classify } from '../model-studio/check-classifier.js';
import type { CheckStatus } from '../../shared/vocabulary.js';
import type { Config, KeyRecord, LastCheck } from '../config/config-schema.js';
import { MskError } from '../base/errors.js';
import { parseKey, shapeOf } from '../model-studio/key-format.js';
import type { ClientOptions, ModelStudioClient } from '../model-studio/client.js';
import { clientFor } from './configured-client.js';
import { DEFAULT_CONCURRENCY, type Plan, type RegionFacts, type RegionId } from '../model-studio/catalog.js';
import {
  type Endpoints,
  endpointsOfFamily,
  homeFamily,
  type Placement,
  placementsFor,
  planName,
  requireRegion,
  requireWorkspaceId,
} from '../model-studio/regions.js';
import { resolveKey } from '../keys/vault.js';
import { endpointsForKey, type Services } from '../keys/services.js';

export interface CheckResult {
  keyId: string;
  label: string;
  regionId: string;
  plan: Plan;
  status: CheckStatus;
  httpStatus: number | null;
  latencyMs: number | null;
  modelCount: number | null;
  /** The model ids the check reached; null when it got no list. */
  models: string[] | null;
  /** Where the key does work, when the status is `wrong-region` or `wrong-plan`. */
  suggestedRegionId: string | null;
  /** The plan the key does work with, when the status is `wrong-plan`. */
  suggestedPlan: Plan | null;
  message: string;
  at: string;
}

export interface CheckAllOptions {
  /** Requests at once; rate limits are per account, so keep it small. Default 4. */
  concurrency?: number;
  signal?: AbortSignal;
  /**
   * Once when the run starts (done 0), then after every key: checked (`result`) or not checkable
   * (`unchecked`). `done` counts both, so it always reaches `total`.
   */
  onProgress?(progress: CheckProgress): void;
  /** Only these keys (ids); default all. */
  keyIds?: readonly string[];
}

export interface CheckProgress {
  done: number;
  total: number;
  /** The key just finished; absent at the start. */
  label?: string;
  result?: CheckResult;
}

export interface CheckAllOutcome {
  results: CheckResult[];
  /** Keys that could not be checked at all (their keychain item is gone), with why. */
  unchecked: { keyId: string; label: string; message: string }[];
  /** True when the signal stopped the run before every key was checked. */
  cancelled: boolean;
}

/** What the user already knows about a key; detection asks only where these allow. */
export interface DetectionHints {
  plan?: Plan | undefined;
  regionId?: string | undefined;
  workspaceId?: string | undefined;
}

export interface Detection {
  plan: Plan;
  regionId: RegionId;
  /** `unverified` when the place was inferred, not confirmed (the Coding Plan cannot be asked). */
  status: CheckStatus;
  message: string;
  /** What the owner said besides accepting the key (quota, arrears, …); null for a plain ok. */
  detail: string | null;
}

/** What one place said when asked whether a key is its own. */
export interface PlaceAnswer {
  regionId: RegionId;
  plan: Plan;
  status: Classification['status'];
  message: string;
}

export interface SurveyProgress {
  done: number;
  total: number;
  /** The answer just in; null at the start. */
  answer: PlaceAnswer | null;
}

/** Every place's answer, and the owner; or, when none accepts the key, why (as `detect` throws it). */
export type Survey = { answers: PlaceAnswer[] } & (
  { owner: Detection; unowned: null } | { owner: null; unowned: MskError }
);

export { DEFAULT_CONCURRENCY };
/** Errors that concern one key only: `checkAll` reports the key and goes on. */
const KEY_LOCAL_ERRORS = new Set<string>(['secret-missing', 'plan-unavailable', 'workspace-required']);
/** A Retry-After longer than this is not waited for: the check reports `rate-limited`. */
export const MAX_RETRY_AFTER_SECONDS = 30;

export interface ChecksOptions {
  client?: ClientOptions;
  now?: () => Date;
  /** Waits before the one retry of a 429; replaceable so tests need not sleep. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

interface Answered {
  placement: Placement;
  classification: Classification;
}

export class Checks {
  private readonly now: () => Date;
  private readonly sleep: NonNullable<ChecksOptions['sleep']>;

  constructor(
    private readonly services: Services,
    private readonly options: ChecksOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? abortableSleep;
  }

  /** Checks one key, records the result on it, and returns it. */
  async check(reference: string, signal?: AbortSignal): Promise<CheckResult> {
    const config = await this.services.config.read();
    const record = resolveKey(config.keys, reference);
    const secret = await this.services.vault.secretOf(record);
    const result = await this.checkKey(this.client(config), config, record, secret, signal);
    if (result === undefined) throw new MskError('cancelled', 'The check was cancelled.');
    await this.services.vault.recordChecks([{ keyId: result.keyId, lastCheck: lastCheckOf(result) }]);
    return result;
  }

  /**
   * Checks many keys with bounded concurrency; records every finished result at once. A failure
   * that concerns every key (the keychain locked mid-run) stops all workers, not just one.
   */
  async checkAll(options: CheckAllOptions = {}): Promise<CheckAllOutcome> {
    const config = await this.services.config.read();
    const wanted = options.keyIds ? new Set(options.keyIds) : undefined;
    const records = config.keys.filter((record) => !wanted || wanted.has(record.id));
    const total = records.length;
    const concurrency = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, total));
    const failed = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, failed.signal]) : failed.signal;
    // As many connections as workers: each reuses its own instead of opening more.
    const client = this.client(config, concurrency);
    const results: (CheckResult | undefined)[] = new Array(total);
    const unchecked: CheckAllOutcome['unchecked'] = [];
    let next = 0;
    let done = 0;
    options.onProgress?.({ done, total });
    const worker = async () => {
      while (next < total && !signal.aborted) {
        const index = next++;
        const record = records[index] as KeyRecord;
        // One key that cannot be checked (its item lost, its plan without an endpoint where it
        // is filed) must not sink the run; a locked or absent keychain does (it is all of them).
        let secret: string;
        try {
          endpointsForKey(this.services.environment, config, record);
          secret = await this.services.vault.secretOf(record);
        } catch (error) {
          if (!(error instanceof MskError && KEY_LOCAL_ERRORS.has(error.code))) throw error;
          unchecked.push({ keyId: record.id, label: record.label, message: error.message });
          options.onProgress?.({ done: ++done, total, label: record.label });
          continue;
        }
        const result = await this.checkKey(client, config, record, secret, signal);
        if (result === undefined) return;
        results[index] = result;
        options.onProgress?.({ done: ++done, total, label: record.label, result });
      }
    };

    await Promise.all(
      Array.from({ length: concurrency }, () =>
        worker().catch((error: unknown) => {
          failed.abort();
          throw error;
        }),
      ),
    );
    const finished = results.filter((result): result is CheckResult => result !== undefined);
    await this.services.vault.recordChecks(
      finished.map((result) => ({ keyId: result.keyId, lastCheck: lastCheckOf(result) })),
    );
    return { results: finished, unchecked, cancelled: finished.length + unchecked.length < total };
  }

  /**
   * Where a key lives: every place its shape (or the hints) allows is asked at once, and the one
   * that accepts it owns it (a quota or arrears answer counts). The trial domain is never asked.
   * Throws why when none does.
   */
  async detect(input: string, hints: DetectionHints = {}, signal?: AbortSignal): Promise<Detection> {
    const survey = await this.survey(input, hints, { signal });
    if (survey.owner) return survey.owner;
    throw survey.unowned;
  }

  /**
   * Detection that keeps every place's answer, told as each arrives: a key nobody accepts is an
   * outcome here, not an error. Bad input and cancellation still throw.
   */
  async survey(
    input: string,
    hints: DetectionHints = {},
    options: { signal?: AbortSignal | undefined; onProgress?(progress: SurveyProgress): void } = {},
  ): Promise<Survey> {
    const { secret, plans } = parseKey(input);
    const regions = hints.regionId === undefined ? undefined : [requireRegion(hints.regionId)];
    const workspaceId = requireWorkspaceId(hints.workspaceId);
    const config = await this.services.config.read();
    const candidatePlans = hints.plan ? [hints.plan] : plans;
    const places = placementsFor(candidatePlans, workspaceId, regions);
    // Only a named region can leave nothing to ask; the catalog says why for each plan.
    if (places.length === 0 && regions?.[0]) throw whyNoHome(regions[0], candidatePlans, workspaceId);
    const total = places.length;
    let done = 0;
    options.onProgress?.({ done, total, answer: null });
    const answers = await this.askAll(this.client(config), config, places, secret, workspaceId, {
      signal: options.signal,
      onAnswer: (answered) => options.onProgress?.({ done: ++done, total, answer: placeAnswer(answered) }),
    });
    const verdict = verdictOf(answers);
    if (verdict instanceof MskError && verdict.code === 'cancelled') throw verdict;
    return {
      answers: answers.map(placeAnswer),
      ...(verdict instanceof MskError
        ? { owner: null, unowned: verdict }
        : { owner: verdict, unowned: null }),
    };
  }

  /** One key: its own endpoint first; on a 401, every other place its shape allows at once. */
  private async checkKey(
    client: ModelStudioClient,
    config: Config,
    record: KeyRecord,
    secret: string,
    signal: AbortSignal | undefined,
  ): Promise<CheckResult | undefined> {
    const region = requireRegion(record.regionId);
    const own = endpointsForKey(this.services.environment, config, record);
    let classification = await this.ask(client, own, region.console, secret, signal);
    if (classification.status === 'rate-limited') {
      const wait = classification.retryAfterSeconds ?? 1;
      if (wait <= MAX_RETRY_AFTER_SECONDS) {
        await this.sleep(wait * 1000, signal);
        classification = await this.ask(client, own, region.console, secret, signal);
      }
    }
    let suggestion: Placement | undefined;
    // A 401, or a Coding Plan that would not answer: the key may well live elsewhere.
    if (classification.status === 'invalid-key' || classification.status === 'unverified') {
      const plans = [...new Set([record.plan, ...shapeOf(secret).plans])];
      const elsewhere = placementsFor(plans, record.workspaceId).filter(
        (place) => !(place.plan === record.plan && place.region.id === record.regionId),
      );
      suggestion = (
        await this.askAll(client, config, elsewhere, secret, record.workspaceId, { signal })
      ).find((answer) => acceptsKey(answer.classification.status))?.placement;
      if (suggestion) {
        const samePlan = suggestion.plan === record.plan;
        classification = {
          ...classification,
          status: samePlan ? 'wrong-region' : 'wrong-plan',
          message: samePlan
            ? `This key belongs to ${suggestion.region.name}, not ${region.name}: move it there.`
            : `This is a ${planName(suggestion.plan)} key of ${suggestion.region.name}, not a ${planName(record.plan)} key: move it there.`,
        };
      }
    }
    if (classification.status === 'cancelled') return undefined;
    return {
      keyId: record.id,
      label: record.label,
      regionId: record.regionId,
      plan: record.plan,
      status: classification.status,
      httpStatus: classification.httpStatus,
      latencyMs: classification.latencyMs,
      modelCount: classification.modelCount,
      models: classification.models,
      suggestedRegionId: suggestion?.region.id ?? null,
      suggestedPlan: suggestion && suggestion.plan !== record.plan ? suggestion.plan : null,
      message: classification.message,
      at: this.now().toISOString(),
    };
  }

  private askAll(
    client: ModelStudioClient,
    config: Config,
    places: readonly Placement[],
    secret: string,
    workspaceId: string,
    options: { signal?: AbortSignal | undefined; onAnswer?(answered: Answered): void },
  ): Promise<Answered[]> {
    return Promise.all(
      places.map(async (placement) => {
        const answered = {
          placement,
          classification: await this.ask(
            client,
            endpointsOfFamily(placement.family, placement.region.id, {
              workspaceId,
              settingsOverrides: config.settings.endpointOverrides,
              environmentOverrides: this.services.environment.endpointOverrides,
            }),
            placement.region.console,
            secret,
            options.signal,
          ),
        };
        options.onAnswer?.(answered);
        return answered;
      }),
    );
  }

  private async ask(
    client: ModelStudioClient,
    endpoints: Endpoints,
    console: Placement['region']['console'],
    secret: string,
    signal?: AbortSignal,
  ): Promise<Classification> {
    const answer = await client.get(`${endpoints.compatible}/models`, secret, signal);
    return classify(answer, {
      host: new URL(endpoints.compatible).host,
      timeoutMs: client.timeoutMs,
      family: endpoints.family,
      console,
    });
  }

  private client(config: Config, maxConnectionsPerOrigin?: number): ModelStudioClient {
    return clientFor(config, {
      ...(maxConnectionsPerOrigin !== undefined && { maxConnectionsPerOrigin }),
      ...this.options.client,
    });
  }
}

/** The owner among the answers, or why none can be named (`cancelled` when asking was stopped). */
function verdictOf(answers: readonly Answered[]): Detection | MskError {
  const owner = answers.find((answer) => acceptsKey(answer.classification.status));
  if (owner) {
    const { plan, region } = owner.placement;
    const status = owner.classification.status as CheckStatus;
    return {
      plan,
      regionId: region.id,
      status,
      message: `The key belongs to ${region.name} (${planName(plan)}).`,
      detail: status === 'ok' ? null : owner.classification.message,
    };
  }
  if (answers.some((answer) => answer.classification.status === 'cancelled')) {
    return new MskError('cancelled', 'Region detection was cancelled.');
  }
  // The Coding Plan may turn non-agents away before or after it looks at the key: a single
  // such answer where every other place said 401 names the place either way.
  const unverified = answers.filter((answer) => answer.classification.status === 'unverified');
  const refused = answers.filter((answer) => answer.classification.status === 'invalid-key');
  const [only] = unverified;
  if (only && unverified.length === 1 && refused.length === answers.length - 1) {
    return {
      plan: only.placement.plan,
      regionId: only.placement.region.id,
      status: 'unverified',
      message: `Taken as a ${planName(only.placement.plan)} key of ${only.placement.region.name}.`,
      detail: only.classification.message,
    };
  }
  const unreachable = answers.filter(({ classification }) =>
    ['network', 'timeout', 'server-error'].includes(classification.status),
  );
  if (unverified.length > 0 && unreachable.length === 0) {
    return new MskError(
      'region-required',
      `This looks like a Coding Plan key: no other plan knows it, and the Coding Plan answers coding agents only, so its region cannot be asked. Say where it was created: ${unverified.map(({ placement }) => `${placement.region.aliases[0]} (${placement.region.name})`).join(' or ')}.`,
    );
  }
  if (unreachable.length > 0) {
    return new MskError(
      'network',
      `No region accepted the key, and some could not be asked: ${unreachable.map(({ placement, classification }) => `${describePlace(placement)}: ${classification.message}`).join(' ')}`,
    );
  }
  return new MskError(
    'invalid-key',
    `No region accepts this key (${answers.map(({ placement }) => describePlace(placement)).join(', ')} all answered 401): it was deleted, mistyped, or its RAM user was disabled.`,
  );
}

const placeAnswer = ({ placement, classification }: Answered): PlaceAnswer => ({
  regionId: placement.region.id,
  plan: placement.plan,
  status: classification.status,
  message: classification.message,
});

/** Why none of `plans` has a home in `region`, in the catalog's words. */
function whyNoHome(region: RegionFacts, plans: readonly Plan[], workspaceId: string): MskError {
  const reasons = plans.map((plan) => {
    try {
      homeFamily(region, plan, workspaceId, false);
      return undefined;
    } catch (error) {
      return error as MskError;
    }
  });
  const [first] = reasons.filter((reason) => reason !== undefined);
  return new MskError(
    first?.code ?? 'plan-unavailable',
    reasons
      .map((reason) => reason?.message)
      .filter(Boolean)
      .join(' '),
  );
}

/** "Singapore" for pay-as-you-go, "the Token Plan in Singapore" otherwise. */
const describePlace = ({ plan, region }: Placement): string =>
  plan === 'payg' ? region.name : `the ${planName(plan)} in ${region.name}`;

/** What a check leaves on the key's metadata. */
export const lastCheckOf = (result: CheckResult): LastCheck => ({
  status: result.status,
  httpStatus: result.httpStatus,
  latencyMs: result.latencyMs,
  modelCount: result.modelCount,
  ...(result.models !== null && { models: result.models }),
  ...(result.suggestedRegionId !== null && { suggestedRegionId: result.suggestedRegionId }),
  ...(result.suggestedPlan !== null && { suggestedPlan: result.suggestedPlan }),
  at: result.at,
});

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
