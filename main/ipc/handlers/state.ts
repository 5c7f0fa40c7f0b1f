// state.* and regions.*: what the views show, the one setting they change directly, and what
// each region serves.
import { listEndpoints, switchRegion } from '../../core/actions/regions.js';
import type { CallHandlers } from './types.js';

export const stateHandlers: CallHandlers<'state.get' | 'regions.setActive' | 'regions.endpoints'> = {
  // A pull reads the file again: a view that asks wants what is there now.
  'state.get': (context) => context.state.refresh(),
  'regions.setActive': async (context, { regionId }) => {
    await switchRegion(context.services, regionId);
    return context.state.refresh();
  },
  'regions.endpoints': (context) => listEndpoints(context.services),
};
