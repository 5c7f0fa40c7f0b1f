// msk import: keys found lying in dotfiles, .env files and tools' settings, listed, stored in the
// keychain, and on request taken out of their files (issue 12).
import path from 'node:path';
import { type Command, Option } from 'commander';
import type { Finding, ImportedKey, KeyScan, RemovalPreview } from '../../core/actions/import.js';
import type { Services } from '../../core/keys/services.js';
import { MskError } from '../../core/base/errors.js';
import { maskKey } from '../../core/model-studio/key-format.js';
import { planName, regionName, requireRegion } from '../../core/model-studio/regions.js';
import { core } from '../context.js';
import { tildePath } from '../../core/platform/tilde-path.js';
import { print, printJson, say, table, warn, warnAll } from '../output.js';
import { confirm } from '../read-secret.js';

// What the command does is loaded when it runs: `msk --help` needs only its definition.
const importActions = () => import('../../core/actions/import.js');

interface ImportOptions {
  scan?: boolean;
  json?: boolean;
  path?: string[];
  all?: boolean;
  region?: string;
  detect?: boolean;
  removeFromFile?: boolean;
  yes?: boolean;
  allowOutsideHome?: boolean;
}

const EXAMPLES = `
Examples:
  msk import --scan                     list the keys found (read-only)
  msk import --scan --path ~/code       also search ~/code's .env and .envrc files
  msk import 3f9c0e1a2b4d5c6e --region sg
  msk import --all --path ~/code --remove-from-file

Ids come from a search of the same places: give an import the --path options its --scan had.
A file changed since the search gets new ids; its old ones are refused (search again).`;

export function registerImportCommands(program: Command): void {
  program
    .command('import')
    .description(
      'find Model Studio keys lying in shell start-up files, .env files and tool settings; store them in the keychain and, on request, take them out of the files',
    )
    .argument(
      '[ids...]',
      "the keys to store, by the ids 'msk import --scan' lists; with --scan: files or directories to search too",
    )
    .addOption(
      new Option('--scan', 'only search, and list what is found (changes nothing)').conflicts([
        'all',
        'region',
        'detect',
        'removeFromFile',
        'yes',
        'allowOutsideHome',
      ]),
    )
    .option('--json', 'with --scan: print {findings, notes} as JSON (masked keys only)')
    .option(
      '--path <file-or-dir>',
      'search this file too, or the .env and .envrc files under this directory; repeatable',
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option('-a, --all', 'store every key found')
    .addOption(
      new Option(
        '-r, --region <region>',
        'store the keys in this region (sg, us, cn, hk, jp, de or a region id)',
      ).conflicts('detect'),
    )
    .option('--detect', "ask Model Studio each key's region and plan (the default without --region)")
    .option(
      '--remove-from-file',
      'then take the stored keys out of their files: the change is shown, then asked; a 0600 backup is kept beside each file',
    )
    .option('-y, --yes', 'with --remove-from-file: do not ask (required when stdin is not a terminal)')
    .option(
      '--allow-outside-home',
      'with --remove-from-file: also edit files reached through a symlink leading out of your home directory',
    )
    .addHelpText('after', EXAMPLES)
    .action(async (ids: string[], options: ImportOptions, command: Command) => {
      const usage = usageError(ids, options);
      if (usage) command.error(usage);
      if (options.scan) return listFindings([...(options.path ?? []), ...ids], options.json ?? false);
      // A misspelt region is said before anything is searched or asked.
      const regionId = options.region === undefined ? undefined : requireRegion(options.region).id;
      // Refused before anything is stored: a script cannot answer the question.
      if (options.removeFromFile && !options.yes && !process.stdin.isTTY) {
        throw new MskError(
          'invalid-input',
          'Refusing to edit files without confirmation: pass --yes (stdin is not a terminal). Nothing was stored or changed.',
        );
      }
      await importKeys(ids.length > 0 ? ids : 'all', regionId, options);
    });
}

/** What commander cannot say by itself about how the options go together. */
function usageError(ids: readonly string[], options: ImportOptions): string | undefined {
  if (options.scan) return undefined;
  if (options.json) return "--json goes with --scan; 'msk import --scan --json' lists what is found.";
  if (options.all && ids.length > 0) return 'name the keys to import or pass --all, not both.';
  if (!options.all && ids.length === 0) {
    return "name the keys to import (the ids 'msk import --scan' lists) or pass --all.";
  }
  if (!options.removeFromFile && (options.yes || options.allowOutsideHome)) {
    return `${options.yes ? '--yes' : '--allow-outside-home'} goes with --remove-from-file.`;
  }
  return undefined;
}

async function search(paths: readonly string[]): Promise<{ services: Services; scan: KeyScan }> {
  const [{ findKeys }, services] = await Promise.all([importActions(), core()]);
  const scan = await findKeys(services, { environment: process.env, paths });
  return { services, scan };
}

async function listFindings(paths: readonly string[], json: boolean): Promise<void> {
  const { scan } = await search(paths);
  if (json) return printJson(scan);
  if (scan.findings.length === 0) {
    say(
      'No Model Studio key was found in the usual places' + (paths.length > 0 ? ' or the paths named.' : '.'),
    );
  } else {
    print(
      table(
        ['ID', 'KEY', 'WHERE', 'VARIABLE', 'STATE', 'LABEL'],
        scan.findings.map((finding) => [
          finding.id,
          finding.masked,
          whereOf(finding),
          finding.variable,
          stateOf(finding),
          finding.stored ? '-' : finding.suggestedLabel,
        ]),
      ),
    );
  }
  for (const note of scan.notes) warn(note.message);
  if (scan.findings.some((finding) => !finding.stored)) {
    const again = paths.map((named) => ` --path ${shellWord(path.resolve(named))}`).join('');
    say(
      `To store them: msk import <id…>|--all${again} [--region <region>] (without it, Model Studio is asked).`,
    );
  }
}

async function importKeys(
  ids: readonly string[] | 'all',
  regionId: string | undefined,
  options: ImportOptions,
): Promise<void> {
  const { services, scan } = await search(options.path ?? []);
  // Named ids that are not found are refused by the core ("search again").
  if (ids === 'all' && scan.findings.length === 0) {
    return say('No Model Studio key was found to import; nothing was stored.');
  }
  const { importFindings } = await importActions();
  const outcomes = await importFindings(
    services,
    scan,
    ids,
    regionId === undefined ? { detect: true } : { regionId },
  );
  for (const outcome of outcomes) reportOutcome(outcome, scan);
  say(summary(outcomes));
  if (outcomes.some((outcome) => outcome.outcome === 'failed')) process.exitCode = 1;
  if (options.removeFromFile) await removeStoredKeys(services, scan, outcomes, options);
}

function reportOutcome(outcome: ImportedKey, scan: KeyScan): void {
  const from = outcome.findingIds.map((id) => whereOf(scan.finding(id))).join(', ');
  const { record } = outcome;
  if (outcome.outcome === 'failed') {
    return say(`Not imported: ${outcome.masked} from ${from}: ${outcome.error?.message ?? 'failed'}`);
  }
  if (!record) return;
  if (outcome.outcome === 'already-stored') {
    return say(`Skipped ${outcome.masked} from ${from}: already stored as '${record.label}'.`);
  }
  warnAll(outcome.notices);
  say(
    `Stored '${record.label}' (${maskKey(record)}) for ${regionName(record.regionId)} (${planName(record.plan)}), from ${from}.` +
      (outcome.active ? ' It is the active key there.' : ''),
  );
}

function summary(outcomes: readonly ImportedKey[]): string {
  const tally = (kind: ImportedKey['outcome']) =>
    outcomes.filter((outcome) => outcome.outcome === kind).length;
  const parts = [`Imported ${count(tally('stored'), 'key')}`];
  if (tally('already-stored') > 0) parts.push(`${tally('already-stored')} already stored`);
  if (tally('failed') > 0) parts.push(`${tally('failed')} failed`);
  return `${parts.join('; ')}.`;
}

/** Shows what leaves which file, asks, then edits: only keys the keychain now holds. */
async function removeStoredKeys(
  services: Services,
  scan: KeyScan,
  outcomes: readonly ImportedKey[],
  options: ImportOptions,
): Promise<void> {
  const held = outcomes
    .filter((outcome) => outcome.outcome !== 'failed')
    .flatMap((outcome) => outcome.findingIds.map((id) => scan.finding(id)));
  const removable: string[] = [];
  for (const finding of held) {
    const reason = keptBecause(finding, options.allowOutsideHome ?? false);
    if (reason) say(`Left in place: ${finding.masked} in ${whereOf(finding)}: ${reason}`);
    else removable.push(finding.id);
  }
  const failed = outcomes.filter((outcome) => outcome.outcome === 'failed').length;
  if (failed > 0) say(`Keys not imported stay in their files.`);
  if (removable.length === 0) return say('No file to change.');

  const { previewRemoval, removeFromFiles } = await importActions();
  const removal = { allowOutsideHome: options.allowOutsideHome ?? false };
  const previews = await previewRemoval(services, scan, removable, removal);
  print(previews.map(unifiedDiff).join('\n'));
  if (!options.yes) {
    const question = `Change ${count(previews.length, 'file')} as shown? A backup of each is kept beside it.`;
    const cancelled = 'Cancelled; no file was changed (the keys are stored).';
    if (!(await confirm(question, cancelled))) {
      return say(
        "No file was changed; the keys are stored. 'msk import --remove-from-file' takes them out later.",
      );
    }
  }
  const changed = await removeFromFiles(services, scan, removable, removal);
  for (const { action, file, backup } of changed) {
    say(
      action === 'move'
        ? `Moved ${tildePath(file)} aside to ${tildePath(backup)}.`
        : `Took the key out of ${tildePath(file)} (backup: ${tildePath(backup)}).`,
    );
  }
  // The backups are the files as they were: the keys are still in them.
  if (changed.length > 0)
    say('The backups still hold the keys: delete them once you have checked the change.');
}

/** Why a stored key stays where it is, or null when it can be taken out. */
function keptBecause(finding: Finding, allowOutsideHome: boolean): string | null {
  if (finding.removal === null) return finding.notRemovable ?? 'it is not in a file msk edits.';
  if (finding.outsideHome && !allowOutsideHome) {
    return 'the file is reached through a symlink leading out of your home directory; pass --allow-outside-home to edit it.';
  }
  return null;
}

/** A file's change as a unified diff, keys masked (the core masks every line it hands out). */
function unifiedDiff(preview: RemovalPreview): string {
  const file = tildePath(preview.file);
  const header = [`--- ${file}`];
  if (preview.target !== preview.file) header.push(`    (a symlink to ${tildePath(preview.target)})`);
  header.push(
    preview.action === 'move' ? '+++ (moved aside to a backup: the whole file is the key)' : `+++ ${file}`,
  );
  const hunks = preview.hunks.flatMap(({ line, lines }) => {
    const old = lines.filter(({ mark }) => mark !== '+').length;
    const now = lines.filter(({ mark }) => mark !== '-').length;
    return [
      `@@ -${line},${old} +${now === 0 ? 0 : line},${now} @@`,
      ...lines.map(({ mark, text }) => `${mark}${text}`),
    ];
  });
  return [...header, ...hunks].join('\n');
}

function stateOf(finding: Finding): string {
  if (finding.stored) return `already stored as '${finding.stored.label}'`;
  const states = [
    ...(finding.commented ? ['commented out'] : []),
    ...(finding.outsideHome ? ['outside home'] : []),
  ];
  return states.length > 0 ? states.join(', ') : 'new';
}

function whereOf(finding: Finding): string {
  if (finding.file === null) return 'environment';
  const file = tildePath(finding.file);
  return finding.line === null ? file : `${file}:${finding.line}`;
}

/** A path as a POSIX shell reads it back, for the command line suggested after a search. */
const shellWord = (word: string): string =>
  /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
