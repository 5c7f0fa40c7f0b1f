// The tray's spend line, as the app keeps it: this month's bill of every connected account read
// from the management API's imitation over real HTTP (signed by the real library), summed per
// currency, read again when the accounts change and on its interval, an account whose bill
// cannot be read left out, and nothing at all when none can be.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectAccount } from '../../main/core/actions/account.js';
import { MonthSpend, type MonthSpendTotal } from '../../main/core/actions/month-spend.js';
import { createServices, type Services } from '../../main/core/keys/services.js';
import { MemorySecretStore } from '../fixtures/memory-secret-store.js';
import {
  type FakeModelStudioOpenApi,
  type OpenApiAccount,
  startModelStudioOpenApi,
} from '../fixtures/model-studio-openapi/server.js';
import { useTempDirectory } from '../fixtures/temp-directory.js';

const monthOf = (at: Date) => `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}`;
const thisMonth = monthOf(new Date());

let openapi: FakeModelStudioOpenApi;
beforeAll(async () => {
  openapi = await startModelStudioOpenApi();
});
afterAll(() => openapi.close());
const directory = useTempDirectory();

function servicesHere(): Services {
  return createServices(
    {
      dataDirectory: directory(),
      keychainService: 'unused',
      endpointOverrides: {},
      openApiEndpoints: openapi.overrides,
    },
    new MemorySecretStore(),
  );
}

async function connect(services: Services, account: OpenApiAccount, name: string, deny: string[] = []) {
  const { accessKeyId, accessKeySecret } = account.accessKey({ ramUser: 'msk', deny });
  await connectAccount(services, {
    name,
    site: account.site,
    credential: { kind: 'access-key', accessKeyId, accessKeySecret },
  });
}

/** A MonthSpend whose every report is kept, the last one first at hand. */
function watched(services: Services, intervalMs?: number) {
  const reports: (MonthSpendTotal | null)[] = [];
  const spend = new MonthSpend(services, (total) => reports.push(total), intervalMs);
  return { spend, reports, last: () => reports.at(-1) };
}

const billReads = () => openapi.requests.filter((request) => request.action === 'GetBillingOverview').length;

describe('MonthSpend', () => {
  it('is nothing without an account, then this month’s bill of each account summed per currency', async () => {
    const services = servicesHere();
    const { spend, reports, last } = watched(services);
    await spend.follow();
    expect(reports).toEqual([null]);

    const china = openapi.addAccount({ site: 'china' });
    china.addCharges({ date: `${thisMonth}-01`, region: 'cn-beijing', model: 'qwen-plus', amount: 100 });
    const international = openapi.addAccount({ site: 'international' });
    international.addCharges({
      date: `${thisMonth}-01`,
      region: 'ap-southeast-1',
      model: 'qwen-max',
      amount: 2,
    });
    await connect(services, china, 'work');
    await connect(services, international, 'personal');
    await spend.follow();
    // 6 % tax on the China site, none on the international one.
    expect(last()).toEqual({ month: thisMonth, cost: { CNY: 106, USD: 2 } });

    // The same accounts: nothing is asked again until the interval.
    const asked = billReads();
    await spend.follow();
    expect(billReads()).toBe(asked);
  });

  it('leaves out an account whose bill may not be read, and shows nothing when no bill can be', async () => {
    const services = servicesHere();
    const { spend, last } = watched(services);
    const denied = openapi.addAccount({ site: 'china' });
    denied.addCharges({ date: `${thisMonth}-01`, region: 'cn-beijing', model: 'qwen-plus', amount: 10 });
    await connect(services, denied, 'reader', ['modelstudio:GetBillingOverview']);
    await spend.follow();
    expect(last()).toBeNull();

    const allowed = openapi.addAccount({ site: 'international' });
    allowed.addCharges({ date: `${thisMonth}-01`, region: 'ap-southeast-1', model: 'qwen-max', amount: 3.5 });
    await connect(services, allowed, 'work');
    await spend.follow();
    expect(last()).toEqual({ month: thisMonth, cost: { USD: 3.5 } });
  });

  it('reads again on its interval, and stops when told', async () => {
    const services = servicesHere();
    const account = openapi.addAccount({ site: 'international' });
    await connect(services, account, 'work');
    const { spend, last } = watched(services, 50);
    spend.start();
    await vi.waitFor(() => expect(last()).toEqual({ month: thisMonth, cost: { USD: 0 } }));
    account.addCharges({ date: `${thisMonth}-01`, region: 'ap-southeast-1', model: 'qwen-max', amount: 7 });
    await vi.waitFor(() => expect(last()).toEqual({ month: thisMonth, cost: { USD: 7 } }));
    await spend.stop();
    const asked = billReads();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(billReads()).toBe(asked);
  });
});
