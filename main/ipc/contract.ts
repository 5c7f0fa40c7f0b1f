// The one IPC contract: every method's name and the zod schemas of its argument and result.
// Main validates with it, the preload builds `window.api` from its names, and the renderer
// imports its types only. Later features add methods here and nowhere else.
import { z } from 'zod';
import { KEY_SHAPE_IDS, PLAN_IDS } from '../core/model-studio.js';

const KeyViewSchema = z.object({
  id: z.string(),
  label: z.string(),
  regionId: z.string(),
  workspaceId: z.string(),
  plan: z.enum(PLAN_IDS),
  planName: z.string(),
  shape: z.enum(KEY_SHAPE_IDS),
  masked: z.string(),
  active: z.boolean(),
});

export const AppStateSchema = z.object({
  serviceTitle: z.string(),
  activeRegionId: z.string(),
  regions: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      apiKeyPage: z.string(),
      keyCount: z.number().int(),
      workspaceOnly: z.boolean(),
      switchable: z.boolean(),
    }),
  ),
  keys: z.array(KeyViewSchema),
  clipboardClearSeconds: z.number().int(),
});

/** The secret-free snapshot main pushes on every change. */
export type State = z.output<typeof AppStateSchema>;

export const contract = {
  'state.get': { args: z.void(), result: AppStateSchema },
  'regions.setActive': { args: z.object({ regionId: z.string().min(1) }), result: AppStateSchema },
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type ArgsOf<M extends Method> = z.input<Contract[M]['args']>;
export type ResultOf<M extends Method> = z.output<Contract[M]['result']>;

export const METHODS = Object.keys(contract) as Method[];

/** Channel names on the wire: one per method, plus the state event main pushes. */
export const channelOf = (method: Method): string => `msk:${method}`;
export const STATE_EVENT = 'msk:state';

export interface IpcError {
  code: string;
  message: string;
}

/** Nothing throws across the bridge: every call answers with one of these. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** What the renderer sees as `window.api`. */
export type Api = {
  [M in Method]: (...args: ArgsOf<M> extends void ? [] : [ArgsOf<M>]) => Promise<Result<ResultOf<M>>>;
} & {
  /** Subscribes to state snapshots; returns the unsubscribe function. */
  onState(listener: (state: State) => void): () => void;
};
