// Refreshes the README screenshots: MSK_SCREENSHOTS=1 npx playwright test screenshots --project renderer
import { expect, test } from './app.js';

test.skip(!process.env.MSK_SCREENSHOTS, 'refreshes README screenshots only when MSK_SCREENSHOTS=1');

test('window with keys', async ({ app }) => {
  await app.services.vault.add({ secret: `sk-${'a'.repeat(28)}7f3c`, label: 'personal', regionId: 'sg' });
  await app.services.vault.add({
    secret: `sk-ws-H.ABCDEFG.Ab1x.MEQC${'b'.repeat(80)}-91d0`,
    label: 'team-prod',
    regionId: 'sg',
    workspaceId: 'llm-7c72iiw36kd8',
  });
  await app.services.vault.add({
    secret: `sk-sp-${'c'.repeat(26)}e21a`,
    label: 'coding-plan',
    regionId: 'sg',
  });
  await app.services.vault.add({
    secret: `sk-sp-${'d'.repeat(26)}5b7e`,
    label: 'token-plan',
    regionId: 'sg',
    plan: 'token',
  });
  await app.page.setViewportSize({ width: 480, height: 460 });
  await app.reload();
  await expect(app.page.getByRole('list', { name: 'Keys' }).getByRole('listitem')).toHaveCount(4);
  await app.page.screenshot({ path: 'build/screenshots/window-keys.png' });
});

test('window with an empty region', async ({ app }) => {
  await app.page.setViewportSize({ width: 480, height: 340 });
  await app.reload();
  await app.page.getByLabel('Region').selectOption('us-east-1');
  await expect(app.page.getByRole('heading', { name: 'No keys in US (Virginia)' })).toBeVisible();
  await app.page.screenshot({ path: 'build/screenshots/window-empty.png' });
});
