// docs/CLI.md, written from msk's own commander definitions (so the reference cannot drift from the
// commands) and the prose of build/cli-notes.md (examples and explanations a one-line description
// lacks). `npm run docs:cli` writes it; a unit test regenerates it and compares.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Argument, Command, Help, Option } from 'commander';
import { format, resolveConfig } from 'prettier';
import { buildProgram } from '../main/cli/msk.js';

const root = path.join(import.meta.dirname, '..');
export const CLI_REFERENCE = path.join(root, 'docs', 'CLI.md');
export const CLI_NOTES = path.join(root, 'build', 'cli-notes.md');

/** docs/CLI.md as the commands and notes read today. */
export async function currentCliReference(): Promise<string> {
  return cliReference(buildProgram(), readFileSync(CLI_NOTES, 'utf8'));
}

/** The reference of `program` with `notesText`, formatted as prettier formats the docs. */
export async function cliReference(program: Command, notesText: string): Promise<string> {
  const notes = notesByCommand(notesText);
  const commands = commandsOf(program);
  const unknown = [...notes.keys()].filter(
    (name) => name !== INTRODUCTION && !commands.some((command) => fullName(command) === name),
  );
  if (unknown.length > 0) {
    throw new Error(
      `build/cli-notes.md has notes for ${unknown.map((name) => `'${name}'`).join(', ')}, which msk does not have: rename or remove them.`,
    );
  }
  const markdown = [
    '# msk command reference',
    '',
    '<!-- Written by `npm run docs:cli` from the commands (main/cli) and build/cli-notes.md: edit those, not this file. -->',
    '',
    notes.get(INTRODUCTION) ?? '',
    '',
    '## Commands',
    '',
    ...commands.map(
      (command) =>
        `${'  '.repeat(depth(command) - 1)}- ${link(command)} — ${sentence(command.description())}`,
    ),
    '',
    ...commands.flatMap((command) => commandSection(command, notes.get(fullName(command)))),
    '## Exit status',
    '',
    inline(helpEpilogue(program)),
    '',
  ].join('\n');
  return format(markdown, { ...(await resolveConfig(CLI_REFERENCE)), parser: 'markdown' });
}

/** The notes' heading for the text that opens the reference, before the commands. */
const INTRODUCTION = 'msk';

/** build/cli-notes.md by command: each `## msk …` heading and the text under it. */
function notesByCommand(text: string): Map<string, string> {
  const notes = new Map<string, string>();
  let current: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const heading = /^## (.+)$/.exec(line)?.[1]?.trim();
    if (heading !== undefined) {
      if (notes.has(heading)) throw new Error(`build/cli-notes.md has '${heading}' twice.`);
      notes.set((current = heading), '');
    } else if (current !== undefined) notes.set(current, `${notes.get(current)}${line}\n`);
  }
  for (const [name, note] of notes) notes.set(name, note.trim());
  return notes;
}

/** Every command a user can type, depth first in help's order: no hidden ones, no `help`. */
function commandsOf(parent: Command): Command[] {
  return helpOf(parent)
    .visibleCommands(parent)
    .filter((command) => parent.commands.includes(command))
    .flatMap((command) => [command, ...commandsOf(command)]);
}

function commandSection(command: Command, note: string | undefined): string[] {
  const help = helpOf(command);
  const heading = '#'.repeat(depth(command) + 1);
  const aliases = command.aliases().map((alias) => `\`${[...ancestors(command), alias].join(' ')}\``);
  const options = help.visibleOptions(command).filter((option) => command.options.includes(option));
  const subcommands = commandsOf(command);
  return [
    `${heading} ${fullName(command)}`,
    '',
    sentence(command.description()),
    '',
    '```sh',
    [...ancestors(command), command.name(), command.usage()].join(' ').trim(),
    '```',
    '',
    ...(aliases.length > 0 ? [`Also: ${aliases.join(', ')}.`, ''] : []),
    ...list('Arguments', help.visibleArguments(command), (argument) => [
      code(argumentTerm(argument)),
      help.argumentDescription(argument),
    ]),
    ...list('Options', options, (option: Option) => [code(option.flags), help.optionDescription(option)]),
    ...list(
      'Commands',
      subcommands.filter((subcommand) => subcommand.parent === command),
      (subcommand) => [link(subcommand), subcommand.description()],
    ),
    ...(note ? [note, ''] : []),
  ];
}

/** A bulleted list under a bold title: lists, not tables, so no row grows past a screen. */
function list<T>(
  title: string,
  items: readonly T[],
  entry: (item: T) => [term: string, text: string],
): string[] {
  if (items.length === 0) return [];
  return [
    `**${title}**`,
    '',
    ...items.map((item) => {
      const [term, text] = entry(item);
      return text ? `- ${term} — ${inline(text)}` : `- ${term}`;
    }),
    '',
  ];
}

/** What `msk --help` prints after the commands (the exit statuses). */
function helpEpilogue(program: Command): string {
  let written = '';
  program.configureOutput({ writeOut: (text) => void (written += text) });
  program.outputHelp();
  const information = program.helpInformation();
  if (!written.startsWith(information))
    throw new Error('msk --help no longer starts with its help information.');
  return written.slice(information.length).trim();
}

const helpOf = (command: Command): Help => command.createHelp();
const code = (text: string): string => `\`${text}\``;
const link = (command: Command): string => `[${fullName(command)}](#${slug(fullName(command))})`;
const argumentTerm = (argument: Argument): string => {
  const name = `${argument.name()}${argument.variadic ? '...' : ''}`;
  return argument.required ? `<${name}>` : `[${name}]`;
};
const ancestors = (command: Command): string[] =>
  command.parent ? [...ancestors(command.parent), command.parent.name()] : [];
const fullName = (command: Command): string => [...ancestors(command), command.name()].join(' ');
const depth = (command: Command): number => ancestors(command).length;

/** Commander's one-line descriptions as a sentence: capital first, a full stop last. */
function sentence(description: string): string {
  const text = inline(description);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
}

/** Help text is plain text: its markdown characters (OPENAI_*, <file>, [key]) are shown as written. */
const inline = (text: string): string => text.replace(/[\\`*_[\]<>]/g, '\\$&');

/** GitHub's anchor for a heading of plain words. */
export const slug = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
