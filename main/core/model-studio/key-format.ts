// Rules about key strings: what shape a pasted value is, how to show it without revealing it.
// Validation is loose on purpose (Alibaba documents no key format): anything `sk-` + URL-safe
// characters within the length cap is a key; probing decides whether it works.
import { MskError } from '../base/errors.js';
import { KEY_FORMAT, KEY_SHAPES, type KeyShape, type Plan, TEMPORARY_KEY } from './catalog.js';
import { type Notice, notice } from '../base/notices.js';

export interface ParsedKey {
  secret: string;
  shape: KeyShape;
  /** The plans a key of this shape can belong to, the usual one first. */
  plans: readonly Plan[];
  /** What the key is stored as when nobody says otherwise. */
  defaultPlan: Plan;
  /** Things worth telling the user that do not stop the key from being stored. */
  notices: Notice[];
}

/**
 * Turns what the user pasted into a storable key, or explains why it is not one. Whitespace
 * around the value (a trailing newline from `pbpaste | msk add`) and one pair of surrounding
 * quotes (copied from a .env file) are dropped. No message ever repeats the value.
 */
export function parseKey(input: string): ParsedKey {
  // The cap comes first: a pasted file must not reach a regex or a command line.
  if (input.length > KEY_FORMAT.maxLength * 4) throw tooLong(input.length);
  const secret = unquote(input.trim());
  if (secret === '') {
    throw new MskError('invalid-key', 'No key was given: paste a Model Studio API key (sk-…).');
  }
  if (/\s/.test(secret)) {
    throw new MskError(
      'invalid-key',
      'That is not one API key: it contains spaces or line breaks. Paste a single sk-… key.',
    );
  }
  if (secret.length > KEY_FORMAT.maxLength) throw tooLong(secret.length);
  if (secret.startsWith(KEY_FORMAT.temporaryPrefix)) {
    throw new MskError(
      'temporary-key',
      `That is a temporary key (st-…): it expires within ${TEMPORARY_KEY.maxTtlSeconds / 60} minutes, so storing it is pointless. Store the permanent sk-… key it was made from.`,
    );
  }
  if (!secret.startsWith(KEY_FORMAT.prefix)) {
    const first = [...secret][0] ?? '';
    // An invisible character or a smart quote picked up while copying is worth naming.
    const why = /^[\x21-\x7e]$/.test(first) ? '' : ` (it begins with ${describeCharacter(first)})`;
    throw new MskError(
      'invalid-key',
      `That does not look like a Model Studio API key${why}: keys start with sk- (sk-…, sk-ws-…, or sk-sp-… for a Coding or Token Plan).`,
    );
  }
  const body = secret.slice(KEY_FORMAT.prefix.length);
  const stray = [...body].findIndex((character) => !KEY_FORMAT.alphabet.test(character));
  if (stray !== -1) {
    const character = [...body][stray] ?? '';
    throw new MskError(
      'invalid-key',
      `That does not look like a Model Studio API key: character ${stray + 1 + KEY_FORMAT.prefix.length} is ${describeCharacter(character)}, which keys never contain (they use letters, digits and . _ - ~ + / =). Copy the key again.`,
    );
  }
  if (body.length < KEY_FORMAT.minBodyLength) {
    throw new MskError(
      'invalid-key',
      `That key is too short (${secret.length} characters) to be a Model Studio API key: was it cut off when copied?`,
    );
  }
  const shape = shapeOf(secret);
  return {
    secret,
    shape: shape.id,
    plans: shape.plans,
    defaultPlan: shape.plans[0] ?? 'payg',
    notices: shape.id === 'unusual' && shape.explanation ? [notice('unusual-shape', shape.explanation)] : [],
  };
}

/** The catalog's entry for a key string; the last entry matches anything. */
export const shapeOf = (secret: string) =>
  KEY_SHAPES.find((shape) => shape.test(secret)) ?? (KEY_SHAPES.at(-1) as (typeof KEY_SHAPES)[number]);

/** One sentence about a shape, when it needs one (Coding and Token Plan keys do). */
export const explainShape = (shape: KeyShape): string | undefined =>
  KEY_SHAPES.find((entry) => entry.id === shape)?.explanation;

/** Last four characters: enough to tell keys apart in a list, far too little to guess one. */
export const fingerprintOf = (secret: string): string => secret.slice(-4);

/** How a key is shown everywhere: its family prefix and its fingerprint, e.g. `sk-ws-…a1b2`. */
export function maskKey(key: { shape: KeyShape; fingerprint: string }): string {
  const prefix = KEY_SHAPES.find((shape) => shape.id === key.shape)?.maskPrefix ?? KEY_FORMAT.prefix;
  return `${prefix}…${key.fingerprint}`;
}

const KEY_CHARACTERS = 'A-Za-z0-9._~+/=-';
/** A permanent or temporary key in text from elsewhere: `sk-`/`st-` and 8 or more key characters. */
const KEY_LIKE = `\\b(?:sk|st)-[${KEY_CHARACTERS}]{8,}`;
const KEY_IN_TEXT = new RegExp(KEY_LIKE, 'g');
const HOLDS_KEY = new RegExp(KEY_LIKE);
/** The start of what could still grow into a key: `s`, `sk`, `sk-…` (or `st`) reaching the end. */
const UNFINISHED_KEY = new RegExp(`\\bs(?:[kt](?:-[${KEY_CHARACTERS}]*)?)?$`, 'g');
/** Shorter "secrets" are no key, and masking them would wreck the text. */
const MIN_KNOWN_SECRET = 8;

/** How a key found in text is shown: its family prefix (if any) and its last four characters. */
const maskFound = (found: string): string =>
  `${/^s[kt]-/.test(found) ? found.slice(0, 3) : ''}…${found.slice(-4)}`;

const usable = (known: readonly string[]): string[] =>
  known.filter((secret) => secret.length >= MIN_KNOWN_SECRET).sort((a, b) => b.length - a.length);

/**
 * Text from elsewhere (a server's error message) with anything shaped like a key masked, so it
 * can be shown, stored and logged: `sk-…a1b2`. `known` secrets are masked too, whatever their
 * shape and wherever they stand (a Token Plan key has no documented format).
 */
export const redactKeys = (text: string, known: readonly string[] = []): string =>
  usable(known)
    .reduce((masked, secret) => masked.replaceAll(secret, maskFound(secret)), text)
    .replace(KEY_IN_TEXT, maskFound);

/**
 * Where the end of `text` could still become a key (or one of `known`) once more text follows,
 * else `text.length`: a stream masks and lets go of what comes before, and holds the rest. A run
 * of key characters longer than any key is let go (masked) rather than held for ever; a known
 * secret that would be cut in two is held whole.
 */
export function unfinishedKeyAt(text: string, known: readonly string[] = []): number {
  const secrets = usable(known);
  UNFINISHED_KEY.lastIndex = Math.max(0, text.length - KEY_FORMAT.maxLength);
  let cut = UNFINISHED_KEY.exec(text)?.index ?? text.length;
  // The longest end of the text that begins a known secret.
  for (const secret of secrets) {
    for (let at = Math.max(0, text.length - secret.length + 1); at < cut; at++) {
      if (text.charCodeAt(at) === secret.charCodeAt(0) && secret.startsWith(text.slice(at))) {
        cut = at;
        break;
      }
    }
  }
  // A whole known secret across the cut: cut before it.
  for (let moved = true; moved;) {
    moved = false;
    for (const secret of secrets) {
      const at = text.lastIndexOf(secret, cut - 1);
      if (at >= 0 && at < cut && at + secret.length > cut) [cut, moved] = [at, true];
    }
  }
  return cut;
}

/** A stable digest for comparing a secret without keeping it (clipboard clearing). */
export const digestOf = (secret: string): string =>
  crypto().createHash('sha256').update(secret, 'utf8').digest('hex');

/** node:crypto, loaded when a secret is first hashed: listing keys hashes none. */
const crypto = () => process.getBuiltinModule('node:crypto');

function unquote(value: string): string {
  const quoted = /^(["'`])(.*)\1$/s.exec(value);
  return quoted ? (quoted[2] ?? '').trim() : value;
}

function tooLong(length: number): MskError {
  return new MskError(
    'invalid-key',
    `That is ${length} characters long; a Model Studio API key is at most ${KEY_FORMAT.maxLength} (most are 35 to 130). Paste the key alone.`,
  );
}

/** Names a character that is not part of any key, so saying it reveals nothing of the key. */
function describeCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code < 0x20 || code === 0x7f) return `a control character (${hex})`;
  if (code > 0x7e) return `a non-ASCII character (${hex}), often an invisible one picked up when copying`;
  return `'${character}'`;
}

/** 1..1800 whole seconds, checked before anything is sent. */
export function validateTtl(ttlSeconds: number): number {
  const { minTtlSeconds, maxTtlSeconds } = TEMPORARY_KEY;
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < minTtlSeconds || ttlSeconds > maxTtlSeconds) {
    throw new MskError(
      'invalid-input',
      `A temporary key lives ${minTtlSeconds} to ${maxTtlSeconds} whole seconds (30 minutes); '${ttlSeconds}' is not in that range.`,
    );
  }
  return ttlSeconds;
}

/**
 * Whether `text` holds, anywhere in it, what `redactKeys` would mask: `sk-`/`st-` and 8 or more
 * key characters. Text meant for config.json (a tool of the user's own) must hold none.
 */
export const holdsKeyLike = (text: string): boolean => HOLDS_KEY.test(text);
