// Creating and deleting an account's workspaces. The CLI and the window call these; deleting is
// two steps (find, then delete) so a surface can show what it will delete and ask first.
import { MskError } from '../base/errors.js';
import type { AccountRecord, Config } from '../config/config-schema.js';
import type { Services } from '../keys/services.js';
import {
  type AccountWorkspace,
  chooseWorkspace,
  createWorkspace,
  deleteWorkspace,
} from '../account/workspaces.js';
import { accountClient, chooseAccounts } from './account.js';

/** The account named, or the only one connected: a change goes to one account. */
function oneAccount(config: Config, name: string | undefined): AccountRecord {
  const accounts = chooseAccounts(config, name);
  const [only] = accounts;
  if (!only || accounts.length > 1)
    throw new MskError(
      'invalid-input',
      `Several accounts are connected (${accounts.map((account) => account.name).join(', ')}): name one.`,
      { reason: 'account-required', accounts: accounts.map((account) => account.name) },
    );
  return only;
}

export interface AccountWorkspaceRef {
  /** The account's name here; the only one when left out. */
  account?: string | undefined;
  /** Where to look, or create; every region (or the site's home region, to create) when left out. */
  regionId?: string | undefined;
}

export async function createAccountWorkspace(
  services: Services,
  input: AccountWorkspaceRef & { name: string },
  signal?: AbortSignal,
): Promise<{ account: string; workspace: AccountWorkspace }> {
  const account = oneAccount(await services.config.read(), input.account);
  const workspace = await createWorkspace(
    accountClient(services, account),
    account.site,
    { name: input.name, regionId: input.regionId },
    signal,
  );
  return { account: account.name, workspace };
}

/** The workspace `ref` (its id or name) names in the account; an error, changing nothing, when none or several do. */
export async function findAccountWorkspace(
  services: Services,
  input: AccountWorkspaceRef & { ref: string },
  signal?: AbortSignal,
): Promise<{ account: string; workspace: AccountWorkspace }> {
  const account = oneAccount(await services.config.read(), input.account);
  const workspace = await chooseWorkspace(
    accountClient(services, account),
    input.ref,
    input.regionId,
    signal,
  );
  return { account: account.name, workspace };
}

/** Deletes a workspace `findAccountWorkspace` found; the service's refusals (default, has keys) are errors with their reason. */
export async function deleteAccountWorkspace(
  services: Services,
  found: { account: string; workspace: AccountWorkspace },
  signal?: AbortSignal,
): Promise<void> {
  const account = oneAccount(await services.config.read(), found.account);
  await deleteWorkspace(accountClient(services, account), found.workspace, signal);
}
