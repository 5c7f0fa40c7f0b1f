// Everything the core reads from the process environment, read in one place.
import { dataDirectory } from '../platform/paths.js';
import { type EndpointOverrides, parseEndpointOverrides } from '../model-studio/regions.js';
import { keychainServiceName } from '../keys/secret-store.js';

export interface MskEnvironment {
  /** MSK_HOME or the platform's app-data folder for the product. */
  dataDirectory: string;
  /** MSK_KEYCHAIN_SERVICE or "Model Studio Keys". */
  keychainService: string;
  /** MSK_ENDPOINT_OVERRIDES, parsed; wins over the user's settings. */
  endpointOverrides: EndpointOverrides;
}

export function readEnvironment(env: Record<string, string | undefined> = process.env): MskEnvironment {
  return {
    dataDirectory: dataDirectory(process.platform, env),
    keychainService: keychainServiceName(env),
    endpointOverrides: parseEndpointOverrides(env.MSK_ENDPOINT_OVERRIDES),
  };
}
