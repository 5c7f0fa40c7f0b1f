// msk's output goes straight to file descriptors 1 and 2. process.stdout and process.stderr are
// streams Node builds on first use (node:stream, and node:net or node:tty for a pipe or a
// terminal): about 1.5 ms of every start, more than `msk list` itself. A whole text is written
// synchronously instead, as Node itself writes to files (and, on Linux, to pipes and terminals).
// A descriptor that will not take it that way keeps its stream from then on, so nothing is
// reordered: a non-blocking pipe (EAGAIN), and every descriptor on Windows, whose console needs
// Node's own UTF-16 path.
import { writeSync } from 'node:fs';

export type Descriptor = 1 | 2;

/** What a direct writer needs; the real ones by default, fakes in tests. */
export interface WritePorts {
  platform: NodeJS.Platform;
  writeSync: (fd: number, data: Uint8Array) => number;
  stream: (fd: Descriptor) => { write(data: Uint8Array | string): unknown };
}

const REAL_PORTS: WritePorts = {
  platform: process.platform,
  writeSync: (fd, data) => writeSync(fd, data),
  stream: (fd) => (fd === 1 ? process.stdout : process.stderr),
};

/** Errors that mean nobody reads any more (`msk list | head -1`, a closed descriptor): not msk's failure. */
const READER_GONE = new Set(['EPIPE', 'EBADF']);

export function directWriter(ports: WritePorts = REAL_PORTS): (fd: Descriptor, text: string) => void {
  const streamed = new Set<Descriptor>();
  const gone = new Set<Descriptor>();
  return (fd, text) => {
    if (gone.has(fd)) return;
    if (ports.platform === 'win32' || streamed.has(fd)) return void ports.stream(fd).write(text);
    let rest = Buffer.from(text);
    try {
      while (rest.length > 0) rest = rest.subarray(ports.writeSync(fd, rest));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (READER_GONE.has(code)) return void gone.add(fd);
      if (code !== 'EAGAIN') throw error;
      // What is left, bytes and all (a character may have been cut), to the stream.
      streamed.add(fd);
      ports.stream(fd).write(rest);
    }
  };
}
