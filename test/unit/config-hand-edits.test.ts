// A config.json edited by hand (issue 10, defect 8): what this version does not know is refused
// with the place named, or kept through every write — never listed as is, never silently dropped.
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { restoreBackup } from '../../main/core/actions/backup.js';
import { diagnose, repair } from '../../main/core/actions/doctor.js';
import { sealBackup } from '../../main/core/keys/backup-format.js';
import { CONFIG_SCHEMA_VERSION } from '../../main/core/config/config-schema.js';
import { ConfigStore } from '../../main/core/config/config-store.js';
import { validatedFile } from '../../main/core/config/validated-config.js';
import { testContext } from '../fixtures/app-context.js';
import { fakeKey } from '../fixtures/fake-keys.js';
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
    [
      'an endpoint override that is no URL',
      { settings: { endpointOverrides: { 'ap-southeast-1': 'file:///etc/passwd' } } },
      /settings\.endpointOverrides\.ap-southeast-1: .*must be an http\(s\) URL/,
    ],
    [
      'an endpoint override for no region',
      { settings: { endpointOverrides: { mars: 'https://gateway.example' } } },
      /settings\.endpointOverrides\.mars: .*'mars' is neither a region id/,
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

// What an older version let into config.json and this one refuses (issue 22): the read names the
// place and never the value, and says how to get out; `msk doctor --fix` takes out exactly that —
// from the file, its backups and the validation note — and keeps everything else.
describe('a config.json holding what this version refuses', () => {
  const directory = useTempDirectory();
  const key = fakeKey();
  const tool = {
    id: 'leaky',
    name: 'Leaky',
    command: ['leak-tool', `--api-key=${key}`, '--flag'],
    variables: { LEAKY_KEY: key, LEAKY_URL: '{{baseUrl}}' },
  };

  it.each([
    [
      'a key in a variable',
      { settings: { customTools: [{ ...tool, command: undefined }] } },
      'settings.customTools.0.variables.LEAKY_KEY: holds what looks like an API key',
    ],
    [
      'a key in the command',
      { settings: { customTools: [{ ...tool, variables: {} }] } },
      'settings.customTools.0.command.1: holds what looks like an API key',
    ],
    [
      'a key as a variable name',
      { settings: { customTools: [{ ...tool, command: undefined, variables: { [key]: 'x' } }] } },
      'settings.customTools.0.variables: holds what looks like an API key',
    ],
    [
      'a tool id no terminal line may carry',
      { settings: { customTools: [{ id: 'a&calc', name: 'x', variables: { A: 'b' } }] } },
      'settings.customTools.0.id: not a tool id',
    ],
    [
      'a variable name no shell takes',
      { settings: { customTools: [{ id: 'ok-tool', name: 'x', variables: { 'A;calc': 'b' } }] } },
      'settings.customTools.0.variables: a variable name is not one',
    ],
    [
      'a default model with a shell operator',
      { settings: { defaultModel: 'qwen-max&calc' } },
      'settings.defaultModel: not a model id',
    ],
    [
      'a tool’s model with a typographic quote',
      { settings: { toolModels: { 'claude-code': 'q’; calc.exe; ’' } } },
      'settings.toolModels.claude-code: not a model id',
    ],
    [
      'a gateway token’s model with a quote',
      {
        gateway: {
          tokens: [
            { name: 'chatbox', hash: 'a'.repeat(64), model: "q'x", createdAt: '2026-11-20T09:00:00.000Z' },
          ],
        },
      },
      'gateway.tokens.0.model: not a model id',
    ],
    [
      'a label with a right-to-left override',
      { keys: [record(ID_A, { label: 'team\u202Egnp.exe' })] },
      'keys.0.label: holds a control, line-separator or text-direction character',
    ],
    [
      'a label with a C1 control',
      { keys: [record(ID_A, { label: 'team\u009b31m' })] },
      'keys.0.label: holds a control',
    ],
    [
      'a workspace name with a line separator',
      { workspaces: [{ id: 'llm-abcd1234', name: 'a\u2028b', regionId: 'ap-southeast-1' }] },
      'workspaces.0.name: holds a control',
    ],
  ])(
    'refuses %s, naming the place, never the value, and saying how to get out',
    async (_name, content, place) => {
      const store = new ConfigStore(directory());
      const text = JSON.stringify({ schemaVersion: CONFIG_SCHEMA_VERSION, ...content });
      writeFileSync(store.file, text);
      const refusal = await store.read().then(
        () => expect.fail('read'),
        (error: unknown) => error as Error,
      );
      expect(refusal).toMatchObject({ code: 'config-damaged' });
      expect(refusal.message).toContain(place);
      expect(refusal.message).not.toContain(key.slice(3, 15));
      expect(refusal.message).toContain('`msk doctor --fix` takes out only what this version refuses');
      expect(readFileSync(store.file, 'utf8')).toBe(text);
    },
  );

  it('is let out by doctor --fix: only the refused values go, from the file, its backups and the validation note', async () => {
    const context = testContext(directory());
    const store = context.services.config;
    await context.services.vault.add({ secret: fakeKey(), label: 'personal', regionId: 'sg' });
    // As an older version wrote it: the key in the file, its previous version and a daily copy.
    await store.update((draft) => void (draft.settings.defaultModel = 'qwen-max'));
    const good = JSON.parse(readFileSync(store.file, 'utf8'));
    const leaky = {
      ...good,
      keys: [{ ...good.keys[0], label: 'personal\u202E' }],
      settings: { ...good.settings, customTools: [tool], toolModels: { codex: 'qwen&calc' } },
    };
    const daily = `${store.file}.bak-2026-01-01`;
    for (const file of [store.file, store.backupFile, daily])
      writeFileSync(file, JSON.stringify(leaky, null, 2));
    writeFileSync(
      validatedFile(store.file),
      JSON.stringify({ writer: 'old', source: JSON.stringify(leaky), config: leaky }),
    );

    const before = await diagnose(context.services);
    expect(before.findings).toContainEqual(
      expect.objectContaining({
        check: 'data-file',
        health: 'problem',
        fixable: true,
        message: expect.stringMatching(/holds what this version refuses/),
      }),
    );
    const refused = before.findings.find((finding) => finding.check === 'refused-values');
    expect(refused).toMatchObject({ health: 'problem', fixable: true });
    expect(refused?.message).toContain(
      'Your tool ‘leaky’: its variable LEAKY_KEY held what looks like a key: removed.',
    );
    expect(JSON.stringify(before)).not.toContain(key.slice(3, 15));

    const { done, after } = await repair(context.services);
    expect(after.healthy).toBe(true);
    expect(done.join('\n')).not.toContain(key.slice(3, 15));
    for (const file of [store.file, store.backupFile, daily]) {
      expect(readFileSync(file, 'utf8'), file).not.toContain(key.slice(3, 15));
    }
    expect(
      existsSync(validatedFile(store.file)) ? readFileSync(validatedFile(store.file), 'utf8') : '',
    ).not.toContain(key.slice(3, 15));
    // Everything else is as it was: the key, the tool (without its key), the other settings.
    const config = await store.read();
    expect(config.keys.map((record) => record.label)).toEqual(['personal']);
    expect(config.settings.defaultModel).toBe('qwen-max');
    expect(config.settings.toolModels).toEqual({});
    expect(config.settings.customTools).toEqual([
      {
        id: 'leaky',
        name: 'Leaky',
        command: ['leak-tool', '--flag'],
        variables: { LEAKY_URL: '{{baseUrl}}' },
      },
    ]);
  });
});

describe('a config.json a newer version wrote', () => {
  const directory = useTempDirectory();

  it('is left as it is by the repair, whatever it holds', async () => {
    const store = new ConfigStore(directory());
    const text = JSON.stringify({
      schemaVersion: CONFIG_SCHEMA_VERSION + 1,
      settings: {
        defaultModel: 'a model of the future',
        customTools: [{ id: 'x', variables: { K: fakeKey() } }],
      },
    });
    writeFileSync(store.file, text);
    expect(await store.repair()).toEqual([]);
    expect(readFileSync(store.file, 'utf8')).toBe(text);
  });
});

describe('a backup an older version made, with a label this version refuses', () => {
  const directory = useTempDirectory();

  it('is restored with the label’s hidden characters taken out, every key back', async () => {
    const secret = fakeKey();
    const id = ID_A;
    const config = {
      schemaVersion: CONFIG_SCHEMA_VERSION,
      keys: [record(id, { label: 'team\u202Egnp.exe\u2028' })],
      workspaces: [{ id: 'llm-abcd1234', name: 'prod\u2066x\u2069', regionId: 'ap-southeast-1' }],
      settings: { activeKeyByRegion: { 'ap-southeast-1': id } },
    };
    const file = path.join(directory(), 'old.msk-backup');
    writeFileSync(file, await sealBackup({ config, secrets: { [id]: secret } }, 'pass phrase'));
    const target = testContext(path.join(directory(), 'target'));
    expect(await restoreBackup(target.services, file, 'pass phrase')).toMatchObject({
      restored: [{ label: 'teamgnp.exe' }],
    });
    const restored = await target.services.config.read();
    expect(restored.keys.map((key) => key.label)).toEqual(['teamgnp.exe']);
    expect(restored.workspaces.map((workspace) => workspace.name)).toEqual(['prodx']);
    expect(await target.services.vault.secretOf(restored.keys[0] ?? expect.fail())).toBe(secret);
  });
});
