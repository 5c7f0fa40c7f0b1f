// A change by another process — a real `msk` — reaches the app's state within a second, through
// the directory watch; lock and backup files alone are not changes.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigStore } from '../../main/core/config/config-store.js';
import { type ConfigWatcher, watchConfig } from '../../main/core/config/config-watcher.js';
import type { AppState } from '../../main/core/state/snapshot.js';
import { StatePublisher } from '../../main/core/state/state-publisher.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { keychainPart } from '../fixtures/keychain.js';
import { type MskHome, mskHome } from '../fixtures/msk.js';

const keychain = keychainPart();

describe.runIf(keychain)('the config watcher', () => {
  let home: MskHome;
  let watcher: ConfigWatcher | undefined;
  afterEach(() => {
    watcher?.close();
    home?.remove();
  });

  async function watched() {
    home = mskHome();
    const publisher = new StatePublisher(new ConfigStore(home.directory));
    const seen: AppState[] = [];
    publisher.subscribe((state) => seen.push(state));
    await publisher.refresh();
    let changes = 0;
    watcher = await watchConfig(home.directory, () => {
      changes += 1;
      void publisher.refresh();
    });
    return { seen, changes: () => changes };
  }

  it('shows a key another msk process added within a second', async () => {
    const { seen } = await watched();
    const added = await home.run(['add', '-l', 'elsewhere', '-r', 'cn'], { input: fakeKey() });
    expect(added.code).toBe(0);
    const started = Date.now();
    await expect
      .poll(() => seen.at(-1)?.keys.map((key) => key.label), { timeout: 1000, interval: 20 })
      .toEqual(['elsewhere']);
    expect(Date.now() - started).toBeLessThan(1000);
    // A second msk process in a row is seen too: the watch survived the atomic rename.
    await home.run(['region', 'cn']);
    await expect.poll(() => seen.at(-1)?.activeRegionId, { timeout: 1000, interval: 20 }).toBe('cn-beijing');
  });

  it('ignores lock and backup files and the gateway’s usage counts, and publishes only what changed', async () => {
    const { seen, changes } = await watched();
    writeFileSync(path.join(home.directory, 'config.json.lock'), '');
    writeFileSync(path.join(home.directory, 'config.json.bak'), '{}');
    writeFileSync(path.join(home.directory, 'usage.json'), '{}');
    writeFileSync(path.join(home.directory, 'usage.json.lock'), '');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(changes()).toBe(0);
    writeFileSync(path.join(home.directory, 'notes.txt'), 'unrelated');
    await expect.poll(changes, { timeout: 1000, interval: 20 }).toBe(1);
    expect(seen).toHaveLength(1);
  });

  it('follows the data directory when it is removed and made again', async () => {
    const { seen } = await watched();
    rmSync(home.directory, { recursive: true, force: true });
    // Let the watch see the directory go before msk makes it again.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await home.run(['add', '-l', 'again', '-r', 'sg'], { input: fakeKey() })).code).toBe(0);
    await expect
      .poll(() => seen.at(-1)?.keys.map((key) => key.label), { timeout: 3000, interval: 50 })
      .toEqual(['again']);
  });
});
