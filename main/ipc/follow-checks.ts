// A "check all" is app-wide (the tray or any window may start it): its progress goes into the
// state snapshot, so every view shows the run — at its start and end at once, between them a few
// times a second (each step re-reads the data file, and rebuilds the tray menu: on Linux that
// closes a submenu the user has open).
import type { CheckRunner } from '../core/actions/checks.js';
import type { StatePublisher } from '../core/state/state-publisher.js';

export const CHECK_PROGRESS_INTERVAL_MS = 250;

export function followChecks(checks: CheckRunner, state: StatePublisher): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest: { done: number; total: number } | null = null;
  const unwatch = checks.watch((progress) => {
    latest = progress ? { done: progress.done, total: progress.total } : null;
    if (!progress || progress.done === 0) {
      clearTimeout(timer);
      timer = undefined;
      void state.setChecking(latest);
      return;
    }
    timer ??= setTimeout(() => {
      timer = undefined;
      void state.setChecking(latest);
    }, CHECK_PROGRESS_INTERVAL_MS);
  });
  return () => {
    clearTimeout(timer);
    unwatch();
  };
}
