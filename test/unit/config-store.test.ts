import {
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CONFIG_SCHEMA_VERSION } from '../../main/core/config/config-schema.js';
import { ConfigStore } from '../../main/core/config/config-store.js';
import { validatedFile } from '../../main/core/config/validated-config.js';
import { SETTLED_MS } from '../../main/core/platform/file-identity.js';
import { manyKeys } from '../fixtures/many-keys.js';
import { useTempDirectory } from '../fixtures/temp-directory.js';

describe('ConfigStore', () => {
  const directory = useTempDirectory();

  it('starts from defaults when no file exists', async () => {
    const config = await new ConfigStore(directory()).read();
    expect(config.keys).toEqual([]);
    expect(config.settings).toMatchObject({
      activeRegionId: 'ap-southeast-1',
      clipboardClearSeconds: 30,
      concealClipboard: true,
      defaultModel: 'qwen-plus',
    });
  });

  it('writes owner-only files and keeps the previous version as a backup', async () => {
    const store = new ConfigStore(directory());
    await store.update((draft) => void (draft.settings.defaultModel = 'qwen3-max'));
    await store.update((draft) => void (draft.settings.defaultModel = 'qwen-flash'));
    expect(statSync(store.file).mode & 0o777).toBe(0o600);
    expect(statSync(store.backupFile).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(store.file, 'utf8')).settings.defaultModel).toBe('qwen-flash');
    expect(JSON.parse(readFileSync(store.backupFile, 'utf8')).settings.defaultModel).toBe('qwen3-max');
  });

  it('writes nothing when the change throws', async () => {
    const store = new ConfigStore(directory());
    await store.update((draft) => void (draft.settings.defaultModel = 'qwen3-max'));
    const before = readFileSync(store.file, 'utf8');
    await expect(
      store.update((draft) => {
        draft.settings.defaultModel = 'changed';
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(readFileSync(store.file, 'utf8')).toBe(before);
  });

  it('loses no update when many writers race', async () => {
    const store = new ConfigStore(directory());
    const writers = Array.from({ length: 25 }, (_, index) =>
      new ConfigStore(store.directory).update((draft) => {
        draft.settings.toolModels[`tool-${index}`] = `model-${index}`;
      }),
    );
    await Promise.all(writers);
    expect(Object.keys((await store.read()).settings.toolModels)).toHaveLength(25);
  });

  it.each([
    ['{ nope', /is damaged \(not valid JSON/],
    ['{"schemaVersion":1,"keys":[{"id":"x"}]}', /is damaged \(keys\.0\.id/],
    [
      '{"schemaVersion":9}',
      /written by a newer version of Model Studio Keys \(schema 9, this one reads up to 3\)/,
    ],
    ['{"schemaVersion":1,"keys":[{"id":"x","kind":"plan"}]}', /is damaged \(keys\.0\.id/],
  ])(
    'reports a damaged file %j, says where the backup is, and leaves it untouched',
    async (text, message) => {
      const store = new ConfigStore(directory());
      writeFileSync(store.file, text);
      await expect(store.read()).rejects.toThrow(message);
      await expect(store.update(() => undefined)).rejects.toThrow(message);
      expect(readFileSync(store.file, 'utf8')).toBe(text);
    },
  );

  it('waits for a lock another process holds, and fails at once, with the reason, where no lock can be made', async () => {
    const store = new ConfigStore(directory());
    await store.update(() => undefined);
    // Another process's lock (what proper-lockfile makes), given up a moment later.
    const held = `${store.file}.lock`;
    mkdirSync(held);
    setTimeout(() => rmdirSync(held), 300);
    await store.update((draft) => void (draft.settings.defaultModel = 'qwen-max'));
    expect((await store.read()).settings.defaultModel).toBe('qwen-max');
    // A link planted as the lock is named at once, not waited on as another process's.
    symlinkSync('/proc/self', held);
    await expect(store.update(() => undefined)).rejects.toMatchObject({
      code: 'data-unsafe',
      params: { path: held, reason: 'link' },
    });
    rmSync(held);
    // A directory that exists but where nothing can be created: not "busy", and no retries.
    for (const place of ['/proc/self/fd', '/proc']) {
      await expect(
        new ConfigStore(place).update(() => undefined),
        place,
      ).rejects.toMatchObject({
        code: 'data-unwritable',
        message: expect.stringMatching(
          new RegExp(`^Cannot write in ${place} \\((ENOENT|EACCES|EPERM|EROFS)`),
        ),
      });
    }
  });

  it('never quotes a damaged file (it may hold a key): where JSON fails, not what is there', async () => {
    const store = new ConfigStore(directory());
    const secret = `sk-${'5ec12e7'.repeat(4)}abcd`;
    for (const text of [`${secret}`, `{"keys": ${secret}}`, `{"keys": [],\n "x": "${secret}\n"}`]) {
      writeFileSync(store.file, text);
      const error = await store.read().catch((caught: Error) => caught);
      expect(error).toMatchObject({
        code: 'config-damaged',
        message: expect.stringMatching(/is damaged \(not valid JSON/),
      });
      expect((error as Error).message).not.toMatch(/sk-5|5ec12e7|abcd/);
    }
    expect((await store.read().catch((caught: Error) => caught)).message).toMatch(
      /not valid JSON at line 2, column 43/,
    );
  });

  it('reads a text it validated before from its note, and validates any other text', async () => {
    const store = new ConfigStore(directory());
    await store.update((draft) => void (draft.settings.defaultModel = 'qwen3-max'));
    const noteFile = validatedFile(store.file);
    expect(statSync(noteFile).mode & 0o777).toBe(0o600);
    // The note: its writer, the file's identity (none yet: it was just written), the keys' names,
    // the config, then the text exactly, each on its own line.
    const [writer, identity, names, noted, ...text] = readFileSync(noteFile, 'utf8').split('\n');
    expect([identity, names]).toEqual(['', '[]']);
    expect(text.join('\n')).toBe(readFileSync(store.file, 'utf8'));
    // It is what a read of this very text answers (shown here by changing what it says).
    const config = JSON.parse(noted ?? '');
    config.settings.defaultModel = 'from-the-note';
    writeFileSync(noteFile, [writer, identity, names, JSON.stringify(config), ...text].join('\n'));
    expect((await store.read()).settings.defaultModel).toBe('from-the-note');
    // Another text — damaged here — is validated, whatever the note says.
    writeFileSync(store.file, readFileSync(store.file, 'utf8').replace('"keys"', '"keys": 1, "x"'));
    await expect(store.read()).rejects.toThrow(/is damaged/);
  });

  it('ignores a note another version wrote, or a damaged one, and notes the text anew', async () => {
    const store = new ConfigStore(directory());
    await store.update((draft) => void (draft.settings.defaultModel = 'qwen3-max'));
    const noteFile = validatedFile(store.file);
    const [writer, , , , ...text] = readFileSync(noteFile, 'utf8').split('\n');
    writeFileSync(noteFile, ['another/9', '', '[]', '{}', ...text].join('\n'));
    expect((await store.read()).settings.defaultModel).toBe('qwen3-max');
    expect(readFileSync(noteFile, 'utf8').split('\n')[0]).toBe(writer);
    for (const damaged of [[writer, '', '[]', '{ not json', ...text], [writer, '', '[]', '{}'], [writer]]) {
      writeFileSync(noteFile, damaged.join('\n'));
      expect((await store.read()).settings.defaultModel).toBe('qwen3-max');
    }
  });

  it('gives the keys’ names from its note alone while config.json is the file noted, once settled', async () => {
    const store = new ConfigStore(directory());
    await store.update((draft) => void (draft.keys = manyKeys(3).keys));
    const noteFile = validatedFile(store.file);
    const names = [
      { label: 'key-0', regionId: 'ap-southeast-1' },
      { label: 'key-1', regionId: 'us-east-1' },
      { label: 'key-2', regionId: 'cn-beijing' },
    ];
    const noted = () => readFileSync(noteFile, 'utf8').split('\n');
    // Just written: no identity to trust yet, so the names come from a whole read.
    expect(await store.keyNames()).toEqual(names);
    expect(noted()[1]).toBe('');
    // A modification time to the millisecond, which utimes can put back exactly (below).
    const modified = new Date(Date.now() - 60_000);
    utimesSync(store.file, modified, modified);
    // A read once the file has been left alone notes its identity.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + SETTLED_MS + 1000 });
    try {
      await store.read();
      expect(noted()[1]).toMatch(/^\d+:\d+:\d+:\d+:\d+$/);
      // From then on the names are the note's (shown by changing what it says).
      const note = noted();
      note[2] = JSON.stringify([{ label: 'from-the-note', regionId: 'us-east-1' }]);
      writeFileSync(noteFile, note.join('\n'));
      expect(await store.keyNames()).toEqual([{ label: 'from-the-note', regionId: 'us-east-1' }]);
      // config.json changed in place, as long as before and with its old modification time put
      // back: its change time tells, and the names are read from the file again.
      const before = statSync(store.file, { bigint: true });
      // (Later than the change time noted, even on a file system's coarsest clock.)
      await new Promise((resolve) => setTimeout(resolve, 50));
      writeFileSync(store.file, readFileSync(store.file, 'utf8').replace('"key-1"', '"key-X"'));
      utimesSync(store.file, modified, modified);
      const after = statSync(store.file, { bigint: true });
      expect([after.ino, after.size, after.mtimeNs]).toEqual([before.ino, before.size, before.mtimeNs]);
      expect((await store.keyNames()).map((key) => key.label)).toEqual(['key-0', 'key-X', 'key-2']);
      // A note planted as a link is never taken for msk's own.
      const planted = path.join(directory(), 'planted');
      writeFileSync(planted, note.join('\n'), { mode: 0o600 });
      rmSync(noteFile);
      symlinkSync(planted, noteFile);
      expect((await store.keyNames()).map((key) => key.label)).toEqual(['key-0', 'key-X', 'key-2']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads names longer than a TAB reads of its note from the whole file, all of them', async () => {
    const store = new ConfigStore(directory());
    const keys = manyKeys(700).keys.map((key) => ({ ...key, label: `${key.label}-${'团队'.repeat(40)}` }));
    await store.update((draft) => void (draft.keys = keys));
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + SETTLED_MS + 1000 });
    try {
      await store.read();
      expect(readFileSync(validatedFile(store.file), 'utf8').split('\n')[1]).not.toBe('');
      expect((await store.keyNames()).map((key) => key.label)).toEqual(keys.map((key) => key.label));
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps no backup of a bookkeeping change: the last real version stays in .bak', async () => {
    const store = new ConfigStore(directory());
    await store.update((draft) => void (draft.settings.defaultModel = 'qwen3-max'));
    await store.update((draft) => void (draft.settings.defaultModel = 'qwen-flash'));
    const before = readFileSync(store.backupFile, 'utf8');
    await store.update((draft) => void (draft.settings.clipboardClearSeconds = 5), { bookkeeping: true });
    expect(JSON.parse(readFileSync(store.file, 'utf8')).settings.clipboardClearSeconds).toBe(5);
    expect(readFileSync(store.backupFile, 'utf8')).toBe(before);
    expect(statSync(store.file).mode & 0o777).toBe(0o600);
  });

  it('upgrades a file written by schema version 1, and keeps that version as the backup', async () => {
    const store = new ConfigStore(directory());
    const v1 = readFileSync('test/fixtures/config/v1.json', 'utf8');
    writeFileSync(store.file, v1);
    const config = await store.read();
    expect(config.schemaVersion).toBe(3);
    expect(
      config.keys.map(({ label, plan, shape, lastCheck }) => ({
        label,
        plan,
        shape,
        status: lastCheck?.status,
      })),
    ).toEqual([
      { label: 'personal', plan: 'payg', shape: 'classic', status: 'ok' },
      { label: 'coding', plan: 'coding', shape: 'plan', status: 'wrong-plan' },
    ]);
    expect(config.keys[1]).toMatchObject({ workspaceId: 'llm-7c72iiw36kd8', accountId: '1234567890123456' });
    expect(config.settings).toMatchObject({ activeRegionId: 'cn-beijing', clipboardClearSeconds: 45 });
    expect(readFileSync(store.file, 'utf8')).toBe(v1);

    await store.update((draft) => void (draft.settings.defaultModel = 'qwen3-max'));
    expect(JSON.parse(readFileSync(store.file, 'utf8'))).toMatchObject({
      schemaVersion: 3,
      keys: [{ plan: 'payg' }, { plan: 'coding' }],
    });
    expect(JSON.parse(readFileSync(store.file, 'utf8')).keys[0]).not.toHaveProperty('kind');
    expect(readFileSync(store.backupFile, 'utf8')).toBe(v1);
  });

  it('has a fixture of every schema version, and each reads to the same data as the current one', async () => {
    const versions = Array.from({ length: CONFIG_SCHEMA_VERSION }, (_, index) => index + 1);
    const fixtures = readdirSync('test/fixtures/config').filter((name) => /^v\d+\.json$/.test(name));
    // A new schema version needs its fixture here, written as that version wrote it.
    expect(fixtures.sort()).toEqual(versions.map((version) => `v${version}.json`).sort());
    const read = async (version: number) => {
      const store = new ConfigStore(directory());
      writeFileSync(store.file, readFileSync(`test/fixtures/config/v${version}.json`));
      return store.read();
    };
    const current = await read(CONFIG_SCHEMA_VERSION);
    expect(current.settings.customTools).toEqual([
      { id: 'my-agent', name: 'My agent', command: ['my-agent', '--fast'], variables: {}, base: 'openai' },
    ]);
    for (const version of versions) expect(await read(version), `from schema ${version}`).toEqual(current);
  });

  it.each([
    ['keys that are not a list', { keys: 'oops' }, /is damaged \(keys:/],
    ['a key that is not an object', { keys: [42] }, /is damaged \(keys\.0:/],
    [
      'a key without its kind',
      {
        keys: [
          {
            id: '0b6d7e0e-2f41-4c63-9d56-5b8f2a0c1e11',
            label: 'x',
            regionId: 'ap-southeast-1',
            fingerprint: 'abcd',
            createdAt: '2026-11-20T09:00:00.000Z',
          },
        ],
      },
      /is damaged \(keys\.0\.plan/,
    ],
  ])(
    'reports a schema 1 file with %s as damaged instead of upgrading it into an empty one',
    async (_name, content, message) => {
      const store = new ConfigStore(directory());
      const text = JSON.stringify({ schemaVersion: 1, ...content });
      writeFileSync(store.file, text);
      await expect(store.read()).rejects.toThrow(message);
      await expect(store.update(() => undefined)).rejects.toThrow(message);
      expect(readFileSync(store.file, 'utf8')).toBe(text);
    },
  );

  it('upgrades a schema 2 custom tool (a preset and a command) to variables on a base', async () => {
    const store = new ConfigStore(directory());
    const v2 = {
      schemaVersion: 2,
      settings: {
        customTools: [{ id: 'mine', name: 'Mine', command: ['mine', '--fast'], preset: 'openai' }],
      },
    };
    writeFileSync(store.file, JSON.stringify(v2));
    expect((await store.read()).settings.customTools).toEqual([
      { id: 'mine', name: 'Mine', command: ['mine', '--fast'], variables: {}, base: 'openai' },
    ]);
  });

  it('names only the backups that exist in the damage report', async () => {
    const store = new ConfigStore(directory());
    writeFileSync(store.file, '{');
    await expect(store.read()).rejects.toThrow(/recovers the keys from the keychain/);
    await expect(store.read()).rejects.not.toThrow(/\.bak/);
    rmSync(store.file);
    await store.update((draft) => void (draft.settings.defaultModel = 'qwen-max'));
    await store.update((draft) => void (draft.settings.defaultModel = 'qwen-plus'));
    writeFileSync(store.file, '{');
    const today = new Date().toISOString().slice(0, 10);
    await expect(store.read()).rejects.toThrow(
      `the previous good versions are ${store.backupFile}, ${store.file}.bak-${today}`,
    );
  });

  it('keeps the previous version and one copy a day, the last five days', async () => {
    const store = new ConfigStore(directory());
    for (const day of ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06']) {
      writeFileSync(`${store.file}.bak-${day}`, '{}');
    }
    await store.update((draft) => void (draft.settings.defaultModel = 'qwen-max'));
    await store.update((draft) => void (draft.settings.defaultModel = 'qwen-plus'));
    await store.update((draft) => void (draft.settings.defaultModel = 'qwen-turbo'));
    const today = new Date().toISOString().slice(0, 10);
    expect((await store.backups()).map((file) => path.basename(file))).toEqual([
      'config.json.bak',
      `config.json.bak-${today}`,
      'config.json.bak-2026-11-06',
      'config.json.bak-2026-11-05',
      'config.json.bak-2026-11-04',
      'config.json.bak-2026-11-03',
    ]);
    // Today's copy is the day's first version; `.bak` is the one before the latest change.
    expect(JSON.parse(readFileSync(`${store.file}.bak-${today}`, 'utf8')).settings.defaultModel).toBe(
      'qwen-max',
    );
    expect(JSON.parse(readFileSync(store.backupFile, 'utf8')).settings.defaultModel).toBe('qwen-plus');
  });
});
