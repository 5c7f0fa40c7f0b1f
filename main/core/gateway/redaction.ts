// Nothing the gateway passes back to a tool may hold a key: Model Studio quotes the key it was sent
// in some refusals ("Access denied for API key sk-…"). Every body and header goes through
// redactKeys (the masking `msk check` applies), with the secrets the gateway holds for the token
// masked by their exact value. Bodies are read as bytes (latin1: one character per byte, so any
// content passes unchanged but for the masks), and a stream holds back only an end that could
// still become a key, letting it go once it cannot.
import { redactKeys, unfinishedKeyAt } from '../model-studio/key-format.js';

/** The mask's ellipsis as UTF-8 bytes, in the byte-per-character view of a body or header. */
const ELLIPSIS_BYTES = Buffer.from('…', 'utf8').toString('latin1');

/** A secret as a body may spell it: itself, in JSON that escapes `/`, percent-encoded. */
const writtenForms = (secret: string): string[] => [
  secret,
  secret.replaceAll('/', '\\/'),
  encodeURIComponent(secret),
];

export class Redaction {
  /** The secrets, in the byte-per-character view. */
  private readonly known: string[];

  constructor(secrets: readonly string[]) {
    this.known = [...new Set(secrets.flatMap(writtenForms))].map((form) =>
      Buffer.from(form, 'utf8').toString('latin1'),
    );
  }

  /** A header value, or a whole body in the byte-per-character view, masked. */
  text(bytes: string): string {
    return redactKeys(bytes, this.known).replaceAll('…', ELLIPSIS_BYTES);
  }

  /** The headers to return, masked; a header whose name holds a key is left out. */
  headers(headers: Record<string, string | string[]>): Record<string, string | string[]> {
    const masked: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (this.text(name) !== name) continue;
      masked[name] = Array.isArray(value) ? value.map((one) => this.text(one)) : this.text(value);
    }
    return masked;
  }

  /**
   * A whole body, masked. One cut short (a refusal read up to a cap) may end inside a key, too
   * short there to look like one: an end that could be part of a key is left out.
   */
  body(body: Buffer, cutShort = false): Buffer {
    if (cutShort) return this.stream().pass(body);
    return Buffer.from(this.text(body.toString('latin1')), 'latin1');
  }

  /** A body that comes in chunks. */
  stream(): StreamRedaction {
    return new StreamRedaction(this);
  }

  /** Where a stream holds back the end of `text`, which could still become a key. */
  unfinishedAt(text: string): number {
    return unfinishedKeyAt(text, this.known);
  }
}

export class StreamRedaction {
  /** The end of what came, held while it could still become a key. */
  private held = '';

  constructor(private readonly redaction: Redaction) {}

  /** What of `chunk` (and of what was held) goes on now, masked. */
  pass(chunk: Buffer): Buffer {
    const text = this.held + chunk.toString('latin1');
    const cut = this.redaction.unfinishedAt(text);
    this.held = text.slice(cut);
    return Buffer.from(this.redaction.text(text.slice(0, cut)), 'latin1');
  }

  /** What was held, masked: the body has ended. */
  finish(): Buffer {
    const rest = this.held;
    this.held = '';
    return Buffer.from(this.redaction.text(rest), 'latin1');
  }
}
