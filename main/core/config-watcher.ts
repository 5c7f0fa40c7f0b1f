// Notices changes to the data directory made by anyone — another `msk`, a second app, a hand
// edit — so the tray and window show them within a second. It watches the directory, not the
// file: an atomic rename replaces the file's inode, and a watch on it would go deaf (VS Code
// re-attaches for the same reason). Lock and backup files are not changes.
import { watch, type FSWatcher } from 'node:fs';
import { mkdir } from 'node:fs/promises';

export interface ConfigWatcher {
  close(): void;
}

const IGNORED = /\.(lock|bak)$/;

export async function watchConfig(
  directory: string,
  onChange: () => void,
  options: { debounceMs?: number; retryMs?: number } = {},
): Promise<ConfigWatcher> {
  const debounceMs = options.debounceMs ?? 100;
  const retryMs = options.retryMs ?? 1000;
  await mkdir(directory, { recursive: true, mode: 0o700 });
  let watcher: FSWatcher | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const changed = (name: string | null) => {
    if (name && IGNORED.test(name)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };
  const attach = () => {
    if (closed) return;
    try {
      watcher = watch(directory, { persistent: false }, (_event, name) => changed(name));
      // The directory went away (or the watch broke): look again shortly, and re-read then.
      watcher.on('error', () => {
        watcher?.close();
        retry = setTimeout(() => {
          attach();
          changed(null);
        }, retryMs);
      });
    } catch {
      retry = setTimeout(attach, retryMs);
    }
  };
  attach();
  return {
    close() {
      closed = true;
      watcher?.close();
      if (timer) clearTimeout(timer);
      if (retry) clearTimeout(retry);
    },
  };
}
