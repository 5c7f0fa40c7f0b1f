import { describe, expect, it } from 'vitest';
import { en } from '../../main/shared/i18n/en.js';
import { errorText } from '../../main/shared/i18n/labels.js';
import { createTranslator, resolveLanguage } from '../../main/shared/i18n/translator.js';
import { zhCN } from '../../main/shared/i18n/zh-CN.js';

const keysOf = (value: object, prefix = ''): string[] =>
  Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'string' ? [`${prefix}${key}`] : keysOf(child as object, `${prefix}${key}.`),
  );
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe('translations', () => {
  it('give Simplified Chinese every English string, with the same placeholders', () => {
    expect(keysOf(zhCN)).toEqual(keysOf(en));
    const lookup = (catalog: object, key: string) =>
      key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog) as string;
    for (const key of keysOf(en))
      expect(placeholders(lookup(zhCN, key)), key).toEqual(placeholders(lookup(en, key)));
  });

  it('follow the language setting, and the OS locale for “system”', () => {
    expect(resolveLanguage('system', 'zh-CN')).toBe('zh-CN');
    expect(resolveLanguage('system', 'zh-TW')).toBe('zh-CN');
    expect(resolveLanguage('system', 'en-GB')).toBe('en');
    expect(resolveLanguage('system', 'de')).toBe('en');
    expect(resolveLanguage('en', 'zh-CN')).toBe('en');
    expect(resolveLanguage('zh-CN', 'en-US')).toBe('zh-CN');
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
  });
});
