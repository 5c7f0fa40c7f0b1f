// The words main and the window both speak — in the IPC contract, in config.json and in the
// views: plan and key-shape ids, check statuses, themes, hints, how usage is grouped and what a
// gateway token may be called. What each means to Model Studio (names, endpoints, prices) is the
// core's catalog's (core/model-studio/catalog.ts); this file holds only the names.

/** Billing plans: each has endpoints of its own, and a key works only with its plan's. */
export const PLAN_IDS = ['payg', 'coding', 'token'] as const;
export type Plan = (typeof PLAN_IDS)[number];

/** Key families, told apart by their prefix: how a key is masked. */
export const KEY_SHAPE_IDS = ['classic', 'workspace', 'plan', 'unusual'] as const;
export type KeyShape = (typeof KEY_SHAPE_IDS)[number];

/** What a connection check found: exactly one per key. */
export const CHECK_STATUSES = [
  'ok',
  'invalid-key',
  'wrong-region',
  'wrong-plan',
  'workspace-denied',
  'model-denied',
  'rate-limited',
  'quota',
  'arrears',
  'unverified',
  'server-error',
  'network',
  'timeout',
] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** How the window looks: as the OS does, or always light or dark. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Hints the window shows until the user dismisses them for good (config.json's dismissedHints). */
export const HINTS = ['tray-host'] as const;
export type Hint = (typeof HINTS)[number];

/** How the gateway's usage is grouped in a report. */
export const USAGE_GROUPS = ['tool', 'key', 'model'] as const;
export type UsageGroup = (typeof USAGE_GROUPS)[number];

let gatewayTokenPattern: RegExp | undefined;
/**
 * A name a gateway token is known by: the tool's, as usage reports it. Made when first asked for:
 * V8 builds a pattern of Unicode classes when its literal is evaluated (about 0.3 ms), and every
 * msk start loads this file.
 */
export const gatewayTokenName = (): RegExp =>
  (gatewayTokenPattern ??= /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,63}$/u);

/** The site an Alibaba Cloud account lives on: China (aliyun.com) or international (alibabacloud.com). */
export const SERVICE_SITES = ['china', 'international'] as const;
export type ServiceSiteId = (typeof SERVICE_SITES)[number];

/** Where a connected account's credential comes from (never the credential itself). */
export const ACCOUNT_CREDENTIAL_KINDS = ['access-key', 'profile', 'chain'] as const;

/** What an account's permissions are probed for, each said plainly in the window. */
export const ACCOUNT_PERMISSIONS = ['workspaces', 'keys', 'spend', 'balance'] as const;
