// Copying a secret: clear it after a while, but only if the clipboard still holds it — the
// user may have copied something else since, and that must survive (pass -c, Bitwarden).
import { digestOf } from '../model-studio/key-format.js';

/** The clipboard as the guard needs it; Electron and the system commands each adapt to it. */
export interface Clipboard {
  readText(): Promise<string>;
  /** `conceal` asks clipboard managers not to record the value, where the platform allows. */
  writeText(text: string, options: { conceal: boolean }): Promise<void>;
  clear(): Promise<void>;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Clears the clipboard if it still holds the value whose digest is given. True if cleared. */
export async function clearIfUnchanged(clipboard: Clipboard, digest: string): Promise<boolean> {
  const current = await clipboard.readText().catch(() => undefined);
  if (current === undefined || digestOf(current) !== digest) return false;
  await clipboard.clear();
  return true;
}

/** Holds only the digest of what it wrote: the guard itself keeps no secret in memory. */
export class ClipboardGuard {
  private pending: { digest: string; timer: unknown } | undefined;
  /** The copy under way: the write is async, and a quit during it must still clear. */
  private copying: Promise<void> = Promise.resolve();

  constructor(
    private readonly clipboard: Clipboard,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Copies `secret`; with `clearAfterSeconds` > 0, schedules the conditional clear. */
  copy(secret: string, options: { clearAfterSeconds: number; conceal: boolean }): Promise<void> {
    const copied = this.copyNow(secret, options);
    this.copying = copied.catch(() => undefined);
    return copied;
  }

  private async copyNow(secret: string, options: { clearAfterSeconds: number; conceal: boolean }) {
    this.cancel();
    await this.clipboard.writeText(secret, { conceal: options.conceal });
    if (options.clearAfterSeconds <= 0) return;
    const digest = digestOf(secret);
    const timer = this.timers.setTimeout(() => {
      this.pending = undefined;
      void clearIfUnchanged(this.clipboard, digest);
    }, options.clearAfterSeconds * 1000);
    this.pending = { digest, timer };
  }

  /** On quit: clear now what would have been cleared later. */
  async flush(): Promise<boolean> {
    await this.copying;
    const pending = this.pending;
    this.cancel();
    return pending ? clearIfUnchanged(this.clipboard, pending.digest) : false;
  }

  private cancel(): void {
    if (this.pending) this.timers.clearTimeout(this.pending.timer);
    this.pending = undefined;
  }
}
