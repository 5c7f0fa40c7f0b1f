// What the IPC handlers (and the tray) work with: the core, the app's clipboard, the one check
// runner, and the state publisher that tells every view about a change.
import type { CheckRunner } from '../core/actions/checks.js';
import type { KeyClipboard } from '../core/actions/clipboard.js';
import type { Launcher } from '../core/launcher.js';
import type { Services } from '../core/services.js';
import type { StatePublisher } from '../core/state-publisher.js';

export interface AppContext {
  services: Services;
  clipboard: KeyClipboard;
  checks: CheckRunner;
  state: StatePublisher;
  launcher: Launcher;
  /** Asks the user where to save a file (a dialog in the app); undefined when they cancel. */
  chooseSaveFile(defaultName: string): Promise<string | undefined>;
}
