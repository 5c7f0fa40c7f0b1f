// The renderer's view of main: `window.api`, typed by the shared contract (types only).
import type { Api, IpcError, Result } from '../../main/shared/contract/index';

export type { DiffLine, IpcError, RunningTask, State } from '../../main/shared/contract/index';
export type {
  CallArgs,
  CallResult,
  TaskArgs,
  TaskProgress,
  TaskResult,
} from '../../main/shared/contract/index';

declare global {
  interface Window {
    api: Api;
  }
}

export const api = (): Api => window.api;

/** An IPC failure, thrown inside the store so one `catch` turns it into the shown error. */
export class CallFailed extends Error {
  constructor(readonly error: IpcError) {
    super(error.message);
  }
}

/** The value of a result, or throws its error for the store to show. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new CallFailed(result.error);
}

export const errorOf = (thrown: unknown): IpcError =>
  thrown instanceof CallFailed
    ? thrown.error
    : { code: 'internal', message: thrown instanceof Error ? thrown.message : String(thrown) };

export type RunningCheck = ReturnType<Api['checks']['all']>;
