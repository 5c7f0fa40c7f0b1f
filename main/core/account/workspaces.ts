// An account's workspaces, as the management API lists them (ListWorkspaces, every region at once,
// each page by page), with how many keys each holds in the account
// (ListApiKeys' totalCount: one small call per workspace, all at once).
import { withoutUnsafe } from '../base/one-line.js';
import { MANAGEMENT_API, WORKSPACE_ID_PATTERN } from '../model-studio/catalog.js';
import { type ManagementClient, refusedFor } from './management-client.js';

export interface AccountWorkspace {
  workspaceId: string;
  name: string;
  /** The region whose management host listed it. */
  regionId: string;
  /** Its own domain (`llm-….<region>.maas.aliyuncs.com`), where only its keys work. */
  apiHost: string | null;
  serviceSite: string | null;
  createdAt: string | null;
}

// What the service returns is shown: nothing in it may hide or reorder the text around it.
const text = (value: unknown): string | null =>
  typeof value === 'string' && withoutUnsafe(value) !== '' ? withoutUnsafe(value) : null;

/** A ListWorkspaces page's rows; a row without a well-formed id is not one. */
export function workspacesOf(body: unknown, regionId: string): AccountWorkspace[] {
  const rows = (body as { workspaces?: unknown }).workspaces;
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row: Record<string, unknown>) => {
    const workspaceId = text(row?.workspaceId);
    if (workspaceId === null || !WORKSPACE_ID_PATTERN.test(workspaceId)) return [];
    const created = typeof row.gmtCreate === 'number' ? new Date(row.gmtCreate) : null;
    return [
      {
        workspaceId,
        name: text(row.workspaceName) ?? workspaceId,
        regionId: text(row.region) ?? regionId,
        apiHost: text(row.apiHost),
        serviceSite: text(row.serviceSite),
        createdAt: created && !Number.isNaN(created.getTime()) ? created.toISOString() : null,
      },
    ];
  });
}

/**
 * Every workspace of every region with a management host; the regions are asked at once. A region
 * where Model Studio is not activated for the account has none.
 */
export async function listWorkspaces(
  client: ManagementClient,
  signal?: AbortSignal,
): Promise<AccountWorkspace[]> {
  const pages = await Promise.all(
    MANAGEMENT_API.regions.map((regionId) =>
      client
        .list(regionId, 'ListWorkspaces', (body) => workspacesOf(body, regionId), { signal })
        .catch((error: unknown) => {
          if (refusedFor(error, 'not-activated')) return [];
          throw error;
        }),
    ),
  );
  return pages.flat();
}

/** How many keys a workspace holds in the account (one call: the first page's totalCount). */
export async function accountKeyCount(
  client: ManagementClient,
  workspace: AccountWorkspace,
  signal?: AbortSignal,
): Promise<number> {
  const body = (await client.call(workspace.regionId, 'ListApiKeys', {
    query: { workspaceId: workspace.workspaceId, maxResults: 1 },
    signal,
  })) as { totalCount?: unknown; apiKeys?: unknown };
  if (typeof body.totalCount === 'number') return body.totalCount;
  return Array.isArray(body.apiKeys) ? body.apiKeys.length : 0;
}
