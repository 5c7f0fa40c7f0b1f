// msk account spend — a month's bill of each connected account (total, tax, by model), its trend,
// the balance or why it cannot be read, and what the local gateway counted that month.
import type { Command } from 'commander';
import { Option } from 'commander';
import type { AccountSpend, SpendReport } from '../../core/actions/account-spend.js';
import { MANAGEMENT_API } from '../../core/model-studio/catalog.js';
import { formatMoney } from '../../shared/i18n/cost.js';
import { core } from '../context.js';
import { print, printJson, say, table } from '../output.js';

/** How wide the trend's longest bar is, in characters. */
const BAR_WIDTH = 24;

interface SpendOptions {
  account?: string;
  month?: string;
  by?: 'model';
  json?: boolean;
}

export function registerAccountSpendCommand(account: Command): void {
  account
    .command('spend')
    .description(
      "a month's bill (total, tax, by model) and its trend, the balance where the permissions allow, beside the gateway's own counts",
    )
    .option('--account <name>', 'one account (default: every one)')
    .option('--month <YYYY-MM>', 'the month (default: this one)')
    .addOption(
      new Option('--by <group>', 'a table by model, of the bill and of the gateway').choices(['model']),
    )
    .option('--json', 'print JSON')
    .action(async (options: SpendOptions) => {
      const [{ accountSpend }, { UsageStore }, services] = await Promise.all([
        import('../../core/actions/account-spend.js'),
        import('../../core/gateway/usage-store.js'),
        core(),
      ]);
      const usage = new UsageStore(services.environment.dataDirectory);
      const report = await accountSpend(services, usage, { account: options.account, month: options.month });
      if (options.json) return printJson(report);
      for (const spent of report.accounts) printAccount(spent, options.by === 'model');
      printGateway(report, options.by === 'model');
    });
}

function printAccount(spent: AccountSpend, byModel: boolean): void {
  const { bill, trend, balance } = spent;
  const money = (amount: number) => formatMoney(bill.currency, amount);
  print(`${spent.account} (${MANAGEMENT_API.sites[spent.site].name}), ${bill.month}`);
  print(`  total ${money(bill.total)} (${money(bill.pretax)} before tax, tax ${money(bill.tax)})`);
  if (byModel && bill.byModel.length > 0)
    print(
      indent(
        table(
          ['MODEL', 'AMOUNT', 'SHARE'],
          bill.byModel.map((row) => [
            row.model || '(other)',
            money(row.amount),
            `${Math.round(row.share * 100)}%`,
          ]),
        ),
      ),
    );
  const largest = Math.max(0, ...trend.map((month) => month.amount));
  if (trend.length > 0) print('  trend');
  for (const month of trend) {
    const bar = largest > 0 ? '█'.repeat(Math.round((Math.max(0, month.amount) / largest) * BAR_WIDTH)) : '';
    print(`    ${month.month}  ${money(month.amount).padStart(12)}  ${bar}`.trimEnd());
  }
  print(
    balance.available
      ? `  balance ${formatMoney(balance.currency, balance.amount)} available`
      : `  balance not shown: ${balance.reason === 'permission' ? `the AccessKey may not call ${balance.action}` : balance.reason}`,
  );
}

function printGateway(report: SpendReport, byModel: boolean): void {
  const { total, rows } = report.gateway;
  print(
    `Gateway here, ${report.month} (every key's, of any account): ${total.requests} request${total.requests === 1 ? '' : 's'}, ${total.inputTokens} input and ${total.outputTokens} output tokens`,
  );
  if (byModel && rows.length > 0)
    print(
      indent(
        table(
          ['MODEL', 'REQUESTS', 'INPUT TOKENS', 'OUTPUT TOKENS'],
          rows.map((row) => [
            row.name || '(other)',
            String(row.requests),
            String(row.inputTokens),
            String(row.outputTokens),
          ]),
        ),
      ),
    );
  if (report.accounts.some((spent) => !spent.balance.available && spent.balance.reason === 'permission'))
    say(
      'A balance needs bssapi:QueryAccountBalance (the AliyunBSSReadOnlyAccess policy holds it); the bill is read without it.',
    );
}

const indent = (text: string): string =>
  text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
