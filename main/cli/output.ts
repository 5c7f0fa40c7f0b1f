// How msk speaks: results on stdout (for pipes), messages and warnings on stderr.
import type { Notice } from '../core/notices.js';
import { renderNotice } from './messages.js';

export const print = (text: string): void => {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
};

export const say = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

export const warn = (text: string): void => say(`warning: ${text}`);

export const warnAll = (notices: readonly Notice[]): void =>
  notices.forEach((item) => warn(renderNotice(item)));

export const printJson = (value: unknown): void => print(JSON.stringify(value, null, 2));

/** A plain text table: columns padded to their widest cell. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
