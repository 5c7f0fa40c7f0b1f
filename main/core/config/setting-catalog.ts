// The settings a user may change — by `msk config`, and by the window's Settings view — with what
// each means and how a typed value is read and checked. One table; the schema stays the last word.
import type { Config, Settings } from './config-schema.js';
import { THEMES } from '../../shared/vocabulary.js';
import { LANGUAGE_SETTINGS } from '../../shared/i18n/languages.js';
import { PRICE_ENTRY, SettingsSchema } from './config-schema.js';
import { parsePrice } from '../model-studio/catalog.js';
import { MskError } from '../base/errors.js';
import { requireModelId } from '../model-studio/model-id.js';
import { oneLine } from '../base/one-line.js';
import { checkEndpointOverride } from '../model-studio/regions.js';
import { terminalsFor } from '../tools/terminals.js';
import { requireTool } from '../tools/tool-presets.js';

type Scalar = number | boolean | string;

interface ScalarSetting {
  kind: 'integer' | 'boolean' | 'choice' | 'text';
  description: string;
  min?: number;
  max?: number;
  /** For `choice`: what is allowed here. */
  choices?: (platform: NodeJS.Platform) => readonly string[];
  /** For `text`: the value to store, or why not (default: any one line). */
  check?: (text: string, name: string) => string;
}

/** A setting of named entries, set one at a time as `<name>.<entry>`. */
interface MapSetting {
  kind: 'map';
  description: string;
  entry: string;
  /** The value to store for `entry`, or why not. */
  check(entry: string, value: string, config: Config): string;
}

export type SettingDefinition = ScalarSetting | MapSetting;

const USER_SETTINGS = {
  clipboardClearSeconds: {
    kind: 'integer',
    min: 0,
    max: 3600,
    description: 'Seconds until a copied key is cleared from the clipboard (0: never)',
  },
  concealClipboard: {
    kind: 'boolean',
    description: 'Mark copied keys so clipboard history and clipboard managers skip them',
  },
  requestTimeoutSeconds: {
    kind: 'integer',
    min: 1,
    max: 120,
    description: 'Seconds a connection check waits for Model Studio',
  },
  defaultModel: {
    kind: 'text',
    description: 'The model a tool gets when neither the tool, a project nor --model names one',
    check: requireModelId,
  },
  toolModels: {
    kind: 'map',
    entry: 'tool',
    description: 'The model for one tool: toolModels.<tool> (wins over the tool’s default)',
    check(tool, model, config) {
      requireTool(tool, config.settings.customTools);
      return requireModelId(model, `toolModels.${tool}`);
    },
  },
  endpointOverrides: {
    kind: 'map',
    entry: 'region',
    description:
      'A gateway or proxy for a region’s hosts, or one host: endpointOverrides.<region> or .<family>:<region>',
    check: (key, prefix) => checkEndpointOverride(key, prefix, `endpointOverrides.${key}`),
  },
  useWorkspaceDomains: {
    kind: 'boolean',
    description: 'Send keys with a workspace id to their workspace’s own domain everywhere',
  },
  terminal: {
    kind: 'choice',
    choices: (platform) => ['auto', ...terminalsFor(platform).map((terminal) => terminal.id)],
    description: 'The terminal tools are launched in (auto: detected)',
  },
  language: {
    kind: 'choice',
    choices: () => LANGUAGE_SETTINGS,
    description: 'The app’s language (system: follow the OS)',
  },
  theme: {
    kind: 'choice',
    choices: () => THEMES,
    description: 'The window’s colours (system: follow the OS)',
  },
  launchAtLogin: {
    kind: 'boolean',
    description: 'Start Model Studio Keys when you log in (applied by the app when it runs)',
  },
  globalShortcut: {
    kind: 'boolean',
    description: 'Ctrl+Shift+K (⌘⇧K) copies the active key from anywhere (best effort on Wayland)',
  },
  autoUpdate: {
    kind: 'boolean',
    description:
      'The installed app looks for updates daily and downloads them in the background (it asks before restarting)',
  },
  prices: {
    kind: 'map',
    entry: 'list:model',
    description:
      'A model’s price for usage estimates, per million tokens: prices.<international|mainland>:<model> <input>/<output>',
    check(entry, price) {
      if (!PRICE_ENTRY.test(entry)) {
        throw new MskError(
          'invalid-input',
          `Name a price as prices.international:<model> or prices.mainland:<model>, not prices.${entry}.`,
        );
      }
      const parsed = parsePrice(price);
      if (!parsed)
        throw new MskError(
          'invalid-input',
          `prices.${entry} is <input>/<output> per million tokens, e.g. 0.4/1.2.`,
        );
      return `${parsed.input}/${parsed.output}`;
    },
  },
  gatewayEnabled: {
    kind: 'boolean',
    description: 'The app runs the local gateway for GUI tools while a tool has a token (msk gateway)',
  },
  gatewayPort: {
    kind: 'integer',
    min: 1024,
    max: 65_535,
    description: 'The local gateway’s port on 127.0.0.1 (tools are given http://127.0.0.1:<port>/v1)',
  },
} as const satisfies Record<string, SettingDefinition>;

export type UserSetting = keyof typeof USER_SETTINGS;

export const USER_SETTING_NAMES = Object.keys(USER_SETTINGS) as UserSetting[];

export const definitionOf = (name: UserSetting): SettingDefinition => USER_SETTINGS[name];

/** The setting and, for a map, the entry that `name` (`terminal`, `toolModels.codex`) means. */
export function parseSettingName(name: string): { setting: UserSetting; entry?: string } {
  const dot = name.indexOf('.');
  const base = dot === -1 ? name : name.slice(0, dot);
  const entry = dot === -1 ? undefined : name.slice(dot + 1);
  if (!Object.hasOwn(USER_SETTINGS, base)) {
    throw new MskError(
      'unknown-setting',
      `There is no setting '${name}'. Settings: ${USER_SETTING_NAMES.join(', ')}.`,
      { name, known: USER_SETTING_NAMES },
    );
  }
  const setting = base as UserSetting;
  const definition = definitionOf(setting);
  if (definition.kind === 'map' ? entry === '' : entry !== undefined) {
    throw new MskError(
      'unknown-setting',
      definition.kind === 'map'
        ? `Name the ${definition.entry}: ${setting}.<${definition.entry}>.`
        : `'${setting}' has no entries: use '${setting}'.`,
      { name, known: USER_SETTING_NAMES },
    );
  }
  return entry === undefined ? { setting } : { setting, entry };
}

/** `text` (as typed after `msk config set`) as a value of the setting, checked. */
export function readSettingValue(
  setting: UserSetting,
  entry: string | undefined,
  text: string,
  config: Config,
  platform: NodeJS.Platform,
): Scalar | Record<string, string> {
  const definition: SettingDefinition = definitionOf(setting);
  const name = entry === undefined ? setting : `${setting}.${entry}`;
  switch (definition.kind) {
    case 'map': {
      if (entry === undefined) {
        throw new MskError(
          'invalid-input',
          `Set one entry at a time: ${setting}.<${definition.entry}> <value>.`,
        );
      }
      const current = config.settings[setting] as Record<string, string>;
      return { ...current, [entry]: definition.check(entry, text.trim(), config) };
    }
    case 'integer': {
      const value = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
      const { min = 0, max = Number.MAX_SAFE_INTEGER } = definition;
      if (!Number.isInteger(value) || value < min || value > max) {
        throw new MskError('invalid-input', `${name} must be a whole number from ${min} to ${max}.`);
      }
      return value;
    }
    case 'boolean': {
      const word = text.trim().toLowerCase();
      if (['true', 'on', 'yes', '1'].includes(word)) return true;
      if (['false', 'off', 'no', '0'].includes(word)) return false;
      throw new MskError('invalid-input', `${name} is on or off: true or false.`);
    }
    case 'choice': {
      const choices = definition.choices?.(platform) ?? [];
      const value = text.trim();
      if (!choices.includes(value)) {
        throw new MskError('invalid-input', `${name} is one of: ${choices.join(', ')}.`);
      }
      return value;
    }
    case 'text':
      return definition.check?.(text, name) ?? oneLine(text, name, 200);
  }
}

/** The settings with one of them changed, as the schema accepts them (it has the last word). */
export function withSetting(settings: Settings, setting: UserSetting, value: unknown): Settings {
  const parsed = SettingsSchema.safeParse({ ...settings, [setting]: value });
  if (!parsed.success) {
    throw new MskError('invalid-input', `${setting}: ${parsed.error.issues[0]?.message ?? 'not valid'}.`);
  }
  return parsed.data;
}

/** What a setting is when nothing was set. */
export const defaultSettings = (): Settings => SettingsSchema.parse({});
