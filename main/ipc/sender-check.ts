// Who may call: only our own page — the built file loaded from disk, or the dev server — by
// protocol (or origin) AND path. Anything else that ends up loaded somewhere is refused.
import { pathToFileURL } from 'node:url';

export interface PageLocation {
  /** Dev server URL (electron-vite dev), or undefined for the built file. */
  devServerUrl: string | undefined;
  /** The built renderer's index.html on disk. */
  indexHtml: string;
}

export function isOwnPage(frameUrl: string, page: PageLocation): boolean {
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  if (page.devServerUrl) return url.origin === new URL(page.devServerUrl).origin;
  const own = pathToFileURL(page.indexHtml);
  return url.protocol === 'file:' && url.host === own.host && url.pathname === own.pathname;
}
