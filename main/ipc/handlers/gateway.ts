// gateway.*: the window's Gateway view, through the same use cases as `msk gateway` and `msk usage`.
import { addGatewayToken, revokeGatewayToken } from '../../core/actions/gateway.js';
import { sinceDays, usageReport } from '../../core/gateway/usage-report.js';
import { clipboardOptions } from '../../core/actions/use-key.js';
import type { CallHandlers } from './types.js';

export const gatewayHandlers: CallHandlers<
  'gateway.setEnabled' | 'gateway.addToken' | 'gateway.revokeToken' | 'gateway.usage'
> = {
  'gateway.setEnabled': async (context, { enabled }) => {
    await context.services.config.update((draft) => {
      draft.settings.gatewayEnabled = enabled;
    });
    await context.state.refresh();
    return { enabled };
  },
  'gateway.addToken': async (context, { name, keys, model, requestsPerMinute }) => {
    const { token, record } = await addGatewayToken(context.services, {
      name,
      keys,
      model,
      requestsPerMinute,
    });
    const config = await context.services.config.read();
    // Into the tool's settings next: copied as a key is (concealed, cleared if unchanged).
    await context.clipboard.copy(token, clipboardOptions(config));
    await context.state.refresh();
    return { name: record.name, token, clearAfterSeconds: config.settings.clipboardClearSeconds };
  },
  'gateway.revokeToken': async (context, { name }) => {
    const revoked = await revokeGatewayToken(context.services, name);
    await context.state.refresh();
    return { name: revoked.name };
  },
  'gateway.usage': async (context, { by, days }) => {
    const [config, usage] = await Promise.all([context.services.config.read(), context.gatewayUsage.read()]);
    const { since, rows, total } = usageReport(config, usage, by, sinceDays(days));
    return { since, rows, total, lastUsed: usage.lastUsed };
  },
};
