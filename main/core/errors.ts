// Errors the user can act on. `code` is stable (IPC results, --json, tests); `message` is one
// line that says what happened and what to do.

export type ErrorCode =
  | 'invalid-input'
  | 'invalid-key'
  | 'temporary-key'
  | 'duplicate-key'
  | 'duplicate-label'
  | 'unknown-key'
  | 'unknown-region'
  | 'unknown-tool'
  | 'unknown-shell'
  | 'no-active-key'
  | 'region-required'
  | 'workspace-required'
  | 'plan-unavailable'
  | 'keychain-unavailable'
  | 'keychain-locked'
  | 'secret-missing'
  | 'config-damaged'
  | 'config-busy'
  | 'clipboard-unavailable'
  | 'launch-failed'
  | 'network'
  | 'timeout'
  | 'service-refused'
  | 'cancelled';

export class MskError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MskError';
  }
}

export const isMskError = (value: unknown): value is MskError => value instanceof MskError;

/** The message of anything thrown, for one-line reports. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
