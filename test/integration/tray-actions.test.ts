// Tray clicks that talk to Model Studio — check one key, mint a temporary key, check all (and
// the second click while it runs, and cancel) — against the local imitation.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addKey } from '../../main/core/actions/keys.js';
import { createTranslator } from '../../main/shared/i18n/translator.js';
import { performTrayAction } from '../../main/shell/tray-actions.js';
import type { TrayAction } from '../../main/shell/tray-menu.js';
import { testContext } from '../fixtures/app-context.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { type FakeModelStudio, startModelStudio } from '../fixtures/model-studio-server.js';

let server: FakeModelStudio;
let home: string;
beforeAll(async () => {
  server = await startModelStudio();
});
afterAll(() => server.close());
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
  server.latencyMs = 0;
});

function setup() {
  home = mkdtempSync(path.join(os.tmpdir(), 'msk-tray-'));
  const context = testContext(home, server.overrides);
  const notified: string[] = [];
  const perform = (action: TrayAction) =>
    performTrayAction(action, {
      context,
      t: () => createTranslator('en'),
      notify: (body) => notified.push(body),
      confirm: async () => false,
      ask: async () => undefined,
      showOnce: async () => false,
      openWindow: () => undefined,
      openExternal: async () => undefined,
      quit: () => undefined,
    });
  const add = async (label: string, owner: string | undefined, secret = fakeKey()) => {
    if (owner) server.addKey(owner, secret);
    return (await addKey(context.services, { secret, label, regionId: 'sg' })).record;
  };
  return { context, notified, perform, add };
}

describe('tray actions against Model Studio', () => {
  it('checks one key and says the result in words', async () => {
    const { notified, perform, add } = setup();
    const wrong = await add('misfiled', 'cn-beijing');
    await perform({ type: 'check-key', keyId: wrong.id });
    expect(notified).toEqual([
      '‘misfiled’: wrong region — This key belongs to China (Beijing), not Singapore: move it there.',
    ]);
  });

  it('copies a temporary key, cleared like the key itself', async () => {
    const { context, notified, perform, add } = setup();
    const record = await add('k', 'ap-southeast-1');
    await perform({ type: 'copy-temporary-key', keyId: record.id });
    expect(context.clipboard.copies).toEqual([
      { value: expect.stringMatching(/^st-/), options: { clearAfterSeconds: 30, conceal: true } },
    ]);
    expect(notified).toEqual(['Copied a temporary key for ‘k’, valid 60 s — clears in 30 s']);
  });

  it('checks all keys once, says so to a second click, counts in words, and names what it could not check', async () => {
    const { context, notified, perform, add } = setup();
    await add('only', 'ap-southeast-1');
    const lost = await add('lost', 'ap-southeast-1');
    await context.services.secrets.delete(lost.id);
    server.latencyMs = 200;
    const first = perform({ type: 'check-all' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await perform({ type: 'check-all' });
    await first;
    expect(notified).toEqual([
      expect.stringMatching(/^A check is already running \(\d\/2\)\.$/),
      'Checked 1 key: 1 ok\n1 could not be checked: open the window to see why.',
    ]);
  });

  it('cancels a running check from the menu', async () => {
    const { notified, perform, add } = setup();
    for (const label of ['a', 'b', 'c', 'd', 'e', 'f']) await add(label, 'ap-southeast-1');
    server.latencyMs = 2000;
    const run = perform({ type: 'check-all' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await perform({ type: 'cancel-check' });
    await run;
    expect(notified).toEqual(['Check cancelled after 0 keys']);
  });

  it('says what a Coding Plan key’s environment leaves out', async () => {
    const { context, notified, perform } = setup();
    const { record } = await addKey(context.services, {
      secret: fakeKey('plan'),
      label: 'coding',
      regionId: 'sg',
      plan: 'coding',
    });
    await perform({ type: 'copy-environment', keyId: record.id, shell: 'bash' });
    expect(notified).toEqual([
      'Copied the bash / zsh environment of ‘coding’ — clears in 30 s\nThis tool is not made for this key’s plan: Alibaba serves the Coding Plan to coding agents only.\nDASHSCOPE_HTTP_BASE_URL left unset: this plan has no native DashScope API.',
    ]);
  });
});
