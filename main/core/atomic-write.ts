// Atomic file writes (write-file-atomic), loaded with the first write: a command that only reads
// (msk list) never loads it.
import type { Options } from 'write-file-atomic';

const importWriteFileAtomic = () => import('write-file-atomic');
let loading: ReturnType<typeof importWriteFileAtomic> | undefined;

/** Loads write-file-atomic now (once), so that a write to come does not wait for it. */
export const loadWriteFileAtomic = (): ReturnType<typeof importWriteFileAtomic> =>
  (loading ??= importWriteFileAtomic());

export async function writeFileAtomic(file: string, data: string, options: Options): Promise<void> {
  const { default: write } = await loadWriteFileAtomic();
  await write(file, data, options);
}
