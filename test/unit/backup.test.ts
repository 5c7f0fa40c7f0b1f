// Backup and restore as use cases: ids, labels, active keys, --merge, and taking back on failure.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup, restoreBackup } from '../../main/core/actions/backup.js';
import { createServices, type Services } from '../../main/core/keys/services.js';
import { MemorySecretStore } from '../fixtures/memory-secret-store.js';
import { useTempDirectory } from '../fixtures/temp-directory.js';

const key = (n: number) => `sk-${n.toString(16).padStart(32, '0')}`;
const PASSPHRASE = 'pass phrase';

describe('backup and restore', () => {
  const directory = useTempDirectory();
  let count = 0;
  const vault = (): Services & { secrets: MemorySecretStore } =>
    createServices(
      {
        dataDirectory: path.join(directory(), `home-${++count}`),
        keychainService: 'unused',
        endpointOverrides: {},
      },
      new MemorySecretStore(),
    ) as Services & { secrets: MemorySecretStore };
  const file = () => path.join(directory(), `backup-${count}.msk-backup`);

  it('restores keys with their ids, secrets, active keys and workspaces into an empty vault', async () => {
    const source = vault();
    const first = (await source.vault.add({ secret: key(1), label: 'personal', regionId: 'sg' })).record;
    const second = (await source.vault.add({ secret: key(2), label: 'team', regionId: 'sg' })).record;
    await source.config.update((draft) => {
      draft.settings.activeKeyByRegion['ap-southeast-1'] = second.id;
      draft.workspaces.push({ id: 'llm-7c72iiw36kd8', name: 'team', regionId: 'cn-beijing' });
    });
    const backup = file();
    expect(await createBackup(source, backup, PASSPHRASE)).toEqual({ keyCount: 2, workspaceCount: 1 });
    expect(statSync(backup).mode & 0o777).toBe(0o600);

    const target = vault();
    expect(await restoreBackup(target, backup, PASSPHRASE)).toEqual({
      restored: [
        { label: 'personal', backupLabel: 'personal' },
        { label: 'team', backupLabel: 'team' },
      ],
      skipped: [],
      workspaceCount: 1,
    });
    const restored = await target.config.read();
    expect(restored.keys).toEqual((await source.config.read()).keys);
    expect(restored.workspaces).toEqual([{ id: 'llm-7c72iiw36kd8', name: 'team', regionId: 'cn-beijing' }]);
    expect(restored.settings.activeKeyByRegion).toEqual({ 'ap-southeast-1': second.id });
    expect(target.secrets.items).toEqual(
      new Map([
        [first.id, key(1)],
        [second.id, key(2)],
      ]),
    );
  });

  it('refuses to replace a file, and a passphrase shorter than 8 characters', async () => {
    const source = vault();
    const backup = file();
    writeFileSync(backup, 'mine');
    await expect(createBackup(source, backup, PASSPHRASE)).rejects.toMatchObject({ code: 'file-exists' });
    expect(readFileSync(backup, 'utf8')).toBe('mine');
    for (const passphrase of ['', 'seven77', '\u{1F511}'.repeat(7)]) {
      await expect(createBackup(source, `${backup}.2`, passphrase)).rejects.toMatchObject({
        code: 'invalid-input',
        params: { minimum: 8 },
      });
    }
    expect(() => statSync(`${backup}.2`)).toThrow();
    await createBackup(source, `${backup}.3`, '\u{1F511}'.repeat(8));
  });

  it('refuses a FIFO as the backup to restore at once (the window restores through this too)', async () => {
    const fifo = path.join(directory(), 'keys.msk-backup');
    spawnSync('mkfifo', [fifo]);
    await expect(restoreBackup(vault(), fifo, PASSPHRASE)).rejects.toMatchObject({
      code: 'backup-unreadable',
      message: `${fifo} is not a regular file, so it is not a backup. Nothing was changed.`,
    });
  });

  it('without --merge leaves a vault with keys alone; with it adds only what is missing', async () => {
    const source = vault();
    await source.vault.add({ secret: key(1), label: 'personal', regionId: 'sg' });
    const kept = (await source.vault.add({ secret: key(2), label: 'team', regionId: 'cn' })).record;
    await source.vault.add({ secret: key(3), label: 'other', regionId: 'us' });
    const backup = file();
    await createBackup(source, backup, PASSPHRASE);

    const target = vault();
    // Same secret under another label: skipped. Another secret under a backup label: renamed.
    await target.vault.add({ secret: key(1), label: 'mine', regionId: 'sg' });
    const clash = (await target.vault.add({ secret: key(9), label: 'TEAM', regionId: 'sg' })).record;
    const before = await target.config.read();
    await expect(restoreBackup(target, backup, PASSPHRASE)).rejects.toMatchObject({
      code: 'vault-not-empty',
    });
    expect(await target.config.read()).toEqual(before);
    expect(target.secrets.items.size).toBe(2);

    const outcome = await restoreBackup(target, backup, PASSPHRASE, { merge: true });
    expect(outcome).toEqual({
      restored: [
        { label: 'team-2', backupLabel: 'team' },
        { label: 'other', backupLabel: 'other' },
      ],
      skipped: [{ label: 'personal', heldAs: 'mine' }],
      workspaceCount: 0,
    });
    const after = await target.config.read();
    expect(after.keys.map((record) => record.label)).toEqual(['mine', 'TEAM', 'team-2', 'other']);
    expect(after.keys.find((record) => record.label === 'team-2')?.id).toBe(kept.id);
    expect(after.settings.activeKeyByRegion['ap-southeast-1']).toBe(
      before.settings.activeKeyByRegion['ap-southeast-1'],
    );
    expect(after.keys.map((record) => record.id)).toContain(clash.id);

    // Again: everything is there now.
    expect(await restoreBackup(target, backup, PASSPHRASE, { merge: true })).toMatchObject({
      restored: [],
      skipped: [{ label: 'personal' }, { label: 'team' }, { label: 'other' }],
    });
  });

  it('gives a restored key a new id when its id is taken here', async () => {
    const source = vault();
    const record = (await source.vault.add({ secret: key(1), label: 'personal', regionId: 'sg' })).record;
    const backup = file();
    await createBackup(source, backup, PASSPHRASE);
    // The same id, another secret: a restore must not touch the keychain item of the key here.
    await source.secrets.set(record.id, key(2));
    await restoreBackup(source, backup, PASSPHRASE, { merge: true });
    const keys = (await source.config.read()).keys;
    expect(keys).toHaveLength(2);
    expect(keys[1]?.id).not.toBe(record.id);
    expect(source.secrets.items.get(record.id)).toBe(key(2));
    expect(source.secrets.items.get(keys[1]?.id ?? '')).toBe(key(1));
  });

  it('takes back the secrets it wrote when the keychain fails midway', async () => {
    const source = vault();
    await source.vault.add({ secret: key(1), label: 'a', regionId: 'sg' });
    await source.vault.add({ secret: key(2), label: 'b', regionId: 'sg' });
    const backup = file();
    await createBackup(source, backup, PASSPHRASE);
    const target = vault();
    const set = target.secrets.set.bind(target.secrets);
    let writes = 0;
    target.secrets.set = async (id, secret) => {
      if (++writes === 2) throw new Error('keychain gone');
      await set(id, secret);
    };
    await expect(restoreBackup(target, backup, PASSPHRASE)).rejects.toThrow('keychain gone');
    expect(target.secrets.items.size).toBe(0);
    expect((await target.config.read()).keys).toEqual([]);
  });
});
