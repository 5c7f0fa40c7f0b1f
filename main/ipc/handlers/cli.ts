// cli.*: the window's Settings → Command line, through the same functions as the tray's items.
import {
  installLauncher,
  type LauncherStatus,
  launcherStatus,
  uninstallLauncher,
} from '../../core/desktop/command-line-install.js';
import type { AppContext } from '../context.js';
import type { CallHandlers } from './types.js';

export const cliHandlers: CallHandlers<'cli.status' | 'cli.install' | 'cli.uninstall'> = {
  'cli.status': (context) => told(context, launcherStatus(context.cliLauncher)),
  'cli.install': (context) => told(context, installLauncher(context.cliLauncher)),
  'cli.uninstall': (context) => told(context, uninstallLauncher(context.cliLauncher)),
};

/** The launcher's status, also told to the tray and every window. */
async function told(context: AppContext, status: Promise<LauncherStatus>): Promise<LauncherStatus> {
  const known = await status;
  await context.state.setRuntime({ cli: known });
  return known;
}
