// What the gateway passes back never holds a key: a refusal that quotes it, a stream that splits
// it across chunks, a header that carries it, a stored secret of no known shape — all masked as
// `msk check` masks them, and everything else passed unchanged, byte for byte.
import { describe, expect, it } from 'vitest';
import { Redaction } from '../../main/core/gateway/redaction.js';
import { fakeKey, KEY_SHAPES } from '../fixtures/fake-keys.js';

/** Feeds `body` to a stream redaction in pieces of `size` bytes; what the tool got. */
function streamed(redaction: Redaction, body: Buffer, size: number): Buffer {
  const stream = redaction.stream();
  const out: Buffer[] = [];
  for (let at = 0; at < body.length; at += size) out.push(stream.pass(body.subarray(at, at + size)));
  out.push(stream.finish());
  return Buffer.concat(out);
}

const stored = KEY_SHAPES.map((shape) => fakeKey(shape));
// A Token Plan key has no documented format: one that looks like no key at all.
const shapeless = 'TPK9f3Qx7Lm2Vw8Rz4Ty6Nb1Hc5Jd0';
const temporary = `st-${'0a1b2c3d'.repeat(4)}`;

describe('the gateway’s redaction', () => {
  const redaction = new Redaction([...stored, shapeless]);

  it('masks a refusal that quotes the key, as msk check does', () => {
    const [key = ''] = stored;
    const refusal = JSON.stringify({
      error: { message: `Access denied for API key ${key}.`, code: 'access_denied' },
    });
    const masked = redaction.body(Buffer.from(refusal)).toString('utf8');
    expect(masked).toBe(refusal.replace(key, `sk-…${key.slice(-4)}`));
  });

  it('masks a stored secret of any shape by its value, wherever it stands', () => {
    const [key = ''] = stored;
    const text = `token=${shapeless}; glued_${key} and ${key.replaceAll('/', '\\/')} and ${encodeURIComponent(key)}`;
    const masked = redaction.body(Buffer.from(text)).toString('utf8');
    for (const secret of [...stored, shapeless]) expect(masked).not.toContain(secret);
    expect(masked).not.toContain(key.slice(3, 15));
    expect(masked).toContain(`token=…${shapeless.slice(-4)};`);
  });

  const body = Buffer.from(
    [
      'data: {"choices":[{"delta":{"content":"你好, here is a word: ask-me, sk-short, and s"}}]}\n\n',
      ...stored.map((key, index) => `data: {"error":"key ${index}: ${key}"}\n\n`),
      `data: {"content":"a temporary key ${temporary}, a secret ${shapeless} ✓"}\n\n`,
      'data: [DONE]\n\n',
      'sk-',
    ].join(''),
  );

  it.each([1, 2, 3, 5, 7, 13, 64, 1000, body.length])(
    'masks a stream cut every %i bytes exactly as the whole answer, splitting no character',
    (size) => {
      const out = streamed(redaction, body, size);
      expect(out.toString('utf8')).toBe(redaction.body(body).toString('utf8'));
      for (const secret of [...stored, shapeless, temporary])
        expect(out.toString('utf8')).not.toContain(secret);
      expect(out.toString('utf8')).toContain('你好, here is a word: ask-me, sk-short, and s');
      expect(out.toString('utf8')).toContain(`st-…${temporary.slice(-4)}`);
    },
  );

  it('passes what holds no key unchanged, byte for byte, and holds back only what could become one', () => {
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 37) % 256));
    expect(streamed(redaction, binary, 100).equals(redaction.body(binary))).toBe(true);
    const text = Buffer.from('{"ok":true,"text":"nothing to hide"}');
    expect(redaction.stream().pass(text).equals(text)).toBe(true);
    const stream = redaction.stream();
    expect(stream.pass(Buffer.from('the key is sk-0123')).toString()).toBe('the key is ');
    expect(stream.pass(Buffer.from('456789abcdef ')).toString()).toBe('sk-…cdef ');
  });

  it('leaves out the end of a body cut short that could be part of a key', () => {
    const [key = ''] = stored;
    const cut = Buffer.from(`{"message":"Access denied for API key ${key.slice(0, 9)}`);
    expect(redaction.body(cut, true).toString()).toBe('{"message":"Access denied for API key ');
    expect(redaction.body(cut).toString()).toContain(key.slice(0, 9));
  });

  it('lets go of a run of key characters longer than any key instead of holding it for ever', () => {
    const stream = redaction.stream();
    let released = 0;
    for (let index = 0; index < 100; index++)
      released += stream.pass(Buffer.from(index === 0 ? `sk-${'a'.repeat(97)}` : 'a'.repeat(100))).length;
    expect(released).toBeGreaterThan(5000);
  });

  it('masks header values, and leaves out a header whose name holds a key', () => {
    const [key = ''] = stored;
    expect(
      redaction.headers({
        'x-request-id': 'abc',
        'x-denied-key': `Bearer ${key}`,
        [`x-${shapeless}`]: 'yes',
        'set-something': [`a ${shapeless}`, 'b'],
      }),
    ).toEqual({
      'x-request-id': 'abc',
      // The ellipsis as UTF-8 bytes, as a header carries them.
      'x-denied-key': `Bearer sk-${Buffer.from('…').toString('latin1')}${key.slice(-4)}`,
      'set-something': [`a ${Buffer.from('…').toString('latin1')}${shapeless.slice(-4)}`, 'b'],
    });
  });
});
