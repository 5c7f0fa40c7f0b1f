// The window's Account view, end to end: the built renderer and the real core and keychain
// against the imitation of Model Studio's management OpenAPI (its signatures checked). An
// AccessKey secret typed into the window reaches the keychain and nothing else; a refusal is said
// in the form, worded by why, with nothing stored and nothing typed lost; English and Chinese,
// axe clean.
import type { Page } from '@playwright/test';
import { type App, expect, test } from './app.js';
import { expectNoSeriousViolations } from './axe.js';
import { englishLeft, mainText } from './language.js';
import { sidewaysOverflow } from './layout.js';

const nav = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('button', { name, exact: true });

const monthOf = (at: Date) => `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}`;
const thisMonth = monthOf(new Date());
const lastMonth = monthOf(new Date(new Date().getFullYear(), new Date().getMonth() - 1, 1));

/**
 * An account on the China site (6 % tax) with a RAM user's AccessKey, two workspaces of keys in
 * Beijing, a bill this month and last, and a balance.
 */
function arrangeAccount(app: App, options: { deny?: string[] } = {}) {
  const account = app.openapi.addAccount({ site: 'china' });
  const pair = account.accessKey({ ramUser: 'msk', deny: options.deny ?? [] });
  const workspaces = account.seed('cn-beijing', { workspaces: 2, keysPerWorkspace: 3 });
  account.addCharges(
    { date: `${thisMonth}-01`, region: 'cn-beijing', model: 'qwen-plus', amount: 100 },
    { date: `${thisMonth}-01`, region: 'cn-beijing', model: 'qwen-max', amount: 50 },
    { date: `${lastMonth}-15`, region: 'cn-beijing', model: 'qwen-plus', amount: 30 },
  );
  account.balance = { available: 1234.5, cash: 1000, credit: 234.5, mybankCredit: 0, quotaLimit: 0 };
  return { account, pair, workspaces };
}

/** Connects `pair` through the form as `name`, on the China site. */
async function connectInWindow(
  page: Page,
  pair: { accessKeyId: string; accessKeySecret: string },
  name: string,
) {
  await page.getByLabel('AccessKey ID').fill(pair.accessKeyId);
  await page.getByLabel(/^AccessKey secret$/i).fill(pair.accessKeySecret);
  await page.getByLabel(/Name here|在此处的名称/).fill(name);
  await page.getByRole('button', { name: /^(Connect|连接)$/ }).click();
  await expect(page.getByRole('article', { name, exact: true })).toBeVisible();
}

/** The Account view with that account connected as `work` through the form. */
async function openConnected(app: App, options: { language?: 'zh-CN'; width?: number } = {}) {
  const arranged = arrangeAccount(app);
  if (options.language) await app.services.config.update((draft) => void (draft.settings.language = 'zh-CN'));
  if (options.width) await app.page.setViewportSize({ width: options.width, height: 640 });
  await app.reload();
  await nav(app.page, options.language ? '账号' : 'Account').click();
  await connectInWindow(app.page, arranged.pair, 'work');
  return arranged;
}

test('connect an AccessKey pair: a wrong secret is said in the form, the right one lands in the keychain only; permissions, policy and workspaces shown', async ({
  app,
}) => {
  const { page } = app;
  const { pair, workspaces } = arrangeAccount(app, { deny: ['modelstudio:GetBillingOverview'] });
  await app.reload();
  await nav(page, 'Account').click();
  await expect(page.getByRole('heading', { name: 'Alibaba Cloud account' })).toBeVisible();
  // The least RAM policy, before anything is connected.
  await expect(page.getByText('"modelstudio:CreateApiKey"')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy the RAM policy' })).toBeVisible();
  await expectNoSeriousViolations(page);

  const id = page.getByLabel('AccessKey ID');
  const secret = page.getByLabel('AccessKey secret');
  const name = page.getByLabel('Name here (optional)');
  await id.fill(pair.accessKeyId);
  await secret.fill(`${pair.accessKeySecret}x`);
  await name.fill('work');
  await page.getByLabel('Site').selectOption('china');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('Not connected, nothing was stored:');
  await expect(refusal).toContainText('The AccessKey secret does not match its ID');
  // Nothing typed is lost but the secret, which left the field when Connect was pressed.
  await expect(id).toHaveValue(pair.accessKeyId);
  await expect(name).toHaveValue('work');
  await expect(page.getByLabel('Site')).toHaveValue('china');
  await expect(secret).toHaveValue('');
  expect((await app.services.config.read()).accounts).toEqual([]);
  await expectNoSeriousViolations(page);

  await secret.fill(pair.accessKeySecret);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(secret).toHaveValue('');
  const card = page.getByRole('article', { name: 'work', exact: true });
  await expect(card).toContainText('China site (aliyun.com)');
  await expect(card).toContainText(
    `AccessKey ${pair.accessKeyId.slice(0, 4)}…${pair.accessKeyId.slice(-4)} (secret in the keychain)`,
  );
  // Each permission said plainly; the missing one named with its action.
  const permissions = card.getByRole('list', { name: 'What its permissions allow' });
  await expect(permissions.getByRole('listitem')).toHaveText([
    'List its workspaces: allowed',
    'List and manage its API keys: allowed',
    'Read its bill: not allowed: the RAM user’s policy lacks modelstudio:GetBillingOverview',
    'Read its balance: allowed',
  ]);
  // Its bill may not be read: said for that account, in its words.
  await expect(page.getByText('The spend of ‘work’ cannot be read:')).toContainText(
    'This AccessKey may not do that (modelstudio:GetBillingOverview)',
  );
  // Every workspace of every region: the five defaults and the two seeded in Beijing.
  const table = page.getByRole('table', { name: 'Workspaces in the account' });
  await expect(table.getByRole('row')).toHaveCount(1 + 7);
  for (const workspace of workspaces) {
    const row = table.getByRole('row', { name: new RegExp(workspace.workspaceName) });
    await expect(row).toContainText(workspace.workspaceId);
    await expect(row).toContainText(workspace.apiHost);
    await expect(row).toContainText('China (Beijing)');
    await expect(row.getByRole('cell').nth(4)).toHaveText('3');
  }
  await expectNoSeriousViolations(page);

  // The secret: in the keychain under the account's own item, nowhere in the page or the file.
  const [stored] = (await app.services.config.read()).accounts;
  expect(stored).toMatchObject({
    name: 'work',
    site: 'china',
    credential: { kind: 'access-key', accessKeyId: pair.accessKeyId },
  });
  expect(await app.services.secrets.get(`account:${stored?.id}`)).toBe(pair.accessKeySecret);
  expect(await page.content()).not.toContain(pair.accessKeySecret);
  // The snapshot the page holds names the account, never its secret.
  const state = JSON.stringify(await page.evaluate('window.api.state.get()'));
  expect(state).toContain('"accounts":[{"name":"work"');
  expect(state).not.toContain(pair.accessKeySecret);

  // Disconnect, confirmed: the secret leaves the keychain.
  await card.getByRole('button', { name: 'Disconnect work' }).click();
  const dialog = page.getByRole('dialog', { name: 'Disconnect ‘work’?' });
  await expectNoSeriousViolations(page);
  await dialog.getByRole('button', { name: 'Disconnect' }).click();
  // Said once it is done (the card may go first: the data file's watcher is quicker).
  await expect(page.getByRole('status').filter({ hasText: 'Disconnected ‘work’' })).toBeVisible();
  await expect(card).toHaveCount(0);
  expect((await app.services.config.read()).accounts).toEqual([]);
  expect(await app.services.secrets.get(`account:${stored?.id}`)).toBeNull();
});

test('in Simplified Chinese: connect, permissions, workspaces and a refusal are in Chinese, axe clean', async ({
  app,
}) => {
  const { page } = app;
  const { pair, workspaces } = arrangeAccount(app);
  await app.services.config.update((draft) => void (draft.settings.language = 'zh-CN'));
  await app.reload();
  await nav(page, '账号').click();
  await expect(page.getByRole('heading', { name: '阿里云账号' })).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.getByLabel('AccessKey ID').fill('LTAI5tNoSuchKey000000');
  await page.getByLabel('AccessKey Secret').fill(pair.accessKeySecret);
  await page.getByRole('button', { name: '连接', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('阿里云不认识此 AccessKey ID');
  await expectNoSeriousViolations(page);

  await page.getByLabel('AccessKey ID').fill(pair.accessKeyId);
  await page.getByLabel('AccessKey Secret').fill(pair.accessKeySecret);
  await page.getByRole('button', { name: '连接', exact: true }).click();
  const card = page.getByRole('article', { name: 'default', exact: true });
  await expect(card).toContainText('中国站（aliyun.com）');
  await expect(card.getByRole('listitem')).toHaveText([
    '列出业务空间：允许',
    '列出和管理 API 密钥：允许',
    '读取账单：允许',
    '读取余额：允许',
  ]);
  await expect(page.getByRole('article', { name: 'default 的费用' })).toContainText('含税 ¥159.00');
  await expect(page.getByRole('img', { name: /^default 按月的费用/ })).toBeVisible();
  const table = page.getByRole('table', { name: '账号中的业务空间' });
  await expect(
    table.getByRole('row', { name: new RegExp(workspaces[0]?.workspaceName ?? '') }),
  ).toContainText('华北2（北京）');
  await expectNoSeriousViolations(page);
  expect(await page.content()).not.toContain(pair.accessKeySecret);
});

test('connect is a task: Cancel stops it and stores nothing', async ({ app }) => {
  const { page } = app;
  const { pair } = arrangeAccount(app);
  await app.reload();
  await nav(page, 'Account').click();
  app.openapi.latencyMs = 3000;
  await page.getByLabel('AccessKey ID').fill(pair.accessKeyId);
  await page.getByLabel('AccessKey secret').fill(pair.accessKeySecret);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  const running = page.getByRole('group', { name: 'Connecting…' });
  await expect(running.getByRole('progressbar')).toBeVisible();
  await running.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Connect', exact: true })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  // What the service answers after the cancel is dropped: nothing stored, then or later.
  const listed = () =>
    app.openapi.requests.filter(
      (request) => request.accessKeyId === pair.accessKeyId && request.action === 'ListWorkspaces',
    ).length;
  await expect.poll(listed, { timeout: 15_000 }).toBe(5);
  await page.waitForTimeout(500);
  expect((await app.services.config.read()).accounts).toEqual([]);
  expect(await page.getByRole('article').count()).toBe(0);
});

test('spend: this month’s total with its tax, the balance, each model’s share and the months as a chart', async ({
  app,
}) => {
  const { page } = app;
  await openConnected(app);
  const spend = page.getByRole('article', { name: 'Spend of work' });
  await expect(spend).toContainText('¥159.00 with tax (¥150.00 before tax, tax ¥9.00)');
  await expect(spend).toContainText('Balance: ¥1234.50 available');
  const byModel = spend.getByRole('table', { name: 'Spend of work by model' });
  await expect(byModel.getByRole('row', { name: /qwen-plus/ })).toContainText('¥106.00');
  await expect(byModel.getByRole('row', { name: /qwen-max/ })).toContainText('¥53.00');
  const chart = spend.getByRole('img', { name: /^Spend of work by month/ });
  await expect(chart).toBeVisible();
  // Its text alternative says each month's amount.
  await expect(chart).toHaveAccessibleName(new RegExp(`${lastMonth}: ¥31\\.80, ${thisMonth}: ¥159\\.00$`));
  await expect(page.getByText('Through the gateway on this computer this month: 0 requests')).toBeVisible();
  await expectNoSeriousViolations(page);
});

test('keys: create one straight into the keychain, rotate it in place, disable it, delete it and forget it', async ({
  app,
}) => {
  const { page } = app;
  const { account, workspaces } = await openConnected(app);
  const keys = page.getByRole('table', { name: 'Keys in the account' });
  // The six seeded keys, none of them stored here.
  await expect(keys.getByRole('row')).toHaveCount(1 + 6);
  await expect(keys.getByRole('row').nth(1)).toContainText('not stored here');
  await expectNoSeriousViolations(page);

  await page.getByRole('button', { name: 'Create Key' }).click();
  const create = page.getByRole('dialog', { name: 'Create a key in the account' });
  await create
    .getByLabel('Workspace')
    .selectOption({ label: `${workspaces[0]?.workspaceName} — China (Beijing) (work)` });
  await create.getByLabel('Label here').fill('team');
  await create.getByLabel('Only these models (optional)').fill('qwen-plus, qwen-max');
  await expectNoSeriousViolations(page);
  await create.getByRole('button', { name: 'Create Key' }).click();
  await expect(create).toHaveCount(0);
  const row = keys.getByRole('row', { name: /stored as ‘team’/ });
  await expect(row).toContainText('enabled');
  const stored = (await app.services.config.read()).keys.find((key) => key.label === 'team');
  const created = account.apiKeys().find((key) => key.apiKeyId === Number(stored?.accountKey?.apiKeyId));
  expect(created?.auth.modelAccessScope?.accessibleModels).toEqual(['qwen-plus', 'qwen-max']);
  expect(await app.services.secrets.get(stored?.id ?? '')).toBe(created?.value);
  expect(await page.content()).not.toContain(created?.value);
  // Its workspace counts it, in the account and here.
  const workspaceRow = page
    .getByRole('table', { name: 'Workspaces in the account' })
    .getByRole('row', { name: new RegExp(workspaces[0]?.workspaceName ?? '') });
  await expect(workspaceRow.getByRole('cell').nth(4)).toHaveText('4');
  await expect(workspaceRow.getByRole('cell').nth(5)).toHaveText('1');

  // Rotate: asked first; the new value replaces the stored one under the same key.
  const before = created?.value;
  await row.getByRole('button', { name: 'Rotate team' }).click();
  const rotate = page.getByRole('dialog', { name: 'Rotate ‘team’?' });
  await expect(rotate).toContainText('the old one stops working at once');
  await expectNoSeriousViolations(page);
  await rotate.getByRole('button', { name: 'Rotate', exact: true }).click();
  await expect(rotate).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Rotated ‘team’' })).toBeVisible();
  expect(created?.value).not.toBe(before);
  expect(await app.services.secrets.get(stored?.id ?? '')).toBe(created?.value);
  expect((await app.services.config.read()).keys.find((key) => key.label === 'team')?.id).toBe(stored?.id);
  expect(await page.content()).not.toContain(created?.value);

  await row.getByRole('button', { name: 'Disable team' }).click();
  await page
    .getByRole('dialog', { name: 'Disable ‘team’?' })
    .getByRole('button', { name: 'Disable', exact: true })
    .click();
  await expect(row).toContainText('disabled');
  expect(created?.disabled).toBe(true);

  await row.getByRole('button', { name: 'Delete team' }).click();
  const remove = page.getByRole('dialog', { name: 'Delete ‘team’ from the account?' });
  await remove.getByLabel('Also remove ‘team’ from this app and the keychain').check();
  await remove.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted key' })).toBeVisible();
  await expect(row).toHaveCount(0);
  expect(account.apiKeys().some((key) => key.apiKeyId === created?.apiKeyId)).toBe(false);
  expect((await app.services.config.read()).keys).toEqual([]);
  expect(await app.services.secrets.get(stored?.id ?? '')).toBeNull();
});

test('keys in Simplified Chinese: create and rotate, axe clean', async ({ app }) => {
  const { page } = app;
  const { account, workspaces } = await openConnected(app, { language: 'zh-CN' });
  // The workspaces a key can be created in, once every region has answered.
  await expect(page.getByRole('table', { name: '账号中的业务空间' }).getByRole('row')).toHaveCount(1 + 7);
  await page.getByRole('button', { name: '创建密钥' }).click();
  const create = page.getByRole('dialog', { name: '在账号中创建密钥' });
  await create.getByLabel('业务空间', { exact: true }).selectOption({
    label: `${workspaces[0]?.workspaceName} — 华北2（北京）（work）`,
  });
  await create.getByLabel('在此处的标签').fill('团队');
  await expectNoSeriousViolations(page);
  await create.getByRole('button', { name: '创建密钥' }).click();
  const keys = page.getByRole('table', { name: '账号中的密钥' });
  const row = keys.getByRole('row', { name: /保存为“团队”/ });
  await expect(row).toContainText('已启用');
  await row.getByRole('button', { name: '轮换团队' }).click();
  const rotate = page.getByRole('dialog', { name: '轮换“团队”？' });
  await expectNoSeriousViolations(page);
  await rotate.getByRole('button', { name: '轮换', exact: true }).click();
  await expect(rotate).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: '已轮换“团队”' })).toBeVisible();
  const stored = (await app.services.config.read()).keys.find((key) => key.label === '团队');
  const key = account
    .apiKeys()
    .find((candidate) => candidate.apiKeyId === Number(stored?.accountKey?.apiKeyId));
  expect(await app.services.secrets.get(stored?.id ?? '')).toBe(key?.value);
  await expectNoSeriousViolations(page);
  // Every word of the view with an account, its spend, keys and workspaces is Chinese.
  await expect(page.getByRole('img', { name: /^work 按月的费用/ })).toBeVisible();
  const text = await mainText(page);
  expect(englishLeft(text), text).toEqual([]);
});

test('at 200% zoom (a 480 px wide window) the Account view with an account fits: nothing scrolls sideways', async ({
  app,
}) => {
  const { page } = app;
  await openConnected(app, { width: 480 });
  await expect(page.getByRole('table', { name: 'Keys in the account' }).getByRole('row')).toHaveCount(1 + 6);
  await expect(page.getByRole('table', { name: 'Workspaces in the account' }).getByRole('row')).toHaveCount(
    1 + 7,
  );
  await expect(page.getByRole('img', { name: /^Spend of work by month/ })).toBeVisible();
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  await expectNoSeriousViolations(page);
});

test('workspaces: a new one in the home region, and deleting one — the default and one with keys refused, each saying why', async ({
  app,
}) => {
  const { page } = app;
  const { account, workspaces } = await openConnected(app);
  const table = page.getByRole('table', { name: 'Workspaces in the account' });
  await expect(table.getByRole('row')).toHaveCount(1 + 7);

  await page.getByRole('button', { name: 'New Workspace…' }).click();
  const create = page.getByRole('dialog', { name: 'A new workspace in the account' });
  await create.getByLabel('Its name').fill('staging');
  await expectNoSeriousViolations(page);
  await create.getByRole('button', { name: 'New Workspace…' }).click();
  await expect(create).toHaveCount(0);
  const staging = table.getByRole('row', { name: /staging/ });
  await expect(staging).toContainText('China (Beijing)');
  expect(account.workspaces('cn-beijing').map((workspace) => workspace.workspaceName)).toContain('staging');

  const refused = async (name: RegExp, label: string, why: string) => {
    await table
      .getByRole('row', { name })
      .getByRole('button', { name: `Delete ${label}` })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: `Delete the workspace ‘${label}’?` });
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText(why);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  };
  await refused(
    /^work default ws-\S+ China \(Beijing\)/,
    'default',
    'This is the default workspace of its region',
  );
  await refused(
    new RegExp(workspaces[0]?.workspaceName ?? ''),
    workspaces[0]?.workspaceName ?? '',
    'still holds API keys',
  );
  await expect(table.getByRole('row')).toHaveCount(1 + 8);

  await staging.getByRole('button', { name: 'Delete staging' }).click();
  await page
    .getByRole('dialog', { name: 'Delete the workspace ‘staging’?' })
    .getByRole('button', { name: 'Delete', exact: true })
    .click();
  await expect(staging).toHaveCount(0);
  expect(account.workspaces('cn-beijing').map((workspace) => workspace.workspaceName)).not.toContain(
    'staging',
  );
});
