// Turns the data on disk into numbered snapshots for everyone watching (tray, window). Any
// change — by the app, by `msk` in another process — goes through `refresh()`; refreshes run one
// after another, so a slow old read can never be published after a newer one, and a snapshot
// whose content did not change is not sent again. A check's progress changes only `checking`:
// it is published from the last snapshot without reading the file, and leaves `dataRevision`
// as it was, so views that load more on a data change (tools, workspaces) do not for a step;
// the gateway (its state, its tokens, today's count) leaves it alone too.
import type { ConfigStore } from '../config/config-store.js';
import { isMskError, messageOf } from '../base/errors.js';
import {
  type AppState,
  type CheckingProgress,
  type Problem,
  problemSnapshot,
  type RuntimeState,
  snapshot,
} from './snapshot.js';

export class StatePublisher {
  private revision = 0;
  private dataRevision = 0;
  private last: AppState | undefined;
  private lastData = '';
  private lastRuntime = '';
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(state: AppState) => void>();
  /** What the file does not tell: a problem met at run time (a locked keychain), a check under way. */
  private readonly runtime: RuntimeState & { problem: Problem | null; checking: CheckingProgress | null } = {
    problem: null,
    checking: null,
  };

  constructor(private readonly config: ConfigStore) {}

  /** Reads the data again (after any refresh already under way); tells the listeners if anything changed. */
  refresh(): Promise<AppState> {
    return this.enqueue(async () => this.publish(await this.read()));
  }

  /**
   * Tells every view what the file does not: a problem met at run time (null clears it), whether
   * `msk` is on the PATH, what the gateway and the updater do, whether the desktop has a tray.
   */
  setRuntime(part: Omit<RuntimeState, 'checking'>): Promise<AppState> {
    Object.assign(this.runtime, part);
    return this.refresh();
  }

  /** Tells every view how far a "check all" has got (null: none runs). */
  setChecking(checking: CheckingProgress | null): Promise<AppState> {
    this.runtime.checking = checking;
    return this.enqueue(async () => this.publish(this.last ? { ...this.last, checking } : await this.read()));
  }

  subscribe(listener: (state: AppState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private enqueue(work: () => Promise<AppState>): Promise<AppState> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private publish(state: AppState): AppState {
    // What changes while things run (a check's step, the gateway's count) is not a data change.
    const {
      revision: _revision,
      dataRevision: _dataRevision,
      checking,
      gateway,
      cli,
      updates,
      ...data
    } = state;
    const dataText = JSON.stringify(data);
    const runtimeText = JSON.stringify({ checking, gateway, cli, updates });
    if (this.last && dataText === this.lastData && runtimeText === this.lastRuntime) return this.last;
    if (dataText !== this.lastData) this.dataRevision += 1;
    this.revision += 1;
    const next: AppState = { ...state, revision: this.revision, dataRevision: this.dataRevision };
    this.last = next;
    this.lastData = dataText;
    this.lastRuntime = runtimeText;
    for (const listener of this.listeners) {
      // One view that cannot take it (a window closing) must not keep it from the others.
      try {
        listener(next);
      } catch {
        // The next snapshot reaches it again, if it is still there.
      }
    }
    return next;
  }

  /** The file as a snapshot, numbered by `publish`. */
  private async read(): Promise<AppState> {
    try {
      return snapshot(await this.config.read(), 0, this.runtime);
    } catch (error) {
      const code = isMskError(error) ? error.code : 'internal';
      // The language and theme the user chose still apply while the file cannot be read.
      return problemSnapshot({ code, message: messageOf(error) }, 0, this.last);
    }
  }
}
