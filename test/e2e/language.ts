// What a view says in Simplified Chinese: its words without code (keys, ids, URLs, model and
// variable names are the same in every language), and the English words left in them.
import type { Page } from '@playwright/test';

/** Product, tool and protocol names stay as they are in Chinese text; English words must not. */
const ENGLISH =
  /(?<![\w-])(the|and|your|with|from|this|that|keys?|not|for|regions?|checks?|copy|settings?|add|save|cancel|workspaces?|active|status|filter|tools?|launch|loading|when|yet|none|all|any|default workspace|installed|variables?|enabled|disabled|allowed|spend|balance|account|rotate|delete|create)(?![\w-])/gi;

/** The main area's text, code left out. */
export const mainText = (page: Page): Promise<string> =>
  page.getByRole('main').evaluate((main) => {
    const copy = main.cloneNode(true) as typeof main;
    copy
      .querySelectorAll('code, option, [translate="no"]')
      .forEach((node: { remove(): void }) => node.remove());
    return (copy as unknown as { innerText: string }).innerText;
  });

/** The English words in `text` (the product's name aside). */
export const englishLeft = (text: string): string[] =>
  text.replaceAll('Model Studio Keys', '').match(ENGLISH) ?? [];
