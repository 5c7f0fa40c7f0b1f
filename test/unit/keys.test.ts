import { describe, expect, it } from 'vitest';
import { digestOf, fingerprintOf, maskKey, parseKey } from '../../main/core/keys.js';

const typical = 'sk-0123456789abcdef0123456789abcdef';

describe('parseKey', () => {
  it('accepts a typical key, trimming the newline a pipe adds', () => {
    expect(parseKey(`${typical}\n`)).toEqual({ secret: typical, kind: 'standard', warnings: [] });
  });

  it('accepts an unusual length with a warning rather than refusing', () => {
    const result = parseKey('sk-ABCDEFGHIJ0123456789');
    expect(result.kind).toBe('standard');
    expect(result.warnings[0]).toMatch(/does not look like the usual/);
  });

  it('recognises a Coding Plan key and says what it is', () => {
    const result = parseKey('sk-sp-0123456789abcdef0123456789abcdef');
    expect(result.kind).toBe('plan');
    expect(result.warnings[0]).toMatch(/Coding Plan key/);
  });

  it('refuses a temporary key and says why', () => {
    expect(() => parseKey('st-0123456789abcdef')).toThrow(/temporary key.*permanent sk-/);
  });

  it.each([
    ['', /No key was given/],
    ['   \n', /No key was given/],
    [`${typical} ${typical}`, /not one API key/],
    ['hello', /does not look like a Model Studio API key/],
    ['sk-short', /does not look like/],
    ['sk-0123456789abcdef_0123456789', /does not look like/],
  ])('refuses %j', (input, message) => {
    expect(() => parseKey(input)).toThrow(message);
  });
});

describe('showing a key', () => {
  it('keeps the last four characters as a fingerprint and masks the rest', () => {
    expect(fingerprintOf(typical)).toBe('cdef');
    expect(maskKey({ kind: 'standard', fingerprint: 'cdef' })).toBe('sk-…cdef');
    expect(maskKey({ kind: 'plan', fingerprint: 'a1b2' })).toBe('sk-sp-…a1b2');
  });

  it('digests a secret stably without containing it', () => {
    expect(digestOf(typical)).toBe(digestOf(typical));
    expect(digestOf(typical)).not.toBe(digestOf(`${typical}0`));
    expect(digestOf(typical)).not.toContain('0123456789abcdef');
  });
});
