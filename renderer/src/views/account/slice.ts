// The Account view's data: what each connected account's permissions allow, the workspaces of
// the accounts, and the connect or listing under way (tasks: progress and cancel). The AccessKey
// secret of a connect passes through `connectAccount` to main and is never kept here.
import {
  api,
  type RunningTask,
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
export type SpendReport = TaskResult<'account.spend'>;
export type AccountKeys = TaskResult<'account.keys'>;
export type AccountKey = AccountKeys['keys'][number];
export type CreateKeyRequest = TaskArgs<'account.createKey'>;
export type Rotation = TaskResult<'account.rotateKey'>;
/** Which key of which account a change is for. */
export interface KeyTarget {
  account: string;
  reference: string;
}

/** An account whose spend could be read. */
export type AccountSpend = Extract<SpendReport['accounts'][number], { error: null }>;

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
  /** This month's spend of each account, and the gateway's counts beside it. */
  accountSpend: SpendReport | undefined;
  /** The spend being read (how many accounts answered); null when not. */
  readingSpend: Progress | null;
  /** Every key of the accounts, and the stored keys their account no longer has. */
  accountKeys: AccountKeys | undefined;
  listingKeys: Progress | null;
  /** A key being created, rotated, disabled, enabled or deleted; null when none. */
  changingKey: Progress | null;
  loadPolicy(): Promise<void>;
  connectAccount(request: ConnectRequest): Promise<boolean>;
  cancelConnect(): void;
  /** Asks again what the accounts' permissions allow, and lists their workspaces. */
  loadAccounts(): Promise<void>;
  cancelWorkspaces(): void;
  loadSpend(): Promise<void>;
  cancelSpend(): void;
  loadKeys(): Promise<void>;
  cancelKeys(): void;
  createKey(request: CreateKeyRequest): Promise<TaskResult<'account.createKey'> | undefined>;
  /** The rotation's answer goes back to the dialog that asked and is kept nowhere here: it may hold a value. */
  rotateKey(target: KeyTarget): Promise<Rotation | undefined>;
  setKeyEnabled(target: KeyTarget, enabled: boolean): Promise<boolean>;
  deleteKey(target: KeyTarget, forget: boolean): Promise<boolean>;
  createWorkspace(request: TaskArgs<'account.createWorkspace'>): Promise<boolean>;
  deleteWorkspace(workspace: AccountWorkspace): Promise<boolean>;
  /** Stops a change before the service is asked to make it. */
  cancelKeyChange(): void;
  disconnectAccount(name: string): Promise<boolean>;
}

let connectTask: { cancel(): void } | undefined;
const running: Partial<Record<'workspaces' | 'spend' | 'keys' | 'change', { cancel(): void }>> = {};

/** A cancel is the user's own doing: nothing to report. */
const wasCancelled = (error: IpcError) => error.code === 'cancelled';

export const accountSlice: Slice<AccountSlice, UiSlice> = (set, get) => {
  return {
    accountPolicy: undefined,
    accountStatus: undefined,
    accountWorkspaces: undefined,
    connecting: null,
    connectError: undefined,
    siteAssumed: undefined,
    listingWorkspaces: null,
    accountSpend: undefined,
    readingSpend: null,
    accountKeys: undefined,
    listingKeys: null,
    changingKey: null,
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
      await Promise.all([
        get().attempt(async () => set({ accountStatus: unwrap(await api().account.status({})) })),
        listWorkspaces(),
      ]);
    },
    cancelWorkspaces: () => running.workspaces?.cancel(),
    loadSpend: () =>
      listing(
        'spend',
        (onProgress) => api().account.spend({}, { onProgress }),
        (readingSpend) => set({ readingSpend }),
        (accountSpend) => set({ accountSpend }),
      ),
    cancelSpend: () => running.spend?.cancel(),
    loadKeys: () =>
      listing(
        'keys',
        (onProgress) => api().account.keys({}, { onProgress }),
        (listingKeys) => set({ listingKeys }),
        (accountKeys) => set({ accountKeys }),
      ),
    cancelKeys: () => running.keys?.cancel(),
    async createKey(request) {
      const created = await change((onProgress) => api().account.createKey(request, { onProgress }));
      if (created) get().say({ key: 'window.account.keys.created', params: { label: created.label } });
      return created;
    },
    async rotateKey(target) {
      const rotated = await change((onProgress) => api().account.rotateKey(target, { onProgress }));
      if (rotated?.label && rotated.stored !== 'not-stored')
        get().say({ key: `window.account.keys.rotated.${rotated.stored}`, params: { label: rotated.label } });
      return rotated;
    },
    async setKeyEnabled(target, enabled) {
      const done = await change((onProgress) =>
        api().account.setKeyEnabled({ ...target, enabled }, { onProgress }),
      );
      if (done)
        get().say({
          key: enabled ? 'window.account.keys.enabledNow' : 'window.account.keys.disabledNow',
          params: { id: done.apiKeyId },
        });
      return done !== undefined;
    },
    async deleteKey(target, forget) {
      const done = await change((onProgress) =>
        api().account.deleteKey({ ...target, forget }, { onProgress }),
      );
      if (done) get().say({ key: 'window.account.keys.deletedNow', params: { id: done.apiKeyId } });
      return done !== undefined;
    },
    async createWorkspace(request) {
      const created = await change((onProgress) => api().account.createWorkspace(request, { onProgress }));
      if (created) get().say({ key: 'window.account.workspace.created', params: { name: created.name } });
      return created !== undefined;
    },
    async deleteWorkspace({ account, workspaceId, regionId, name }) {
      const done = await change((onProgress) =>
        api().account.deleteWorkspace({ account, workspaceId, regionId }, { onProgress }),
      );
      if (done) get().say({ key: 'window.account.workspace.deleted', params: { name } });
      return done !== undefined;
    },
    cancelKeyChange: () => running.change?.cancel(),
    disconnectAccount: (name) =>
      get().attempt(async () => {
        unwrap(await api().account.disconnect({ name }));
        get().say({ key: 'window.account.disconnected', params: { name } });
      }),
  };

  /**
   * Runs a change of a key (one at a time); its failure is shown (in the dialog that asked), and
   * the keys (and the workspaces' counts of them) are listed again after it, whatever happened.
   */
  async function change<T>(
    start: (onProgress: (progress: Progress) => void) => RunningTask<T>,
  ): Promise<T | undefined> {
    if (running.change) return undefined;
    set({ changingKey: { done: 0, total: 1 } });
    const task = start((changingKey) => set({ changingKey }));
    running.change = task;
    let value: T | undefined;
    await get().attempt(async () => {
      const result = await task.result;
      if (!result.ok && wasCancelled(result.error)) return;
      value = unwrap(result);
    });
    delete running.change;
    set({ changingKey: null });
    void get().loadKeys();
    void listWorkspaces();
    return value;
  }

  function listWorkspaces(): Promise<void> {
    return listing(
      'workspaces',
      (onProgress) => api().account.workspaces({}, { onProgress }),
      (listingWorkspaces) => set({ listingWorkspaces }),
      (accountWorkspaces) => set({ accountWorkspaces }),
    );
  }

  /** Runs one of the view's listing tasks (a new one replaces the one under way): its progress, then its answer. */
  async function listing<T>(
    name: keyof typeof running,
    start: (onProgress: (progress: Progress) => void) => RunningTask<T>,
    showProgress: (progress: Progress | null) => void,
    show: (value: T) => void,
  ): Promise<void> {
    running[name]?.cancel();
    showProgress({ done: 0, total: 0 });
    const task = start(showProgress);
    running[name] = task;
    // A listing's success clears no failure: it often follows a change whose refusal is on show.
    const result = await task.result;
    if (result.ok) show(result.value);
    else if (!wasCancelled(result.error)) get().showError(result.error);
    if (running[name] !== task) return;
    delete running[name];
    showProgress(null);
  }
};
