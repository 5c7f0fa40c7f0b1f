// The core as the command line uses it, loaded and composed on first use: `msk --help` touches
// nothing, and a command that reads no secret never loads the keychain addon (secret-store.ts
// loads it only when a secret is read or written).
import type { Services } from '../core/keys/services.js';
import { warn } from './output.js';

let services: Promise<Services> | undefined;

export function core(): Promise<Services> {
  services ??= import('../core/keys/services.js').then(({ createServices }) => {
    const created = createServices();
    // Reading a key must work from a data directory we may not write: said once, not refused.
    let said = false;
    created.vault.whenBookkeepingSkipped((error) => {
      if (said) return;
      said = true;
      warn(`${error.message.replace(/[.;]$/, '')}. Last use and check results are not recorded.`);
    });
    return created;
  });
  return services;
}
