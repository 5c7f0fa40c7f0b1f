// `npm run bench`: checkAll of 200 keys against the local imitation answering after 50 ms.
// Target: wall time ≤ 1.3 × the ideal ceil(200 / concurrency) × 50 ms, and no more TCP
// connections than the concurrency (keep-alive reuses them).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { Checks } from '../../main/core/calls/key-checks.js';
import { createServices } from '../../main/core/keys/services.js';
import { startModelStudio } from '../fixtures/model-studio-server.js';
import { MemorySecretStore } from '../fixtures/memory-secret-store.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { describeSamples, recordFigures } from './figures.js';

const KEYS = 200;
const LATENCY_MS = 50;
const CONCURRENCY = 4;
const IDEAL_MS = Math.ceil(KEYS / CONCURRENCY) * LATENCY_MS;

const server = await startModelStudio();
const home = mkdtempSync(path.join(os.tmpdir(), 'msk-bench-'));
const services = createServices(
  { dataDirectory: home, keychainService: 'unused', endpointOverrides: server.overrides },
  new MemorySecretStore(),
);
for (let index = 0; index < KEYS; index++) {
  const secret = fakeKey();
  server.addKey('ap-southeast-1', secret);
  await services.vault.add({ secret, label: `key-${index}`, regionId: 'sg' });
}
server.latencyMs = LATENCY_MS;
const runs: { wallMs: number; connections: number; ok: number }[] = [];

describe(`checkAll: ${KEYS} keys, ${LATENCY_MS} ms latency, concurrency ${CONCURRENCY}`, () => {
  bench(
    'checkAll',
    async () => {
      const connectionsBefore = server.connections;
      const started = performance.now();
      const { results } = await new Checks(services).checkAll({ concurrency: CONCURRENCY });
      runs.push({
        wallMs: performance.now() - started,
        connections: server.connections - connectionsBefore,
        ok: results.filter((result) => result.status === 'ok').length,
      });
    },
    { iterations: 3, warmupIterations: 0, time: 0 },
  );
});

afterAll(async () => {
  await server.close();
  rmSync(home, { recursive: true, force: true });
  const worst = Math.max(...runs.map((run) => run.wallMs));
  const connections = Math.max(...runs.map((run) => run.connections));
  const lines = [
    '',
    `checkAll of ${KEYS} keys (${runs.length} runs; every run ${runs.every((run) => run.ok === KEYS) ? 'all ok' : 'NOT all ok'})`,
    `  wall time:   ${runs.map((run) => `${Math.round(run.wallMs)} ms`).join(', ')}; ideal ${IDEAL_MS} ms; worst ${(worst / IDEAL_MS).toFixed(2)}× (target ≤ 1.30×) ${worst <= IDEAL_MS * 1.3 ? 'met' : 'MISSED'}`,
    `  connections: ${runs.map((run) => run.connections).join(', ')} opened per run (target ≤ ${CONCURRENCY}) ${connections <= CONCURRENCY ? 'met' : 'MISSED'}`,
    '',
  ];
  console.log(lines.join('\n'));
  recordFigures('check-all', [
    {
      section: 'Checks',
      name: `checkAll of ${KEYS} keys at ${LATENCY_MS} ms latency, concurrency ${CONCURRENCY}`,
      unit: '×',
      ...describeSamples(runs.map((run) => run.wallMs / IDEAL_MS)),
      budget: 1.3,
      note: `wall time ÷ the ideal ⌈n/c⌉ × latency = ${IDEAL_MS} ms; ${runs.every((run) => run.ok === KEYS) ? 'every key ok' : 'NOT every key ok'}`,
    },
    {
      section: 'Checks',
      // The worst run is the figure: the first opens them, later runs reuse them (keep-alive).
      name: 'TCP connections opened by a run, the most of any',
      unit: 'count',
      median: connections,
      samples: runs.length,
      budget: CONCURRENCY,
      note: `per run: ${runs.map((run) => run.connections).join(', ')}`,
    },
  ]);
});
