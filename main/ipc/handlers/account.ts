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
import { accountSpend, type SpendReport } from '../../core/actions/account-spend.js';
import { withoutUnsafe } from '../../core/base/one-line.js';
import { errorOf } from '../error-of.js';
import { ACCOUNT_POLICY } from '../../core/model-studio/catalog.js';
import { untilCancelled } from './cancellable.js';
import type { AccountRecord } from '../../core/config/config-schema.js';
import type { AppContext } from '../context.js';
import type { CallHandlers, TaskControls, TaskHandlers } from './types.js';

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

export const accountTaskHandlers: TaskHandlers<'account.connect' | 'account.workspaces' | 'account.spend'> = {
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
  'account.workspaces': async (context, { name }, controls) => {
    const listed = await eachAccount(context, name, controls, (account) =>
      accountWorkspaces(context.services, account.name, controls.signal),
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
  // Each account on its own: one without the bill's permission does not hide the others'.
  'account.spend': async (context, { name, month }, controls) => {
    const reports = await eachAccount(context, name, controls, (account) =>
      accountSpend(
        context.services,
        context.gatewayUsage,
        { account: account.name, month },
        controls.signal,
      ).then(
        (report) => ({ account: account.name, report }),
        (error: unknown) => ({ account: account.name, error: errorOf(error) }),
      ),
    );
    const read = reports.flatMap((entry) => ('report' in entry ? [entry.report] : []));
    return {
      month: read[0]?.month ?? month ?? '',
      accounts: reports.map((entry) =>
        'report' in entry
          ? { ...spendOf(entry.report), error: null }
          : { account: entry.account, error: entry.error },
      ),
      gateway: read[0] ? gatewayCounts(read[0].gateway) : null,
    };
  },
};

/**
 * `work` for the account named, or each connected one, all at once; progress is how many have
 * answered, and a cancel is heard at once.
 */
async function eachAccount<T>(
  context: AppContext,
  name: string | undefined,
  { signal, progress }: TaskControls<{ done: number; total: number }>,
  work: (account: AccountRecord) => Promise<T>,
): Promise<T[]> {
  const accounts = chooseAccounts(await context.services.config.read(), name);
  let done = 0;
  progress({ done, total: accounts.length });
  return untilCancelled(
    signal,
    Promise.all(
      accounts.map((account) =>
        work(account).finally(() => progress({ done: (done += 1), total: accounts.length })),
      ),
    ),
  );
}

/** The one account a per-account report holds. */
function spendOf(report: SpendReport) {
  const [spent] = report.accounts;
  if (!spent) throw new Error('a spend report without its account');
  return spent;
}

const counts = ({ requests, inputTokens, outputTokens, cost }: SpendReport['gateway']['total']) => ({
  requests,
  inputTokens,
  outputTokens,
  cost,
});

const gatewayCounts = (gateway: SpendReport['gateway']) => ({
  rows: gateway.rows.map((row) => ({ name: row.name, ...counts(row) })),
  total: counts(gateway.total),
});
