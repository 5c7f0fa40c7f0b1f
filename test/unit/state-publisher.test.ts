import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigStore } from '../../main/core/config/config-store.js';
import type { AppState } from '../../main/core/state/snapshot.js';
import { StatePublisher } from '../../main/core/state/state-publisher.js';
import { useTempDirectory } from '../fixtures/temp-directory.js';

describe('StatePublisher', () => {
  const directory = useTempDirectory();

  it('numbers each changed snapshot and sends nothing when nothing changed', async () => {
    const config = new ConfigStore(directory());
    const publisher = new StatePublisher(config);
    const seen: AppState[] = [];
    publisher.subscribe((state) => seen.push(state));
    expect((await publisher.refresh()).revision).toBe(1);
    await publisher.refresh();
    await config.update((draft) => void (draft.settings.activeRegionId = 'cn-beijing'));
    await publisher.refresh();
    await publisher.refresh();
    expect(seen.map((state) => [state.revision, state.activeRegionId])).toEqual([
      [1, 'ap-southeast-1'],
      [2, 'cn-beijing'],
    ]);
  });

  it('publishes a check’s steps from the last snapshot, without reading the file or a new data revision', async () => {
    const config = new ConfigStore(directory());
    const publisher = new StatePublisher(config);
    const seen: AppState[] = [];
    publisher.subscribe((state) => seen.push(state));
    await publisher.refresh();
    // A change on disk that nobody refreshed for: a step must not pick it up.
    writeFileSync(
      config.file,
      JSON.stringify({ schemaVersion: 3, settings: { activeRegionId: 'cn-beijing' } }),
    );
    await publisher.setChecking({ done: 1, total: 3 });
    await publisher.setChecking({ done: 1, total: 3 });
    await publisher.setChecking(null);
    await publisher.refresh();
    expect(
      seen.map((state) => [
        state.revision,
        state.dataRevision,
        state.checking?.done ?? null,
        state.activeRegionId,
      ]),
    ).toEqual([
      [1, 1, null, 'ap-southeast-1'],
      [2, 1, 1, 'ap-southeast-1'],
      [3, 1, null, 'ap-southeast-1'],
      [4, 2, null, 'cn-beijing'],
    ]);
  });

  it('turns a damaged data file into a problem to show, not a crash, and recovers', async () => {
    const config = new ConfigStore(directory());
    const publisher = new StatePublisher(config);
    writeFileSync(config.file, '{ damaged');
    const damaged = await publisher.refresh();
    expect(damaged).toMatchObject({
      keys: [],
      problem: { code: 'config-damaged', message: expect.stringMatching(/is damaged/) },
    });
    writeFileSync(config.file, JSON.stringify({ schemaVersion: 2 }));
    expect((await publisher.refresh()).problem).toBeNull();
  });

  it('shows a problem the file does not tell until it is cleared', async () => {
    const publisher = new StatePublisher(new ConfigStore(directory()));
    expect(
      (await publisher.setRuntime({ problem: { code: 'keychain-locked', message: 'locked' } })).problem,
    ).toEqual({
      code: 'keychain-locked',
      message: 'locked',
    });
    expect((await publisher.setRuntime({ problem: null })).problem).toBeNull();
  });

  it('still tells every other listener when one of them throws', async () => {
    const publisher = new StatePublisher(new ConfigStore(directory()));
    const seen: number[] = [];
    publisher.subscribe(() => {
      throw new TypeError('Object has been destroyed');
    });
    publisher.subscribe((state) => seen.push(state.revision));
    await expect(publisher.refresh()).resolves.toMatchObject({ revision: 1 });
    expect(seen).toEqual([1]);
  });

  it('publishes overlapping refreshes in order, never a stale read after a newer one', async () => {
    const store = new ConfigStore(directory());
    let reads = 0;
    // The first read is slow and sees the old data; the second is quick and sees the new.
    const slowFirst = Object.assign(Object.create(store) as ConfigStore, {
      read: async () => {
        const config = await store.read();
        if ((reads += 1) === 1) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          return config;
        }
        return { ...config, settings: { ...config.settings, activeRegionId: 'cn-beijing' } };
      },
    });
    const publisher = new StatePublisher(slowFirst);
    const seen: [number, string][] = [];
    publisher.subscribe((state) => seen.push([state.revision, state.activeRegionId]));
    await Promise.all([publisher.refresh(), publisher.refresh()]);
    expect(seen).toEqual([
      [1, 'ap-southeast-1'],
      [2, 'cn-beijing'],
    ]);
  });

  it('keeps the user’s language and theme while the data file is damaged', async () => {
    const config = new ConfigStore(directory());
    await config.update((draft) => {
      draft.settings.language = 'zh-CN';
      draft.settings.theme = 'dark';
    });
    const publisher = new StatePublisher(config);
    expect(await publisher.refresh()).toMatchObject({ language: 'zh-CN', theme: 'dark' });
    writeFileSync(config.file, '{ damaged');
    expect(await publisher.refresh()).toMatchObject({
      language: 'zh-CN',
      theme: 'dark',
      problem: { code: 'config-damaged' },
    });
  });
});
