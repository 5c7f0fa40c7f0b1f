// `npm run bench`: what listing an account's keys costs — 200 keys in 10 workspaces (and the
// default workspace of each of the five regions) read from the management API's imitation, each
// answer delayed as a far service's would be. Budgets: one request a page (the requests counted at
// the imitation), and the workspaces asked at once: the whole listing within about two round
// trips (the workspaces of every region at once, then the keys of every workspace at once), where
// asking them one after another would take sixteen or more.
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { connectAccount } from '../../main/core/actions/account.js';
import { accountKeys } from '../../main/core/actions/account-keys.js';
import { createServices, type Services } from '../../main/core/keys/services.js';
import { MANAGEMENT_API } from '../../main/core/model-studio/catalog.js';
import { MemorySecretStore } from '../fixtures/memory-secret-store.js';
import {
  type FakeModelStudioOpenApi,
  startModelStudioOpenApi,
} from '../fixtures/model-studio-openapi/server.js';
import { describeSamples, recordFigures } from './figures.js';

const WORKSPACES = 10;
const KEYS_PER_WORKSPACE = 20;
/** A round trip to a management host far away. */
const ROUND_TRIP_MS = 80;
/** Two round trips, and a third for signing twenty calls and parsing their answers on a shared machine. */
const BUDGET_ROUND_TRIPS = 3;
/** The pages there are: each region's workspaces, and each workspace's keys (the default ones too), fit one. */
const PAGES = MANAGEMENT_API.regions.length + WORKSPACES + MANAGEMENT_API.regions.length;

const home = mkdtempSync(path.join(os.tmpdir(), 'msk-bench-account-'));
let openapi: FakeModelStudioOpenApi;
let services: Services;
const listing: number[] = [];
const requestsPerListing: number[] = [];

beforeAll(async () => {
  openapi = await startModelStudioOpenApi();
  const account = openapi.addAccount();
  account.seed('ap-southeast-1', { workspaces: WORKSPACES, keysPerWorkspace: KEYS_PER_WORKSPACE });
  services = createServices(
    {
      dataDirectory: home,
      keychainService: 'unused',
      endpointOverrides: {},
      openApiEndpoints: openapi.overrides,
    },
    new MemorySecretStore(),
  );
  const { accessKeyId, accessKeySecret } = account.accessKey();
  await connectAccount(services, {
    credential: { kind: 'access-key', accessKeyId, accessKeySecret },
    site: 'international',
  });
  openapi.latencyMs = ROUND_TRIP_MS;
});

describe(`account: ${WORKSPACES * KEYS_PER_WORKSPACE} keys in ${WORKSPACES} workspaces`, () => {
  bench(
    'msk account keys',
    async () => {
      openapi.requests.length = 0;
      const started = performance.now();
      const { keys } = await accountKeys(services);
      listing.push(performance.now() - started);
      if (keys.length !== WORKSPACES * KEYS_PER_WORKSPACE) throw new Error(`${keys.length} keys listed`);
      requestsPerListing.push(openapi.requests.length);
    },
    { iterations: 12, warmupIterations: 2, time: 0 },
  );
});

afterAll(async () => {
  await openapi.close();
  rmSync(home, { recursive: true, force: true });
  const inRoundTrips = listing.map((ms) => ms / ROUND_TRIP_MS);
  const extra = requestsPerListing.map((requests) => requests - PAGES);
  console.log(
    `\naccount: listing ${WORKSPACES * KEYS_PER_WORKSPACE} keys: median ${describeSamples(inRoundTrips).median.toFixed(2)} round trips of ${ROUND_TRIP_MS} ms (budget ≤ ${BUDGET_ROUND_TRIPS}); requests beyond one a page: ${Math.max(...extra)}\n`,
  );
  recordFigures('account-keys', [
    {
      section: 'Account',
      name: `List ${WORKSPACES * KEYS_PER_WORKSPACE} keys in ${WORKSPACES} workspaces (msk account keys), in round trips`,
      unit: '×',
      ...describeSamples(inRoundTrips),
      budget: BUDGET_ROUND_TRIPS,
      note: `every answer ${ROUND_TRIP_MS} ms late; the workspaces of every region, then the keys of every workspace, each asked at once: 2 round trips (one after another: ${PAGES})`,
    },
    {
      section: 'Account',
      name: 'Requests beyond one a page while listing',
      unit: 'count',
      median: Math.max(...extra),
      samples: extra.length,
      budget: 0,
      note: 'counted at the imitation: ListWorkspaces once a region, ListApiKeys once a workspace',
    },
  ]);
});
