import { afterEach, describe, expect, it, vi } from 'vitest';
import { callChannel, TASK_CANCEL, TASK_PROGRESS, taskChannel } from '../../main/shared/contract/channels.js';
import type { Result } from '../../main/shared/contract/index.js';
import type { TaskControls } from '../../main/ipc/handlers/types.js';
import type { Router } from '../../main/ipc/router.js';
import { createIpcServer, type IpcSender } from '../../main/ipc/server.js';
import { TaskHost } from '../../main/ipc/tasks.js';
import { z } from 'zod';

const Progress = z.object({ done: z.number() });

/** A router of our own whose one task waits until told, reporting what it was given. */
function fakeRouter() {
  const started: { args: unknown; controls: TaskControls<unknown>; finish(result: Result<unknown>): void }[] =
    [];
  const router: Router = {
    call: async (name, args) => ({ ok: true, value: { name, args } }),
    task: (_name, args, controls) =>
      new Promise((resolve) => {
        started.push({ args, controls, finish: resolve });
        controls.signal.addEventListener('abort', () =>
          resolve({ ok: false, error: { code: 'cancelled', message: 'Cancelled.' } }),
        );
      }),
    progressSchema: () => Progress,
  };
  return { router, started };
}

const own = 'file:///app/out/renderer/index.html';
const senderAt = (frameUrl: string | undefined, id = 7) => {
  const sent: [string, unknown][] = [];
  const sender: IpcSender = { id, frameUrl, send: (channel, payload) => sent.push([channel, payload]) };
  return { sender, sent };
};

describe('the IPC server', () => {
  afterEach(() => vi.useRealTimers());

  it('answers only our own page', async () => {
    const server = createIpcServer(fakeRouter().router, (url) => url === own);
    const forbidden = { ok: false, error: { code: 'forbidden', message: expect.any(String) } };
    expect(
      await server.invoke(callChannel('state.get'), senderAt('https://evil.example/').sender, undefined),
    ).toEqual(forbidden);
    expect(await server.invoke(callChannel('state.get'), senderAt(undefined).sender, undefined)).toEqual(
      forbidden,
    );
    expect(await server.invoke(callChannel('state.get'), senderAt(own).sender, undefined)).toEqual({
      ok: true,
      value: { name: 'state.get', args: undefined },
    });
    expect(await server.invoke('msk:call:keys.steal', senderAt(own).sender, {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-method' },
    });
  });

  it('runs a task with its progress sent to the caller, and cancels it on request', async () => {
    const { router, started } = fakeRouter();
    const server = createIpcServer(router, (url) => url === own);
    const { sender, sent } = senderAt(own);
    const result = server.invoke(taskChannel('checks.all'), sender, { taskId: 't1', args: undefined });
    await vi.waitFor(() => expect(started).toHaveLength(1));
    started[0]?.controls.progress({ done: 1 });
    expect(sent).toEqual([[TASK_PROGRESS, { taskId: 't1', progress: { done: 1 } }]]);
    // Another page cannot cancel it; its own page can.
    server.message(TASK_CANCEL, senderAt('https://evil.example/').sender, { taskId: 't1' });
    server.message(TASK_CANCEL, senderAt(own, 8).sender, { taskId: 't1' });
    expect(started[0]?.controls.signal.aborted).toBe(false);
    server.message(TASK_CANCEL, sender, { taskId: 't1' });
    expect(await result).toEqual({ ok: false, error: { code: 'cancelled', message: 'Cancelled.' } });
  });

  it('aborts every task of a page that went away, and only those', async () => {
    const { router, started } = fakeRouter();
    const server = createIpcServer(router, (url) => url === own);
    void server.invoke(taskChannel('checks.all'), senderAt(own, 1).sender, { taskId: 'a' });
    void server.invoke(taskChannel('checks.one'), senderAt(own, 1).sender, {
      taskId: 'b',
      args: { keyId: 'k' },
    });
    void server.invoke(taskChannel('checks.all'), senderAt(own, 2).sender, { taskId: 'a' });
    await vi.waitFor(() => expect(started).toHaveLength(3));
    server.senderGone(1);
    expect(started.map((task) => task.controls.signal.aborted)).toEqual([true, true, false]);
    expect(started[1]?.args).toEqual({ keyId: 'k' });
  });

  it('stops every task of every page when the app quits, and settles once each has ended', async () => {
    const ended: string[] = [];
    const reasons: unknown[] = [];
    // A task that takes a moment after its abort to put back what it changed.
    const router: Router = {
      ...fakeRouter().router,
      task: (name, _args, { signal }) =>
        new Promise((resolve) =>
          signal.addEventListener('abort', () => {
            reasons.push(signal.reason);
            setTimeout(() => {
              ended.push(name);
              resolve({ ok: false, error: { code: 'cancelled', message: 'Cancelled.' } });
            }, 50);
          }),
        ),
    };
    const server = createIpcServer(router, (url) => url === own);
    const results = [
      server.invoke(taskChannel('checks.all'), senderAt(own, 1).sender, { taskId: 'a' }),
      server.invoke(taskChannel('tools.setUpOpenClaw'), senderAt(own, 2).sender, { taskId: 'b', args: {} }),
    ];
    await server.stopTasks();
    expect(reasons).toEqual(['app-quitting', 'app-quitting']);
    expect(ended.sort()).toEqual(['checks.all', 'tools.setUpOpenClaw']);
    for (const result of results)
      expect(await result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    // Nothing left to stop.
    await server.stopTasks();
  });

  it('refuses a task without an id, or one already running under that id', async () => {
    const server = createIpcServer(fakeRouter().router, (url) => url === own);
    const { sender } = senderAt(own);
    expect(await server.invoke(taskChannel('checks.all'), sender, {})).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    void server.invoke(taskChannel('checks.all'), sender, { taskId: 'x' });
    expect(await server.invoke(taskChannel('checks.all'), sender, { taskId: 'x' })).toMatchObject({
      ok: false,
      error: { message: "Task 'x' is already running." },
    });
  });
});

describe('task progress', () => {
  it('is throttled to one event per interval, the latest never lost, and validated', async () => {
    vi.useFakeTimers();
    const { router, started } = fakeRouter();
    const host = new TaskHost(router, 100);
    const sent: unknown[] = [];
    const result = host.run(1, 't', 'checks.all', undefined, (progress) => sent.push(progress));
    const { controls, finish } = started[0] ?? expect.fail('task did not start');
    expect(() => controls.progress({ done: 'many' })).toThrow();
    for (let done = 1; done <= 5; done++) controls.progress({ done });
    expect(sent).toEqual([{ done: 1 }]);
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([{ done: 1 }, { done: 5 }]);
    controls.progress({ done: 6 });
    controls.progress({ done: 7 });
    finish({ ok: true, value: 'done' });
    expect(await result).toEqual({ ok: true, value: 'done' });
    // What was waiting is sent before the result.
    expect(sent).toEqual([{ done: 1 }, { done: 5 }, { done: 7 }]);
    controls.progress({ done: 8 });
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(3);
    // The id is free again once the task ended.
    void host.run(1, 't', 'checks.all', undefined, () => undefined);
    expect(started).toHaveLength(2);
    vi.useRealTimers();
  });
});
