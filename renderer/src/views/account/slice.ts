// The Account view's data: what each connected account's permissions allow, the workspaces of
// the accounts, and the connect or listing under way (tasks: progress and cancel). The AccessKey
// secret of a connect passes through `connectAccount` to main and is never kept here.
import {
  api,
  type CallResult,
  errorOf,
  type IpcError,
  type TaskArgs,
  type TaskResult,
  unwrap,
} from '../../api';
import type { Progress } from '../../store/tasks-slice';
import type { Slice } from '../../store/slice';
import type { UiSlice } from '../../store/ui-slice';

export type AccountStatus = CallResult<'account.status'>;
export type AccountWorkspace = TaskResult<'account.workspaces'>[number];
export type ConnectRequest = TaskArgs<'account.connect'>;

export interface AccountSlice {
  /** The least RAM policy, as JSON text (asked of main once). */
  accountPolicy: string | undefined;
  accountStatus: AccountStatus | undefined;
  accountWorkspaces: AccountWorkspace[] | undefined;
  /** A connect under way (its progress); null when none. */
  connecting: Progress | null;
  /** Why the last connect failed, shown in the form it came from. */
  connectError: IpcError | undefined;
  /** The account just connected whose site was taken to be the international one (its bill unread). */
  siteAssumed: string | undefined;
  /** The accounts' workspaces being listed (how many accounts answered); null when not. */
  listingWorkspaces: Progress | null;
  loadPolicy(): Promise<void>;
  connectAccount(request: ConnectRequest): Promise<boolean>;
  cancelConnect(): void;
  /** Asks again what the accounts' permissions allow, and lists their workspaces. */
  loadAccounts(): Promise<void>;
  cancelWorkspaces(): void;
  disconnectAccount(name: string): Promise<boolean>;
}

let connectTask: { cancel(): void } | undefined;
let workspacesTask: { cancel(): void } | undefined;

/** A cancel is the user's own doing: nothing to report. */
const wasCancelled = (error: IpcError) => error.code === 'cancelled';

export const accountSlice: Slice<AccountSlice, UiSlice> = (set, get) => ({
  accountPolicy: undefined,
  accountStatus: undefined,
  accountWorkspaces: undefined,
  connecting: null,
  connectError: undefined,
  siteAssumed: undefined,
  listingWorkspaces: null,
  async loadPolicy() {
    if (get().accountPolicy !== undefined) return;
    await get().attempt(async () => set({ accountPolicy: unwrap(await api().account.policy()) }));
  },
  async connectAccount(request) {
    if (connectTask) return false;
    set({ connecting: { done: 0, total: 1 }, connectError: undefined });
    const task = api().account.connect(request, { onProgress: (connecting) => set({ connecting }) });
    connectTask = task;
    let connected: TaskResult<'account.connect'> | undefined;
    try {
      connected = unwrap(await task.result);
    } catch (thrown) {
      const error = errorOf(thrown);
      if (!wasCancelled(error)) set({ connectError: error });
    }
    connectTask = undefined;
    set({ connecting: null });
    if (!connected) return false;
    set({ siteAssumed: connected.siteAssumed ? connected.name : undefined });
    get().say({
      key: 'window.account.connected',
      params: { name: connected.name, count: connected.workspaceCount },
    });
    return true;
  },
  cancelConnect: () => connectTask?.cancel(),
  async loadAccounts() {
    workspacesTask?.cancel();
    set({ listingWorkspaces: { done: 0, total: 0 } });
    const task = api().account.workspaces(
      {},
      { onProgress: (listingWorkspaces) => set({ listingWorkspaces }) },
    );
    workspacesTask = task;
    await get().attempt(async () => {
      const [status, workspaces] = await Promise.all([api().account.status({}), task.result]);
      set({ accountStatus: unwrap(status) });
      if (!workspaces.ok && wasCancelled(workspaces.error)) return;
      set({ accountWorkspaces: unwrap(workspaces) });
    });
    if (workspacesTask === task) {
      workspacesTask = undefined;
      set({ listingWorkspaces: null });
    }
  },
  cancelWorkspaces: () => workspacesTask?.cancel(),
  disconnectAccount: (name) =>
    get().attempt(async () => {
      unwrap(await api().account.disconnect({ name }));
      get().say({ key: 'window.account.disconnected', params: { name } });
    }),
});
