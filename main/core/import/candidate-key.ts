// Whether a value found in a file is a key worth reporting: the catalog's rules (parseKey) decide
// the format; on top, placeholders from templates and docs ("sk-your-api-key-here") are dropped,
// because a scan that reports them teaches the user to ignore its findings.
import { isMskError } from '../base/errors.js';
import { type ParsedKey, parseKey } from '../model-studio/key-format.js';
import { KEY_FORMAT } from '../model-studio/catalog.js';

const PLACEHOLDER_WORDS = /your|api[-_]?key|here|example|placeholder|replace|changeme|dummy|secret|test/i;
/** Runs no random key of the catalog's shapes has (odds below one in a billion). */
const PLACEHOLDER_RUNS = /\.\.\.|xxxxxx|XXXXXX|\*\*\*/;

/** The key `value` is, exactly and alone, or null; a value that merely contains one is not a key. */
export function candidateKey(value: string): ParsedKey | null {
  let parsed: ParsedKey;
  try {
    parsed = parseKey(value);
  } catch (error) {
    if (isMskError(error)) return null;
    throw error;
  }
  // parseKey drops surrounding whitespace and quotes; a scanned value must already be bare.
  if (parsed.secret !== value) return null;
  return looksLikePlaceholder(parsed.secret) ? null : parsed;
}

/**
 * Template text, a masked key, or one character repeated. Words count only in a body without
 * digits: a random key has digits, so a real one containing "here" by chance is never dropped.
 */
export function looksLikePlaceholder(secret: string): boolean {
  const body = secret.slice(KEY_FORMAT.prefix.length);
  if (PLACEHOLDER_RUNS.test(body) || new Set(body).size < 6) return true;
  return !/[0-9]/.test(body) && PLACEHOLDER_WORDS.test(body);
}
