// The languages the app speaks, named once: the setting's choices (config.json, the IPC contract,
// msk config, the window) and the catalogs all follow this list. It imports nothing, so msk's
// config schema can use it without loading i18next or a catalog.

export const LANGUAGES = ['en', 'zh-CN', 'zh-TW', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What the `language` setting may hold: a language, or `system` to follow the OS. */
export const LANGUAGE_SETTINGS = ['system', ...LANGUAGES] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];

/** Each language by its own name, as a language menu lists them whatever the window speaks. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  ja: '日本語',
};

/**
 * `system` follows the OS locale (`zh-Hant-TW`, `zh_HK.UTF-8`, `ja-JP`…): Traditional Chinese for
 * zh-Hant, Taiwan, Hong Kong and Macao, Simplified for any other Chinese, Japanese for ja, else English.
 */
export function resolveLanguage(setting: LanguageSetting, systemLocale: string): Language {
  if (setting !== 'system') return setting;
  const locale = systemLocale.toLowerCase().replaceAll('_', '-');
  if (/^ja\b/.test(locale)) return 'ja';
  if (!/^zh\b/.test(locale)) return 'en';
  // A script named wins (zh-Hans-HK is Simplified); else where Traditional is the norm.
  const script = /^zh-(hans|hant)\b/.exec(locale)?.[1];
  if (script) return script === 'hant' ? 'zh-TW' : 'zh-CN';
  return /^zh-(tw|hk|mo)\b/.test(locale) ? 'zh-TW' : 'zh-CN';
}
