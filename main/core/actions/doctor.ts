// `msk doctor`: is everything that keeps the keys whole — the data file, its backups, the keychain
// and the two agreeing with each other — and, with --fix, what can be put right without losing
// anything: a damaged file set aside and its newest good backup restored, keychain items no
// record points at adopted again, permissions tightened, and what this version refuses in the file
// and its copies (a key in a tool of the user's own…) taken out. No keychain item is ever deleted.
import path from 'node:path';
import { accountSecretItem } from '../account/account-credentials.js';
import { gatewayTokenItem } from '../gateway/token-item.js';
import { claimActive, followKeys } from '../keys/active-handover.js';
import { writeFileAtomic } from '../platform/atomic-write.js';
import { DAMAGED_PREFIX } from '../config/config-store.js';
import { rename } from '../platform/fs-async.js';
import { Checks } from '../calls/key-checks.js';
import type { Config, KeyRecord } from '../config/config-schema.js';
import { isMskError, messageOf } from '../base/errors.js';
import { fingerprintOf, parseKey } from '../model-studio/key-format.js';
import { DEFAULT_REGION_ID, DEFAULT_WORKSPACE_ID } from '../model-studio/catalog.js';
import { exposureOf, makePrivate, readOwnFile } from '../config/private-data.js';
import { planName, regionName } from '../model-studio/regions.js';
import type { Services } from '../keys/services.js';
import { freeLabel } from './keys.js';

export type Health = 'ok' | 'warning' | 'problem';

export interface Finding {
  check:
    | 'data-file'
    | 'refused-values'
    | 'backups'
    | 'keychain'
    | 'orphans'
    | 'missing-secrets'
    | 'duplicates'
    | 'permissions';
  health: Health;
  message: string;
  /** `--fix` can put it right. */
  fixable: boolean;
}

export interface Diagnosis {
  healthy: boolean;
  findings: Finding[];
}

const ID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FILE_MODE = 0o600;
const DIRECTORY_MODE = 0o700;

/** What the checks learned, kept for the repairs (secrets stay in memory, never in a finding). */
interface Examination {
  findings: Finding[];
  config: Config | undefined;
  damaged: boolean;
  restoreFrom: string | undefined;
  /** Copies of the data file holding what this version refuses (config-repairs.ts). */
  refused: number;
  items: { keyId: string; secret: string }[] | undefined;
  loosePaths: string[];
}

export async function diagnose(
  services: Services,
  platform: NodeJS.Platform = process.platform,
): Promise<Diagnosis> {
  const { findings } = await examine(services, platform);
  return summary(findings);
}

/** Repairs what can be repaired, saying what it did line by line; then diagnoses again. */
export async function repair(
  services: Services,
  platform: NodeJS.Platform = process.platform,
): Promise<{ done: string[]; after: Diagnosis }> {
  let found = await examine(services, platform);
  const done: string[] = [];
  const { config: store } = services;
  // First, so that a file refused only for those values is read again rather than set aside.
  if (found.refused > 0) {
    for (const { file, changes } of await store.repair()) done.push(`${file}: ${changes.join(' ')}`);
    found = await examine(services, platform);
  }
  for (const file of found.loosePaths) {
    const isDirectory = file === store.directory;
    const mode = isDirectory ? DIRECTORY_MODE : FILE_MODE;
    await makePrivate(file, mode, isDirectory);
    done.push(`Made ${file} private (${mode.toString(8).padStart(4, '0')}).`);
  }
  if (found.damaged) {
    const aside = path.join(
      store.directory,
      `${DAMAGED_PREFIX}${new Date().toISOString().replace(/[:.]/g, '-')}`,
    );
    await rename(store.file, aside);
    done.push(`Set the damaged data file aside as ${aside}.`);
    if (found.restoreFrom) {
      await writeFileAtomic(store.file, await readOwnFile(found.restoreFrom), { mode: FILE_MODE });
      done.push(`Restored ${store.file} from ${found.restoreFrom}.`);
    } else {
      done.push(
        'No good backup exists: starting from an empty list, and recovering the keys from the keychain.',
      );
    }
  }
  // Adopted against a file this version reads: never into one written by a newer version.
  if (found.items && (found.config || found.damaged)) {
    const config = await store.read();
    const known = new Set(config.keys.map((key) => key.id));
    for (const item of found.items.filter(
      (candidate) => !known.has(candidate.keyId) && adoptable(candidate),
    )) {
      done.push(await adopt(services, item));
    }
  }
  return { done, after: await diagnose(services, platform) };
}

async function examine(services: Services, platform: NodeJS.Platform): Promise<Examination> {
  const { config: store } = services;
  const findings: Finding[] = [];
  let config: Config | undefined;
  let damaged = false;
  const backups = await store.backups();
  const readable = await Promise.all(
    backups.map(async (file) => ({ file, config: await store.readBackup(file) })),
  );
  const good = readable.filter((backup) => backup.config !== undefined).map((backup) => backup.file);
  const refused = await store.repair({ dryRun: true });
  const repairable = refused.some(({ file }) => file === store.file);

  try {
    config = await store.read();
    findings.push({
      check: 'data-file',
      health: 'ok',
      message: `${store.file}: ${config.keys.length} key${config.keys.length === 1 ? '' : 's'}, schema ${config.schemaVersion}.`,
      fixable: false,
    });
  } catch (error) {
    // A file from a newer version is not damaged: updating the app is the fix, not a restore.
    const newer = isMskError(error) && error.params?.newerVersion !== undefined;
    damaged = !newer && !repairable;
    findings.push({
      check: 'data-file',
      health: 'problem',
      message: newer
        ? messageOf(error)
        : repairable
          ? `${store.file} holds what this version refuses (below); --fix takes out only that.`
          : `${store.file} is damaged. --fix sets it aside and ${good[0] ? `restores ${good[0]}` : 'recovers the keys from the keychain'}.`,
      fixable: !newer,
    });
  }
  findings.push({
    check: 'refused-values',
    health: refused.length > 0 ? 'problem' : 'ok',
    message:
      refused.length === 0
        ? 'The data file and its copies hold nothing this version refuses.'
        : `${refused.map(({ file, changes }) => `${file}: ${changes.join(' ')}`).join(' ')} --fix takes out exactly that.`,
    fixable: refused.length > 0,
  });
  findings.push({
    check: 'backups',
    health: good.length > 0 || backups.length === 0 ? 'ok' : 'warning',
    message:
      backups.length === 0
        ? 'No backups yet (one is kept with every change).'
        : `${backups.length} backup${backups.length === 1 ? '' : 's'}, ${good.length} readable${good[0] ? `; the newest good one is ${good[0]}` : ''}.`,
    fixable: false,
  });

  let items: { keyId: string; secret: string }[] | undefined;
  try {
    items = await services.vault.keychainItems();
    findings.push({
      check: 'keychain',
      health: 'ok',
      message: `The keychain answers (service “${services.environment.keychainService}”, ${items.length} item${items.length === 1 ? '' : 's'}).`,
      fixable: false,
    });
  } catch (error) {
    findings.push({ check: 'keychain', health: 'problem', message: messageOf(error), fixable: false });
  }

  // Against the file, or against the backup a repair would restore.
  const restorable = readable.find((backup) => backup.config)?.config;
  const records = config?.keys ?? (damaged ? (restorable?.keys ?? []) : undefined);
  // An account's AccessKey secret and a GUI tool's kept gateway token are items of their own: not
  // keys, and no orphans while their account or token is here.
  const known = config ?? restorable;
  const otherItems = new Set([
    ...(known?.accounts ?? []).map((account) => accountSecretItem(account.id)),
    ...(known?.gateway.tokens ?? []).map((token) => gatewayTokenItem(token.hash)),
  ]);
  const keyItems = items?.filter((item) => !otherItems.has(item.keyId));
  if (keyItems && records) findings.push(...agreement(records, keyItems, damaged));
  const exposure =
    platform === 'win32' ? { loose: [], links: [], foreign: [] } : await exposureOf(store.directory);
  const loosePaths = exposure.loose;
  const exposed = [
    exposure.loose.length > 0 && `Readable or writable by others: ${exposure.loose.join(', ')}.`,
    ...exposure.links.map((link) => `${link} is a link to a file elsewhere: it is left as it is; remove it.`),
    ...exposure.foreign.map(
      ({ path, owner }) =>
        `${path} belongs to another user (uid ${owner}): it is not trusted; remove it, or if you put it there, take it back with sudo chown.`,
    ),
  ].filter(Boolean);
  findings.push({
    check: 'permissions',
    health: exposed.length === 0 ? 'ok' : 'problem',
    message:
      exposed.length === 0 ? 'The data directory and its files are private to you.' : exposed.join(' '),
    fixable: loosePaths.length > 0,
  });
  return { findings, config, damaged, restoreFrom: good[0], refused: refused.length, items, loosePaths };
}

/** Orphans, records without their secret, and secrets stored twice. */
function agreement(
  records: KeyRecord[],
  items: { keyId: string; secret: string }[],
  damaged: boolean,
): Finding[] {
  const findings: Finding[] = [];
  const recordIds = new Set(records.map((record) => record.id));
  const itemIds = new Set(items.map((item) => item.keyId));
  const orphans = items.filter((item) => !recordIds.has(item.keyId));
  const adoptables = orphans.filter(adoptable);
  const foreign = orphans.length - adoptables.length;
  findings.push({
    check: 'orphans',
    health: adoptables.length > 0 ? 'problem' : foreign > 0 ? 'warning' : 'ok',
    message:
      orphans.length === 0
        ? 'Every keychain item has its record.'
        : [
            adoptables.length > 0 &&
              `${adoptables.length} key${adoptables.length === 1 ? '' : 's'} in the keychain with no record (${adoptables.map((item) => `…${fingerprintOf(item.secret)}`).join(', ')}): --fix recovers ${adoptables.length === 1 ? 'it' : 'them'} as recovered-<last four>${damaged ? ' (after restoring the data file)' : ''}.`,
            foreign > 0 &&
              `${foreign} other item${foreign === 1 ? '' : 's'} of the service, not Model Studio keys: left alone.`,
          ]
            .filter(Boolean)
            .join(' '),
    fixable: adoptables.length > 0,
  });
  const missing = records.filter((record) => !itemIds.has(record.id));
  findings.push({
    check: 'missing-secrets',
    health: missing.length > 0 ? 'problem' : 'ok',
    message:
      missing.length === 0
        ? 'Every record has its secret in the keychain.'
        : `No secret in the keychain for ${missing.map((record) => `‘${record.label}’`).join(', ')}: remove ${missing.length === 1 ? 'it' : 'them'} (msk remove) and add the key again if you still have it.`,
    fixable: false,
  });
  const bySecret = new Map<string, string[]>();
  for (const item of items) bySecret.set(item.secret, [...(bySecret.get(item.secret) ?? []), item.keyId]);
  const labelOf = (keyId: string) => records.find((record) => record.id === keyId)?.label ?? keyId;
  const twice = [...bySecret.values()].filter((ids) => ids.length > 1);
  findings.push({
    check: 'duplicates',
    health: twice.length > 0 ? 'warning' : 'ok',
    message:
      twice.length === 0
        ? 'No key is stored twice.'
        : `Stored more than once: ${twice.map((ids) => ids.map(labelOf).join(' = ')).join('; ')}. Remove the extra ones with msk remove.`,
    fixable: false,
  });
  return findings;
}

/** A keychain item we can adopt: one of our key ids holding something that is a key. */
function adoptable(item: { keyId: string; secret: string }): boolean {
  if (!ID_SHAPE.test(item.keyId)) return false;
  try {
    parseKey(item.secret);
    return true;
  } catch {
    return false;
  }
}

/** Files back under a record; its region asked of Model Studio, else marked unverified. */
async function adopt(services: Services, item: { keyId: string; secret: string }): Promise<string> {
  const parsed = parseKey(item.secret);
  const fingerprint = fingerprintOf(parsed.secret);
  let place: { regionId: string; plan: KeyRecord['plan']; verified: boolean };
  try {
    const detection = await new Checks(services).detect(parsed.secret);
    place = {
      regionId: detection.regionId,
      plan: detection.plan,
      verified: detection.status !== 'unverified',
    };
  } catch {
    place = { regionId: DEFAULT_REGION_ID, plan: parsed.defaultPlan, verified: false };
  }
  const now = new Date().toISOString();
  const label = await services.config.update((draft) => {
    const label = freeLabel(draft.keys, `recovered-${fingerprint}`);
    const record: KeyRecord = {
      id: item.keyId,
      label,
      regionId: place.regionId,
      workspaceId: DEFAULT_WORKSPACE_ID,
      plan: place.plan,
      shape: parsed.shape,
      fingerprint,
      createdAt: now,
      ...(!place.verified && {
        lastCheck: { status: 'unverified', httpStatus: null, latencyMs: null, modelCount: null, at: now },
      }),
    };
    draft.keys.push(record);
    claimActive(draft, record);
    followKeys(draft, record);
    return label;
  });
  return place.verified
    ? `Recovered ‘${label}’ from the keychain: it works in ${regionName(place.regionId)} (${planName(place.plan)}).`
    : `Recovered ‘${label}’ from the keychain; no region answered for it, so it is filed under ${regionName(place.regionId)}, unverified: check it (msk check ${label}) and move it if needed.`;
}

const summary = (findings: Finding[]): Diagnosis => ({
  healthy: findings.every((finding) => finding.health === 'ok'),
  findings,
});
