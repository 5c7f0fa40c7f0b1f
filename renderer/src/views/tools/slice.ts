// Tools: the presets and the user's own, with what each gets; launching, settings and exports
// happen in main (no key crosses: a settings field that is the key comes back masked).
import { api, type CallResult, unwrap } from '../../api';
import type { Slice } from '../../store/slice';
import type { UiSlice } from '../../store/ui-slice';

export type Tool = CallResult<'tools.list'>[number];
export type ToolSettings = CallResult<'tools.settings'>;

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
}

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
});
