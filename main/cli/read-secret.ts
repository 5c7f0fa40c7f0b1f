// Where `msk add` gets a key: a pipe (`pbpaste | msk add …`) or a prompt that echoes nothing.
// Never argv: a command line is visible to every user of the machine and lands in history.
import { MskError } from '../core/base/errors.js';

export async function readSecret(prompt: string): Promise<string> {
  return process.stdin.isTTY ? readHidden(prompt) : readAll(process.stdin);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const BACKSPACES = ['\u0008', '\u007f'];

/** Reads one line from the terminal in raw mode, echoing nothing at all. */
function readHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  let value = '';
  return new Promise((resolve, reject) => {
    const finish = (outcome: () => void) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      outcome();
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === CTRL_C)
          return finish(() => reject(new MskError('cancelled', 'Cancelled; nothing was stored.')));
        if (character === '\r' || character === '\n' || character === CTRL_D)
          return finish(() => resolve(value));
        if (BACKSPACES.includes(character)) value = value.slice(0, -1);
        else value += character;
      }
    };
    input.on('data', onData);
  });
}

/**
 * Asks a yes/no question on the terminal; anything but y/yes is no. Ctrl-C or Ctrl-D throws
 * `cancelled` with `cancelled` as its message (msk exits 130 on it).
 */
export async function confirm(question: string, cancelled: string): Promise<boolean> {
  const { createInterface } = await import('node:readline/promises');
  const lines = createInterface({ input: process.stdin, output: process.stderr });
  const interrupted = new Promise<never>((_, reject) => {
    const cancel = () => {
      process.stderr.write('\n');
      reject(new MskError('cancelled', cancelled));
    };
    lines.once('SIGINT', cancel);
    lines.once('close', cancel);
  });
  try {
    return /^y(es)?$/i.test((await Promise.race([lines.question(`${question} [y/N] `), interrupted])).trim());
  } finally {
    lines.removeAllListeners('close');
    lines.close();
  }
}
