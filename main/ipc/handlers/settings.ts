// settings.* · workspaces.*: through the same actions as `msk config`; every change is published.
import {
  listSettings,
  listWorkspaces,
  renameWorkspace,
  setSetting,
  unsetSetting,
} from '../../core/actions/settings.js';
import type { CallHandlers } from './types.js';

type SettingCall =
  'settings.list' | 'settings.set' | 'settings.unset' | 'workspaces.list' | 'workspaces.rename';

export const settingHandlers: CallHandlers<SettingCall> = {
  'settings.list': async (context) => listSettings(await context.services.config.read()),
  'settings.set': async (context, { name, value }) => {
    // Typed values go through the same reading as typed text: one set of checks and messages.
    const stored = await setSetting(context.services, name, String(value));
    await context.state.refresh();
    return { name, value: stored };
  },
  'settings.unset': async (context, { name }) => {
    const { changed } = await unsetSetting(context.services, name);
    await context.state.refresh();
    return { changed };
  },
  'workspaces.list': async (context) => listWorkspaces(await context.services.config.read()),
  'workspaces.rename': async (context, { id, name }) => {
    const workspace = await renameWorkspace(context.services, id, name);
    await context.state.refresh();
    return workspace;
  },
};
