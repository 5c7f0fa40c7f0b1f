// Region use cases: which region is active, and switching it (tray radio items, the window's
// picker, `msk region`).
import type { RegionFacts } from '../model-studio.js';
import type { Services } from '../services.js';
import { setActiveRegion } from '../settings.js';

export const switchRegion = (services: Services, nameOrAlias: string): Promise<RegionFacts> =>
  setActiveRegion(services.config, nameOrAlias);
