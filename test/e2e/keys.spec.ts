import { writeFileSync } from 'node:fs';
import { expect, test } from './app.js';

const secret = 'sk-0123456789abcdef0123456789abcdef';

test('shows where to create a key when a region has none', async ({ app }) => {
  await app.reload();
  await expect(app.page.getByRole('heading', { name: 'No keys in Singapore' })).toBeVisible();
  await expect(app.page.getByRole('link', { name: 'API Key (Singapore) page' })).toHaveAttribute(
    'href',
    /^https:\/\//,
  );
  await expect(app.page.getByText('msk add --label personal --region ap-southeast-1')).toBeVisible();
});

test('lists the region’s keys masked, and switches region through the real core', async ({ app }) => {
  await app.services.vault.add({ secret, label: 'personal', regionId: 'sg' });
  await app.services.vault.add({
    secret: `sk-${'b'.repeat(32)}`,
    label: 'team',
    regionId: 'cn',
    workspaceId: 'llm-abcd1234',
  });
  await app.reload();

  const keys = app.page.getByRole('list', { name: 'Keys' });
  await expect(keys.getByRole('listitem')).toHaveCount(1);
  await expect(keys).toContainText('personal');
  await expect(keys).toContainText('sk-…cdef');
  await expect(keys).toContainText('active');

  await app.page.getByLabel('Region').selectOption({ label: 'China (Beijing) (1)' });
  await expect(keys).toContainText('team');
  await expect(keys).toContainText('llm-abcd1234');
  expect((await app.services.config.read()).settings.activeRegionId).toBe('cn-beijing');

  expect(await app.page.content()).not.toContain(secret);
});

test('names the service by all its names, and shows every key shape with its plan', async ({ app }) => {
  const workspace = `sk-ws-H.ABCDEFG.Ab1x.MEQC${'x'.repeat(80)}-_q9`;
  await app.services.vault.add({ secret: workspace, label: 'team', regionId: 'sg' });
  await app.services.vault.add({
    secret: `sk-sp-${'c'.repeat(28)}e21a`,
    label: 'tokens',
    regionId: 'sg',
    plan: 'token',
  });
  await app.services.vault.add({
    secret: `sk-${'d'.repeat(32)}`,
    label: 'tokyo',
    regionId: 'jp',
    workspaceId: 'llm-abcd1234',
  });
  await app.reload();

  await expect(
    app.page.getByText('Alibaba Cloud Model Studio (DashScope, Bailian 百炼, QwenCloud)'),
  ).toBeVisible();
  const keys = app.page.getByRole('list', { name: 'Keys' });
  await expect(keys.getByRole('listitem')).toHaveCount(2);
  await expect(keys.getByRole('listitem').filter({ hasText: 'team' })).toContainText('sk-ws-…-_q9');
  await expect(keys.getByRole('listitem').filter({ hasText: 'tokens' })).toContainText('sk-sp-…e21a');
  await expect(keys.getByRole('listitem').filter({ hasText: 'tokens' })).toContainText('Token Plan');

  // Tokyo is offered once a key lives there.
  await app.page.getByLabel('Region').selectOption({ label: 'Japan (Tokyo) (1)' });
  await expect(keys).toContainText('llm-abcd1234');
  await expect(app.page.getByLabel('Region').locator('option')).toHaveText([
    'Singapore (2)',
    'US (Virginia)',
    'China (Beijing)',
    'China (Hong Kong)',
    'Japan (Tokyo) (1)',
  ]);
  expect(await app.page.content()).not.toContain(workspace);
});

test('shows a damaged data file as a problem, and recovers when it is fixed', async ({ app }) => {
  await app.reload();
  writeFileSync(app.services.config.file, '{ damaged');
  await app.reload();
  await expect(app.page.getByRole('alert')).toContainText(/is damaged/);
  writeFileSync(app.services.config.file, JSON.stringify({ schemaVersion: 2 }));
  await app.reload();
  await expect(app.page.getByRole('alert')).toHaveCount(0);
  await expect(app.page.getByRole('heading', { name: 'No keys in Singapore' })).toBeVisible();
});
