// state.* and regions.*: what the views show, the one setting they change directly, and what
// each region serves.
import { repair } from '../../core/actions/doctor.js';
import { listEndpoints, switchRegion } from '../../core/actions/regions.js';
import type { CallHandlers } from './types.js';

export const stateHandlers: CallHandlers<
  'state.get' | 'state.retry' | 'state.repair' | 'regions.setActive' | 'regions.endpoints'
> = {
  // A pull reads the file again: a view that asks wants what is there now.
  'state.get': (context) => context.state.refresh(),
  'state.retry': async (context) => {
    // A read of a stored key is what failed; the keychain's answer (the app's observed store
    // reports it) clears the problem or keeps it. Either way the answer is the new state.
    const config = await context.services.config.read().catch(() => undefined);
    await context.services.secrets.get(config?.keys[0]?.id ?? 'retry').catch(() => undefined);
    return context.state.refresh();
  },
  'state.repair': async (context) => {
    const { done, after } = await repair(context.services);
    await context.state.refresh();
    return { done, healthy: after.healthy };
  },
  'regions.setActive': async (context, { regionId }) => {
    await switchRegion(context.services, regionId);
    return context.state.refresh();
  },
  'regions.endpoints': (context) => listEndpoints(context.services),
};
