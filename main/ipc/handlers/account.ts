// account.*: the window's Account view, through the same use cases as `msk account`. The secret
// given to connect goes to the core and no further; what comes back names accounts, never a
// credential. What the service names is cleaned where it is read (core/account), once.
import {
  accountStatus,
  accountWorkspaces,
  chooseAccounts,
  connectAccount,
  disconnectAccount,
} from '../../core/actions/account.js';
import {
  accountKeys,
  createAccountKey,
  deleteAccountKey,
  findAccountKey,
  rotateAccountKey,
  setAccountKeyEnabled,
} from '../../core/actions/account-keys.js';
import { accountSpend, type SpendReport } from '../../core/actions/account-spend.js';
import {
  createAccountWorkspace,
  deleteAccountWorkspace,
  findAccountWorkspace,
} from '../../core/actions/account-workspaces.js';
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

export const accountTaskHandlers: TaskHandlers<
  | 'account.connect'
  | 'account.workspaces'
  | 'account.spend'
  | 'account.keys'
  | 'account.createKey'
  | 'account.rotateKey'
  | 'account.setKeyEnabled'
  | 'account.deleteKey'
  | 'account.createWorkspace'
  | 'account.deleteWorkspace'
> = {
  'account.connect': async (context, { name, site, credential }, { signal, progress }) => {
    const connected = await oneStep(context, progress, () =>
      untilCancelled(signal, connectAccount(context.services, { name, site, credential }, signal)),
    );
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
      workspaceId: row.workspaceId,
      name: row.name,
      regionId: row.regionId,
      apiHost: row.apiHost,
      accountKeys: row.accountKeys,
      storedKeys: row.storedKeys,
    }));
  },
  'account.keys': async (context, { name }, controls) => {
    const listings = await eachAccount(context, name, controls, (account) =>
      accountKeys(context.services, { account: account.name }, controls.signal),
    );
    return {
      keys: listings.flatMap((listing) => listing.keys),
      gone: listings.flatMap((listing) => listing.gone),
    };
  },
  // A change is never given up half-way: a cancel stops it only before the service is asked to
  // make it (the signal), and what the service did is always answered (a value shown once).
  'account.createKey': async (context, { account, workspace, regionId, ...scope }, { signal, progress }) => {
    const created = await oneStep(context, progress, () =>
      createAccountKey(context.services, { account, workspace, region: regionId, ...scope }, { signal }),
    );
    return {
      keyId: created.record.id,
      label: created.record.label,
      apiKeyId: created.apiKeyId,
      check: created.check && { status: created.check.status, message: created.check.message },
    };
  },
  'account.rotateKey': async (context, { account, reference, label }, { signal, progress }) => {
    const { located, rotated } = await oneStep(context, progress, async () => {
      const located = await findAccountKey(context.services, reference, { account }, signal);
      return { located, rotated: await rotateAccountKey(context.services, located, { label, signal }) };
    });
    return {
      apiKeyId: located.key.apiKeyId,
      stored: rotated.stored,
      keyId: rotated.record?.id ?? null,
      label: rotated.record?.label ?? null,
      shownOnce: rotated.shownOnce,
      keychainError: rotated.keychainError,
    };
  },
  'account.setKeyEnabled': async (context, { account, reference, enabled }, { signal, progress }) => {
    const located = await oneStep(context, progress, async () => {
      const located = await findAccountKey(context.services, reference, { account }, signal);
      await setAccountKeyEnabled(context.services, located, enabled, signal);
      return located;
    });
    return { apiKeyId: located.key.apiKeyId, enabled };
  },
  'account.deleteKey': async (context, { account, reference, forget }, { signal, progress }) => {
    const { located, forgotten } = await oneStep(context, progress, async () => {
      const located = await findAccountKey(context.services, reference, { account }, signal);
      return { located, ...(await deleteAccountKey(context.services, located, { forget, signal })) };
    });
    return { apiKeyId: located.key.apiKeyId, forgotten: forgotten?.label ?? null };
  },
  'account.createWorkspace': async (context, { account, name, regionId }, { signal, progress }) => {
    const created = await oneStep(context, progress, () =>
      createAccountWorkspace(context.services, { account, name, regionId }, signal),
    );
    return {
      account: created.account,
      workspaceId: created.workspace.workspaceId,
      name: created.workspace.name,
      regionId: created.workspace.regionId,
    };
  },
  'account.deleteWorkspace': async (context, { account, workspaceId, regionId }, { signal, progress }) => {
    await oneStep(context, progress, async () =>
      deleteAccountWorkspace(
        context.services,
        await findAccountWorkspace(context.services, { account, ref: workspaceId, regionId }, signal),
        signal,
      ),
    );
    return { workspaceId };
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
 * One change (or connect) as a task of one step: its progress, the work, and the views told of
 * what it changed before the answer goes back.
 */
async function oneStep<T>(
  context: AppContext,
  progress: (step: { done: number; total: number }) => void,
  work: () => Promise<T>,
): Promise<T> {
  progress({ done: 0, total: 1 });
  const done = await work();
  await context.state.refresh();
  progress({ done: 1, total: 1 });
  return done;
}

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
