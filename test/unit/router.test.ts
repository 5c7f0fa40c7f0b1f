import { describe, expect, it } from 'vitest';
import { createServices } from '../../main/core/services.js';
import type { AppState } from '../../main/core/state.js';
import { createRouter } from '../../main/ipc/router.js';
import { MemorySecretStore } from '../fixtures/memory-secret-store.js';
import { useTempDirectory } from '../fixtures/temp-directory.js';

describe('IPC router', () => {
  const directory = useTempDirectory();
  const setup = () => {
    const services = createServices(
      { dataDirectory: directory(), keychainService: 'unused', endpointOverrides: {} },
      new MemorySecretStore(),
    );
    const pushed: AppState[] = [];
    return { services, pushed, router: createRouter(services, (state) => pushed.push(state)) };
  };

  it('answers state.get with a secret-free snapshot', async () => {
    const { services, router } = setup();
    const secret = 'sk-0123456789abcdef0123456789abcdef';
    await services.vault.add({ secret, label: 'personal', regionId: 'sg' });
    const result = await router.call('state.get', undefined);
    expect(result).toMatchObject({
      ok: true,
      value: {
        activeRegionId: 'ap-southeast-1',
        keys: [{ label: 'personal', masked: 'sk-…cdef', active: true }],
      },
    });
    expect(JSON.stringify(result)).not.toContain(secret);
  });

  it('changes the region through the core and pushes the new state', async () => {
    const { services, router, pushed } = setup();
    const result = await router.call('regions.setActive', { regionId: 'hk' });
    expect(result).toMatchObject({ ok: true, value: { activeRegionId: 'cn-hongkong' } });
    expect(pushed.map((state) => state.activeRegionId)).toEqual(['cn-hongkong']);
    expect((await services.config.read()).settings.activeRegionId).toBe('cn-hongkong');
  });

  it('returns errors as results, never throws', async () => {
    const { router, pushed } = setup();
    expect(await router.call('regions.setActive', { regionId: 'mars' })).toEqual({
      ok: false,
      error: { code: 'unknown-region', message: expect.stringMatching(/Unknown region 'mars'/) },
    });
    expect(await router.call('regions.setActive', { region: 'sg' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await router.call('keys.steal', {})).toEqual({
      ok: false,
      error: { code: 'unknown-method', message: "Unknown method 'keys.steal'." },
    });
    expect(await router.call('__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-method' },
    });
    expect(pushed).toEqual([]);
  });
});
