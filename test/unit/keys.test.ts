import { describe, expect, it } from 'vitest';
import {
  digestOf,
  explainShape,
  fingerprintOf,
  maskKey,
  parseKey,
} from '../../main/core/model-studio/key-format.js';
import { fakeKey } from '../fixtures/fake-keys.js';

const typical = 'sk-0123456789abcdef0123456789abcdef';
// The shape of the key in the bug report, with a made-up body.
const workspace =
  'sk-ws-H.ABCDEFG.Ab1x.MEQCIyTyZeF-dg8CeOBMYxR1fUpJzg2Wregx8_XlYy0PiFQLCZ4tT5t1z4UGv-RB_zqrP3u_Vl9SAdV4Pufyy7Cbor1';

describe('parseKey', () => {
  it('accepts a classic key, trimming the newline a pipe adds', () => {
    expect(parseKey(`${typical}\n`)).toEqual({
      secret: typical,
      shape: 'classic',
      plans: ['payg'],
      defaultPlan: 'payg',
      notices: [],
    });
  });

  it('accepts a workspace key with dots, hyphens and underscores, without a warning', () => {
    expect(parseKey(workspace)).toMatchObject({ secret: workspace, shape: 'workspace', notices: [] });
    for (let index = 0; index < 50; index++) {
      const generated = fakeKey('workspace');
      expect(parseKey(generated)).toMatchObject({ shape: 'workspace', defaultPlan: 'payg' });
    }
  });

  it('recognises a subscription plan key: Coding Plan unless told otherwise, Token Plan possible', () => {
    const result = parseKey(fakeKey('plan'));
    expect(result).toMatchObject({ shape: 'plan', plans: ['coding', 'token'], defaultPlan: 'coding' });
    expect(explainShape('plan')).toMatch(/Coding Plan or Token Plan/);
  });

  it('stores an unusual shape with a warning rather than refusing it: probing decides', () => {
    for (const input of ['sk-ABCDEFGHIJ0123456789', fakeKey('unusual'), `sk-${'a~+/='.repeat(100)}`]) {
      const result = parseKey(input);
      expect(result.shape).toBe('unusual');
      expect(result.notices).toEqual([
        { code: 'unusual-shape', message: expect.stringMatching(/unusual shape/), params: {} },
      ]);
    }
  });

  it('drops one pair of quotes copied from a .env file', () => {
    expect(parseKey(`"${workspace}"`).secret).toBe(workspace);
    expect(parseKey(`'${typical}'\n`).secret).toBe(typical);
  });

  it('refuses a temporary key and says why', () => {
    expect(() => parseKey('st-0123456789abcdef')).toThrow(/temporary key.*permanent sk-/);
  });

  it('accepts up to 512 characters and refuses more without running a regex over it', () => {
    expect(parseKey(`sk-${'a'.repeat(509)}`).secret).toHaveLength(512);
    expect(() => parseKey(`sk-${'a'.repeat(510)}`)).toThrow(/513 characters long; .* at most 512/);
    const started = performance.now();
    expect(() => parseKey(`sk-${'a'.repeat(10 * 1024 * 1024)}`)).toThrow(/at most 512/);
    expect(() => parseKey(`sk-${'a'.repeat(200 * 1024)}`)).toThrow(/at most 512/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it.each([
    ['', /No key was given/],
    ['   \n', /No key was given/],
    [`${typical} ${typical}`, /not one API key/],
    ['hello', /keys start with sk-/],
    ['Bearer-sk-0123456789abcdef0123', /keys start with sk-/],
    ['sk-short', /too short \(8 characters\).*cut off/],
    ['sk-0123456789abcdef"0123456789', /character 20 is '"', which keys never contain/],
    ['sk-0123456789abcdef\u200b0123456789', /non-ASCII character \(U\+200B\)/],
    ['sk-0123456789abcdef\u00000123456789', /control character \(U\+0000\)/],
  ])('refuses %j with a reason', (input, message) => {
    expect(() => parseKey(input)).toThrow(message);
  });

  it('names an invisible character or a smart quote at the start', () => {
    expect(() => parseKey(`\u200b${typical}`)).toThrow(/begins with a non-ASCII character \(U\+200B\)/);
    expect(() => parseKey(`\u201c${typical}\u201d`)).toThrow(/begins with a non-ASCII character \(U\+201C\)/);
  });

  it('never repeats the value it refuses, whatever is wrong with it', () => {
    const part = 'SECRETPART0123456789';
    for (const input of [
      `sk-0123456789abcdef#${part}`,
      `sk-${part}\u200b`,
      `sk-${part} sk-${part}`,
      `xk-${part}`,
      `st-${part}`,
      `sk-${part}${'x'.repeat(600)}`,
    ]) {
      expect(() => parseKey(input)).toThrow(
        expect.objectContaining({ message: expect.not.stringContaining(part) }),
      );
    }
  });
});

describe('showing a key', () => {
  it('keeps the last four characters as a fingerprint and masks the rest with the family prefix', () => {
    expect(fingerprintOf(typical)).toBe('cdef');
    expect(fingerprintOf(workspace)).toBe('bor1');
    expect(maskKey({ shape: 'classic', fingerprint: 'cdef' })).toBe('sk-…cdef');
    expect(maskKey({ shape: 'unusual', fingerprint: 'c/=~' })).toBe('sk-…c/=~');
    expect(maskKey({ shape: 'workspace', fingerprint: 'K-_x' })).toBe('sk-ws-…K-_x');
    expect(maskKey({ shape: 'plan', fingerprint: 'a1b2' })).toBe('sk-sp-…a1b2');
  });

  it('digests a secret stably without containing it', () => {
    expect(digestOf(typical)).toBe(digestOf(typical));
    expect(digestOf(typical)).not.toBe(digestOf(`${typical}0`));
    expect(digestOf(typical)).not.toContain('0123456789abcdef');
  });
});
