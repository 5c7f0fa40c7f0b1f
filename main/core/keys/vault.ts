// The keys: metadata in config.json, secrets in the keychain. The secret is always written
// before its metadata and removed after it, so a crash in between leaves at worst a spare
// keychain item, never a listed key without a secret.
import { claimActive, followKeys, handOverActive } from './active-handover.js';
import type { AccountKeyLink, Config, KeyRecord, LastCheck } from '../config/config-schema.js';
import type { ConfigStore } from '../config/config-store.js';
import { type ErrorCode, MskError } from '../base/errors.js';
import { fingerprintOf, parseKey, redactKeys } from '../model-studio/key-format.js';
import { ACCOUNT_ID_PATTERN, LIMITS, type Plan } from '../model-studio/catalog.js';
import {
  homeFamily,
  planName,
  regionName,
  requireRegion,
  requireWorkspaceId,
} from '../model-studio/regions.js';
import { type Notice, notice } from '../base/notices.js';
import { isShowable, unshowable } from '../base/one-line.js';
import type { SecretStore } from './secret-store.js';

export interface NewKey {
  secret: string;
  label: string;
  regionId: string;
  /** Default: pay-as-you-go for sk- keys, the Coding Plan for sk-sp- keys. */
  plan?: Plan;
  workspaceId?: string;
  accountId?: string;
  ramUser?: string;
  /** The connected account's key it is (made or reset there). */
  accountKey?: AccountKeyLink;
}

export interface MetadataEdit {
  label?: string;
  regionId?: string;
  plan?: Plan;
  workspaceId?: string;
  accountId?: string | null;
  ramUser?: string | null;
}

export interface Added {
  record: KeyRecord;
  /** The key became the active key of its region (it is the first there). */
  active: boolean;
  /** Its region became the active region (the active one held no key). */
  regionActivated: boolean;
  notices: Notice[];
}

const MAX_LABEL_LENGTH = 64;
const BOOKKEEPING_SKIPPED: readonly ErrorCode[] = ['data-unwritable', 'data-unsafe'];
/** Key ids are UUIDs; a label of that shape could name another key. */
const KEY_ID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class Vault {
  constructor(
    private readonly config: ConfigStore,
    private readonly secrets: SecretStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Metadata only: never touches the keychain. */
  async list(): Promise<KeyRecord[]> {
    return (await this.config.read()).keys;
  }

  /** A key by id or label (labels match case-insensitively). */
  async find(reference: string): Promise<KeyRecord> {
    return resolveKey((await this.config.read()).keys, reference);
  }

  async add(input: NewKey): Promise<Added> {
    const parsed = parseKey(input.secret);
    const fields = normaliseFields({ ...input, plan: input.plan ?? parsed.defaultPlan });
    const label = normaliseLabel(input.label);
    const before = await this.config.read();
    assertLabelFree(before.keys, label);
    await this.assertSecretFree(before.keys, parsed.secret);

    const record: KeyRecord = {
      // node:crypto is loaded here, when a key is added, not whenever the list is read.
      id: process.getBuiltinModule('node:crypto').randomUUID(),
      label,
      ...fields,
      shape: parsed.shape,
      fingerprint: fingerprintOf(parsed.secret),
      createdAt: this.now().toISOString(),
      ...(input.accountKey && { accountKey: input.accountKey }),
    };
    await this.secrets.set(record.id, parsed.secret);
    let became: { active: boolean; regionActivated: boolean };
    try {
      became = await this.config.update(async (draft) => {
        // Another process may have taken the label, or stored this very key, while we talked
        // to the keychain: both are checked again under the lock.
        assertLabelFree(draft.keys, label);
        await this.assertSecretFree(draft.keys, parsed.secret);
        draft.keys.push(record);
        claimActive(draft, record);
        const regionActivated = followKeys(draft, record);
        return { active: draft.settings.activeKeyByRegion[record.regionId] === record.id, regionActivated };
      });
    } catch (error) {
      await this.secrets.delete(record.id).catch(() => undefined);
      throw error;
    }
    return {
      record,
      ...became,
      notices: [...parsed.notices, ...planNotices(parsed.plans, record), ...limitNotices(before, record)],
    };
  }

  async edit(reference: string, edit: MetadataEdit): Promise<KeyRecord> {
    return this.config.update((draft) => {
      const record = resolveKey(draft.keys, reference);
      if (edit.label !== undefined) {
        const label = normaliseLabel(edit.label);
        assertLabelFree(
          draft.keys.filter((key) => key.id !== record.id),
          label,
        );
        record.label = label;
      }
      // A record an upgrade left where its plan has no endpoint can still be renamed.
      const moving = edit.regionId !== undefined || edit.plan !== undefined || edit.workspaceId !== undefined;
      const fields = normaliseFields(
        {
          regionId: edit.regionId ?? record.regionId,
          plan: edit.plan ?? record.plan,
          workspaceId: edit.workspaceId ?? record.workspaceId,
          accountId: edit.accountId === null ? undefined : (edit.accountId ?? record.accountId),
          ramUser: edit.ramUser === null ? undefined : (edit.ramUser ?? record.ramUser),
        },
        moving,
      );
      const leaving = fields.regionId !== record.regionId;
      if (leaving) handOverActive(draft, record);
      Object.assign(record, fields);
      if (leaving) {
        claimActive(draft, record);
        followKeys(draft, record);
      }
      for (const optional of ['accountId', 'ramUser'] as const) {
        if (fields[optional] === undefined) delete record[optional];
      }
      return { ...record };
    });
  }

  /**
   * A new value for a stored key (a rotation): the same id, so bindings, tools and gateway tokens
   * follow. The keychain item is written first, its shape and fingerprint after.
   */
  async replaceSecret(reference: string, secret: string): Promise<KeyRecord> {
    const parsed = parseKey(secret);
    const { id } = await this.find(reference);
    await this.secrets.set(id, parsed.secret);
    return this.config.update((draft) => {
      const record = resolveKey(draft.keys, id);
      record.shape = parsed.shape;
      record.fingerprint = fingerprintOf(parsed.secret);
      return { ...record };
    });
  }

  rename(reference: string, label: string): Promise<KeyRecord> {
    return this.edit(reference, { label });
  }

  /**
   * Removes the metadata first, then the secret (see the file comment). The keychain is asked
   * for the item beforehand, so a locked or absent keychain fails the removal with nothing changed.
   */
  async remove(reference: string): Promise<KeyRecord> {
    await this.secrets.get((await this.find(reference)).id);
    const removed = await this.config.update((draft) => {
      const record = resolveKey(draft.keys, reference);
      handOverActive(draft, record);
      draft.keys = draft.keys.filter((key) => key.id !== record.id);
      followKeys(draft);
      return record;
    });
    await this.secrets.delete(removed.id);
    return removed;
  }

  /**
   * The one place a secret leaves the keychain (with `keychainItems` and the comparisons of
   * `findBySecret`): never while another user could change the data directory, and with it where
   * the key is sent (private-data.ts).
   */
  async secretOf(record: KeyRecord): Promise<string> {
    await this.config.assertPrivate();
    const secret = await this.secrets.get(record.id);
    if (secret === null) {
      throw new MskError(
        'secret-missing',
        `The keychain has no secret for '${record.label}' (item ${record.id}): it was deleted outside Model Studio Keys.`,
        { label: record.label, keyId: record.id },
      );
    }
    return secret;
  }

  /**
   * Stores check outcomes on their keys in one write; keys removed meanwhile are skipped. A data
   * directory we may not write skips the bookkeeping (see `whenBookkeepingSkipped`): the check
   * itself succeeded.
   */
  async recordChecks(checks: readonly { keyId: string; lastCheck: LastCheck }[]): Promise<void> {
    if (checks.length === 0) return;
    await this.bookkeeping(() =>
      this.config.update(
        (draft) => {
          for (const { keyId, lastCheck } of checks) {
            const record = draft.keys.find((key) => key.id === keyId);
            if (record) record.lastCheck = lastCheck;
          }
        },
        { bookkeeping: true },
      ),
    );
  }

  /** Journaled, not written into the data file: the hot path of `msk env` and `msk exec`. */
  async markUsed(keyId: string): Promise<void> {
    await this.bookkeeping(() => this.config.recordUse(keyId, this.now()));
  }

  /** Called (each time) when a read-only use could not record its last use or check. */
  whenBookkeepingSkipped(listener: (error: MskError) => void): void {
    this.bookkeepingSkipped = listener;
  }

  private bookkeepingSkipped: ((error: MskError) => void) | undefined;

  /**
   * Records a last use or a check: a data directory we may not write, or a link where the record
   * goes, skips it, and says so.
   */
  private async bookkeeping(record: () => Promise<void>): Promise<void> {
    try {
      await record();
    } catch (error) {
      if (!(error instanceof MskError && BOOKKEEPING_SKIPPED.includes(error.code))) throw error;
      this.bookkeepingSkipped?.(error);
    }
  }

  /** Every item of the keychain service, with its secret (doctor: orphans, duplicates). */
  async keychainItems(): Promise<{ keyId: string; secret: string }[]> {
    await this.config.assertPrivate();
    return this.secrets.list();
  }

  /** The stored key whose secret is this very one, if any. */
  async findBySecret(secret: string): Promise<KeyRecord | undefined> {
    return this.holderOf((await this.config.read()).keys, secret);
  }

  private async assertSecretFree(keys: KeyRecord[], secret: string): Promise<void> {
    const holder = await this.holderOf(keys, secret);
    if (holder) {
      throw new MskError('duplicate-key', `This key is already stored as '${holder.label}'.`, {
        label: holder.label,
      });
    }
  }

  /** Reads only the few items whose fingerprint matches; an item gone from the keychain holds nothing. */
  private async holderOf(keys: KeyRecord[], secret: string): Promise<KeyRecord | undefined> {
    const fingerprint = fingerprintOf(secret);
    const candidates = keys.filter((candidate) => candidate.fingerprint === fingerprint);
    if (candidates.length > 0) await this.config.assertPrivate();
    for (const key of candidates) {
      if ((await this.secrets.get(key.id)) === secret) return key;
    }
    return undefined;
  }
}

export function resolveKey(keys: KeyRecord[], reference: string): KeyRecord {
  const wanted = reference.trim();
  const byId = keys.find((key) => key.id === wanted);
  const byLabel = keys.find((key) => key.id !== byId?.id && key.label.toLowerCase() === wanted.toLowerCase());
  if (byId && byLabel) {
    // Only a hand-edited file gets here (labels shaped like ids are refused): never guess.
    throw new MskError(
      'invalid-input',
      `'${reference}' is the id of '${byId.label}' and the label of another key; rename that one first (msk rename ${byLabel.id} <new label>).`,
      { reference },
    );
  }
  const match =
    byId ??
    keys.find((key) => key.label === wanted) ??
    keys.find((key) => key.label.toLowerCase() === wanted.toLowerCase());
  if (match) return match;
  const known = keys.length
    ? ` Stored keys: ${keys.map((key) => key.label).join(', ')}.`
    : ' No keys are stored yet.';
  // A key given where its label belongs is not repeated: masked, as keys are shown everywhere.
  const shown = redactKeys(reference);
  throw new MskError('unknown-key', `No key is labelled or identified '${shown}'.${known}`, {
    reference: shown,
  });
}

/** A new key's label, checked as `add` checks it: before anything is asked of anyone. */
export function checkNewLabel(keys: KeyRecord[], label: string): string {
  const checked = normaliseLabel(label);
  assertLabelFree(keys, checked);
  return checked;
}

function normaliseLabel(label: string): string {
  const trimmed = label.trim();
  if (trimmed === '') throw new MskError('invalid-input', 'A key needs a label, such as "personal".');
  // Counted in characters as a person counts them (code points), not UTF-16 units: 64 emoji fit.
  if ([...trimmed].length > MAX_LABEL_LENGTH) {
    throw new MskError('invalid-input', `A label is at most ${MAX_LABEL_LENGTH} characters.`);
  }
  if (KEY_ID_SHAPE.test(trimmed)) {
    throw new MskError(
      'invalid-input',
      'A label cannot look like a key id (a UUID): commands would confuse it with that key; choose a name.',
    );
  }
  if (!isShowable(trimmed)) throw unshowable('A label');
  return trimmed;
}

function assertLabelFree(keys: KeyRecord[], label: string): void {
  const taken = keys.find((key) => key.label.toLowerCase() === label.toLowerCase());
  if (taken) {
    throw new MskError('duplicate-label', `The label '${taken.label}' is already used; choose another.`);
  }
}

type KeyFields = Pick<KeyRecord, 'regionId' | 'plan' | 'workspaceId' | 'accountId' | 'ramUser'>;

/** Checks a key's place: a known region where its plan has an endpoint, a well-formed workspace id. */
function normaliseFields(
  input: {
    regionId: string;
    plan: Plan;
    workspaceId?: string | undefined;
    accountId?: string | undefined;
    ramUser?: string | undefined;
  },
  checkPlace = true,
): KeyFields {
  const region = requireRegion(input.regionId);
  const workspaceId = requireWorkspaceId(input.workspaceId);
  if (checkPlace) homeFamily(region, input.plan, workspaceId, false);
  const accountId = input.accountId?.trim() || undefined;
  if (accountId !== undefined && !ACCOUNT_ID_PATTERN.test(accountId)) {
    throw new MskError(
      'invalid-input',
      `'${accountId}' is not an account id: it is the digits-only id in the console.`,
    );
  }
  const ramUser = input.ramUser?.trim() || undefined;
  return {
    regionId: region.id,
    plan: input.plan,
    workspaceId,
    ...(accountId !== undefined && { accountId }),
    ...(ramUser !== undefined && { ramUser }),
  };
}

/** A key stored under a plan its shape does not suggest: allowed (probing decides), but said. */
function planNotices(plans: readonly Plan[], record: KeyRecord): Notice[] {
  if (plans.includes(record.plan)) return [];
  return [
    notice(
      'plan-mismatch',
      `Stored as a ${planName(record.plan)} key, although keys of this shape usually belong to the ${plans.map(planName).join(' or ')}.`,
      { label: record.label, plan: record.plan, usualPlans: plans },
    ),
  ];
}

/** The seed's soft limits, as warnings: Alibaba has raised them before. */
function limitNotices(before: Config, added: KeyRecord): Notice[] {
  const notices: Notice[] = [];
  const sameWorkspace = before.keys.filter(
    (key) =>
      key.regionId === added.regionId &&
      key.workspaceId === added.workspaceId &&
      key.accountId === added.accountId,
  );
  if (sameWorkspace.length + 1 > LIMITS.keysPerWorkspace) {
    notices.push(
      notice(
        'keys-per-workspace',
        `${sameWorkspace.length + 1} keys are now stored for workspace '${added.workspaceId}' in ${regionName(added.regionId)}; Model Studio allows ${LIMITS.keysPerWorkspace} per workspace.`,
        { count: sameWorkspace.length + 1, limit: LIMITS.keysPerWorkspace },
      ),
    );
  }
  if (added.accountId !== undefined) {
    const workspaces = new Set(
      [...before.keys, added]
        .filter((key) => key.accountId === added.accountId)
        .map((key) => `${key.regionId}/${key.workspaceId}`),
    );
    if (workspaces.size > LIMITS.workspacesPerAccount) {
      notices.push(
        notice(
          'workspaces-per-account',
          `Account ${added.accountId} now has keys in ${workspaces.size} workspaces; Model Studio allows ${LIMITS.workspacesPerAccount} per account.`,
          { count: workspaces.size, limit: LIMITS.workspacesPerAccount },
        ),
      );
    }
  }
  return notices;
}
