// What `msk <words…><TAB>` may continue with, from the commands' tree (command-tree.ts, written
// from commander's declarations) alone: the commands, their options, and which kind of value an
// option or operand takes. The values of a kind (key labels, regions…) are complete-values.ts's.

/** Values that are not in the tree: read from config.json or the catalogs when asked for. */
export type ValueKind =
  | 'key'
  | 'region'
  | 'plan'
  | 'tool'
  | 'shell'
  | 'terminal'
  | 'setting'
  | 'setting-value'
  | 'token'
  | 'command';

/** What an option or operand takes: a kind, a fixed list of choices, or free text (nothing offered). */
export type ValueSpec = ValueKind | readonly string[] | 'text';

export interface CompletionOption {
  /** '-k', '--key': the short form first when there is one. */
  flags: readonly string[];
  description: string;
  /** Absent for a flag. */
  value?: ValueSpec;
}

export interface CompletionCommand {
  name: string;
  aliases: readonly string[];
  description: string;
  /** Its options but the help option, which it has (last) unless `noHelpOption`. */
  options: readonly CompletionOption[];
  noHelpOption?: true;
  /** The operands in order; the last repeats when `variadic`. */
  operands: readonly ValueSpec[];
  variadic: boolean;
  commands: readonly CompletionCommand[];
}

/** commander's help option, which nearly every command has, last: the tree leaves it out. */
export const HELP_OPTION: CompletionOption = {
  flags: ['-h', '--help'],
  description: 'display help for command',
};

/**
 * A top-level command whose definition is parsed from `json` when first looked into: a TAB after
 * `msk copy` reads one command of thirty (command-tree.ts), and parsing them all made 60 KB of
 * objects, enough for a TAB over 600 keys to need the garbage collector. Its parts are getters of
 * the class, set once: thirty objects given six accessors each cost a TAB 0.2 ms on Node 24.
 */
class LazyCommand {
  private parsed: CompletionCommand | undefined;

  constructor(
    readonly name: string,
    readonly aliases: readonly string[],
    private readonly json: string,
  ) {}

  whole(): CompletionCommand {
    return (this.parsed ??= JSON.parse(this.json) as CompletionCommand);
  }

  /** The whole command, as JSON.stringify shows it (the getters are the prototype's, not its own). */
  toJSON(): CompletionCommand {
    return this.whole();
  }
}

const LAZY_PARTS = ['description', 'options', 'noHelpOption', 'operands', 'variadic', 'commands'] as const;
for (const part of LAZY_PARTS)
  Object.defineProperty(LazyCommand.prototype, part, {
    get(this: LazyCommand) {
      return this.whole()[part];
    },
  });

export const lazyCommand = (name: string, aliases: readonly string[], json: string): CompletionCommand =>
  new LazyCommand(name, aliases, json) as unknown as CompletionCommand;

const optionsOf = (command: CompletionCommand): readonly CompletionOption[] =>
  command.noHelpOption ? command.options : [...command.options, HELP_OPTION];

export interface Candidate {
  value: string;
  description?: string;
}

/** Candidates known from the tree, or a kind of value to read (then filtered by `prefix`). */
export type Completion =
  { candidates: Candidate[] } | { kind: ValueKind; prefix: string; before: string; words: readonly string[] };

/**
 * What may follow `words` (the words after `msk`, the last one the word being completed, maybe
 * empty) in `tree`.
 */
export function completeWords(tree: CompletionCommand, words: readonly string[]): Completion {
  const current = words.at(-1) ?? '';
  let command = tree;
  let operands = 0;
  let passedThrough = false;
  let wanted: ValueSpec | undefined;
  for (const word of words.slice(0, -1)) {
    if (wanted !== undefined) {
      wanted = undefined;
      continue;
    }
    if (passedThrough || word === '-' || !word.startsWith('-')) {
      const sub = operands === 0 ? subcommand(command, word) : undefined;
      if (sub) command = sub;
      else operands++;
      continue;
    }
    if (word === '--') {
      passedThrough = true;
      continue;
    }
    // `--key=v` carries its value; `--key v` takes the next word.
    const option = optionNamed(command, word);
    if (option?.value !== undefined && !word.includes('=')) wanted = option.value;
  }
  if (wanted !== undefined) return valuesOf(wanted, current, '', words);
  if (!passedThrough && current.startsWith('-')) {
    const equals = current.indexOf('=');
    if (current.startsWith('--') && equals !== -1) {
      const option = optionNamed(command, current.slice(0, equals));
      const before = current.slice(0, equals + 1);
      return option?.value === undefined
        ? { candidates: [] }
        : valuesOf(option.value, current.slice(equals + 1), before, words);
    }
    return {
      candidates: filtered(
        optionsOf(command).map((option) => ({
          value: option.flags.at(-1) ?? '',
          description: option.description,
        })),
        current,
      ),
    };
  }
  if (operands === 0 && !passedThrough && command.commands.length > 0) {
    const subcommands = command.commands.map((sub) => ({ value: sub.name, description: sub.description }));
    return { candidates: filtered(subcommands, current) };
  }
  const operand = command.operands[operands] ?? (command.variadic ? command.operands.at(-1) : undefined);
  return operand === undefined ? { candidates: [] } : valuesOf(operand, current, '', words);
}

function valuesOf(spec: ValueSpec, prefix: string, before: string, words: readonly string[]): Completion {
  if (spec === 'text') return { candidates: [] };
  if (typeof spec === 'string') return { kind: spec, prefix, before, words };
  return {
    candidates: filtered(
      spec.map((value) => ({ value: before + value })),
      before + prefix,
    ),
  };
}

const subcommand = (command: CompletionCommand, word: string): CompletionCommand | undefined =>
  command.commands.find((sub) => sub.name === word || sub.aliases.includes(word));

function optionNamed(command: CompletionCommand, word: string): CompletionOption | undefined {
  const name = word.startsWith('--') ? (word.split('=', 1)[0] ?? '') : word;
  return optionsOf(command).find((option) => option.flags.includes(name));
}

/** The candidates that start with `prefix`, as the shells offer them. */
const filtered = (candidates: readonly Candidate[], prefix: string): Candidate[] =>
  candidates.filter((candidate) => candidate.value.startsWith(prefix));
