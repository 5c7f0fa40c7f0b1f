// `npm run bench`: what start-up and `list` cost with 600 keys — config.json read, parsed and
// validated by a fresh core, then listed as `msk list` does. Budget: ≤ 20 ms, and not one
// keychain read (the adapter's calls are counted: metadata never needs a secret).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { listKeys } from '../../main/core/actions/keys.js';
import { snapshot } from '../../main/core/state/snapshot.js';
import { createServices } from '../../main/core/keys/services.js';
import { manyKeys } from '../fixtures/many-keys.js';
import { MemorySecretStore } from '../fixtures/memory-secret-store.js';
import { describeSamples, recordFigures, summary } from './figures.js';

const KEYS = 600;
const BUDGET_MS = 20;

/** The keychain port, counting every call that would reach the keychain. */
class CountingSecretStore extends MemorySecretStore {
  calls = 0;
  override get(keyId: string) {
    this.calls += 1;
    return super.get(keyId);
  }
  override list() {
    this.calls += 1;
    return super.list();
  }
}

const home = mkdtempSync(path.join(os.tmpdir(), 'msk-bench-vault-'));
writeFileSync(path.join(home, 'config.json'), JSON.stringify(manyKeys(KEYS)), { mode: 0o600 });
const secrets = new CountingSecretStore();
const startAndList: number[] = [];
const startAndSnapshot: number[] = [];

/** A fresh core each time: nothing cached from the previous run. */
const freshCore = () =>
  createServices({ dataDirectory: home, keychainService: 'unused', endpointOverrides: {} }, secrets);

describe(`vault: ${KEYS} keys`, () => {
  bench(
    'start and list (msk list)',
    async () => {
      const started = performance.now();
      listKeys(await freshCore().config.read());
      startAndList.push(performance.now() - started);
    },
    { time: 1500, warmupIterations: 5 },
  );
  bench(
    "start and the app's snapshot",
    async () => {
      const started = performance.now();
      snapshot(await freshCore().config.read());
      startAndSnapshot.push(performance.now() - started);
    },
    { time: 1500, warmupIterations: 5 },
  );
});

afterAll(() => {
  rmSync(home, { recursive: true, force: true });
  console.log(summary(`vault: start and list ${KEYS} keys`, startAndList, BUDGET_MS));
  console.log(summary(`vault: start and snapshot ${KEYS} keys`, startAndSnapshot, BUDGET_MS));
  console.log(`vault: keychain calls during both: ${secrets.calls} (budget 0)\n`);
  recordFigures('vault', [
    {
      section: 'Vault',
      name: `Load the metadata of ${KEYS} keys and list them`,
      unit: 'ms',
      ...describeSamples(startAndList),
      budget: BUDGET_MS,
      note: 'config.json read, parsed and validated by a fresh core',
    },
    {
      section: 'Vault',
      name: `Load the metadata of ${KEYS} keys into the app's snapshot`,
      unit: 'ms',
      ...describeSamples(startAndSnapshot),
      budget: BUDGET_MS,
    },
    {
      section: 'Vault',
      name: 'Keychain calls while loading and listing',
      unit: 'count',
      median: secrets.calls,
      samples: startAndList.length + startAndSnapshot.length,
      budget: 0,
      note: "the adapter's calls, counted",
    },
  ]);
});
