// The data directory as another user on the machine, or a planted file, would meet it (issue 22,
// items 9–11): no key is read while others can change the directory, nothing is written through
// a symbolic link, and what cannot be a data directory or a backup fails at once with its reason.
// The built msk, the real keychain, real files; the Model Studio imitation stands for the
// attacker's server.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  linkSync,
  lstatSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeKey } from '../fixtures/fake-keys.js';
import { keychainPart, keytar } from '../fixtures/keychain.js';
import { removeService } from '../fixtures/keytar.js';
import { type FakeModelStudio, startModelStudio } from '../fixtures/model-studio-server.js';
import { type MskHome, mskHome } from '../fixtures/msk.js';
import { useTempDirectory } from '../fixtures/temp-directory.js';

const keychain = keychainPart();
/** Only root can give a file to another user; elsewhere those tests are skipped, for that reason. */
const root = process.getuid?.() === 0;
const NOBODY = 65534;
const PASSPHRASE = 'correct horse battery staple';
const NOTHING =
  'no key is read and nothing is written there while someone else could change where keys are sent';

const mode = (file: string): number => statSync(file).mode & 0o777;

/**
 * A home with a keychain service of its own: msk doctor --fix adopts every item of its service,
 * and other tests' items (asked of Model Studio, one by one) must not be among them.
 */
const services: string[] = [];
function ownHome(): MskHome {
  const service = `msk-data-${randomUUID()}`;
  services.push(service);
  return mskHome({ MSK_KEYCHAIN_SERVICE: service });
}
afterAll(async () => {
  for (const service of services) await removeService(service);
});

describe.runIf(keychain)('a data directory other users could change (issue 22, 9)', () => {
  let home: MskHome;
  let attacker: FakeModelStudio;
  beforeAll(async () => {
    attacker = await startModelStudio();
  });
  afterAll(() => attacker.close());
  afterEach(() => home?.remove());

  const withKey = async (): Promise<string> => {
    home = ownHome();
    const secret = fakeKey();
    expect((await home.run(['add', '-l', 'mine', '-r', 'sg'], { input: secret })).code).toBe(0);
    return secret;
  };
  const config = () => path.join(home.directory, 'config.json');

  it('reads no key while the directory is writable by others, says the chmod to run, and still lists', async () => {
    const secret = await withKey();
    chmodSync(home.directory, 0o777);
    const quoted = `'${home.directory}'`;
    for (const args of [
      ['env', '--shell', 'bash'],
      ['copy', '--print'],
      ['exec', '--', process.execPath, '-e', ''],
      ['check', 'mine'],
      ['backup', 'create', path.join(home.directory, 'x.msk-backup')],
    ]) {
      const refused = await home.run(args, { input: `${PASSPHRASE}\n${PASSPHRASE}\n` });
      expect(refused.code, args[0]).not.toBe(0);
      expect(refused.stdout, args[0]).not.toContain(secret);
      expect(refused.stderr, args[0]).toBe(
        `msk: ${home.directory} can be changed by other users (mode 0777): ${NOTHING}; make it yours alone: chmod 700 ${quoted}.\n`,
      );
    }
    const listed = await home.run(['list', '--json']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('"mine"');
    chmodSync(home.directory, 0o755);
    expect((await home.run(['copy', '--print'])).stdout).toBe(`${secret}\n`);
  });

  it.runIf(root)(
    'reads no key from a data file another user owns, and says the chown (needs root to chown)',
    async () => {
      const secret = await withKey();
      chownSync(config(), NOBODY, NOBODY);
      const refused = await home.run(['env', '--shell', 'bash']);
      expect(refused.code).toBe(1);
      expect(refused.stdout).not.toContain(secret);
      expect(refused.stderr).toBe(
        `msk: ${config()} belongs to another user (uid ${NOBODY}): ${NOTHING}; if you put it there, take it back with sudo chown root '${config()}', otherwise remove it.\n`,
      );
    },
  );

  it('reads no key when the data file is writable by others', async () => {
    await withKey();
    chmodSync(config(), 0o666);
    const refused = await home.run(['copy', '--print']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^msk: .*config\.json can be changed by other users \(mode 0666\): no key is read .*; make it yours alone: chmod 600 '.*config\.json'\.\n$/,
    );
  });

  it.runIf(root)(
    'doctor --fix sends no key to the server a replaced config.json names (needs root to chown)',
    async () => {
      await withKey();
      await home.run(['add', '-l', 'second', '-r', 'us'], { input: fakeKey() });
      chmodSync(home.directory, 0o777);
      // Another user replaces the file: no key records (so every keychain item looks lost) and
      // endpoint overrides pointing at their server.
      const planted = path.join(home.directory, 'planted');
      writeFileSync(
        planted,
        JSON.stringify({ schemaVersion: 3, keys: [], settings: { endpointOverrides: attacker.overrides } }),
      );
      chownSync(planted, NOBODY, NOBODY);
      spawnSync('mv', [planted, config()]);

      const fixed = await home.run(['doctor', '--fix']);
      expect(attacker.requests).toEqual([]);
      expect(fixed.code).toBe(1);
      expect(fixed.stderr).toContain(`Made ${home.directory} private (0700).`);
      expect(fixed.stdout).toMatch(/^PROBLEM keychain: .*config\.json belongs to another user/m);
      expect(mode(home.directory)).toBe(0o700);
      expect(JSON.parse(readFileSync(config(), 'utf8'))).toMatchObject({ keys: [] });
      expect(attacker.requests).toEqual([]);
    },
  );

  it.runIf(root)('ignores a validation note another user planted (needs root to chown)', async () => {
    await withKey();
    // A note that matches config.json's text but says the settings send keys elsewhere.
    const note = path.join(home.directory, 'config.json.validated');
    const [writer, , , noted, ...text] = readFileSync(note, 'utf8').split('\n');
    const redirected = JSON.parse(noted ?? '') as { settings: Record<string, unknown> };
    redirected.settings.endpointOverrides = attacker.overrides;
    // It also names config.json as it is now, so that shell completion would take its key names.
    const status = statSync(config(), { bigint: true });
    const identity = [status.dev, status.ino, status.size, status.mtimeNs, status.ctimeNs].join(':');
    const names = JSON.stringify([{ label: 'planted-label', regionId: 'us-east-1' }]);
    writeFileSync(note, [writer, identity, names, JSON.stringify(redirected), ...text].join('\n'));
    chownSync(note, NOBODY, NOBODY);
    const completed = await home.run(['__complete', 'copy', '--key', '']);
    expect(completed.stdout).toBe('mine\tSingapore\n');
    expect(completed.stdout).not.toContain('planted-label');
    const env = await home.run(['env', '--shell', 'dotenv']);
    expect(env.code).toBe(0);
    expect(env.stdout).toContain('https://dashscope-intl.aliyuncs.com');
    expect(env.stdout).not.toContain('127.0.0.1');
  });

  it('makes a data directory it writes private (0700), whatever mode it had', async () => {
    home = ownHome();
    chmodSync(home.directory, 0o755);
    expect((await home.run(['add', '-l', 'mine', '-r', 'sg'], { input: fakeKey() })).code).toBe(0);
    expect(mode(home.directory)).toBe(0o700);
    const created = path.join(home.directory, 'new', 'data');
    expect((await home.run(['region', 'us'], { env: { MSK_HOME: created } })).code).toBe(0);
    expect(mode(created)).toBe(0o700);
  });
});

describe.runIf(keychain)('symbolic links in the data directory (issue 22, 10)', () => {
  let home: MskHome;
  const outside = useTempDirectory();
  afterEach(() => home?.remove());

  /** A file of the user's outside the data directory, and a link to it planted inside as `name`. */
  const planted = (name: string) => {
    const victim = path.join(outside(), 'victim.txt');
    writeFileSync(victim, 'the victim’s own words\n', { mode: 0o644 });
    chmodSync(victim, 0o644);
    symlinkSync(victim, path.join(home.directory, name));
    return victim;
  };
  const untouched = (victim: string) => {
    expect(readFileSync(victim, 'utf8')).toBe('the victim’s own words\n');
    expect(mode(victim)).toBe(0o644);
  };

  it('refuses to write the backup through a link, names it, and changes nothing', async () => {
    home = ownHome();
    await home.run(['add', '-l', 'mine', '-r', 'sg'], { input: fakeKey() });
    const victim = planted('config.json.bak');
    const link = path.join(home.directory, 'config.json.bak');
    const before = readFileSync(path.join(home.directory, 'config.json'), 'utf8');
    const renamed = await home.run(['rename', 'mine', 'yours']);
    expect(renamed.code).toBe(1);
    expect(renamed.stderr).toBe(
      `msk: ${link} is a symbolic link: Model Studio Keys does not follow it, and nothing was changed; remove the link: rm '${link}'.\n`,
    );
    untouched(victim);
    expect(readFileSync(path.join(home.directory, 'config.json'), 'utf8')).toBe(before);
  });

  it('appends no last use through a link: the key is still given, the link named', async () => {
    home = ownHome();
    const secret = fakeKey();
    await home.run(['add', '-l', 'mine', '-r', 'sg'], { input: secret });
    const victim = planted('config.json.uses');
    const env = await home.run(['env', '--shell', 'dotenv']);
    expect(env.code).toBe(0);
    expect(env.stdout).toContain(secret);
    expect(env.stderr).toMatch(/^warning: .*config\.json\.uses is a symbolic link: .*not recorded\.\n$/);
    untouched(victim);
  });

  it('does not chmod, write or read a key through a linked config.json', async () => {
    home = ownHome();
    await home.run(['add', '-l', 'mine', '-r', 'sg'], { input: fakeKey() });
    const file = path.join(home.directory, 'config.json');
    const elsewhere = path.join(outside(), 'config.json');
    writeFileSync(elsewhere, readFileSync(file), { mode: 0o644 });
    chmodSync(elsewhere, 0o644);
    const text = readFileSync(elsewhere, 'utf8');
    spawnSync('ln', ['-sf', elsewhere, file]);

    const fixed = await home.run(['doctor', '--fix']);
    expect(fixed.stdout).toMatch(/^PROBLEM permissions: .*config\.json is a link to a file elsewhere/m);
    expect(mode(elsewhere)).toBe(0o644);
    for (const args of [
      ['rename', 'mine', 'yours'],
      ['copy', '--print'],
    ]) {
      const refused = await home.run(args);
      expect(refused.code, args[0]).toBe(1);
      expect(refused.stderr, args[0]).toMatch(/^msk: .*config\.json is a symbolic link: /);
    }
    expect(readFileSync(elsewhere, 'utf8')).toBe(text);
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
  });

  it('doctor --fix does not chmod a file of the user’s hard-linked in under a backup’s name', async () => {
    home = ownHome();
    await home.run(['add', '-l', 'mine', '-r', 'sg'], { input: fakeKey() });
    const victim = path.join(outside(), 'victim.txt');
    writeFileSync(victim, 'the victim’s own words\n');
    chmodSync(victim, 0o644);
    linkSync(victim, path.join(home.directory, 'config.json.bak-2999-01-01'));
    const fixed = await home.run(['doctor', '--fix']);
    expect(fixed.stdout).toMatch(
      /^PROBLEM permissions: .*config\.json\.bak-2999-01-01 is a link to a file elsewhere/m,
    );
    untouched(victim);
  });

  it('never quotes a damaged file: a position, not its first bytes', async () => {
    home = ownHome();
    const secret = fakeKey();
    writeFileSync(path.join(home.directory, 'config.json'), `${secret}\n{"keys": []}\n`);
    const listed = await home.run(['list']);
    expect(listed.code).toBe(1);
    expect(listed.stderr).toMatch(/is damaged \(not valid JSON/);
    expect(listed.stderr).not.toContain(secret.slice(0, 6));
    expect(listed.stderr).not.toContain(secret.slice(-6));
  });
});

describe.runIf(keychain)('what cannot be a data directory or a backup (issue 22, 11)', () => {
  let home: MskHome;
  afterEach(() => home?.remove());

  it('a data directory in /proc fails with its reason, not "another process holds the lock"', async () => {
    home = ownHome();
    const secret = fakeKey();
    for (const directory of ['/proc/self/fd', '/proc']) {
      const added = await home.run(['add', '-l', 'x', '-r', 'sg'], {
        input: secret,
        env: { MSK_HOME: directory },
      });
      expect(added.code, directory).toBe(1);
      expect(added.stderr, directory).not.toMatch(/Another Model Studio Keys process/);
      expect(added.stderr, directory).toMatch(new RegExp(`^msk: Cannot write in ${directory} \\(E[A-Z]+`));
    }
    const passwords = (await keytar.findCredentials(home.env.MSK_KEYCHAIN_SERVICE ?? '')).map(
      (item) => item.password,
    );
    expect(passwords).not.toContain(secret);
  });

  it('a FIFO in place of config.json or its journal is not waited on', async () => {
    home = ownHome();
    await home.run(['add', '-l', 'mine', '-r', 'sg'], { input: fakeKey() });
    spawnSync('mkfifo', [path.join(home.directory, 'config.json.uses')]);
    const listed = await home.run(['list', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('"mine"');
    expect((await home.run(['env', '--shell', 'bash'])).code).toBe(0);
    const file = path.join(home.directory, 'config.json');
    spawnSync('rm', [file]);
    spawnSync('mkfifo', [file]);
    const refused = await home.run(['list']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^msk: Cannot read .*config\.json: it is not a regular file/);
  });

  it('refuses a FIFO and /dev/zero as a backup to restore, at once', async () => {
    home = ownHome();
    const fifo = path.join(home.directory, 'keys.msk-backup');
    spawnSync('mkfifo', [fifo]);
    for (const file of [fifo, '/dev/zero']) {
      const restored = await home.run(['backup', 'restore', file], { input: `${PASSPHRASE}\n` });
      expect(restored.code, file).toBe(1);
      expect(restored.stderr, file).toBe(
        `msk: ${file} is not a regular file, so it is not a backup. Nothing was changed.\n`,
      );
    }
  });
});
