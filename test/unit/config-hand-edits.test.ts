// A config.json edited by hand (issue 10, defect 8): what this version does not know is refused
// with the place named, or kept through every write — never listed as is, never silently dropped.
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA_VERSION } from '../../main/core/config-schema.js';
import { ConfigStore } from '../../main/core/config-store.js';
import { useTempDirectory } from '../fixtures/temp-directory.js';

const record = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  label: `key-${id.slice(0, 4)}`,
  regionId: 'ap-southeast-1',
  workspaceId: 'default',
  plan: 'payg',
  shape: 'classic',
  fingerprint: 'abcd',
  createdAt: '2026-11-20T09:00:00.000Z',
  ...extra,
});
const ID_A = '0b6d7e0e-2f41-4c63-9d56-5b8f2a0c1e11';
const ID_B = '1c7e8f1f-3a52-4d74-8e67-6c9a3b1d2f22';

describe('a hand-edited config.json', () => {
  const directory = useTempDirectory();
  const write = (content: Record<string, unknown>) => {
    const store = new ConfigStore(directory());
    const text = JSON.stringify({ schemaVersion: CONFIG_SCHEMA_VERSION, ...content });
    writeFileSync(store.file, text);
    return { store, text };
  };

  it.each([
    [
      'a key in an unknown region',
      { keys: [record(ID_A, { regionId: 'mars' })] },
      /keys\.0\.regionId: unknown region 'mars'/,
    ],
    [
      'a workspace in an unknown region',
      { workspaces: [{ id: 'llm-x', name: 'x', regionId: 'mars' }] },
      /workspaces\.0\.regionId: unknown region 'mars'/,
    ],
    [
      'two keys with one id',
      { keys: [record(ID_A), record(ID_A, { label: 'other' })] },
      /keys\.1\.id: the same id as keys\.0/,
    ],
  ])('refuses %s, names the place and changes nothing', async (_name, content, message) => {
    const { store, text } = write(content);
    await expect(store.read()).rejects.toMatchObject({
      code: 'config-damaged',
      message: expect.stringMatching(message),
    });
    await expect(store.update(() => undefined)).rejects.toThrow(message);
    expect(readFileSync(store.file, 'utf8')).toBe(text);
  });

  it('keeps fields it does not know through a write', async () => {
    const { store } = write({
      note: 'mine',
      keys: [record(ID_A, { comment: 'team key' }), record(ID_B)],
      settings: { futureSetting: { on: true } },
    });
    await store.update((draft) => void (draft.settings.defaultModel = 'qwen-max'));
    const written = JSON.parse(readFileSync(store.file, 'utf8'));
    expect(written).toMatchObject({
      note: 'mine',
      keys: [{ id: ID_A, comment: 'team key' }, { id: ID_B }],
      settings: { futureSetting: { on: true }, defaultModel: 'qwen-max' },
    });
  });

  it('leaves a data file the user made read-only as it is, and says how to allow changes', async () => {
    const store = new ConfigStore(directory());
    await store.update(() => undefined);
    const text = readFileSync(store.file, 'utf8');
    chmodSync(store.file, 0o400);
    await expect(
      store.update((draft) => void (draft.settings.defaultModel = 'qwen-max')),
    ).rejects.toMatchObject({
      code: 'data-unwritable',
      message: expect.stringMatching(
        /config\.json is read-only \(mode 0400\); nothing was changed\. Allow changes with chmod u\+w /,
      ),
    });
    expect(statSync(store.file).mode & 0o777).toBe(0o400);
    expect(readFileSync(store.file, 'utf8')).toBe(text);
    // A write that changes nothing touches nothing.
    await expect(store.update(() => undefined)).resolves.toBeUndefined();
  });
});
