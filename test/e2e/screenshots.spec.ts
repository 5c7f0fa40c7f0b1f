// Refreshes the README screenshots: MSK_SCREENSHOTS=1 npx playwright test screenshots --project renderer
import { expect, test } from './app.js';

test.skip(!process.env.MSK_SCREENSHOTS, 'refreshes README screenshots only when MSK_SCREENSHOTS=1');

test('window with keys', async ({ app }) => {
  await app.services.vault.add({ secret: `sk-${'a'.repeat(28)}7f3c`, label: 'personal', regionId: 'sg' });
  await app.services.vault.add({
    secret: `sk-${'b'.repeat(28)}91d0`,
    label: 'team-prod',
    regionId: 'sg',
    workspaceId: 'llm-7c72iiw36kd8',
  });
  await app.services.vault.add({
    secret: `sk-sp-${'c'.repeat(26)}e21a`,
    label: 'coding-plan',
    regionId: 'sg',
  });
  await app.page.setViewportSize({ width: 440, height: 420 });
  await app.reload();
  await expect(app.page.getByRole('list', { name: 'Keys' }).getByRole('listitem')).toHaveCount(3);
  await app.page.screenshot({ path: 'build/screenshots/window-keys.png' });
});

test('window with an empty region', async ({ app }) => {
  await app.page.setViewportSize({ width: 440, height: 320 });
  await app.reload();
  await app.page.getByLabel('Region').selectOption('us-east-1');
  await expect(app.page.getByRole('heading', { name: 'No keys in US (Virginia)' })).toBeVisible();
  await app.page.screenshot({ path: 'build/screenshots/window-empty.png' });
});
