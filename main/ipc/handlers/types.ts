// The shape of a handler: the app context and the validated arguments in, a plain value out.
import type { CallName, TaskName } from '../../shared/contract/channels.js';
import type { CallResult, TaskProgress, TaskResult } from '../../shared/contract/index.js';
import type { calls, tasks } from '../../shared/contract/index.js';
import type { AppContext } from '../context.js';
import type { z } from 'zod';

export type CallHandlers<N extends CallName> = {
  [M in N]: (context: AppContext, args: z.output<(typeof calls)[M]['args']>) => Promise<CallResult<M>>;
};

/** Why a task's signal aborted: its page asked (task.cancel()), its page went away, or the app is quitting. */
export const CANCELLED_BY_PAGE = 'cancelled-by-page';
export const PAGE_GONE = 'page-gone';
export const APP_QUITTING = 'app-quitting';

export interface TaskControls<P> {
  signal: AbortSignal;
  progress(progress: P): void;
}

export type TaskHandlers<N extends TaskName> = {
  [M in N]: (
    context: AppContext,
    args: z.output<(typeof tasks)[M]['args']>,
    controls: TaskControls<TaskProgress<M>>,
  ) => Promise<TaskResult<M>>;
};
