// Which variables hold a Model Studio key. The Model Studio families always do; the OpenAI and
// Anthropic ones only when their base-URL variable in the same place points at Model Studio
// (an OPENAI_API_KEY beside api.openai.com is somebody else's key and none of our business).
import { KEY_VARIABLES } from '../model-studio/catalog.js';
import { isModelStudioUrl } from './model-studio-hosts.js';

/** A variable of those families names a key when a KEY or TOKEN word is in it (DASHSCOPE_API_KEY_SG too, not DASHSCOPE_HTTP_BASE_URL). */
const KEY_WORD = /_(?:KEY|TOKEN)(?:_|$)/;

/** Key variables of other vendors' clients, with the variables that say where they send it. */
export const BORROWED_KEY_VARIABLES: Readonly<Record<string, readonly string[]>> = KEY_VARIABLES.borrowed;

export const isModelStudioKeyVariable = (name: string): boolean =>
  KEY_VARIABLES.ownPrefixes.some((prefix) => name.startsWith(prefix)) && KEY_WORD.test(name);

/** Every variable whose value decides whether a borrowed key variable is ours. */
export const BASE_URL_VARIABLES: ReadonlySet<string> = new Set(Object.values(BORROWED_KEY_VARIABLES).flat());

/**
 * Whether `name` holds a Model Studio key, given the variables of the same place (a file, the
 * environment, a JSON `env` block): `valueOf` answers the value of a base-URL variable there.
 */
export function holdsModelStudioKey(
  name: string,
  valueOf: (variable: string) => string | undefined,
): boolean {
  if (isModelStudioKeyVariable(name)) return true;
  const baseUrlVariables = BORROWED_KEY_VARIABLES[name];
  if (!baseUrlVariables) return false;
  return baseUrlVariables.some((variable) => {
    const value = valueOf(variable);
    return value !== undefined && isModelStudioUrl(value);
  });
}
