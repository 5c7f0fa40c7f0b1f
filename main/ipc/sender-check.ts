// Who may call: only our own page — the built file loaded from disk, or (unpackaged) the dev
// server — by protocol (or origin) AND path. Anything else that ends up loaded somewhere is
// refused. Paths are compared decoded, so an install folder like "Ann [Work]" or "100%" matches.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PageLocation {
  /** Dev server URL (electron-vite dev), or undefined for the built file. */
  devServerUrl: string | undefined;
  /** The built renderer's index.html on disk. */
  indexHtml: string;
}

export function isOwnPage(
  frameUrl: string,
  page: PageLocation,
  platform: NodeJS.Platform = process.platform,
): boolean {
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  if (page.devServerUrl) {
    // The protocol too: a blob: URL carries the origin of the page that made it.
    const dev = new URL(page.devServerUrl);
    return url.protocol === dev.protocol && url.origin === dev.origin;
  }
  if (url.protocol !== 'file:') return false;
  const windows = platform === 'win32';
  const paths = windows ? path.win32 : path.posix;
  let file: string;
  try {
    file = fileURLToPath(new URL(`file://${url.host}${url.pathname}`), { windows });
  } catch {
    // A host on a POSIX file URL, or an encoded separator: not a file of ours.
    return false;
  }
  const own = paths.resolve(page.indexHtml);
  // Windows and macOS file systems ignore case by default.
  return platform === 'linux' ? file === own : file.toLowerCase() === own.toLowerCase();
}
