// Key use cases: inspect (a pasted key, before adding), add (asking Model Studio what the user
// left out), list, rename, make active, move, remove. The CLI, the IPC handlers and the tray call
// these; none of them sequences steps.
import { Checks, type ChecksOptions, type Detection } from '../calls/key-checks.js';
import type { KeyRecord } from '../config/config-schema.js';
import { isMskError } from '../base/errors.js';
import {
  explainShape,
  fingerprintOf,
  maskKey,
  type ParsedKey,
  parseKey,
} from '../model-studio/key-format.js';
import type { Plan } from '../model-studio/catalog.js';
import { type Notice, notice } from '../base/notices.js';
import { planName } from '../model-studio/regions.js';
import type { Services } from '../keys/services.js';
import { useKey } from '../keys/active-key.js';
import type { Added } from '../keys/vault.js';

/** A pasted key before anything is stored: what it is, whether it is stored already, a label for it. */
export interface Inspection extends ParsedKey {
  masked: string;
  /** The stored key with this very secret. */
  duplicate: KeyRecord | null;
  /** A label no key has yet, after the key's shape. */
  suggestedLabel: string;
}

/** What the window's "Add key" asks first: the rules of `addKey`, nothing stored, nobody asked. */
export async function inspectKey(services: Services, input: string): Promise<Inspection> {
  const parsed = parseKey(input);
  return {
    ...parsed,
    masked: maskKey({ shape: parsed.shape, fingerprint: fingerprintOf(parsed.secret) }),
    duplicate: (await services.vault.findBySecret(parsed.secret)) ?? null,
    suggestedLabel: freeLabel(await services.vault.list(), labelStem(parsed)),
    notices: [...parsed.notices, ...planKeyNotices(parsed)],
  };
}

/** Which plan an sk-sp- key belongs to decides its endpoints: why it is asked next. */
function planKeyNotices(parsed: ParsedKey): Notice[] {
  const explanation = explainShape(parsed.shape);
  if (parsed.plans.length < 2 || !explanation) return [];
  const next = 'Which of the two it is, and in which region, is asked of Model Studio next.';
  return [notice('plan-key', `${explanation} ${next}`, { plans: parsed.plans })];
}

/** `coding-plan` for a plan key, else `workspace` or `personal`. */
const labelStem = (parsed: ParsedKey): string =>
  parsed.defaultPlan !== 'payg'
    ? `${parsed.defaultPlan}-plan`
    : parsed.shape === 'workspace'
      ? 'workspace'
      : 'personal';

/** `stem`, else `stem-2`, `stem-3`…: the first that no key has (labels compare case-insensitively). */
export function freeLabel(keys: readonly KeyRecord[], stem: string): string {
  const taken = new Set(keys.map((key) => key.label.toLowerCase()));
  for (let count = 1; ; count++) {
    const label = count === 1 ? stem : `${stem}-${count}`;
    if (!taken.has(label.toLowerCase())) return label;
  }
}

export interface AddKeyInput {
  secret: string;
  label: string;
  /** Left out: asked of Model Studio, and nothing is stored unless some place accepts the key. */
  regionId?: string | undefined;
  /** Left out: the usual plan of the key's shape, asked of Model Studio when the shape allows two. */
  plan?: Plan | undefined;
  workspaceId?: string | undefined;
  accountId?: string | undefined;
  ramUser?: string | undefined;
}

export interface AddKeyOutcome extends Added {
  /** What Model Studio said, when it was asked. */
  detection: Detection | null;
}

export async function addKey(
  services: Services,
  input: AddKeyInput,
  options: { signal?: AbortSignal; checks?: ChecksOptions } = {},
): Promise<AddKeyOutcome> {
  const parsed = parseKey(input.secret);
  const place = await placeOf(services, parsed, input, options);
  const added = await services.vault.add({
    secret: parsed.secret,
    label: input.label,
    regionId: place.regionId,
    plan: place.plan,
    ...(input.workspaceId !== undefined && { workspaceId: input.workspaceId }),
    ...(input.accountId !== undefined && { accountId: input.accountId }),
    ...(input.ramUser !== undefined && { ramUser: input.ramUser }),
  });
  return { ...added, detection: place.detection, notices: [...place.notices, ...added.notices] };
}

/**
 * Where a new key goes. What the user said is taken as is; what they left out is asked. With a
 * region named, the question only chooses between plans, and an unanswered one falls back to
 * the shape's usual plan: the user's word loses nothing.
 */
async function placeOf(
  services: Services,
  parsed: ParsedKey,
  input: AddKeyInput,
  options: { signal?: AbortSignal; checks?: ChecksOptions },
): Promise<{ regionId: string; plan: Plan; detection: Detection | null; notices: Notice[] }> {
  const plan = input.plan ?? (parsed.plans.length === 1 ? parsed.defaultPlan : undefined);
  if (input.regionId !== undefined && plan !== undefined) {
    return { regionId: input.regionId, plan, detection: null, notices: [] };
  }
  try {
    const detection = await new Checks(services, options.checks).detect(
      parsed.secret,
      { regionId: input.regionId, plan: input.plan, workspaceId: input.workspaceId },
      options.signal,
    );
    const notices = detection.detail
      ? [notice('detected-with-remark', detection.detail, { status: detection.status })]
      : [];
    return { regionId: detection.regionId, plan: detection.plan, detection, notices };
  } catch (error) {
    const unanswered = isMskError(error) && (error.code === 'invalid-key' || error.code === 'network');
    if (input.regionId === undefined || !unanswered) throw error;
    const assumed = notice(
      'plan-assumed',
      `Could not tell the key's plan (${error.message}) Storing it as a ${planName(parsed.defaultPlan)} key.`,
      { plan: parsed.defaultPlan },
    );
    return { regionId: input.regionId, plan: parsed.defaultPlan, detection: null, notices: [assumed] };
  }
}

export { type KeyListing, listKeys } from './list-keys.js';

export async function renameKey(
  services: Services,
  reference: string,
  label: string,
): Promise<{ before: KeyRecord; after: KeyRecord }> {
  const before = await services.vault.find(reference);
  return { before, after: await services.vault.rename(before.id, label) };
}

/** Makes a key the active one of its region, and its region the active region. */
export const makeKeyActive = (services: Services, reference: string): Promise<KeyRecord> =>
  useKey(services.config, reference);

export interface Move {
  regionId: string;
  plan?: Plan | undefined;
  workspaceId?: string | undefined;
}

/** Files a key under another region, plan or workspace (after a wrong-region or wrong-plan check). */
export const moveKey = (services: Services, reference: string, move: Move): Promise<KeyRecord> =>
  services.vault.edit(reference, {
    regionId: move.regionId,
    ...(move.plan !== undefined && { plan: move.plan }),
    ...(move.workspaceId !== undefined && { workspaceId: move.workspaceId }),
  });

/** Deletes the key from the keychain and the list; the keychain is asked first (see Vault.remove). */
export const removeKey = (services: Services, reference: string): Promise<KeyRecord> =>
  services.vault.remove(reference);
