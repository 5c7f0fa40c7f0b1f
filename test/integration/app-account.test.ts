// The account in the app's own main process (out/main/index.js under the electron stand-in, the
// real keychain, the management API's imitation): the tray's spend line, and Rotate Key… on a key
// of a connected account — asked in a native message box, the new value in the keychain under the
// same key, said in a notification without it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LaunchedApp, launchApp, type RecordedMenuItem } from '../fixtures/electron-stand-in/launch.js';
import { type PrivateDisplay, startPrivateDisplay } from '../fixtures/electron-stand-in/private-display.js';
import { keychainPart, keytar } from '../fixtures/keychain.js';
import { removeService } from '../fixtures/keytar.js';
import {
  type FakeModelStudioOpenApi,
  startModelStudioOpenApi,
} from '../fixtures/model-studio-openapi/server.js';
import { type FakeModelStudio, startModelStudio } from '../fixtures/model-studio-server.js';
import { type MskHome, mskHome } from '../fixtures/msk.js';
import { CHROMIUM, onPath, systemPart } from '../fixtures/system.js';

const MAIN = path.resolve('out/main/index.js');
const parts =
  keychainPart() &&
  systemPart('Chromium and Xvfb', existsSync(CHROMIUM) && onPath('Xvfb'), 'apt-get install chromium xvfb');

const monthOf = (at: Date) => `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}`;

describe.runIf(parts)('the account in the app’s tray', () => {
  let x: PrivateDisplay;
  let modelStudio: FakeModelStudio;
  let openapi: FakeModelStudioOpenApi;
  let home: MskHome;
  let configHome: string;
  let app: LaunchedApp | undefined;

  beforeAll(async () => {
    expect(existsSync(MAIN), 'run `npm run build` first').toBe(true);
    x = await startPrivateDisplay();
    modelStudio = await startModelStudio();
    openapi = await startModelStudioOpenApi({ modelStudio });
  });
  afterAll(async () => {
    await x?.stop();
    await openapi?.close();
    await modelStudio?.close();
  });
  beforeEach(() => {
    home = mskHome({
      MSK_ENDPOINT_OVERRIDES: JSON.stringify(modelStudio.overrides),
      MSK_OPENAPI_ENDPOINTS: JSON.stringify(openapi.overrides),
    });
    configHome = mkdtempSync(path.join(os.tmpdir(), 'msk-app-config-'));
  });
  afterEach(async () => {
    await app?.kill();
    app = undefined;
    await removeService(home.env.MSK_KEYCHAIN_SERVICE ?? '');
    home.remove();
    rmSync(configHome, { recursive: true, force: true });
  });

  const launch = async () =>
    (app = await launchApp(MAIN, { env: { ...home.env, DISPLAY: x.display, XDG_CONFIG_HOME: configHome } }));
  const find = (items: RecordedMenuItem[], label: string | RegExp) =>
    items.find((item) => (typeof label === 'string' ? item.label === label : label.test(item.label)));

  /** An account on the China site that spent ¥100 before tax this month, connected by msk, with a key `team` created from it. */
  async function connectedWithKey() {
    const account = openapi.addAccount({ site: 'china' });
    account.addCharges({
      date: `${monthOf(new Date())}-01`,
      region: 'cn-beijing',
      model: 'qwen-plus',
      amount: 100,
    });
    const pair = account.accessKey({ ramUser: 'msk' });
    const connected = await home.run(
      ['account', 'connect', '--access-key-id', pair.accessKeyId, '--site', 'china'],
      {
        input: `${pair.accessKeySecret}\n`,
      },
    );
    expect(connected.code, connected.stderr).toBe(0);
    const workspace = account.defaultWorkspace('cn-beijing');
    const created = await home.run([
      'account',
      'create-key',
      '--workspace',
      workspace.workspaceId,
      '--region',
      'cn-beijing',
      '--label',
      'team',
      '--json',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const { keyId } = JSON.parse(created.stdout) as { keyId: string };
    // Its workspace counts it as stored here (it is named by the workspace's domain label).
    const listed = JSON.parse((await home.run(['account', 'workspaces', '--json'])).stdout) as {
      workspaceId: string;
      accountKeys: number;
      storedKeys: number;
    }[];
    expect(listed.find((row) => row.workspaceId === workspace.workspaceId)).toMatchObject({
      accountKeys: 1,
      storedKeys: 1,
    });
    return { account, keyId };
  }

  it('shows this month’s bill of the account, and rotates a key of it in place once asked', async () => {
    const { account, keyId } = await connectedWithKey();
    const service = home.env.MSK_KEYCHAIN_SERVICE ?? '';
    const before = await keytar.getPassword(service, keyId);
    const launched = await launch();
    // Read at start: ¥100 and 6 % tax.
    await launched.waitForMenu((menu) => find(menu, 'Alibaba Cloud this month: ¥106.00') !== undefined);

    // Its only key, in one region: straight under Keys.
    const team = find(find(await launched.menu(), 'Keys')?.submenu ?? [], /^team — /);
    expect(team?.submenu?.map((item) => item.label)).toContain('Rotate Key…');
    // The stand-in's message box answers with its first button: Rotate.
    await launched.click(['Keys', team?.label ?? '', 'Rotate Key…']);
    await expect
      .poll(async () => (await launched.notifications()).map((notice) => notice.body))
      .toContain('Rotated ‘team’: the new value is in the keychain, the old one no longer works');
    expect(await launched.dialogs()).toContainEqual(
      expect.objectContaining({ kind: 'message', content: 'Rotate ‘team’?' }),
    );
    const now = await keytar.getPassword(service, keyId);
    expect(now).not.toBe(before);
    expect(now).toBe(account.apiKeys()[0]?.value);
  });
});
