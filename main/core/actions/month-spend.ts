// This month's bill across the connected accounts, for the tray's spend line: read when the app
// starts and whenever the connected accounts change, then every hour (a bill moves slowly, and
// each read is a signed call per account). An account whose bill cannot be read (no permission,
// the network) is left out; with none read there is no line at all.
import type { Services } from '../keys/services.js';
import { billMonth, readBill } from '../account/spend.js';
import { accountClient } from './account.js';

export const SPEND_REFRESH_MS = 60 * 60 * 1000;

export interface MonthSpendTotal {
  /** YYYY-MM. */
  month: string;
  /** Tax included, per currency: an account of each site bills in its own. */
  cost: Record<string, number>;
}

export class MonthSpend {
  private timer: ReturnType<typeof setInterval> | undefined;
  /** The accounts the last read was of (their ids): a change of them is worth a read at once. */
  private readOf: string | undefined;
  private reading: Promise<MonthSpendTotal | null> | undefined;

  constructor(
    private readonly services: Services,
    private readonly onChange: (total: MonthSpendTotal | null) => void,
    private readonly intervalMs = SPEND_REFRESH_MS,
  ) {}

  /** Reads now if the connected accounts are not those last read, then every interval. */
  start(): void {
    this.timer ??= setInterval(() => void this.refresh().catch(() => undefined), this.intervalMs);
    this.timer.unref?.();
    void this.follow();
  }

  /** No more reads; resolves once a read under way has ended. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.reading?.catch(() => undefined);
  }

  /** After any change of the data file: reads again only when the connected accounts changed. */
  async follow(): Promise<void> {
    const config = await this.services.config.read().catch(() => undefined);
    if (!config) return;
    const accounts = config.accounts.map((account) => account.id).join(' ');
    if (accounts === this.readOf) return;
    await this.refresh().catch(() => undefined);
  }

  /** Reads every account's bill of this month now; one read at a time. */
  refresh(): Promise<MonthSpendTotal | null> {
    this.reading ??= this.read().finally(() => (this.reading = undefined));
    return this.reading;
  }

  private async read(): Promise<MonthSpendTotal | null> {
    const { accounts } = await this.services.config.read();
    const month = billMonth(undefined);
    const bills = await Promise.all(
      accounts.map((account) =>
        readBill(accountClient(this.services, account), account.site, month).catch(() => undefined),
      ),
    );
    this.readOf = accounts.map((account) => account.id).join(' ');
    const cost: MonthSpendTotal['cost'] = {};
    let read = false;
    for (const bill of bills) {
      if (!bill) continue;
      read = true;
      cost[bill.currency] = (cost[bill.currency] ?? 0) + bill.total;
    }
    const total = read ? { month, cost } : null;
    this.onChange(total);
    return total;
  }
}
