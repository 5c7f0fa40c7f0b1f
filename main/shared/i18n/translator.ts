// One i18next instance per language setting, shared by the tray and notifications in main and,
// later, the window: `t('tray.copyKey')`, with English as the fallback for anything missing.
import i18next from 'i18next';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
export type LanguageSetting = Language | 'system';

/** `t('tray.copyKey')`, `t('tray.region', { region })`. */
export type Translate = (key: string, params?: Readonly<Record<string, unknown>>) => string;

/** `system` follows the OS locale: any Chinese locale gets Simplified Chinese, else English. */
export function resolveLanguage(setting: LanguageSetting, systemLocale: string): Language {
  if (setting !== 'system') return setting;
  return /^zh\b/i.test(systemLocale) ? 'zh-CN' : 'en';
}

export function createTranslator(language: Language): Translate {
  const instance = i18next.createInstance();
  // Resources are bundled, so initialisation is synchronous.
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return (key, params) => instance.t(key, params ?? {}) as string;
}
