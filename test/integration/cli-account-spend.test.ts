// msk account spend · create-workspace · delete-workspace, as real processes on the real keychain,
// against the imitation of Model Studio's management OpenAPI: the bill read from the site's home
// region (tax, by model, its trend), the balance or the reason it is not shown, the gateway's own
// counts beside it; workspaces created and deleted, and each refusal said plainly with nothing changed.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { accountTestbed } from '../fixtures/account-testbed.js';
import { keychainPart } from '../fixtures/keychain.js';
import type {
  AccessKey,
  FakeModelStudioOpenApi,
  OpenApiAccount,
} from '../fixtures/model-studio-openapi/server.js';
import type { MskHome } from '../fixtures/msk.js';

const keychain = keychainPart();

const monthOf = (at: Date) => `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}`;
const now = new Date();
const thisMonth = monthOf(now);
const lastMonth = monthOf(new Date(now.getFullYear(), now.getMonth() - 1, 1));
const nextMonth = monthOf(new Date(now.getFullYear(), now.getMonth() + 1, 1));

interface SpendJson {
  month: string;
  accounts: {
    account: string;
    site: string;
    bill: {
      month: string;
      currency: string;
      total: number;
      pretax: number;
      tax: number;
      byModel: { model: string; amount: number; share: number }[];
    };
    trend: { month: string; amount: number }[];
    balance: { available: boolean; amount?: number; currency?: string; reason?: string; action?: string };
  }[];
  gateway: {
    rows: { name: string; requests: number; inputTokens: number; outputTokens: number }[];
    total: { requests: number; inputTokens: number; outputTokens: number };
  };
}

describe.runIf(keychain)('msk account spend and workspaces', () => {
  const bed = accountTestbed();
  let openapi: FakeModelStudioOpenApi;
  let home: MskHome;
  beforeAll(() => void ({ openapi } = bed));
  const newHome = () => (home = bed.newHome());

  async function connect(name: string, account: OpenApiAccount, pair: AccessKey = account.accessKey()) {
    const connected = await home.run(
      ['account', 'connect', '--name', name, '--access-key-id', pair.accessKeyId, '--site', account.site],
      { input: `${pair.accessKeySecret}\n` },
    );
    expect(connected.code, connected.stderr).toBe(0);
    openapi.requests.length = 0;
  }

  const requestsOf = (action: string) => openapi.requests.filter((request) => request.action === action);

  /** An account on the China site (6 % tax) that spent this month and the month before. */
  function chinaAccount(): OpenApiAccount {
    const account = openapi.addAccount({ site: 'china' });
    account.addCharges(
      { date: `${thisMonth}-01`, region: 'cn-beijing', model: 'qwen-plus', amount: 100 },
      { date: `${thisMonth}-01`, region: 'cn-beijing', model: 'qwen-max', amount: 50 },
      { date: `${lastMonth}-15`, region: 'cn-beijing', model: 'qwen-plus', amount: 30 },
    );
    account.balance = { available: 1234.5, cash: 1000, credit: 234.5, mybankCredit: 0, quotaLimit: 0 };
    return account;
  }

  it("reads this month's bill from the home region, by model, with its trend, the balance and the gateway's counts", async () => {
    newHome();
    await connect('work', chinaAccount());
    // The gateway counted two models this month and one the month before (not this month's).
    writeFileSync(
      path.join(home.directory, 'usage.json'),
      JSON.stringify({
        schemaVersion: 1,
        rows: [
          {
            day: `${thisMonth}-01`,
            tool: 'cursor',
            keyId: 'k1',
            model: 'qwen-plus',
            requests: 3,
            failedOver: 0,
            inputTokens: 300,
            outputTokens: 30,
          },
          {
            day: `${thisMonth}-01`,
            tool: 'cline',
            keyId: 'k2',
            model: 'qwen-max',
            requests: 2,
            failedOver: 0,
            inputTokens: 200,
            outputTokens: 20,
          },
          {
            day: `${lastMonth}-15`,
            tool: 'cursor',
            keyId: 'k1',
            model: 'qwen-plus',
            requests: 7,
            failedOver: 0,
            inputTokens: 700,
            outputTokens: 70,
          },
        ],
        lastUsed: {},
      }),
      { mode: 0o600 },
    );

    const spent = await home.run(['account', 'spend', '--json']);
    expect(spent.code, spent.stderr).toBe(0);
    const report = JSON.parse(spent.stdout) as SpendJson;
    expect(report.month).toBe(thisMonth);
    const [work] = report.accounts;
    expect(work).toMatchObject({
      account: 'work',
      site: 'china',
      bill: { month: thisMonth, currency: 'CNY', total: 159, pretax: 150, tax: 9 },
      balance: { available: true, amount: 1234.5, currency: 'CNY' },
    });
    expect(work?.bill.byModel.map(({ model, amount }) => [model, amount])).toEqual([
      ['qwen-plus', 106],
      ['qwen-max', 53],
    ]);
    expect(work?.bill.byModel[0]?.share).toBeCloseTo(2 / 3, 5);
    // Six months before and this one, oldest first; last month's 30 taxed.
    expect(work?.trend).toHaveLength(7);
    expect(work?.trend.at(-1)).toEqual({ month: thisMonth, amount: 159 });
    expect(work?.trend.at(-2)).toEqual({ month: lastMonth, amount: 31.8 });
    expect(report.gateway.total).toMatchObject({ requests: 5, inputTokens: 500, outputTokens: 50 });
    expect(report.gateway.rows.map((row) => row.name).sort()).toEqual(['qwen-max', 'qwen-plus']);

    // The bill and the trend were asked of the China site's home region only; the balance of BSS.
    for (const action of ['GetBillingOverview', 'GetBillingTrend'])
      expect(requestsOf(action).map((request) => request.service)).toEqual(['cn-beijing']);
    expect(requestsOf('QueryAccountBalance').map((request) => request.service)).toEqual(['bss']);

    const text = await home.run(['account', 'spend', '--by', 'model']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`work (China site (aliyun.com)), ${thisMonth}\n`);
    expect(text.stdout).toContain('  total ¥159.00 (¥150.00 before tax, tax ¥9.00)\n');
    expect(text.stdout).toMatch(
      /^ {2}MODEL\s+AMOUNT\s+SHARE\n {2}qwen-plus\s+¥106\.00\s+67%\n {2}qwen-max\s+¥53\.00\s+33%$/m,
    );
    expect(text.stdout).toMatch(new RegExp(`^ {4}${thisMonth}\\s+¥159\\.00\\s+█{24}$`, 'm'));
    expect(text.stdout).toContain('  balance ¥1234.50 available\n');
    expect(text.stdout).toMatch(/Gateway here, .*: 5 requests, 500 input and 50 output tokens/);

    // Without --by: no table.
    const short = await home.run(['account', 'spend']);
    expect(short.stdout).not.toContain('MODEL');
  });

  it('reads a month given, and refuses a month that is none or has not come', async () => {
    newHome();
    await connect('work', chinaAccount());
    const given = await home.run(['account', 'spend', '--month', lastMonth, '--json']);
    expect(given.code, given.stderr).toBe(0);
    const report = JSON.parse(given.stdout) as SpendJson;
    expect(report.accounts[0]?.bill).toMatchObject({ month: lastMonth, total: 31.8, pretax: 30 });
    expect(report.accounts[0]?.trend.at(-1)).toEqual({ month: lastMonth, amount: 31.8 });
    expect(requestsOf('GetBillingOverview')[0]?.query.billMonth).toBe(lastMonth);

    openapi.requests.length = 0;
    for (const [month, line] of [
      ['2026-13', /^msk: A month is written YYYY-MM \(e\.g\. \d{4}-\d{2}\), not '2026-13'\.\n$/],
      ['last month', /^msk: A month is written YYYY-MM/],
      [nextMonth, new RegExp(`^msk: ${nextMonth} has not come yet: there is no bill for it\\.\\n$`)],
    ] as const) {
      const refused = await home.run(['account', 'spend', '--month', month]);
      expect(refused.code, month).toBe(1);
      expect(refused.stderr, month).toMatch(line);
    }
    expect(openapi.requests).toHaveLength(0);
  });

  it('says why the balance is not shown when BSS is denied, reads the international bill in Singapore, and status tells', async () => {
    newHome();
    const account = openapi.addAccount({ site: 'international' });
    account.addCharges({
      date: `${thisMonth}-01`,
      region: 'ap-southeast-1',
      model: 'qwen-plus',
      amount: 3.5,
    });
    await connect(
      'intl',
      account,
      account.accessKey({ ramUser: 'reader', deny: ['bssapi:QueryAccountBalance'] }),
    );

    const spent = await home.run(['account', 'spend', '--json']);
    expect(spent.code, spent.stderr).toBe(0);
    const [intl] = (JSON.parse(spent.stdout) as SpendJson).accounts;
    expect(intl?.bill).toMatchObject({ currency: 'USD', total: 3.5, tax: 0 });
    expect(intl?.balance).toEqual({
      available: false,
      reason: 'permission',
      action: 'bssapi:QueryAccountBalance',
    });
    expect(requestsOf('GetBillingOverview').map((request) => request.service)).toEqual(['ap-southeast-1']);
    expect(requestsOf('QueryAccountBalance')).toEqual([expect.objectContaining({ status: 403 })]);

    const text = await home.run(['account', 'spend']);
    expect(text.stdout).toContain('  total $3.50 ($3.50 before tax, tax $0.00)\n');
    expect(text.stdout).toContain(
      '  balance not shown: the AccessKey may not call bssapi:QueryAccountBalance\n',
    );
    expect(text.stderr).toMatch(/AliyunBSSReadOnlyAccess/);

    openapi.requests.length = 0;
    const status = await home.run(['account', 'status', '--json']);
    expect(status.code, status.stderr).toBe(0);
    const [checked] = JSON.parse(status.stdout) as {
      permissions: { what: string; action: string; allowed: boolean; reason: string | null }[];
      policy: { Statement: { Action: string[] }[] };
    }[];
    expect(checked?.permissions).toEqual([
      expect.objectContaining({ what: 'workspaces', allowed: true, reason: null }),
      expect.objectContaining({ what: 'keys', allowed: true }),
      expect.objectContaining({ what: 'spend', allowed: true }),
      expect.objectContaining({
        what: 'balance',
        action: 'bssapi:QueryAccountBalance',
        allowed: false,
        reason: 'permission',
      }),
    ]);
    expect(checked?.policy.Statement[0]?.Action).toEqual(
      expect.arrayContaining([
        'modelstudio:CreateWorkspace',
        'modelstudio:DeleteWorkspace',
        'bssapi:QueryAccountBalance',
      ]),
    );
    // Probed in the site's home region.
    expect(
      new Set(
        openapi.requests.filter((request) => request.service !== 'bss').map((request) => request.service),
      ),
    ).toEqual(new Set(['ap-southeast-1']));
  });

  it('reports each account when several are connected, or the one named', async () => {
    newHome();
    await connect('china', chinaAccount());
    const international = openapi.addAccount({ site: 'international' });
    international.addCharges({ date: `${thisMonth}-01`, region: 'us-east-1', model: 'qwen-max', amount: 2 });
    await connect('intl', international);

    const all = JSON.parse((await home.run(['account', 'spend', '--json'])).stdout) as SpendJson;
    expect(all.accounts.map(({ account, bill }) => [account, bill.currency, bill.total])).toEqual([
      ['china', 'CNY', 159],
      ['intl', 'USD', 2],
    ]);
    const one = JSON.parse(
      (await home.run(['account', 'spend', '--account', 'intl', '--json'])).stdout,
    ) as SpendJson;
    expect(one.accounts.map(({ account }) => account)).toEqual(['intl']);
    const text = await home.run(['account', 'spend']);
    expect(text.stdout).toMatch(/^china \(China site.*\n(.*\n)*intl \(International site/m);
  });

  it('creates a workspace in the home region or a region of its site, and refuses a bad name or region', async () => {
    newHome();
    const account = openapi.addAccount({ site: 'international' });
    await connect('intl', account);

    const created = await home.run(['account', 'create-workspace', '--name', 'team a', '--json']);
    expect(created.code, created.stderr).toBe(0);
    const workspace = JSON.parse(created.stdout) as { workspaceId: string; regionId: string; name: string };
    expect(workspace).toMatchObject({ account: 'intl', name: 'team a', regionId: 'ap-southeast-1' });
    expect(account.workspaces('ap-southeast-1').map((found) => found.workspaceId)).toContain(
      workspace.workspaceId,
    );

    const elsewhere = await home.run(['account', 'create-workspace', '--name', 'team b', '--region', 'us']);
    expect(elsewhere.code, elsewhere.stderr).toBe(0);
    expect(account.workspaces('us-east-1').map((found) => found.workspaceName)).toContain('team b');

    openapi.requests.length = 0;
    const tooLong = await home.run(['account', 'create-workspace', '--name', 'x'.repeat(65)]);
    expect(tooLong).toMatchObject({
      code: 1,
      stderr: 'msk: A workspace name is 1 to 64 characters, on one line.\n',
    });
    const china = await home.run([
      'account',
      'create-workspace',
      '--name',
      'team c',
      '--region',
      'cn-beijing',
    ]);
    expect(china.code).toBe(1);
    expect(china.stderr).toMatch(
      /^msk: International site \(alibabacloud\.com\) creates workspaces in cn-hongkong, ap-southeast-1, us-east-1, eu-central-1, not in 'cn-beijing'\.\n$/,
    );
    expect(requestsOf('CreateWorkspace')).toHaveLength(0);
  });

  it('deletes a workspace by name or id, and says plainly why the default one, one with keys, or none cannot go', async () => {
    newHome();
    const account = openapi.addAccount({ site: 'international' });
    const [empty, withKeys] = account.seed('ap-southeast-1', { workspaces: 2, keysPerWorkspace: 0 });
    if (!empty || !withKeys) throw new Error('seeded');
    account.addApiKey(withKeys);
    await connect('intl', account);

    const gone = await home.run(['account', 'delete-workspace', empty.workspaceName, '--yes', '--json']);
    expect(gone.code, gone.stderr).toBe(0);
    expect(JSON.parse(gone.stdout)).toMatchObject({ deleted: true, workspaceId: empty.workspaceId });
    expect(account.findWorkspace('ap-southeast-1', empty.workspaceId)).toBeUndefined();

    const cases = [
      {
        args: [withKeys.workspaceId],
        line: `msk: '${withKeys.workspaceName}' still holds API keys: Alibaba Cloud deletes a workspace only once its keys are gone.\n`,
      },
      {
        args: ['default', '--region', 'singapore'],
        line: "msk: 'default' is the default workspace of ap-southeast-1: Alibaba Cloud does not delete it.\n",
      },
      {
        args: ['no-such-workspace'],
        line: "msk: The account has no workspace 'no-such-workspace'; nothing was changed; 'msk account workspaces' lists them.\n",
      },
      {
        args: ['default'],
        line: "msk: Several workspaces are named 'default' (in cn-beijing, cn-hongkong, ap-southeast-1, us-east-1, eu-central-1): name one by its id, or its region.\n",
      },
    ];
    for (const { args, line } of cases) {
      openapi.requests.length = 0;
      const refused = await home.run(['account', 'delete-workspace', ...args, '--yes']);
      expect(refused, args.join(' ')).toMatchObject({ code: 1, stderr: line });
    }
    expect(account.findWorkspace('ap-southeast-1', withKeys.workspaceId)).toBeDefined();
    expect(account.workspaces('ap-southeast-1').some((found) => found.isDefault)).toBe(true);

    // Not confirmed, not a terminal: nothing is deleted.
    openapi.requests.length = 0;
    const unconfirmed = await home.run(['account', 'delete-workspace', withKeys.workspaceId]);
    expect(unconfirmed.stderr).toMatch(/without confirmation: pass --yes/);
    expect(requestsOf('DeleteWorkspace')).toHaveLength(0);
  });

  it('lists workspaces when the keys may not be listed: their counts unknown, not an error', async () => {
    newHome();
    const account = openapi.addAccount({ site: 'china' });
    await connect('work', account, account.accessKey({ ramUser: 'few', deny: ['modelstudio:ListApiKeys'] }));
    const listed = await home.run(['account', 'workspaces', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    const rows = JSON.parse(listed.stdout) as { accountKeys: number | null }[];
    expect(rows).toHaveLength(5);
    expect(rows.every((row) => row.accountKeys === null)).toBe(true);
    const table = await home.run(['account', 'workspaces']);
    expect(table.stdout.split('\n')[1]).toMatch(/\s—\s+0$/);
  });
});
