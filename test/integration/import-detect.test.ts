import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKeys, importFindings } from '../../main/core/actions/import.js';
import { createServices } from '../../main/core/keys/services.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { MemorySecretStore } from '../fixtures/memory-secret-store.js';
import { type FakeModelStudio, startModelStudio } from '../fixtures/model-studio-server.js';

let server: FakeModelStudio;
let root: string;
beforeAll(async () => {
  server = await startModelStudio();
  root = mkdtempSync(path.join(os.tmpdir(), 'msk-import-'));
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('importing found keys with region detection (local Model Studio imitation)', () => {
  it('asks Model Studio where each key belongs, as `msk add` does without a region', async () => {
    const home = path.join(root, 'home');
    mkdirSync(home, { recursive: true });
    const [singapore, beijing, unknown] = [fakeKey(), fakeKey('workspace'), fakeKey()];
    server.addKey('ap-southeast-1', singapore);
    server.addKey('cn-beijing', beijing);
    writeFileSync(
      path.join(home, '.bashrc'),
      `export DASHSCOPE_API_KEY=${singapore}\nexport QWEN_API_KEY=${beijing}\nexport MODELSTUDIO_API_KEY=${unknown}\n`,
    );
    const services = createServices(
      {
        dataDirectory: path.join(root, 'data'),
        keychainService: 'unused',
        endpointOverrides: server.overrides,
      },
      new MemorySecretStore(),
    );
    const scan = await findKeys(services, { home });
    const outcomes = await importFindings(services, scan, 'all');
    expect(outcomes.map((o) => [o.outcome, o.record?.regionId ?? null])).toEqual([
      ['stored', 'ap-southeast-1'],
      ['stored', 'cn-beijing'],
      ['failed', null],
    ]);
    expect(outcomes[2]?.error?.code).toBe('invalid-key');
    const record = await services.vault.find('bashrc-2');
    expect(await services.vault.secretOf(record)).toBe(beijing);
  });
});
