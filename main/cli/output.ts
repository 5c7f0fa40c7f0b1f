// How msk speaks: results on stdout (for pipes), messages and warnings on stderr.
import type { Notice } from '../core/base/notices.js';
import { directWriter } from './direct-write.js';
import { renderNotice } from './messages.js';

const write = directWriter();

/** Text to stdout as it is (a shell's environment, ready to evaluate). */
export const writeOut = (text: string): void => write(1, text);

/** Text to stderr as it is (a progress line that rewrites itself). */
export const writeErr = (text: string): void => write(2, text);

export const print = (text: string): void => writeOut(text.endsWith('\n') ? text : `${text}\n`);

export const say = (text: string): void => writeErr(`${text}\n`);

export const warn = (text: string): void => say(`warning: ${text}`);

export const warnAll = (notices: readonly Notice[]): void =>
  notices.forEach((item) => warn(renderNotice(item)));

export const printJson = (value: unknown): void => print(JSON.stringify(value, null, 2));

const twoDigits = (value: number): string => String(value).padStart(2, '0');

/** An ISO time as a person reads it in a table: local, to the minute (`2026-12-04 17:05`). --json keeps ISO. */
export function localTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const day = `${at.getFullYear()}-${twoDigits(at.getMonth() + 1)}-${twoDigits(at.getDate())}`;
  return `${day} ${twoDigits(at.getHours())}:${twoDigits(at.getMinutes())}`;
}

/** A plain text table: columns padded to their widest cell, as a terminal displays it. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row[column] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell + ' '.repeat(Math.max(0, (widths[column] ?? 0) - displayWidth(cell))))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

// Made on first use: creating a segmenter loads ICU data, a few milliseconds no start should pay.
let segmenter: Intl.Segmenter | undefined;
const graphemes = (): Intl.Segmenter =>
  (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));

/**
 * Columns a terminal gives `text`: CJK and emoji take two, combining marks and controls none
 * (a label `团队` or `🔑 prod` must not shift the columns after it).
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of graphemes().segment(text)) {
    const codePoint = segment.codePointAt(0) ?? 0;
    // eslint-disable-next-line no-control-regex -- controls take no column
    if (/^[\u0000-\u001f\u007f-\u009f]/.test(segment) || /^\p{M}/u.test(segment)) continue;
    if (/\p{Emoji_Presentation}|\uFE0F|\p{Regional_Indicator}/u.test(segment) || isWide(codePoint))
      width += 2;
    else width += 1;
  }
  return width;
}

/** East Asian Wide and Fullwidth ranges (Unicode UAX #11), the ones labels use. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];

const isWide = (codePoint: number): boolean =>
  WIDE.some(([first, last]) => codePoint >= first && codePoint <= last);
