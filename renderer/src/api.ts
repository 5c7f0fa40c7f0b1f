// The renderer's view of main: `window.api`, typed by the shared contract (types only).
import type { Api, Result } from '../../main/ipc/contract/index';

export type { State } from '../../main/ipc/contract/index';

declare global {
  interface Window {
    api: Api;
  }
}

export const api = (): Api => window.api;

/** The value of a result, or throws its message for the store to show. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new Error(result.error.message);
}
