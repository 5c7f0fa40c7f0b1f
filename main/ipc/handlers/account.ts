// account.*: the window's Account view, through the same use cases as `msk account`. The secret
// given to connect goes to the core and no further; what comes back names accounts, never a
// credential. Names from the service are shown, so nothing that hides or reorders text passes.
import {
  accountStatus,
  accountWorkspaces,
  chooseAccounts,
  connectAccount,
  disconnectAccount,
} from '../../core/actions/account.js';
import { withoutUnsafe } from '../../core/base/one-line.js';
import { ACCOUNT_POLICY } from '../../core/model-studio/catalog.js';
import { untilCancelled } from './cancellable.js';
import type { CallHandlers, TaskHandlers } from './types.js';

export const accountHandlers: CallHandlers<'account.status' | 'account.policy' | 'account.disconnect'> = {
  'account.status': async (context, { name }) =>
    (await accountStatus(context.services, name)).map((status) => ({
      name: status.name,
      permissions: status.permissions.map(({ what, action, allowed }) => ({ what, action, allowed })),
    })),
  'account.policy': async () => JSON.stringify(ACCOUNT_POLICY, null, 2),
  'account.disconnect': async (context, { name }) => {
    const removed = await disconnectAccount(context.services, name);
    await context.state.refresh();
    return { name: removed.name };
  },
};

export const accountTaskHandlers: TaskHandlers<'account.connect' | 'account.workspaces'> = {
  'account.connect': async (context, { name, site, credential }, { signal, progress }) => {
    progress({ done: 0, total: 1 });
    const connected = await untilCancelled(
      signal,
      connectAccount(context.services, { name, site, credential }, signal),
    );
    await context.state.refresh();
    progress({ done: 1, total: 1 });
    return {
      name: connected.account.name,
      site: connected.account.site,
      siteAssumed: connected.siteAssumed,
      workspaceCount: connected.workspaceCount,
    };
  },
  'account.workspaces': async (context, { name }, { signal, progress }) => {
    const accounts = chooseAccounts(await context.services.config.read(), name);
    let done = 0;
    progress({ done, total: accounts.length });
    const listed = await untilCancelled(
      signal,
      Promise.all(
        accounts.map((account) =>
          accountWorkspaces(context.services, account.name, signal).then((rows) => {
            progress({ done: (done += 1), total: accounts.length });
            return rows;
          }),
        ),
      ),
    );
    return listed.flat().map((row) => ({
      account: row.account,
      workspaceId: withoutUnsafe(row.workspaceId),
      name: withoutUnsafe(row.name),
      regionId: withoutUnsafe(row.regionId),
      apiHost: row.apiHost === null ? null : withoutUnsafe(row.apiHost),
      accountKeys: row.accountKeys,
      storedKeys: row.storedKeys,
    }));
  },
};
