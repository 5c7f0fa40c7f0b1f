// An account's workspaces, as the management API lists them (ListWorkspaces, every region at once,
// each page by page), with how many keys each holds in the account (ListApiKeys' totalCount: one
// small call per workspace, all at once); one chosen by id or name; created and deleted.
import { MskError } from '../base/errors.js';
import { oneLine, withoutUnsafe } from '../base/one-line.js';
import {
  MANAGEMENT_API,
  managementRegionsOf,
  type ServiceSite,
  WORKSPACE_ID_PATTERN,
} from '../model-studio/catalog.js';
import { redactKeys } from '../model-studio/key-format.js';
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

const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

// What the service returns is shown: nothing in it may hide or reorder the text around it.
const text = (value: unknown): string | null =>
  typeof value === 'string' && withoutUnsafe(value) !== '' ? withoutUnsafe(value) : null;

/** A ListWorkspaces page's rows; a row without a workspace id (WORKSPACE_ID_PATTERN) is not one. */
export function workspacesOf(body: unknown, regionId: string): AccountWorkspace[] {
  const rows = (body as { workspaces?: unknown } | null)?.workspaces;
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row: Record<string, unknown>) => {
    const workspaceId = text(row?.workspaceId);
    if (workspaceId === null || !WORKSPACE_ID_PATTERN.test(workspaceId)) return [];
    const created = typeof row.gmtCreate === 'number' ? new Date(row.gmtCreate) : null;
    const name = (text(row.workspaceName) ?? '').trim();
    const region = text(row.region);
    const apiHost = text(row.apiHost);
    return [
      {
        workspaceId,
        name: name === '' ? workspaceId : name,
        // Only a region msk knows, and a host name, are taken: both end up in addresses.
        regionId:
          region !== null && (MANAGEMENT_API.regions as readonly string[]).includes(region)
            ? region
            : regionId,
        apiHost: apiHost !== null && HOST_NAME.test(apiHost) ? apiHost.toLowerCase() : null,
        serviceSite: text(row.serviceSite),
        createdAt: created && !Number.isNaN(created.getTime()) ? created.toISOString() : null,
      },
    ];
  });
}

/** The account's workspaces in one region, page by page. */
export const listWorkspacesIn = (
  client: ManagementClient,
  regionId: string,
  signal?: AbortSignal,
): Promise<AccountWorkspace[]> =>
  client.list(regionId, 'ListWorkspaces', (body) => workspacesOf(body, regionId), { signal });

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
      listWorkspacesIn(client, regionId, signal).catch((error: unknown) => {
        if (refusedFor(error, 'not-activated')) return [];
        throw error;
      }),
    ),
  );
  return pages.flat();
}

/**
 * How many keys a workspace holds in the account (one call: the first page's totalCount); null
 * when the permissions do not let it be listed.
 */
export async function accountKeyCount(
  client: ManagementClient,
  workspace: AccountWorkspace,
  signal?: AbortSignal,
): Promise<number | null> {
  let body: { totalCount?: unknown; apiKeys?: unknown };
  try {
    body = (await client.call(workspace.regionId, 'ListApiKeys', {
      query: { workspaceId: workspace.workspaceId, maxResults: 1 },
      signal,
    })) as typeof body;
  } catch (error) {
    if (refusedFor(error, 'permission')) return null;
    throw error;
  }
  if (typeof body.totalCount === 'number' && Number.isInteger(body.totalCount) && body.totalCount >= 0)
    return body.totalCount;
  return Array.isArray(body.apiKeys) ? body.apiKeys.length : 0;
}

/** The label of a workspace's own domain (`llm-…`): the workspace id a stored key's endpoints take. */
export function domainLabelOf(workspace: Pick<AccountWorkspace, 'apiHost'>): string | undefined {
  const label = workspace.apiHost?.split('.')[0];
  return label !== undefined && WORKSPACE_ID_PATTERN.test(label) ? label : undefined;
}

/**
 * The workspace `ref` names among `workspaces` (its id, its domain's label, else its name, case
 * aside), in `regionId` or any region. A name several regions hold is an error naming them; none
 * found is an error too.
 */
export function pickWorkspace(
  workspaces: readonly AccountWorkspace[],
  ref: string,
  regionId?: string,
): AccountWorkspace {
  // Echoed in errors: a key pasted by mistake is not.
  const wanted = redactKeys(withoutUnsafe(ref.trim()).slice(0, 128));
  const inRegion = workspaces.filter(
    (workspace) => regionId === undefined || workspace.regionId === regionId,
  );
  const byId = inRegion.find(
    (workspace) => workspace.workspaceId === wanted || domainLabelOf(workspace) === wanted,
  );
  if (byId) return byId;
  const named = inRegion.filter((workspace) => workspace.name.toLowerCase() === wanted.toLowerCase());
  const [only] = named;
  if (only && named.length === 1) return only;
  if (named.length > 1) {
    const regions = named.map((workspace) => workspace.regionId);
    throw new MskError(
      'invalid-input',
      `Several workspaces are named '${wanted}' (in ${regions.join(', ')}): name one by its id, or its region.`,
      { reason: 'ambiguous-workspace', workspace: wanted, regions },
    );
  }
  throw new MskError(
    'invalid-input',
    `The account has no workspace '${wanted}'${regionId === undefined ? '' : ` in ${regionId}`}; nothing was changed.`,
    { reason: 'workspace-not-found', workspace: wanted, regionId: regionId ?? null },
  );
}

/** The workspace `ref` names (see pickWorkspace), asking only `regionId`'s host when one is given. */
export async function chooseWorkspace(
  client: ManagementClient,
  ref: string,
  regionId?: string,
  signal?: AbortSignal,
): Promise<AccountWorkspace> {
  if (regionId !== undefined && !(MANAGEMENT_API.regions as readonly string[]).includes(regionId))
    throw new MskError(
      'invalid-input',
      `Workspaces are in ${MANAGEMENT_API.regions.join(', ')}, not in '${regionId}'.`,
      { reason: 'region-not-of-site', regionId, regions: [...MANAGEMENT_API.regions] },
    );
  const all =
    regionId === undefined
      ? await listWorkspaces(client, signal)
      : await listWorkspacesIn(client, regionId, signal);
  return pickWorkspace(all, ref, regionId);
}

/**
 * A new workspace named `name` in `regionId` (one of the site's management regions; its home
 * region unless told).
 */
export async function createWorkspace(
  client: ManagementClient,
  site: ServiceSite,
  input: { name: string; regionId?: string | undefined },
  signal?: AbortSignal,
): Promise<AccountWorkspace> {
  const name = oneLine(input.name, 'A workspace name', MANAGEMENT_API.workspaceName.maxLength);
  const regions = managementRegionsOf(site);
  const regionId = input.regionId ?? MANAGEMENT_API.sites[site].home;
  if (!regions.includes(regionId))
    throw new MskError(
      'invalid-input',
      `${MANAGEMENT_API.sites[site].name} creates workspaces in ${regions.join(', ')}, not in '${regionId}'.`,
      { reason: 'region-not-of-site', regionId, regions },
    );
  const body = (await client.call(regionId, 'CreateWorkspace', {
    query: { workspaceName: name },
    signal,
  })) as { workspace?: unknown } | null;
  const [created] = workspacesOf({ workspaces: [body?.workspace] }, regionId);
  if (!created)
    throw new MskError('service-refused', "Alibaba Cloud's answer to CreateWorkspace names no workspace.");
  return created;
}

/**
 * Deletes the workspace `ref` names. The service refuses the default workspace and one that still
 * holds keys: each is an `account-refused` error with its own reason.
 */
export async function deleteWorkspace(
  client: ManagementClient,
  workspace: AccountWorkspace,
  signal?: AbortSignal,
): Promise<void> {
  const body = (await client.call(workspace.regionId, 'DeleteWorkspace', {
    id: workspace.workspaceId,
    signal,
  })) as { isDeleted?: unknown; failReasons?: unknown } | null;
  if (body?.isDeleted === true) return;
  const reasons = Array.isArray(body?.failReasons) ? (body.failReasons as Record<string, unknown>[]) : [];
  const said = reasons.map(
    (reason) => `${String(reason?.resourceType ?? '')} ${String(reason?.reason ?? '')}`,
  );
  const refuse = (reason: string, message: string) =>
    new MskError('account-refused', message, {
      reason,
      action: 'DeleteWorkspace',
      workspace: workspace.workspaceId,
      regionId: workspace.regionId,
    });
  if (said.some((text) => /default/i.test(text)))
    throw refuse(
      'default-workspace',
      `'${workspace.name}' is the default workspace of ${workspace.regionId}: Alibaba Cloud does not delete it.`,
    );
  if (said.some((text) => /api ?key/i.test(text)))
    throw refuse(
      'workspace-has-keys',
      `'${workspace.name}' still holds API keys: Alibaba Cloud deletes a workspace only once its keys are gone.`,
    );
  throw refuse(
    'refused',
    `Alibaba Cloud did not delete '${workspace.name}'${said.length > 0 ? `: ${withoutUnsafe(said.join('; ')).slice(0, 200)}` : '.'}`,
  );
}
