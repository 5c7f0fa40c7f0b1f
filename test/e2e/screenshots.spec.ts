// Refreshes the README screenshots: MSK_SCREENSHOTS=1 npx playwright test screenshots --project renderer
import { createTranslator } from '../../main/i18n/translator.js';
import { snapshot } from '../../main/core/state.js';
import { listTools } from '../../main/core/actions/tools.js';
import { trayMenu } from '../../main/shell/tray-menu.js';
import { expect, test } from './app.js';
import { trayMenuHtml } from './tray-picture.js';

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

test('tray menu', async ({ app }) => {
  const add = (label: string, regionId: string, workspaceId = 'default', fingerprint = '7f3c') =>
    app.services.vault.add({ secret: `sk-${'a'.repeat(28)}${fingerprint}`, label, regionId, workspaceId });
  await add('personal', 'sg');
  await add('team-prod', 'sg', 'llm-7c72iiw36kd8', '91d0');
  await add('beijing', 'cn', 'default', '5b7e');
  await app.services.config.update((draft) => {
    const at = '2026-11-27T10:00:00.000Z';
    for (const [index, key] of draft.keys.entries()) {
      key.lastCheck = {
        status: index === 2 ? 'wrong-region' : 'ok',
        httpStatus: 200,
        latencyMs: 90,
        modelCount: 6,
        at,
      };
    }
  });
  const config = await app.services.config.read();
  // As on a machine with Qwen Code and Claude Code installed.
  const installed = new Set(['terminal', 'qwen-code', 'claude-code']);
  const tools = listTools(config, { searchPath: '', platform: 'linux', shell: '/bin/bash' }).map((tool) =>
    tool.available === null ? tool : { ...tool, available: installed.has(tool.id) },
  );
  const menu = trayMenu(snapshot(config), createTranslator('en'), {
    checking: null,
    copyAccelerator: 'Ctrl+Shift+K',
    tools,
  });
  await app.page.setViewportSize({ width: 1400, height: 640 });
  const picture = async (open: string[], file: string) => {
    await app.page.setContent(trayMenuHtml(menu, open, 'Ctrl+Shift+K'));
    await app.page.locator('body').screenshot({ path: `build/screenshots/${file}` });
  };
  await picture(
    ['Keys', 'Singapore (2)', 'personal — sk-…7f3c (active)', 'Copy Environment'],
    'tray-menu.png',
  );
  await picture(['Launch'], 'tray-launch.png');
});
