// Tools: the presets and the user's own, with what each gets; launching, settings, exports and
// OpenClaw's setup happen in main (no key crosses: a settings field that is the key, or one in a
// config's change, comes back masked).
import {
  api,
  type CallResult,
  type IpcError,
  type RunningTask,
  type TaskProgress,
  type TaskResult,
  unwrap,
} from '../../api';
import type { Slice } from '../../store/slice';
import type { UiSlice } from '../../store/ui-slice';

export type Tool = CallResult<'tools.list'>[number];
export type ToolSettings = CallResult<'tools.settings'>;

export type OpenClawSetup = TaskResult<'tools.setUpOpenClaw'>;
/** The Set Up OpenClaw dialog: its task under way (the step once told), its answer, or why it failed. */
export type OpenClawDialog =
  | { phase: 'running'; step: TaskProgress<'tools.setUpOpenClaw'> | undefined }
  | { phase: 'done'; setup: OpenClawSetup }
  | { phase: 'failed'; error: IpcError };

export interface CustomToolDraft {
  id: string;
  name: string;
  command?: string[];
  variables: Record<string, string>;
  /** Editing: a new version of the tool of this id. */
  replace: boolean;
}

export interface ToolsSlice {
  tools: Tool[];
  /** The settings page last asked for, by tool id. */
  toolSettings: ToolSettings | undefined;
  loadTools(): Promise<void>;
  launchTool(tool: string): Promise<void>;
  /** A GUI tool's settings filled in: through the gateway (a token for it) unless `viaGateway` is false. */
  showToolSettings(tool: string, viaGateway?: boolean): Promise<void>;
  /** A Postman environment: through the gateway (a token for it) unless `viaGateway` is false. */
  exportPostman(viaGateway?: boolean): Promise<void>;
  saveCustomTool(draft: CustomToolDraft): Promise<boolean>;
  removeCustomTool(id: string): Promise<boolean>;
  openClaw: OpenClawDialog | undefined;
  /** Opens the dialog and sets OpenClaw up for the active key. */
  setUpOpenClaw(): Promise<void>;
  /** Closes the dialog; a setup under way is cancelled first (its config is left as it was). */
  closeOpenClaw(): void;
}

let openClawTask: RunningTask<OpenClawSetup> | undefined;
/** The dialog was closed while its setup ran. */
let closing = false;

export const toolsSlice: Slice<ToolsSlice, UiSlice> = (set, get) => ({
  tools: [],
  toolSettings: undefined,
  loadTools: async () => {
    await get().attempt(async () => set({ tools: unwrap(await api().tools.list()) }));
  },
  launchTool: async (tool) => {
    await get().attempt(async () => {
      const launched = unwrap(await api().tools.launch({ tool }));
      get().say({ key: 'window.tools.launched', params: { ...launched } });
    });
  },
  showToolSettings: async (tool, viaGateway = true) => {
    await get().attempt(async () =>
      set({ toolSettings: unwrap(await api().tools.settings({ tool, viaGateway })) }),
    );
  },
  exportPostman: async (viaGateway = true) => {
    await get().attempt(async () => {
      const { file, gatewayToken } = unwrap(await api().tools.exportPostman({ viaGateway }));
      if (file && gatewayToken !== null)
        get().say({ key: 'window.tools.exportedViaGateway', params: { file, name: gatewayToken } });
      else if (file) get().say({ key: 'window.tools.exported', params: { file } });
    });
  },
  saveCustomTool: (draft) =>
    get().attempt(async () => {
      unwrap(await api().tools.saveCustom(draft));
      await get().loadTools();
    }),
  removeCustomTool: (id) =>
    get().attempt(async () => {
      unwrap(await api().tools.removeCustom({ id }));
      await get().loadTools();
    }),
  openClaw: undefined,
  async setUpOpenClaw() {
    if (openClawTask) return;
    set({ openClaw: { phase: 'running', step: undefined } });
    const task = api().tools.setUpOpenClaw(
      {},
      { onProgress: (step) => set({ openClaw: { phase: 'running', step } }) },
    );
    openClawTask = task;
    closing = false;
    const result = await task.result;
    openClawTask = undefined;
    if (!result.ok && result.error.code === 'cancelled') {
      set({ openClaw: undefined });
      return get().say({ key: 'window.openClaw.cancelled' });
    }
    if (!closing) {
      return set({
        openClaw: result.ok
          ? { phase: 'done', setup: result.value }
          : { phase: 'failed', error: result.error },
      });
    }
    // Closed as it finished: the answer is told outside the dialog.
    set({ openClaw: undefined });
    if (result.ok) get().say({ key: 'window.openClaw.done', params: { label: result.value.label } });
    else get().showError(result.error);
  },
  closeOpenClaw() {
    if (!openClawTask) return set({ openClaw: undefined });
    // The dialog stays until the child is gone and the config put back: the answer closes it.
    closing = true;
    openClawTask.cancel();
  },
});
