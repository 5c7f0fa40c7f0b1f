// A quick command's file operations block (fs-async.ts): the same results and the same refusals as
// the callback forms, settled before the call returns — without libuv's thread pool.
import { execFileSync } from 'node:child_process';
import { constants, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  blockingFileOperations,
  readRegularFile,
  readRegularFileStart,
  stat,
  statExact,
  writeFile,
  open,
  close,
} from '../../main/core/platform/fs-async.js';

const directory = mkdtempSync(path.join(os.tmpdir(), 'msk-fs-blocking-'));
const file = path.join(directory, 'config.json');
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** What each operation gives, or the code it fails with. */
async function outcomes(): Promise<unknown[]> {
  writeFileSync(file, '{"schemaVersion":3}\n', { mode: 0o600 });
  const settle = (promise: Promise<unknown>) =>
    promise.then(
      (value) => value,
      (error: NodeJS.ErrnoException) => error.code,
    );
  const fifo = path.join(directory, 'fifo');
  if (process.platform !== 'win32') execFileSync('mkfifo', [fifo]);
  const results = [
    await settle(readRegularFile(file).then(({ text, stats }) => [text, stats.size])),
    await settle(readRegularFile(path.join(directory, 'absent'))),
    await settle(readRegularFile(file, { maxBytes: 3 })),
    process.platform === 'win32' ? 'ENOTREG' : await settle(readRegularFile(fifo)),
    await settle(stat(path.join(directory, 'absent'))),
    // The exact forms (file-identity.ts), and the start of a file alone.
    await settle(
      readRegularFile(file, { exact: true }).then(({ stats }) => [stats.size, stats.mtimeNs > 0n]),
    ),
    await settle(statExact(file).then((stats) => stats.size)),
    await settle(readRegularFileStart(file, 5).then(({ data, stats }) => [data.toString(), stats.size])),
    await settle(readRegularFileStart(file, 100).then(({ data }) => data.toString())),
    process.platform === 'win32' ? 'ENOTREG' : await settle(readRegularFileStart(fifo, 5)),
  ];
  if (process.platform !== 'win32') unlinkSync(fifo);
  return results;
}

describe('blocking file operations', () => {
  it('give what the callback forms give, refusals included', async () => {
    const callbacks = await outcomes();
    expect(callbacks).toEqual([
      ['{"schemaVersion":3}\n', 20],
      'ENOENT',
      'EFBIG',
      'ENOTREG',
      'ENOENT',
      [20n, true],
      20n,
      ['{"sch', 20],
      '{"schemaVersion":3}\n',
      'ENOTREG',
    ]);
    blockingFileOperations();
    expect(await outcomes()).toEqual(callbacks);
  });

  it('tell a missing file without an exception, and leave every other answer to a read', async () => {
    vi.resetModules();
    const fresh = await import('../../main/core/platform/fs-async.js');
    const absent = path.join(directory, 'absent');
    writeFileSync(file, '{}\n', { mode: 0o600 });
    // Without blocking it cannot tell at no cost: the caller reads, as before.
    expect(await fresh.isMissing(absent)).toBe(false);
    fresh.blockingFileOperations();
    expect(await fresh.isMissing(absent)).toBe(true);
    expect(await fresh.isMissing(file)).toBe(false);
    // Below a file (ENOTDIR): not told, so the read meets the error itself.
    expect(await fresh.isMissing(path.join(file, 'below'))).toBe(false);
  });

  it('are done when the call returns (nothing handed to the thread pool)', async () => {
    blockingFileOperations();
    const written = path.join(directory, 'journal');
    const descriptor = await open(written, constants.O_WRONLY | constants.O_CREAT, 0o600);
    const writing = writeFile(descriptor, 'a use\n');
    const status = stat(written);
    // Removed before the promises are awaited: a stat still queued in the thread pool would find nothing.
    unlinkSync(written);
    await writing;
    expect((await status).size).toBe(6);
    await close(descriptor);
  });
});
