// No secret leaves the keychain while the data directory could be changed by someone else
// (issue 22, 9): checked where every reader passes, the vault.
import { chmodSync, chownSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../main/core/keys/services.js';
import { MemorySecretStore } from '../fixtures/memory-secret-store.js';
import { useTempDirectory } from '../fixtures/temp-directory.js';

const root = process.getuid?.() === 0;

describe('a data directory that is not private', () => {
  const directory = useTempDirectory();
  const setup = async () => {
    const dataDirectory = path.join(directory(), 'data');
    const services = createServices(
      { dataDirectory, keychainService: 'unused', endpointOverrides: {} },
      new MemorySecretStore(),
    );
    const { record } = await services.vault.add({
      secret: `sk-${'1'.repeat(32)}`,
      label: 'mine',
      regionId: 'sg',
    });
    return { services, record, dataDirectory };
  };

  it('refuses every way a secret is read, with the fix as a parameter; lists and writes nothing', async () => {
    const { services, record, dataDirectory } = await setup();
    chmodSync(dataDirectory, 0o770);
    const refused = {
      code: 'data-unsafe',
      params: { path: dataDirectory, command: `chmod 700 '${dataDirectory}'` },
    };
    await expect(services.vault.secretOf(record)).rejects.toMatchObject(refused);
    await expect(services.vault.findBySecret(`sk-${'1'.repeat(32)}`)).rejects.toMatchObject(refused);
    await expect(services.vault.keychainItems()).rejects.toMatchObject(refused);
    expect((await services.vault.list()).map((key) => key.label)).toEqual(['mine']);
  });

  it('takes a sticky, owner-only or read-only directory as private; a world-writable parent is not asked', async () => {
    const { services, record, dataDirectory } = await setup();
    expect(await services.vault.keychainItems()).toHaveLength(1);
    for (const mode of [0o700, 0o755, 0o500, 0o1700]) {
      chmodSync(dataDirectory, mode);
      expect(await services.vault.secretOf(record)).toBe(`sk-${'1'.repeat(32)}`);
    }
    chmodSync(path.dirname(dataDirectory), 0o777);
    chmodSync(dataDirectory, 0o700);
    expect(await services.vault.secretOf(record)).toBe(`sk-${'1'.repeat(32)}`);
  });

  it('makes a directory it writes in, and owns, private', async () => {
    const { services, dataDirectory } = await setup();
    chmodSync(dataDirectory, 0o777);
    await services.config.update((draft) => void (draft.settings.defaultModel = 'qwen-max'));
    expect(statSync(dataDirectory).mode & 0o777).toBe(0o700);
  });

  it.runIf(root)(
    'refuses a data directory or file another user owns, and writes nothing over it (needs root to chown)',
    async () => {
      const { services, record, dataDirectory } = await setup();
      const file = path.join(dataDirectory, 'config.json');
      chownSync(file, 65534, 65534);
      const refused = { code: 'data-unsafe', params: { path: file } };
      await expect(services.vault.secretOf(record)).rejects.toMatchObject(refused);
      await expect(
        services.config.update((draft) => void (draft.settings.defaultModel = 'qwen-max')),
      ).rejects.toMatchObject(refused);
      chownSync(file, 0, 0);
      const theirs = path.join(directory(), 'theirs');
      mkdirSync(theirs);
      writeFileSync(path.join(theirs, 'config.json'), '{"schemaVersion":3}');
      chownSync(theirs, 65534, 65534);
      const other = createServices(
        { dataDirectory: theirs, keychainService: 'unused', endpointOverrides: {} },
        new MemorySecretStore(),
      );
      await expect(other.vault.keychainItems()).rejects.toMatchObject({
        code: 'data-unsafe',
        params: { path: theirs },
      });
      await expect(other.config.update(() => undefined)).rejects.toMatchObject({ code: 'data-unsafe' });
    },
  );

  it.runIf(root)(
    'never offers a backup another user put there, nor names it as a good version (needs root to chown)',
    async () => {
      const { services, dataDirectory } = await setup();
      await services.config.update((draft) => void (draft.settings.defaultModel = 'qwen-max'));
      const planted = path.join(dataDirectory, 'config.json.bak-2999-01-01');
      writeFileSync(
        planted,
        '{"schemaVersion":3,"settings":{"endpointOverrides":{"sg":"http://127.0.0.1:9"}}}',
      );
      chownSync(planted, 65534, 65534);
      expect(await services.config.backups()).not.toContain(planted);
      writeFileSync(path.join(dataDirectory, 'config.json'), '{ damaged');
      await expect(services.config.read()).rejects.toMatchObject({
        code: 'config-damaged',
        message: expect.not.stringContaining('2999'),
      });
    },
  );
});
