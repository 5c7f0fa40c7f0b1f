// Refreshes the README screenshots (`npm run screenshots`): every view of the window in English and
// Simplified Chinese, light and dark, one view each in Japanese and Traditional Chinese, and the
// tray menu drawn from its real template.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTranslator } from '../../main/shared/i18n/translator.js';
import { snapshot } from '../../main/core/state/snapshot.js';
import { listTools } from '../../main/core/actions/tools.js';
import { trayMenu } from '../../main/shell/tray-menu.js';
import type { LastCheck } from '../../main/core/config/config-schema.js';
import { type App, expect, test } from './app.js';
import { trayMenuHtml } from './tray-picture.js';

test.skip(!process.env.MSK_SCREENSHOTS, 'refreshes README screenshots only when MSK_SCREENSHOTS=1');

/** Keys across regions, named workspaces, and last checks of every kind the Checks view explains. */
async function arrange(app: App) {
  const add = (
    label: string,
    regionId: string,
    secret: string,
    more: Partial<{ workspaceId: string; plan: 'token' | 'coding' }> = {},
  ) => app.services.vault.add({ secret, label, regionId, ...more });
  await add('personal', 'sg', `sk-${'a'.repeat(28)}7f3c`);
  await add('team-prod', 'sg', `sk-ws-H.ABCDEFG.Ab1x.MEQC${'b'.repeat(80)}-91d0`, {
    workspaceId: 'llm-7c72iiw36kd8',
  });
  await add('coding-plan', 'sg', `sk-sp-${'c'.repeat(26)}e21a`);
  await add('virginia', 'sg', `sk-${'d'.repeat(28)}5b7e`);
  await add('beijing', 'cn', `sk-${'e'.repeat(28)}0c4d`);
  await app.services.config.update((draft) => {
    draft.workspaces.push({ id: 'llm-7c72iiw36kd8', name: 'Production', regionId: 'ap-southeast-1' });
    const at = new Date(Date.now() - 4 * 60_000).toISOString();
    const checks: Record<string, LastCheck> = {
      personal: { status: 'ok', httpStatus: 200, latencyMs: 182, modelCount: 6, at },
      'team-prod': { status: 'ok', httpStatus: 200, latencyMs: 240, modelCount: 4, at },
      'coding-plan': { status: 'unverified', httpStatus: 405, latencyMs: 95, modelCount: null, at },
      virginia: {
        status: 'wrong-region',
        httpStatus: 401,
        latencyMs: 310,
        modelCount: null,
        suggestedRegionId: 'us-east-1',
        at,
      },
    };
    for (const key of draft.keys) {
      const check = checks[key.label];
      if (check) key.lastCheck = check;
    }
  });
}

const VIEWS = [
  ['keys', 'Keys'],
  ['add', 'Add key'],
  ['import', 'Import'],
  ['regions', 'Regions & workspaces'],
  ['account', 'Account'],
  ['checks', 'Checks'],
  ['tools', 'Tools'],
  ['settings', 'Settings'],
] as const;

test.describe('window views', () => {
  // The pictures show Alibaba's own base URLs.
  test.use({ imitation: false });
  for (const language of ['en', 'zh-CN'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      test(`window views, ${language}, ${theme}`, async ({ app }) => {
        await arrange(app);
        await app.services.config.update((draft) => {
          draft.settings.language = language;
          draft.settings.theme = theme;
        });
        await app.page.setViewportSize({ width: 960, height: 680 });
        await app.reload();
        const t = createTranslator(language);
        for (const [view] of VIEWS) {
          await app.page
            .getByRole('navigation')
            .getByRole('button', { name: t(`window.nav.${view}`), exact: true })
            .click();
          await expect(app.page.getByRole('main').locator('h2').first()).toBeVisible();
          await app.page.screenshot({ path: `build/screenshots/window-${view}-${language}-${theme}.png` });
        }
      });
    }
  }
});

test.describe('window in the other languages', () => {
  test.use({ imitation: false });
  // One view each for the README: 日本語 and 繁體中文 (every view is checked in window.spec.ts).
  for (const [language, view] of [
    ['ja', 'keys'],
    ['zh-TW', 'checks'],
  ] as const) {
    test(`window ${view}, ${language}, light`, async ({ app }) => {
      await arrange(app);
      await app.services.config.update((draft) => {
        draft.settings.language = language;
        draft.settings.theme = 'light';
      });
      await app.page.setViewportSize({ width: 960, height: 680 });
      await app.reload();
      await app.page
        .getByRole('navigation')
        .getByRole('button', { name: createTranslator(language)(`window.nav.${view}`), exact: true })
        .click();
      await expect(app.page.getByRole('main').locator('h2').first()).toBeVisible();
      await app.page.screenshot({ path: `build/screenshots/window-${view}-${language}-light.png` });
    });
  }
});

test('window: a key being added, its region found', async ({ app }) => {
  const secret = `sk-${'f'.repeat(28)}9a1b`;
  app.modelStudio.addKey('us-east-1', secret);
  await arrange(app);
  await app.page.setViewportSize({ width: 960, height: 680 });
  await app.reload();
  await app.page.getByRole('navigation').getByRole('button', { name: 'Add key', exact: true }).click();
  await app.page.getByLabel('API key').fill(secret);
  await app.page.getByRole('button', { name: 'Continue' }).click();
  await expect(app.page.getByText('Works in US (Virginia)')).toBeVisible();
  await app.page.screenshot({ path: 'build/screenshots/window-add-detected-en-light.png' });
});

test('window: keys found lying in a project, ready to import', async ({ app }) => {
  await arrange(app);
  const project = mkdtempSync(path.join(os.tmpdir(), 'msk-picture-'));
  writeFileSync(
    path.join(project, '.env'),
    `DASHSCOPE_API_KEY=sk-${'1a'.repeat(14)}42d9\nOPENAI_BASE_URL=https://dashscope-intl.aliyuncs.com/compatible-mode/v1\nOPENAI_API_KEY=sk-${'a'.repeat(28)}7f3c\n`,
  );
  writeFileSync(path.join(project, '.env.staging'), `# DASHSCOPE_API_KEY=sk-${'2b'.repeat(14)}c0de\n`);
  await app.page.setViewportSize({ width: 960, height: 680 });
  await app.reload();
  await app.page.getByRole('navigation').getByRole('button', { name: 'Import', exact: true }).click();
  await app.answerFileDialogs({ open: project });
  await app.page.getByRole('button', { name: 'Search a Folder Too…' }).click();
  await expect(app.page.getByText('2 keys not in the keychain yet')).toBeVisible();
  await app.page.screenshot({ path: 'build/screenshots/window-import-found-en-light.png' });
  rmSync(project, { recursive: true, force: true });
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
