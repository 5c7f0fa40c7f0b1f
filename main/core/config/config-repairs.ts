// What this version refuses in a config an older version let through, taken out so the user is
// not locked out: a key typed into a tool of their own (keys live in the keychain), a model id no
// shell can carry (the default applies again), characters that hide or reorder a name. Works on
// the raw JSON, before validation, for `msk doctor --fix` and a backup's restore. Every change is
// said by its place, never by its value (the value may be a key).
import { holdsKeyLike } from '../model-studio/key-format.js';
import { isUsableModelId } from '../model-studio/model-id.js';
import { UNSAFE_IN_NAME, withoutUnsafe } from '../base/one-line.js';
import { VARIABLE_NAME } from '../platform/env-format.js';
import { CUSTOM_TOOL_ID } from '../tools/tool-catalog.js';

type Json = Record<string, unknown>;

export interface Repaired {
  json: unknown;
  /** What was taken out, one line each; empty when nothing needed it. */
  changes: string[];
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `json` with what this version refuses taken out, and what that was. `json` itself is not changed. */
export function repairConfig(json: unknown): Repaired {
  if (!isObject(json)) return { json, changes: [] };
  const config = structuredClone(json);
  const changes: string[] = [];
  const { settings, gateway } = config;
  if (isObject(settings)) {
    if (Array.isArray(settings.customTools)) {
      settings.customTools = settings.customTools.flatMap((tool: unknown) => repairTool(tool, changes));
    }
    if (typeof settings.defaultModel === 'string' && !isUsableModelId(settings.defaultModel)) {
      delete settings.defaultModel;
      changes.push('defaultModel was not a model id: the default model applies again.');
    }
    if (isObject(settings.toolModels)) {
      for (const [tool, model] of Object.entries(settings.toolModels)) {
        if (typeof model === 'string' && isUsableModelId(model)) continue;
        delete settings.toolModels[tool];
        changes.push(`toolModels.${shown(tool)} was not a model id: removed.`);
      }
    }
  }
  if (isObject(gateway) && Array.isArray(gateway.tokens)) {
    for (const token of gateway.tokens.filter(isObject)) {
      if (typeof token.model !== 'string' || isUsableModelId(token.model)) continue;
      delete token.model;
      changes.push(`The gateway token ${shown(token.name)} named no model id: it uses the tool’s model now.`);
    }
  }
  cleanNames(config.keys, 'label', 'key', changes);
  cleanNames(config.workspaces, 'name', 'workspace', changes);
  return { json: config, changes };
}

/** A tool with every key-like text taken out; none when its id is one (or no tool id at all). */
function repairTool(tool: unknown, changes: string[]): unknown[] {
  if (!isObject(tool) || typeof tool.id !== 'string') return [tool];
  if (holdsKeyLike(tool.id) || !CUSTOM_TOOL_ID.test(tool.id)) {
    changes.push(
      `A tool of your own whose id ${holdsKeyLike(tool.id) ? 'looked like a key' : 'was not a tool id'}: removed.`,
    );
    return [];
  }
  const own = `Your tool ‘${tool.id}’`;
  if (typeof tool.name === 'string' && holdsKeyLike(tool.name)) {
    tool.name = tool.id;
    changes.push(`${own}: its name looked like a key, so it is named after its id.`);
  }
  if (typeof tool.base === 'string' && holdsKeyLike(tool.base)) {
    delete tool.base;
    changes.push(`${own}: its base looked like a key: removed.`);
  }
  if (Array.isArray(tool.command)) {
    const kept = tool.command.filter((word) => typeof word !== 'string' || !holdsKeyLike(word));
    if (kept.length < tool.command.length) {
      changes.push(`${own}: a word of its command looked like a key: removed.`);
      if (kept.length > 0) tool.command = kept;
      else delete tool.command;
    }
  }
  if (isObject(tool.variables)) {
    for (const [name, template] of Object.entries(tool.variables)) {
      const keyLike = holdsKeyLike(name) || (typeof template === 'string' && holdsKeyLike(template));
      if (!keyLike && VARIABLE_NAME.test(name)) continue;
      delete tool.variables[name];
      const which = VARIABLE_NAME.test(name) ? `its variable ${name}` : 'a variable';
      changes.push(
        `${own}: ${which} ${keyLike ? 'held what looks like a key' : 'had no variable name'}: removed.`,
      );
    }
  }
  if (typeof tool.name === 'string') cleanNames([tool], 'name', 'tool', changes);
  return [tool];
}

/** Takes characters that hide or reorder text out of each entry's `field`. */
function cleanNames(entries: unknown, field: string, what: string, changes: string[]): void {
  if (!Array.isArray(entries)) return;
  for (const entry of entries.filter(isObject)) {
    const name = entry[field];
    if (typeof name !== 'string' || !UNSAFE_IN_NAME.test(name)) continue;
    const cleaned = withoutUnsafe(name).trim();
    entry[field] = cleaned === '' ? what : cleaned;
    changes.push(
      `A ${what}’s ${field} ${shown(entry[field])} held control or text-direction characters: taken out.`,
    );
  }
}

/** A name from the file, safe to repeat: nothing key-like, nothing invisible. */
const shown = (name: unknown): string =>
  typeof name !== 'string' || holdsKeyLike(name) ? '(unnamed)' : `‘${withoutUnsafe(name)}’`;
