// Tool use cases besides launching: the list (with whether each is installed), a GUI tool's
// settings for a key (its key copied, not shown, unless asked), a Postman environment export,
// and the user's own tools.
import { randomUUID } from 'node:crypto';
import { exists } from '../platform/fs-async.js';
import { writeFileAtomic } from '../platform/atomic-write.js';
import type { Config, CustomTool, KeyRecord } from '../config/config-schema.js';
import { MskError } from '../base/errors.js';
import { holdsKeyLike, maskKey } from '../model-studio/key-format.js';
import { findOnPath } from '../platform/login-path.js';
import { assertFolderOf } from '../platform/output-file.js';
import { type Endpoints, regionName } from '../model-studio/regions.js';
import type { Services } from '../keys/services.js';
import { TERMINAL_TOOL, type ToolKind } from '../tools/tool-catalog.js';
import {
  allTools,
  assertHoldsNoKey,
  assertPlanServes,
  envFor,
  type FilledField,
  settingsFor,
  userShell,
  validateCustomTool,
} from '../tools/tool-presets.js';
import { GATEWAY, gatewayBases, type Plan } from '../model-studio/catalog.js';
import { VERSION } from '../base/version.js';
import type { KeyClipboard } from './clipboard.js';
import { type ChoiceRequest, choose, type KeyChoice } from './choose.js';
import { toolContext } from './use-key.js';

export interface ToolListing {
  id: string;
  name: string;
  kind: ToolKind;
  description: string;
  /** The program that starts it; null for SDK presets, GUI tools and exports. */
  command: string[] | null;
  /** Names only: never a value. */
  variables: string[];
  /** A custom tool's own variable templates (`{apiKey}`, never a key: see validateCustomTool), to edit them. */
  templates: Record<string, string> | null;
  /** Its command is on the login PATH; null when it has no command. */
  available: boolean | null;
  plans: Plan[];
  install: string | null;
  note: string | null;
}

export function listTools(
  config: Config,
  where: { searchPath: string; platform: NodeJS.Platform; shell: string | undefined },
): ToolListing[] {
  return allTools(config.settings.customTools).map((tool) => {
    const command = tool.id === TERMINAL_TOOL ? [userShell(where.shell, where.platform)] : tool.command;
    const [program] = command ?? [];
    return {
      id: tool.id,
      name: tool.name,
      kind: tool.kind,
      description: tool.description,
      command: command ? [...command] : null,
      variables: Object.keys(tool.variables),
      templates: tool.kind === 'custom' ? { ...tool.variables } : null,
      available:
        program === undefined ? null : findOnPath(program, where.searchPath, where.platform) !== undefined,
      plans: [...tool.plans],
      install: tool.install ?? null,
      note: tool.note ?? null,
    };
  });
}

export interface ToolSettings extends KeyChoice {
  toolName: string;
  fields: FilledField[];
  /** The key (or the gateway token) went to the clipboard (guarded), since its field shows it masked. */
  copied: boolean;
  /** Through the gateway: the name of the tool's token (kept, or made now), which the fields hold instead of the key. */
  gatewayToken: string | null;
}

/**
 * A GUI tool's settings page filled in for a key. The key's own field shows it masked and the key
 * is copied, unless `reveal` (the CLI's --print) asks for it in the text.
 */
export async function toolSettings(
  services: Services,
  clipboard: KeyClipboard,
  request: ChoiceRequest & {
    reveal?: boolean;
    /** Fill in the gateway and a new token for the tool instead of the key (the key stays in the keychain). */
    viaGateway?: boolean;
  },
): Promise<ToolSettings> {
  const config = await services.config.read();
  const choice = await choose(config, request);
  const { record, tool } = choice;
  if (!tool.settings) {
    throw new MskError(
      'invalid-input',
      `${tool.name} has no settings page to fill in: it is set up by its variables.`,
      {
        tool: tool.id,
      },
    );
  }
  assertPlanServes(tool, record.plan);
  const gateway = request.viaGateway
    ? await gatewayCredential(services, config, tool.id, request, record)
    : undefined;
  const secret = gateway?.token ?? (await services.vault.secretOf(record));
  const context = toolContext(services, config, choice, secret);
  const fields = settingsFor(tool, gateway ? { ...context, endpoints: gateway.endpoints } : context).map(
    (field) =>
      field.secret && !request.reveal
        ? { ...field, value: gateway ? maskToken(secret) : maskKey(record) }
        : field,
  );
  if (!request.reveal) {
    await clipboard.copy(secret, {
      clearAfterSeconds: config.settings.clipboardClearSeconds,
      conceal: config.settings.concealClipboard,
    });
  }
  return {
    record,
    reason: choice.reason,
    toolName: tool.name,
    fields,
    copied: !request.reveal,
    gatewayToken: gateway?.name ?? null,
  };
}

/**
 * A gateway token for a GUI tool, standing for the key named — or, when none was, for the active
 * key, whichever it is when the tool asks — and the gateway's base URLs in place of the key's.
 */
async function gatewayCredential(
  services: Services,
  config: Config,
  toolId: string,
  request: ChoiceRequest,
  record: KeyRecord,
): Promise<{ token: string; name: string; endpoints: Endpoints }> {
  // Loaded here: the token rules bring the validator and node:crypto, which listing tools never needs.
  const { toolGatewayToken } = await import('./gateway.js');
  const { token, name } = await toolGatewayToken(
    services,
    config,
    toolId,
    request.reference === undefined ? [] : [record.id],
  );
  return { token, name, endpoints: { family: 'dashscope', ...gatewayBases(config.settings.gatewayPort) } };
}

/** A gateway token as it is shown: its prefix and last four characters. */
const maskToken = (token: string): string => `${GATEWAY.tokenPrefix}…${token.slice(-4)}`;

export interface ToolVariables {
  record: KeyRecord;
  toolName: string;
  /** In the order the tool's preset names them; the key's own value masked. */
  variables: { name: string; value: string; secret: boolean }[];
  /** Variables the key's plan cannot fill (no native API on the subscription plans). */
  unavailable: string[];
}

/**
 * The exact variables a tool gets with a key, for showing: the key is never read from the
 * keychain — its masked form stands in for it, so every other value is the real one.
 */
export async function toolVariables(services: Services, request: ChoiceRequest): Promise<ToolVariables> {
  const config = await services.config.read();
  const choice = await choose(config, request);
  const masked = maskKey(choice.record);
  const { variables, unavailable } = envFor(choice.tool, toolContext(services, config, choice, masked));
  return {
    record: choice.record,
    toolName: choice.tool.name,
    variables: Object.entries(variables).map(([name, value]) => ({
      name,
      value,
      secret: value.includes(masked),
    })),
    unavailable,
  };
}

/** A stored "secret" shorter than this is no key: looking for it would refuse ordinary words. */
const MIN_SECRET_LENGTH = 8;

/** What the save dialog suggests for a Postman export. */
export const POSTMAN_FILE_NAME = 'Model Studio.postman_environment.json';

/**
 * A Postman environment file for a key: baseUrl, nativeBaseUrl (pay-as-you-go), apiKey typed
 * `secret`, model. Written owner-only and atomically; an existing file is kept unless `force`.
 */
export async function exportPostman(
  services: Services,
  request: ChoiceRequest & {
    file: string;
    force?: boolean;
    /** The gateway's URLs and a new token for Postman in the file, instead of the key. */
    viaGateway?: boolean;
  },
): Promise<KeyChoice & { file: string; gatewayToken: string | null }> {
  const config = await services.config.read();
  const choice = await choose(config, { ...request, tool: 'postman' });
  const { record, tool } = choice;
  assertPlanServes(tool, record.plan);
  if (!request.force && (await exists(request.file))) {
    throw new MskError('invalid-input', `${request.file} exists already; pass --force to replace it.`, {
      file: request.file,
    });
  }
  await assertFolderOf(request.file);
  const gateway = request.viaGateway
    ? await gatewayCredential(services, config, tool.id, request, record)
    : undefined;
  const secret = gateway?.token ?? (await services.vault.secretOf(record));
  const own = toolContext(services, config, choice, secret).endpoints;
  const endpoints = gateway?.endpoints ?? own;
  const values = [
    { key: 'baseUrl', value: endpoints.compatible, type: 'default' },
    // A plan without a native API has none through the gateway either.
    ...(own.native && endpoints.native
      ? [{ key: 'nativeBaseUrl', value: endpoints.native, type: 'default' }]
      : []),
    { key: 'apiKey', value: secret, type: 'secret' },
    { key: 'model', value: choice.model, type: 'default' },
  ].map((value) => ({ ...value, enabled: true }));
  const environment = {
    id: randomUUID(),
    name: `Model Studio — ${record.label} (${regionName(record.regionId)})`,
    values,
    _postman_variable_scope: 'environment',
    _postman_exported_at: new Date().toISOString(),
    _postman_exported_using: `Model Studio Keys/${VERSION}`,
  };
  await writeFileAtomic(request.file, `${JSON.stringify(environment, null, 2)}\n`, { mode: 0o600 });
  return { record, reason: choice.reason, file: request.file, gatewayToken: gateway?.name ?? null };
}

/**
 * Stores a tool of the user's own, or with `replace` a new version of one (the window's Edit);
 * `msk exec --tool <id>` works with it at once. Nothing shaped like a key, nor any secret the
 * keychain holds for us (whatever its shape), may be in it.
 */
export async function addCustomTool(
  services: Services,
  tool: CustomTool,
  options: { replace?: boolean } = {},
): Promise<CustomTool> {
  assertHoldsNoKey(tool, holdsKeyLike);
  const secrets = (await services.secrets.list())
    .map((item) => item.secret)
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH);
  assertHoldsNoKey(tool, (text) => secrets.some((secret) => text.includes(secret)));
  return services.config.update((draft) => {
    const tools = draft.settings.customTools;
    const at = options.replace ? tools.findIndex((other) => other.id === tool.id) : -1;
    const valid = validateCustomTool(
      tool,
      tools.filter((_, index) => index !== at),
    );
    if (at === -1) tools.push(valid);
    else tools[at] = valid;
    return valid;
  });
}

export async function removeCustomTool(services: Services, id: string): Promise<CustomTool> {
  return services.config.update((draft) => {
    const tool = draft.settings.customTools.find((candidate) => candidate.id === id);
    if (!tool) {
      throw new MskError('unknown-tool', `No tool of your own is called '${id}'.`, { tool: id });
    }
    draft.settings.customTools = draft.settings.customTools.filter((candidate) => candidate.id !== id);
    return tool;
  });
}
