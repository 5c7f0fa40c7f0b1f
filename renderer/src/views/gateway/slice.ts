// Gateway: the app's gateway on or off, the tools' tokens, and what went through it. A new token
// is handed to the view that asked and kept in its own state only (main copied it already); the
// store never holds one.
import { api, type CallArgs, type CallResult, unwrap } from '../../api';
import type { Slice } from '../../store/slice';
import type { UiSlice } from '../../store/ui-slice';

export type UsageReport = CallResult<'gateway.usage'>;
export type UsageQuery = CallArgs<'gateway.usage'>;
export type NewToken = CallResult<'gateway.addToken'>;

export interface GatewaySlice {
  usage: UsageReport | undefined;
  usageQuery: UsageQuery;
  loadUsage(query?: UsageQuery): Promise<void>;
  setGatewayEnabled(enabled: boolean): Promise<boolean>;
  /** The token made, for the view to show once; undefined when it failed (and is shown). */
  addGatewayToken(input: CallArgs<'gateway.addToken'>): Promise<NewToken | undefined>;
  revokeGatewayToken(name: string): Promise<boolean>;
}

export const gatewaySlice: Slice<GatewaySlice, UiSlice> = (set, get) => ({
  usage: undefined,
  usageQuery: { by: 'tool', days: 1 },
  loadUsage: async (query = get().usageQuery) => {
    set({ usageQuery: query });
    await get().attempt(async () => {
      const usage = unwrap(await api().gateway.usage(query));
      // Only the answer to the latest question counts.
      if (get().usageQuery === query) set({ usage });
    });
  },
  setGatewayEnabled: (enabled) =>
    get().attempt(async () => unwrap(await api().gateway.setEnabled({ enabled }))),
  addGatewayToken: (input) => get().attemptValue(async () => unwrap(await api().gateway.addToken(input))),
  revokeGatewayToken: (name) =>
    get().attempt(async () => {
      unwrap(await api().gateway.revokeToken({ name }));
      get().say({ key: 'window.gateway.revoked', params: { name } });
    }),
});
