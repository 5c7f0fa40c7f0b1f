// Last uses are journaled beside config.json: a use appends a line and leaves the data file as it
// is; reads show the latest use; the next write of the data file takes the journal in and empties
// it, and a journal that has grown is folded by the use that grows it.
import { readFileSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigStore } from '../../main/core/config/config-store.js';
import { journalFile, JOURNAL_FOLD_BYTES, readUses } from '../../main/core/config/use-journal.js';
import { Vault } from '../../main/core/keys/vault.js';
import { MemorySecretStore } from '../fixtures/memory-secret-store.js';
import { useTempDirectory } from '../fixtures/temp-directory.js';

const key = (n: number) => `sk-${n.toString(16).padStart(32, '0')}`;

describe('the journal of last uses', () => {
  const directory = useTempDirectory();
  let now = new Date('2026-11-27T10:00:00.000Z');
  const setup = async () => {
    const config = new ConfigStore(directory());
    const vault = new Vault(config, new MemorySecretStore(), () => now);
    const { record } = await vault.add({ secret: key(1), label: 'a', regionId: 'sg' });
    return { config, vault, record, journal: journalFile(config.file) };
  };

  it('records a use without rewriting the data file, and reads show it', async () => {
    const { config, vault, record, journal } = await setup();
    const before = readFileSync(config.file, 'utf8');
    now = new Date('2026-11-28T09:00:00.000Z');
    await vault.markUsed(record.id);
    expect(readFileSync(config.file, 'utf8')).toBe(before);
    expect(statSync(journal).mode & 0o777).toBe(0o600);
    expect((await vault.find('a')).lastUsedAt).toBe('2026-11-28T09:00:00.000Z');
  });

  it('is taken into the data file by its next write, then emptied', async () => {
    const { config, vault, record, journal } = await setup();
    now = new Date('2026-11-28T09:00:00.000Z');
    await vault.markUsed(record.id);
    await vault.rename('a', 'b');
    expect(existsSync(journal)).toBe(false);
    const stored = JSON.parse(readFileSync(config.file, 'utf8')) as { keys: { lastUsedAt?: string }[] };
    expect(stored.keys[0]?.lastUsedAt).toBe('2026-11-28T09:00:00.000Z');
  });

  it('keeps the latest use of each key and passes over what is not a use (a torn or edited line)', async () => {
    const { config, vault, record, journal } = await setup();
    now = new Date('2026-11-28T09:00:00.000Z');
    await vault.markUsed(record.id);
    now = new Date('2026-11-28T08:00:00.000Z');
    await vault.markUsed(record.id);
    writeFileSync(
      journal,
      `half a li\nnot-a-key then\n${record.id} yesterday\n${record.id} 2027-13-01T00:00:00.000Z\n${record.id} 2027-02-30T00:00:00.000Z\ngone 2027-01-01T00:00:00.000Z\n`,
      {
        flag: 'a',
      },
    );
    expect(Object.fromEntries(await readUses(config.file))).toEqual({
      [record.id]: '2026-11-28T09:00:00.000Z',
      gone: '2027-01-01T00:00:00.000Z',
    });
    expect((await vault.find('a')).lastUsedAt).toBe('2026-11-28T09:00:00.000Z');
  });

  it('keeps the latest of uses appended out of order (concurrent msk), and no key for lines that are no real date', async () => {
    const { config, record, journal } = await setup();
    writeFileSync(
      journal,
      [
        `${record.id} 2026-11-28T09:00:00.500Z`,
        `${record.id} 2026-11-28T09:00:00.499Z`,
        `${record.id} 2026-11-28T08:59:59.999Z`,
        `${record.id} 2026-11-29T00:00:00.000Z`,
        `${record.id} 2026-11-28T23:59:59.999Z`,
        'other 2026-02-29T00:00:00.000Z',
        'other 2026-13-01T00:00:00.000Z',
        'leap 2028-02-29T00:00:00.000Z',
        'leap 2028-02-30T00:00:00.000Z',
        '',
      ].join('\n'),
    );
    expect(Object.fromEntries(await readUses(config.file))).toEqual({
      [record.id]: '2026-11-29T00:00:00.000Z',
      leap: '2028-02-29T00:00:00.000Z',
    });
  });

  it('never sets a last use earlier than the one the data file holds', async () => {
    const { vault, record } = await setup();
    now = new Date('2026-11-28T09:00:00.000Z');
    await vault.markUsed(record.id);
    await vault.rename('a', 'b');
    now = new Date('2026-11-01T00:00:00.000Z');
    await vault.markUsed(record.id);
    expect((await vault.find('b')).lastUsedAt).toBe('2026-11-28T09:00:00.000Z');
  });

  it('is folded into the data file by the use that grows it past its size', async () => {
    const { config, vault, record, journal } = await setup();
    const line = `${record.id} 2026-11-27T11:00:00.000Z\n`;
    writeFileSync(journal, line.repeat(Math.ceil(JOURNAL_FOLD_BYTES / line.length)), { mode: 0o600 });
    now = new Date('2026-11-28T09:00:00.000Z');
    await vault.markUsed(record.id);
    expect(existsSync(journal)).toBe(false);
    const stored = JSON.parse(readFileSync(config.file, 'utf8')) as { keys: { lastUsedAt?: string }[] };
    expect(stored.keys[0]?.lastUsedAt).toBe('2026-11-28T09:00:00.000Z');
  });
});
