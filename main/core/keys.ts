// Rules about key strings: what kind a pasted value is, how to show it without revealing it.
import { createHash } from 'node:crypto';
import { MskError } from './errors.js';
import { KEY_PATTERNS, TEMPORARY_KEY } from './model-studio.js';

export type KeyKind = 'standard' | 'plan';

export interface ParsedKey {
  secret: string;
  kind: KeyKind;
  /** Things worth telling the user that do not stop the key from being stored. */
  warnings: string[];
}

/**
 * Turns what the user pasted into a storable key, or explains why it is not one.
 * Whitespace around the value (a trailing newline from `pbpaste | msk add`) is dropped.
 */
export function parseKey(input: string): ParsedKey {
  const secret = input.trim();
  if (secret === '') {
    throw new MskError('invalid-key', 'No key was given: paste a Model Studio API key (sk-…).');
  }
  if (/\s/.test(secret)) {
    throw new MskError(
      'invalid-key',
      'That is not one API key: it contains spaces or line breaks. Paste a single sk-… key.',
    );
  }
  if (KEY_PATTERNS.temporary.test(secret)) {
    throw new MskError(
      'temporary-key',
      `That is a temporary key (st-…): it expires within ${TEMPORARY_KEY.maxTtlSeconds / 60} minutes, so storing it is pointless. Store the permanent sk-… key it was made from.`,
    );
  }
  if (KEY_PATTERNS.plan.test(secret)) {
    return {
      secret,
      kind: 'plan',
      warnings: [
        'This is a Coding Plan key (sk-sp-…): it works only on the Coding Plan endpoints, not the general Model Studio API.',
      ],
    };
  }
  if (KEY_PATTERNS.standard.test(secret)) {
    const warnings = KEY_PATTERNS.standardTypical.test(secret)
      ? []
      : ['This key does not look like the usual sk- + 32 hex characters; storing it anyway.'];
    return { secret, kind: 'standard', warnings };
  }
  throw new MskError(
    'invalid-key',
    'That does not look like a Model Studio API key: expected sk- followed by letters and digits.',
  );
}

/** Last four characters: enough to tell keys apart in a list, far too little to guess one. */
export const fingerprintOf = (secret: string): string => secret.slice(-4);

/** How a key is shown everywhere: its family prefix and its fingerprint, e.g. `sk-…a1b2`. */
export function maskKey(prefixAndFingerprint: { kind: KeyKind; fingerprint: string }): string {
  const prefix = prefixAndFingerprint.kind === 'plan' ? 'sk-sp-' : 'sk-';
  return `${prefix}…${prefixAndFingerprint.fingerprint}`;
}

/** A stable digest for comparing a secret without keeping it (clipboard clearing). */
export const digestOf = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');
