// Notices changes to the data directory made by anyone — another `msk`, a second app, a hand
// edit — so the tray and window show them within a second. It watches the directory, not the
// file: an atomic rename replaces the file's inode, and a watch on it would go deaf (VS Code
// re-attaches for the same reason). If the directory itself is removed or replaced, the watch
// is re-attached once it is back. Lock and backup files, the note of the last validation
// (validated-config.ts) and the gateway's usage counts (usage.json) are not changes.
import { type FSWatcher, watch } from 'node:fs';
import { mkdir, stat } from '../platform/fs-async.js';
import path from 'node:path';

export interface ConfigWatcher {
  close(): void;
}

const IGNORED = /\.(lock|bak(-\d{4}-\d{2}-\d{2})?)$|\.damaged-|\.validated|^usage\.json/;

export async function watchConfig(
  directory: string,
  onChange: () => void,
  options: { debounceMs?: number; retryMs?: number } = {},
): Promise<ConfigWatcher> {
  const debounceMs = options.debounceMs ?? 100;
  const retryMs = options.retryMs ?? 1000;
  await mkdir(directory, { recursive: true, mode: 0o700 });
  let watcher: FSWatcher | undefined;
  let watchedInode: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const changed = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };
  const inodeOf = async () => (await stat(directory).catch(() => undefined))?.ino;

  /** Watches the directory as it is now; without one, looks again shortly. */
  const attach = async (afterGap = false) => {
    if (closed) return;
    const inode = await inodeOf();
    if (inode === undefined) {
      retry = setTimeout(() => void attach(true), retryMs);
      return;
    }
    try {
      watcher = watch(directory, { persistent: false }, (event, name) => {
        if (name && IGNORED.test(name)) return;
        changed();
        // On Linux a removed directory says only "rename" with its own name, never "error".
        if (event === 'rename' && (!name || name === path.basename(directory))) void verify();
      });
      watcher.on('error', () => void reattach());
      watchedInode = inode;
      // Whatever happened while nobody was watching is news too.
      if (afterGap) changed();
    } catch {
      retry = setTimeout(() => void attach(true), retryMs);
    }
  };
  const reattach = async () => {
    watcher?.close();
    watcher = undefined;
    await attach();
    changed();
  };
  /** The directory the watch holds is gone or replaced: follow the new one. */
  const verify = async () => {
    if ((await inodeOf()) !== watchedInode) await reattach();
  };

  await attach();
  return {
    close() {
      closed = true;
      watcher?.close();
      if (timer) clearTimeout(timer);
      if (retry) clearTimeout(retry);
    },
  };
}
