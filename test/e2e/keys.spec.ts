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
