// Which region and plan a name means, and which base URLs a key should talk to.
import { MskError } from '../base/errors.js';
import {
  DEFAULT_WORKSPACE_ID,
  ENDPOINT_FAMILIES,
  type EndpointFamily,
  PLAN_HOME_FAMILIES,
  PLANS,
  type Plan,
  type PlanFacts,
  REGIONS,
  type RegionFacts,
  type RegionId,
  WORKSPACE_ID_PATTERN,
  WORKSPACE_ID_PLACEHOLDER,
} from './catalog.js';

export interface Endpoints {
  /** The host family these URLs belong to. */
  family: EndpointFamily;
  /** OpenAI-compatible base (`…/compatible-mode/v1`, or `…/v1` for the Coding Plan). */
  compatible: string;
  /** DashScope native base (`…/api/v1`); null for the subscription plans, which have none. */
  native: string | null;
  /** Anthropic-compatible base (`…/apps/anthropic`). */
  anthropic: string;
}

/**
 * URL prefixes that replace a host (proxies, gateways, tests). Keyed by `<regionId>` (every
 * family of the region) or `<family>:<regionId>` (one family, which wins); a prefix may hold
 * `{workspaceId}`.
 */
export type EndpointOverrides = Partial<Record<string, string>>;

export function findRegion(nameOrAlias: string): RegionFacts | undefined {
  const wanted = nameOrAlias.trim().toLowerCase();
  return REGIONS.find(
    (region) =>
      region.id === wanted || region.aliases.includes(wanted) || region.name.toLowerCase() === wanted,
  );
}

export function requireRegion(nameOrAlias: string): RegionFacts {
  const region = findRegion(nameOrAlias);
  if (!region) {
    const known = REGIONS.map((r) => `${r.id} (${[...r.aliases].slice(0, 2).join(', ')})`);
    throw new MskError(
      'unknown-region',
      `Unknown region '${nameOrAlias}'. Known regions: ${known.join('; ')}.`,
    );
  }
  return region;
}

let namesById: ReadonlyMap<string, string> | undefined;

/** Each region's name by its id, made on first use: a name is asked once a key (hundreds, on every TAB and `msk list`). */
export const regionNames = (): ReadonlyMap<string, string> =>
  (namesById ??= new Map(REGIONS.map((region) => [region.id, region.name])));

export const regionName = (regionId: string): string => regionNames().get(regionId) ?? regionId;

/** A region without a shared DashScope domain is reached only through workspace domains. */
export const isWorkspaceOnly = (region: RegionFacts): boolean => region.origins.dashscope === undefined;

export function requirePlan(nameOrAlias: string): PlanFacts {
  const wanted = nameOrAlias.trim().toLowerCase();
  const plan = Object.values(PLANS).find(
    (candidate) =>
      candidate.id === wanted ||
      candidate.aliases.includes(wanted) ||
      candidate.name.toLowerCase() === wanted,
  );
  if (!plan) {
    const known = Object.values(PLANS).map((candidate) => `${candidate.id} (${candidate.name})`);
    throw new MskError('invalid-input', `Unknown plan '${nameOrAlias}'. Known plans: ${known.join(', ')}.`);
  }
  return plan;
}

export const planName = (plan: Plan): string => PLANS[plan].name;

/**
 * `default` or a console workspace id (llm-…). Checked before any URL is built from it: the id
 * becomes part of a host name, and a key is sent there.
 */
export function requireWorkspaceId(input: string | undefined): string {
  const workspaceId = input?.trim() || DEFAULT_WORKSPACE_ID;
  if (workspaceId !== DEFAULT_WORKSPACE_ID && !WORKSPACE_ID_PATTERN.test(workspaceId)) {
    throw new MskError(
      'invalid-input',
      `'${workspaceId}' is not a workspace id: use 'default' or the id shown in the console (llm-…).`,
    );
  }
  return workspaceId;
}

/** The regions where a plan has an endpoint. */
export const regionsOfPlan = (plan: Plan): RegionFacts[] =>
  REGIONS.filter((region) => PLAN_HOME_FAMILIES[plan].some((family) => region.origins[family]));

/** A variable's JSON object, or one line saying what is wrong with it and what it should be (`shape`). */
export function jsonObjectOf(variable: string, json: string, shape: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new MskError('invalid-input', `${variable} is not valid JSON; expected ${shape}.`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new MskError('invalid-input', `${variable} must be a JSON object ${shape}.`);
  return parsed as Record<string, unknown>;
}

/**
 * Parses `MSK_ENDPOINT_OVERRIDES`. A malformed value or an unknown key is an error, not silently
 * ignored: ignoring it would send keys to the real service when the user meant a gateway.
 */
export function parseEndpointOverrides(json: string | undefined): EndpointOverrides {
  if (json === undefined || json.trim() === '') return {};
  const parsed = jsonObjectOf(
    'MSK_ENDPOINT_OVERRIDES',
    json,
    '{"<regionId>" or "<family>:<regionId>": "<https://prefix>"}',
  );
  const overrides: EndpointOverrides = {};
  const givenAs = new Map<string, string>();
  for (const [given, prefix] of Object.entries(parsed)) {
    // The same names as --region: `sg`, `Singapore`, `cn:beijing` … stored under the region id.
    const key = canonicalOverrideKey(given) ?? given;
    const earlier = givenAs.get(key);
    if (earlier !== undefined) {
      throw new MskError(
        'invalid-input',
        `MSK_ENDPOINT_OVERRIDES: '${earlier}' and '${given}' name the same region; keep one.`,
      );
    }
    givenAs.set(key, given);
    overrides[key] = checkEndpointOverride(key, prefix, 'MSK_ENDPOINT_OVERRIDES');
  }
  return overrides;
}

/** `<region>` or `<family>:<region>` with the region given by id, alias or name, as the ids; undefined if no region. */
export function canonicalOverrideKey(key: string): string | undefined {
  const parts = key.split(':');
  if (parts.length > 2) return undefined;
  const region = findRegion(parts.at(-1) ?? '');
  if (region === undefined) return undefined;
  return parts.length === 2 ? `${parts[0]?.trim().toLowerCase()}:${region.id}` : region.id;
}

/** One override, `key` a region id or `<family>:<region id>`; returns the prefix without a trailing slash. */
export function checkEndpointOverride(key: string, prefix: unknown, source: string): string {
  if (!isOverrideKey(key)) {
    const canonical = canonicalOverrideKey(key);
    if (canonical !== undefined && canonical !== key && isOverrideKey(canonical)) {
      throw new MskError('invalid-input', `${source}: '${key}' means '${canonical}': write the region id.`);
    }
    throw new MskError(
      'invalid-input',
      `${source}: '${key}' is neither a region id (${REGIONS.map((region) => region.id).join(', ')}) nor <family>:<region id> for a host the region has (families: ${Object.keys(ENDPOINT_FAMILIES).join(', ')}; 'msk regions --all' lists them).`,
    );
  }
  if (typeof prefix !== 'string' || !isHttpUrl(prefix.replaceAll(WORKSPACE_ID_PLACEHOLDER, 'w'))) {
    throw new MskError('invalid-input', `${source}: the prefix for '${key}' must be an http(s) URL.`);
  }
  return prefix.replace(/\/+$/, '');
}

function isOverrideKey(key: string): boolean {
  const [first, second, ...rest] = key.split(':');
  if (rest.length > 0 || first === undefined) return false;
  if (second === undefined) return REGIONS.some((region) => region.id === first);
  // Only a host the region has: `trial:us-east-1` would be silently ignored.
  return REGIONS.some(
    (region) => region.id === second && region.origins[first as EndpointFamily] !== undefined,
  );
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export interface EndpointRequest {
  regionId: string;
  plan: Plan;
  workspaceId?: string;
  /** Prefer `{workspace}.{region}.maas.aliyuncs.com` for keys with a workspace id. */
  useWorkspaceDomain?: boolean;
  /** From settings; `environmentOverrides` win over these. */
  settingsOverrides?: EndpointOverrides;
  environmentOverrides?: EndpointOverrides;
}

/** The base URLs a key of `plan` uses in a region: the plan's home family there. */
export function endpointsFor(request: EndpointRequest): Endpoints {
  const region = requireRegion(request.regionId);
  const workspaceId = request.workspaceId ?? DEFAULT_WORKSPACE_ID;
  const family = homeFamily(region, request.plan, workspaceId, request.useWorkspaceDomain ?? false);
  return endpointsOfFamily(family, region.id, { ...request, workspaceId });
}

/** Which host a key of `plan` lives on in `region`, or why it cannot live there. */
export function homeFamily(
  region: RegionFacts,
  plan: Plan,
  workspaceId: string,
  preferWorkspaceDomain: boolean,
): EndpointFamily {
  const hasWorkspace = workspaceId !== DEFAULT_WORKSPACE_ID;
  if (plan === 'payg') {
    if (region.origins.dashscope && !(preferWorkspaceDomain && hasWorkspace)) return 'dashscope';
    if (!hasWorkspace) {
      throw new MskError(
        'workspace-required',
        `${region.name} is reached only through workspace domains ({workspaceId}.${region.id}.maas.aliyuncs.com): give the key's workspace id (llm-…, shown in the console).`,
      );
    }
    return 'workspace';
  }
  const family = PLAN_HOME_FAMILIES[plan][0] as EndpointFamily;
  if (!region.origins[family]) {
    const where = regionsOfPlan(plan).map((candidate) => candidate.name);
    throw new MskError(
      'plan-unavailable',
      `The ${PLANS[plan].name} has no endpoint in ${region.name}; it has endpoints in ${where.join(' and ')} only.`,
    );
  }
  return family;
}

/** The base URLs of one host family in a region, overrides applied. */
export function endpointsOfFamily(
  family: EndpointFamily,
  regionId: RegionId,
  request: Omit<EndpointRequest, 'regionId' | 'plan'> = {},
): Endpoints {
  const region = requireRegion(regionId);
  const origin = overrideOf(family, region, request) ?? region.origins[family];
  if (origin === undefined) {
    throw new MskError('plan-unavailable', `${region.name} has no ${ENDPOINT_FAMILIES[family].description}.`);
  }
  const prefix = origin.includes(WORKSPACE_ID_PLACEHOLDER)
    ? origin.replaceAll(WORKSPACE_ID_PLACEHOLDER, workspaceIdForHost(request.workspaceId))
    : origin;
  const { paths } = ENDPOINT_FAMILIES[family];
  return {
    family,
    compatible: prefix + paths.compatible,
    native: paths.native === null ? null : prefix + paths.native,
    anthropic: prefix + paths.anthropic,
  };
}

/** The prefix that replaces a family's origin in a region: one for the family beats one for the region. */
const overrideOf = (
  family: EndpointFamily,
  region: RegionFacts,
  request: Pick<EndpointRequest, 'settingsOverrides' | 'environmentOverrides'>,
): string | undefined => {
  const key = `${family}:${region.id}`;
  return (
    request.environmentOverrides?.[key] ??
    request.settingsOverrides?.[key] ??
    request.environmentOverrides?.[region.id] ??
    request.settingsOverrides?.[region.id]
  );
};

/** The catalog lists workspace hosts with the placeholder kept; anything else must be a real id. */
const workspaceIdForHost = (workspaceId: string | undefined): string =>
  workspaceId === WORKSPACE_ID_PLACEHOLDER ? workspaceId : requireWorkspaceId(workspaceId);

export interface Placement {
  plan: Plan;
  region: RegionFacts;
  family: EndpointFamily;
}

/**
 * Every place a key of these plans could live: each plan's home host in each region that has
 * one. Regions reached only through workspace domains count only when the workspace id is known.
 */
export function placementsFor(
  plans: readonly Plan[],
  workspaceId: string = DEFAULT_WORKSPACE_ID,
  regions: readonly RegionFacts[] = REGIONS,
): Placement[] {
  return plans.flatMap((plan) =>
    regions.flatMap((region) => {
      try {
        return [{ plan, region, family: homeFamily(region, plan, workspaceId, false) }];
      } catch {
        return [];
      }
    }),
  );
}

export interface CatalogEndpoint extends Endpoints {
  regionId: RegionId;
  plan: Plan;
  /** Where a key of the plan may call it. */
  description: string;
  /** An endpoint override replaced the catalog's origin. */
  overridden: boolean;
}

/** Every host of every region and plan, overrides applied; workspace hosts keep `{workspaceId}`. */
export function endpointCatalog(
  overrides: Pick<EndpointRequest, 'settingsOverrides' | 'environmentOverrides'> = {},
): CatalogEndpoint[] {
  return REGIONS.flatMap((region) =>
    (Object.keys(ENDPOINT_FAMILIES) as EndpointFamily[])
      .filter((family) => region.origins[family] !== undefined)
      .map((family) => ({
        regionId: region.id,
        plan: ENDPOINT_FAMILIES[family].plan,
        description: ENDPOINT_FAMILIES[family].description,
        overridden: overrideOf(family, region, overrides) !== undefined,
        ...endpointsOfFamily(family, region.id, { ...overrides, workspaceId: WORKSPACE_ID_PLACEHOLDER }),
      })),
  );
}
