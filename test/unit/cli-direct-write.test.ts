// msk writes its output straight to descriptors 1 and 2, and hands a descriptor to Node's stream
// when it will not take a synchronous write — without losing or reordering a byte.
import { describe, expect, it } from 'vitest';
import { type Descriptor, directWriter, type WritePorts } from '../../main/cli/direct-write.js';

const errno = (code: string) => Object.assign(new Error(code), { code });

/** Ports whose writeSync answers from a script; what reached each place is recorded. */
function fakePorts(answers: (number | string)[], platform: NodeJS.Platform = 'linux') {
  const direct: string[] = [];
  const streamed: { fd: Descriptor; text: string }[] = [];
  const ports: WritePorts = {
    platform,
    writeSync: (_fd, data) => {
      const answer = answers.shift() ?? data.length;
      if (typeof answer === 'string') throw errno(answer);
      direct.push(Buffer.from(data.subarray(0, answer)).toString());
      return answer;
    },
    stream: (fd) => ({ write: (data) => void streamed.push({ fd, text: Buffer.from(data).toString() }) }),
  };
  return { ports, direct, streamed };
}

describe('direct output', () => {
  it('writes the whole text, however many writes the descriptor takes', () => {
    const { ports, direct, streamed } = fakePorts([3, 2]);
    directWriter(ports)(1, 'hello world\n');
    expect(direct.join('')).toBe('hello world\n');
    expect(direct).toHaveLength(3);
    expect(streamed).toEqual([]);
  });

  it('gives the rest to the stream when the descriptor would block, and keeps the stream for it', () => {
    const { ports, direct, streamed } = fakePorts([6, 'EAGAIN']);
    const write = directWriter(ports);
    write(1, 'first line\n');
    write(1, 'second\n');
    write(2, 'to stderr\n');
    expect(direct).toEqual(['first ', 'to stderr\n']);
    expect(streamed).toEqual([
      { fd: 1, text: 'line\n' },
      { fd: 1, text: 'second\n' },
    ]);
  });

  it('stops quietly when nobody reads any more (a closed pipe, a closed descriptor)', () => {
    for (const code of ['EPIPE', 'EBADF']) {
      const { ports, direct, streamed } = fakePorts([code]);
      const write = directWriter(ports);
      expect(() => write(1, 'lost\n')).not.toThrow();
      write(1, 'also lost\n');
      write(2, 'still said\n');
      expect(direct).toEqual(['still said\n']);
      expect(streamed).toEqual([]);
    }
  });

  it('throws any other failure (a full disk is an error)', () => {
    const { ports } = fakePorts(['ENOSPC']);
    expect(() => directWriter(ports)(1, 'env\n')).toThrow('ENOSPC');
  });

  it('uses the streams on Windows, whose console needs them', () => {
    const { ports, direct, streamed } = fakePorts([], 'win32');
    directWriter(ports)(2, '团队\n');
    expect(direct).toEqual([]);
    expect(streamed).toEqual([{ fd: 2, text: '团队\n' }]);
  });
});
