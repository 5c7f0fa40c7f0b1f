// Tool presets: which environment variables each tool reads, as data, and the one pure
// function that turns a preset, a key and its endpoints into a child's environment.
import { MskError } from './errors.js';
import { DEFAULT_CODING_MODEL, STALE_VARIABLE_PREFIXES } from './model-studio.js';
import type { Endpoints } from './regions.js';

/** Where a variable's value comes from. */
type Source = 'secret' | 'model' | Exclude<keyof Endpoints, 'family'>;

export interface ToolPreset {
  id: string;
  name: string;
  description: string;
  /** The command `msk exec --tool <id>` suggests; GUI-only tools have none. */
  command?: readonly string[];
  /** The model the tool starts with when the user has not chosen one. */
  defaultModel?: string;
  variables: Readonly<Record<string, Source>>;
}

export const TOOL_PRESETS: readonly ToolPreset[] = [
  {
    id: 'default',
    name: 'DashScope + OpenAI SDKs',
    description: 'DashScope SDKs and any OpenAI-compatible client',
    variables: {
      DASHSCOPE_API_KEY: 'secret',
      DASHSCOPE_HTTP_BASE_URL: 'native',
      OPENAI_API_KEY: 'secret',
      OPENAI_BASE_URL: 'compatible',
    },
  },
  {
    id: 'openai',
    name: 'OpenAI-compatible tool',
    description: 'Any tool that reads OPENAI_API_KEY and OPENAI_BASE_URL',
    variables: { OPENAI_API_KEY: 'secret', OPENAI_BASE_URL: 'compatible' },
  },
  {
    id: 'dashscope',
    name: 'DashScope SDK',
    description: 'DashScope Python and Java SDKs',
    variables: {
      DASHSCOPE_API_KEY: 'secret',
      DASHSCOPE_HTTP_BASE_URL: 'native',
      DASHSCOPE_COMPATIBLE_BASE_URL: 'compatible',
    },
  },
  {
    id: 'qwen-code',
    name: 'Qwen Code',
    description: 'Qwen Code (qwen) over the OpenAI-compatible API',
    command: ['qwen'],
    defaultModel: DEFAULT_CODING_MODEL,
    variables: { OPENAI_API_KEY: 'secret', OPENAI_BASE_URL: 'compatible', OPENAI_MODEL: 'model' },
  },
  {
    id: 'claude-code',
    name: 'Claude Code',
    description: 'Claude Code (claude) over the Anthropic-compatible API',
    command: ['claude'],
    defaultModel: DEFAULT_CODING_MODEL,
    variables: {
      ANTHROPIC_BASE_URL: 'anthropic',
      ANTHROPIC_AUTH_TOKEN: 'secret',
      ANTHROPIC_MODEL: 'model',
    },
  },
  {
    id: 'openclaw',
    name: 'OpenClaw',
    description: 'OpenClaw with the qwen provider',
    command: ['openclaw'],
    variables: { MODELSTUDIO_API_KEY: 'secret', DASHSCOPE_API_KEY: 'secret' },
  },
];

export function requirePreset(id: string = 'default'): ToolPreset {
  const preset = TOOL_PRESETS.find((candidate) => candidate.id === id);
  if (!preset) {
    throw new MskError(
      'unknown-tool',
      `Unknown tool '${id}'. Known tools: ${TOOL_PRESETS.map((tool) => tool.id).join(', ')}.`,
    );
  }
  return preset;
}

export interface ToolContext {
  secret: string;
  endpoints: Endpoints;
  /** The user's model for this tool, if any; else the preset's, else the global default. */
  toolModel?: string | undefined;
  defaultModel: string;
}

/**
 * The variables a preset sets for one key, in the preset's order. A variable whose source the
 * key's plan lacks (the native base of a Coding or Token Plan key) is left out, not set empty.
 */
export function envFor(preset: ToolPreset, context: ToolContext): Record<string, string> {
  const model = context.toolModel ?? preset.defaultModel ?? context.defaultModel;
  const values: Record<Source, string | null> = { secret: context.secret, model, ...context.endpoints };
  return Object.fromEntries(
    Object.entries(preset.variables).flatMap(([name, source]) => {
      const value = values[source];
      return value === null ? [] : [[name, value]];
    }),
  );
}

/** The preset's variables that `envFor` leaves out for these endpoints. */
export const variablesWithoutSource = (preset: ToolPreset, endpoints: Endpoints): string[] =>
  Object.entries(preset.variables)
    .filter(([, source]) => source !== 'secret' && source !== 'model' && endpoints[source] === null)
    .map(([name]) => name);

type Environment = Record<string, string | undefined>;

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
const isStaleVariable = (name: string): boolean =>
  STALE_VARIABLE_PREFIXES.some((prefix) => name.toUpperCase().startsWith(prefix));
