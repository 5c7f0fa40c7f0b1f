// Which key, tool and model a use gets, and why: a named key (--key) wins, then the nearest
// `.msk.json` above the working directory, then the active key of the active region. The same
// answer for every command that uses one key (`msk copy`, `check`, `temp-key`, `exec`, `env`,
// `launch`, `tools settings|export`), for `msk status` and for the window's Tools view.
import type { Config, KeyRecord } from '../config/config-schema.js';
import { requireModelId } from '../model-studio/model-id.js';
import { type FoundBinding, findBinding } from '../tools/project-binding.js';
import { resolveKey } from '../keys/vault.js';
import { activeKey } from '../keys/active-key.js';
import { requireTool, type ToolPreset } from '../tools/tool-presets.js';

export type Reason =
  { kind: 'named' } | { kind: 'binding'; file: string } | { kind: 'active'; regionId: string };

export interface KeyRequest {
  /** A key's label or id: wins over everything else. */
  reference?: string | undefined;
  /** Where to look for a `.msk.json`; none (the tray, the window's key menus): no binding applies. */
  cwd?: string | undefined;
}

export interface KeyChoice {
  record: KeyRecord;
  reason: Reason;
}

export interface Choice extends KeyChoice {
  tool: ToolPreset;
  /** The model the tool gets: the one asked for, else the binding's, else the user's for this tool, else the tool's own. */
  model: string;
}

export interface ChoiceRequest extends KeyRequest {
  tool?: string | undefined;
  /** Wins over every other model (msk's --model). */
  model?: string | undefined;
}

/** The key a request names, else its folder's binding's, else the active one; and the binding found. */
async function keyAndBinding(
  config: Config,
  request: KeyRequest,
): Promise<KeyChoice & { found: FoundBinding | undefined }> {
  if (request.reference !== undefined)
    return {
      record: resolveKey(config.keys, request.reference),
      reason: { kind: 'named' },
      found: undefined,
    };
  const found = request.cwd === undefined ? undefined : await findBinding(request.cwd);
  if (found)
    return {
      record: resolveKey(config.keys, found.binding.key),
      reason: { kind: 'binding', file: found.file },
      found,
    };
  return {
    record: activeKey(config),
    reason: { kind: 'active', regionId: config.settings.activeRegionId },
    found: undefined,
  };
}

/** The one key a use gets (copy, check, a temporary key), and why. */
export async function chooseKey(config: Config, request: KeyRequest): Promise<KeyChoice> {
  const { record, reason } = await keyAndBinding(config, request);
  return { record, reason };
}

export async function choose(config: Config, request: ChoiceRequest): Promise<Choice> {
  const { record, reason, found } = await keyAndBinding(config, request);
  const tool = requireTool(request.tool ?? found?.binding.tool, config.settings.customTools);
  const model =
    (request.model === undefined ? undefined : requireModelId(request.model, 'The model asked for')) ??
    found?.binding.model ??
    config.settings.toolModels[tool.id] ??
    tool.defaultModel ??
    config.settings.defaultModel;
  return { record, tool, model, reason };
}
