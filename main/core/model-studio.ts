// The one catalog of Alibaba Cloud Model Studio facts (see shared/docs/MODEL_STUDIO.md).
// Every endpoint, key pattern, limit and variable name the app relies on lives here and
// nowhere else, so a change on Alibaba's side is a change to this file.

export type RegionId = 'ap-southeast-1' | 'us-east-1' | 'cn-beijing' | 'cn-hongkong';

export interface RegionFacts {
  id: RegionId;
  /** The name Alibaba's console uses. */
  name: string;
  /** Host of the general (pay-as-you-go) endpoints. */
  origin: string;
  /** Console page where a user creates a key for this region. */
  apiKeyPage: string;
  /** Coding Plan (`sk-sp-`) endpoint origin, where one is documented for this region. */
  planOrigin?: string;
  /** Short names accepted by the command line. */
  aliases: readonly string[];
}

export const REGIONS: readonly RegionFacts[] = [
  {
    id: 'ap-southeast-1',
    name: 'Singapore',
    origin: 'https://dashscope-intl.aliyuncs.com',
    apiKeyPage: 'https://modelstudio.console.alibabacloud.com/?tab=playground#/api-key',
    planOrigin: 'https://coding-intl.dashscope.aliyuncs.com',
    aliases: ['sg', 'singapore', 'intl'],
  },
  {
    id: 'us-east-1',
    name: 'US (Virginia)',
    origin: 'https://dashscope-us.aliyuncs.com',
    apiKeyPage: 'https://modelstudio.console.alibabacloud.com/us-east-1/?tab=playground#/api-key',
    aliases: ['us', 'virginia'],
  },
  {
    id: 'cn-beijing',
    name: 'China (Beijing)',
    origin: 'https://dashscope.aliyuncs.com',
    apiKeyPage: 'https://bailian.console.aliyun.com/?tab=model#/api-key',
    planOrigin: 'https://coding.dashscope.aliyuncs.com',
    aliases: ['cn', 'beijing', 'china'],
  },
  {
    id: 'cn-hongkong',
    name: 'China (Hong Kong)',
    origin: 'https://cn-hongkong.dashscope.aliyuncs.com',
    apiKeyPage: 'https://modelstudio.console.alibabacloud.com/cn-hongkong/?tab=playground#/api-key',
    aliases: ['hk', 'hongkong', 'hong-kong'],
  },
];

export const DEFAULT_REGION_ID: RegionId = 'ap-southeast-1';

/** Region ids that exist only as workspace-dedicated domains. */
export const WORKSPACE_ONLY_REGIONS = [
  { id: 'ap-northeast-1', name: 'Japan (Tokyo)' },
  { id: 'eu-central-1', name: 'Germany (Frankfurt)' },
] as const;

/** Workspace-dedicated domain: only that workspace's keys work there. */
export const workspaceOrigin = (workspaceId: string, regionId: string): string =>
  `https://${workspaceId}.${regionId}.maas.aliyuncs.com`;

/** Paths appended to an origin (or an override prefix) to get each API's base URL. */
export const API_PATHS = {
  compatible: '/compatible-mode/v1',
  native: '/api/v1',
  anthropic: '/apps/anthropic',
} as const;

/** Coding Plan endpoints use other paths on their own hosts. */
export const PLAN_API_PATHS = {
  compatible: '/v1',
  anthropic: '/apps/anthropic',
} as const;

export const KEY_PATTERNS = {
  /** Observed: `sk-` + 32 hex; undocumented, so accept any long alphanumeric body. */
  standard: /^sk-[A-Za-z0-9]{16,}$/,
  /** The observed shape; anything else that passes `standard` earns a warning, not a refusal. */
  standardTypical: /^sk-[0-9a-f]{32}$/,
  /** Coding Plan / Token Plan keys: refused by the general endpoints. */
  plan: /^sk-sp-[A-Za-z0-9-]{8,}$/,
  /** Temporary keys minted from a permanent key; they expire within 30 minutes. */
  temporary: /^st-[A-Za-z0-9-]{8,}$/,
} as const;

export const WORKSPACE_ID_PATTERN = /^llm-[a-z0-9]{4,}$/;
export const DEFAULT_WORKSPACE_ID = 'default';
export const ACCOUNT_ID_PATTERN = /^\d{4,32}$/;

/** Soft limits from the seed; a newer doc says 20 workspaces. Warnings, never blocks. */
export const LIMITS = {
  workspacesPerAccount: 10,
  keysPerWorkspace: 20,
} as const;

export const TEMPORARY_KEY = { defaultTtlSeconds: 60, minTtlSeconds: 1, maxTtlSeconds: 1800 } as const;

export const DEFAULT_MODEL = 'qwen-plus';
export const DEFAULT_CODING_MODEL = 'qwen3-coder-plus';
export const SUGGESTED_MODELS = [
  'qwen-plus',
  'qwen3-max',
  'qwen-flash',
  'qwen-turbo',
  'qwen3-coder-plus',
  'qwen3-coder-flash',
] as const;

/**
 * Variable families a launched tool must not inherit from the parent environment unless the
 * preset sets them: a stale OPENAI_BASE_URL silently sends a fresh key to the wrong host.
 */
export const STALE_VARIABLE_PREFIXES = [
  'OPENAI_',
  'ANTHROPIC_',
  'DASHSCOPE_',
  'QWEN_',
  'MODELSTUDIO_',
] as const;
