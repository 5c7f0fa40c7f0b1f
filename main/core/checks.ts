// Connection checks and region detection. A bare 401 means a wrong key, a key of another
// region, or a Coding Plan key on the general API: the checker tells them apart by asking the
// other regions, and records what it found on the key.
import { acceptsKey, type Classification, classify } from './check-classifier.js';
import type { CheckStatus, Config, KeyRecord, LastCheck } from './config-schema.js';
import { MskError } from './errors.js';
import { type KeyKind, parseKey } from './keys.js';
import type { ClientOptions, ModelStudioClient } from './model-studio-client.js';
import { REGIONS, type RegionFacts, type RegionId } from './model-studio.js';
import { endpointsFor, regionName } from './regions.js';
import { resolveKey } from './vault.js';
import { clientFor, endpointsForKey, type Services } from './services.js';

export interface CheckResult {
  keyId: string;
  label: string;
  regionId: string;
  status: CheckStatus;
  httpStatus: number | null;
  latencyMs: number | null;
  modelCount: number | null;
  /** Where the key does work, when the status is `wrong-region`. */
  suggestedRegionId: string | null;
  message: string;
  at: string;
}

export interface CheckAllOptions {
  /** Requests at once; rate limits are per account, so keep it small. Default 4. */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?(progress: { done: number; total: number; result: CheckResult }): void;
  /** Only these keys (ids); default all. */
  keyIds?: readonly string[];
}

export interface CheckAllOutcome {
  results: CheckResult[];
  /** Keys that could not be checked at all (their keychain item is gone), with why. */
  unchecked: { keyId: string; label: string; message: string }[];
  /** True when the signal stopped the run before every key was checked. */
  cancelled: boolean;
}

export type Detection =
  | { kind: 'standard'; regionId: RegionId; status: CheckStatus; message: string }
  | { kind: 'plan'; planEndpoints: { regionId: RegionId; compatible: string }[]; message: string };

export const DEFAULT_CONCURRENCY = 4;
/** A Retry-After longer than this is not waited for: the check reports `rate-limited`. */
export const MAX_RETRY_AFTER_SECONDS = 30;

export interface ChecksOptions {
  client?: ClientOptions;
  now?: () => Date;
  /** Waits before the one retry of a 429; replaceable so tests need not sleep. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
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

  /** Checks many keys with bounded concurrency; records every finished result at once. */
  async checkAll(options: CheckAllOptions = {}): Promise<CheckAllOutcome> {
    const config = await this.services.config.read();
    const wanted = options.keyIds ? new Set(options.keyIds) : undefined;
    const records = config.keys.filter((record) => !wanted || wanted.has(record.id));
    const concurrency = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, records.length));
    // As many connections as workers: each reuses its own instead of opening more.
    const client = this.client(config, concurrency);
    const results: (CheckResult | undefined)[] = new Array(records.length);
    const unchecked: CheckAllOutcome['unchecked'] = [];
    let next = 0;
    let done = 0;
    const worker = async () => {
      while (next < records.length && !options.signal?.aborted) {
        const index = next++;
        const record = records[index] as KeyRecord;
        const secret = await this.services.vault.secretOf(record).catch((error: unknown) => {
          // One lost item must not sink the run; a locked or absent keychain does (it is all of them).
          if (!(error instanceof MskError && error.code === 'secret-missing')) throw error;
          unchecked.push({ keyId: record.id, label: record.label, message: error.message });
          return undefined;
        });
        if (secret === undefined) continue;
        const result = await this.checkKey(client, config, record, secret, options.signal);
        if (result === undefined) return;
        results[index] = result;
        options.onProgress?.({ done: ++done, total: records.length, result });
      }
    };

    await Promise.all(Array.from({ length: concurrency }, worker));
    const finished = results.filter((result): result is CheckResult => result !== undefined);
    await this.services.vault.recordChecks(
      finished.map((result) => ({ keyId: result.keyId, lastCheck: lastCheckOf(result) })),
    );
    return { results: finished, unchecked, cancelled: finished.length + unchecked.length < records.length };
  }

  /** Which region owns a key: every region is asked at once; a quota answer counts as ownership. */
  async detectRegion(input: string, signal?: AbortSignal): Promise<Detection> {
    const { secret, kind } = parseKey(input);
    const config = await this.services.config.read();
    if (kind === 'plan') {
      const planEndpoints = REGIONS.flatMap((region) =>
        region.planOrigin
          ? [{ regionId: region.id, compatible: this.endpoints(config, region.id, 'plan').compatible }]
          : [],
      );
      return {
        kind: 'plan',
        planEndpoints,
        message: `This is a Coding Plan key (sk-sp-…): the general endpoints refuse it, so its region cannot be detected. Its endpoints: ${planEndpoints.map((endpoint) => `${regionName(endpoint.regionId)} ${endpoint.compatible}`).join('; ')}.`,
      };
    }
    const answers = await this.askRegions(this.client(config), config, REGIONS, secret, signal);
    const owner = answers.find((answer) => acceptsKey(answer.classification.status));
    if (owner) {
      return {
        kind: 'standard',
        regionId: owner.region.id,
        status: owner.classification.status as CheckStatus,
        message: `The key belongs to ${owner.region.name}.`,
      };
    }
    if (answers.some((answer) => answer.classification.status === 'cancelled')) {
      throw new MskError('cancelled', 'Region detection was cancelled.');
    }
    const unreachable = answers.filter(({ classification }) =>
      ['network', 'timeout', 'server-error'].includes(classification.status),
    );
    if (unreachable.length > 0) {
      throw new MskError(
        'network',
        `No region accepted the key, and some could not be asked: ${unreachable.map(({ region, classification }) => `${region.name}: ${classification.message}`).join(' ')}`,
      );
    }
    throw new MskError(
      'invalid-key',
      'No region accepts this key (Singapore, US (Virginia), China (Beijing), China (Hong Kong) all answered 401): it was deleted, mistyped, or its RAM user was disabled.',
    );
  }

  /** One key: its own region first; on a 401, every other region at once. */
  private async checkKey(
    client: ModelStudioClient,
    config: Config,
    record: KeyRecord,
    secret: string,
    signal: AbortSignal | undefined,
  ): Promise<CheckResult | undefined> {
    // Plan keys are checked where clients most often misuse them: the general API.
    const base =
      record.kind === 'plan'
        ? this.endpoints(config, record.regionId, 'standard').compatible
        : endpointsForKey(this.services.environment, config, record).compatible;
    let classification = await this.ask(client, base, secret, signal);
    if (classification.status === 'rate-limited') {
      const wait = classification.retryAfterSeconds ?? 1;
      if (wait <= MAX_RETRY_AFTER_SECONDS) {
        await this.sleep(wait * 1000, signal);
        classification = await this.ask(client, base, secret, signal);
      }
    }
    let suggestedRegionId: string | null = null;
    if (classification.status === 'invalid-key') {
      const others = REGIONS.filter((region) => region.id !== record.regionId);
      const owner = (await this.askRegions(client, config, others, secret, signal)).find((answer) =>
        acceptsKey(answer.classification.status),
      );
      if (owner) {
        suggestedRegionId = owner.region.id;
        classification = {
          ...classification,
          status: 'wrong-region',
          message: `This key belongs to ${owner.region.name}, not ${regionName(record.regionId)}: move it there.`,
        };
      }
    }
    if (classification.status === 'cancelled') return undefined;
    return {
      keyId: record.id,
      label: record.label,
      regionId: record.regionId,
      status: classification.status,
      httpStatus: classification.httpStatus,
      latencyMs: classification.latencyMs,
      modelCount: classification.modelCount,
      suggestedRegionId,
      message: classification.message,
      at: this.now().toISOString(),
    };
  }

  private async askRegions(
    client: ModelStudioClient,
    config: Config,
    regions: readonly RegionFacts[],
    secret: string,
    signal?: AbortSignal,
  ) {
    return Promise.all(
      regions.map(async (region) => ({
        region,
        classification: await this.ask(
          client,
          this.endpoints(config, region.id, 'standard').compatible,
          secret,
          signal,
        ),
      })),
    );
  }

  private async ask(
    client: ModelStudioClient,
    compatibleBase: string,
    secret: string,
    signal?: AbortSignal,
  ): Promise<Classification> {
    const answer = await client.get(`${compatibleBase}/models`, secret, signal);
    return classify(answer, {
      host: new URL(compatibleBase).host,
      timeoutMs: client.timeoutMs,
      planKey: secret.startsWith('sk-sp-'),
    });
  }

  /** A region's own endpoints (no workspace domain), with the user's and the environment's overrides. */
  private endpoints(config: Config, regionId: string, kind: KeyKind) {
    return endpointsFor({
      regionId,
      kind,
      settingsOverrides: config.settings.endpointOverrides,
      environmentOverrides: this.services.environment.endpointOverrides,
    });
  }

  private client(config: Config, maxConnectionsPerOrigin?: number): ModelStudioClient {
    return clientFor(config, {
      ...(maxConnectionsPerOrigin !== undefined && { maxConnectionsPerOrigin }),
      ...this.options.client,
    });
  }
}

/** What a check leaves on the key's metadata. */
export const lastCheckOf = (result: CheckResult): LastCheck => ({
  status: result.status,
  httpStatus: result.httpStatus,
  latencyMs: result.latencyMs,
  modelCount: result.modelCount,
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
