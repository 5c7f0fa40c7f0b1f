import { describe, expect, it } from 'vitest';
import { addKey, listKeys, makeKeyActive } from '../../main/core/actions/keys.js';
import { copyBaseUrl, copyEnvironment, copyKey, keyEnvironment } from '../../main/core/actions/use-key.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { testContext } from '../fixtures/app-context.js';
import { useTempDirectory } from '../fixtures/temp-directory.js';

describe('use cases', () => {
  const directory = useTempDirectory();
  const setup = () => testContext(directory());

  it('adds a key where the user said, asking nobody, and lists it masked', async () => {
    const { services } = setup();
    const secret = fakeKey('workspace');
    const added = await addKey(services, {
      secret,
      label: 'team',
      regionId: 'cn',
      workspaceId: 'llm-abcd1234',
    });
    expect(added).toMatchObject({ detection: null, notices: [], active: true });
    expect(listKeys(await services.config.read())).toEqual([
      expect.objectContaining({
        label: 'team',
        regionName: 'China (Beijing)',
        planName: 'Pay-as-you-go',
        masked: `sk-ws-…${secret.slice(-4)}`,
      }),
    ]);
  });

  it('copies the active key with the user’s clearing and concealment settings, and marks it used', async () => {
    const { services, clipboard } = setup();
    const secret = fakeKey();
    await addKey(services, { secret, label: 'a', regionId: 'sg' });
    await services.config.update((draft) => {
      draft.settings.clipboardClearSeconds = 12;
      draft.settings.concealClipboard = false;
    });
    const copied = await copyKey(services, clipboard);
    expect(copied).toMatchObject({ record: { label: 'a' }, clearAfterSeconds: 12 });
    expect(clipboard.copies).toEqual([{ value: secret, options: { clearAfterSeconds: 12, conceal: false } }]);
    expect((await services.vault.find('a')).lastUsedAt).toBeDefined();
  });

  it('copies a key’s environment for a shell, cleared like the key itself', async () => {
    const { services, clipboard } = setup();
    const secret = fakeKey();
    await addKey(services, { secret, label: 'a', regionId: 'sg' });
    await copyEnvironment(services, clipboard, { reference: 'a', tool: 'openai', shell: 'fish' });
    expect(clipboard.copies).toEqual([
      {
        value: `set -gx OPENAI_API_KEY '${secret}'\nset -gx OPENAI_BASE_URL 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1'\n`,
        options: { clearAfterSeconds: 30, conceal: true },
      },
    ]);
  });

  it('says which variables a plan without the native API leaves unset, and that SDK presets are not for the Coding Plan', async () => {
    const { services } = setup();
    await addKey(services, { secret: fakeKey('plan'), label: 'c', regionId: 'cn', plan: 'coding' });
    const { variables, notices } = await keyEnvironment(services, { reference: 'c' });
    expect(Object.keys(variables)).toEqual(['DASHSCOPE_API_KEY', 'OPENAI_API_KEY', 'OPENAI_BASE_URL']);
    expect(notices).toEqual([
      expect.objectContaining({ code: 'plan-unsupported', params: { tool: 'default', plan: 'coding' } }),
      expect.objectContaining({
        code: 'variables-unavailable',
        params: { variables: ['DASHSCOPE_HTTP_BASE_URL'], plan: 'coding' },
      }),
    ]);
    expect((await keyEnvironment(services, { reference: 'c', tool: 'qwen-code' })).notices).toEqual([]);
  });

  it('copies the base URL of the active key’s plan, or of the region, never clearing it', async () => {
    const { services, clipboard } = setup();
    expect(await copyBaseUrl(services, clipboard)).toEqual({
      baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
    });
    await addKey(services, { secret: fakeKey('plan'), label: 't', regionId: 'cn', plan: 'token' });
    await makeKeyActive(services, 't');
    await copyBaseUrl(services, clipboard);
    expect(clipboard.copies.map((copy) => copy.value)).toEqual([
      'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
      'https://token-plan.cn-beijing.maas.aliyuncs.com/compatible-mode/v1',
    ]);
    expect(clipboard.copies[1]?.options).toEqual({ clearAfterSeconds: 0, conceal: false });
  });
});
