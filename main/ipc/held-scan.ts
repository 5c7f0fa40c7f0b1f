// The window's latest search for keys lying in files. Its findings go to the page as data; the
// secrets stay here with it, and every later step (import, preview, removal) names findings by
// id in this search. A new search replaces it: ids from an older one are refused as stale.
import type { KeyScan } from '../core/actions/import.js';
import { MskError } from '../core/base/errors.js';

export class HeldScan {
  private scan: KeyScan | undefined;

  hold(scan: KeyScan): KeyScan {
    this.scan = scan;
    return scan;
  }

  current(): KeyScan {
    if (!this.scan) throw new MskError('invalid-input', 'Search for keys first; nothing was changed.');
    return this.scan;
  }
}
