import { describe, expect, it } from 'vitest';
import { addKey } from '../../main/core/actions/keys.js';
import { createTranslator } from '../../main/i18n/translator.js';
import { performTrayAction, type TrayActionDeps } from '../../main/shell/tray-actions.js';
import type { TrayAction } from '../../main/shell/tray-menu.js';
import { testContext } from '../fixtures/app-context.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { useTempDirectory } from '../fixtures/temp-directory.js';

describe('tray actions', () => {
  const directory = useTempDirectory();
  const setup = (language: 'en' | 'zh-CN' = 'en') => {
    const context = testContext(directory());
    const calls = { notified: [] as string[], opened: [] as string[], windows: 0, quits: 0 };
    const deps: TrayActionDeps = {
      context,
      t: () => createTranslator(language),
      notify: (body) => calls.notified.push(body),
      openWindow: () => void (calls.windows += 1),
      openExternal: async (url) => void calls.opened.push(url),
      quit: () => void (calls.quits += 1),
    };
    const perform = (action: TrayAction) => performTrayAction(action, deps);
    return { context, calls, perform };
  };

  it('copies the active key and says so, without the key, never rejecting', async () => {
    const { context, calls, perform } = setup();
    const secret = fakeKey();
    await perform({ type: 'copy-active-key' });
    expect(calls.notified).toEqual(['No active key in Singapore: open the window to add one or choose one.']);
    await addKey(context.services, { secret, label: 'personal', regionId: 'sg' });
    await perform({ type: 'copy-active-key' });
    expect(context.clipboard.copies.map((copy) => copy.value)).toEqual([secret]);
    expect(calls.notified[1]).toBe('Copied ‘personal’ (Singapore) — clears in 30 s');
    expect(calls.notified.join()).not.toContain(secret);
  });

  it('copies any key, its environment for a shell, and the base URL', async () => {
    const { context, calls, perform } = setup();
    const secret = fakeKey('workspace');
    const { record } = await addKey(context.services, { secret, label: 'team', regionId: 'cn' });
    await perform({ type: 'copy-key', keyId: record.id });
    await perform({ type: 'copy-environment', keyId: record.id, shell: 'powershell' });
    await perform({ type: 'copy-base-url' });
    expect(context.clipboard.copies.map((copy) => copy.value)).toEqual([
      secret,
      `$env:DASHSCOPE_API_KEY = '${secret}'\n$env:DASHSCOPE_HTTP_BASE_URL = 'https://dashscope.aliyuncs.com/api/v1'\n$env:OPENAI_API_KEY = '${secret}'\n$env:OPENAI_BASE_URL = 'https://dashscope.aliyuncs.com/compatible-mode/v1'\n`,
      'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
    ]);
    expect(calls.notified).toEqual([
      'Copied ‘team’ (China (Beijing)) — clears in 30 s',
      'Copied the PowerShell environment of ‘team’ — clears in 30 s',
      'Copied https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
    ]);
  });

  it('makes a key active, switches region, and publishes each change', async () => {
    const { context, calls, perform } = setup();
    const seen: string[] = [];
    context.state.subscribe((state) => seen.push(state.activeRegionId));
    await addKey(context.services, { secret: fakeKey(), label: 'a', regionId: 'sg' });
    const { record } = await addKey(context.services, { secret: fakeKey(), label: 'b', regionId: 'cn' });
    await perform({ type: 'make-active', keyId: record.id });
    expect(calls.notified).toEqual(['‘b’ is now the active key of China (Beijing)']);
    await perform({ type: 'set-region', regionId: 'us-east-1' });
    expect(seen.at(-1)).toBe('us-east-1');
    expect((await context.services.config.read()).settings.activeRegionId).toBe('us-east-1');
  });

  it('opens the window, the region’s API-key page, and quits', async () => {
    const { calls, perform } = setup();
    await perform({ type: 'open-window' });
    await perform({ type: 'open-api-key-page', regionId: 'cn-beijing' });
    await perform({ type: 'quit' });
    expect(calls).toMatchObject({
      windows: 1,
      opened: ['https://bailian.console.aliyun.com/?tab=model#/api-key'],
      quits: 1,
    });
  });

  it('says failures in the user’s language', async () => {
    const { calls, perform } = setup('zh-CN');
    await perform({ type: 'copy-key', keyId: 'nobody' });
    await perform({ type: 'copy-active-key' });
    expect(calls.notified).toEqual([
      '没有标签或 ID 为“nobody”的密钥。',
      '新加坡没有当前密钥：请打开窗口添加或选择一个。',
    ]);
  });
});
