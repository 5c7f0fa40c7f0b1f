// Names and values a person types and others are shown (a key's label, a workspace's or a tool's
// name, a model): trimmed, one line, not too long, and nothing that hides or reorders the text.
import { MskError } from './errors.js';

/**
 * Characters no name shown to a user may hold: C0 and C1 controls and DEL (a line break, an
 * escape sequence for the terminal), the line and paragraph separators, and the bidirectional
 * marks, embeddings, overrides and isolates (U+202E makes `exe.txt` read as `txt.exe`).
 */
export const UNSAFE_IN_NAME =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

const UNSAFE_EVERYWHERE = new RegExp(UNSAFE_IN_NAME.source, 'gu');

/** `text` without any character a name may not hold. */
export const withoutUnsafe = (text: string): string => text.replace(UNSAFE_EVERYWHERE, '');

/** `text` with each character a name may not hold written out (`\u{1b}`): safe to print to a terminal. */
export const escapeUnsafe = (text: string): string =>
  text.replace(UNSAFE_EVERYWHERE, (character) => `\\u{${(character.codePointAt(0) ?? 0).toString(16)}}`);

/** Whether a name shows as it reads: no control, separator or direction character. */
export const isShowable = (text: string): boolean => !UNSAFE_IN_NAME.test(text);

/** What a refused name is told, naming the place (never the value). */
export const unshowable = (what: string): MskError =>
  new MskError(
    'invalid-input',
    `${what} cannot contain control characters, line separators or text-direction characters.`,
  );

/** `text` trimmed, or why not: `what` names it in the message. */
export function oneLine(text: string, what: string, maxLength: number): string {
  const value = text.trim();
  if (value === '' || value.length > maxLength) {
    throw new MskError('invalid-input', `${what} is 1 to ${maxLength} characters, on one line.`);
  }
  if (!isShowable(value)) throw unshowable(what);
  return value;
}
