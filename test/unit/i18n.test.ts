import { describe, expect, it } from 'vitest';
import { errorText } from '../../main/shared/i18n/labels.js';
import { createTranslator, resolveLanguage } from '../../main/shared/i18n/translator.js';

// Every catalog's keys, placeholders and script: i18n-catalogs.test.ts.
describe('translations', () => {
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
