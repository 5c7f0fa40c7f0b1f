// A text file as lines with their exact bytes, so one line can be replaced and every other byte
// (line endings, a missing final newline, even invalid UTF-8) stays exactly as it was.

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
