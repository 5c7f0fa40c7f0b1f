import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findKeys, importFindings } from '../../main/core/actions/import.js';
import { addKey } from '../../main/core/actions/keys.js';
import { createServices } from '../../main/core/keys/services.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { MemorySecretStore } from '../fixtures/memory-secret-store.js';
import { useTempDirectory } from '../fixtures/temp-directory.js';

const directory = useTempDirectory();

function setup() {
  const root = directory();
  const home = path.join(root, 'home');
  mkdirSync(path.join(home, '.qwen'), { recursive: true });
  const secrets = new MemorySecretStore();
  const services = createServices(
    { dataDirectory: path.join(root, 'data'), keychainService: 'unused', endpointOverrides: {} },
    secrets,
  );
  return { home, services, secrets };
}

describe('importing found keys', () => {
  it('stores each key once under its suggested label, skips stored ones, and gives the secrets back', async () => {
    const { home, services } = setup();
    const [shared, fresh, stored] = [fakeKey('workspace'), fakeKey(), fakeKey()];
    await addKey(services, { secret: stored, label: 'personal', regionId: 'sg' });
    writeFileSync(
      path.join(home, '.bashrc'),
      `export DASHSCOPE_API_KEY=${shared}\nexport DASHSCOPE_KEY_OLD=${stored}\n`,
    );
    writeFileSync(path.join(home, '.qwen', '.env'), `DASHSCOPE_API_KEY=${shared}\nQWEN_API_KEY=${fresh}\n`);
    const scan = await findKeys(services, { home });
    const outcomes = await importFindings(services, scan, 'all', { regionId: 'cn' });
    expect(outcomes.map((o) => [o.outcome, o.record?.label, o.findingIds.length])).toEqual([
      ['stored', 'bashrc', 2],
      ['already-stored', 'personal', 1],
      ['stored', 'qwen-env', 1],
    ]);
    for (const [label, secret] of [
      ['bashrc', shared],
      ['qwen-env', fresh],
    ] as const) {
      const record = await services.vault.find(label);
      expect(record.regionId).toBe('cn-beijing');
      expect(await services.vault.secretOf(record)).toBe(secret);
    }
    // A second import finds everything stored.
    const again = await importFindings(services, await findKeys(services, { home }), 'all', {
      regionId: 'cn',
    });
    expect(again.map((o) => o.outcome)).toEqual(['already-stored', 'already-stored', 'already-stored']);
  });

  it('imports only the findings named, with the labels the user chose', async () => {
    const { home, services } = setup();
    writeFileSync(
      path.join(home, '.bashrc'),
      `export DASHSCOPE_API_KEY=${fakeKey()}\nexport QWEN_API_KEY=${fakeKey()}\n`,
    );
    const scan = await findKeys(services, { home });
    const second = scan.findings[1]?.id ?? '';
    const outcomes = await importFindings(
      services,
      scan,
      [second],
      { regionId: 'us' },
      { labels: { [second]: 'team' } },
    );
    expect(outcomes.map((o) => [o.outcome, o.record?.label])).toEqual([['stored', 'team']]);
    expect((await services.vault.list()).map((key) => key.label)).toEqual(['team']);
  });

  it('refuses an unknown id or region before storing anything', async () => {
    const { home, services } = setup();
    writeFileSync(path.join(home, '.bashrc'), `export DASHSCOPE_API_KEY=${fakeKey()}\n`);
    const scan = await findKeys(services, { home });
    await expect(importFindings(services, scan, ['nope'], { regionId: 'sg' })).rejects.toMatchObject({
      code: 'invalid-input',
    });
    await expect(importFindings(services, scan, 'all', { regionId: 'mars' })).rejects.toMatchObject({
      code: 'unknown-region',
    });
    expect(await services.vault.list()).toEqual([]);
  });

  it('reports a key the region cannot take and goes on with the others', async () => {
    const { home, services } = setup();
    // A workspace-only region needs a workspace id for a default-workspace key: that key fails, alone.
    writeFileSync(path.join(home, '.bashrc'), `export DASHSCOPE_API_KEY=${fakeKey()}\n`);
    const scan = await findKeys(services, { home });
    const outcomes = await importFindings(services, scan, 'all', { regionId: 'jp' });
    expect(outcomes[0]).toMatchObject({
      outcome: 'failed',
      record: null,
      error: { code: expect.any(String) },
    });
  });

  it('stops at once when the keychain is locked', async () => {
    const { home, services, secrets } = setup();
    writeFileSync(path.join(home, '.bashrc'), `export DASHSCOPE_API_KEY=${fakeKey()}\n`);
    const scan = await findKeys(services, { home });
    secrets.failWrites = true;
    await expect(importFindings(services, scan, 'all', { regionId: 'sg' })).rejects.toMatchObject({
      code: 'keychain-locked',
    });
  });
});
