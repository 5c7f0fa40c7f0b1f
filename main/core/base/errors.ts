// Errors the user can act on. `code` is stable (IPC results, --json, tests) and, with `params`,
// lets each surface say it its own way: the CLI adds the command to run (cli/messages.ts), the
// app a translated sentence. `message` is one plain line that names no surface's commands.

export type ErrorCode =
  | 'invalid-input'
  /** A command line msk cannot read (an unknown option, a missing argument): exit status 2. */
  | 'usage'
  | 'invalid-key'
  | 'temporary-key'
  | 'duplicate-key'
  | 'duplicate-label'
  | 'unknown-key'
  | 'unknown-region'
  | 'unknown-tool'
  | 'unknown-token'
  | 'unknown-setting'
  | 'unknown-shell'
  | 'unquotable-value'
  | 'key-in-tool'
  | 'no-active-key'
  | 'region-required'
  | 'workspace-required'
  | 'plan-unavailable'
  | 'plan-unsupported'
  | 'keychain-unavailable'
  | 'keychain-locked'
  | 'secret-missing'
  | 'config-damaged'
  | 'config-busy'
  | 'data-unwritable'
  | 'data-unsafe'
  | 'clipboard-unavailable'
  | 'launch-failed'
  | 'tool-missing'
  | 'not-launchable'
  | 'network'
  | 'timeout'
  | 'service-refused'
  /** Alibaba Cloud's management API said no (params.reason: which refusal). */
  | 'account-refused'
  /** No Alibaba Cloud account is connected (or none of that name). */
  | 'no-account'
  | 'busy'
  | 'token-expired'
  | 'cancelled'
  | 'login-item-failed'
  | 'file-exists'
  | 'backup-unreadable'
  | 'backup-unsupported'
  | 'vault-not-empty';

/** What a message is about, for surfaces that word it themselves. JSON-safe. */
export type Params = Readonly<Record<string, string | number | boolean | null | readonly string[]>>;

export class MskError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly params: Params = {},
  ) {
    super(message);
    this.name = 'MskError';
  }
}

export const isMskError = (value: unknown): value is MskError => value instanceof MskError;

/** The message of anything thrown, for one-line reports. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Where JSON.parse stopped in `text`, as " at line L, column C" (or nothing when it does not say):
 * never its message, which quotes the text — and a damaged file may hold a key.
 */
export function whereJsonFails(text: string, error: unknown): string {
  const position = Number(/at position (\d+)/.exec(messageOf(error))?.[1] ?? Number.NaN);
  if (Number.isNaN(position)) return '';
  const before = text.slice(0, position);
  return ` at line ${before.split('\n').length}, column ${position - before.lastIndexOf('\n')}`;
}
