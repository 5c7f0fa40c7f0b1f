// Everything the core reads from the process environment, read in one place.
import { dataDirectory } from '../platform/paths.js';
import { type EndpointOverrides, parseEndpointOverrides } from '../model-studio/regions.js';
import { PRODUCT_NAME } from '../platform/paths.js';

export interface MskEnvironment {
  /** MSK_HOME or the platform's app-data folder for the product. */
  dataDirectory: string;
  /** MSK_KEYCHAIN_SERVICE or "Model Studio Keys". */
  keychainService: string;
  /** MSK_ENDPOINT_OVERRIDES, parsed; wins over the user's settings. */
  endpointOverrides: EndpointOverrides;
}

export const DEFAULT_KEYCHAIN_SERVICE = PRODUCT_NAME;

/** The keychain service every key's item is filed under: MSK_KEYCHAIN_SERVICE, else the product's name. */
export const keychainServiceName = (env: Record<string, string | undefined> = process.env): string =>
  env.MSK_KEYCHAIN_SERVICE?.trim() || DEFAULT_KEYCHAIN_SERVICE;

export function readEnvironment(env: Record<string, string | undefined> = process.env): MskEnvironment {
  return {
    dataDirectory: dataDirectory(process.platform, env),
    keychainService: keychainServiceName(env),
    endpointOverrides: parseEndpointOverrides(env.MSK_ENDPOINT_OVERRIDES),
  };
}
