// How a value is written so that one shell reads it back exactly, by that shell's own rules: for
// `msk env`'s output and for the command lines the terminals are given. A value a shell cannot
// carry safely is refused ('unquotable-value'), naming where it was going, never guessed at.
import { MskError } from '../base/errors.js';

/** What a refusal names: the value's name, the shell (and terminal) it was for, what can carry it. */
export interface Destination {
  name: string;
  shell: string;
  /** A terminal's id, when the value was for a terminal's command line; `alternative` is one too. */
  terminal?: string;
  alternative: string;
}

const refuse = (to: Destination, why: string): MskError =>
  new MskError('unquotable-value', `The value of ${to.name} ${why}, which ${to.shell} cannot take safely.`, {
    ...to,
  });

/** POSIX single quotes (sh, bash, zsh, dash): nothing inside is special except the quote itself. */
export const posixQuote = (value: string): string => `'${value.replaceAll("'", `'\\''`)}'`;

/** fish single quotes: backslash and the quote are its only escapes. */
export const fishQuote = (value: string): string =>
  `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/**
 * csh/tcsh single quotes: literal but for `!` (history, even inside quotes: `\!`) and the quote
 * itself (`'\''`); a line break cannot be carried.
 */
export function cshQuote(value: string, to: Destination): string {
  if (/[\r\n]/.test(value)) throw refuse(to, 'contains a line break');
  return `'${value.replaceAll("'", `'\\''`).replaceAll('!', '\\!')}'`;
}

/**
 * PowerShell verbatim strings: nothing inside is special but the quote, which is doubled — and
 * PowerShell takes the typographic single quotes ‘ ’ ‚ ‛ for quotes too, so they are doubled alike.
 */
export const powershellQuote = (value: string): string =>
  `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, '$&$&')}'`;

/**
 * cmd.exe has no escape for `%` (expanded even inside quotes), `!` (expanded where delayed
 * expansion is on) or `"` inside quotes, and a line break ends the command: a value holding one is
 * refused. Inside double quotes, `& | < > ^ ( )` are plain characters.
 */
export function cmdQuote(value: string, to: Destination): string {
  if (/["%!\r\n]/.test(value)) throw refuse(to, 'contains %, !, a double quote or a line break');
  return `"${value}"`;
}
