// main/cli/completion/command-tree.ts, written from msk's own commander definitions: `msk
// __complete` answers without loading commander (it runs on every TAB), so it reads the commands
// from this file, which `npm run docs:cli` writes and a unit test regenerates and compares.
import path from 'node:path';
import type { Argument, Command, Option } from 'commander';
import { format, resolveConfig } from 'prettier';
import { buildProgram } from '../main/cli/msk.js';
import {
  type CompletionCommand,
  type CompletionOption,
  HELP_OPTION,
  type ValueKind,
  type ValueSpec,
} from '../main/cli/completion/complete-words.js';

export const COMMAND_TREE_FILE = path.join(
  import.meta.dirname,
  '..',
  'main',
  'cli',
  'completion',
  'command-tree.ts',
);

/** The kind of value a placeholder names (`--key <key>`, `<region>`), wherever it appears. */
const PLACEHOLDER_KINDS: Readonly<Record<string, ValueKind>> = {
  key: 'key',
  region: 'region',
  plan: 'plan',
  tool: 'tool',
  shell: 'shell',
  terminal: 'terminal',
};

/** Operands whose placeholder says too little ('<name>'): by command, then operand name. */
const OPERAND_KINDS: Readonly<Record<string, Readonly<Record<string, ValueKind>>>> = {
  'config get': { name: 'setting' },
  'config set': { name: 'setting', value: 'setting-value' },
  'config unset': { name: 'setting' },
  'gateway token revoke': { name: 'token' },
  help: { command: 'command' },
};

/** The commands' tree as commander declares them today. */
export const commandTree = (): CompletionCommand => treeOf(buildProgram(), '');

/** The file's text as the commands read today. */
export async function currentCommandTree(): Promise<string> {
  const { commands, ...root } = commandTree();
  const quoted = (value: unknown): string => JSON.stringify(JSON.stringify(value));
  const text = [
    '// Written by `npm run docs:cli` from the commands (main/cli/msk.ts): edit those, not this file.',
    '// What `msk __complete` knows of the commands without loading commander (complete-words.ts).',
    "import { type CompletionCommand, lazyCommand } from './complete-words.js';",
    '',
    '// JSON: V8 parses it faster than it runs object literals this size (every TAB starts msk), and',
    '// each top-level command only once a TAB looks into it (lazyCommand).',
    'export const COMMAND_TREE: CompletionCommand = {',
    `  ...(JSON.parse(${quoted(root)}) as Omit<CompletionCommand, 'commands'>),`,
    '  commands: [',
    ...commands.map(
      (command) =>
        `    lazyCommand(${JSON.stringify(command.name)}, ${JSON.stringify(command.aliases)}, ${quoted(command)}),`,
    ),
    '  ],',
    '};',
    '',
  ].join('\n');
  return format(text, { ...(await resolveConfig(COMMAND_TREE_FILE)), filepath: COMMAND_TREE_FILE });
}

function treeOf(command: Command, parent: string): CompletionCommand {
  const help = command.createHelp();
  const name = parent === '' && command.name() === 'msk' ? '' : `${parent} ${command.name()}`.trim();
  const operands = command.registeredArguments;
  const options = help.visibleOptions(command);
  // The help option (last where a command has it) is complete-words.ts's own: not repeated in the
  // file; the few commands without one (commander's `help`) say so.
  const own = options.filter((option) => option.long !== HELP_OPTION.flags[1]);
  return {
    name: command.name(),
    aliases: command.aliases(),
    description: firstLine(command.description()),
    options: own.map(optionOf),
    ...(own.length === options.length && { noHelpOption: true as const }),
    operands: operands.map((operand) => operandOf(operand, name)),
    variadic: operands.at(-1)?.variadic ?? false,
    commands: help.visibleCommands(command).map((sub) => treeOf(sub, name)),
  };
}

function optionOf(option: Option): CompletionOption {
  const flags = [option.short, option.long].filter((flag) => flag !== undefined);
  const taken: CompletionOption = { flags, description: firstLine(option.description) };
  if (!option.required && !option.optional) return taken;
  const placeholder = /<([^>.]+)(\.\.\.)?>|\[([^\].]+)/.exec(option.flags);
  return { ...taken, value: valueOf(option.argChoices, placeholder?.[1] ?? placeholder?.[3]) };
}

function operandOf(operand: Argument, command: string): ValueSpec {
  return OPERAND_KINDS[command]?.[operand.name()] ?? valueOf(operand.argChoices, operand.name());
}

const valueOf = (choices: readonly string[] | undefined, placeholder: string | undefined): ValueSpec =>
  choices ?? (placeholder === undefined ? undefined : PLACEHOLDER_KINDS[placeholder]) ?? 'text';

const firstLine = (text: string): string => text.split('\n', 1)[0] ?? '';
