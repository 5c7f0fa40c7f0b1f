// One i18next instance per language setting, shared by the tray and notifications in main and
// the window: `t('tray.copyKey')`, with English as the fallback for anything missing.
import i18next from 'i18next';
import type { Catalog } from './en.js';
import { en } from './en.js';
import { ja } from './ja.js';
import type { Language } from './languages.js';
import { zhCN } from './zh-CN.js';
import { zhTW } from './zh-TW.js';

export { LANGUAGES, resolveLanguage, type Language, type LanguageSetting } from './languages.js';

/** Every language's catalog: a language in LANGUAGES without one fails typecheck here. */
export const CATALOGS: Readonly<Record<Language, Catalog>> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW, ja };

/** `t('tray.copyKey')`, `t('tray.region', { region })`. */
export type Translate = (key: string, params?: Readonly<Record<string, unknown>>) => string;

export function createTranslator(language: Language): Translate {
  const instance = i18next.createInstance();
  // Resources are bundled, so initialisation is synchronous.
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    resources: Object.fromEntries(
      Object.entries(CATALOGS).map(([name, catalog]) => [name, { translation: catalog }]),
    ),
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return (key, params) => instance.t(key, params ?? {}) as string;
}
