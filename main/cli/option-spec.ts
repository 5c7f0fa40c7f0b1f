// A command's options declared once, as commander takes them ('-k, --key <key>', description):
// commander is given them, and the commands msk runs on every shell or tool start parse them here
// without commander (quick-commands.ts). This parser takes only the plain forms and hands
// anything else back, so commander — its help, its errors, its suggestions — stays the judge.
import type { Command } from 'commander';

export type OptionSpec = readonly [flags: string, description: string];

/** Gives `command` each option of `options`. */
export function withOptions(command: Command, options: readonly OptionSpec[]): Command {
  for (const [flags, description] of options) command.option(flags, description);
  return command;
}

export interface PlainArguments {
  /** By commander's attribute names ('--ram-user' is ramUser): a value, or true for a flag. */
  options: Record<string, string | true>;
  /** The command's operands and, after the first, everything as it was given (exec's command). */
  operands: string[];
}

interface Flag {
  short?: string;
  long: string;
  attribute: string;
  takesValue: boolean;
}

// Read by hand, not with regular expressions: V8 compiles one on its first use, and `msk exec
// --key k` paid 0.1–0.2 ms of its start for the two this took.
const isLetter = (char: string): boolean => char >= 'a' && char <= 'z';
const isWord = (word: string): boolean => word !== '' && [...word].every(isLetter);

/** '-k, --key <key>' or '--json': a short flag (one letter) and a long one, lower-case words. */
function flagOf([flags]: OptionSpec): Flag {
  const words = flags.split(' ');
  const first = words[0] ?? '';
  const short =
    first.length === 3 && first.startsWith('-') && first.endsWith(',') && isWord(first[1]!.toLowerCase())
      ? (words.shift(), first.slice(0, 2))
      : undefined;
  const [long = '', value, ...rest] = words;
  const names = long.slice(2).split('-');
  const takesValue = value !== undefined;
  if (
    !long.startsWith('--') ||
    !names.every(isWord) ||
    rest.length > 0 ||
    (takesValue && !(value.length > 2 && value.startsWith('<') && value.indexOf('>') === value.length - 1))
  )
    throw new Error(`Not a plain option: ${flags}`);
  return {
    short,
    long,
    attribute: names
      .map((name, index) => (index === 0 ? name : name[0]!.toUpperCase() + name.slice(1)))
      .join(''),
    takesValue,
  };
}

/**
 * `args` (what follows the command's name) read as commander would read them for a command with
 * `options` and, when `operands` is true, a required command operand after which everything passes
 * through. Undefined for anything but the plain forms — `-k v`, `--key v`, `--key=v`, `--flag`,
 * `--` — each option at most once, no value that starts with '-': help, errors and the rest are
 * commander's to say.
 */
export function parsePlain(
  args: readonly string[],
  options: readonly OptionSpec[],
  operands: boolean,
): PlainArguments | undefined {
  // Read when an option is given: `msk env` alone reads no declaration.
  let flags: Flag[] | undefined;
  const parsed: PlainArguments = { options: {}, operands: [] };
  for (let index = 0; index < args.length; index++) {
    const token = args[index] ?? '';
    if (token === '--' || !token.startsWith('-') || token === '-') {
      if (!operands || token === '-') return undefined;
      parsed.operands = args.slice(token === '--' ? index + 1 : index);
      break;
    }
    const [name = '', inline] = token.startsWith('--') ? splitOnce(token, '=') : [token];
    flags ??= options.map(flagOf);
    const flag = flags.find((candidate) => candidate.long === name || candidate.short === name);
    if (flag === undefined || flag.attribute in parsed.options) return undefined;
    if (!flag.takesValue) {
      if (inline !== undefined) return undefined;
      parsed.options[flag.attribute] = true;
      continue;
    }
    const value = inline ?? args[++index];
    if (value === undefined || value.startsWith('-')) return undefined;
    parsed.options[flag.attribute] = value;
  }
  if (operands && parsed.operands.length === 0) return undefined;
  return parsed;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
