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

const FLAGS = /^(?:(-[A-Za-z]), )?(--[a-z][a-z-]*)(?: <[^>]+>)?$/;

function flagOf([flags]: OptionSpec): Flag {
  const match = FLAGS.exec(flags);
  if (match?.[2] === undefined) throw new Error(`Not a plain option: ${flags}`);
  return {
    short: match[1],
    long: match[2],
    attribute: match[2].slice(2).replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()),
    takesValue: flags.endsWith('>'),
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
  // Read when an option is given: `msk env` alone compiles no regular expression (0.1–0.2 ms).
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
