import { describe, expect, it } from 'vitest';
import type { AppState } from '../../main/core/state.js';
import { createRouter } from '../../main/ipc/router.js';
import { testContext } from '../fixtures/app-context.js';
import { useTempDirectory } from '../fixtures/temp-directory.js';

describe('IPC router', () => {
  const directory = useTempDirectory();
  const setup = () => {
    const context = testContext(directory());
    const pushed: AppState[] = [];
    context.state.subscribe((state) => pushed.push(state));
    return { context, pushed, router: createRouter(context) };
  };
  const secret = 'sk-0123456789abcdef0123456789abcdef';

  it('answers state.get with a secret-free, numbered snapshot', async () => {
    const { context, router } = setup();
    await context.services.vault.add({ secret, label: 'personal', regionId: 'sg' });
    const result = await router.call('state.get', undefined);
    expect(result).toMatchObject({
      ok: true,
      value: {
        revision: 1,
        activeRegionId: 'ap-southeast-1',
        keys: [{ label: 'personal', masked: 'sk-…cdef', active: true, lastCheck: null }],
        problem: null,
      },
    });
    expect(JSON.stringify(result)).not.toContain(secret);
  });

  it('changes the region through the core and pushes the new state once', async () => {
    const { context, router, pushed } = setup();
    const result = await router.call('regions.setActive', { regionId: 'hk' });
    expect(result).toMatchObject({ ok: true, value: { activeRegionId: 'cn-hongkong' } });
    expect(pushed.map((state) => [state.revision, state.activeRegionId])).toEqual([[1, 'cn-hongkong']]);
    expect((await context.services.config.read()).settings.activeRegionId).toBe('cn-hongkong');
  });

  it('copies a key in main and answers with its label, never the secret', async () => {
    const { context, router } = setup();
    const { record } = await context.services.vault.add({ secret, label: 'personal', regionId: 'sg' });
    const result = await router.call('keys.copy', {});
    expect(result).toEqual({
      ok: true,
      value: { keyId: record.id, label: 'personal', clearAfterSeconds: 30 },
    });
    expect(context.clipboard.copies.map((copy) => copy.value)).toEqual([secret]);
    expect(await router.call('keys.makeActive', { keyId: 'personal' })).toEqual({
      ok: true,
      value: { keyId: record.id },
    });
  });

  it('returns errors as results with their code and params, never throws', async () => {
    const { router, pushed } = setup();
    expect(await router.call('regions.setActive', { regionId: 'mars' })).toEqual({
      ok: false,
      error: { code: 'unknown-region', message: expect.stringMatching(/Unknown region 'mars'/), params: {} },
    });
    expect(await router.call('keys.copy', {})).toMatchObject({
      ok: false,
      error: { code: 'no-active-key', params: { regionName: 'Singapore', keyCount: 0 } },
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
    expect(
      await router.task(
        'checks.one',
        {},
        { signal: new AbortController().signal, progress: () => undefined },
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(pushed).toEqual([]);
  });
});
