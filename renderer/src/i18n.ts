// The window speaks the language the user chose (or the system's), from the same catalogs as the
// tray (main/i18n). `useT()` re-renders a component only when the language changes.
import { useEffect, useMemo } from 'react';
import { createTranslator, resolveLanguage, type Translate } from '../../main/shared/i18n/translator';
import type { Language } from '../../main/shared/i18n/languages';
import { useStore } from './store';

export type { Translate };
export { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../main/shared/i18n/languages';

const translators = new Map<Language, Translate>();

function translatorFor(language: Language): Translate {
  let t = translators.get(language);
  if (!t) {
    t = createTranslator(language);
    translators.set(language, t);
  }
  return t;
}

export function useLanguage(): Language {
  const setting = useStore((store) => store.state?.language ?? 'system');
  return resolveLanguage(setting, navigator.language);
}

export function useT(): Translate {
  const language = useLanguage();
  return useMemo(() => translatorFor(language), [language]);
}

/** Keeps `<html lang>` in step, so screen readers and fonts pick the right language. */
export function useDocumentLanguage(): void {
  const language = useLanguage();
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
}

/** "a, b and c" in the window's language. */
export function useListFormat(): Intl.ListFormat {
  const language = useLanguage();
  return useMemo(() => new Intl.ListFormat(language, { type: 'conjunction' }), [language]);
}

/** An error or a region in the window's words: the tray's own helpers. */
export { errorText as errorMessage, regionLabel as regionName } from '../../main/shared/i18n/labels';
