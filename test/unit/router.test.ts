import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ObservedSecretStore } from '../../main/core/state/observed-secret-store.js';
import { createServices } from '../../main/core/keys/services.js';
import { StatePublisher } from '../../main/core/state/state-publisher.js';
import type { AppState } from '../../main/core/state/snapshot.js';
import { createRouter } from '../../main/ipc/router.js';
import { testContext } from '../fixtures/app-context.js';
import { fakePrograms } from '../fixtures/fake-programs.js';
import { MemorySecretStore } from '../fixtures/memory-secret-store.js';
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

  it('retries the keychain on “Unlock and retry”: its problem stays until it answers, then clears', async () => {
    const keychain = new MemorySecretStore();
    const services = createServices(
      { dataDirectory: directory(), keychainService: 'unused', endpointOverrides: {} },
      new ObservedSecretStore(keychain, (problem) => void state.setRuntime({ problem })),
    );
    const state = new StatePublisher(services.config);
    const router = createRouter({ ...testContext(directory()), services, state });
    await services.vault.add({ secret, label: 'personal', regionId: 'sg' });
    keychain.readsToFail = 2;
    expect(await router.call('keys.copy', {})).toMatchObject({
      ok: false,
      error: { code: 'keychain-locked' },
    });
    expect(await router.call('state.retry', undefined)).toMatchObject({
      ok: true,
      value: { problem: { code: 'keychain-locked' } },
    });
    expect(await router.call('state.retry', undefined)).toMatchObject({ ok: true, value: { problem: null } });
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

  it('lists, launches, fills in and exports tools for the window, the key never in an answer', async () => {
    const bin = fakePrograms(directory(), ['qwen', 'xterm']);
    const context = testContext(directory(), {}, bin);
    const router = createRouter(context);
    await context.services.vault.add({ secret, label: 'personal', regionId: 'sg' });
    expect(await router.call('tools.list', undefined)).toMatchObject({
      ok: true,
      value: expect.arrayContaining([
        expect.objectContaining({ id: 'qwen-code', available: true, command: ['qwen'] }),
        expect.objectContaining({ id: 'claude-code', available: false }),
      ]),
    });

    const settings = await router.call('tools.settings', { tool: 'chatbox' });
    expect(settings).toMatchObject({
      ok: true,
      value: {
        toolName: 'Chatbox',
        label: 'personal',
        copied: true,
        fields: expect.arrayContaining([
          { label: 'API Key', value: 'sk-…cdef', where: expect.any(String), secret: true },
        ]),
      },
    });
    expect(JSON.stringify(settings)).not.toContain(secret);
    expect(context.clipboard.copies.map((copy) => copy.value)).toEqual([secret]);

    expect(await router.call('tools.launch', { tool: 'qwen-code' })).toEqual({
      ok: true,
      value: { tool: 'qwen-code', label: 'personal', terminal: 'xterm' },
    });
    expect(context.started).toHaveLength(1);
    expect(
      await router.call('tools.launch', { tool: 'qwen-code', cwd: path.join(directory(), 'gone') }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('There is no folder') },
    });
    expect(await router.call('tools.launch', { tool: 'cline' })).toMatchObject({
      ok: false,
      error: { code: 'not-launchable' },
    });

    expect(await router.call('tools.exportPostman', {})).toEqual({
      ok: true,
      value: { file: null, gatewayToken: null },
    });
    context.saveAs = path.join(directory(), 'env.json');
    expect(await router.call('tools.exportPostman', {})).toEqual({
      ok: true,
      value: { file: context.saveAs, gatewayToken: null },
    });
    expect(readFileSync(context.saveAs, 'utf8')).toContain(secret);
    // Through the gateway: a token made for Postman stands in the file, not the key.
    expect(await router.call('tools.exportPostman', { viaGateway: true })).toEqual({
      ok: true,
      value: { file: context.saveAs, gatewayToken: 'postman' },
    });
    expect(readFileSync(context.saveAs, 'utf8')).not.toContain(secret);
    expect(readFileSync(context.saveAs, 'utf8')).toContain('msk-gw-');
  });

  it('saves and removes the user’s own tools, refusing a bad one with why', async () => {
    const bin = fakePrograms(directory(), ['mytool']);
    const context = testContext(directory(), {}, bin);
    const router = createRouter(context);
    const saved = await router.call('tools.saveCustom', {
      id: 'mine',
      name: 'My Tool',
      command: ['mytool'],
      variables: { MY_KEY: '{{apiKey}}' },
    });
    expect(saved).toMatchObject({
      ok: true,
      value: { id: 'mine', kind: 'custom', available: true, variables: ['MY_KEY'] },
    });
    expect(
      await router.call('tools.saveCustom', { id: 'bad', name: 'Bad', variables: { MY_KEY: '{{nope}}' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('{{nope}}') },
    });
    expect(await router.call('tools.removeCustom', { id: 'mine' })).toEqual({
      ok: true,
      value: { id: 'mine' },
    });
    expect((await context.services.config.read()).settings.customTools).toEqual([]);
  });

  it('reads and changes settings and workspace names as msk config does, publishing each change', async () => {
    const { context, router, pushed } = setup();
    expect(await router.call('settings.set', { name: 'clipboardClearSeconds', value: 45 })).toEqual({
      ok: true,
      value: { name: 'clipboardClearSeconds', value: 45 },
    });
    await router.call('settings.set', { name: 'concealClipboard', value: false });
    await router.call('settings.set', { name: 'language', value: 'zh-CN' });
    expect(pushed.at(-1)?.language).toBe('zh-CN');
    await router.call('settings.set', { name: 'theme', value: 'dark' });
    expect(pushed.at(-1)?.theme).toBe('dark');
    expect(await router.call('settings.set', { name: 'launchAtLogin', value: true })).toEqual({
      ok: true,
      value: { name: 'launchAtLogin', value: true },
    });
    expect(await router.call('settings.set', { name: 'theme', value: 'sepia' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: 'theme is one of: system, light, dark.' },
    });
    expect(await router.call('settings.set', { name: 'clipboardClearSeconds', value: 99999 })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'clipboardClearSeconds must be a whole number from 0 to 3600.',
      },
    });
    expect(await router.call('settings.set', { name: 'nope', value: 1 })).toMatchObject({
      ok: false,
      error: { code: 'unknown-setting', params: { name: 'nope' } },
    });
    const list = await router.call('settings.list', undefined);
    expect(list).toMatchObject({
      ok: true,
      value: expect.arrayContaining([
        expect.objectContaining({ name: 'clipboardClearSeconds', value: 45, isDefault: false }),
        expect.objectContaining({ name: 'concealClipboard', value: false }),
      ]),
    });
    expect(await router.call('settings.unset', { name: 'clipboardClearSeconds' })).toEqual({
      ok: true,
      value: { changed: true },
    });
    expect((await context.services.config.read()).settings).toMatchObject({
      clipboardClearSeconds: 30,
      concealClipboard: false,
      language: 'zh-CN',
    });

    await context.services.vault.add({ secret, label: 'team', regionId: 'sg', workspaceId: 'llm-abcd1234' });
    expect(await router.call('workspaces.rename', { id: 'llm-abcd1234', name: 'Team' })).toMatchObject({
      ok: true,
      value: { id: 'llm-abcd1234', name: 'Team', keyCount: 1, regionId: 'ap-southeast-1' },
    });
    expect(await router.call('workspaces.list', undefined)).toMatchObject({
      ok: true,
      value: [{ id: 'llm-abcd1234', name: 'Team' }],
    });
  });
});
