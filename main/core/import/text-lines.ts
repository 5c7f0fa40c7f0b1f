// A text file as lines with their exact bytes, so one line can be replaced and every other byte
// (line endings, a missing final newline, even invalid UTF-8) stays exactly as it was. A file
// saved as UTF-16 (Windows editors, PowerShell 5's redirections) is read by its byte-order mark
// and written back as it came; without a mark a file is read as UTF-8.

export interface TextLine {
  /** 1-based. */
  number: number;
  /** The line without its ending, decoded as UTF-8. */
  text: string;
  /** Byte offsets of the line's content (ending excluded) in the file. */
  start: number;
  end: number;
  /** `\r\n`, `\n` or '' for a last line without one. */
  ending: string;
}

export function textLines(content: Buffer): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  while (start < content.length) {
    const newline = content.indexOf(0x0a, start);
    const stop = newline === -1 ? content.length : newline;
    const crlf = stop > start && content[stop - 1] === 0x0d && newline !== -1;
    const end = crlf ? stop - 1 : stop;
    lines.push({
      number: lines.length + 1,
      text: content.subarray(start, end).toString('utf8'),
      start,
      end,
      ending: newline === -1 ? '' : crlf ? '\r\n' : '\n',
    });
    start = newline === -1 ? content.length : newline + 1;
  }
  return lines;
}

/** `content` with the bytes of `line`'s content (not its ending) replaced by `text`. */
export const replaceLine = (content: Buffer, line: TextLine, text: string): Buffer =>
  Buffer.concat([content.subarray(0, line.start), Buffer.from(text, 'utf8'), content.subarray(line.end)]);

/** How a text file's bytes are encoded: UTF-8 (with a byte-order mark or not), or UTF-16 with its mark. */
export type TextEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

const MARKS: readonly (readonly [TextEncoding, Buffer])[] = [
  ['utf8-bom', Buffer.from([0xef, 0xbb, 0xbf])],
  ['utf16le', Buffer.from([0xff, 0xfe])],
  ['utf16be', Buffer.from([0xfe, 0xff])],
];

/** A file's text as UTF-8 bytes without its byte-order mark, and how it was encoded. */
export function asUtf8(content: Buffer): { utf8: Buffer; encoding: TextEncoding } {
  const [encoding, mark] = MARKS.find(([, bytes]) => content.subarray(0, bytes.length).equals(bytes)) ?? [];
  if (encoding === undefined || mark === undefined) return { utf8: content, encoding: 'utf8' };
  const body = content.subarray(mark.length);
  if (encoding === 'utf8-bom') return { utf8: body, encoding };
  // A stray odd byte at the end is not a character: left out.
  const units = Buffer.from(body.subarray(0, body.length - (body.length % 2)));
  if (encoding === 'utf16be') units.swap16();
  return { utf8: Buffer.from(units.toString('utf16le'), 'utf8'), encoding };
}

/** UTF-8 bytes encoded back the way `asUtf8` found them, byte-order mark included. */
export function fromUtf8(utf8: Buffer, encoding: TextEncoding): Buffer {
  if (encoding === 'utf8') return utf8;
  const mark = MARKS.find(([name]) => name === encoding)?.[1] ?? Buffer.alloc(0);
  if (encoding === 'utf8-bom') return Buffer.concat([mark, utf8]);
  const units = Buffer.from(utf8.toString('utf8'), 'utf16le');
  if (encoding === 'utf16be') units.swap16();
  return Buffer.concat([mark, units]);
}
