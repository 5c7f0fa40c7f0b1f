// Which URLs point at Model Studio, derived from the catalog: an OPENAI_API_KEY is only a Model
// Studio key when its base URL says so, and the hosts change on Alibaba's side, not here.
import { REGIONS, WORKSPACE_ID_PLACEHOLDER } from '../model-studio/catalog.js';

/** Exact host names of every catalogued origin but the workspace domains. */
const FIXED_HOSTS: ReadonlySet<string> = new Set(
  REGIONS.flatMap((region) => Object.values(region.origins))
    .filter((origin) => !origin.includes(WORKSPACE_ID_PLACEHOLDER))
    .map((origin) => new URL(origin).hostname),
);

/** Workspace domains are `{workspaceId}.<region>.maas.aliyuncs.com`: what follows the placeholder. */
const WORKSPACE_HOST_SUFFIXES: readonly string[] = REGIONS.flatMap((region) => Object.values(region.origins))
  .filter((origin) => origin.includes(WORKSPACE_ID_PLACEHOLDER))
  .map((origin) => new URL(origin.replace(WORKSPACE_ID_PLACEHOLDER, 'placeholder')).hostname)
  .map((host) => host.slice('placeholder'.length));

/** True when `value` is an http(s) URL on a Model Studio host of any region, plan or workspace. */
export function isModelStudioUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  const host = url.hostname.toLowerCase();
  if (FIXED_HOSTS.has(host)) return true;
  return WORKSPACE_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix) && host.length > suffix.length);
}
