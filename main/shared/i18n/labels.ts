// Words for things the core names in English: a region, an error by its code and params —
// from the catalog in the user's language, or the core's own words when it has none.
import type { Translate } from './translator.js';

export interface ErrorLike {
  code: string;
  message: string;
  params?: Readonly<Record<string, unknown>>;
}

export function errorText(error: ErrorLike, t: Translate): string {
  // Alibaba Cloud's refusals are worded by why (a wrong AccessKey, the clock, a permission…).
  const reason = error.params?.reason;
  const key =
    error.code === 'account-refused' && typeof reason === 'string'
      ? `refusals.${reason}`
      : `errors.${error.code}`;
  const regionId = error.params?.regionId;
  // The core names regions in English; the catalog has them in every language.
  const regionName = typeof regionId === 'string' ? regionLabel(regionId, t) : error.params?.regionName;
  const text = t(key, { ...error.params, regionName, message: error.message, context: contextOf(error) });
  // i18next answers a missing key with the key itself.
  return text === key ? error.message : text;
}

/**
 * Which wording of its code an error takes (i18next's context: `errors.<code>_<context>`, else
 * `errors.<code>`): a missing tool says how to install it when there is a way.
 */
const contextOf = (error: ErrorLike): string | undefined =>
  error.code === 'tool-missing' && typeof error.params?.install === 'string' ? 'install' : undefined;

/** A notice (what stops nothing but is worth saying) in the user's language, or its own words. */
export function noticeText(notice: ErrorLike, t: Translate): string {
  const key = `notices.${notice.code}`;
  const params = Object.fromEntries(
    Object.entries(notice.params ?? {}).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(', ') : value,
    ]),
  );
  const text = t(key, params);
  return text === key ? notice.message : text;
}

/** A region's name in the user's language; its id when the catalog does not know it. */
export function regionLabel(regionId: string, t: Translate): string {
  const key = `regions.${regionId}`;
  const name = t(key);
  return name === key ? regionId : name;
}
