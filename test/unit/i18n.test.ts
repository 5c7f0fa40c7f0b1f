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

  it('word a missing tool with the command that installs it, when there is one', () => {
    const missing = (install: string | null) => ({
      code: 'tool-missing',
      message: 'Claude Code is not installed here (no claude on your PATH)',
      params: { tool: 'claude-code', name: 'Claude Code', program: 'claude', install },
    });
    const install = 'npm install -g @anthropic-ai/claude-code';
    expect(errorText(missing(install), createTranslator('en'))).toBe(
      `Claude Code is not installed here: there is no claude on the PATH of your login shell. Install it with: ${install}`,
    );
    expect(errorText(missing(null), createTranslator('en'))).toBe(
      'Claude Code is not installed here: there is no claude on the PATH of your login shell.',
    );
    expect(errorText(missing(install), createTranslator('ja'))).toBe(
      `Claude Code はインストールされていません。ログインシェルの PATH に claude がありません。次のコマンドでインストールしてください: ${install}`,
    );
    expect(errorText(missing(null), createTranslator('zh-TW'))).toBe(
      '此處未安裝 Claude Code：登入 shell 的 PATH 中沒有 claude。',
    );
    expect(errorText(missing(install), createTranslator('zh-CN'))).toMatch(
      /^此处未安装 Claude Code：.*安装命令：npm install -g @anthropic-ai\/claude-code$/,
    );
  });
});
