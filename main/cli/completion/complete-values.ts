// The values `msk __complete` offers for a kind: key labels, tools and gateway tokens from
// config.json (read as `msk list` reads it: the metadata, never the keychain), regions, plans and
// shells from the catalogs, settings and their choices from the settings' table.
import type { Config } from '../../core/config/config-schema.js';
import { PLANS, REGIONS } from '../../core/model-studio/catalog.js';
import { regionNames } from '../../core/model-studio/regions.js';
import { SHELLS } from '../../core/platform/env-format.js';
import { allTools } from '../../core/tools/tool-presets.js';
import { core } from '../context.js';
import type { Candidate, CompletionCommand, ValueKind } from './complete-words.js';

/** The candidates of `kind`; `words` are the words after `msk` (for a setting's value, its name). */
export async function valuesOfKind(
  kind: ValueKind,
  words: readonly string[],
  tree: CompletionCommand,
): Promise<Candidate[]> {
  switch (kind) {
    case 'key': {
      // The map itself, not regionName: a call a key is 0.3 ms of a TAB over 600 keys on Node 24.
      const names = regionNames();
      return (await (await core()).config.keyNames()).map((key) => ({
        value: key.label,
        description: names.get(key.regionId) ?? key.regionId,
      }));
    }
    case 'region':
      return REGIONS.flatMap((region) =>
        [region.id, ...region.aliases].map((value) => ({ value, description: region.name })),
      );
    case 'plan':
      return Object.values(PLANS).flatMap((plan) =>
        [plan.id, ...plan.aliases].map((value) => ({ value, description: plan.name })),
      );
    case 'tool':
      return allTools((await config()).settings.customTools).map((tool) => ({
        value: tool.id,
        description: tool.name,
      }));
    case 'shell':
      return SHELLS.map((value) => ({ value }));
    case 'token':
      return (await config()).gateway.tokens.map((token) => ({ value: token.name }));
    case 'command':
      return tree.commands.map((command) => ({ value: command.name, description: command.description }));
    case 'terminal': {
      const { terminalsFor } = await import('../../core/tools/terminals.js');
      return terminalsFor(process.platform).map((terminal) => ({
        value: terminal.id,
        description: terminal.name,
      }));
    }
    case 'setting':
      return settingNames();
    case 'setting-value':
      return settingChoices(words.at(-2) ?? '');
  }
}

/** config.json as `msk list` reads it; none (no values) when it cannot be read. */
async function config(): Promise<Config> {
  return (await core()).config.read();
}

// The settings' table loads the config's schema (zod): only `msk config …` completions need it.
const settingCatalog = () => import('../../core/config/setting-catalog.js');

async function settingNames(): Promise<Candidate[]> {
  const { USER_SETTING_NAMES, definitionOf } = await settingCatalog();
  const tools = async () => allTools((await config()).settings.customTools).map((tool) => tool.id);
  const names: Candidate[] = [];
  for (const name of USER_SETTING_NAMES) {
    const definition = definitionOf(name);
    const description = definition.description;
    if (definition.kind !== 'map') names.push({ value: name, description });
    else if (name === 'toolModels')
      names.push(...(await tools()).map((tool) => ({ value: `${name}.${tool}`, description })));
    else if (name === 'endpointOverrides')
      names.push(...REGIONS.map((region) => ({ value: `${name}.${region.id}`, description })));
    else names.push({ value: `${name}.`, description });
  }
  return names;
}

async function settingChoices(name: string): Promise<Candidate[]> {
  const { USER_SETTING_NAMES, definitionOf } = await settingCatalog();
  const setting = USER_SETTING_NAMES.find((candidate) => candidate === name);
  if (setting === undefined) return [];
  const definition = definitionOf(setting);
  if (definition.kind === 'boolean') return [{ value: 'true' }, { value: 'false' }];
  if (definition.kind !== 'choice') return [];
  return (definition.choices?.(process.platform) ?? []).map((value) => ({ value }));
}
