// Looking for Model Studio keys where they are known to lie, and in files and directories the
// user names. Read-only. The result carries each secret beside its finding; key-scan.ts keeps
// them apart before anything leaves the core.
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ParsedKey } from '../model-studio/key-format.js';
import { type Assignment, type AssignmentSyntax, parseAssignment } from './assignment-line.js';
import { candidateKey } from './candidate-key.js';
import { findingId, type RemovalKind, type ScanNote } from './finding.js';
import { parseJsonDocument, lineOfOffset, JsonSyntaxError } from './json-document.js';
import { formatJsonPath, jsonKeyLocations } from './json-key-paths.js';
import { holdsModelStudioKey } from './key-variables.js';
import { type FileKind, isProjectEnvName, knownPlaces, namedPlace, type Place } from './known-places.js';
import { asUtf8, textLines } from './text-lines.js';

export const SCAN_LIMITS = {
  /** Start-up files and settings are a few kilobytes; a bigger file is not one of them. */
  maxFileBytes: 1024 * 1024,
  /** How deep a named directory is searched for .env files. */
  maxDepth: 6,
  /** Directory entries looked at per named directory before the walk stops (and says so). */
  maxEntries: 5000,
} as const;

/** Never descended into: dependencies and history hold no project's own .env files. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface ScanOptions {
  home: string;
  platform?: NodeJS.Platform;
  /** The environment to look at (the current one, by the caller's choice); none when left out. */
  environment?: Readonly<Record<string, string | undefined>>;
  /** Look in the known places (default true). */
  knownPlaces?: boolean;
  /** Files and directories the user names (directories: their .env and .env.* files). */
  paths?: readonly string[];
  limits?: Partial<Record<keyof typeof SCAN_LIMITS, number>>;
}

/** A finding before the vault is asked about it: with its secret, and what removal needs. */
export interface FoundKey {
  id: string;
  file: string | null;
  /** The file a removal edits: the symlink's target when `file` is one. */
  realFile: string | null;
  kind: FileKind | 'environment';
  line: number | null;
  variable: string;
  key: ParsedKey;
  commented: boolean;
  outsideHome: boolean;
  labelStem: string;
  /** How the line was written, for the comment that replaces it. */
  syntax: AssignmentSyntax | null;
  removal: RemovalKind | null;
  notRemovable: string | null;
}

export interface RawScan {
  found: FoundKey[];
  notes: ScanNote[];
}

export async function scanForKeys(options: ScanOptions): Promise<RawScan> {
  const limits = { ...SCAN_LIMITS, ...options.limits };
  const realHome = await realpath(options.home).catch(() => path.resolve(options.home));
  const found: FoundKey[] = [];
  const notes: ScanNote[] = [];
  const seen = new Set<string>();
  const scanPlace = async (place: Place, reportMissing: boolean) => {
    const result = await scanFile(place, realHome, limits.maxFileBytes, seen);
    if (result.note && (reportMissing || result.note.reason !== 'not-found')) notes.push(result.note);
    found.push(...result.found);
  };

  if (options.environment) found.push(...scanEnvironment(options.environment));
  if (options.knownPlaces ?? true) {
    for (const place of knownPlaces(options.home, options.platform ?? process.platform))
      await scanPlace(place, false);
  }
  for (const named of options.paths ?? []) {
    const absolute = path.resolve(named);
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isDirectory()) {
      const walk = await dotenvFilesUnder(absolute, limits.maxDepth, limits.maxEntries);
      notes.push(...walk.notes);
      for (const file of walk.files) await scanPlace(namedPlace(file), true);
    } else {
      await scanPlace(namedPlace(absolute), true);
    }
  }
  return { found, notes };
}

/** The process environment is one place: a borrowed variable counts when its base URL there is Model Studio. */
function scanEnvironment(environment: Readonly<Record<string, string | undefined>>): FoundKey[] {
  const found: FoundKey[] = [];
  for (const [variable, value] of Object.entries(environment)) {
    if (value === undefined || !holdsModelStudioKey(variable, (name) => environment[name])) continue;
    const key = candidateKey(value);
    if (!key) continue;
    found.push({
      id: findingId('environment', variable, value),
      file: null,
      realFile: null,
      kind: 'environment',
      line: null,
      variable,
      key,
      commented: false,
      outsideHome: false,
      labelStem: `env-${variable}`,
      syntax: null,
      removal: null,
      notRemovable:
        'It comes from the environment this program was started with: remove it where that environment is set (a start-up file, a launcher, the system settings).',
    });
  }
  return found;
}

interface FileScan {
  found: FoundKey[];
  note?: ScanNote;
}

async function scanFile(
  place: Place,
  realHome: string,
  maxBytes: number,
  seen: Set<string>,
): Promise<FileScan> {
  const { file } = place;
  const real = await realpath(file).catch(() => undefined);
  if (real === undefined) {
    return { found: [], note: { file, reason: 'not-found', message: `${file} does not exist.` } };
  }
  if (seen.has(real)) return { found: [] };
  seen.add(real);
  const info = await stat(real).catch(() => undefined);
  if (!info?.isFile()) {
    return { found: [], note: { file, reason: 'not-a-file', message: `${file} is not a regular file.` } };
  }
  if (info.size > maxBytes) {
    return {
      found: [],
      note: {
        file,
        reason: 'too-large',
        message: `${file} was not read: it is ${info.size} bytes, more than the ${maxBytes} a settings or start-up file has.`,
      },
    };
  }
  let content: Buffer;
  try {
    content = asUtf8(await readFile(real)).utf8;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return {
      found: [],
      note: { file, reason: 'unreadable', message: `${file} could not be read (${code}).` },
    };
  }
  // A symlink the user (or a dotfile manager) made is fine inside HOME; out of it, it is flagged.
  const outsideHome = real !== path.resolve(file) && !isInside(real, realHome);
  const located = { file, realFile: real, outsideHome, labelStem: place.labelStem };
  if (place.kind === 'key-file') return { found: keyFileFindings(content, located) };
  if (place.kind === 'json') return jsonFindings(content, located);
  return { found: lineFindings(content, place.kind, located) };
}

interface Located {
  file: string;
  realFile: string;
  outsideHome: boolean;
  labelStem: string;
}

/** ~/.dashscope/api_key: the DashScope SDK reads the whole file as the key. */
function keyFileFindings(content: Buffer, located: Located): FoundKey[] {
  const text = content.toString('utf8');
  const key = candidateKey(text.trim());
  if (!key) return [];
  return [
    {
      ...located,
      id: findingId(located.file, null, text),
      kind: 'key-file',
      line: null,
      variable: '(whole file)',
      key,
      commented: false,
      syntax: null,
      removal: 'move-file',
      notRemovable: null,
    },
  ];
}

function lineFindings(content: Buffer, kind: FileKind, located: Located): FoundKey[] {
  const lines = textLines(content);
  const assignments = lines.map((line) => ({ line, assignment: parseAssignment(line.text) }));
  // The base-URL variable in effect wins over a commented-out one; the last assignment wins.
  const valueOf = (variable: string): string | undefined => {
    const candidates = assignments.filter(
      ({ assignment }) => assignment?.variable === variable && assignment.value !== null,
    );
    const pick = candidates.findLast(({ assignment }) => !assignment?.commented) ?? candidates.at(-1);
    return pick?.assignment?.value ?? undefined;
  };
  const found: FoundKey[] = [];
  for (const { line, assignment } of assignments) {
    if (!assignment?.value || !holdsModelStudioKey(assignment.variable, valueOf)) continue;
    const key = candidateKey(assignment.value);
    if (!key) continue;
    found.push({
      ...located,
      id: lineFindingId(located.file, line.number, line.text),
      kind,
      line: line.number,
      variable: assignment.variable,
      key,
      commented: assignment.commented,
      syntax: assignment.syntax,
      ...lineRemoval(assignment),
    });
  }
  return found;
}

export const lineFindingId = (file: string, line: number, text: string): string =>
  findingId(file, line, text);

function lineRemoval(assignment: Assignment): Pick<FoundKey, 'removal' | 'notRemovable'> {
  return assignment.trailing
    ? {
        removal: null,
        notRemovable: 'Other commands share its line; edit the line by hand so they are kept.',
      }
    : { removal: 'replace-line', notRemovable: null };
}

function jsonFindings(content: Buffer, located: Located): FileScan {
  const text = content.toString('utf8');
  let root;
  try {
    root = parseJsonDocument(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const line = lineOfOffset(text, error.offset);
    return {
      found: [],
      note: {
        file: located.file,
        reason: 'not-json',
        message: `${located.file} is not valid JSON (line ${line}: ${error.message}).`,
      },
    };
  }
  const lines = text.split('\n');
  const found: FoundKey[] = [];
  for (const location of jsonKeyLocations(root)) {
    const key = candidateKey(location.value.value);
    if (!key) continue;
    const line = lineOfOffset(text, location.value.start);
    const variable = formatJsonPath(location.path);
    found.push({
      ...located,
      id: jsonFindingId(located.file, line, lines[line - 1] ?? '', variable),
      kind: 'json',
      line,
      variable,
      key,
      commented: false,
      syntax: null,
      removal: 'delete-property',
      notRemovable: null,
    });
  }
  return { found };
}

export const jsonFindingId = (file: string, line: number, text: string, jsonPath: string): string =>
  findingId(file, line, text.replace(/\r$/, ''), jsonPath);

/** .env and .env.* files below `root`, breadth first, within the limits; symlinked directories are not entered. */
async function dotenvFilesUnder(
  root: string,
  maxDepth: number,
  maxEntries: number,
): Promise<{ files: string[]; notes: ScanNote[] }> {
  const files: string[] = [];
  const notes: ScanNote[] = [];
  let entries = 0;
  let level = [root];
  for (let depth = 0; depth <= maxDepth && level.length > 0; depth++) {
    const next: string[] = [];
    for (const directory of level) {
      const children = await readdir(directory, { withFileTypes: true }).catch(() => []);
      for (const child of children.sort((a, b) => a.name.localeCompare(b.name))) {
        if (++entries > maxEntries) {
          notes.push({
            file: root,
            reason: 'limit-reached',
            message: `Stopped searching ${root} after ${maxEntries} entries; name a smaller directory to search the rest.`,
          });
          return { files, notes };
        }
        const full = path.join(directory, child.name);
        if (child.isDirectory()) {
          if (!SKIPPED_DIRECTORIES.has(child.name)) next.push(full);
        } else if (child.isSymbolicLink()) {
          const target = await stat(full).catch(() => undefined);
          if (target?.isDirectory()) {
            notes.push({
              file: full,
              reason: 'symlinked-directory',
              message: `${full} is a symlink to a directory; it was not followed.`,
            });
          } else if (target?.isFile() && isProjectEnvName(child.name)) files.push(full);
        } else if (child.isFile() && isProjectEnvName(child.name)) {
          files.push(full);
        }
      }
    }
    level = next;
  }
  if (level.length > 0) {
    notes.push({
      file: root,
      reason: 'limit-reached',
      message: `Searched ${root} ${maxDepth} directories deep; name a deeper directory to search below that.`,
    });
  }
  return { files, notes };
}

const isInside = (file: string, directory: string): boolean => {
  const relative = path.relative(directory, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
};
