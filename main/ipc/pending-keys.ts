// "Add key" holds a pasted secret in main under an opaque token, so the secret crosses the bridge
// once (Fiddle's pending-path token). Tokens expire, few are held, and storing the key spends one.
import { randomUUID } from 'node:crypto';
import { MskError } from '../core/base/errors.js';

export const PENDING_KEY_MINUTES = 10;
/** A page that pastes over and over cannot make main hold more secrets than this. */
export const MAX_PENDING_KEYS = 20;

interface Pending {
  secret: string;
  expiresAt: number;
}

export class PendingKeys {
  // A Map iterates in insertion order: the first entry is the oldest.
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Holds a secret; returns the token that stands for it. */
  hold(secret: string): string {
    this.dropExpired();
    const token = randomUUID();
    this.pending.set(token, { secret, expiresAt: this.now() + PENDING_KEY_MINUTES * 60_000 });
    for (const oldest of this.pending.keys()) {
      if (this.pending.size <= MAX_PENDING_KEYS) break;
      this.pending.delete(oldest);
    }
    return token;
  }

  /** The secret a token stands for; an unknown or expired token means the user pastes again. */
  secretOf(token: string): string {
    this.dropExpired();
    const pending = this.pending.get(token);
    if (!pending) {
      throw new MskError(
        'token-expired',
        `Paste the key again: a pasted key is held for ${PENDING_KEY_MINUTES} minutes, until it is added or the dialog closes.`,
        { minutes: PENDING_KEY_MINUTES },
      );
    }
    return pending.secret;
  }

  /** Drops a secret now; true when it was still held. */
  forget(token: string): boolean {
    this.dropExpired();
    return this.pending.delete(token);
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [token, { expiresAt }] of this.pending) {
      if (expiresAt <= now) this.pending.delete(token);
    }
  }
}
