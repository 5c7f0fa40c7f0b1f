import { describe, expect, it } from 'vitest';
import { emptyConfig } from '../../main/core/config/config-schema.js';
import { ConfigStore } from '../../main/core/config/config-store.js';
import { chooseKey } from '../../main/core/actions/choose.js';
import { activeKey, setActiveRegion, useKey } from '../../main/core/keys/active-key.js';
import { Vault } from '../../main/core/keys/vault.js';
import { MemorySecretStore } from '../fixtures/memory-secret-store.js';
import { useTempDirectory } from '../fixtures/temp-directory.js';

describe('active region and key', () => {
  const directory = useTempDirectory();
  const setup = () => {
    const config = new ConfigStore(directory());
    return { config, vault: new Vault(config, new MemorySecretStore()) };
  };

  it('says why there is no active key when no key is stored at all', () => {
    expect(() => activeKey(emptyConfig())).toThrow(
      expect.objectContaining({
        code: 'no-active-key',
        message: 'No active key in Singapore: no keys are stored yet.',
        params: { regionId: 'ap-southeast-1', regionName: 'Singapore', keysInRegion: [], keyCount: 0 },
      }),
    );
  });

  it('uses the active key of the active region, and switches with `use`', async () => {
    const { config, vault } = setup();
    const sg = (await vault.add({ secret: `sk-${'1'.repeat(32)}`, label: 'sg', regionId: 'sg' })).record;
    const cn = (await vault.add({ secret: `sk-${'2'.repeat(32)}`, label: 'cn', regionId: 'cn' })).record;
    expect(activeKey(await config.read()).id).toBe(sg.id);
    expect((await useKey(config, 'CN')).id).toBe(cn.id);
    expect(activeKey(await config.read()).id).toBe(cn.id);
    expect((await chooseKey(await config.read(), { reference: 'sg' })).record.id).toBe(sg.id);
  });

  it('says so when the active region has no key but others do', async () => {
    const { config, vault } = setup();
    await vault.add({ secret: `sk-${'1'.repeat(32)}`, label: 'sg', regionId: 'sg' });
    expect((await setActiveRegion(config, 'us')).id).toBe('us-east-1');
    const snapshot = await config.read();
    expect(() => activeKey(snapshot)).toThrow(
      expect.objectContaining({
        message: 'No active key in US (Virginia): no key is stored for it.',
        params: expect.objectContaining({ keysInRegion: [], keyCount: 1 }),
      }),
    );
  });

  it('refuses an unknown region and keeps the current one', async () => {
    const { config } = setup();
    await expect(setActiveRegion(config, 'mars')).rejects.toThrow(/Unknown region/);
    expect((await config.read()).settings.activeRegionId).toBe('ap-southeast-1');
  });
});
