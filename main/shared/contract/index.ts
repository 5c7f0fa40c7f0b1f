// The one IPC contract: every call's and task's name with the zod schemas of its argument,
// progress and result, merged from one file per domain. Main validates with it; the renderer
// imports its types only; the preload needs only the names (../channels.ts).
import type { z } from 'zod';
import type { CallName, TaskName } from './channels.js';
import { accountCalls, accountTasks } from './account.js';
import { backupCalls } from './backup.js';
import { checkCalls, checkTasks } from './checks.js';
import { cliCalls } from './cli.js';
import { gatewayCalls } from './gateway.js';
import { importCalls, importTasks } from './import.js';
import { keyCalls, keyTasks } from './keys.js';
import { regionCalls } from './regions.js';
import { settingCalls } from './settings.js';
import { toolCalls, toolTasks } from './tools.js';
import { updateCalls } from './updates.js';
import { hintCalls } from './hints.js';
import { AppStateSchema, stateCalls } from './state.js';

export const calls = {
  ...stateCalls,
  ...regionCalls,
  ...keyCalls,
  ...toolCalls,
  ...settingCalls,
  ...checkCalls,
  ...backupCalls,
  ...importCalls,
  ...gatewayCalls,
  ...cliCalls,
  ...updateCalls,
  ...hintCalls,
  ...accountCalls,
} as const satisfies Record<CallName, { args: z.ZodType; result: z.ZodType }>;

export const tasks = {
  ...checkTasks,
  ...keyTasks,
  ...importTasks,
  ...toolTasks,
  ...accountTasks,
} as const satisfies Record<TaskName, { args: z.ZodType; progress: z.ZodType; result: z.ZodType }>;

export { AppStateSchema };

type Calls = typeof calls;
type Tasks = typeof tasks;
export type CallArgs<N extends CallName> = z.input<Calls[N]['args']>;
export type CallResult<N extends CallName> = z.output<Calls[N]['result']>;
export type TaskArgs<N extends TaskName> = z.input<Tasks[N]['args']>;
export type TaskProgress<N extends TaskName> = z.output<Tasks[N]['progress']>;
export type TaskResult<N extends TaskName> = z.output<Tasks[N]['result']>;

/** The secret-free snapshot main pushes on every change. */
export type State = z.output<typeof AppStateSchema>;
export type { DiffLine } from './diff-lines.js';

export interface IpcError {
  code: string;
  message: string;
  params?: Record<string, unknown>;
}

/** Nothing throws across the bridge: every call answers with one of these. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** A task as the renderer holds it: its result to come, and a way to stop it. */
export interface RunningTask<T> {
  result: Promise<Result<T>>;
  cancel(): void;
}

type Split<N extends string> = N extends `${infer D}.${infer V}` ? [D, V] : never;
type CallFunction<N extends CallName> =
  CallArgs<N> extends void
    ? () => Promise<Result<CallResult<N>>>
    : (args: CallArgs<N>) => Promise<Result<CallResult<N>>>;
type TaskFunction<N extends TaskName> = (
  ...args: [
    ...(TaskArgs<N> extends void ? [] : [args: TaskArgs<N>]),
    options?: { onProgress?: (progress: TaskProgress<N>) => void },
  ]
) => RunningTask<TaskResult<N>>;

/** What the renderer sees as `window.api`: `api.keys.copy({…})`, `api.checks.all({ onProgress })`. */
export type Api = {
  [D in Split<CallName | TaskName>[0]]: {
    [N in CallName as Split<N>[0] extends D ? Split<N>[1] : never]: CallFunction<N>;
  } & {
    [N in TaskName as Split<N>[0] extends D ? Split<N>[1] : never]: TaskFunction<N>;
  };
} & {
  /** Subscribes to state snapshots; returns the unsubscribe function. */
  onState(listener: (state: State) => void): () => void;
};
