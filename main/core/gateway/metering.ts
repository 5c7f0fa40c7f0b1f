// Reads the tokens an answer used as it passes through the gateway, without holding it back: a
// JSON answer's `usage`, or the `usage` of a server-sent event (OpenAI-compatible streams end with
// one when asked; Anthropic streams carry input tokens in `message_start` and output tokens in
// `message_delta`; native DashScope streams repeat a running total). The only bytes ever held are
// those of an unfinished event, and only while the usage chunk the gateway asked for on the
// client's behalf is being taken out again. Text is decoded across chunks: a chunk may end inside
// a character (Chinese text, three bytes each).
import { StringDecoder } from 'node:string_decoder';

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/** How much of a JSON answer is kept to read its usage: answers are small; a huge one is not metered. */
const MAX_JSON_BYTES = 4 * 1024 * 1024;
const EVENT_END = /\r?\n\r?\n/;

export class UsageMeter {
  private usage: Partial<TokenUsage> = {};
  private json: Buffer[] | undefined;
  private jsonBytes = 0;
  /** An SSE event not yet ended by a blank line. */
  private partial = '';
  private readonly decoder = new StringDecoder('utf8');

  constructor(
    private readonly form: 'json' | 'sse' | 'other',
    /** Take out the usage-only chunk (`choices: []`): the client did not ask for it. */
    private readonly stripUsageChunk = false,
  ) {
    if (form === 'json') this.json = [];
  }

  /** What of `chunk` goes on to the client now. */
  pass(chunk: Buffer): Buffer {
    if (this.form === 'json') {
      if (this.json && (this.jsonBytes += chunk.length) <= MAX_JSON_BYTES) this.json.push(chunk);
      else this.json = undefined;
      return chunk;
    }
    if (this.form !== 'sse') return chunk;
    if (!this.stripUsageChunk) {
      // Passed on as it came; events are read from a copy, and only those that name a usage.
      this.readEvents(this.decoder.write(chunk));
      return chunk;
    }
    const events = this.readEvents(this.decoder.write(chunk));
    return Buffer.from(events.filter((event) => !isUsageOnlyChunk(event)).join(''));
  }

  /** What is left for the client at the end, and the usage the answer reported (if it did). */
  finish(): { rest: Buffer; usage: TokenUsage | undefined } {
    let rest = Buffer.alloc(0);
    if (this.form === 'json' && this.json) this.take(parseJson(Buffer.concat(this.json).toString('utf8')));
    if (this.form === 'sse') this.partial += this.decoder.end();
    if (this.form === 'sse' && this.partial !== '') {
      const last = this.partial;
      this.partial = '';
      this.take(dataOf(last));
      if (this.stripUsageChunk && !isUsageOnlyChunk(last)) rest = Buffer.from(last);
    }
    const { inputTokens, outputTokens } = this.usage;
    const usage =
      inputTokens === undefined && outputTokens === undefined
        ? undefined
        : { inputTokens: inputTokens ?? 0, outputTokens: outputTokens ?? 0 };
    return { rest, usage };
  }

  /** Complete events of `text` (with their blank line), the rest kept for the next chunk. */
  private readEvents(text: string): string[] {
    const events: string[] = [];
    let buffered = this.partial + text;
    for (let match = EVENT_END.exec(buffered); match; match = EVENT_END.exec(buffered)) {
      const end = match.index + match[0].length;
      const event = buffered.slice(0, end);
      if (event.includes('"usage"')) this.take(dataOf(event));
      events.push(event);
      buffered = buffered.slice(end);
    }
    this.partial = buffered;
    return events;
  }

  private take(data: unknown): void {
    const reported = usageOf(data);
    if (reported.inputTokens !== undefined) this.usage.inputTokens = reported.inputTokens;
    if (reported.outputTokens !== undefined) this.usage.outputTokens = reported.outputTokens;
  }
}

/** The JSON of an SSE event's data lines, or undefined. */
function dataOf(event: string): unknown {
  const data = event
    .split(/\r?\n/)
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).trimStart())
    .join('\n');
  return data === '' || data === '[DONE]' ? undefined : parseJson(data);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const count = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;

/** Tokens in `usage` or `message.usage`, in OpenAI's words or Anthropic's and DashScope's. */
function usageOf(data: unknown): Partial<TokenUsage> {
  const object = data as
    { usage?: Record<string, unknown>; message?: { usage?: Record<string, unknown> } } | undefined;
  const usage = object?.usage ?? object?.message?.usage;
  if (typeof usage !== 'object' || usage === null) return {};
  return {
    inputTokens: count(usage.prompt_tokens) ?? count(usage.input_tokens),
    outputTokens: count(usage.completion_tokens) ?? count(usage.output_tokens),
  };
}

/** The chunk `stream_options.include_usage` adds at the end: no choices, only usage. */
function isUsageOnlyChunk(event: string): boolean {
  if (!event.includes('"usage"')) return false;
  const data = dataOf(event) as { choices?: unknown[]; usage?: unknown } | undefined;
  return (
    Array.isArray(data?.choices) &&
    data.choices.length === 0 &&
    data.usage !== undefined &&
    data.usage !== null
  );
}
