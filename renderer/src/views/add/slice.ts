// "Add key": the pasted secret goes to main once (`keys.inspect`); from then on this slice holds
// only the opaque token main answered with, what main said about the key, and where it works.
import {
  api,
  type CallResult,
  errorOf,
  type IpcError,
  type TaskProgress,
  type TaskResult,
  unwrap,
} from '../../api';
import type { Slice } from '../../store/slice';
import type { UiSlice } from '../../store/ui-slice';

export type Inspection = CallResult<'keys.inspect'>;
export type Detection = TaskResult<'keys.detect'>;
type Plan = Inspection['defaultPlan'];

export interface AddSlice {
  inspection: Inspection | undefined;
  /** Why the paste is not a key (format, temporary key). */
  inspectError: IpcError | undefined;
  detecting: TaskProgress<'keys.detect'> | null;
  detection: Detection | undefined;
  inspect(secret: string): Promise<boolean>;
  detect(hints?: { regionId?: string; plan?: Plan; workspaceId?: string }): Promise<void>;
  cancelDetect(): void;
  saveKey(choice: {
    label: string;
    regionId: string;
    plan: Plan;
    workspaceId?: string;
  }): Promise<string | undefined>;
  /** Leaves the flow: main forgets the secret now. */
  resetAdd(): void;
}

let detectTask: { cancel(): void } | undefined;

export const addSlice: Slice<AddSlice, UiSlice> = (set, get) => ({
  inspection: undefined,
  inspectError: undefined,
  detecting: null,
  detection: undefined,
  async inspect(secret) {
    get().resetAdd();
    try {
      set({ inspection: unwrap(await api().keys.inspect({ secret })), inspectError: undefined });
      return true;
    } catch (thrown) {
      set({ inspectError: errorOf(thrown) });
      return false;
    }
  },
  async detect(hints = {}) {
    const token = get().inspection?.token;
    if (!token || detectTask) return;
    set({ detecting: { done: 0, total: 0, answer: null }, detection: undefined });
    const task = api().keys.detect({ token, ...hints }, { onProgress: (detecting) => set({ detecting }) });
    detectTask = task;
    await get().attempt(async () => {
      const result = await task.result;
      // A cancel is the user's own doing: nothing to report.
      if (!result.ok && result.error.code === 'cancelled') return;
      set({ detection: unwrap(result) });
    });
    detectTask = undefined;
    set({ detecting: null });
  },
  cancelDetect: () => detectTask?.cancel(),
  async saveKey(choice) {
    const token = get().inspection?.token;
    if (!token) return undefined;
    let keyId: string | undefined;
    await get().attempt(async () => {
      const added = unwrap(await api().keys.add({ token, ...choice }));
      keyId = added.keyId;
      set({ inspection: undefined, detection: undefined });
      get().say({ key: 'window.add.saved', params: { label: added.label } });
    });
    return keyId;
  },
  resetAdd() {
    detectTask?.cancel();
    const token = get().inspection?.token;
    if (token) void api().keys.forget({ token });
    set({ inspection: undefined, inspectError: undefined, detection: undefined, detecting: null });
  },
});
