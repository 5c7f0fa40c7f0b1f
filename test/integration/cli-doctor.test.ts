// msk doctor [--fix] on the real keychain (a service of its own per test: doctor lists every item
// of its service) and real files, with the Model Studio imitation for the regions it asks.
import { randomUUID } from 'node:crypto';
import { chmodSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeKey } from '../fixtures/fake-keys.js';
import { keychainPart } from '../fixtures/keychain.js';
import { keytar, removeService } from '../fixtures/keytar.js';
import { type FakeModelStudio, startModelStudio } from '../fixtures/model-studio-server.js';
import { type MskHome, mskHome } from '../fixtures/msk.js';

describe.runIf(keychainPart())('msk doctor', () => {
  let server: FakeModelStudio;
  let home: MskHome;
  let service: string;
  beforeAll(async () => {
    server = await startModelStudio();
  });
  afterAll(() => server.close());
  const setUp = () => {
    service = `msk-doctor-${randomUUID()}`;
    home = mskHome({
      MSK_KEYCHAIN_SERVICE: service,
      MSK_ENDPOINT_OVERRIDES: JSON.stringify(server.overrides),
    });
  };
  afterEach(async () => {
    home.remove();
    await removeService(service);
  });
  const add = async (label: string, region: string, secret = fakeKey()) => {
    expect((await home.run(['add', '-l', label, '-r', region], { input: secret })).code).toBe(0);
    return secret;
  };
  const labels = async () =>
    (JSON.parse((await home.run(['list', '--json'])).stdout) as { label: string; regionId: string }[]).map(
      (key) => `${key.label} ${key.regionId}`,
    );
  const config = () => path.join(home.directory, 'config.json');

  it('says all is well, and exits 0, when the file, its backups and the keychain agree', async () => {
    setUp();
    await add('personal', 'sg');
    await add('team', 'us');
    // A GUI tool's gateway token, kept in the keychain to copy again: an item, but no orphan.
    const settings = await home.run(['tools', 'settings', 'chatbox', '--gateway', '--print']);
    expect(settings.code, settings.stderr).toBe(0);
    const run = await home.run(['doctor']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^ok\s+data-file: .*config\.json: 2 keys, schema \d+\.$/m);
    expect(run.stdout).toMatch(
      /^ok\s+keychain: The keychain answers \(service “msk-doctor-.*”, 3 items\)\.$/m,
    );
    expect(run.stdout).not.toMatch(/PROBLEM|warning/);
  });

  it('restores the newest good backup of a damaged file, sets the damaged one aside, and recovers the key added since', async () => {
    setUp();
    await add('personal', 'sg');
    const later = fakeKey();
    server.addKey('us-east-1', later);
    await add('later', 'us', later);
    writeFileSync(config(), '{ damaged');

    const report = await home.run(['doctor']);
    expect(report.code).toBe(1);
    expect(report.stdout).toMatch(
      /^PROBLEM data-file: .* is damaged\. --fix sets it aside and restores .*config\.json\.bak\.$/m,
    );
    expect(report.stdout).toMatch(/^PROBLEM orphans: 1 key in the keychain with no record \(…\w{4}\)/m);
    expect(report.stderr).toContain('Run `msk doctor --fix`');
    const items = await keytar.findCredentials(service);

    const fixed = await home.run(['doctor', '--fix']);
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0);
    expect(fixed.stderr).toMatch(/^Set the damaged data file aside as .*config\.json\.damaged-/m);
    expect(fixed.stderr).toMatch(/^Restored .*config\.json from .*config\.json\.bak\.$/m);
    expect(fixed.stderr).toContain(
      `Recovered ‘recovered-${later.slice(-4)}’ from the keychain: it works in US (Virginia) (Pay-as-you-go).`,
    );
    expect(await labels()).toEqual(['personal ap-southeast-1', `recovered-${later.slice(-4)} us-east-1`]);
    const aside = readdirSync(home.directory).find((name) => name.startsWith('config.json.damaged-')) ?? '';
    expect(readFileSync(path.join(home.directory, aside), 'utf8')).toBe('{ damaged');
    expect(await keytar.findCredentials(service)).toEqual(expect.arrayContaining(items));
  });

  it('recovers every key from the keychain when the data file is lost; one no region knows is filed unverified', async () => {
    setUp();
    const known = fakeKey();
    server.addKey('cn-beijing', known);
    await add('beijing', 'cn', known);
    const unknown = await add('gone', 'sg');
    rmSync(config());
    for (const name of readdirSync(home.directory).filter((file) => file.startsWith('config.json.bak')))
      rmSync(path.join(home.directory, name));

    const fixed = await home.run(['doctor', '--fix', '--json']);
    const answer = JSON.parse(fixed.stdout) as { healthy: boolean; repaired: string[] };
    expect(answer.repaired).toEqual(
      expect.arrayContaining([
        `Recovered ‘recovered-${known.slice(-4)}’ from the keychain: it works in China (Beijing) (Pay-as-you-go).`,
        expect.stringMatching(new RegExp(`^Recovered ‘recovered-${unknown.slice(-4)}’ .*unverified`)),
      ]),
    );
    expect(fixed.stdout).not.toContain(known);
    expect(fixed.stdout).not.toContain(unknown);
    expect((await labels()).sort()).toEqual(
      [`recovered-${known.slice(-4)} cn-beijing`, `recovered-${unknown.slice(-4)} ap-southeast-1`].sort(),
    );
    const listed = JSON.parse((await home.run(['list', '--json'])).stdout) as {
      label: string;
      lastCheck: unknown;
    }[];
    expect(listed.find((key) => key.label.endsWith(unknown.slice(-4)))?.lastCheck).toMatchObject({
      status: 'unverified',
    });
  });

  it('says a file from a newer version needs a newer app, and --fix leaves it where it is', async () => {
    setUp();
    await add('personal', 'sg');
    writeFileSync(config(), JSON.stringify({ schemaVersion: 99, keys: [] }));
    const fixed = await home.run(['doctor', '--fix']);
    expect(fixed.code).toBe(1);
    expect(fixed.stdout).toMatch(/^PROBLEM data-file: .*written by a newer version of Model Studio Keys/m);
    expect(fixed.stderr).not.toMatch(/Set the damaged data file aside/);
    expect(JSON.parse(readFileSync(config(), 'utf8'))).toEqual({ schemaVersion: 99, keys: [] });
  });

  it('tightens permissions, and reports a record whose secret is gone without deleting anything', async () => {
    setUp();
    await add('personal', 'sg');
    await add('other', 'sg');
    chmodSync(config(), 0o644);
    const [record] = JSON.parse((await home.run(['list', '--json'])).stdout) as { id: string }[];
    await keytar.deletePassword(service, record?.id ?? '');

    const fixed = await home.run(['doctor', '--fix']);
    expect(fixed.stderr).toMatch(/^Made .*config\.json private \(0600\)\.$/m);
    expect(statSync(config()).mode & 0o777).toBe(0o600);
    expect(fixed.stdout).toMatch(/^ok\s+permissions:/m);
    expect(fixed.stdout).toMatch(
      /^PROBLEM missing-secrets: No secret in the keychain for ‘personal’: remove it/m,
    );
    expect(fixed.code).toBe(1);
    expect(await labels()).toEqual(['personal ap-southeast-1', 'other ap-southeast-1']);
  });
});
