// The encrypted backup file: a JSON envelope around a passphrase-sealed payload. scrypt turns
// the passphrase into an AES-256-GCM key; the header is authenticated too (as AAD), so changing
// any byte of the file — header, iv, tag or data — makes it unreadable instead of wrong.
// Readers dispatch on `version`, so every version ever written keeps opening.
import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';
import { MskError } from '../base/errors.js';

export const BACKUP_FORMAT = 'msk-backup';
export const BACKUP_VERSION = 1;

/** What a backup holds: config.json's keys and workspaces as JSON, and each key's secret by id. */
export interface BackupPayload {
  /** `{ schemaVersion, keys, workspaces, settings: { activeKeyByRegion } }`, upgraded on restore. */
  config: unknown;
  secrets: Record<string, string>;
}

export interface ScryptParameters {
  N: number;
  r: number;
  p: number;
}

/** 2^17 × 8 × 128 bytes = 128 MiB and about half a second per try: OWASP's scrypt floor, doubled. */
export const DEFAULT_SCRYPT: ScryptParameters = { N: 2 ** 17, r: 8, p: 1 };

const ScryptSchema = z.object({
  name: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .min(2 ** 14)
    .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
  r: z.number().int().min(1),
  p: z.number().int().min(1),
  salt: z.base64(),
});

const EnvelopeV1Schema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  kdf: ScryptSchema,
  cipher: z.object({ name: z.literal('aes-256-gcm'), iv: z.base64() }),
  data: z.base64(),
  tag: z.base64(),
});
type EnvelopeV1 = z.infer<typeof EnvelopeV1Schema>;

const PayloadSchema = z.object({
  config: z.unknown(),
  secrets: z.record(z.string(), z.string()),
});

const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The file's text: the payload sealed with `passphrase`. */
export async function sealBackup(
  payload: BackupPayload,
  passphrase: string,
  scryptParameters: ScryptParameters = DEFAULT_SCRYPT,
): Promise<string> {
  const header: Omit<EnvelopeV1, 'data' | 'tag'> = {
    format: BACKUP_FORMAT,
    version: 1,
    kdf: { name: 'scrypt', ...scryptParameters, salt: randomBytes(SALT_BYTES).toString('base64') },
    cipher: { name: 'aes-256-gcm', iv: randomBytes(IV_BYTES).toString('base64') },
  };
  const key = await deriveKey(passphrase, header.kdf);
  const cipher = createCipheriv('aes-256-gcm', key, Buffer.from(header.cipher.iv, 'base64'));
  cipher.setAAD(headerBytes(header));
  const data = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
  const envelope: EnvelopeV1 = {
    ...header,
    data: data.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

/** The payload of a backup file of any known version; one error for a wrong passphrase or a changed file. */
export async function openBackup(text: string, passphrase: string): Promise<BackupPayload> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw notABackup();
  }
  const { format, version } = (json ?? {}) as { format?: unknown; version?: unknown };
  if (format !== BACKUP_FORMAT || typeof version !== 'number') throw notABackup();
  const reader = READERS[version];
  if (!reader) {
    throw new MskError(
      'backup-unsupported',
      `This backup was written in format version ${version}, which this version of Model Studio Keys cannot read (it reads up to ${BACKUP_VERSION}); update it first. Nothing was changed.`,
      { version, supported: BACKUP_VERSION },
    );
  }
  const parsed = PayloadSchema.safeParse(await reader(json, passphrase));
  if (!parsed.success) throw unreadable();
  return parsed.data;
}

/** One reader per format version ever written: never remove one. */
const READERS: Readonly<Record<number, (json: unknown, passphrase: string) => Promise<unknown>>> = {
  1: openV1,
};

async function openV1(json: unknown, passphrase: string): Promise<unknown> {
  const parsed = EnvelopeV1Schema.safeParse(json);
  if (!parsed.success) throw unreadable();
  const envelope = parsed.data;
  const iv = Buffer.from(envelope.cipher.iv, 'base64');
  const tag = Buffer.from(envelope.tag, 'base64');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw unreadable();
  assertUsualCost(envelope.kdf);
  const key = await deriveKey(passphrase, envelope.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(headerBytes(envelope));
    decipher.setAuthTag(tag);
    const plain = Buffer.concat([decipher.update(Buffer.from(envelope.data, 'base64')), decipher.final()]);
    return JSON.parse(plain.toString('utf8'));
  } catch {
    throw unreadable();
  }
}

/** The authenticated header, serialised in a fixed order so the file's own key order does not matter. */
const headerBytes = ({ format, version, kdf, cipher }: Omit<EnvelopeV1, 'data' | 'tag'>): Buffer =>
  Buffer.from(
    JSON.stringify([format, version, kdf.name, kdf.N, kdf.r, kdf.p, kdf.salt, cipher.name, cipher.iv]),
    'utf8',
  );

function deriveKey(passphrase: string, kdf: ScryptParameters & { salt: string }): Promise<Buffer> {
  const options: ScryptOptions = { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 128 * kdf.N * kdf.r + 1024 ** 2 };
  return new Promise((resolve, reject) => {
    // NFC: the same passphrase typed on another keyboard or OS gives the same bytes.
    scrypt(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * scrypt runs before the tag is checked: a header asking for more than msk ever writes (memory,
 * time) was changed, and is refused before the work is done.
 */
function assertUsualCost({ N, r, p }: ScryptParameters): void {
  if (N <= DEFAULT_SCRYPT.N && r <= DEFAULT_SCRYPT.r && p <= DEFAULT_SCRYPT.p) return;
  throw new MskError(
    'backup-unreadable',
    `The backup asks for more work to open (scrypt N=${N}, r=${r}, p=${p}) than Model Studio Keys ever sets (N=${DEFAULT_SCRYPT.N}, r=${DEFAULT_SCRYPT.r}, p=${DEFAULT_SCRYPT.p}): the file was changed or damaged, and it was not tried. Nothing was changed.`,
  );
}

const notABackup = (): MskError =>
  new MskError('backup-unreadable', 'This file is not a Model Studio Keys backup. Nothing was changed.');

// AES-GCM cannot tell a wrong passphrase from a changed file, so neither can we.
const unreadable = (): MskError =>
  new MskError(
    'backup-unreadable',
    'The backup cannot be opened: the passphrase is wrong, or the file was changed or damaged. Nothing was changed.',
  );
