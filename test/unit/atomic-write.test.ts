// Atomic writes of the data directory's files: whole or not at all, private, never through a link.
import {
  chmodSync,
  lstatSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../main/core/platform/atomic-write.js';
import { useTempDirectory } from '../fixtures/temp-directory.js';

describe('writeFileAtomic', () => {
  const directory = useTempDirectory();

  it('replaces a file whole with the mode asked for, whatever the umask, leaving no temporary file', async () => {
    const file = path.join(directory(), 'config.json');
    writeFileSync(file, 'old', { mode: 0o644 });
    const umask = process.umask(0o077);
    try {
      await writeFileAtomic(file, 'new', { mode: 0o640 });
    } finally {
      process.umask(umask);
    }
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    await writeFileAtomic(file, Buffer.from('bytes'), { mode: 0o600, fsync: false });
    expect(readFileSync(file, 'utf8')).toBe('bytes');
    expect(readdirSync(directory())).toEqual(['config.json']);
  });

  it('refuses to write through a symbolic link, names it, and leaves its target as it was', async () => {
    const target = path.join(directory(), 'victim');
    writeFileSync(target, 'victim', { mode: 0o644 });
    chmodSync(target, 0o644);
    const link = path.join(directory(), 'config.json.bak');
    symlinkSync(target, link);
    await expect(writeFileAtomic(link, 'planted', { mode: 0o600 })).rejects.toMatchObject({
      code: 'data-unsafe',
      message: expect.stringMatching(/^.*config\.json\.bak is a symbolic link: /),
      params: { path: link, reason: 'link', command: `rm '${link}'` },
    });
    expect(readFileSync(target, 'utf8')).toBe('victim');
    expect(statSync(target).mode & 0o777).toBe(0o644);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(directory()).sort()).toEqual(['config.json.bak', 'victim']);
  });
});
