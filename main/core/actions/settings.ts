// Reading and changing settings by name (`msk config`, the window's Settings view), and the
// workspaces keys belong to, with the names the user gives them.
import type { Config } from '../config/config-schema.js';
import { MskError } from '../base/errors.js';
import { DEFAULT_WORKSPACE_ID, LIMITS } from '../model-studio/catalog.js';
import { oneLine } from '../base/one-line.js';
import { regionName, requireWorkspaceId } from '../model-studio/regions.js';
import type { Services } from '../keys/services.js';
import {
  defaultSettings,
  definitionOf,
  parseSettingName,
  readSettingValue,
  USER_SETTING_NAMES,
  type UserSetting,
  withSetting,
} from '../config/setting-catalog.js';

export interface SettingView {
  name: UserSetting;
  kind: 'integer' | 'boolean' | 'choice' | 'text' | 'map';
  value: unknown;
  defaultValue: unknown;
  isDefault: boolean;
  description: string;
  /** What a `choice` may be here. */
  choices: string[] | null;
}

export function listSettings(config: Config, platform: NodeJS.Platform = process.platform): SettingView[] {
  const defaults = defaultSettings();
  return USER_SETTING_NAMES.map((name) => {
    const definition = definitionOf(name);
    const value = config.settings[name];
    return {
      name,
      kind: definition.kind,
      value,
      defaultValue: defaults[name],
      isDefault: JSON.stringify(value) === JSON.stringify(defaults[name]),
      description: definition.description,
      choices: definition.kind === 'choice' ? [...(definition.choices?.(platform) ?? [])] : null,
    };
  });
}

/** A setting's value, or one entry's (undefined when that entry is not set). */
export function getSetting(config: Config, name: string): unknown {
  const { setting, entry } = parseSettingName(name);
  const value = config.settings[setting];
  return entry === undefined ? value : (value as Record<string, string>)[entry];
}

/** Sets `name` from its typed text; a bad value changes nothing. Returns the value stored. */
export async function setSetting(
  services: Services,
  name: string,
  text: string,
  platform: NodeJS.Platform = process.platform,
): Promise<unknown> {
  const { setting, entry } = parseSettingName(name);
  return services.config.update((draft) => {
    const value = readSettingValue(setting, entry, text, draft, platform);
    draft.settings = withSetting(draft.settings, setting, value);
    return getSetting(draft, name);
  });
}

/** Back to the default (a map entry: removed). Says whether anything changed, and the setting now. */
export async function unsetSetting(
  services: Services,
  name: string,
): Promise<{ changed: boolean; value: unknown }> {
  const { setting, entry } = parseSettingName(name);
  return services.config.update((draft) => {
    const before = JSON.stringify(draft.settings[setting]);
    let value: unknown = defaultSettings()[setting];
    if (entry !== undefined) {
      const { [entry]: _removed, ...rest } = draft.settings[setting] as Record<string, string>;
      value = rest;
    }
    draft.settings = withSetting(draft.settings, setting, value);
    const now = draft.settings[setting];
    return { changed: JSON.stringify(now) !== before, value: now };
  });
}

export interface WorkspaceView {
  id: string;
  regionId: string;
  regionName: string;
  /** The user's name for it; null when none was given. */
  name: string | null;
  keyCount: number;
  /** Model Studio's soft limit of keys per workspace. */
  keyLimit: number;
  /** Workspaces an account may have (the same on every row, for a view to warn against). */
  workspaceLimit: number;
}

/** Every workspace that holds a key or has a name, per region, `default` first. */
export function listWorkspaces(config: Config): WorkspaceView[] {
  const views = new Map<string, WorkspaceView>();
  const view = (regionId: string, id: string): WorkspaceView => {
    const at = `${regionId}/${id}`;
    const found =
      views.get(at) ??
      ({
        id,
        regionId,
        regionName: regionName(regionId),
        name: config.workspaces.find((named) => named.id === id && named.regionId === regionId)?.name ?? null,
        keyCount: 0,
        keyLimit: LIMITS.keysPerWorkspace,
        workspaceLimit: LIMITS.workspacesPerAccount,
      } satisfies WorkspaceView);
    views.set(at, found);
    return found;
  };
  for (const key of config.keys) view(key.regionId, key.workspaceId).keyCount += 1;
  for (const named of config.workspaces) view(named.regionId, named.id);
  return [...views.values()].sort(
    (a, b) =>
      a.regionId.localeCompare(b.regionId) ||
      Number(b.id === DEFAULT_WORKSPACE_ID) - Number(a.id === DEFAULT_WORKSPACE_ID) ||
      a.id.localeCompare(b.id),
  );
}

/** Names a workspace that keys are stored for (its name in the console, or the user's own). */
export async function renameWorkspace(services: Services, id: string, name: string): Promise<WorkspaceView> {
  const workspaceId = requireWorkspaceId(id);
  if (workspaceId === DEFAULT_WORKSPACE_ID) {
    throw new MskError('invalid-input', 'The default workspace keeps its name: name an llm-… workspace.');
  }
  const label = oneLine(name, 'A workspace name', 100);
  return services.config.update((draft) => {
    const regions = [
      ...new Set(draft.keys.filter((key) => key.workspaceId === workspaceId).map((key) => key.regionId)),
    ];
    if (regions.length === 0) {
      throw new MskError('invalid-input', `No key is stored for workspace '${workspaceId}'.`, {
        workspaceId,
      });
    }
    draft.workspaces = [
      ...draft.workspaces.filter((named) => named.id !== workspaceId),
      ...regions.map((regionId) => ({ id: workspaceId, name: label, regionId })),
    ];
    const renamed = listWorkspaces(draft).find((workspace) => workspace.id === workspaceId);
    if (!renamed) throw new MskError('invalid-input', `No key is stored for workspace '${workspaceId}'.`);
    return renamed;
  });
}
