// Every tool Model Studio Keys knows, as data: what it is, which billing plans it works with,
// the variables (templates) it gets, the command that starts it and how to install it — or, for
// a GUI tool, the fields its settings page asks for. Facts: each tool's own documentation and
// Alibaba's pages for it (docs/TOOLS.md); tool-presets.ts turns a preset and a key into values.
import { DEFAULT_CODING_MODEL } from '../model-studio/catalog.js';
import type { Plan } from '../model-studio/catalog.js';

export type ToolKind = 'cli' | 'sdk' | 'gui' | 'export' | 'custom';

/** What a template may name: `{{apiKey}}`, `{{baseUrl}}`, … */
export const PLACEHOLDERS = [
  'apiKey',
  'baseUrl',
  'nativeBaseUrl',
  'anthropicBaseUrl',
  'model',
  'regionId',
  'workspaceId',
  /** The OpenAI-compatible base without its trailing `/v1`, for apps that ask host and path apart. */
  'apiHost',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/**
 * A tool the user defines, as config.json keeps it (config-schema.ts validates it): variables as
 * templates ({{apiKey}}, {{baseUrl}}…), maybe on a built-in preset's.
 */
export interface CustomTool {
  id: string;
  name: string;
  command?: string[] | undefined;
  variables: Record<string, string>;
  /** A built-in preset whose variables it starts from. */
  base?: string | undefined;
}

/** A tool of the user's own is known by an id of this shape (it goes on a terminal's command line). */
export const CUSTOM_TOOL_ID = /^[a-z][a-z0-9-]{1,31}$/;

/** One field of a GUI tool's settings page, and where it is. */
export interface SettingField {
  label: string;
  /** A template: `{{baseUrl}}`, or plain words such as the provider to choose. */
  value: string;
  /** Where in the tool this goes. */
  where: string;
}

export interface ToolPreset {
  id: string;
  name: string;
  kind: ToolKind;
  description: string;
  /** The billing plans it works with: the Coding Plan serves coding agents only. */
  plans: readonly Plan[];
  /** Variable name → template. */
  variables: Readonly<Record<string, string>>;
  /** More variables for a key of one plan, after `variables`. */
  planVariables?: Partial<Record<Plan, Readonly<Record<string, string>>>>;
  /** What starts it (templates allowed, never `{{apiKey}}`: a command line is public). */
  command?: readonly string[];
  /** How to get it when it is not installed. */
  install?: string;
  /** The model it starts with unless the user chose one for it (`toolModels`). */
  defaultModel?: string;
  /** A GUI tool's settings page, field by field. */
  settings?: readonly SettingField[];
  /** One thing worth knowing before using it. */
  note?: string;
}

const ALL_PLANS: readonly Plan[] = ['payg', 'coding', 'token'];
/** SDKs, scripts and most apps: the Coding Plan refuses them (HTTP 405, "Coding Agents only"). */
const NOT_CODING: readonly Plan[] = ['payg', 'token'];

const OPENAI = { OPENAI_API_KEY: '{{apiKey}}', OPENAI_BASE_URL: '{{baseUrl}}' } as const;

export const BUILT_IN_TOOLS: readonly ToolPreset[] = [
  {
    id: 'default',
    name: 'DashScope + OpenAI SDKs',
    kind: 'sdk',
    description: 'DashScope SDKs and any OpenAI-compatible client',
    plans: NOT_CODING,
    variables: {
      DASHSCOPE_API_KEY: '{{apiKey}}',
      DASHSCOPE_HTTP_BASE_URL: '{{nativeBaseUrl}}',
      ...OPENAI,
    },
  },
  {
    id: 'openai',
    name: 'OpenAI-compatible tool',
    kind: 'sdk',
    description: 'Any tool that reads OPENAI_API_KEY and OPENAI_BASE_URL',
    plans: NOT_CODING,
    variables: OPENAI,
  },
  {
    id: 'dashscope',
    name: 'DashScope SDK',
    kind: 'sdk',
    description: 'DashScope Python and Java SDKs',
    plans: NOT_CODING,
    variables: {
      DASHSCOPE_API_KEY: '{{apiKey}}',
      DASHSCOPE_HTTP_BASE_URL: '{{nativeBaseUrl}}',
      DASHSCOPE_COMPATIBLE_BASE_URL: '{{baseUrl}}',
    },
  },
  {
    id: 'terminal',
    name: 'Terminal',
    kind: 'cli',
    description: 'Your shell in a new terminal window, with the DashScope and OpenAI variables set',
    plans: ALL_PLANS,
    // The user's own shell, found when launching.
    variables: {
      DASHSCOPE_API_KEY: '{{apiKey}}',
      DASHSCOPE_HTTP_BASE_URL: '{{nativeBaseUrl}}',
      ...OPENAI,
    },
  },
  {
    id: 'qwen-code',
    name: 'Qwen Code',
    kind: 'cli',
    description: 'Qwen Code (qwen) over the OpenAI-compatible API',
    plans: ALL_PLANS,
    command: ['qwen'],
    install: 'npm install -g @qwen-code/qwen-code',
    defaultModel: DEFAULT_CODING_MODEL,
    variables: { ...OPENAI, OPENAI_MODEL: '{{model}}' },
  },
  {
    id: 'claude-code',
    name: 'Claude Code',
    kind: 'cli',
    description: 'Claude Code (claude) over the Anthropic-compatible API',
    plans: ALL_PLANS,
    command: ['claude'],
    install: 'npm install -g @anthropic-ai/claude-code',
    defaultModel: DEFAULT_CODING_MODEL,
    variables: {
      ANTHROPIC_BASE_URL: '{{anthropicBaseUrl}}',
      ANTHROPIC_AUTH_TOKEN: '{{apiKey}}',
      ANTHROPIC_MODEL: '{{model}}',
      // Its background calls (titles, summaries) use these: a Model Studio model too.
      ANTHROPIC_DEFAULT_HAIKU_MODEL: '{{model}}',
      ANTHROPIC_DEFAULT_SONNET_MODEL: '{{model}}',
      ANTHROPIC_DEFAULT_OPUS_MODEL: '{{model}}',
      // No update checks, telemetry or error reports to Anthropic's own hosts.
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    },
    note: 'Model Studio’s Anthropic endpoint takes the key as a Bearer token (ANTHROPIC_AUTH_TOKEN); as ANTHROPIC_API_KEY (x-api-key) it answers 401.',
  },
  {
    id: 'openclaw',
    name: 'OpenClaw',
    kind: 'cli',
    description: 'OpenClaw with its qwen provider',
    plans: ALL_PLANS,
    command: ['openclaw'],
    install: 'npm install -g openclaw && openclaw plugins install @openclaw/qwen-provider',
    // Its qwen provider reads the first of these; its Token Plan provider only its own.
    variables: {
      QWEN_API_KEY: '{{apiKey}}',
      MODELSTUDIO_API_KEY: '{{apiKey}}',
      DASHSCOPE_API_KEY: '{{apiKey}}',
    },
    planVariables: { token: { QWEN_TOKEN_PLAN_API_KEY: '{{apiKey}}' } },
    note: 'OpenClaw takes its endpoint from its config, not from a variable: `msk tools setup openclaw` writes the key’s base URL there and onboards it to read the key from the variable msk sets, never to keep a copy.',
  },
  {
    id: 'opencode',
    name: 'OpenCode',
    kind: 'cli',
    description: 'OpenCode with a Model Studio provider given in OPENCODE_CONFIG_CONTENT',
    plans: NOT_CODING,
    command: ['opencode'],
    install: 'npm install -g opencode-ai',
    defaultModel: DEFAULT_CODING_MODEL,
    variables: {
      DASHSCOPE_API_KEY: '{{apiKey}}',
      // OpenCode merges this JSON last; the key stays in the variable above ({env:…}).
      OPENCODE_CONFIG_CONTENT:
        '{"provider":{"modelstudio":{"npm":"@ai-sdk/openai-compatible","name":"Model Studio","options":{"baseURL":"{{baseUrl}}","apiKey":"{env:DASHSCOPE_API_KEY}"},"models":{"{{model}}":{"name":"{{model}}"}}}},"model":"modelstudio/{{model}}"}',
    },
  },
  {
    id: 'codex',
    name: 'Codex CLI',
    kind: 'cli',
    description: 'OpenAI’s Codex CLI with a Model Studio provider on its command line (Responses API)',
    plans: ['payg'],
    command: [
      'codex',
      '-c',
      'model_provider="modelstudio"',
      '-c',
      'model_providers.modelstudio.name="Model Studio"',
      '-c',
      'model_providers.modelstudio.base_url="{{baseUrl}}"',
      '-c',
      'model_providers.modelstudio.env_key="DASHSCOPE_API_KEY"',
      '-c',
      'model_providers.modelstudio.wire_api="responses"',
      '-m',
      '{{model}}',
    ],
    install: 'npm install -g @openai/codex',
    defaultModel: 'qwen3-max',
    variables: { DASHSCOPE_API_KEY: '{{apiKey}}' },
    note: 'Codex speaks only the Responses API, which pay-as-you-go keys have; the Coding Plan does not.',
  },
  {
    id: 'aider',
    name: 'Aider',
    kind: 'cli',
    description: 'Aider through its OpenAI-compatible route',
    plans: NOT_CODING,
    command: ['aider', '--model', 'openai/{{model}}'],
    install: 'python -m pip install aider-install && aider-install',
    defaultModel: DEFAULT_CODING_MODEL,
    variables: { OPENAI_API_BASE: '{{baseUrl}}', OPENAI_API_KEY: '{{apiKey}}' },
  },
  {
    id: 'cline',
    name: 'Cline',
    kind: 'gui',
    description: 'Cline (VS Code): API Provider “OpenAI Compatible”',
    plans: ALL_PLANS,
    variables: {},
    defaultModel: DEFAULT_CODING_MODEL,
    settings: [
      { label: 'API Provider', value: 'OpenAI Compatible', where: 'Cline ▸ Settings (gear) ▸ API Provider' },
      { label: 'Base URL', value: '{{baseUrl}}', where: 'Base URL' },
      { label: 'API Key', value: '{{apiKey}}', where: 'API Key' },
      { label: 'Model ID', value: '{{model}}', where: 'Model ID' },
    ],
  },
  {
    id: 'chatbox',
    name: 'Chatbox',
    kind: 'gui',
    description: 'Chatbox: a model provider of type “OpenAI API Compatible”',
    plans: ALL_PLANS,
    variables: {},
    settings: [
      { label: 'Provider', value: 'OpenAI API Compatible', where: 'Settings ▸ Model Provider ▸ Add' },
      { label: 'API Host', value: '{{apiHost}}', where: 'API Host' },
      { label: 'API Path', value: '/v1/chat/completions', where: 'API Path' },
      { label: 'API Key', value: '{{apiKey}}', where: 'API Key' },
      { label: 'Model', value: '{{model}}', where: 'Models ▸ New (then Check)' },
    ],
  },
  {
    id: 'dify',
    name: 'Dify',
    kind: 'gui',
    description: 'Dify: the “OpenAI-API-compatible” model provider plugin',
    plans: NOT_CODING,
    variables: {},
    settings: [
      {
        label: 'Provider',
        value: 'OpenAI-API-compatible',
        where: 'Settings ▸ Model Provider ▸ install, then Add Model',
      },
      { label: 'Model Name', value: '{{model}}', where: 'Model Name' },
      { label: 'API Key', value: '{{apiKey}}', where: 'API Key' },
      { label: 'API endpoint URL', value: '{{baseUrl}}', where: 'API endpoint URL' },
    ],
  },
  {
    id: 'cherry-studio',
    name: 'Cherry Studio',
    kind: 'gui',
    description: 'Cherry Studio: its built-in “Alibaba Cloud Bailian” (阿里云百炼) provider',
    plans: ALL_PLANS,
    variables: {},
    settings: [
      { label: 'Provider', value: 'Alibaba Cloud Bailian (阿里云百炼)', where: 'Settings ▸ Model Provider' },
      { label: 'API Key', value: '{{apiKey}}', where: 'API Key' },
      { label: 'API Host', value: '{{baseUrl}}', where: 'API Host' },
      { label: 'Model', value: '{{model}}', where: 'Models ▸ Add' },
    ],
  },
  {
    id: 'postman',
    name: 'Postman',
    kind: 'export',
    description: 'A Postman environment file: baseUrl, nativeBaseUrl, apiKey (secret), model',
    plans: NOT_CODING,
    variables: {},
  },
];

/** The tool whose command is the user's own shell. */
/**
 * OpenClaw (npm `openclaw` 2026.9, its `@openclaw/qwen-provider` plugin) as msk sets it up: for
 * each plan its provider, the onboarding choice (`-cn` on the China site) and the variable the
 * onboarded key refers to (`--secret-input-mode ref`: a pointer, never the key); its config is
 * JSON5 at `~/.openclaw/openclaw.json` unless OPENCLAW_CONFIG_PATH says otherwise, and only
 * `models.providers.<provider>.baseUrl` sets its endpoint.
 */
export const OPENCLAW = {
  plugin: '@openclaw/qwen-provider',
  configPathVariable: 'OPENCLAW_CONFIG_PATH',
  configFile: ['.openclaw', 'openclaw.json'],
  plans: {
    payg: { provider: 'qwen', authChoice: 'qwen-standard-api-key', keyVariable: 'QWEN_API_KEY' },
    coding: { provider: 'qwen', authChoice: 'qwen-api-key', keyVariable: 'QWEN_API_KEY' },
    token: {
      provider: 'qwen-token-plan',
      authChoice: 'qwen-token-plan',
      keyVariable: 'QWEN_TOKEN_PLAN_API_KEY',
    },
  },
  chinaSuffix: '-cn',
  /** Onboarding without questions, and without setting up what msk does not need (daemon, channels…). */
  onboard: [
    'onboard',
    '--non-interactive',
    '--accept-risk',
    '--mode',
    'local',
    '--secret-input-mode',
    'ref',
    '--skip-health',
    '--skip-daemon',
    '--skip-channels',
    '--skip-skills',
    '--skip-search',
    '--skip-hooks',
    '--skip-ui',
    '--skip-bootstrap',
  ],
} as const satisfies {
  plans: Record<Plan, { provider: string; authChoice: string; keyVariable: string }>;
  [fact: string]: unknown;
};

export const TERMINAL_TOOL = 'terminal';
