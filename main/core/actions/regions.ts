// Region use cases: which region is active, switching it (tray radio items, the window's
// picker, `msk region`), and what each region serves (`msk regions`, the window's endpoint list).
import type { RegionFacts } from '../model-studio/catalog.js';
import { type CatalogEndpoint, endpointCatalog } from '../model-studio/regions.js';
import type { Services } from '../keys/services.js';
import { readSettings, setActiveRegion } from '../keys/active-key.js';

export const switchRegion = (services: Services, nameOrAlias: string): Promise<RegionFacts> =>
  setActiveRegion(services.config, nameOrAlias);

/** Every host of every region, with the user's and the environment's overrides applied. */
export async function listEndpoints(services: Services): Promise<CatalogEndpoint[]> {
  const { endpointOverrides } = await readSettings(services.config);
  return endpointCatalog({
    settingsOverrides: endpointOverrides,
    environmentOverrides: services.environment.endpointOverrides,
  });
}
