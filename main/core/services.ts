// The core, composed once from the environment: what the CLI and the app's main process share.
import type { Config, KeyRecord } from './config-schema.js';
import { ConfigStore } from './config-store.js';
import { type MskEnvironment, readEnvironment } from './environment.js';
import { type ClientOptions, ModelStudioClient } from './model-studio-client.js';
import { endpointsFor, type Endpoints } from './regions.js';
import { KeychainSecretStore, type SecretStore } from './secret-store.js';
import { envFor, requirePreset, variablesWithoutSource } from './tools.js';
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

/** An HTTP client that waits as long as the user's setting says, unless `overrides` say otherwise. */
export const clientFor = (config: Config, overrides: ClientOptions = {}): ModelStudioClient =>
  new ModelStudioClient({ timeoutMs: config.settings.requestTimeoutSeconds * 1000, ...overrides });

export interface ToolEnvironment {
  variables: Record<string, string>;
  /** Variables of the preset the key's plan cannot fill (the subscription plans have no native API). */
  unavailable: string[];
}

/** The variables a tool preset gets for a stored key. */
export function toolVariables(
  environment: MskEnvironment,
  config: Config,
  record: KeyRecord,
  secret: string,
  presetId?: string,
): ToolEnvironment {
  const preset = requirePreset(presetId);
  const endpoints = endpointsForKey(environment, config, record);
  return {
    variables: envFor(preset, {
      secret,
      endpoints,
      toolModel: config.settings.toolModels[preset.id],
      defaultModel: config.settings.defaultModel,
    }),
    unavailable: variablesWithoutSource(preset, endpoints),
  };
}
