// Putting a key to work: copy it, show it, give a tool its environment, mint a temporary key,
// copy a base URL. Each reads the secret from the keychain only here, and marks the key used.
import type { Config, KeyRecord } from '../config/config-schema.js';
import { formatEnvironment, type Shell } from '../platform/env-format.js';
import { isMskError } from '../base/errors.js';
import { type Notice, notice } from '../base/notices.js';
import { endpointsFor, planName } from '../model-studio/regions.js';
import { endpointsForKey, type Services } from '../keys/services.js';
import { envFor, type ToolContext } from '../tools/tool-presets.js';
import {
  type Choice,
  type ChoiceRequest,
  choose,
  chooseKey,
  type KeyChoice,
  type KeyRequest,
} from './choose.js';
import { activeKey } from '../keys/active-key.js';
import type { TemporaryKey } from '../calls/temporary-keys.js';
import type { ClientOptions } from '../model-studio/client.js';
import type { KeyClipboard } from './clipboard.js';

export interface Copied extends KeyChoice {
  clearAfterSeconds: number;
}

/** Copies the key a request chooses (choose.ts: named, bound to the folder, else active). */
export async function copyKey(
  services: Services,
  clipboard: KeyClipboard,
  request: KeyRequest = {},
): Promise<Copied> {
  const config = await services.config.read();
  const choice = await chooseKey(config, request);
  const secret = await services.vault.secretOf(choice.record);
  await clipboard.copy(secret, clipboardOptions(config));
  await markUsed(services, choice.record.id);
  return { ...choice, clearAfterSeconds: config.settings.clipboardClearSeconds };
}

/** The secret itself, for `msk copy --print` and the window's explicit Reveal. */
export async function revealKey(
  services: Services,
  request: KeyRequest = {},
): Promise<KeyChoice & { secret: string }> {
  const config = await services.config.read();
  const choice = await chooseKey(config, request);
  const secret = await services.vault.secretOf(choice.record);
  await markUsed(services, choice.record.id);
  return { ...choice, secret };
}

export interface KeyEnvironment extends Choice {
  variables: Record<string, string>;
  notices: Notice[];
  /**
   * The key's last use being recorded, under way: a tool starts without waiting for the data file
   * (its lock may be held a moment by another process). Never rejects: it is bookkeeping.
   */
  recorded: Promise<void>;
}

/** A tool preset's variables for the key chosen (see choose.ts), for `msk env`, `msk exec` and launching. */
export async function keyEnvironment(
  services: Services,
  request: ChoiceRequest = {},
): Promise<KeyEnvironment> {
  const config = await services.config.read();
  const choice = await choose(config, request);
  const { record, tool } = choice;
  const secret = await services.vault.secretOf(record);
  const { variables, unavailable } = envFor(tool, toolContext(services, config, choice, secret));
  const recorded = markUsed(services, record.id);
  const notices: Notice[] = [];
  if (!tool.plans.includes(record.plan)) {
    notices.push(
      notice(
        'plan-unsupported',
        `${tool.name} is not made for ${planName(record.plan)} keys${record.plan === 'coding' ? ': Alibaba serves the Coding Plan to coding agents only' : ''}.`,
        { tool: tool.id, plan: record.plan },
      ),
    );
  }
  if (unavailable.length > 0) {
    notices.push(
      notice(
        'variables-unavailable',
        `${unavailable.join(', ')} left unset: the ${planName(record.plan)} has no native DashScope API.`,
        { variables: unavailable, plan: record.plan },
      ),
    );
  }
  return { ...choice, variables, notices, recorded };
}

/** What a preset's templates are filled from, for the key chosen. */
export function toolContext(services: Services, config: Config, choice: Choice, secret: string): ToolContext {
  return {
    secret,
    endpoints: endpointsForKey(services.environment, config, choice.record),
    regionId: choice.record.regionId,
    workspaceId: choice.record.workspaceId,
    plan: choice.record.plan,
    toolModel: choice.model,
    defaultModel: config.settings.defaultModel,
  };
}

/** A key's environment, written for a shell, on the clipboard (it holds the secret: cleared like one). */
export async function copyEnvironment(
  services: Services,
  clipboard: KeyClipboard,
  options: ChoiceRequest & { shell: Shell },
): Promise<Copied & { notices: Notice[] }> {
  const { record, reason, variables, notices, recorded } = await keyEnvironment(services, options);
  const config = await services.config.read();
  await clipboard.copy(formatEnvironment(variables, options.shell), clipboardOptions(config));
  await recorded;
  return { record, reason, notices, clearAfterSeconds: config.settings.clipboardClearSeconds };
}

/** Mints a temporary key (st-…) from the key a request chooses; marks the stored key used. */
export async function temporaryKey(
  services: Services,
  request: KeyRequest,
  ttlSeconds?: number,
  options: { client?: ClientOptions; signal?: AbortSignal } = {},
): Promise<TemporaryKey & KeyChoice> {
  const { reason, record } = await chooseKey(await services.config.read(), request);
  // Loaded to mint one: it talks to Model Studio, which `msk env` and `msk exec` never do.
  const { mintTemporaryKey } = await import('../calls/temporary-keys.js');
  const minted = await mintTemporaryKey(services, record.id, ttlSeconds, options);
  await markUsed(services, record.id);
  return { ...minted, reason };
}

export async function copyTemporaryKey(
  services: Services,
  clipboard: KeyClipboard,
  request: KeyRequest,
  ttlSeconds?: number,
  options: { client?: ClientOptions; signal?: AbortSignal } = {},
): Promise<TemporaryKey & KeyChoice & { clearAfterSeconds: number }> {
  const minted = await temporaryKey(services, request, ttlSeconds, options);
  const config = await services.config.read();
  await clipboard.copy(minted.token, clipboardOptions(config));
  return { ...minted, clearAfterSeconds: config.settings.clipboardClearSeconds };
}

/**
 * The OpenAI-compatible base URL of the active region: its active key's (plan and workspace
 * domain included) when it has one, else the region's pay-as-you-go base. Not a secret: it
 * stays on the clipboard.
 */
export async function copyBaseUrl(services: Services, clipboard: KeyClipboard): Promise<{ baseUrl: string }> {
  const config = await services.config.read();
  const baseUrl = baseUrlOfActiveRegion(services, config);
  await clipboard.copy(baseUrl, { clearAfterSeconds: 0, conceal: false });
  return { baseUrl };
}

function baseUrlOfActiveRegion(services: Services, config: Config): string {
  const record = activeKeyIfAny(config);
  if (record) return endpointsForKey(services.environment, config, record).compatible;
  return endpointsFor({
    regionId: config.settings.activeRegionId,
    plan: 'payg',
    settingsOverrides: config.settings.endpointOverrides,
    environmentOverrides: services.environment.endpointOverrides,
  }).compatible;
}

function activeKeyIfAny(config: Config): KeyRecord | undefined {
  try {
    return activeKey(config);
  } catch (error) {
    if (isMskError(error) && error.code === 'no-active-key') return undefined;
    throw error;
  }
}

/**
 * Notes when a key was last used. Best effort: the key was copied (or given to a tool) already,
 * and a busy data file (msk writing at that moment) must not make that look like a failure.
 */
const markUsed = (services: Services, keyId: string): Promise<void> =>
  services.vault.markUsed(keyId).catch(() => undefined);

export const clipboardOptions = (config: Config) => ({
  clearAfterSeconds: config.settings.clipboardClearSeconds,
  conceal: config.settings.concealClipboard,
});
