import { describe, expect, it } from 'vitest';
import { type Clipboard, ClipboardGuard, type Timers } from '../../main/core/clipboard/clipboard-guard.js';

class FakeClipboard implements Clipboard {
  text = '';
  concealed = false;
  async readText() {
    return this.text;
  }
  async writeText(text: string, options: { conceal: boolean }) {
    this.text = text;
    this.concealed = options.conceal;
  }
  async clear() {
    this.text = '';
  }
}

/** Timers the test fires by hand. */
class ManualTimers implements Timers {
  private next = 0;
  readonly scheduled = new Map<number, { callback: () => void; ms: number }>();
  setTimeout(callback: () => void, ms: number) {
    this.scheduled.set(++this.next, { callback, ms });
    return this.next;
  }
  clearTimeout(handle: unknown) {
    this.scheduled.delete(handle as number);
  }
  async fireAll() {
    const due = [...this.scheduled.values()];
    this.scheduled.clear();
    for (const timer of due) timer.callback();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const setup = () => {
  const clipboard = new FakeClipboard();
  const timers = new ManualTimers();
  return { clipboard, timers, guard: new ClipboardGuard(clipboard, timers) };
};

describe('ClipboardGuard', () => {
  it('copies concealed and clears after the timeout', async () => {
    const { clipboard, timers, guard } = setup();
    await guard.copy('sk-secret', { clearAfterSeconds: 30, conceal: true });
    expect(clipboard).toMatchObject({ text: 'sk-secret', concealed: true });
    expect([...timers.scheduled.values()][0]?.ms).toBe(30_000);
    await timers.fireAll();
    expect(clipboard.text).toBe('');
  });

  it('leaves alone what the user copied since', async () => {
    const { clipboard, timers, guard } = setup();
    await guard.copy('sk-secret', { clearAfterSeconds: 30, conceal: true });
    clipboard.text = 'the user’s own text';
    await timers.fireAll();
    expect(clipboard.text).toBe('the user’s own text');
  });

  it('never clears when the timeout is 0', async () => {
    const { clipboard, timers, guard } = setup();
    await guard.copy('sk-secret', { clearAfterSeconds: 0, conceal: false });
    expect(timers.scheduled.size).toBe(0);
    expect(await guard.flush()).toBe(false);
    expect(clipboard.text).toBe('sk-secret');
  });

  it('clears on quit even when the quit comes while the copy is still being written', async () => {
    const { clipboard, timers } = setup();
    let finishWrite = () => undefined as void;
    const slow: Clipboard = {
      readText: () => clipboard.readText(),
      clear: () => clipboard.clear(),
      writeText: (text, options) =>
        new Promise<void>((resolve) => {
          finishWrite = () => void clipboard.writeText(text, options).then(resolve);
        }),
    };
    const guard = new ClipboardGuard(slow, timers);
    const copied = guard.copy('sk-secret', { clearAfterSeconds: 30, conceal: true });
    const flushed = guard.flush();
    finishWrite();
    await copied;
    expect(await flushed).toBe(true);
    expect(clipboard.text).toBe('');
    expect(timers.scheduled.size).toBe(0);
  });

  it('clears at once on quit, and a second copy replaces the first timer', async () => {
    const { clipboard, timers, guard } = setup();
    await guard.copy('sk-one', { clearAfterSeconds: 30, conceal: true });
    await guard.copy('sk-two', { clearAfterSeconds: 30, conceal: true });
    expect(timers.scheduled.size).toBe(1);
    expect(await guard.flush()).toBe(true);
    expect(clipboard.text).toBe('');
    expect(timers.scheduled.size).toBe(0);
  });
});
