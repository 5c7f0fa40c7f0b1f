// Tool presets at work: which preset a name means (built-in or the user's own), the values its
// templates take for one key, and the child environment a tool is started with. Pure: the
// keychain, the clipboard and the terminal are the actions' business.
import { MskError } from '../base/errors.js';
import { holdsKeyLike } from '../model-studio/key-format.js';
import { isShowable, unshowable } from '../base/one-line.js';
import { PLANS, type Plan, STALE_VARIABLE_PREFIXES } from '../model-studio/catalog.js';
import type { Endpoints } from '../model-studio/regions.js';
import {
  BUILT_IN_TOOLS,
  CUSTOM_TOOL_ID,
  type CustomTool,
  PLACEHOLDERS,
  type Placeholder,
  type SettingField,
  type ToolPreset,
} from './tool-catalog.js';
import { VARIABLE_NAME } from '../platform/env-format.js';

export type { ToolPreset } from './tool-catalog.js';

const TEMPLATE = /\{\{(\w+)\}\}/g;

/** Every preset: the built-in ones, then the user's own. */
export const allTools = (custom: readonly CustomTool[] = []): ToolPreset[] => [
  ...BUILT_IN_TOOLS,
  ...custom.map(toPreset),
];

export function requireTool(id: string = 'default', custom: readonly CustomTool[] = []): ToolPreset {
  const tool = allTools(custom).find((candidate) => candidate.id === id);
  if (!tool) {
    throw new MskError(
      'unknown-tool',
      `Unknown tool '${id}'. Known tools: ${allTools(custom)
        .map((candidate) => candidate.id)
        .join(', ')}.`,
      { tool: id },
    );
  }
  return tool;
}

/** A custom tool as a preset: its base preset's variables, then its own over them. */
function toPreset(tool: CustomTool): ToolPreset {
  const base = tool.base ? BUILT_IN_TOOLS.find((candidate) => candidate.id === tool.base) : undefined;
  return {
    id: tool.id,
    name: tool.name,
    kind: 'custom',
    description: base ? `Your own tool, based on ${base.name}` : 'Your own tool',
    plans: Object.keys(PLANS) as Plan[],
    variables: { ...base?.variables, ...tool.variables },
    ...(tool.command && { command: tool.command }),
  };
}

/**
 * Checks a tool the user defines before it is stored: an id of its own, variable names a shell
 * accepts, only known placeholders, and no key on the command line (anyone can read one).
 */
export function validateCustomTool(tool: CustomTool, existing: readonly CustomTool[] = []): CustomTool {
  // First: every message below repeats what it refuses, and none may repeat a key.
  assertHoldsNoKey(tool, holdsKeyLike);
  if (!CUSTOM_TOOL_ID.test(tool.id)) {
    throw new MskError(
      'invalid-input',
      `'${tool.id}' is not a tool id: 2–32 lowercase letters, digits and hyphens, starting with a letter.`,
    );
  }
  if (BUILT_IN_TOOLS.some((builtIn) => builtIn.id === tool.id)) {
    throw new MskError('invalid-input', `'${tool.id}' is a built-in tool; choose another id.`);
  }
  if (existing.some((other) => other.id === tool.id)) {
    throw new MskError('invalid-input', `A tool '${tool.id}' exists already; remove it first.`);
  }
  if (tool.base !== undefined && !BUILT_IN_TOOLS.some((builtIn) => builtIn.id === tool.base)) {
    throw new MskError('unknown-tool', `Unknown base tool '${tool.base}'.`);
  }
  if (tool.name.trim() === '') throw new MskError('invalid-input', 'A tool needs a name.');
  if (!isShowable(tool.name)) throw unshowable('A tool’s name');
  const variables = Object.entries(tool.variables);
  if (variables.length === 0 && tool.base === undefined) {
    throw new MskError('invalid-input', 'A tool needs at least one variable, such as MY_KEY={{apiKey}}.');
  }
  for (const [name, template] of variables) {
    if (!VARIABLE_NAME.test(name)) {
      throw new MskError(
        'invalid-input',
        `'${name}' is not a variable name: letters, digits and _, not starting with a digit.`,
      );
    }
    assertKnownPlaceholders(template, name);
  }
  for (const part of tool.command ?? []) {
    assertKnownPlaceholders(part, 'the command');
    if (placeholdersOf(part).includes('apiKey')) {
      throw new MskError(
        'invalid-input',
        'The command cannot hold {{apiKey}}: a command line is visible to every user of the machine. Put the key in a variable.',
      );
    }
  }
  return tool;
}

/** Every text of a tool of the user's own, with its place in the tool: all that config.json holds of it. */
export function customToolTexts(tool: CustomTool): { path: (string | number)[]; text: string }[] {
  return [
    { path: ['id'], text: tool.id },
    { path: ['name'], text: tool.name },
    ...(tool.base === undefined ? [] : [{ path: ['base'], text: tool.base }]),
    ...(tool.command ?? []).map((text, index) => ({ path: ['command', index], text })),
    ...Object.entries(tool.variables).flatMap(([name, text]) => [
      { path: ['variables'], text: name },
      // A name is part of the place only when it is a variable name: a key never is one.
      { path: VARIABLE_NAME.test(name) ? ['variables', name] : ['variables'], text },
    ]),
  ];
}

/**
 * Refuses a tool holding a key anywhere (a key in config.json is readable by every program the
 * user runs, and lands in its backups): what `holds` says is one. The message names the place only.
 */
export function assertHoldsNoKey(tool: CustomTool, holds: (text: string) => boolean): void {
  const found = customToolTexts(tool).find(({ text }) => holds(text));
  if (!found) return;
  const field = found.path.join('.');
  throw new MskError(
    'key-in-tool',
    `A tool of your own cannot hold a key, and its ${field} looks like one: keys stay in the keychain. Put {{apiKey}} where the key goes.`,
    { field, placeholder: '{{apiKey}}' },
  );
}

function assertKnownPlaceholders(template: string, where: string): void {
  const unknown = placeholdersOf(template).filter(
    (name) => !(PLACEHOLDERS as readonly string[]).includes(name),
  );
  if (unknown.length > 0) {
    throw new MskError(
      'invalid-input',
      `Unknown placeholder {{${unknown[0]}}} in ${where}. Known: ${PLACEHOLDERS.map((name) => `{{${name}}}`).join(' ')}.`,
    );
  }
}

const placeholdersOf = (template: string): string[] =>
  [...template.matchAll(TEMPLATE)].map((match) => match[1] ?? '');

export interface ToolContext {
  secret: string;
  endpoints: Endpoints;
  regionId: string;
  workspaceId: string;
  /** The key's plan: a tool may want a variable of its own for one (`planVariables`). */
  plan: Plan;
  /** The user's model for this tool, if any; else the preset's, else the global default. */
  toolModel?: string | undefined;
  defaultModel: string;
}

type Values = Record<Placeholder, string | null>;

function valuesOf(tool: ToolPreset, context: ToolContext): Values {
  const { compatible, native, anthropic } = context.endpoints;
  return {
    apiKey: context.secret,
    baseUrl: compatible,
    nativeBaseUrl: native,
    anthropicBaseUrl: anthropic,
    model: context.toolModel ?? tool.defaultModel ?? context.defaultModel,
    regionId: context.regionId,
    workspaceId: context.workspaceId,
    apiHost: compatible.replace(/\/v1$/, ''),
  };
}

/** A template with its holes filled; null when one of them has no value for this key. */
function render(template: string, values: Values): string | null {
  let missing = false;
  const text = template.replace(TEMPLATE, (_, name: string) => {
    const value = values[name as Placeholder];
    if (value === null || value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? null : text;
}

export interface ToolEnvironment {
  variables: Record<string, string>;
  /** Variables the key's plan cannot fill (the subscription plans have no native API): left out. */
  unavailable: string[];
}

/** The variables a preset sets for one key, in the preset's order. */
export function envFor(tool: ToolPreset, context: ToolContext): ToolEnvironment {
  const values = valuesOf(tool, context);
  const variables: Record<string, string> = {};
  const unavailable: string[] = [];
  for (const [name, template] of Object.entries({
    ...tool.variables,
    ...tool.planVariables?.[context.plan],
  })) {
    const value = render(template, values);
    if (value === null) unavailable.push(name);
    else variables[name] = value;
  }
  return { variables, unavailable };
}

/** The command that starts a tool, templates filled (never a key: see validateCustomTool). */
export function commandFor(tool: ToolPreset, context: Omit<ToolContext, 'secret'>): string[] | undefined {
  const values = valuesOf(tool, { ...context, secret: '' });
  return tool.command?.map((part) => render(part, values) ?? part);
}

export interface FilledField extends SettingField {
  /** True for the field that holds the key: it is copied, not shown. */
  secret: boolean;
}

/** A GUI tool's settings page, with this key's values. */
export function settingsFor(tool: ToolPreset, context: ToolContext): FilledField[] {
  const values = valuesOf(tool, context);
  return (tool.settings ?? []).map((field) => ({
    ...field,
    value: render(field.value, values) ?? '',
    secret: placeholdersOf(field.value).includes('apiKey'),
  }));
}

/** Refuses a tool the key's plan does not serve, before anything is pasted or started. */
export function assertPlanServes(tool: ToolPreset, plan: Plan): void {
  if (tool.plans.includes(plan)) return;
  const agents = plan === 'coding' ? ' Alibaba serves the Coding Plan to coding agents only.' : '';
  throw new MskError(
    'plan-unsupported',
    `${tool.name} does not work with a ${PLANS[plan].name} key.${agents} It works with ${tool.plans.map((candidate) => PLANS[candidate].name).join(' and ')} keys.`,
    { tool: tool.id, plan },
  );
}

type Environment = Record<string, string | undefined>;

/** The user's shell, which the terminal tool runs: $SHELL, else the system's. */
export const userShell = (shell: string | undefined, platform: NodeJS.Platform): string =>
  shell || (platform === 'win32' ? 'cmd.exe' : '/bin/sh');

/**
 * The parent's environment without any variable of the Model Studio families (a stale
 * OPENAI_BASE_URL would send the key elsewhere), plus the preset's variables.
 */
export function childEnvironment(
  parent: Environment,
  variables: Record<string, string>,
): Record<string, string> {
  const child: Record<string, string> = {};
  for (const [name, value] of Object.entries(parent)) {
    if (value === undefined || isStaleVariable(name)) continue;
    child[name] = value;
  }
  return { ...child, ...variables };
}

// Windows variable names are case-insensitive, so `openai_api_key` is just as stale there.
// Each name upper-cased once, not once for each prefix: msk exec checks every variable it passes on.
const isStaleVariable = (name: string): boolean => {
  const upper = name.toUpperCase();
  return STALE_VARIABLE_PREFIXES.some((prefix) => upper.startsWith(prefix));
};
