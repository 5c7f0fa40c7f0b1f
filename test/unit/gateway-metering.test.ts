// The gateway reads the tokens an answer used as it passes, in every form Model Studio answers in,
// however the answer is cut into chunks — and takes out only the usage chunk it asked for itself.
// The request goes upstream with the token's model, which no spelling of the body gets around.
import { describe, expect, it } from 'vitest';
import { UsageMeter } from '../../main/core/gateway/metering.js';
import { type PreparedBody, prepareBody } from '../../main/core/gateway/request-body.js';
import type { GatewayToken } from '../../main/core/config/config-schema.js';

const event = (data: unknown, name?: string) =>
  `${name ? `event: ${name}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;

/** Feeds `text` to a meter in pieces of `size` characters; what the client got, and the usage. */
function through(meter: UsageMeter, text: string, size: number) {
  let passed = '';
  for (let at = 0; at < text.length; at += size)
    passed += meter.pass(Buffer.from(text.slice(at, at + size))).toString();
  const { rest, usage } = meter.finish();
  return { passed: passed + rest.toString(), usage };
}

const chunk = (content: string) => ({ choices: [{ index: 0, delta: { content }, finish_reason: null }] });
const usageChunk = { choices: [], usage: { prompt_tokens: 12, completion_tokens: 7, total_tokens: 19 } };

describe('metering', () => {
  it.each([1, 7, 64, 10_000])('reads a compatible stream’s usage chunk, cut every %i characters', (size) => {
    const stream = event(chunk('Hello ')) + event(chunk('there')) + event(usageChunk) + event('[DONE]');
    expect(through(new UsageMeter('sse'), stream, size)).toEqual({
      passed: stream,
      usage: { inputTokens: 12, outputTokens: 7 },
    });
  });

  it.each([1, 5, 10_000])(
    'takes out the usage chunk it asked for, and nothing else (cut every %i)',
    (size) => {
      const kept = event(chunk('Hello ')) + event(chunk('there'));
      const stream = kept + event(usageChunk) + event('[DONE]');
      expect(through(new UsageMeter('sse', true), stream, size)).toEqual({
        passed: kept + event('[DONE]'),
        usage: { inputTokens: 12, outputTokens: 7 },
      });
    },
  );

  it('splits no character when a chunk ends inside one (Chinese text, cut every byte)', () => {
    const kept = event(chunk('你好，世界')) + event(chunk('。'));
    const bytes = Buffer.from(kept + event(usageChunk));
    const meter = new UsageMeter('sse', true);
    const passed = [...bytes].map((byte) => meter.pass(Buffer.from([byte])));
    expect(Buffer.concat([...passed, meter.finish().rest]).toString('utf8')).toBe(kept);
  });

  it('keeps a chunk that has choices and a usage (some servers send both)', () => {
    const both = event({ ...chunk('end'), usage: usageChunk.usage });
    expect(through(new UsageMeter('sse', true), both, 3).passed).toBe(both);
  });

  it('reads CRLF-separated events and a last event without its blank line', () => {
    const stream = `data: ${JSON.stringify(chunk('a'))}\r\n\r\ndata: ${JSON.stringify(usageChunk)}`;
    expect(through(new UsageMeter('sse'), stream, 4).usage).toEqual({ inputTokens: 12, outputTokens: 7 });
  });

  it('reads an Anthropic stream: input tokens at message_start, output tokens at message_delta', () => {
    const stream =
      event(
        { type: 'message_start', message: { usage: { input_tokens: 30, output_tokens: 1 } } },
        'message_start',
      ) +
      event(
        { type: 'content_block_delta', delta: { type: 'text_delta', text: 'hi' } },
        'content_block_delta',
      ) +
      event({ type: 'message_delta', usage: { output_tokens: 22 } }, 'message_delta') +
      event({ type: 'message_stop' }, 'message_stop');
    expect(through(new UsageMeter('sse'), stream, 9)).toEqual({
      passed: stream,
      usage: { inputTokens: 30, outputTokens: 22 },
    });
  });

  it('reads a native stream’s running total: the last one counts', () => {
    const stream = [1, 2, 3]
      .map((n) => event({ output: { text: 'x' }, usage: { input_tokens: 8, output_tokens: n } }))
      .join('');
    expect(through(new UsageMeter('sse'), stream, 11).usage).toEqual({ inputTokens: 8, outputTokens: 3 });
  });

  it('reads a JSON answer’s usage (OpenAI and Anthropic words) and passes it unchanged', () => {
    const openai = JSON.stringify({ choices: [], usage: { prompt_tokens: 5, completion_tokens: 4 } });
    const anthropic = JSON.stringify({ content: [], usage: { input_tokens: 3, output_tokens: 2 } });
    expect(through(new UsageMeter('json'), openai, 10)).toEqual({
      passed: openai,
      usage: { inputTokens: 5, outputTokens: 4 },
    });
    expect(through(new UsageMeter('json'), anthropic, 10).usage).toEqual({ inputTokens: 3, outputTokens: 2 });
  });

  it('reports no usage when there is none, or the answer is not what it seems', () => {
    expect(through(new UsageMeter('json'), '{"data":[]}', 4).usage).toBeUndefined();
    expect(through(new UsageMeter('json'), '{"usage":', 4).usage).toBeUndefined();
    expect(through(new UsageMeter('sse'), event({ usage: 'lots' }), 4).usage).toBeUndefined();
    expect(through(new UsageMeter('other'), 'binary', 2)).toEqual({ passed: 'binary', usage: undefined });
  });
});

describe('the request as it goes upstream', () => {
  const token = (extra: Partial<GatewayToken> = {}): GatewayToken => ({
    name: 'tool',
    hash: '0'.repeat(64),
    keyIds: [],
    createdAt: '2026-11-28T00:00:00.000Z',
    ...extra,
  });
  const json = (value: unknown) => Buffer.from(JSON.stringify(value));
  const accepted = (prepared: PreparedBody) => {
    if (!prepared.ok) throw new Error(prepared.message);
    return prepared;
  };
  const chat = '/v1/chat/completions';

  it('asks a streamed chat completion for its usage, and says the chunk must be taken out again', () => {
    const prepared = accepted(
      prepareBody(
        json({ model: 'qwen-plus', stream: true }),
        { 'content-type': 'application/json' },
        token(),
        chat,
      ),
    );
    expect(JSON.parse(prepared.body.toString())).toEqual({
      model: 'qwen-plus',
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(prepared).toMatchObject({ model: 'qwen-plus', stripUsageChunk: true });
  });

  it('leaves a request alone that asked for usage itself, or is not streamed, or not a chat', () => {
    for (const [body, path] of [
      [{ model: 'm', stream: true, stream_options: { include_usage: true } }, chat],
      [{ model: 'm' }, chat],
      [{ model: 'm', stream: true }, '/anthropic/v1/messages'],
    ] as const) {
      const original = json(body);
      const prepared = accepted(
        prepareBody(original, { 'content-type': 'application/json; charset=utf-8' }, token(), path),
      );
      expect(prepared.body).toBe(original);
      expect(prepared).toMatchObject({ model: 'm', stripUsageChunk: false });
    }
  });

  it('puts the token’s model in place of the tool’s', () => {
    const prepared = accepted(
      prepareBody(
        json({ model: 'qwen3-max', messages: [] }),
        { 'content-type': 'application/json' },
        token({ model: 'qwen-flash' }),
        chat,
      ),
    );
    expect(JSON.parse(prepared.body.toString())).toEqual({ model: 'qwen-flash', messages: [] });
    expect(prepared.model).toBe('qwen-flash');
  });

  it('holds a limited token to its model however the body is spelled: the media type in any case, the model twice', () => {
    const limited = token({ model: 'qwen-flash' });
    for (const type of ['application/JSON', 'Application/Json; charset=UTF-8', 'application/vnd.api+json']) {
      const prepared = accepted(
        prepareBody(json({ model: 'qwen-max' }), { 'content-type': type }, limited, chat),
      );
      expect(prepared).toMatchObject({ model: 'qwen-flash', rewritten: true });
      expect(JSON.parse(prepared.body.toString())).toEqual({ model: 'qwen-flash' });
    }
    // JSON.parse takes the last of two keys, another parser the first: it goes up with one.
    const twice = Buffer.from('{"model":"qwen-max","messages":[],"model":"qwen-flash"}');
    const prepared = accepted(prepareBody(twice, { 'content-type': 'application/json' }, limited, chat));
    expect(prepared.body.toString()).toBe('{"model":"qwen-flash","messages":[]}');
    // Even when the tool already names the token's model: always written anew.
    const same = Buffer.from('{"model":"qwen-flash","model":"qwen-flash"}');
    expect(prepareBody(same, { 'content-type': 'application/json' }, limited, chat)).toMatchObject({
      rewritten: true,
    });
  });

  it('refuses a limited token’s body it cannot read, saying why; lets an unlimited token’s pass', () => {
    const limited = token({ name: 'cline', model: 'qwen-flash' });
    const body = json({ model: 'qwen-max' });
    for (const [headers, status] of [
      [{ 'content-type': 'text/plain' }, 415],
      [{ 'content-type': 'multipart/form-data; boundary=x' }, 415],
      [{}, 415],
      [{ 'content-type': 'application/json', 'content-encoding': 'gzip' }, 415],
    ] as const) {
      expect(prepareBody(body, headers, limited, chat)).toEqual({
        ok: false,
        status,
        message: expect.stringMatching(
          /^The token 'cline' may use only qwen-flash, and this request is (not JSON|compressed): send uncompressed JSON \(Content-Type: application\/json\)/,
        ),
      });
      expect(prepareBody(body, headers, token(), chat)).toMatchObject({ ok: true, body });
    }
    for (const text of ['{"model":', '["qwen-max"]', '\ufeff{"model":"qwen-max"}'])
      expect(
        prepareBody(Buffer.from(text), { 'content-type': 'application/json' }, limited, chat),
      ).toMatchObject({
        ok: false,
        status: 400,
      });
  });

  it('passes what is not a JSON object through untouched', () => {
    for (const [text, type] of [
      ['not json', 'application/json'],
      ['[1,2]', 'application/json'],
      ['{"model":"m"}', 'text/plain'],
      ['', 'application/json'],
    ] as const) {
      const original = Buffer.from(text);
      expect(prepareBody(original, { 'content-type': type }, token(), chat)).toMatchObject({
        ok: true,
        body: original,
      });
    }
  });
});
