// Where tools keep a Model Studio key in their JSON settings. Supported, in any JSON file scanned:
// - `env.<VAR>` (Claude Code and Qwen Code settings, OpenClaw) and `env.vars.<VAR>` (OpenClaw),
//   judged like shell variables with the block's own base-URL variables; a name a Qwen Code
//   `modelProviders.<auth>[].envKey` names counts when that provider's baseUrl is Model Studio;
// - `security.auth.apiKey` (Qwen Code) when `security.auth.baseUrl` is a Model Studio URL;
// - `models.providers.<id>.apiKey` (OpenClaw) when the provider's baseUrl is a Model Studio URL,
//   or it has none and its id is one of OpenClaw's Model Studio providers.
import { KEY_VARIABLES } from '../model-studio/catalog.js';
import { holdsModelStudioKey } from './key-variables.js';
import { isModelStudioUrl } from './model-studio-hosts.js';
import { type JsonNode, type JsonObject, type JsonString, memberOf, stringAt } from './json-document.js';

const OPENCLAW_MODEL_STUDIO_PROVIDERS: ReadonlySet<string> = new Set(KEY_VARIABLES.openClawProviders);

export interface JsonKeyLocation {
  /** Property names from the root, e.g. ['env', 'DASHSCOPE_API_KEY']. */
  path: string[];
  value: JsonString;
  /** The object holding the property, and the property's index there (for removal). */
  holder: JsonObject;
  index: number;
}

/** `env.DASHSCOPE_API_KEY`; a name with a dot or space is bracketed: `models.providers["a.b"].apiKey`. */
export const formatJsonPath = (path: readonly string[]): string =>
  path
    .map((key, index) =>
      /^[A-Za-z_$][\w$-]*$/.test(key) ? `${index ? '.' : ''}${key}` : `[${JSON.stringify(key)}]`,
    )
    .join('');

export function jsonKeyLocations(root: JsonNode): JsonKeyLocation[] {
  if (root.kind !== 'object') return [];
  const envKeyNames = qwenProviderEnvKeys(root);
  const locations: JsonKeyLocation[] = [];
  const env = memberOf(root, 'env')?.value;
  for (const block of [env, memberOf(env, 'vars')?.value]) {
    if (block?.kind !== 'object') continue;
    const path = block === env ? ['env'] : ['env', 'vars'];
    block.members.forEach((member, index) => {
      if (member.value.kind !== 'string') return;
      const ours =
        envKeyNames.has(member.key) || holdsModelStudioKey(member.key, (name) => stringAt(block, name));
      if (ours) locations.push({ path: [...path, member.key], value: member.value, holder: block, index });
    });
  }
  const auth = memberOf(memberOf(root, 'security')?.value, 'auth')?.value;
  const baseUrl = stringAt(auth, 'baseUrl');
  if (auth?.kind === 'object' && baseUrl !== undefined && isModelStudioUrl(baseUrl)) {
    locations.push(...propertyAt(auth, 'apiKey', ['security', 'auth']));
  }
  const providers = memberOf(memberOf(root, 'models')?.value, 'providers')?.value;
  if (providers?.kind === 'object') {
    for (const provider of providers.members) {
      if (provider.value.kind !== 'object') continue;
      const providerUrl = stringAt(provider.value, 'baseUrl');
      const ours =
        providerUrl === undefined
          ? OPENCLAW_MODEL_STUDIO_PROVIDERS.has(provider.key)
          : isModelStudioUrl(providerUrl);
      if (ours)
        locations.push(...propertyAt(provider.value, 'apiKey', ['models', 'providers', provider.key]));
    }
  }
  return locations;
}

function propertyAt(holder: JsonObject, key: string, path: string[]): JsonKeyLocation[] {
  const index = holder.members.findLastIndex((member) => member.key === key);
  const value = holder.members[index]?.value;
  return value?.kind === 'string' ? [{ path: [...path, key], value, holder, index }] : [];
}

/** Qwen Code's `modelProviders.<authType>[]` entries read their key from the variable `envKey` names. */
function qwenProviderEnvKeys(root: JsonObject): Set<string> {
  const names = new Set<string>();
  const byAuthType = memberOf(root, 'modelProviders')?.value;
  if (byAuthType?.kind !== 'object') return names;
  for (const list of byAuthType.members) {
    if (list.value.kind !== 'array') continue;
    for (const entry of list.value.items) {
      const envKey = stringAt(entry, 'envKey');
      const url = stringAt(entry, 'baseUrl');
      if (envKey !== undefined && url !== undefined && isModelStudioUrl(url)) names.add(envKey);
    }
  }
  return names;
}
