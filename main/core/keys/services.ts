// The core, composed once from the environment: what the CLI and the app's main process share.
import type { Config, KeyRecord } from '../config/config-schema.js';
import { ConfigStore } from '../config/config-store.js';
import { type MskEnvironment, readEnvironment } from '../config/environment.js';
import { endpointsFor, type Endpoints } from '../model-studio/regions.js';
import { KeychainSecretStore, type SecretStore } from './secret-store.js';
import { Vault } from './vault.js';

export interface Services {
  environment: MskEnvironment;
  config: ConfigStore;
  secrets: SecretStore;
  vault: Vault;
}

export function createServices(
  environment: MskEnvironment = readEnvironment(),
  secrets: SecretStore = new KeychainSecretStore(environment.keychainService),
): Services {
  const config = new ConfigStore(environment.dataDirectory);
  return { environment, config, secrets, vault: new Vault(config, secrets) };
}

/** The base URLs a stored key talks to, with the user's and the environment's overrides. */
export function endpointsForKey(environment: MskEnvironment, config: Config, record: KeyRecord): Endpoints {
  return endpointsFor({
    regionId: record.regionId,
    plan: record.plan,
    workspaceId: record.workspaceId,
    useWorkspaceDomain: config.settings.useWorkspaceDomains,
    settingsOverrides: config.settings.endpointOverrides,
    environmentOverrides: environment.endpointOverrides,
  });
}
