import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAccount } from '../../main/core/actions/account.js';
import { createAccountKey } from '../../main/core/actions/account-keys.js';
import { snapshot } from '../../main/core/state/snapshot.js';
import { trayMenu } from '../../main/shell/tray-menu.js';
import type { MemorySecretStore } from '../fixtures/memory-secret-store.js';
import {
  type FakeModelStudioOpenApi,
  startModelStudioOpenApi,
} from '../fixtures/model-studio-openapi/server.js';
import { addKey } from '../../main/core/actions/keys.js';
import { revokeGatewayToken } from '../../main/core/actions/gateway.js';
import { createTranslator, type Language } from '../../main/shared/i18n/translator.js';
import {
  type Confirmation,
  performTrayAction,
  type Question,
  type ShownOnce,
  type TrayActionDeps,
} from '../../main/shell/tray-actions.js';
import type { TrayAction } from '../../main/shell/tray-menu.js';
import { testContext } from '../fixtures/app-context.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { fakePrograms } from '../fixtures/fake-programs.js';
import { useTempDirectory } from '../fixtures/temp-directory.js';

let openapi: FakeModelStudioOpenApi;
beforeAll(async () => {
  openapi = await startModelStudioOpenApi();
});
afterAll(() => openapi.close());

describe('tray actions', () => {
  const directory = useTempDirectory();
  const setup = (language: Language = 'en', searchPath?: string) => {
    const context = testContext(directory(), {}, searchPath, openapi.overrides);
    const calls = {
      notified: [] as string[],
      opened: [] as string[],
      windows: 0,
      quits: 0,
      asked: [] as Confirmation[],
      questions: [] as Question[],
      /** What the next question answers: a choice's index, undefined for Cancel. */
      answer: undefined as number | undefined,
      shown: [] as ShownOnce[],
      /** What the next confirmation answers, and whether the shown-once box asks to copy. */
      confirms: false,
      copies: false,
    };
    const deps: TrayActionDeps = {
      context,
      t: () => createTranslator(language),
      notify: (body) => calls.notified.push(body),
      confirm: async (question) => (calls.asked.push(question), calls.confirms),
      ask: async (question) => (calls.questions.push(question), calls.answer),
      showOnce: async (shown) => (calls.shown.push(shown), calls.copies),
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
      // The first key stored made its region, China (Beijing), the active one.
      'https://dashscope.aliyuncs.com/compatible-mode/v1',
    ]);
    expect(calls.notified).toEqual([
      'Copied ‘team’ (China (Beijing)) — clears in 30 s',
      'Copied the PowerShell environment of ‘team’ — clears in 30 s',
      'Copied https://dashscope.aliyuncs.com/compatible-mode/v1',
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

  it('launches a tool in a terminal for the active key, with the key on no command line', async () => {
    const bin = fakePrograms(directory(), ['qwen', 'xterm']);
    const { context, calls, perform } = setup('en', bin);
    const secret = fakeKey();
    await addKey(context.services, { secret, label: 'personal', regionId: 'sg' });
    await perform({ type: 'launch', toolId: 'qwen-code' });
    expect(calls.notified).toEqual(['Started Qwen Code with ‘personal’ in xterm']);
    const [launched] = context.started;
    expect(launched?.cwd).toBe(directory());
    expect(launched?.command.command).toBe('xterm');
    const argv = launched?.command.args ?? [];
    expect(argv.slice(argv.indexOf('msk'), argv.indexOf('--') + 2)).toEqual([
      'msk',
      'exec',
      '--key',
      (await context.services.config.read()).keys[0]?.id,
      '--tool',
      'qwen-code',
      '--model',
      'qwen3-coder-plus',
      '--',
      'qwen',
    ]);
    expect(JSON.stringify(context.started)).not.toContain(secret);
    // Not installed: said, nothing started.
    await perform({ type: 'launch', toolId: 'claude-code' });
    expect(calls.notified[1]).toBe(
      'Claude Code is not installed here: there is no claude on the PATH of your login shell. Install it with: npm install -g @anthropic-ai/claude-code',
    );
    expect(context.started).toHaveLength(1);
  });

  it('copies a GUI tool’s gateway token, kept to copy again, and names the local URL and model; never the key', async () => {
    const { context, calls, perform } = setup();
    const secret = fakeKey();
    await addKey(context.services, { secret, label: 'personal', regionId: 'sg' });
    await perform({ type: 'copy-settings', toolId: 'chatbox' });
    const [token] = context.clipboard.copies.map((copy) => copy.value);
    expect(token).toMatch(/^msk-gw-[\w-]{43}$/);
    expect(calls.notified[0]).toMatch(
      /^Chatbox through the gateway \(token ‘chatbox’, for ‘personal’\): Provider: OpenAI API Compatible; API Host: http:\/\/127\.0\.0\.1:\d+;.*Model: qwen-plus\. The token is on the clipboard — paste it into “API Key”; your API key stays in the keychain\.$/,
    );
    expect(calls.notified[0]).not.toContain(token);
    expect(calls.questions).toEqual([]);
    // Copied again: the same token, kept in the keychain (config.json holds its hash only).
    await perform({ type: 'copy-settings', toolId: 'chatbox' });
    expect(context.clipboard.copies.map((copy) => copy.value)).toEqual([token, token]);
    const config = await context.services.config.read();
    expect(config.gateway.tokens.map((made) => made.name)).toEqual(['chatbox']);
    expect(JSON.stringify(config)).not.toContain(token);
    // Revoked, its kept value goes with it; the next copy makes another.
    await revokeGatewayToken(context.services, 'chatbox');
    expect((await context.services.secrets.list()).map((item) => item.keyId)).toEqual([
      (await context.services.config.read()).keys[0]?.id,
    ]);
    await perform({ type: 'copy-settings', toolId: 'chatbox' });
    expect(context.clipboard.copies.at(-1)?.value).not.toBe(token);
    expect(context.clipboard.copies.map((copy) => copy.value)).not.toContain(secret);
  });

  it('with the gateway off, asks: turn it on, or copy the key itself only when chosen', async () => {
    const { context, calls, perform } = setup();
    const secret = fakeKey();
    await addKey(context.services, { secret, label: 'personal', regionId: 'sg' });
    await context.services.config.update((draft) => void (draft.settings.gatewayEnabled = false));
    // Cancel: nothing copied, nothing changed.
    await perform({ type: 'copy-settings', toolId: 'cline' });
    expect(calls.questions.map((question) => question.choices)).toEqual([
      ['Turn On the Gateway', 'Copy the API Key Instead'],
    ]);
    expect(context.clipboard.copies).toEqual([]);
    expect(calls.notified).toEqual([]);
    // The key, as chosen.
    calls.answer = 1;
    await perform({ type: 'copy-settings', toolId: 'cline' });
    expect(context.clipboard.copies.map((copy) => copy.value)).toEqual([secret]);
    expect(calls.notified[0]).toMatch(
      /^Cline for ‘personal’: .*https:\/\/dashscope-intl\.aliyuncs\.com\/compatible-mode\/v1.*The API key is on the clipboard/,
    );
    expect(calls.notified[0]).not.toContain(secret);
    expect((await context.services.config.read()).settings.gatewayEnabled).toBe(false);
    // Turned on: a token.
    calls.answer = 0;
    await perform({ type: 'copy-settings', toolId: 'cline' });
    expect(context.clipboard.copies.at(-1)?.value).toMatch(/^msk-gw-/);
    expect((await context.services.config.read()).settings.gatewayEnabled).toBe(true);
    expect(calls.questions).toHaveLength(3);
  });

  it('exports Postman where the user chooses', async () => {
    const { context, calls, perform } = setup();
    const secret = fakeKey();
    await addKey(context.services, { secret, label: 'personal', regionId: 'sg' });
    // The user cancels the save dialog: nothing written, nothing said.
    await perform({ type: 'export-postman' });
    expect(calls.notified).toHaveLength(0);
    context.saveAs = path.join(directory(), 'ms.postman_environment.json');
    await perform({ type: 'export-postman' });
    expect(calls.notified[0]).toBe(
      `Saved the Postman environment for ‘personal’ to ${context.saveAs} (the key inside is typed secret; keep the file private)`,
    );
    const exported = JSON.parse(readFileSync(context.saveAs, 'utf8')) as {
      values: { key: string; value: string; type: string }[];
    };
    expect(exported.values).toContainEqual({ key: 'apiKey', value: secret, type: 'secret', enabled: true });
    expect(statSync(context.saveAs).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['zh-CN', ['没有标签或 ID 为“nobody”的密钥。', '新加坡没有当前密钥：请打开窗口添加或选择一个。']],
    ['zh-TW', ['沒有標籤或 ID 為「nobody」的金鑰。', '新加坡沒有目前金鑰：請開啟視窗新增或選擇一個。']],
    [
      'ja',
      [
        '「nobody」というラベルまたは ID のキーはありません。',
        'シンガポール にアクティブなキーがありません。ウィンドウを開いて追加するか選択してください。',
      ],
    ],
  ] as const)('says failures in the user’s language (%s)', async (language, notified) => {
    const { calls, perform } = setup(language);
    await perform({ type: 'copy-key', keyId: 'nobody' });
    await perform({ type: 'copy-active-key' });
    expect(calls.notified).toEqual(notified);
  });

  it('checks for updates when asked and says what it found; restarts only into a ready version', async () => {
    const { context, calls, perform } = setup();
    context.updateFound = { phase: 'latest', checkedAt: '2026-11-28T09:00:00.000Z' };
    await perform({ type: 'check-for-updates' });
    context.updateFound = {
      phase: 'failed',
      failure: { reason: 'verification', detail: 'sha512 checksum mismatch' },
      checkedAt: null,
    };
    await perform({ type: 'check-for-updates' });
    context.updateFound = { phase: 'unavailable', reason: 'unsupported', checkedAt: null };
    await perform({ type: 'check-for-updates' });
    // A version found is told when it is ready, by the app: not twice.
    context.updateFound = { phase: 'ready', version: '0.2.0', checkedAt: null };
    await perform({ type: 'check-for-updates' });
    expect(calls.notified).toEqual([
      'You have the latest version of Model Studio Keys.',
      'Could not update: the download did not match its release (checksum or signature), so it was discarded.',
      'This copy cannot update itself: it was not installed from a signed installer (it is an unzipped or unpacked copy, or an unsigned build). Download new versions from the releases page.',
    ]);
    await perform({ type: 'restart-to-update' });
    expect(context.restarts).toBe(1);
  });

  describe('Rotate Key…', () => {
    /** A connected account and a key created in it from here: linked, its value in the keychain. */
    async function withAccountKey(language: Language = 'en') {
      const parts = setup(language);
      const account = openapi.addAccount({ site: 'international' });
      const { accessKeyId, accessKeySecret } = account.accessKey({ ramUser: 'msk' });
      await connectAccount(parts.context.services, {
        name: 'work',
        site: 'international',
        credential: { kind: 'access-key', accessKeyId, accessKeySecret },
      });
      const created = await createAccountKey(parts.context.services, {
        workspace: account.defaultWorkspace('ap-southeast-1').workspaceId,
        region: 'ap-southeast-1',
        label: 'team',
      });
      const secrets = parts.context.services.secrets as MemorySecretStore;
      return {
        ...parts,
        account,
        keyId: created.record.id,
        secrets,
        before: secrets.items.get(created.record.id),
      };
    }

    it('is offered for a key of a connected account only', async () => {
      const { context, keyId } = await withAccountKey();
      await addKey(context.services, { secret: fakeKey(), label: 'own', regionId: 'ap-southeast-1' });
      const menu = trayMenu(snapshot(await context.services.config.read()), createTranslator('en'), {
        copyAccelerator: undefined,
      });
      const keys = menu.find((item) => 'label' in item && item.label === 'Keys');
      const submenus = keys?.kind === 'submenu' ? keys.items : [];
      const rotate = (label: string) => {
        const key = submenus.find((item) => 'label' in item && item.label.startsWith(label));
        return key?.kind === 'submenu'
          ? key.items.find((item) => 'label' in item && item.label === 'Rotate Key…')
          : undefined;
      };
      expect(rotate('team')).toMatchObject({ action: { type: 'rotate-key', keyId } });
      expect(rotate('own')).toBeUndefined();
    });

    it('asks first and changes nothing when the answer is no', async () => {
      const { perform, calls, keyId, secrets, before, account } = await withAccountKey();
      const value = account.apiKeys()[0]?.value;
      await perform({ type: 'rotate-key', keyId });
      expect(calls.asked).toEqual([
        {
          message: 'Rotate ‘team’?',
          detail: expect.stringContaining('the old one stops working at once') as string,
          confirm: 'Rotate',
        },
      ]);
      expect(secrets.items.get(keyId)).toBe(before);
      expect(account.apiKeys()[0]?.value).toBe(value);
      expect(calls.notified).toEqual([]);
    });

    it('puts the new value in the keychain under the same key, and says so without it', async () => {
      const { perform, calls, keyId, secrets, before, account } = await withAccountKey('zh-CN');
      calls.confirms = true;
      await perform({ type: 'rotate-key', keyId });
      const now = account.apiKeys()[0]?.value;
      expect(now).not.toBe(before);
      expect(secrets.items.get(keyId)).toBe(now);
      expect(calls.notified).toEqual(['已轮换“team”：新值已存入钥匙串，旧值已失效']);
      expect(calls.shown).toEqual([]);
      expect(calls.notified.join(' ')).not.toContain(now);
    });

    it('shows the value once when the keychain refuses it after every try, and copies it only if asked', async () => {
      const { perform, calls, keyId, secrets, before, account, context } = await withAccountKey();
      calls.confirms = true;
      calls.copies = true;
      secrets.failWrites = true;
      await perform({ type: 'rotate-key', keyId });
      const now = account.apiKeys()[0]?.value ?? '';
      expect(secrets.items.get(keyId)).toBe(before);
      expect(calls.shown).toEqual([
        {
          message: 'The new value of ‘team’ — shown once',
          detail: expect.stringContaining('The keychain would not take the new value') as string,
          value: now,
        },
      ]);
      expect(context.clipboard.copies.map((copy) => copy.value)).toEqual([now]);
      expect(calls.notified).toEqual([]);
    }, 15_000);
  });
});
