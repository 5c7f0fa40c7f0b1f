// Importing keys found lying in dotfiles and tool configs (issue 12): search (read-only), store
// them with the rules of `add`, then, on request, take them out of their files. The CLI, the IPC
// handlers and the window call these; none of them sequences steps.
import os from 'node:os';
import type { ChecksOptions } from '../calls/key-checks.js';
import type { KeyRecord } from '../config/config-schema.js';
import { isMskError, MskError } from '../base/errors.js';
import { maskKey, fingerprintOf } from '../model-studio/key-format.js';
import type { Notice } from '../base/notices.js';
import { requireRegion } from '../model-studio/regions.js';
import type { Services } from '../keys/services.js';
import type { Finding } from '../import/finding.js';
import { KeyScan } from '../import/key-scan.js';
import {
  applyRemoval,
  type FilePlan,
  type FileRemoved,
  planRemovals,
  type PreviewHunk,
} from '../import/removal.js';
import { type DiffLine, hunkLines } from '../import/line-diff.js';
import { type ScanOptions, scanForKeys } from '../import/scan.js';
import { addKey, freeLabel } from './keys.js';

export { KeyScan } from '../import/key-scan.js';
export type { Finding, ScanNote } from '../import/finding.js';

export interface FindKeysOptions extends Omit<ScanOptions, 'home'> {
  /** Default: the user's home directory. */
  home?: string;
}

/**
 * Searches the known places (and the environment and paths given) and tells, for each key found,
 * whether the vault holds it already and which label it would get.
 */
export async function findKeys(services: Services, options: FindKeysOptions = {}): Promise<KeyScan> {
  const { found, notes } = await scanForKeys({ ...options, home: options.home ?? os.homedir() });
  const stored = await services.vault.list();
  const taken: KeyRecord[] = [...stored];
  const labelBySecret = new Map<string, string>();
  const findings: Finding[] = [];
  for (const entry of found) {
    const { secret } = entry.key;
    const holder = await services.vault.findBySecret(secret);
    // The same key in two files gets one label: it is stored once.
    let suggestedLabel = labelBySecret.get(secret);
    if (suggestedLabel === undefined) {
      suggestedLabel = freeLabel(taken, entry.labelStem);
      labelBySecret.set(secret, suggestedLabel);
      taken.push({ label: suggestedLabel } as KeyRecord);
    }
    findings.push({
      id: entry.id,
      file: entry.file,
      kind: entry.kind,
      line: entry.line,
      variable: entry.variable,
      masked: maskKey({ shape: entry.key.shape, fingerprint: fingerprintOf(secret) }),
      shape: entry.key.shape,
      plans: entry.key.plans,
      defaultPlan: entry.key.defaultPlan,
      commented: entry.commented,
      stored: holder ? { keyId: holder.id, label: holder.label } : null,
      suggestedLabel,
      outsideHome: entry.outsideHome,
      removal: entry.removal,
      notRemovable: entry.notRemovable,
    });
  }
  return new KeyScan(findings, notes, found);
}

/** Where imported keys go: one region for all, or each asked of Model Studio (what `msk add` does without a region). */
export type ImportPlacement = { regionId: string } | { detect: true };

export interface ImportOptions {
  /** Labels chosen by the user, by finding id; otherwise each finding's suggested label. */
  labels?: Readonly<Record<string, string>>;
  signal?: AbortSignal;
  checks?: ChecksOptions;
  /** After each key: how many of the keys chosen (a key found twice counts once) are done. */
  onProgress?(progress: { done: number; total: number }): void;
}

/** One key (found in one place or several) and what became of it. */
export interface ImportedKey {
  /** Every finding holding this key: a key in two files is stored once. */
  findingIds: string[];
  masked: string;
  outcome: 'stored' | 'already-stored' | 'failed';
  /** The stored key (new or the one already there); null when it failed. */
  record: KeyRecord | null;
  /** The key became the active key of its region. */
  active: boolean;
  notices: Notice[];
  error: { code: string; message: string } | null;
}

/** Errors that concern one key: it is reported and the others go on. A locked keychain stops all. */
const KEY_LOCAL_ERRORS = new Set<string>([
  'invalid-key',
  'temporary-key',
  'duplicate-key',
  'duplicate-label',
  'invalid-input',
  'network',
  'timeout',
  'service-refused',
  'plan-unavailable',
  'plan-unsupported',
  'workspace-required',
  'region-required',
]);

/**
 * Stores the chosen findings with the rules of `add`. Left without a placement it does what
 * `msk add` does without --region: asks Model Studio where each key belongs.
 */
export async function importFindings(
  services: Services,
  scan: KeyScan,
  ids: readonly string[] | 'all',
  placement: ImportPlacement = { detect: true },
  options: ImportOptions = {},
): Promise<ImportedKey[]> {
  // A misspelt region fails the whole import before anything is stored.
  const regionId = 'regionId' in placement ? requireRegion(placement.regionId).id : undefined;
  const groups = new Map<string, Finding[]>();
  for (const finding of scan.select(ids)) {
    const secret = scan.secretOf(finding.id);
    groups.set(secret, [...(groups.get(secret) ?? []), finding]);
  }
  const outcomes: ImportedKey[] = [];
  const report = (outcome: ImportedKey) => {
    outcomes.push(outcome);
    options.onProgress?.({ done: outcomes.length, total: groups.size });
  };
  for (const [secret, findings] of groups) {
    options.signal?.throwIfAborted();
    const first = findings[0] as Finding;
    const base = { findingIds: findings.map((finding) => finding.id), masked: first.masked };
    const holder = await services.vault.findBySecret(secret);
    if (holder) {
      report({
        ...base,
        outcome: 'already-stored',
        record: holder,
        active: false,
        notices: [],
        error: null,
      });
      continue;
    }
    const chosen = findings
      .map((finding) => options.labels?.[finding.id])
      .find((label) => label !== undefined);
    // The suggestion was free at search time; another key may have taken it since.
    const label = chosen ?? freeLabel(await services.vault.list(), first.suggestedLabel);
    try {
      const added = await addKey(
        services,
        { secret, label, regionId },
        { signal: options.signal, checks: options.checks },
      );
      report({
        ...base,
        outcome: 'stored',
        record: added.record,
        active: added.active,
        notices: added.notices,
        error: null,
      });
    } catch (error) {
      if (!(isMskError(error) && KEY_LOCAL_ERRORS.has(error.code))) throw error;
      report({
        ...base,
        outcome: 'failed',
        record: null,
        active: false,
        notices: [],
        error: { code: error.code, message: error.message },
      });
    }
  }
  return outcomes;
}

export interface RemovalOptions {
  /** Edit files reached through a symlink out of HOME too (refused otherwise). */
  allowOutsideHome?: boolean;
  now?: Date;
}

/** What removing would change, per file, keys masked: what the CLI shows before it asks. */
export interface RemovalPreview {
  file: string;
  target: string;
  action: 'edit' | 'move';
  findingIds: string[];
  /** As they are and as they will be (keys masked), and the same as diff lines. */
  hunks: (PreviewHunk & { lines: DiffLine[] })[];
}

export async function previewRemoval(
  services: Services,
  scan: KeyScan,
  ids: readonly string[] | 'all',
  options: RemovalOptions = {},
): Promise<RemovalPreview[]> {
  return (await plansFor(services, scan, ids, options)).map(publicPlan);
}

/**
 * Takes the chosen keys out of their files, each already stored in the vault (checked again
 * here: a key is never removed from the only place that holds it). One backup per file.
 */
export async function removeFromFiles(
  services: Services,
  scan: KeyScan,
  ids: readonly string[] | 'all',
  options: RemovalOptions = {},
): Promise<FileRemoved[]> {
  const plans = await plansFor(services, scan, ids, options);
  const removed: FileRemoved[] = [];
  for (const plan of plans) removed.push(await applyRemoval(plan, options.now));
  return removed;
}

async function plansFor(
  services: Services,
  scan: KeyScan,
  ids: readonly string[] | 'all',
  options: RemovalOptions,
): Promise<FilePlan[]> {
  // 'all' means every removable finding; named ids that cannot be removed are refused.
  const chosen = scan.select(ids).filter((finding) => ids !== 'all' || finding.removal !== null);
  const removals = [];
  for (const finding of chosen) {
    if (finding.outsideHome && !options.allowOutsideHome) {
      throw new MskError(
        'invalid-input',
        `${finding.file} is reached through a symlink that leads out of your home directory; it is left alone unless you ask for it explicitly.`,
        { id: finding.id, file: finding.file },
      );
    }
    const holder = await services.vault.findBySecret(scan.secretOf(finding.id));
    if (!holder) {
      throw new MskError(
        'invalid-input',
        `The key ${finding.masked} in ${finding.file ?? 'the environment'} is not stored yet: import it before removing it from the file.`,
        { id: finding.id },
      );
    }
    removals.push({ found: scan.detailsOf(finding.id), label: holder.label });
  }
  return planRemovals(removals);
}

const publicPlan = (plan: FilePlan): RemovalPreview => ({
  file: plan.file,
  target: plan.target,
  action: plan.action,
  findingIds: plan.findingIds,
  hunks: plan.hunks.map((hunk) => ({ ...hunk, lines: hunkLines(hunk.before, hunk.after) })),
});
