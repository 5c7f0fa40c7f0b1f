// Which region a name means and which base URLs a key should talk to.
import { MskError } from './errors.js';
import {
  API_PATHS,
  DEFAULT_WORKSPACE_ID,
  PLAN_API_PATHS,
  REGIONS,
  type RegionFacts,
  type RegionId,
  workspaceOrigin,
} from './model-studio.js';

export interface Endpoints {
  /** OpenAI-compatible base (`…/compatible-mode/v1`). */
  compatible: string;
  /** DashScope native base (`…/api/v1`). */
  native: string;
  /** Anthropic-compatible base (`…/apps/anthropic`). */
  anthropic: string;
}

/** Region id → URL prefix that replaces the region's host (proxies, gateways, tests). */
export type EndpointOverrides = Partial<Record<string, string>>;

export const regionIds = (): RegionId[] => REGIONS.map((region) => region.id);

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

export const regionName = (regionId: string): string =>
  REGIONS.find((region) => region.id === regionId)?.name ?? regionId;

/**
 * Parses `MSK_ENDPOINT_OVERRIDES`. A malformed value is an error, not silently ignored:
 * ignoring it would send keys to the real service when the user meant a gateway.
 */
export function parseEndpointOverrides(json: string | undefined): EndpointOverrides {
  if (json === undefined || json.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new MskError(
      'invalid-input',
      'MSK_ENDPOINT_OVERRIDES is not valid JSON; expected {"<regionId>": "<https://prefix>"}.',
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new MskError(
      'invalid-input',
      'MSK_ENDPOINT_OVERRIDES must be a JSON object {"<regionId>": "<https://prefix>"}.',
    );
  }
  const overrides: EndpointOverrides = {};
  for (const [regionId, prefix] of Object.entries(parsed)) {
    if (typeof prefix !== 'string' || !isHttpUrl(prefix)) {
      throw new MskError(
        'invalid-input',
        `MSK_ENDPOINT_OVERRIDES: the prefix for '${regionId}' must be an http(s) URL.`,
      );
    }
    overrides[regionId] = prefix.replace(/\/+$/, '');
  }
  return overrides;
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
  kind: 'standard' | 'plan';
  workspaceId?: string;
  /** Use `{workspace}.{region}.maas.aliyuncs.com` for sub-workspace keys. */
  useWorkspaceDomain?: boolean;
  /** From settings; `environmentOverrides` win over these. */
  settingsOverrides?: EndpointOverrides;
  environmentOverrides?: EndpointOverrides;
}

/** The base URLs for one key. Overrides win over everything: they are how tests and gateways work. */
export function endpointsFor(request: EndpointRequest): Endpoints {
  const region = requireRegion(request.regionId);
  const override = request.environmentOverrides?.[region.id] ?? request.settingsOverrides?.[region.id];
  if (override) return fromPrefix(override);
  if (request.kind === 'plan') {
    if (!region.planOrigin) {
      throw new MskError(
        'unknown-region',
        `Coding Plan keys have no documented endpoint in ${region.name}; use Singapore or China (Beijing).`,
      );
    }
    return {
      compatible: region.planOrigin + PLAN_API_PATHS.compatible,
      native: region.origin + API_PATHS.native,
      anthropic: region.planOrigin + PLAN_API_PATHS.anthropic,
    };
  }
  const workspaceId = request.workspaceId ?? DEFAULT_WORKSPACE_ID;
  if (request.useWorkspaceDomain && workspaceId !== DEFAULT_WORKSPACE_ID) {
    return fromPrefix(workspaceOrigin(workspaceId, region.id));
  }
  return fromPrefix(region.origin);
}

const fromPrefix = (prefix: string): Endpoints => ({
  compatible: prefix + API_PATHS.compatible,
  native: prefix + API_PATHS.native,
  anthropic: prefix + API_PATHS.anthropic,
});
