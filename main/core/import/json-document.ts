// A JSON settings file read with the position of every value, so one property can be removed by
// cutting its own characters: the rest of the file (indentation, key order, comments, the final
// newline) stays exactly as the user or the tool wrote it. Tolerant of what tools' config files
// allow beyond JSON: comments, trailing commas, and JSON5's unquoted keys and single quotes
// (OpenClaw's openclaw.json is JSON5).

export type JsonNode = JsonObject | JsonArray | JsonString | JsonScalar;

interface Span {
  /** Offsets in the text: `start` at the first character, `end` just after the last. */
  start: number;
  end: number;
}

export interface JsonObject extends Span {
  kind: 'object';
  members: JsonMember[];
}
export interface JsonMember {
  key: string;
  keyStart: number;
  value: JsonNode;
}
export interface JsonArray extends Span {
  kind: 'array';
  items: JsonNode[];
}
export interface JsonString extends Span {
  kind: 'string';
  value: string;
}
/** Numbers, true, false, null: their text is all we need. */
export interface JsonScalar extends Span {
  kind: 'scalar';
  raw: string;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

export function parseJsonDocument(text: string): JsonNode {
  const reader = new Reader(text);
  // A byte-order mark is not part of the document.
  if (text.startsWith('\ufeff')) reader.position = 1;
  const root = reader.value();
  reader.skipBlank();
  if (reader.position < text.length)
    throw new JsonSyntaxError('Unexpected text after the document', reader.position);
  return root;
}

/** The member named `key` of an object node, if the node is an object and has it. */
export const memberOf = (node: JsonNode | undefined, key: string): JsonMember | undefined =>
  node?.kind === 'object' ? node.members.findLast((member) => member.key === key) : undefined;

/** The string at `path` below `node`, or undefined. */
export function stringAt(node: JsonNode | undefined, ...path: string[]): string | undefined {
  let current = node;
  for (const key of path) current = memberOf(current, key)?.value;
  return current?.kind === 'string' ? current.value : undefined;
}

/**
 * `text` without `object`'s member at `index`, and the comma that separated it. Removing the last
 * member cuts from the end of the one before it, so no comma is left dangling.
 */
export function withoutMember(text: string, object: JsonObject, index: number): string {
  const members = object.members;
  const member = members[index];
  if (!member) throw new RangeError(`No member ${index}`);
  const next = members[index + 1];
  const previous = members[index - 1];
  if (next) return text.slice(0, member.keyStart) + text.slice(next.keyStart);
  if (previous) return text.slice(0, previous.value.end) + text.slice(member.value.end).replace(/^\s*,/, '');
  return text.slice(0, object.start + 1) + text.slice(object.end - 1);
}

/**
 * `text` with the string at `path` set to `value`, and nothing else changed: an existing value's
 * own characters are replaced; missing members are added after the last member of the deepest
 * object there is, indented as it is. Empty text is an empty object. A path through something that
 * is not an object is refused (undefined): the caller says so rather than guess.
 */
export function withString(text: string, path: readonly string[], value: string): string | undefined {
  const source = text.trim() === '' ? '{}\n' : text;
  let node = parseJsonDocument(source);
  for (const [depth, key] of path.entries()) {
    if (node.kind !== 'object') return undefined;
    const member = memberOf(node, key);
    if (!member) return withMemberAdded(source, node, path.slice(depth), value);
    if (depth === path.length - 1) {
      if (member.value.kind !== 'string' && member.value.kind !== 'scalar') return undefined;
      return source.slice(0, member.value.start) + JSON.stringify(value) + source.slice(member.value.end);
    }
    node = member.value;
  }
  return undefined;
}

/** Adds `path` (objects down to the string) as the last member of `object`. */
function withMemberAdded(text: string, object: JsonObject, path: readonly string[], value: string): string {
  const last = object.members.at(-1);
  const outer = indentOf(text, object.start);
  const indent = last ? indentOf(text, last.keyStart) : `${outer}  `;
  // One level of the file's own indentation (two spaces when it shows none).
  const step = indent.startsWith(outer) && indent.length > outer.length ? indent.slice(outer.length) : '  ';
  const nested = (keys: readonly string[], level: string): string => {
    const [key, ...rest] = keys;
    const inner = `${level}${step}`;
    const shown = rest.length === 0 ? JSON.stringify(value) : `{\n${inner}${nested(rest, inner)}\n${level}}`;
    return `${JSON.stringify(key)}: ${shown}`;
  };
  const member = nested(path, indent);
  if (!last) return `${text.slice(0, object.start)}{\n${indent}${member}\n${outer}}${text.slice(object.end)}`;
  // After a trailing comma (JSON5) the new member needs none of its own.
  const comma = /^\s*,/.exec(text.slice(last.value.end));
  const at = last.value.end + (comma?.[0].length ?? 0);
  return `${text.slice(0, at)}${comma ? '' : ','}\n${indent}${member}${text.slice(at)}`;
}

/** The spaces or tabs that start the line `offset` is on. */
const indentOf = (text: string, offset: number): string =>
  /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', offset - 1) + 1))?.[0] ?? '';

/** 1-based line of an offset. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (
    let position = text.indexOf('\n');
    position !== -1 && position < offset;
    position = text.indexOf('\n', position + 1)
  ) {
    line += 1;
  }
  return line;
}

const IDENTIFIER = /[A-Za-z0-9_$]/;
/** Deeper than any settings file, far short of the stack: a file nested deeper is refused, not a crash. */
const MAX_DEPTH = 256;

class Reader {
  position = 0;
  private depth = 0;
  constructor(private readonly text: string) {}

  value(): JsonNode {
    this.skipBlank();
    const character = this.text[this.position];
    if (character === '{' || character === '[') {
      if (this.depth === MAX_DEPTH) {
        throw new JsonSyntaxError(`Nested deeper than ${MAX_DEPTH} levels`, this.position);
      }
      this.depth += 1;
      const node = character === '{' ? this.object() : this.array();
      this.depth -= 1;
      return node;
    }
    if (character === '"' || character === "'") return this.string();
    const start = this.position;
    while (this.position < this.text.length && /[A-Za-z0-9+\-.]/.test(this.text[this.position] ?? '')) {
      this.position += 1;
    }
    if (this.position === start) throw new JsonSyntaxError('Expected a value', start);
    return { kind: 'scalar', start, end: this.position, raw: this.text.slice(start, this.position) };
  }

  private object(): JsonObject {
    const start = this.position;
    this.position += 1;
    const members: JsonMember[] = [];
    for (;;) {
      this.skipBlank();
      if (this.text[this.position] === '}') break;
      const keyStart = this.position;
      const key = this.key();
      this.skipBlank();
      if (this.text[this.position] !== ':') throw new JsonSyntaxError('Expected ":"', this.position);
      this.position += 1;
      members.push({ key, keyStart, value: this.value() });
      this.skipBlank();
      if (this.text[this.position] === ',') this.position += 1;
      else if (this.text[this.position] !== '}')
        throw new JsonSyntaxError('Expected "," or "}"', this.position);
    }
    this.position += 1;
    return { kind: 'object', start, end: this.position, members };
  }

  private array(): JsonArray {
    const start = this.position;
    this.position += 1;
    const items: JsonNode[] = [];
    for (;;) {
      this.skipBlank();
      if (this.text[this.position] === ']') break;
      items.push(this.value());
      this.skipBlank();
      if (this.text[this.position] === ',') this.position += 1;
      else if (this.text[this.position] !== ']')
        throw new JsonSyntaxError('Expected "," or "]"', this.position);
    }
    this.position += 1;
    return { kind: 'array', start, end: this.position, items };
  }

  private key(): string {
    const character = this.text[this.position];
    if (character === '"' || character === "'") return this.string().value;
    const start = this.position;
    while (IDENTIFIER.test(this.text[this.position] ?? '')) this.position += 1;
    if (this.position === start) throw new JsonSyntaxError('Expected a property name', start);
    return this.text.slice(start, this.position);
  }

  private string(): JsonString {
    const start = this.position;
    const quote = this.text[start];
    let position = start + 1;
    while (position < this.text.length && this.text[position] !== quote) {
      if (this.text[position] === '\n') throw new JsonSyntaxError('Unterminated string', start);
      position += this.text[position] === '\\' ? 2 : 1;
    }
    if (position >= this.text.length) throw new JsonSyntaxError('Unterminated string', start);
    this.position = position + 1;
    const inside = this.text.slice(start + 1, position);
    // JSON's own rules decode the escapes; a single-quoted JSON5 string is re-quoted first.
    const asJson = quote === '"' ? inside : inside.replace(/\\'/g, "'").replace(/"/g, '\\"');
    let value: string;
    try {
      value = JSON.parse(`"${asJson}"`) as string;
    } catch {
      throw new JsonSyntaxError('Invalid string escape', start);
    }
    return { kind: 'string', start, end: this.position, value };
  }

  /** Whitespace and comments. */
  skipBlank(): void {
    for (;;) {
      const rest = this.text.slice(this.position, this.position + 2);
      if (/^\s/.test(rest)) this.position += 1;
      else if (rest === '//') {
        const end = this.text.indexOf('\n', this.position);
        this.position = end === -1 ? this.text.length : end;
      } else if (rest === '/*') {
        const end = this.text.indexOf('*/', this.position + 2);
        if (end === -1) throw new JsonSyntaxError('Unterminated comment', this.position);
        this.position = end + 2;
      } else return;
    }
  }
}
