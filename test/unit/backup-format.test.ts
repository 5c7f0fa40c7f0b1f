// The backup file format: round trip, wrong passphrase, every tampered region, version dispatch.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type BackupPayload,
  BACKUP_VERSION,
  DEFAULT_SCRYPT,
  openBackup,
  sealBackup,
} from '../../main/core/keys/backup-format.js';

const FIXTURE_V1 = 'test/fixtures/backups/v1.msk-backup';
const FIXTURE_PASSPHRASE = 'correct horse battery staple';
// The cheapest parameters a reader accepts: these tests are about the format, not the cost.
const FAST = { N: 2 ** 14, r: 8, p: 1 };
const secret = `sk-${'ab'.repeat(16)}`;
const payload: BackupPayload = {
  config: { schemaVersion: 3, keys: [{ id: 'k1', label: 'personal' }], workspaces: [] },
  secrets: { k1: secret },
};

type Envelope = Record<string, unknown> & {
  kdf: Record<string, unknown>;
  cipher: Record<string, unknown>;
};
const sealed = async (): Promise<Envelope> => JSON.parse(await sealBackup(payload, 'pass phrase', FAST));
const reopen = (envelope: unknown, passphrase = 'pass phrase') =>
  openBackup(JSON.stringify(envelope), passphrase);

/** The base64 field with one bit of its `index`th byte flipped. */
const flipped = (base64: unknown, index = 0): string => {
  const bytes = Buffer.from(String(base64), 'base64');
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return bytes.toString('base64');
};

const UNREADABLE = { code: 'backup-unreadable', message: expect.stringMatching(/passphrase is wrong/) };

describe('backup format', () => {
  it('opens what it sealed, with the passphrase normalised (NFC)', async () => {
    const text = await sealBackup(payload, 'caf\u00e9', FAST);
    expect(await openBackup(text, 'cafe\u0301')).toEqual(payload);
  });

  it('never holds the secret, or the labels, in plain text', async () => {
    const text = await sealBackup(payload, 'pass phrase', FAST);
    expect(text).not.toContain(secret);
    expect(Buffer.from(text).includes(Buffer.from(secret.slice(3)))).toBe(false);
    expect(text).not.toContain('personal');
  });

  it('seals with scrypt N=2^17, r=8, p=1 and AES-256-GCM by default, salt and iv fresh each time', async () => {
    const [first, second] = await Promise.all(
      [0, 1].map(async () => JSON.parse(await sealBackup(payload, 'x'))),
    );
    expect(first).toMatchObject({
      format: 'msk-backup',
      version: BACKUP_VERSION,
      kdf: { name: 'scrypt', ...DEFAULT_SCRYPT },
      cipher: { name: 'aes-256-gcm' },
    });
    expect(first.kdf.salt).not.toBe(second.kdf.salt);
    expect(first.cipher.iv).not.toBe(second.cipher.iv);
  });

  it('refuses a wrong passphrase with one message', async () => {
    await expect(reopen(await sealed(), 'pass phrasE')).rejects.toMatchObject(UNREADABLE);
  });

  const tamperings: [string, (envelope: Envelope) => void][] = [
    ['data (first byte)', (e) => void (e.data = flipped(e.data))],
    [
      'data (last byte)',
      (e) => void (e.data = flipped(e.data, Buffer.from(String(e.data), 'base64').length - 1)),
    ],
    [
      'data (truncated)',
      (e) => void (e.data = Buffer.from(String(e.data), 'base64').subarray(1).toString('base64')),
    ],
    ['tag', (e) => void (e.tag = flipped(e.tag, 15))],
    [
      'tag (truncated)',
      (e) => void (e.tag = Buffer.from(String(e.tag), 'base64').subarray(0, 12).toString('base64')),
    ],
    ['iv', (e) => void (e.cipher.iv = flipped(e.cipher.iv, 11))],
    ['salt', (e) => void (e.kdf.salt = flipped(e.kdf.salt))],
    ['scrypt N', (e) => void (e.kdf.N = 2 ** 15)],
    ['scrypt r', (e) => void (e.kdf.r = 4)],
    ['cipher name', (e) => void (e.cipher.name = 'aes-128-gcm')],
    ['kdf name', (e) => void (e.kdf.name = 'pbkdf2')],
    ['a missing field', (e) => void delete e.tag],
  ];
  it.each(tamperings)('refuses a file whose %s was changed', async (_region, tamper) => {
    const envelope = await sealed();
    tamper(envelope);
    await expect(reopen(envelope)).rejects.toMatchObject(UNREADABLE);
  });

  it('refuses, before computing it, a header asking for more work than Model Studio Keys writes', async () => {
    for (const kdf of [{ N: 2 ** 18 }, { r: 16 }, { p: 2 }, { N: 2 ** 20, r: 8 }, { N: 2 ** 24 }]) {
      const envelope = await sealed();
      Object.assign(envelope.kdf, kdf);
      await expect(reopen(envelope), JSON.stringify(kdf)).rejects.toMatchObject({
        code: 'backup-unreadable',
        message: expect.stringMatching(
          /^The backup asks for more work to open .* than Model Studio Keys ever sets/,
        ),
      });
    }
  });

  it('reads the header whatever the order of its fields', async () => {
    const { data, tag, cipher, kdf, version, format } = await sealed();
    expect(await reopen({ tag, data, cipher, kdf, version, format })).toEqual(payload);
  });

  it('refuses what is not a backup', async () => {
    for (const text of ['', 'not json', '{}', '{"format":"other","version":1}', 'null']) {
      await expect(openBackup(text, 'x')).rejects.toMatchObject({
        code: 'backup-unreadable',
        message: expect.stringMatching(/not a Model Studio Keys backup/),
      });
    }
  });

  it('refuses an unknown (newer) version by name', async () => {
    await expect(reopen({ ...(await sealed()), version: 2 })).rejects.toMatchObject({
      code: 'backup-unsupported',
      params: { version: 2, supported: 1 },
    });
  });

  it('still opens the version 1 file written by the first release', async () => {
    const opened = await openBackup(readFileSync(FIXTURE_V1, 'utf8'), FIXTURE_PASSPHRASE);
    expect(opened.config).toMatchObject({
      schemaVersion: 3,
      keys: [{ label: 'personal' }, { label: 'coding', plan: 'coding' }],
      workspaces: [{ id: 'llm-7c72iiw36kd8', name: 'team' }],
    });
    expect(Object.values(opened.secrets).sort()).toEqual([
      `sk-${'0'.repeat(28)}f1c7`,
      `sk-sp-${'0'.repeat(28)}f2c7`,
    ]);
  });
});
