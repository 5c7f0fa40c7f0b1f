// tools.*: listing, launching, settings pages, the Postman export, the user's own tools and
// OpenClaw's setup, for the window — the same actions the tray and msk use.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { launchTool } from '../../core/actions/launch-tool.js';
import { onboardInChild } from '../../core/actions/openclaw-onboarding.js';
import { setUpOpenClaw } from '../../core/actions/openclaw-setup.js';
import {
  addCustomTool,
  exportPostman,
  listTools,
  POSTMAN_FILE_NAME,
  removeCustomTool,
  toolSettings,
  toolVariables,
} from '../../core/actions/tools.js';
import { MskError } from '../../core/base/errors.js';
import { tildePath } from '../../core/platform/tilde-path.js';
import { PLACEHOLDERS } from '../../core/tools/tool-catalog.js';
import type { AppContext } from '../context.js';
import type { CallHandlers, TaskHandlers } from './types.js';

type ToolCall =
  | 'tools.list'
  | 'tools.launch'
  | 'tools.variables'
  | 'tools.settings'
  | 'tools.exportPostman'
  | 'tools.saveCustom'
  | 'tools.removeCustom'
  | 'tools.placeholders';

/** The tools with whether each is installed, where the launcher launches them (its login PATH). */
export async function toolList(context: AppContext) {
  const { searchPath, platform, env } = await context.launcher.ports();
  return listTools(await context.services.config.read(), { searchPath, platform, shell: env.SHELL });
}

export const toolHandlers: CallHandlers<ToolCall> = {
  'tools.list': (context) => toolList(context),
  'tools.launch': async (context, { tool, keyId, cwd, terminal }) => {
    const folder = cwd ?? context.launcher.home;
    if (!path.isAbsolute(folder) || !existsSync(folder)) {
      throw new MskError('invalid-input', `There is no folder ${folder} to open the tool in.`);
    }
    const launched = await launchTool(
      context.services,
      { tool, reference: keyId, cwd: folder, terminal },
      await context.launcher.ports(),
    );
    await context.state.refresh();
    return { tool: launched.tool.id, label: launched.record.label, terminal: launched.terminal.name };
  },
  'tools.variables': async (context, { tool, keyId }) => {
    const { record, toolName, variables, unavailable } = await toolVariables(context.services, {
      tool,
      reference: keyId,
    });
    return { toolName, label: record.label, variables, unavailable };
  },
  'tools.settings': async (context, { tool, keyId, viaGateway }) => {
    const settings = await toolSettings(context.services, context.clipboard, {
      tool,
      reference: keyId,
      viaGateway: viaGateway ?? false,
    });
    // A token made: the gateway view and the tray show it.
    if (settings.gatewayToken !== null) await context.state.refresh();
    return {
      toolName: settings.toolName,
      label: settings.record.label,
      fields: settings.fields,
      copied: settings.copied,
      gatewayToken: settings.gatewayToken,
    };
  },
  'tools.exportPostman': async (context, { keyId, viaGateway }) => {
    const file = await context.chooseSaveFile(POSTMAN_FILE_NAME);
    if (file === undefined) return { file: null, gatewayToken: null };
    const { gatewayToken } = await exportPostman(context.services, {
      reference: keyId,
      file,
      force: true,
      viaGateway: viaGateway ?? false,
    });
    if (gatewayToken !== null) await context.state.refresh();
    return { file, gatewayToken };
  },
  'tools.saveCustom': async (context, { replace, ...tool }) => {
    const saved = await addCustomTool(context.services, tool, { replace: replace ?? false });
    await context.state.refresh();
    const listed = (await toolList(context)).find((candidate) => candidate.id === saved.id);
    if (!listed) throw new MskError('unknown-tool', `The tool '${saved.id}' was not saved.`);
    return listed;
  },
  'tools.removeCustom': async (context, { id }) => {
    await removeCustomTool(context.services, id);
    await context.state.refresh();
    return { id };
  },
  'tools.placeholders': async () => [...PLACEHOLDERS],
};

export const toolTaskHandlers: TaskHandlers<'tools.setUpOpenClaw'> = {
  // Onboarding is a child of the app on the launcher's PATH, ended by a cancel (nothing changed then).
  'tools.setUpOpenClaw': async (context, { keyId }, { signal, progress }) => {
    const ports = await context.launcher.ports();
    const { home } = context.launcher;
    const { setup, backup } = await setUpOpenClaw(
      context.services,
      { reference: keyId, home, env: ports.env },
      {
        onboard: onboardInChild(context.services, ports),
        signal,
        progress: (step, { record }) => progress({ step, label: record.label }),
      },
    );
    // The key's last use.
    await context.state.refresh();
    return {
      label: setup.record.label,
      provider: setup.provider,
      baseUrl: setup.baseUrl,
      file: tildePath(setup.file, home),
      backup: backup === null ? null : tildePath(backup, home),
      changed: setup.diff.length > 0,
      diff: setup.shown,
    };
  },
};
