// What a view says in another language: its words without code (keys, ids, URLs, model and
// variable names are the same in every language), the English words left in them, and whether
// they are written in that language's script.
import type { Page } from '@playwright/test';
import type { Language } from '../../main/shared/i18n/languages.js';

/** Product, tool and protocol names stay as they are in translated text; English words must not. */
const ENGLISH =
  /(?<![\w-])(the|and|your|with|from|this|that|keys?|not|for|regions?|checks?|copy|settings?|add|save|cancel|workspaces?|active|status|filter|tools?|launch|loading|when|yet|none|all|any|default workspace|installed|variables?|enabled|disabled|allowed|spend|balance|account|rotate|delete|create)(?![\w-])/gi;

/** Characters each language writes that no other of ours does: kana; Simplified- or Traditional-only forms. */
export const SCRIPT: Readonly<Record<Exclude<Language, 'en'>, RegExp>> = {
  'zh-CN': /[设钥区这为开关复务录网键证们个时动认语请检连载码]/,
  'zh-TW': /[設鑰區這為開關複務錄網鍵證們個時動認語請檢連載碼]/,
  ja: /[\u3040-\u30ff]/,
};

/** The main area's text, code left out. */
export const mainText = (page: Page): Promise<string> =>
  page.getByRole('main').evaluate((main) => {
    const copy = main.cloneNode(true) as typeof main;
    copy
      .querySelectorAll('code, option, [translate="no"]')
      .forEach((node: { remove(): void }) => node.remove());
    return (copy as unknown as { innerText: string }).innerText;
  });

/**
 * The English words in `text`: the product's name aside, and "API Key", which Alibaba Cloud's own
 * Chinese consoles and documents write in English.
 */
export const englishLeft = (text: string): string[] =>
  text.replaceAll('Model Studio Keys', '').replaceAll('API Key', '').match(ENGLISH) ?? [];
