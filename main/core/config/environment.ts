// Everything the core reads from the process environment, read in one place.
import { dataDirectory } from '../platform/paths.js';
import { MskError } from '../base/errors.js';
import { MANAGEMENT_API } from '../model-studio/catalog.js';
import {
  type EndpointOverrides,
  isHttpUrl,
  jsonObjectOf,
  parseEndpointOverrides,
} from '../model-studio/regions.js';
import { PRODUCT_NAME } from '../platform/paths.js';

export interface MskEnvironment {
  /** MSK_HOME or the platform's app-data folder for the product. */
  dataDirectory: string;
  /** MSK_KEYCHAIN_SERVICE or "Model Studio Keys". */
  keychainService: string;
  /** MSK_ENDPOINT_OVERRIDES, parsed; wins over the user's settings. */
  endpointOverrides: EndpointOverrides;
  /**
   * MSK_OPENAPI_ENDPOINTS, parsed: the account's management hosts (by region) and the billing host
   * (`bss`) replaced by these http(s) URLs — a test's imitation, or a proxy the user trusts.
   */
  openApiEndpoints?: OpenApiEndpoints;
}

/** Region id (or `bss`) → the URL its management calls go to instead. */
export type OpenApiEndpoints = Partial<Record<string, string>>;

export const DEFAULT_KEYCHAIN_SERVICE = PRODUCT_NAME;

/** The keychain service every key's item is filed under: MSK_KEYCHAIN_SERVICE, else the product's name. */
export const keychainServiceName = (env: Record<string, string | undefined> = process.env): string =>
  env.MSK_KEYCHAIN_SERVICE?.trim() || DEFAULT_KEYCHAIN_SERVICE;

export function readEnvironment(env: Record<string, string | undefined> = process.env): MskEnvironment {
  return {
    dataDirectory: dataDirectory(process.platform, env),
    keychainService: keychainServiceName(env),
    endpointOverrides: parseEndpointOverrides(env.MSK_ENDPOINT_OVERRIDES),
    openApiEndpoints: parseOpenApiEndpoints(env.MSK_OPENAPI_ENDPOINTS),
  };
}

/**
 * `{"<region>": "http://host:port", "bss": "…"}`. A malformed value or an unknown key is an error,
 * never ignored: ignoring it would send an AccessKey's signed calls to Alibaba when the user meant
 * somewhere else.
 */
export function parseOpenApiEndpoints(json: string | undefined): OpenApiEndpoints {
  if (json === undefined || json.trim() === '') return {};
  const parsed = jsonObjectOf(
    'MSK_OPENAPI_ENDPOINTS',
    json,
    '{"<region>": "<http(s) URL>", "bss": "<http(s) URL>"}',
  );
  const known: readonly string[] = [...MANAGEMENT_API.regions, 'bss'];
  const endpoints: OpenApiEndpoints = {};
  for (const [key, url] of Object.entries(parsed)) {
    if (!known.includes(key))
      throw new MskError(
        'invalid-input',
        `MSK_OPENAPI_ENDPOINTS: '${key}' is neither a region with a management host (${MANAGEMENT_API.regions.join(', ')}) nor bss.`,
      );
    if (typeof url !== 'string' || !isHttpUrl(url))
      throw new MskError(
        'invalid-input',
        `MSK_OPENAPI_ENDPOINTS: the URL for '${key}' must be an http(s) URL.`,
      );
    endpoints[key] = url.replace(/\/+$/, '');
  }
  return endpoints;
}
