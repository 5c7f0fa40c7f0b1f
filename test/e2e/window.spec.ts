// The window's flows, end to end: the built renderer, the real core and keychain, the Model
// Studio imitation; under every target of playwright.config.ts (bridged Chromium, the electron
// stand-in running the real main process, real Electron where installed).
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { fakeKey } from '../fixtures/fake-keys.js';
import { fakePrograms } from '../fixtures/fake-programs.js';
import { type App, expect, test } from './app.js';
import { expectNoSeriousViolations } from './axe.js';
import { englishLeft, mainText, SCRIPT } from './language.js';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../main/shared/i18n/languages.js';
import { createTranslator } from '../../main/shared/i18n/translator.js';
import { sidewaysOverflow } from './layout.js';
import { sha512Of } from '../fixtures/update-feed.js';
import { freePort } from '../fixtures/free-port.js';

const nav = (page: Page, name: string | RegExp) =>
  page.getByRole('navigation').getByRole('button', { name, exact: typeof name === 'string' });
const row = (page: Page, label: string) => page.getByRole('article', { name: new RegExp(`^${label}, `) });
const recordOf = async (app: App, label: string) =>
  (await app.services.config.read()).keys.find((key) => key.label === label);

/** `msk` as another process would run it, on the same data and keychain. */
function msk(app: App, args: string[], input: string): Promise<number | null> {
  const child = spawn(process.execPath, [path.resolve('out/cli/msk.js'), ...args], {
    env: { ...process.env, ...app.env },
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  child.stdin.end(input);
  return new Promise((resolve) => child.on('exit', resolve));
}

test('first run: add a key, its region found live, and it appears under its region', async ({ app }) => {
  const { page } = app;
  const secret = fakeKey();
  app.modelStudio.addKey('us-east-1', secret);
  await app.reload();
  await expect(page.getByRole('heading', { name: 'No keys yet' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'API Key page — Singapore' })).toHaveAttribute(
    'href',
    /^https:\/\//,
  );
  await expectNoSeriousViolations(page);

  await page.getByRole('main').getByRole('button', { name: 'Add key' }).click();
  await page.getByLabel('API key').fill(secret);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('Works in US (Virginia) (Pay-as-you-go).')).toBeVisible();
  await expect(page.getByLabel('API key')).toHaveCount(0);
  await expect(page.getByLabel('Region', { exact: true }).last()).toHaveValue('us-east-1');
  await expectNoSeriousViolations(page);
  await page.getByLabel('Label').fill('virginia');
  await page.getByRole('button', { name: 'Save key' }).click();

  await expect(row(page, 'virginia')).toHaveAccessibleName(
    /^virginia, sk-…\w{4}, US \(Virginia\), Default workspace$/,
  );
  expect(await recordOf(app, 'virginia')).toMatchObject({ regionId: 'us-east-1', plan: 'payg' });
  expect(await page.content()).not.toContain(secret);
  await expectNoSeriousViolations(page);
});

test('add: a key no region accepts shows each region’s answer and stores nothing', async ({ app }) => {
  const { page } = app;
  await app.reload();
  await nav(page, 'Add key').click();
  await page.getByLabel('API key').fill(fakeKey());
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('No region accepted this key. Each one’s answer:')).toBeVisible();
  const answers = page.getByRole('list', { name: 'Answers by region' }).getByRole('listitem');
  await expect(answers.first()).toContainText('invalid');
  expect(await answers.count()).toBeGreaterThanOrEqual(4);
  expect((await app.services.config.read()).keys).toEqual([]);
});

test('add: a bad paste is explained, a temporary key too, and a stored key is named', async ({ app }) => {
  const { page } = app;
  const secret = fakeKey();
  await app.services.vault.add({ secret, label: 'personal', regionId: 'sg' });
  await app.reload();
  await nav(page, 'Add key').click();
  const field = page.getByLabel('API key');
  await field.fill('sk-tooshort');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('That is not a Model Studio API key.');
  await expect(page.getByRole('alert')).toContainText('too short');
  await field.fill(`st-${'a'.repeat(40)}`);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('That is a temporary key.');
  await field.fill(secret);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('This key is already stored as ‘personal’.')).toBeVisible();
  await page.getByRole('button', { name: 'Show it' }).click();
  await expect(row(page, 'personal')).toBeVisible();
});

test('a key filed in the wrong region: the check explains, and “Move” fixes it', async ({ app }) => {
  const { page } = app;
  const secret = fakeKey();
  app.modelStudio.addKey('us-east-1', secret);
  await app.services.vault.add({ secret, label: 'misfiled', regionId: 'sg' });
  await app.reload();
  await page.getByRole('button', { name: 'Check misfiled' }).click();
  await expect(row(page, 'misfiled')).toContainText('wrong region');
  await nav(page, 'Checks').click();
  const result = page.getByRole('row', { name: /misfiled/ });
  await expect(result).toContainText('The key belongs to US (Virginia): each region has its own keys.');
  await expectNoSeriousViolations(page);
  await result.getByRole('button', { name: 'Move to US (Virginia)' }).click();
  await expect(result).toContainText('The key works here.');
  expect(await recordOf(app, 'misfiled')).toMatchObject({
    regionId: 'us-east-1',
    lastCheck: { status: 'ok' },
  });
});

test('check all: progress, cancel, then a full run with the models each key reached', async ({ app }) => {
  const { page } = app;
  for (const label of ['a', 'b', 'c', 'd', 'e', 'f']) {
    const secret = fakeKey();
    app.modelStudio.addKey('ap-southeast-1', secret);
    await app.services.vault.add({ secret, label, regionId: 'sg' });
  }
  await app.reload();
  await nav(page, 'Checks').click();
  app.modelStudio.latencyMs = 3000;
  await page.getByRole('button', { name: 'Check all keys' }).click();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(page.getByText(/Checked \d of 6/).first()).toBeVisible();
  await expect(nav(page, /Checks \d\/6/)).toBeVisible();
  await page
    .getByRole('group', { name: 'Check in progress' })
    .getByRole('button', { name: 'Cancel' })
    .click();
  await expect(page.getByText(/Check cancelled after \d keys?/)).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);

  app.modelStudio.latencyMs = 0;
  await page.getByRole('button', { name: 'Check all keys' }).click();
  await expect(page.getByText('Checked 6 keys')).toBeVisible();
  await expect(page.getByRole('row', { name: /^a / }).getByText('ok')).toBeVisible();
  await page.getByRole('row', { name: /^a / }).getByText('6 models').click();
  await expect(page.getByRole('row', { name: /^a / }).getByText('qwen3-coder-plus')).toBeVisible();
});

test('switch region, rename and filter from the window', async ({ app }) => {
  const { page } = app;
  await app.services.vault.add({ secret: fakeKey(), label: 'personal', regionId: 'sg' });
  await app.services.vault.add({
    secret: fakeKey(),
    label: 'team',
    regionId: 'cn',
    workspaceId: 'llm-abcd1234',
  });
  await app.reload();
  await page.getByLabel('Region', { exact: true }).first().selectOption('cn-beijing');
  await expect
    .poll(async () => (await app.services.config.read()).settings.activeRegionId)
    .toBe('cn-beijing');

  await page.getByRole('button', { name: 'More actions for personal' }).click();
  await page.getByRole('menuitem', { name: 'Rename' }).click();
  await page.getByLabel('New label for personal').fill('private');
  await page.keyboard.press('Enter');
  await expect(row(page, 'private')).toBeVisible();
  expect(await recordOf(app, 'private')).toBeDefined();

  await page.getByLabel('Filter keys').fill('team');
  await expect(row(page, 'team')).toBeVisible();
  await expect(row(page, 'private')).toHaveCount(0);
  await expect(row(page, 'team')).toHaveAccessibleName(/China \(Beijing\), llm-abcd1234$/);
  await expect(page.getByRole('heading', { name: 'Workspace llm-abcd1234' })).toBeVisible();
});

test('keyboard: arrows walk the keys, Enter copies with the clear countdown shown', async ({ app }) => {
  const { page } = app;
  await app.services.vault.add({ secret: fakeKey(), label: 'first', regionId: 'sg' });
  await app.services.vault.add({ secret: fakeKey(), label: 'second', regionId: 'sg' });
  await app.reload();
  await row(page, 'first').focus();
  await page.keyboard.press('ArrowDown');
  await expect(row(page, 'second')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row(page, 'second')).toContainText(/clipboard clears in \d+ s/);
  await expect(page.getByRole('status').filter({ hasText: 'Copied ‘second’' })).toBeVisible();
});

test('keyboard: End and Home reach keys far outside the view (the list is virtualised)', async ({ app }) => {
  const { page } = app;
  await app.services.config.update((draft) => {
    for (let index = 0; index < 60; index += 1) {
      draft.keys.push({
        id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
        label: `key-${String(index).padStart(2, '0')}`,
        regionId: 'ap-southeast-1',
        workspaceId: 'default',
        plan: 'payg',
        shape: 'classic',
        fingerprint: String(index).padStart(4, '0'),
        createdAt: '2026-11-27T10:00:00.000Z',
      });
    }
  });
  await page.setViewportSize({ width: 960, height: 600 });
  await app.reload();
  await expect(row(page, 'key-59')).toHaveCount(0);
  await row(page, 'key-00').focus();
  await page.keyboard.press('End');
  await expect(row(page, 'key-59')).toBeFocused();
  await expect(row(page, 'key-59')).toBeInViewport();
  await page.keyboard.press('ArrowUp');
  await expect(row(page, 'key-58')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(row(page, 'key-00')).toBeFocused();
  expect(await page.getByRole('article').count()).toBeLessThan(40);
});

test('delete asks first, says the key may be lost for good, and removes it from the keychain', async ({
  app,
}) => {
  const { page } = app;
  await app.services.vault.add({ secret: fakeKey(), label: 'old', regionId: 'sg' });
  await app.reload();
  await page.getByRole('button', { name: 'More actions for old' }).click();
  await page.getByRole('menuitem', { name: 'Delete…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete ‘old’?' });
  await expect(dialog).toContainText('shows newer keys only once');
  await expectNoSeriousViolations(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(row(page, 'old')).toBeVisible();

  await page.getByRole('button', { name: 'More actions for old' }).click();
  await page.getByRole('menuitem', { name: 'Delete…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { name: 'No keys yet' })).toBeVisible();
  expect((await app.services.config.read()).keys).toEqual([]);
});

test('reveal shows the key, and hides it again after 10 seconds', async ({ app }) => {
  const { page } = app;
  const secret = fakeKey();
  await app.services.vault.add({ secret, label: 'personal', regionId: 'sg' });
  await page.clock.install();
  await app.reload();
  await page.getByRole('button', { name: 'More actions for personal' }).click();
  await page.getByRole('menuitem', { name: 'Reveal for 10 seconds' }).click();
  await expect(page.getByText(secret)).toBeVisible();
  await page.clock.fastForward(11_000);
  await expect(page.getByText(secret)).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);
});

test('settings are saved where msk reads them, refused values explained, kept across a restart', async ({
  app,
}) => {
  const { page } = app;
  await app.reload();
  await nav(page, 'Settings').click();
  const seconds = page.getByLabel('Clear the clipboard after (seconds)', { exact: true });
  await seconds.fill('45');
  await seconds.press('Enter');
  await expect.poll(async () => (await app.services.config.read()).settings.clipboardClearSeconds).toBe(45);
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await seconds.fill('99999');
  await seconds.press('Enter');
  await expect(page.getByRole('alert')).toBeVisible();
  expect((await app.services.config.read()).settings.clipboardClearSeconds).toBe(45);
  await expectNoSeriousViolations(page);

  await app.restart();
  await nav(app.page, 'Settings').click();
  await expect(app.page.getByLabel('Clear the clipboard after (seconds)', { exact: true })).toHaveValue('45');
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('backup from Settings, then restore: a lost key comes back, a stored one is skipped', async ({
  app,
}) => {
  const { page } = app;
  const folder = mkdtempSync(path.join(os.tmpdir(), 'msk-e2e-backup-'));
  const file = path.join(folder, 'keys.msk-backup');
  const personal = fakeKey();
  await app.services.vault.add({ secret: personal, label: 'personal', regionId: 'sg' });
  await app.services.vault.add({ secret: fakeKey(), label: 'work', regionId: 'cn' });
  await app.reload();
  await nav(page, 'Settings').click();

  await page.getByRole('button', { name: 'Back Up Keys…' }).click();
  const create = page.getByRole('dialog', { name: 'Back up 2 keys' });
  await expect(create).toContainText('it cannot be recovered');
  // Shorter than 8 characters is refused here, before a place is asked for, as msk refuses it.
  await create.getByLabel('Passphrase', { exact: true }).fill('seven77');
  await create.getByLabel('Passphrase again').fill('seven77');
  await create.getByRole('button', { name: 'Choose Where to Save…' }).click();
  await expect(create.getByRole('alert')).toHaveText('A passphrase has at least 8 characters.');
  await create.getByLabel('Passphrase', { exact: true }).fill('correct horse battery staple');
  await create.getByLabel('Passphrase again').fill('correct horse battery stapler');
  await create.getByRole('button', { name: 'Choose Where to Save…' }).click();
  await expect(create.getByRole('alert')).toHaveText('The two passphrases differ.');
  await expectNoSeriousViolations(page);
  await create.getByLabel('Passphrase again').fill('correct horse battery staple');
  await app.answerFileDialogs({ save: file });
  await create.getByRole('button', { name: 'Choose Where to Save…' }).click();
  await expect(page.getByRole('status')).toContainText(`Backed up 2 keys to ${file}`);
  await expect(create).toHaveCount(0);
  expect(statSync(file).mode & 0o777).toBe(0o600);
  expect(readFileSync(file, 'utf8')).not.toContain(personal);

  // The key is lost here (as on a new machine, or after a mistaken delete).
  await app.services.vault.remove('personal');
  await app.answerFileDialogs({ open: file });
  await page.getByRole('button', { name: 'Restore from Backup…' }).click();
  const restore = page.getByRole('dialog', { name: 'Restore from backup' });
  await expect(restore).toContainText(file);
  await restore.getByLabel('Passphrase').fill('wrong passphrase');
  await restore.getByRole('button', { name: 'Restore' }).click();
  await expect(restore.getByRole('alert')).toContainText('the passphrase is wrong');
  await restore.getByLabel('Passphrase').fill('correct horse battery staple');
  await restore.getByRole('button', { name: 'Restore' }).click();
  const finished = page.getByRole('dialog', { name: 'Restore finished' });
  await expect(finished).toContainText('Restored 1 key:');
  await expect(finished).toContainText('1 key was already stored here and is skipped:');
  await expect(finished.getByRole('listitem')).toHaveText(['personal', '‘work’ (stored here as ‘work’)']);
  await finished.getByRole('button', { name: 'Done' }).click();

  const record = await recordOf(app, 'personal');
  expect(record).toMatchObject({ regionId: 'ap-southeast-1' });
  expect(await app.services.vault.secretOf(record!)).toBe(personal);
  await nav(page, 'Keys').click();
  await expect(row(page, 'personal')).toBeVisible();
  expect(await page.content()).not.toContain(personal);
  rmSync(folder, { recursive: true, force: true });
});

test('import: a key found in a project’s .env is stored (its region found), then taken out of the file', async ({
  app,
}) => {
  const { page } = app;
  const secret = fakeKey();
  app.modelStudio.addKey('ap-southeast-1', secret);
  const project = mkdtempSync(path.join(os.tmpdir(), 'msk-e2e-project-'));
  const envFile = path.join(project, '.env');
  // Another service's token beside it: shown around the change, never in the page.
  const token = `ghp_${'x9Yz'.repeat(9)}`;
  writeFileSync(envFile, `# keys\r\nDASHSCOPE_API_KEY=${secret}\r\nGITHUB_TOKEN=${token}\r\n`);
  writeFileSync(path.join(project, '.env.old'), `# DASHSCOPE_API_KEY=${fakeKey()}\n`);
  await app.reload();
  await nav(page, 'Import').click();
  await app.answerFileDialogs({ open: project });
  await page.getByRole('button', { name: 'Search a Folder Too…' }).click();
  const found = page.getByRole('form', { name: '2 keys not in the keychain yet' });
  await expect(found).toContainText(`${envFile} line 2 DASHSCOPE_API_KEY`);
  await expect(found).toContainText('commented out');
  // A commented-out key is offered, not chosen.
  await expect(found.getByRole('checkbox')).toHaveCount(2);
  await expect(found.getByRole('checkbox').nth(0)).toBeChecked();
  await expect(found.getByRole('checkbox').nth(1)).not.toBeChecked();
  await found.getByLabel('Label').first().fill('project');
  await expectNoSeriousViolations(page);
  await found.getByRole('button', { name: 'Import 1 Key' }).click();
  await expect(
    page.getByText(/^‘project’ \(sk-…\w{4}\) is in the keychain now, in Singapore\.$/),
  ).toBeVisible();
  const record = await recordOf(app, 'project');
  expect(record).toMatchObject({ regionId: 'ap-southeast-1' });
  expect(await app.services.vault.secretOf(record!)).toBe(secret);

  const still = page.getByRole('region', { name: '1 key in the keychain still lies in a file' });
  await still.getByRole('button', { name: 'Review Removing 1 Key…' }).click();
  const review = page.getByRole('dialog', { name: 'Take the keys out of their files' });
  await expect(review.getByLabel('Change')).toContainText('DASHSCOPE_API_KEY=sk-…');
  await expect(review.getByLabel('Change')).toContainText('Model Studio key moved to the OS keychain');
  await expect(review.getByLabel('Change')).toContainText('GITHUB_TOKEN=ghp…x9Yz');
  expect(await page.content()).not.toContain(secret);
  expect(await page.content()).not.toContain(token);
  await expectNoSeriousViolations(page);
  await review.getByRole('button', { name: 'Remove from Files' }).click();
  await expect(review).toHaveCount(0);
  await expect(page.getByText(new RegExp(`^${envFile}: the key is out \\(backup: .+\\)\\.$`))).toBeVisible();
  await expect(
    page.getByText('The backups still hold the keys: delete them once you have checked the change.'),
  ).toBeVisible();
  const lines = readFileSync(envFile, 'utf8').split('\r\n');
  expect(lines[0]).toBe('# keys');
  expect(lines[1]).toMatch(/^# Model Studio key moved to the OS keychain/);
  expect(lines.slice(2)).toEqual([`GITHUB_TOKEN=${token}`, '']);
  expect(readFileSync(envFile, 'utf8')).not.toContain(secret);
  expect(readdirSync(project).some((name) => name.startsWith('.env.msk-backup-'))).toBe(true);
  rmSync(project, { recursive: true, force: true });
});

test('settings: a setting of entries has its add row right under its words, no gap', async ({ app }) => {
  const { page } = app;
  await app.reload();
  await nav(page, 'Settings').click();
  for (const name of ['toolModels', 'endpointOverrides']) {
    const setting = page.locator(`[data-setting="${name}"]`);
    // The help line is the last of its words: the box around them may be taller than they are.
    const words = (await setting.locator('.setting-text p').boundingBox())!;
    const form = (await setting.locator('form').boundingBox())!;
    expect(form.y - (words.y + words.height), name).toBeLessThan(24);
  }
});

test('regions, workspaces and tools: base URLs, names, the exact variables a tool gets', async ({ app }) => {
  const { page } = app;
  await app.services.vault.add({
    secret: fakeKey(),
    label: 'team',
    regionId: 'sg',
    workspaceId: 'llm-abcd1234',
  });
  await app.reload();
  await nav(page, 'Regions & workspaces').click();
  const singapore = page.getByRole('article', { name: 'Singapore' });
  await expect(singapore).toContainText('/compatible-mode/v1');
  await expect(singapore).toContainText('1 key');
  await page.getByLabel('Name of workspace llm-abcd1234').fill('Production');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await app.services.config.read()).workspaces[0]?.name).toBe('Production');
  await expectNoSeriousViolations(page);

  await nav(page, 'Tools').click();
  const qwen = page.getByRole('article', { name: 'Qwen Code' });
  await qwen.getByText(/\d+ variables/).click();
  await expect(qwen).toContainText('OPENAI_API_KEY');
  await expect(qwen).toContainText(/OPENAI_API_KEYsk-…\w{4}OPENAI_BASE_URLhttp/);
  await expectNoSeriousViolations(page);

  // A tool of one's own: a key on its command line is refused, inside the dialog; fixed, it is saved.
  await page.getByRole('button', { name: 'Add your own tool…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add your own tool' });
  await expect(dialog).toContainText('{{apiKey}}');
  await dialog.getByLabel('Id (letters, digits, -)').fill('my-agent');
  await dialog.getByLabel('Name', { exact: true }).fill('My agent');
  await dialog.getByLabel('Command (optional)').fill('my-agent --key {{apiKey}}');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The command cannot hold {{apiKey}}');
  await dialog.getByLabel('Command (optional)').fill('my-agent');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('article', { name: 'My agent' })).toContainText('2 variables');
  expect((await app.services.config.read()).settings.customTools).toMatchObject([
    { id: 'my-agent', command: ['my-agent'], variables: { OPENAI_API_KEY: '{{apiKey}}' } },
  ]);

  // Edited: a key pasted where {{apiKey}} belongs is refused, naming the line, never the key;
  // nothing is stored. Without a command, and the key taken out, the new version replaces the old.
  const typed = fakeKey();
  await page.getByRole('button', { name: 'Edit My agent' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit My agent' });
  await edit.getByLabel('Command (optional)').fill('');
  await edit.getByLabel('Variables, one NAME=template per line').fill(`OPENAI_API_KEY=${typed}`);
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByRole('alert')).toHaveText(
    'A tool of your own cannot hold a key, and its variables.OPENAI_API_KEY looks like one: keys stay in the keychain. Put {{apiKey}} where the key goes.',
  );
  expect(JSON.stringify(await app.services.config.read())).not.toContain(typed);
  await edit.getByLabel('Variables, one NAME=template per line').fill('OPENAI_API_KEY={{apiKey}}');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toHaveCount(0);
  expect((await app.services.config.read()).settings.customTools).toEqual([
    { id: 'my-agent', name: 'My agent', variables: { OPENAI_API_KEY: '{{apiKey}}' } },
  ]);
});

test('in Simplified Chinese the tool form says, in Chinese, that a key has no place in a tool', async ({
  app,
}) => {
  const { page } = app;
  await app.services.config.update((draft) => void (draft.settings.language = 'zh-CN'));
  await app.reload();
  await nav(page, '工具').click();
  await page.getByRole('button', { name: '添加自定义工具…' }).click();
  const dialog = page.getByRole('dialog', { name: '添加自定义工具' });
  await dialog.getByLabel('ID（字母、数字、-）').fill('my-agent');
  await dialog.getByLabel('名称', { exact: true }).fill('我的工具');
  await dialog.getByLabel('命令（可选）').fill(`my-agent --key ${fakeKey()}`);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    '自定义工具不能包含密钥，而它的 command.2 看起来像一个密钥：密钥只保存在钥匙串中。请在需要密钥的位置写 {{apiKey}}。',
  );
  expect((await app.services.config.read()).settings.customTools).toEqual([]);
});

test('gateway: a tool gets a token shown once, its requests reach the key and are counted; a revoked token is refused', async ({
  app,
}) => {
  const { page } = app;
  const secret = fakeKey();
  app.modelStudio.addKey('ap-southeast-1', secret);
  await app.services.vault.add({ secret, label: 'personal', regionId: 'sg' });
  // A port of its own: other tests run beside it.
  const port = await freePort();
  await app.services.config.update((draft) => void (draft.settings.gatewayPort = port));
  await app.reload();
  await nav(page, 'Gateway').click();
  await expect(page.getByText('No tool has a token yet.')).toBeVisible();
  await expect(page.locator('#gateway-status')).toHaveText('It starts once a tool has a token.');
  await expectNoSeriousViolations(page);

  await page.getByLabel('Tool', { exact: true }).fill('chatbox');
  await page.getByRole('checkbox', { name: /personal/ }).check();
  await page.getByRole('button', { name: 'Make Token' }).click();
  const made = page.getByRole('status', { name: 'Token for chatbox' });
  await expect(made).toContainText('Copied: paste it into the tool’s API key field now.');
  const token = (await made.locator('code.key-secret').textContent()) ?? '';
  expect(token).toMatch(/^msk-gw-[\w-]{43}$/);
  expect(JSON.stringify(await app.services.config.read())).not.toContain(token);
  await expect(page.locator('#gateway-status')).toHaveText(`Running on 127.0.0.1:${port}.`);
  await expect(page.getByRole('row', { name: /^chatbox/ })).toContainText('personal');

  // The tool's request: the key reaches Model Studio, the tool held only its token.
  const answer = await fetch(`http://127.0.0.1:${port}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'qwen-plus', messages: [{ role: 'user', content: 'hi' }] }),
  });
  expect(answer.status).toBe(200);
  expect(app.modelStudio.requests.at(-1)?.authorization).toBe(`Bearer ${secret}`);
  const usage = page.getByRole('table').filter({ hasText: 'Estimated cost' });
  await expect(usage.getByRole('row', { name: /^chatbox/ })).toContainText('$0.0000068');
  await expect(
    usage
      .getByRole('row', { name: /^chatbox/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('1');

  await made.getByRole('button', { name: 'Done' }).click();
  await expect(made).toHaveCount(0);
  expect(await page.content()).not.toContain(token);
  await page.getByRole('button', { name: 'Revoke the token of chatbox' }).click();
  await expect(page.getByText('No tool has a token yet.')).toBeVisible();
  await expect
    .poll(
      async () =>
        (
          await fetch(`http://127.0.0.1:${port}/v1/models`, {
            headers: { authorization: `Bearer ${token}` },
          }).catch(() => ({ status: 0 }))
        ).status,
      { timeout: 5000 },
    )
    .not.toBe(200);
});

test('tools: a GUI tool connects through the gateway by default: its settings hold a token, never the key', async ({
  app,
}) => {
  const { page } = app;
  const secret = fakeKey();
  await app.services.vault.add({ secret, label: 'personal', regionId: 'sg' });
  const port = await freePort();
  await app.services.config.update((draft) => void (draft.settings.gatewayPort = port));
  await app.reload();
  await nav(page, 'Tools').click();
  await page.getByRole('button', { name: 'Connect through the gateway: Chatbox' }).click();
  const dialog = page.getByRole('dialog', { name: 'Chatbox with ‘personal’' });
  await expect(dialog).toContainText(
    'A gateway token ‘chatbox’ stands in for the key, which stays in the keychain.',
  );
  await expect(dialog).toContainText(`http://127.0.0.1:${port}`);
  await expect(dialog).toContainText('msk-gw-…');
  expect(await page.content()).not.toContain(secret);
  expect((await app.services.config.read()).gateway.tokens.map((token) => token.name)).toEqual(['chatbox']);
  await dialog.getByRole('button', { name: 'Done' }).click();
  // Asked again: the same token, kept in the keychain, not a second one.
  await page.getByRole('button', { name: 'Connect through the gateway: Chatbox' }).click();
  await expect(dialog).toContainText('A gateway token ‘chatbox’ stands in for the key');
  await dialog.getByRole('button', { name: 'Done' }).click();
  expect((await app.services.config.read()).gateway.tokens.map((token) => token.name)).toEqual(['chatbox']);
  await nav(page, 'Gateway').click();
  await expect(page.getByRole('row', { name: /^chatbox/ })).toContainText('The active key');
});

/**
 * OpenClaw's onboarding as observed (it rewrites the config as JSON with its own default endpoint);
 * it notes its arguments and the length of the key it got in the variable, never the key. Its
 * config holds another provider's key beside the line msk changes.
 */
const onboardingStandIn = (otherKey: string) => `#!/bin/sh
printf '%s\n' "$*" > "$OPENCLAW_CONFIG_PATH.args"
printf 'QWEN_API_KEY=%s\n' "\${#QWEN_API_KEY}" > "$OPENCLAW_CONFIG_PATH.env"
cat > "$OPENCLAW_CONFIG_PATH" <<'JSON'
{
  "models": {
    "providers": {
      "openai": { "apiKey": "${otherKey}" },
      "qwen": {
        "baseUrl": "https://coding-intl.dashscope.aliyuncs.com/v1",
        "api": "openai-completions"
      }
    }
  }
}
JSON
echo "Onboarding complete."
`;

/** Starts rewriting the config, then takes its time. */
const SLOW_ONBOARDING = `#!/bin/sh
echo 'half-written {' > "$OPENCLAW_CONFIG_PATH"
sleep 60 &
wait
`;

/** Fails, in English, as OpenClaw would. */
const FAILING_ONBOARDING = `#!/bin/sh
echo "Error: the qwen provider plugin is not installed" >&2
exit 1
`;

test.describe('OpenClaw set up from the Tools view', () => {
  // The launcher finds a stand-in `openclaw` on its PATH; OpenClaw's config is where it says.
  // Nothing asks Model Studio: the catalog's real hosts are what is written.
  const place = path.join(os.tmpdir(), `msk-e2e-openclaw-${randomUUID()}`);
  const config = path.join(place, 'openclaw.json');
  test.use({
    imitation: false,
    launcherEnv: {
      PATH: `${path.join(place, 'bin')}:${process.env.PATH ?? ''}`,
      SHELL: undefined,
      OPENCLAW_CONFIG_PATH: config,
    },
  });
  test.afterEach(() => rmSync(place, { recursive: true, force: true }));
  const openClaw = (script: string) => fakePrograms(place, { openclaw: script });

  test('onboards the active key by reference, writes its base URL, and shows the change, the file and its backup', async ({
    app,
  }) => {
    const { page } = app;
    const secret = fakeKey();
    const otherKey = fakeKey();
    await app.services.vault.add({ secret, label: 'virginia', regionId: 'us' });
    openClaw(onboardingStandIn(otherKey));
    writeFileSync(config, '{}\n');
    await app.reload();
    await nav(page, 'Tools').click();
    await expect(page.getByRole('article', { name: 'OpenClaw' })).toContainText(
      'Set Up… writes the key’s base URL there',
    );
    await page.getByRole('button', { name: 'Set Up OpenClaw…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Set Up OpenClaw' });
    await expect(dialog.getByRole('status')).toHaveText('OpenClaw is set up with ‘virginia’.');
    await expect(dialog.getByRole('button', { name: 'Done' })).toBeFocused();
    await expect(dialog).toContainText('Providerqwen');
    await expect(dialog).toContainText('Base URLhttps://dashscope-us.aliyuncs.com/compatible-mode/v1');
    await expect(dialog).toContainText(`Config file${config}`);
    const backup = readdirSync(place).find((name) => name.startsWith('openclaw.json.msk-backup-'));
    expect(backup).toBeDefined();
    await expect(dialog).toContainText(`The file as it was${path.join(place, backup ?? '')}`);
    const change = dialog.getByLabel('Change to OpenClaw’s config');
    await expect(change).toContainText(
      '− removed: "baseUrl": "https://coding-intl.dashscope.aliyuncs.com/v1",+ added: "baseUrl": "https://dashscope-us.aliyuncs.com/compatible-mode/v1",',
    );
    // The other provider's key beside the change reached the window masked, and neither key at all.
    await expect(change).toContainText('"openai": { "apiKey": "…" },');
    expect(await page.content()).not.toContain(otherKey);
    expect(await page.content()).not.toContain(secret);
    await expectNoSeriousViolations(page);

    expect(readFileSync(config, 'utf8')).toContain(
      '"baseUrl": "https://dashscope-us.aliyuncs.com/compatible-mode/v1"',
    );
    expect(readFileSync(`${config}.args`, 'utf8')).toMatch(
      /^onboard --non-interactive .*--secret-input-mode ref .*--auth-choice qwen-standard-api-key\n$/,
    );
    expect(readFileSync(`${config}.env`, 'utf8')).toBe(`QWEN_API_KEY=${secret.length}\n`);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toHaveCount(0);
  });

  test('Cancel during onboarding stops it and leaves the config as it was', async ({ app }) => {
    const { page } = app;
    await app.services.vault.add({ secret: fakeKey(), label: 'personal', regionId: 'sg' });
    openClaw(SLOW_ONBOARDING);
    const mine = '// mine\n{ agents: {} }\n';
    writeFileSync(config, mine);
    await app.reload();
    await nav(page, 'Tools').click();
    await page.getByRole('button', { name: 'Set Up OpenClaw…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Set Up OpenClaw' });
    await expect(dialog.getByRole('progressbar')).toBeVisible();
    await expect(dialog).toContainText('OpenClaw is onboarding ‘personal’');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    // OpenClaw has begun rewriting its config when the user cancels.
    await expect.poll(() => readFileSync(config, 'utf8')).toBe('half-written {\n');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText('Stopped: nothing was changed in OpenClaw’s config.')).toBeVisible();
    expect(readFileSync(config, 'utf8')).toBe(mine);
    expect(readdirSync(place).filter((name) => name.includes('msk-backup'))).toEqual([]);
  });

  for (const language of ['ja', 'zh-TW'] as const) {
    test(`in ${LANGUAGE_NAMES[language]} the setup's progress, result and failure are in its own words`, async ({
      app,
    }) => {
      const { page } = app;
      const t = createTranslator(language);
      await speaking(app, language);
      openClaw(SLOW_ONBOARDING);
      await app.reload();
      await nav(page, t('window.nav.tools')).click();
      const setUp = page.getByRole('button', {
        name: t('window.openClaw.setUpNamed', { name: 'OpenClaw' }),
      });
      const dialog = page.getByRole('dialog', { name: t('window.openClaw.title') });
      const inItsWords = () => expectInItsWords(page, language, 'Set Up OpenClaw');
      await inItsWords();
      await setUp.click();
      await expect(dialog).toContainText(t('window.openClaw.steps.onboarding', { label: 'personal' }));
      await inItsWords();
      await dialog.getByRole('button', { name: t('window.common.cancel') }).click();
      await expect(page.getByText(t('window.openClaw.cancelled'))).toBeVisible();

      openClaw(onboardingStandIn(fakeKey()));
      await setUp.click();
      await expect(dialog.getByRole('status')).toHaveText(t('window.openClaw.done', { label: 'personal' }));
      await inItsWords();
      await dialog.getByRole('button', { name: t('window.common.done') }).click();

      openClaw(FAILING_ONBOARDING);
      await setUp.click();
      await expect(dialog.getByRole('alert')).toContainText(
        t('window.openClaw.failures.onboarding-failed', { status: 1 }),
      );
      // OpenClaw's own words, as it said them, apart in code.
      await expect(dialog.locator('code')).toHaveText('Error: the qwen provider plugin is not installed');
      await inItsWords();
      await dialog.getByRole('button', { name: t('window.openClaw.close') }).click();
      await expect(dialog).toHaveCount(0);
    });
  }
});

test('settings: msk installed on the PATH from the window runs this app’s command line, and is uninstalled', async ({
  app,
}) => {
  const { page } = app;
  await app.reload();
  await nav(page, 'Settings').click();
  const group = page.getByRole('group', { name: 'Command line' });
  await expect(page.locator('#cli-status')).toHaveText('Not installed.');
  await group.getByRole('button', { name: 'Install Command-Line Tool' }).click();
  await expect(page.locator('#cli-status')).toHaveText(/^Installed: \/.+\/\.local\/bin\/msk$/);
  const file = ((await page.locator('#cli-status').textContent()) ?? '').replace('Installed: ', '');
  const ran = spawnSync(file, ['--version'], { encoding: 'utf8', env: { ...process.env, ...app.env } });
  expect(ran.status, ran.stderr).toBe(0);
  expect(ran.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  await group.getByRole('button', { name: 'Uninstall Command-Line Tool' }).click();
  await expect(page.locator('#cli-status')).toHaveText('Not installed.');
  expect(existsSync(file)).toBe(false);
});

test('settings: an update is found, downloaded and verified in the background, then restarted into', async ({
  app,
}) => {
  const { page, updates } = app;
  await app.reload();
  await nav(page, 'Settings').click();
  const group = page.getByRole('group', { name: 'Updates' });
  const status = page.locator('#update-status');
  if (!updates) {
    // The real main process, unpackaged: a development build does not update itself.
    await expect(status).toHaveText(
      'This copy cannot update itself: a development build does not update itself.',
    );
    await expect(group.getByRole('button')).toHaveCount(0);
    return;
  }
  await expect(group).toContainText(`Model Studio Keys ${updates.current}`);
  await expect(status).toHaveText('Not checked yet.');
  await expect(group.getByRole('switch', { name: 'Update automatically' })).toBeChecked();

  updates.feed.publish({ version: updates.current, body: Buffer.from('same') });
  await group.getByRole('button', { name: 'Check for Updates' }).click();
  await expect(status).toHaveText('You have the latest version.');
  await expect(group).toContainText('Last checked');

  // A release whose download does not match its checksum is refused.
  updates.feed.publish({
    version: '9.0.0',
    body: Buffer.from('tampered'),
    sha512: sha512Of(Buffer.from('real')),
  });
  await group.getByRole('button', { name: 'Check for Updates' }).click();
  await expect(status).toHaveText(
    'Could not update: the download did not match its release (checksum or signature), so it was discarded.',
  );
  await expect(group.getByRole('button', { name: 'Restart to Update' })).toHaveCount(0);

  updates.feed.publish({ version: '9.0.0', body: Buffer.alloc(2 * 1024 * 1024, 1) });
  await group.getByRole('button', { name: 'Check for Updates' }).click();
  await expect(status).toHaveText(
    'Version 9.0.0 is downloaded and verified. Restart to use it; quitting installs it too.',
  );
  await group.getByRole('button', { name: 'Restart to Update' }).click();
  await expect.poll(() => updates.restarts).toBe(1);

  // Turning automatic updates off is a setting like any other.
  // (Saved by main, then shown: the switch follows the stored value, so it is clicked, not unchecked.)
  const automatic = group.getByRole('switch', { name: 'Update automatically' });
  await automatic.click();
  await expect(automatic).not.toBeChecked();
  await expect.poll(async () => (await app.services.config.read()).settings.autoUpdate).toBe(false);
});

test('a key added by msk in another process appears in the open window', async ({ app }) => {
  const { page } = app;
  await app.reload();
  await expect(page.getByRole('heading', { name: 'No keys yet' })).toBeVisible();
  expect(await msk(app, ['add', '--label', 'from-terminal', '--region', 'sg'], fakeKey())).toBe(0);
  await expect(row(page, 'from-terminal')).toBeVisible();
});

test('in Simplified Chinese every view is in Chinese', async ({ app }) => {
  const { page } = app;
  await app.services.vault.add({ secret: fakeKey(), label: 'personal', regionId: 'cn' });
  await app.services.config.update((draft) => void (draft.settings.language = 'zh-CN'));
  await app.reload();
  for (const view of [
    '密钥',
    '添加密钥',
    '导入',
    '地域与业务空间',
    '账号',
    '连通性检查',
    '工具',
    '网关',
    '设置',
  ]) {
    await nav(page, view).click();
    await expect(page.getByRole('main').locator('h2').first()).toBeVisible();
    const text = await mainText(page);
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(englishLeft(text), `English left in ${view}: ${text}`).toEqual([]);
  }
});

/** The app with one key, ‘personal’ (Hong Kong), set to speak `language` (from its next load). */
async function speaking(app: App, language: Language) {
  await app.services.vault.add({ secret: fakeKey(), label: 'personal', regionId: 'hk' });
  await app.services.config.update((draft) => void (draft.settings.language = language));
}

/** The main area (a dialog in it too) is in `language`'s script with no English word left, and axe clean. */
async function expectInItsWords(page: Page, language: Exclude<Language, 'en'>, where: string) {
  const text = await mainText(page);
  expect(text, where).toMatch(SCRIPT[language]);
  expect(englishLeft(text), `English left in ${where}: ${text}`).toEqual([]);
  await expectNoSeriousViolations(page);
}

/** Each view of the window in turn, opened by its name in `language`, then `visit`ed. */
async function throughEveryView(page: Page, language: Language, visit: (view: string) => Promise<void>) {
  const t = createTranslator(language);
  const views = ['keys', 'add', 'import', 'regions', 'account', 'checks', 'tools', 'gateway', 'settings'];
  for (const view of views) {
    await nav(page, t(`window.nav.${view}`)).click();
    await expect(page.getByRole('main').locator('h2').first()).toBeVisible();
    await visit(view);
  }
}

for (const [language, name] of [
  ['ja', 'Japanese'],
  ['zh-TW', 'Traditional Chinese'],
] as const) {
  test(`in ${name} every view is in ${name}, axe clean, and the language choice names each language in its own words`, async ({
    app,
  }) => {
    const { page } = app;
    const t = createTranslator(language);
    await speaking(app, language);
    await app.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await throughEveryView(page, language, (view) => expectInItsWords(page, language, view));
    const choice = page.getByLabel(t('window.settings.names.language'), { exact: true });
    await expect(choice.locator('option')).toHaveText([
      t('window.settings.choices.language.system'),
      ...LANGUAGES.map((each) => LANGUAGE_NAMES[each]),
    ]);
    await expect(choice).toHaveValue(language);
  });
}

test('at 200% zoom (a 480 px wide window) every view fits: nothing scrolls sideways', async ({ app }) => {
  const { page } = app;
  await app.services.vault.add({
    secret: fakeKey(),
    label: 'personal',
    regionId: 'sg',
    workspaceId: 'llm-abcd1234',
  });
  await page.setViewportSize({ width: 480, height: 640 });
  await app.reload();
  for (const view of [
    'Keys',
    'Add key',
    'Import',
    'Regions & workspaces',
    'Account',
    'Checks',
    'Tools',
    'Gateway',
    'Settings',
  ]) {
    await nav(page, view).click();
    await expect(page.getByRole('main').locator('h2').first()).toBeVisible();
    expect(await sidewaysOverflow(page), view).toBeLessThanOrEqual(0);
  }
});

for (const language of ['ja', 'zh-TW'] as const) {
  test(`at 200% zoom in ${LANGUAGE_NAMES[language]} every view fits: nothing scrolls sideways`, async ({
    app,
  }) => {
    const { page } = app;
    await speaking(app, language);
    await page.setViewportSize({ width: 480, height: 640 });
    await app.reload();
    await throughEveryView(page, language, async (view) => {
      expect(await sidewaysOverflow(page), view).toBeLessThanOrEqual(0);
    });
  });
}

test('a damaged data file: Repair restores the newest good backup and recovers the key it lacks', async ({
  app,
}) => {
  const { page } = app;
  await app.services.vault.add({ secret: fakeKey(), label: 'first', regionId: 'sg' });
  await app.services.vault.add({ secret: fakeKey(), label: 'second', regionId: 'sg' });
  await app.reload();
  writeFileSync(app.services.config.file, '{ damaged');
  await app.reload();
  await expect(page.getByRole('alert')).toContainText('Repair sets the damaged file aside');
  await page.getByRole('button', { name: 'Repair' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(row(page, 'first')).toBeVisible();
  // `second` was added after the last backup: its keychain item brings it back.
  await expect(page.getByRole('article', { name: /^recovered-\w{4}, / })).toBeVisible();
});

test('a damaged data file shows the problem and its fix, and the window recovers', async ({ app }) => {
  const { page } = app;
  await app.reload();
  writeFileSync(app.services.config.file, '{ damaged');
  await app.reload();
  await expect(page.getByRole('alert')).toContainText('is damaged');
  await expect(page.getByRole('alert')).toContainText('Your keys are safe in the keychain');
  writeFileSync(app.services.config.file, JSON.stringify({ schemaVersion: 3 }));
  // Try again reads the file at once; the watcher may have seen the change first and taken the
  // banner (and its button) away already. Either way the window recovers.
  await page
    .getByRole('button', { name: 'Try again' })
    .click({ timeout: 3000 })
    .catch(() => undefined);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'No keys yet' })).toBeVisible();
});
