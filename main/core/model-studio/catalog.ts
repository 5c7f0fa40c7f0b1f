// The one catalog of Alibaba Cloud Model Studio facts (docs/ARCHITECTURE.md, "main/core").
// Every endpoint, key shape, plan, limit, console link and variable name the app relies on
// lives here and nowhere else, so a change on Alibaba's side is a change to this file.
import type { KeyShape, Plan } from '../../shared/vocabulary.js';

// The ids are the words main and the window share; what they mean to Model Studio is here.
export { KEY_SHAPE_IDS, type KeyShape, PLAN_IDS, type Plan } from '../../shared/vocabulary.js';

/** Where the endpoint facts below come from; Alibaba changes these pages often. */
export const SOURCES = {
  baseUrls: {
    title: 'Base URL overview',
    url: 'https://www.alibabacloud.com/help/en/model-studio/base-url',
    updated: '2026-10-11',
  },
  tokenPlan: {
    title: 'Token Plan quick start',
    url: 'https://help.aliyun.com/en/model-studio/token-plan-personal-quick-start',
    updated: '2026-11-04',
  },
} as const;

/** The service goes by several names; people search for every one of them. */
export const SERVICE_NAME = 'Alibaba Cloud Model Studio';
export const SERVICE_ALIASES = ['DashScope', 'Bailian 百炼', 'QwenCloud'] as const;
export const SERVICE_TITLE = `${SERVICE_NAME} (${SERVICE_ALIASES.join(', ')})`;

export type RegionId =
  'ap-southeast-1' | 'us-east-1' | 'cn-beijing' | 'cn-hongkong' | 'ap-northeast-1' | 'eu-central-1';

/** Billing plans. A key works only with the base URLs of its own plan; a mismatch is a 401. */

/**
 * The kinds of host a region can have. Pay-as-you-go keys work on the shared DashScope
 * domain, their own workspace's domain and the trial domain; each plan has its own host.
 */
export type EndpointFamily = 'dashscope' | 'workspace' | 'trial' | 'coding' | 'token';

export const WORKSPACE_ID_PLACEHOLDER = '{workspaceId}';

export interface RegionFacts {
  id: RegionId;
  /** The name Alibaba's console uses. */
  name: string;
  /** Short names accepted by the command line. */
  aliases: readonly string[];
  /** Console page where a user creates a key for this region. */
  apiKeyPage: string;
  /** Which console (and so which billing centre) the region's account lives in. */
  console: 'international' | 'china';
  /** Host of each endpoint family the region has; `workspace` holds the placeholder. */
  origins: Readonly<Partial<Record<EndpointFamily, string>>>;
}

const workspaceOrigin = (regionId: RegionId) =>
  `https://${WORKSPACE_ID_PLACEHOLDER}.${regionId}.maas.aliyuncs.com`;

// The Base URL overview lists the trial domain's table from Beijing on; Singapore, the other
// region with every plan, is the one international region we carry it for.
export const REGIONS: readonly RegionFacts[] = [
  {
    id: 'ap-southeast-1',
    name: 'Singapore',
    aliases: ['sg', 'singapore', 'intl'],
    apiKeyPage: 'https://modelstudio.console.alibabacloud.com/?tab=playground#/api-key',
    console: 'international',
    origins: {
      dashscope: 'https://dashscope-intl.aliyuncs.com',
      workspace: workspaceOrigin('ap-southeast-1'),
      trial: 'https://trial.ap-southeast-1.maas.aliyuncs.com',
      coding: 'https://coding-intl.dashscope.aliyuncs.com',
      token: 'https://token-plan.ap-southeast-1.maas.aliyuncs.com',
    },
  },
  {
    id: 'us-east-1',
    name: 'US (Virginia)',
    aliases: ['us', 'virginia'],
    apiKeyPage: 'https://modelstudio.console.alibabacloud.com/us-east-1/?tab=playground#/api-key',
    console: 'international',
    origins: {
      dashscope: 'https://dashscope-us.aliyuncs.com',
      workspace: workspaceOrigin('us-east-1'),
    },
  },
  {
    id: 'cn-beijing',
    name: 'China (Beijing)',
    aliases: ['cn', 'beijing', 'china'],
    apiKeyPage: 'https://bailian.console.aliyun.com/?tab=model#/api-key',
    console: 'china',
    origins: {
      dashscope: 'https://dashscope.aliyuncs.com',
      workspace: workspaceOrigin('cn-beijing'),
      trial: 'https://trial.cn-beijing.maas.aliyuncs.com',
      coding: 'https://coding.dashscope.aliyuncs.com',
      token: 'https://token-plan.cn-beijing.maas.aliyuncs.com',
    },
  },
  {
    id: 'cn-hongkong',
    name: 'China (Hong Kong)',
    aliases: ['hk', 'hongkong', 'hong-kong'],
    apiKeyPage: 'https://modelstudio.console.alibabacloud.com/cn-hongkong/?tab=playground#/api-key',
    console: 'international',
    origins: {
      dashscope: 'https://cn-hongkong.dashscope.aliyuncs.com',
      workspace: workspaceOrigin('cn-hongkong'),
    },
  },
  // Tokyo and Frankfurt exist only as workspace-dedicated domains: a key there needs its workspace id.
  {
    id: 'ap-northeast-1',
    name: 'Japan (Tokyo)',
    aliases: ['jp', 'tokyo', 'japan'],
    apiKeyPage: 'https://modelstudio.console.alibabacloud.com/ap-northeast-1/?tab=playground#/api-key',
    console: 'international',
    origins: { workspace: workspaceOrigin('ap-northeast-1') },
  },
  {
    id: 'eu-central-1',
    name: 'Germany (Frankfurt)',
    aliases: ['de', 'frankfurt', 'germany', 'eu'],
    apiKeyPage: 'https://modelstudio.console.alibabacloud.com/eu-central-1/?tab=playground#/api-key',
    console: 'international',
    origins: { workspace: workspaceOrigin('eu-central-1') },
  },
];

export const DEFAULT_REGION_ID: RegionId = 'ap-southeast-1';

/** Where an account in arrears tops up. */
export const BILLING_PAGES = {
  international: 'https://usercenter2-intl.aliyun.com/billing',
  china: 'https://usercenter2.aliyun.com/home',
} as const;

export interface ApiPaths {
  /** OpenAI-compatible. */
  compatible: string;
  /** DashScope native; the subscription plans have none. */
  native: string | null;
  /** Anthropic-compatible (Claude Code). */
  anthropic: string;
}

const PAY_AS_YOU_GO_PATHS: ApiPaths = {
  compatible: '/compatible-mode/v1',
  native: '/api/v1',
  anthropic: '/apps/anthropic',
};

export interface FamilyFacts {
  plan: Plan;
  /** What the host is, in a few words. */
  description: string;
  paths: ApiPaths;
  /** Detection and checks may ask it whether a key belongs there. The trial domain is never home. */
  home: boolean;
}

export const ENDPOINT_FAMILIES: Readonly<Record<EndpointFamily, FamilyFacts>> = {
  dashscope: {
    plan: 'payg',
    description: 'shared DashScope domain: any workspace of the region',
    paths: PAY_AS_YOU_GO_PATHS,
    home: true,
  },
  workspace: {
    plan: 'payg',
    description: "workspace-dedicated domain: only that workspace's keys",
    paths: PAY_AS_YOU_GO_PATHS,
    home: true,
  },
  trial: {
    plan: 'payg',
    description: 'trial domain: any workspace of the region, lower rate limits',
    paths: PAY_AS_YOU_GO_PATHS,
    home: false,
  },
  coding: {
    plan: 'coding',
    description: 'Coding Plan endpoint: coding agents only',
    paths: { compatible: '/v1', native: null, anthropic: '/apps/anthropic' },
    home: true,
  },
  token: {
    plan: 'token',
    description: 'Token Plan endpoint',
    paths: { compatible: '/compatible-mode/v1', native: null, anthropic: '/apps/anthropic' },
    home: true,
  },
};

export interface PlanFacts {
  id: Plan;
  name: string;
  /** Spellings the command line accepts. */
  aliases: readonly string[];
}

export const PLANS: Readonly<Record<Plan, PlanFacts>> = {
  payg: { id: 'payg', name: 'Pay-as-you-go', aliases: ['pay-as-you-go', 'paygo', 'standard'] },
  coding: { id: 'coding', name: 'Coding Plan', aliases: ['coding-plan'] },
  token: { id: 'token', name: 'Token Plan', aliases: ['token-plan'] },
};

/** The families a key of `plan` may live on, best first (the workspace domain needs a workspace id). */
export const PLAN_HOME_FAMILIES: Readonly<Record<Plan, readonly EndpointFamily[]>> = {
  payg: ['dashscope', 'workspace'],
  coding: ['coding'],
  token: ['token'],
};

/**
 * Key shapes seen in 2026. None is documented, so validation is loose: anything `sk-` + URL-safe
 * characters within the length cap is stored (an unusual shape with a warning); probing decides.
 */
export const KEY_FORMAT = {
  prefix: 'sk-',
  /** base64url plus the few other URL-safe characters a signature may carry. */
  alphabet: /^[A-Za-z0-9._~+/=-]+$/,
  /** Shorter than this after `sk-` is a key cut off while copying. */
  minBodyLength: 16,
  /** The longest keys seen are ~130 characters; the cap keeps a pasted file out of argv and regexes. */
  maxLength: 512,
  temporaryPrefix: 'st-',
} as const;

export interface KeyShapeFacts {
  id: KeyShape;
  /** Shown in masks: `sk-ws-…a1b2`. */
  maskPrefix: string;
  test(secret: string): boolean;
  /** One sentence for the user; undefined when the shape needs no words. */
  explanation?: string;
  /** The plans a key of this shape can belong to; the first is assumed when nothing says otherwise. */
  plans: readonly Plan[];
}

// Checked in order: the first that matches names the shape.
export const KEY_SHAPES: readonly KeyShapeFacts[] = [
  {
    id: 'plan',
    maskPrefix: 'sk-sp-',
    test: (secret) => secret.startsWith('sk-sp-'),
    explanation:
      'This is a subscription plan key (sk-sp-…): it works only on its plan’s own endpoints (Coding Plan or Token Plan), never on the pay-as-you-go API.',
    plans: ['coding', 'token'],
  },
  {
    id: 'workspace',
    maskPrefix: 'sk-ws-',
    test: (secret) => secret.startsWith('sk-ws-'),
    plans: ['payg'],
  },
  {
    id: 'classic',
    maskPrefix: 'sk-',
    test: (secret) => /^sk-[A-Za-z0-9]{32}$/.test(secret),
    plans: ['payg'],
  },
  {
    id: 'unusual',
    maskPrefix: 'sk-',
    test: () => true,
    explanation:
      'This key has an unusual shape (not sk- + 32 characters, sk-ws-… or sk-sp-…); that is allowed: whether it works is for Model Studio to say.',
    plans: ['payg'],
  },
];

/**
 * A workspace id as the service gives it: the console shows `llm-…`, the management API's examples
 * `ws-…`; whatever the prefix, it goes into a host name (the workspace's own domain), so it is
 * lowercase letters and digits around one hyphen.
 */
export const WORKSPACE_ID_PATTERN = /^[a-z][a-z0-9]*-[a-z0-9]{4,}$/;
export const DEFAULT_WORKSPACE_ID = 'default';
export const ACCOUNT_ID_PATTERN = /^\d{4,32}$/;

/** Soft limits from the seed; a newer doc says 20 workspaces. Warnings, never blocks. */
export const LIMITS = {
  workspacesPerAccount: 10,
  keysPerWorkspace: 20,
} as const;

/** How many keys `check --all` asks about at once unless told otherwise (the connection cap too). */
export const DEFAULT_CONCURRENCY = 4;

export const TEMPORARY_KEY = { defaultTtlSeconds: 60, minTtlSeconds: 1, maxTtlSeconds: 1800 } as const;

/**
 * What a model id is made of (`qwen3-coder-plus`, `qwen-vl-max-2025-01-25`, a fine-tune's
 * `ft:…/…@…`): letters, digits and `. - _ : / @`, starting with a letter or digit. Anything else
 * (a space, a quote, `&`, `;`) is no model Model Studio serves and could end a shell's string:
 * every place a model id comes in (`.msk.json`, settings, the CLI, the window) checks it.
 */
export const MODEL_ID = { pattern: /^[A-Za-z0-9][A-Za-z0-9._:/@-]*$/, maxLength: 128 } as const;

export const isModelId = (value: string): boolean =>
  value.length <= MODEL_ID.maxLength && MODEL_ID.pattern.test(value);

export const DEFAULT_MODEL = 'qwen-plus';
export const DEFAULT_CODING_MODEL = 'qwen3-coder-plus';
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
  'BAILIAN_',
] as const;

/** Where keys are found lying (issue "bring keys home"): the facts of who reads which variable. */
export const KEY_VARIABLES = {
  /** Variables only Model Studio tools read: one of these naming a KEY or TOKEN holds a key. */
  ownPrefixes: ['DASHSCOPE_', 'MODELSTUDIO_', 'BAILIAN_', 'QWEN_'],
  /**
   * Other vendors' clients pointed at Model Studio: their key variable holds a Model Studio key
   * only when one of these base-URL variables beside it is a Model Studio URL.
   */
  borrowed: {
    OPENAI_API_KEY: ['OPENAI_BASE_URL', 'OPENAI_API_BASE'],
    ANTHROPIC_AUTH_TOKEN: ['ANTHROPIC_BASE_URL'],
    ANTHROPIC_API_KEY: ['ANTHROPIC_BASE_URL'],
  },
  /** OpenClaw's built-in providers that talk to Model Studio when no baseUrl says otherwise. */
  openClawProviders: ['qwen', 'modelstudio', 'dashscope', 'bailian'],
} as const satisfies {
  ownPrefixes: readonly string[];
  borrowed: Readonly<Record<string, readonly string[]>>;
  openClawProviders: readonly string[];
};

/**
 * The local gateway (issue "GUI tools never hold the key"): where it listens unless told, what its
 * tokens look like, and the paths a tool uses — each mapped to one of the key's bases, with the
 * requests it forwards there (`METHOD path below the base`; `{id}` is one path segment of
 * letters, digits and `. _ : @ ~ -`). Only what a tool needs to use models goes through — what
 * the OpenAI SDK, Qwen Code, Claude Code and the DashScope SDK send: never `tokens` (a temporary
 * key works without the gateway until it expires, whatever becomes of the token), `uploads` (an
 * upload policy is a credential), files, batches, fine-tunes, deployments, agent applications
 * (their model is theirs, not the token's) or anything about the account.
 */
/**
 * The account: Model Studio's management OpenAPI (product ModelStudio, version 2026-02-10, ROA,
 * signed ACS3-HMAC-SHA256 by an AccessKey pair or STS credentials; a model API key is refused
 * there). Paths, methods and fields as Alibaba's own SDK (modelstudio-20260210) sends them.
 */
export const MANAGEMENT_API = {
  product: 'ModelStudio',
  version: '2026-02-10',
  /** The regions with a management host (Tokyo has none). */
  regions: ['cn-beijing', 'cn-hongkong', 'ap-southeast-1', 'us-east-1', 'eu-central-1'],
  /**
   * An account lives on one site, which bills it (in yuan on the China site, in dollars elsewhere).
   * `home`: the region whose management host reads the site's bill and proves a permission.
   */
  sites: {
    china: { name: 'China site (aliyun.com)', home: 'cn-beijing' },
    international: { name: 'International site (alibabacloud.com)', home: 'ap-southeast-1' },
  },
  /**
   * A workspace's name as CreateWorkspace takes it. The SDK states no bound; the console's is
   * assumed (64 characters, one line).
   */
  workspaceName: { maxLength: 64 },
  /** The bill: grouped by base model, the trend by month over this many months before the one asked. */
  billing: { groupBy: 'BASE_MODEL', trendMonths: 6, topNum: 20 },
  /** How many rows a page of a list asks for (the service's largest). */
  pageSize: 100,
  /** What CreateApiKey takes: a description's length, and how many models and addresses a scope names. */
  apiKeyBounds: { descriptionLength: 256, scopeEntries: 100 },
  actions: {
    ListWorkspaces: { method: 'GET', path: '/modelstudio/workspaces' },
    CreateWorkspace: { method: 'POST', path: '/modelstudio/workspaces' },
    DeleteWorkspace: { method: 'DELETE', path: '/modelstudio/workspaces/{id}' },
    ListApiKeys: { method: 'GET', path: '/modelstudio/apikeys' },
    GetApiKey: { method: 'GET', path: '/modelstudio/apikeys/{id}' },
    // These two take their body as a form (`auth.accessIps.1=…`), as the SDK sends it.
    CreateApiKey: { method: 'POST', path: '/modelstudio/apikeys', body: 'form' },
    UpdateApiKey: { method: 'PUT', path: '/modelstudio/apikeys/{id}', body: 'form' },
    DeleteApiKey: { method: 'DELETE', path: '/modelstudio/apikeys/{id}' },
    EnableApiKey: { method: 'PUT', path: '/modelstudio/apikeys/{id}/enable' },
    DisableApiKey: { method: 'PUT', path: '/modelstudio/apikeys/{id}/disable' },
    ResetApiKey: { method: 'PUT', path: '/modelstudio/apikeys/{id}/reset' },
    GetBillingOverview: { method: 'GET', path: '/modelstudio/billing/overview' },
    GetBillingTrend: { method: 'GET', path: '/modelstudio/billing/trend' },
  },
} as const;

export type ServiceSite = keyof typeof MANAGEMENT_API.sites;

/**
 * The account's balance: BSS OpenAPI (RPC, version 2017-12-14), on its site's billing host; its RAM
 * actions are `bssapi:…` (the system policy AliyunBSSReadOnlyAccess holds them).
 */
export const BSS_API = {
  product: 'BssOpenApi',
  version: '2017-12-14',
  ramPrefix: 'bssapi',
  hosts: { china: 'business.aliyuncs.com', international: 'business.ap-southeast-1.aliyuncs.com' },
  actions: { QueryAccountBalance: { method: 'POST', path: '/' } },
} as const satisfies { hosts: Record<ServiceSite, string> } & Record<string, unknown>;
export type BssAction = keyof typeof BSS_API.actions;
export type ManagementAction = keyof typeof MANAGEMENT_API.actions;

/** The regions with a management host whose console is `site`'s: where its workspaces live. */
export const managementRegionsOf = (site: ServiceSite): string[] =>
  MANAGEMENT_API.regions.filter(
    (regionId) => REGIONS.find((region) => region.id === regionId)?.console === site,
  );

/** A management host: `modelstudio.<region>.aliyuncs.com`. */
export const managementHost = (regionId: string): string => `modelstudio.${regionId}.aliyuncs.com`;

/**
 * The least a RAM user needs for everything msk does with an account (RAM actions are the
 * product's code and the API's action). Printed by `msk account status` and shown in the window.
 */
export const ACCOUNT_POLICY = {
  Version: '1',
  Statement: [
    {
      Effect: 'Allow',
      Action: [
        ...Object.keys(MANAGEMENT_API.actions).map((action) => `modelstudio:${action}`),
        ...Object.keys(BSS_API.actions).map((action) => `${BSS_API.ramPrefix}:${action}`),
      ],
      Resource: '*',
    },
  ],
} as const;

export const GATEWAY = {
  host: '127.0.0.1',
  defaultPort: 11480,
  tokenPrefix: 'msk-gw-',
  /** Path prefix a tool uses → the base of the key's plan and region it stands for. */
  routes: [
    {
      prefix: '/v1',
      base: 'compatible',
      forwards: [
        'POST chat/completions',
        'POST completions',
        'POST embeddings',
        'GET models',
        'GET models/{id}',
        'POST responses',
        'GET responses/{id}',
        'DELETE responses/{id}',
        'POST responses/{id}/cancel',
        'GET responses/{id}/input_items',
      ],
    },
    {
      prefix: '/anthropic',
      base: 'anthropic',
      forwards: ['POST v1/messages', 'POST v1/messages/count_tokens', 'GET v1/models', 'GET v1/models/{id}'],
    },
    {
      prefix: '/api/v1',
      base: 'native',
      forwards: [
        // Every model of the native API: services/<group>/<task>/<function> (a few have no group).
        'POST services/{id}/{id}/{id}',
        'POST services/{id}/{id}',
        // An asynchronous task's result (image, video, transcription), and cancelling it.
        'GET tasks/{id}',
        'POST tasks/{id}/cancel',
        'GET models',
        'GET models/{id}',
      ],
    },
  ],
} as const;

/** Where the gateway on `port` listens, as a tool's settings and the tray name it (`127.0.0.1:11480`). */
export const gatewayAddress = (port: number): string => `${GATEWAY.host}:${port}`;

/** The gateway's base URL for each of a key's bases (its routes), on `port`. */
export const gatewayBases = (port: number): Record<(typeof GATEWAY.routes)[number]['base'], string> =>
  Object.fromEntries(
    GATEWAY.routes.map(({ prefix, base }) => [base, `http://${gatewayAddress(port)}${prefix}`]),
  ) as Record<(typeof GATEWAY.routes)[number]['base'], string>;

/** The base URL an OpenAI-compatible tool is given for the gateway on `port`. */
export const gatewayUrl = (port: number): string => gatewayBases(port).compatible;

export type PriceCurrency = 'USD' | 'CNY';

/** A model's list price per million tokens, in the currency its region bills in. */
export interface ModelPrice {
  input: number;
  output: number;
}

/**
 * List prices of the suggested models, per million tokens, at their lowest tier (short prompts),
 * as Alibaba's pricing pages gave them in 2025–2026: an estimate of what a day cost, not a bill
 * (tiers by prompt length, thinking mode, cache hits, free quota and the plans' subscriptions are
 * left out). Mainland China bills in yuan, the international regions in dollars. The user can
 * replace any price in Settings.
 */
export const PRICES: Readonly<
  Record<
    'international' | 'mainland',
    { currency: PriceCurrency; models: Readonly<Record<string, ModelPrice>> }
  >
> = {
  international: {
    currency: 'USD',
    models: {
      'qwen-plus': { input: 0.4, output: 1.2 },
      'qwen3-max': { input: 1.2, output: 6 },
      'qwen-flash': { input: 0.05, output: 0.4 },
      'qwen-turbo': { input: 0.05, output: 0.2 },
      'qwen3-coder-plus': { input: 1, output: 5 },
      'qwen3-coder-flash': { input: 0.3, output: 1.5 },
    },
  },
  mainland: {
    currency: 'CNY',
    models: {
      'qwen-plus': { input: 0.8, output: 2 },
      'qwen3-max': { input: 6, output: 24 },
      'qwen-flash': { input: 0.15, output: 1.5 },
      'qwen-turbo': { input: 0.3, output: 0.6 },
      'qwen3-coder-plus': { input: 4, output: 16 },
      'qwen3-coder-flash': { input: 1, output: 4 },
    },
  },
};

/** A price as a user writes it: input and output per million tokens, `0.4/1.2`. */
export const PRICE_TEXT = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)\s*$/;

export function parsePrice(text: string): ModelPrice | undefined {
  const match = PRICE_TEXT.exec(text);
  return match ? { input: Number(match[1]), output: Number(match[2]) } : undefined;
}

/** Which price list a region's usage is billed from. */
export const priceListOf = (regionId: string): keyof typeof PRICES =>
  regionId === 'cn-beijing' ? 'mainland' : 'international';
