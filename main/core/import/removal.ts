// Taking found keys out of their files once they are in the keychain: the key's line becomes a
// comment saying where it went, a JSON property is cut out, the SDK's key file is moved aside.
// Every other byte stays as it was; a timestamped 0600 backup is kept beside the file; a file
// that changed since the search is refused with nothing written.
import { chmod, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MskError } from '../base/errors.js';
import { maskKey, fingerprintOf, redactKeys } from '../model-studio/key-format.js';
import { parseAssignment } from './assignment-line.js';
import { candidateKey } from './candidate-key.js';
import { findingId } from './finding.js';
import { lineOfOffset, parseJsonDocument, withoutMember } from './json-document.js';
import { formatJsonPath, jsonKeyLocations } from './json-key-paths.js';
import { commentFlavour, movedComment } from './moved-comment.js';
import { type FoundKey, jsonFindingId, lineFindingId } from './scan.js';
import { asUtf8, fromUtf8, replaceLine, textLines } from './text-lines.js';

/** One key to take out, with the label it is stored under (named in the comment left behind). */
export interface Removal {
  found: FoundKey;
  label: string;
}

export interface PreviewHunk {
  /** 1-based line of `before[0]` in the file as it is. */
  line: number;
  /** Lines as they are and as they will be, keys masked; a few unchanged lines around them. */
  before: string[];
  after: string[];
}

export interface FilePlan {
  /** The file as searched, and the file written (the symlink's target). */
  file: string;
  target: string;
  action: 'edit' | 'move';
  findingIds: string[];
  hunks: PreviewHunk[];
  /** The bytes checked against the search; applying refuses if the file no longer has them. */
  original: Buffer;
  updated: Buffer | null;
}

export interface FileRemoved {
  file: string;
  target: string;
  action: 'edit' | 'move';
  findingIds: string[];
  backup: string;
}

const CONTEXT_LINES = 2;

/** Reads each file once, checks every finding still stands where the search saw it, and computes the result. */
export async function planRemovals(removals: readonly Removal[]): Promise<FilePlan[]> {
  const byFile = new Map<string, Removal[]>();
  for (const removal of removals) {
    const { found } = removal;
    if (found.removal === null || found.realFile === null || found.file === null) {
      throw new MskError(
        'invalid-input',
        `The key in ${found.file ?? 'the environment'} cannot be removed: ${found.notRemovable ?? 'it is not in a file'}`,
        {
          id: found.id,
        },
      );
    }
    byFile.set(found.realFile, [...(byFile.get(found.realFile) ?? []), removal]);
  }
  const plans: FilePlan[] = [];
  for (const [target, group] of byFile) plans.push(await planFile(target, group));
  return plans;
}

async function planFile(target: string, group: Removal[]): Promise<FilePlan> {
  const first = group[0] as Removal;
  const file = first.found.file as string;
  const original = await readFile(target).catch((error: NodeJS.ErrnoException) => {
    throw changed(file, `it can no longer be read (${error.code ?? 'error'})`);
  });
  const base = { file, target, findingIds: group.map((removal) => removal.found.id), original };
  // Worked on as UTF-8, written back in the file's own encoding (text-lines.ts).
  const { utf8, encoding } = asUtf8(original);
  const secrets = group.map(({ found }) => ({
    secret: found.key.secret,
    masked: maskKey({ shape: found.key.shape, fingerprint: fingerprintOf(found.key.secret) }),
  }));
  if (first.found.removal === 'move-file') {
    if (findingId(file, null, utf8.toString('utf8')) !== first.found.id)
      throw changed(file, 'its content is not what was searched');
    const lines = utf8.toString('utf8').split(/\r?\n/);
    return {
      ...base,
      action: 'move',
      updated: null,
      hunks: [{ line: 1, before: mask(lines, secrets), after: [] }],
    };
  }
  const updated =
    first.found.removal === 'delete-property'
      ? withoutProperties(utf8, group)
      : withCommentLines(utf8, group);
  return {
    ...base,
    action: 'edit',
    updated: fromUtf8(updated, encoding),
    hunks: previewHunks(utf8, updated, secrets),
  };
}

function withCommentLines(original: Buffer, group: Removal[]): Buffer {
  const lines = textLines(original);
  let updated = original;
  // From the bottom up, so the byte offsets of the lines still to replace stay valid.
  for (const { found, label } of [...group].sort((a, b) => (b.found.line ?? 0) - (a.found.line ?? 0))) {
    const line = lines[(found.line ?? 0) - 1];
    const file = found.file as string;
    if (!line || lineFindingId(file, line.number, line.text) !== found.id) {
      throw changed(file, `line ${found.line} is not what was searched`);
    }
    const assignment = parseAssignment(line.text);
    if (!assignment?.value || candidateKey(assignment.value)?.secret !== found.key.secret) {
      throw changed(file, `line ${found.line} no longer holds the key`);
    }
    const indent = /^\s*/.exec(line.text)?.[0] ?? '';
    const kind = found.kind === 'environment' ? 'shell' : found.kind;
    const flavour = commentFlavour(kind, found.syntax);
    // An indented line may be the only command of an if/function body, and bash refuses an empty
    // body: the null command `:` keeps it a command. fish and PowerShell accept empty blocks.
    const keepCommand = flavour === 'posix' && indent !== '' && !found.commented ? ': ' : '';
    updated = replaceLine(updated, line, indent + keepCommand + movedComment(label, flavour));
  }
  return updated;
}

function withoutProperties(original: Buffer, group: Removal[]): Buffer {
  let text = original.toString('utf8');
  const originalLines = text.split('\n');
  // Every id is checked against the file as searched, before any property is cut.
  const root = parseJsonDocument(text);
  for (const { found } of group) {
    const file = found.file as string;
    const location = jsonKeyLocations(root).find(
      (candidate) => formatJsonPath(candidate.path) === found.variable,
    );
    const line = location ? lineOfOffset(text, location.value.start) : 0;
    if (!location || jsonFindingId(file, line, originalLines[line - 1] ?? '', found.variable) !== found.id) {
      throw changed(file, `${found.variable} is not what was searched`);
    }
  }
  // Then cut one at a time, finding each again: a cut moves everything after it.
  for (const { found } of group) {
    const location = jsonKeyLocations(parseJsonDocument(text)).find(
      (candidate) =>
        formatJsonPath(candidate.path) === found.variable && candidate.value.value === found.key.secret,
    );
    if (!location) throw changed(found.file as string, `${found.variable} no longer holds the key`);
    text = withoutMember(text, location.holder, location.index);
  }
  return Buffer.from(text, 'utf8');
}

/** Backs the file up (0600, beside it), then writes the result atomically with the file's own mode. */
export async function applyRemoval(plan: FilePlan, now: Date = new Date()): Promise<FileRemoved> {
  const current = await readFile(plan.target).catch(() => undefined);
  if (!current?.equals(plan.original)) throw changed(plan.file, 'it was modified after the preview');
  const backup = await freeBackupName(plan.target, now);
  const result = {
    file: plan.file,
    target: plan.target,
    action: plan.action,
    findingIds: plan.findingIds,
    backup,
  };
  if (plan.action === 'move') {
    await rename(plan.target, backup);
    await chmod(backup, 0o600);
    return result;
  }
  const { mode } = await stat(plan.target);
  await writeFile(backup, plan.original, { mode: 0o600, flag: 'wx' });
  // Bytes, not text: a line edit keeps even bytes that are not UTF-8 exactly as they were.
  // write-file-atomic keeps the file's owner too (a removal run with sudo leaves it the user's).
  const { default: writeAtomically } = await import('write-file-atomic');
  await writeAtomically(plan.target, plan.updated as Buffer, { mode: mode & 0o7777 });
  return result;
}

/** `.bashrc.msk-backup-20261128T013000Z`, with `-2`, `-3`… when that name is taken. */
export function backupName(target: string, now: Date, attempt = 1): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${target}.msk-backup-${stamp}${attempt > 1 ? `-${attempt}` : ''}`;
}

export async function freeBackupName(target: string, now: Date): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const name = backupName(target, now, attempt);
    if (!(await stat(name).catch(() => undefined))) return name;
  }
}

/** The changed lines with a little context, as one hunk (edits are local, the files small). */
function previewHunks(original: Buffer, updated: Buffer, secrets: readonly MaskedSecret[]): PreviewHunk[] {
  const before = original.toString('utf8').split('\n');
  const after = updated.toString('utf8').split('\n');
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head += 1;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  ) {
    tail += 1;
  }
  if (head === before.length && head === after.length) return [];
  const from = Math.max(0, head - CONTEXT_LINES);
  const strip = (lines: string[]) =>
    mask(
      lines.map((line) => line.replace(/\r$/, '')),
      secrets,
    );
  return [
    {
      line: from + 1,
      before: strip(before.slice(from, Math.min(before.length, before.length - tail + CONTEXT_LINES))),
      after: strip(after.slice(from, Math.min(after.length, after.length - tail + CONTEXT_LINES))),
    },
  ];
}

interface MaskedSecret {
  secret: string;
  masked: string;
}

/**
 * A preview is shown (a terminal, the window): every secret in it masked. Not only the keys being
 * removed — the lines around them may hold other keys, or another service's tokens: anything
 * key-shaped, and any long run of letters and digits mixing lower case and digits, is masked too.
 */
const mask = (lines: readonly string[], secrets: readonly MaskedSecret[]): string[] =>
  lines.map((line) =>
    maskTokens(
      redactKeys(secrets.reduce((text, { secret, masked }) => text.replaceAll(secret, masked), line)),
    ),
  );

const TOKEN_LIKE = /[A-Za-z0-9_+/-]{20,}={0,2}/g;
const maskTokens = (line: string): string =>
  line.replace(TOKEN_LIKE, (token) =>
    /[a-z]/.test(token) && /\d/.test(token) ? `${token.slice(0, 3)}…${token.slice(-4)}` : token,
  );

const changed = (file: string, why: string): MskError =>
  new MskError(
    'invalid-input',
    `${path.basename(file)} changed since it was searched (${why}): search again before removing keys from it.`,
    {
      file,
    },
  );
