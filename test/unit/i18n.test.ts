import { describe, expect, it } from 'vitest';
import { en } from '../../main/shared/i18n/en.js';
import { errorText } from '../../main/shared/i18n/labels.js';
import { CATALOGS, createTranslator, LANGUAGES, resolveLanguage } from '../../main/shared/i18n/translator.js';

/** Every string of a catalog by its dotted key: the tray's, the notifications' and the window's. */
const entriesOf = (value: object, prefix = ''): [string, string][] =>
  Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'string'
      ? [[`${prefix}${key}`, child] as [string, string]]
      : entriesOf(child as object, `${prefix}${key}.`),
  );
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

/** What stays as it is in every language: names of products, plans, protocols and shells. */
const NAMES =
  /Model Studio Keys|Coding Plan|Token Plan|DashScope SDK|AccessKey (?:ID|Secret)|Base URL|PowerShell|bash|zsh|fish|cmd|\.env|https|ID\b/g;
/** What is left of a string to translate: no placeholder, no name. */
const words = (text: string) => text.replace(/\{\{\w+\}\}/g, '').replace(NAMES, '');
const LATIN = /[A-Za-z]/;
const TRANSLATED = ['zh-TW', 'ja'] as const;
/** Characters written only in Simplified Chinese (their Traditional forms differ). */
const SIMPLIFIED_ONLY =
  /[设说发钥区这为开关复务录图网键证们个时动认语请检连载码储选项单户号帐闭删读写见间应与业云鉴]/g;
const KANA_OR_KANJI = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('translations', () => {
  const english = new Map(entriesOf(en));

  it.each(LANGUAGES)('in %s have every English key, with the same placeholders', (language) => {
    const entries = entriesOf(CATALOGS[language]);
    expect(entries.map(([key]) => key)).toEqual([...english.keys()]);
    for (const [key, text] of entries)
      expect(placeholders(text), key).toEqual(placeholders(english.get(key)!));
  });

  it.each(TRANSLATED)('in %s leave nothing in English but names', (language) => {
    const untranslated = entriesOf(CATALOGS[language]).filter(
      ([key, text]) => text === english.get(key) && LATIN.test(words(text)),
    );
    expect(untranslated).toEqual([]);
  });

  it('in Traditional Chinese use no Simplified-only character', () => {
    const simplified = entriesOf(CATALOGS['zh-TW']).flatMap(([key, text]) =>
      (text.match(SIMPLIFIED_ONLY) ?? []).map((character) => `${key}: ${character}`),
    );
    // Cherry Studio names its provider in Simplified Chinese (阿里云百炼), as the user sees it there.
    expect(simplified.filter((found) => !found.startsWith('window.toolAbout.cherry-studio'))).toEqual([]);
  });

  it('in Japanese write every sentence with kana or kanji', () => {
    const latinOnly = entriesOf(CATALOGS.ja).filter(
      ([, text]) => LATIN.test(words(text)) && !KANA_OR_KANJI.test(text),
    );
    expect(latinOnly).toEqual([]);
  });

  it('follow the language setting, and the OS locale for “system”', () => {
    for (const locale of ['zh-Hant-TW', 'zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh_TW.UTF-8'])
      expect(resolveLanguage('system', locale), locale).toBe('zh-TW');
    for (const locale of ['zh', 'zh-CN', 'zh-Hans-SG', 'zh-SG', 'zh-Hans-HK'])
      expect(resolveLanguage('system', locale), locale).toBe('zh-CN');
    for (const locale of ['ja', 'ja-JP', 'ja_JP.UTF-8'])
      expect(resolveLanguage('system', locale), locale).toBe('ja');
    for (const locale of ['en-GB', 'de', 'jv', 'zu', 'C', ''])
      expect(resolveLanguage('system', locale), locale).toBe('en');
    expect(resolveLanguage('en', 'zh-CN')).toBe('en');
    expect(resolveLanguage('zh-CN', 'en-US')).toBe('zh-CN');
    expect(resolveLanguage('ja', 'zh-TW')).toBe('ja');
    expect(resolveLanguage('zh-TW', 'ja-JP')).toBe('zh-TW');
  });

  it('word an error by its code and params, or fall back to its message', () => {
    const t = createTranslator('en');
    expect(errorText({ code: 'no-active-key', message: 'x', params: { regionName: 'Singapore' } }, t)).toBe(
      'No active key in Singapore: open the window to add one or choose one.',
    );
    expect(errorText({ code: 'keychain-unavailable', message: 'no Secret Service' }, t)).toBe(
      'The keychain is not available: no Secret Service',
    );
    expect(errorText({ code: 'duplicate-label', message: "The label 'a' is already used." }, t)).toBe(
      "The label 'a' is already used.",
    );
    expect(errorText({ code: 'keychain-locked', message: 'x' }, createTranslator('zh-CN'))).toBe(
      '钥匙串已锁定：请解锁后重试。',
    );
    expect(errorText({ code: 'keychain-locked', message: 'x' }, createTranslator('zh-TW'))).toBe(
      '鑰匙圈已鎖定：請解鎖後重試。',
    );
    const tokyo = errorText(
      { code: 'no-active-key', message: 'x', params: { regionId: 'ap-northeast-1' } },
      createTranslator('ja'),
    );
    expect(tokyo).toMatch(/^日本 \(東京\)/);
    expect(tokyo).toMatch(/[\u3040-\u30ff]/);
  });
});
