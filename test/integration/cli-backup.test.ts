// msk backup create · restore between two keychain services and two data directories.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { keychainPart, keytar, testKeychainService } from '../fixtures/keychain.js';
import { removeService } from '../fixtures/keytar.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { type MskHome, mskHome } from '../fixtures/msk.js';

const keychain = keychainPart();
const PASSPHRASE = 'correct horse battery staple';

describe.runIf(keychain)('msk backup on the real keychain', () => {
  const serviceB = () => `${testKeychainService()} restore`;
  let homes: MskHome[] = [];
  const home = (service?: string) => {
    const created = mskHome(service === undefined ? {} : { MSK_KEYCHAIN_SERVICE: service });
    homes.push(created);
    return created;
  };
  afterEach(async () => {
    homes.forEach((created) => created.remove());
    homes = [];
    await removeService(serviceB());
  });
  afterAll(() => removeService(serviceB()));

  const listed = async (at: MskHome) =>
    JSON.parse((await at.run(['list', '--json'])).stdout) as { id: string; label: string }[];

  /** Home A with two keys, and its backup file. */
  async function backedUp() {
    const a = home();
    const secrets = [fakeKey(), fakeKey('plan')];
    expect((await a.run(['add', '-l', 'personal', '-r', 'sg'], { input: secrets[0] })).code).toBe(0);
    expect(
      (await a.run(['add', '-l', 'coding', '-r', 'cn', '-p', 'coding'], { input: secrets[1] })).code,
    ).toBe(0);
    const file = path.join(a.directory, 'keys.msk-backup');
    const created = await a.run(['backup', 'create', file], { input: `${PASSPHRASE}\nignored\n` });
    expect(created).toMatchObject({ code: 0, stdout: '' });
    expect(created.stderr).toBe(
      `Backed up 2 keys and 0 workspaces to ${file}. Keep the passphrase: without it the backup cannot be opened.\n`,
    );
    return { a, file, secrets };
  }

  it('round-trips every key and secret into another keychain service and data directory', async () => {
    const { a, file, secrets } = await backedUp();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const bytes = readFileSync(file);
    for (const secret of secrets) expect(bytes.includes(Buffer.from(secret))).toBe(false);

    const b = home(serviceB());
    const restored = await b.run(['backup', 'restore', file], { input: `${PASSPHRASE}\n` });
    expect(restored).toMatchObject({ code: 0, stdout: '', stderr: 'Restored 2 keys and 0 workspaces.\n' });
    for (const secret of secrets) expect(restored.stderr).not.toContain(secret);
    const keysB = await listed(b);
    expect(keysB).toEqual(await listed(a));
    for (const [index, entry] of keysB.entries()) {
      expect(await keytar.getPassword(serviceB(), entry.id)).toBe(secrets[index]);
    }
  });

  it('refuses a wrong passphrase and a changed file, and changes nothing', async () => {
    const { file } = await backedUp();
    const b = home(serviceB());
    const existing = fakeKey();
    await b.run(['add', '-l', 'mine', '-r', 'us'], { input: existing });
    const before = readFileSync(path.join(b.directory, 'config.json'), 'utf8');

    const wrong = await b.run(['backup', 'restore', file, '--merge'], {
      input: 'Correct horse battery staple\n',
    });
    expect(wrong).toMatchObject({ code: 1, stdout: '' });
    expect(wrong.stderr).toMatch(
      /^msk: The backup cannot be opened: the passphrase is wrong, or the file was changed or damaged\. Nothing was changed\.\n$/,
    );

    const envelope = JSON.parse(readFileSync(file, 'utf8'));
    const iv = Buffer.from(envelope.cipher.iv, 'base64');
    iv[0] = (iv[0] ?? 0) ^ 0x01;
    envelope.cipher.iv = iv.toString('base64');
    const changed = path.join(b.directory, 'changed.msk-backup');
    writeFileSync(changed, JSON.stringify(envelope));
    const tampered = await b.run(['backup', 'restore', changed, '--merge'], { input: `${PASSPHRASE}\n` });
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/^msk: The backup cannot be opened: .*\n$/);

    expect(readFileSync(path.join(b.directory, 'config.json'), 'utf8')).toBe(before);
    expect((await keytar.findCredentials(serviceB())).map((item) => item.password)).toEqual([existing]);
  });

  it('restores into a vault with keys only with --merge, skipping keys stored already', async () => {
    const { file, secrets } = await backedUp();
    const b = home(serviceB());
    await b.run(['add', '-l', 'mine', '-r', 'sg'], { input: secrets[0] });

    const refused = await b.run(['backup', 'restore', file], { input: `${PASSPHRASE}\n` });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^msk: 1 key\(s\) are already stored here; .* pass --merge to add only the keys not stored yet\.\n$/,
    );
    expect((await listed(b)).map((entry) => entry.label)).toEqual(['mine']);

    const merged = await b.run(['backup', 'restore', file, '--merge'], { input: `${PASSPHRASE}\n` });
    expect(merged).toMatchObject({ code: 0, stdout: '' });
    expect(merged.stderr).toBe(
      "Skipped 'personal': already stored as 'mine'.\nRestored 1 key and 0 workspaces; skipped 1 key already stored.\n",
    );
    const keysB = await listed(b);
    expect(keysB.map((entry) => entry.label)).toEqual(['mine', 'coding']);
    expect(await keytar.getPassword(serviceB(), keysB[1]?.id ?? '')).toBe(secrets[1]);
  });

  it('refuses to replace an existing file, before asking for a passphrase', async () => {
    const a = home();
    await a.run(['add', '-l', 'personal', '-r', 'sg'], { input: fakeKey() });
    const file = path.join(a.directory, 'taken');
    writeFileSync(file, 'mine');
    const refused = await a.run(['backup', 'create', file], { input: `${PASSPHRASE}\n` });
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toBe(
      `msk: ${file} already exists; a backup never replaces a file. Choose another name.\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });

  it('refuses a passphrase shorter than 8 characters, empty included', async () => {
    const a = home();
    const file = path.join(a.directory, 'keys.msk-backup');
    for (const input of ['\n', 'seven77\nseven77\n']) {
      const refused = await a.run(['backup', 'create', file], { input });
      expect(refused).toMatchObject({ code: 1 });
      expect(refused.stderr).toBe(
        'msk: A backup passphrase has at least 8 characters; choose a longer one.\n',
      );
      expect(() => statSync(file)).toThrow();
    }
  });

  it('restores the version 1 file of the first release', async () => {
    const b = home(serviceB());
    const restored = await b.run(['backup', 'restore', path.resolve('test/fixtures/backups/v1.msk-backup')], {
      input: `${PASSPHRASE}\n`,
    });
    expect(restored).toMatchObject({ code: 0, stderr: 'Restored 2 keys and 1 workspace.\n' });
    const keysB = await listed(b);
    expect(keysB).toMatchObject([
      { label: 'personal', regionId: 'ap-southeast-1', active: true },
      {
        label: 'coding',
        regionId: 'cn-beijing',
        plan: 'coding',
        accountId: '1234567890123456',
        active: true,
      },
    ]);
    expect(await keytar.getPassword(serviceB(), keysB[0]?.id ?? '')).toBe(`sk-${'0'.repeat(28)}f1c7`);
  });
});
