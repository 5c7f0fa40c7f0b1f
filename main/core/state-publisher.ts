// Turns the data on disk into numbered snapshots for everyone watching (tray, window). Any
// change — by the app, by `msk` in another process — goes through `refresh()`; refreshes run one
// after another, so a slow old read can never be published after a newer one, and a snapshot
// whose content did not change is not sent again.
import type { ConfigStore } from './config-store.js';
import { isMskError, messageOf } from './errors.js';
import { type AppState, type CheckingProgress, type Problem, problemSnapshot, snapshot } from './state.js';

export class StatePublisher {
  private revision = 0;
  private last: AppState | undefined;
  private lastContent = '';
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(state: AppState) => void>();
  /** What the file does not tell: a problem met at run time (a locked keychain), a check under way. */
  private readonly runtime: { problem: Problem | null; checking: CheckingProgress | null } = {
    problem: null,
    checking: null,
  };

  constructor(private readonly config: ConfigStore) {}

  /** Reads the data again (after any refresh already under way); tells the listeners if anything changed. */
  refresh(): Promise<AppState> {
    const next = this.queue.then(() => this.publish());
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Shows (or, with null, clears) a problem the file does not tell, such as a locked keychain. */
  setProblem(problem: Problem | null): Promise<AppState> {
    this.runtime.problem = problem;
    return this.refresh();
  }

  /** Tells every view how far a "check all" has got (null: none runs). */
  setChecking(checking: CheckingProgress | null): Promise<AppState> {
    this.runtime.checking = checking;
    return this.refresh();
  }

  subscribe(listener: (state: AppState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async publish(): Promise<AppState> {
    const next = await this.read(this.revision + 1);
    const { revision: _revision, ...content } = next;
    const text = JSON.stringify(content);
    if (this.last && text === this.lastContent) return this.last;
    this.revision = next.revision;
    this.last = next;
    this.lastContent = text;
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

  private async read(revision: number): Promise<AppState> {
    try {
      return snapshot(await this.config.read(), revision, this.runtime);
    } catch (error) {
      const code = isMskError(error) ? error.code : 'internal';
      // The language and theme the user chose still apply while the file cannot be read.
      return problemSnapshot({ code, message: messageOf(error) }, revision, this.last);
    }
  }
}
