// Every language says everything English says, with the same slots to fill, and in its own words:
// a key missing or a placeholder dropped shows the user a raw key or a hole, and an English string
// left in 繁體中文 or 日本語 is a sentence they may not read.
import { describe, expect, it } from 'vitest';
import { en } from '../../main/shared/i18n/en.js';
import { LANGUAGE_NAMES, LANGUAGES } from '../../main/shared/i18n/languages.js';
import { CATALOGS, createTranslator } from '../../main/shared/i18n/translator.js';

/** Every string of a catalog by its dotted key: the tray's and notifications' (en.ts…) and the
 * window's (en-window.ts…, under `window.`). */
const strings = (node: object, prefix = ''): Map<string, string> =>
  new Map(
    Object.entries(node).flatMap(([key, child]) =>
      typeof child === 'string'
        ? [[`${prefix}${key}`, child] as const]
        : [...strings(child as object, `${prefix}${key}.`)],
    ),
  );

const english = strings(en);
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1]).sort();
/** Markup a translation must carry over as it is: i18next's <0>…</0> and HTML-like tags. */
const MARKUP = /<\/?(?:\d+|a|b|br|code|em|i|kbd|span|strong)\b[^>]*>/g;
const markup = (text: string) => (text.match(MARKUP) ?? []).sort();

/** Keys whose text is a name in every language: products, plans, shells, credential fields. */
const NAMES = new Set([
  'product',
  'plans.coding',
  'plans.token',
  'shells.bash',
  'shells.fish',
  'shells.powershell',
  'shells.cmd',
  'shells.dotenv',
  'tray.tooltip',
  'tray.tooltipWithKey',
  'window.toolNames.dashscope',
  'window.updates.version',
  'window.account.accessKeyId',
  'window.account.accessKeySecret',
  /** Alibaba Cloud's Traditional Chinese console and documents call it API Key. */
  'window.add.paste',
  'window.add.shape.classic',
  'window.account.keys.id',
  'window.account.column.id',
  /** The tools' own field is called Base URL; the label beside the value says so. */
  'window.gateway.baseUrl',
  'window.settings.entryValue.endpointOverrides',
]);
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Words in it besides its placeholders: '{{label}} — {{masked}}' has none to translate. */
const hasWords = (text: string) => /\p{L}/u.test(text.replace(/\{\{[^}]*\}\}/g, ''));
/** Characters only Simplified Chinese writes (Traditional: 設 說 發 鑰 區 這 為 開 關 複…). */
const SIMPLIFIED_ONLY = [
  ...'设说发钥区这为开关复时间个们来对务络码键链动导检测认证载网页应显录签账号户择线连输单项启无还写读过进该请让变实现资类数图标错误费额价续储备从云炼贴条长节点钟决视态',
];

describe('the catalogs', () => {
  it('cover every language of the setting, each named in its own words', () => {
    expect(Object.keys(CATALOGS).sort()).toEqual([...LANGUAGES].sort());
    expect(Object.values(LANGUAGE_NAMES)).toEqual(['English', '简体中文', '繁體中文', '日本語']);
  });

  it('read their markup pattern (the check is not blind)', () => {
    expect(markup('a <strong>b</strong> <0>c</0> http://127.0.0.1:<port>/v1')).toEqual(
      ['</0>', '</strong>', '<0>', '<strong>'].sort(),
    );
  });

  describe.each(LANGUAGES.filter((language) => language !== 'en'))('%s', (language) => {
    const catalog = strings(CATALOGS[language]);

    it('has every key of English, the tray’s and the window’s, and no other', () => {
      expect([...catalog.keys()]).toEqual([...english.keys()]);
      expect([...catalog.keys()].filter((key) => key.startsWith('window.')).length).toBeGreaterThan(500);
      expect([...catalog.keys()].filter((key) => key.startsWith('tray.')).length).toBeGreaterThan(50);
    });

    it('fills the same placeholders and carries the same markup as English', () => {
      for (const [key, text] of english) {
        const translated = catalog.get(key) ?? '';
        expect(placeholders(translated), key).toEqual(placeholders(text));
        expect(markup(translated), key).toEqual(markup(text));
      }
    });
  });

  describe.each(['zh-TW', 'ja'] as const)('%s', (language) => {
    const catalog = strings(CATALOGS[language]);

    it('leaves nothing in English but names', () => {
      const left = [...catalog].filter(([key, text]) => hasWords(text) && !CJK.test(text) && !NAMES.has(key));
      expect(left).toEqual([]);
    });
  });

  it('let names alone only under keys English has (a renamed key does not keep its pass)', () => {
    expect([...NAMES].filter((key) => !english.has(key))).toEqual([]);
  });

  it('write 繁體中文 in Traditional characters only, without Japanese kana', () => {
    const wrong = [...strings(CATALOGS['zh-TW'])].filter(
      ([, text]) => SIMPLIFIED_ONLY.some((character) => text.includes(character)) || KANA.test(text),
    );
    expect(wrong).toEqual([]);
  });

  it('write 日本語 in kana or kanji: every string with words has some', () => {
    const wrong = [...strings(CATALOGS.ja)].filter(
      ([key, text]) => hasWords(text) && !NAMES.has(key) && !CJK.test(text),
    );
    expect(wrong).toEqual([]);
    // Japanese is held together by kana: more than a few kanji without any would be Chinese left in.
    const kanjiOnly = [...strings(CATALOGS.ja)].filter(
      ([, text]) => (text.match(/\p{Script=Han}/gu) ?? []).length > 6 && !KANA.test(text),
    );
    expect(kanjiOnly).toEqual([]);
  });

  it('are what the translator speaks, plurals included (Japanese and Chinese have one form)', () => {
    expect(createTranslator('ja')('tray.copyKey')).toBe('キーをコピー');
    expect(createTranslator('zh-TW')('tray.copyKey')).toBe('複製金鑰');
    expect(createTranslator('ja')('window.keys.title', { count: 1 })).toBe('1 個のキー');
    expect(createTranslator('zh-TW')('window.keys.title', { count: 3 })).toBe('3 個金鑰');
    expect(createTranslator('ja')('regions.us-east-1')).toBe('米国 (バージニア)');
    expect(createTranslator('zh-TW')('regions.us-east-1')).toBe('美國（維吉尼亞）');
  });
});
