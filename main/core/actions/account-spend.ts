// What a month cost: each connected account's bill by model, its trend and its balance (where the
// permissions allow), beside what the local gateway counted that month. The CLI and the window
// call this.
import type { UsageFile } from '../gateway/usage-store.js';
import { type UsageReport, usageReport } from '../gateway/usage-report.js';
import type { Services } from '../keys/services.js';
import type { ServiceSite } from '../model-studio/catalog.js';
import {
  type AccountBalance,
  billMonth,
  type MonthBill,
  type MonthTotal,
  readBalance,
  readBill,
  readTrend,
} from '../account/spend.js';
import { accountClient, chooseAccounts } from './account.js';

export interface AccountSpend {
  account: string;
  site: ServiceSite;
  bill: MonthBill;
  /** The months before and this one, oldest first. */
  trend: MonthTotal[];
  balance: AccountBalance;
}

export interface SpendReport {
  /** YYYY-MM. */
  month: string;
  accounts: AccountSpend[];
  /**
   * What the gateway on this computer counted that month, by model: every key's requests and
   * tokens together (the gateway does not know which account a key belongs to).
   */
  gateway: Pick<UsageReport, 'rows' | 'total'>;
}

export interface SpendInput {
  /** One account by name; every one when left out. */
  account?: string | undefined;
  /** YYYY-MM, not after this month; this month when left out. */
  month?: string | undefined;
}

export async function accountSpend(
  services: Services,
  usage: { read(): Promise<UsageFile> },
  input: SpendInput = {},
  signal?: AbortSignal,
): Promise<SpendReport> {
  const month = billMonth(input.month);
  const config = await services.config.read();
  const accounts = chooseAccounts(config, input.account);
  const [spent, counted] = await Promise.all([
    Promise.all(
      accounts.map(async (account): Promise<AccountSpend> => {
        const client = accountClient(services, account);
        const [bill, trend, balance] = await Promise.all([
          readBill(client, account.site, month, signal),
          readTrend(client, account.site, month, signal),
          readBalance(client, account.site, signal),
        ]);
        return { account: account.name, site: account.site, bill, trend, balance };
      }),
    ),
    usage.read(),
  ]);
  // The gateway counts local days: the month's are those that begin with it.
  const inMonth = { ...counted, rows: counted.rows.filter((row) => row.day.startsWith(`${month}-`)) };
  const { rows, total } = usageReport(config, inMonth, 'model', `${month}-01`);
  return { month, accounts: spent, gateway: { rows, total } };
}
