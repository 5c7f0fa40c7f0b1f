// Every catalog key is used somewhere, and every key the code asks for exists — in the tray,
// notifications and the window alike. A key is used as a quoted string ('window.keys.copy'),
// or under a prefix the code completes at run time (`window.checks.explain.${status}`).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../main/shared/i18n/en.js';
import { CALL_NAMES, TASK_NAMES } from '../../main/shared/contract/channels.js';
import { LANGUAGES } from '../../main/shared/i18n/languages.js';

const ROOTS = Object.keys(en).join('|');
const CATALOG_FILES = new RegExp(`^(${LANGUAGES.join('|')})(-window)?\\.ts$`);
/** IPC method names (`regions.setActive`) look like keys: the IPC layer has no words of its own,
 * and elsewhere a method name is not a key. */
const NO_WORDS = path.join('main', 'ipc');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(directory, entry.name);
    if (entry.isDirectory()) return file === NO_WORDS ? [] : sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !CATALOG_FILES.test(entry.name) ? [file] : [];
  });
}

const leafKeys = (value: object, prefix = ''): string[] =>
  Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'string' ? [`${prefix}${key}`] : leafKeys(child as object, `${prefix}${key}.`),
  );
/** `title_one` and `title_other` are what i18next looks up for `t('title', { count })`. */
const withoutPlural = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

const sources = [...sourceFiles('main'), ...sourceFiles('renderer/src')].map((file) =>
  readFileSync(file, 'utf8'),
);
const quoted = new Set(
  sources.flatMap((text) =>
    [...text.matchAll(new RegExp(`'((?:${ROOTS})\\.[\\w.-]+)'`, 'g'))].map((m) => m[1] ?? ''),
  ),
);
const prefixes = new Set(
  sources.flatMap((text) =>
    [...text.matchAll(new RegExp(`\`((?:${ROOTS})\\.[\\w.-]*)\\$\\{`, 'g'))].map((m) => m[1] ?? ''),
  ),
);
for (const method of [...CALL_NAMES, ...TASK_NAMES]) quoted.delete(method);
const catalog = new Set(leafKeys(en).map(withoutPlural));

describe('the catalogs and the code', () => {
  it('have no key the code never asks for', () => {
    const unused = [...catalog].filter(
      (key) =>
        key !== 'product' && !quoted.has(key) && ![...prefixes].some((prefix) => key.startsWith(prefix)),
    );
    expect(unused).toEqual([]);
  });

  it('have every key the code asks for', () => {
    const missing = [...quoted].filter(
      (key) => !catalog.has(key) && ![...catalog].some((known) => known.startsWith(`${key}.`)),
    );
    expect(missing).toEqual([]);
  });

  it('find keys in the code at all (the scan is not blind)', () => {
    expect(quoted.has('window.keys.copy')).toBe(true);
    expect(quoted.has('tray.copyKey')).toBe(true);
    expect(prefixes.has('window.checks.explain.')).toBe(true);
  });
});
