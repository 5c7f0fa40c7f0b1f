// A key rotated while a tool streams through the gateway: the old value gets 401 from the moment
// of the reset until the new one is in the keychain. The rotation marks the key `rotatingSince`
// first, so a 401 for a key so marked waits (a little) for the mark to clear and is then sent
// again, once, with the new value: the tool sees no failed request.
import { setTimeout as sleep } from 'node:timers/promises';
import type { KeyRecord } from '../config/config-schema.js';
import type { Services } from '../keys/services.js';

export interface RotationWait {
  /** How often the config is read while waiting. */
  pollMs?: number;
  /** The longest wait for a rotation to finish. */
  maxWaitMs?: number;
  /** A mark older than this is one a failed rotation left behind: not waited for. */
  freshMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Whether `record` is being rotated right now (marked, and not long ago). */
export function rotating(record: KeyRecord, now: number, freshMs = 120_000): boolean {
  const since = Date.parse(record.accountKey?.rotatingSince ?? '');
  return Number.isFinite(since) && now - since < freshMs;
}

/**
 * After a 401 with `used`: the key's value once any rotation under way has finished, when it is
 * another one (worth one more try); undefined when the key is gone or its value is the same.
 */
export async function renewedSecret(
  services: Services,
  keyId: string,
  used: string,
  options: RotationWait = {},
): Promise<string | undefined> {
  const now = options.now ?? Date.now;
  const deadline = now() + (options.maxWaitMs ?? 10_000);
  for (;;) {
    // A config that cannot be read now (damaged, busy) leaves the refusal as it is.
    const config = await services.config.read().catch(() => undefined);
    const record = config?.keys.find((key) => key.id === keyId);
    if (!record) return undefined;
    if (!rotating(record, now(), options.freshMs) || now() >= deadline) {
      const secret = await services.vault.secretOf(record).catch(() => undefined);
      return secret !== undefined && secret !== used ? secret : undefined;
    }
    await (options.sleep ?? sleep)(options.pollMs ?? 100);
  }
}
