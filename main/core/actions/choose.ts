// Which key, tool and model a use gets, and why: a named key (--key) wins, then the nearest
// `.msk.json` above the working directory, then the active key of the active region. The same
// answer for `msk exec`, `msk env`, `msk launch`, `msk status` and the window's Tools view.
import type { Config, KeyRecord } from '../config-schema.js';
import { requireModelId } from '../model-id.js';
import { findBinding } from '../project-binding.js';
import { resolveKey } from '../vault.js';
import { activeKey } from '../settings.js';
import { requireTool, type ToolPreset } from '../tools.js';

export type Reason =
  { kind: 'named' } | { kind: 'binding'; file: string } | { kind: 'active'; regionId: string };

export interface Choice {
  record: KeyRecord;
  tool: ToolPreset;
  /** The model the tool gets: the one asked for, else the binding's, else the user's for this tool, else the tool's own. */
  model: string;
  reason: Reason;
}

export interface ChoiceRequest {
  reference?: string | undefined;
  tool?: string | undefined;
  /** Wins over every other model (msk's --model). */
  model?: string | undefined;
  /** Where to look for a `.msk.json`; none: no binding applies. */
  cwd?: string | undefined;
}

export async function choose(config: Config, request: ChoiceRequest): Promise<Choice> {
  const found =
    request.reference === undefined && request.cwd !== undefined ? await findBinding(request.cwd) : undefined;
  const record =
    request.reference !== undefined
      ? resolveKey(config.keys, request.reference)
      : found
        ? resolveKey(config.keys, found.binding.key)
        : activeKey(config);
  const tool = requireTool(request.tool ?? found?.binding.tool, config.settings.customTools);
  const model =
    (request.model === undefined ? undefined : requireModelId(request.model, 'The model asked for')) ??
    found?.binding.model ??
    config.settings.toolModels[tool.id] ??
    tool.defaultModel ??
    config.settings.defaultModel;
  const reason: Reason =
    request.reference !== undefined
      ? { kind: 'named' }
      : found
        ? { kind: 'binding', file: found.file }
        : { kind: 'active', regionId: config.settings.activeRegionId };
  return { record, tool, model, reason };
}
