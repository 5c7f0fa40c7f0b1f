// The core as the command line uses it, composed on first use so `msk --help` touches nothing.
import { createServices, type Services } from '../core/services.js';
import { warn } from './output.js';

let services: Services | undefined;

export function core(): Services {
  if (services) return services;
  services = createServices();
  // Reading a key must work from a data directory we may not write: said once, not refused.
  let said = false;
  services.vault.whenBookkeepingSkipped((error) => {
    if (said) return;
    said = true;
    warn(`${error.message.replace(/[.;]$/, '')}. Last use and check results are not recorded.`);
  });
  return services;
}
