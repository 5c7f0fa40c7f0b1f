// Temporary keys (st-…): minted from a permanent key, with all its permissions, for at most
// 30 minutes; they cannot be revoked, only expire. Handing one out beats sharing the real key.
import { classify } from '../model-studio/check-classifier.js';
import type { KeyRecord } from '../config/config-schema.js';
import { MskError } from '../base/errors.js';
import type { ClientOptions } from '../model-studio/client.js';
import { clientFor } from './configured-client.js';
import { TEMPORARY_KEY } from '../model-studio/catalog.js';
import { validateTtl } from '../model-studio/key-format.js';
import { planName, requireRegion } from '../model-studio/regions.js';
import { endpointsForKey, type Services } from '../keys/services.js';
import { resolveKey } from '../keys/vault.js';

// Kept with the key rules (no network, no data file), so the command line can check a TTL while it
// reads its arguments.
export { validateTtl };

export interface TemporaryKey {
  record: KeyRecord;
  token: string;
  expiresAt: Date;
  ttlSeconds: number;
}

export async function mintTemporaryKey(
  services: Services,
  reference: string,
  ttlSeconds: number = TEMPORARY_KEY.defaultTtlSeconds,
  options: { client?: ClientOptions; signal?: AbortSignal } = {},
): Promise<TemporaryKey> {
  validateTtl(ttlSeconds);
  const config = await services.config.read();
  const record = resolveKey(config.keys, reference);
  const endpoints = endpointsForKey(services.environment, config, record);
  const native = endpoints.native;
  if (native === null) {
    throw new MskError(
      'plan-unavailable',
      `No temporary key for '${record.label}': temporary keys come from the native DashScope API, which the ${planName(record.plan)} does not have. Mint one from a pay-as-you-go key.`,
    );
  }
  const secret = await services.vault.secretOf(record);
  const client = clientFor(config, options.client);
  const answer = await client.post(
    `${native}/tokens?expire_in_seconds=${ttlSeconds}`,
    secret,
    options.signal,
  );
  const body =
    answer.kind === 'http'
      ? (answer.json as { token?: unknown; expires_at?: unknown } | undefined)
      : undefined;
  if (
    answer.kind === 'http' &&
    answer.status === 200 &&
    typeof body?.token === 'string' &&
    body.token.startsWith('st-')
  ) {
    const expiresAt =
      typeof body.expires_at === 'number'
        ? new Date(body.expires_at * 1000)
        : new Date(Date.now() + ttlSeconds * 1000);
    return { record, token: body.token, expiresAt, ttlSeconds };
  }
  const host = new URL(native).host;
  if (answer.kind === 'http' && answer.status >= 200 && answer.status < 300) {
    throw new MskError(
      'service-refused',
      `No temporary key for '${record.label}': ${host} answered HTTP ${answer.status} without one.`,
    );
  }
  const outcome = classify(answer, {
    host,
    timeoutMs: client.timeoutMs,
    family: endpoints.family,
    console: requireRegion(record.regionId).console,
  });
  const code =
    outcome.status === 'network' || outcome.status === 'timeout' || outcome.status === 'cancelled'
      ? outcome.status
      : 'service-refused';
  throw new MskError(code, `No temporary key for '${record.label}': ${outcome.message}`);
}
