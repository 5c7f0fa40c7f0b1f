// What the IPC handlers (and the tray) work with: the core, the app's clipboard, the one check
// runner, the state publisher that tells every view about a change, and the keys being added.
import type { CheckRunner } from '../core/actions/checks.js';
import type { KeyClipboard } from '../core/actions/clipboard.js';
import type { Launcher } from '../core/tools/terminal-launcher.js';
import type { Services } from '../core/keys/services.js';
import type { StatePublisher } from '../core/state/state-publisher.js';
import type { LauncherPorts } from '../core/desktop/command-line-install.js';
import type { UsageFile } from '../core/gateway/usage-store.js';
import type { UpdateStatus } from '../core/updates/update-controller.js';
import type { HeldScan } from './held-scan.js';
import type { PendingKeys } from './pending-keys.js';

export interface AppContext {
  services: Services;
  clipboard: KeyClipboard;
  checks: CheckRunner;
  state: StatePublisher;
  launcher: Launcher;
  /** Secrets pasted into "Add key", held under opaque tokens until added or forgotten. */
  pendingKeys: PendingKeys;
  /** Asks the user where to save a file (a dialog in the app); undefined when they cancel. */
  chooseSaveFile(defaultName: string): Promise<string | undefined>;
  /** Asks the user for a backup file to open (a dialog in the app); undefined when they cancel. */
  chooseOpenFile(): Promise<string | undefined>;
  /** Asks the user for a folder to search for keys; undefined when they cancel. */
  chooseFolder(): Promise<string | undefined>;
  /** The Import view's latest search, secrets included, which never cross to the page. */
  heldScan: HeldScan;
  /** What went through the gateway (the app's runner's usage store). */
  gatewayUsage: { read(): Promise<UsageFile> };
  /** Where and how `msk` is put on the PATH (the app's executable in its msk mode). */
  cliLauncher: LauncherPorts;
  updates: UpdateControls;
}

/** The app's updates as the tray and the window reach them (update-controller.ts behind). */
export interface UpdateControls {
  /** Checks now, whatever the setting, and downloads what is found. */
  check(): Promise<UpdateStatus>;
  /** Quits (the clipboard cleared, the gateway's counts written) into the ready version; false when none is. */
  restart(): Promise<boolean>;
}
