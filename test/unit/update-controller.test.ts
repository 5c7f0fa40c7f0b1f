// When updates are looked for: soon after start and then daily while the setting is on, sooner
// again after a failure, never by themselves while it is off, never in a development build; one
// check at a time; a download's progress in whole percents; a restart only into a ready version.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CHECK_EVERY_MS,
  RETRY_AFTER_MS,
  UpdateController,
  type UpdateEngine,
  type UpdateFound,
  type UpdateStatus,
} from '../../main/core/updates/update-controller.js';

/** An engine of our own port: answers what the test sets, counts what it was asked. */
class ScriptedEngine implements UpdateEngine {
  found: UpdateFound | Error = 'latest';
  progress: number[] = [];
  checks = 0;
  downloads = 0;
  installs = 0;
  /** What the download and starting the installer throw, if anything. */
  downloadError: Error | undefined;
  installError: Error | undefined;
  check(): Promise<UpdateFound> {
    this.checks += 1;
    const found = this.found;
    return found instanceof Error ? Promise.reject(found) : Promise.resolve(found);
  }
  download(onProgress: (percent: number) => void): Promise<void> {
    this.downloads += 1;
    for (const percent of this.progress) onProgress(percent);
    return this.downloadError ? Promise.reject(this.downloadError) : Promise.resolve();
  }
  install(): void {
    this.installs += 1;
    if (this.installError) throw this.installError;
  }
  failure(error: unknown) {
    return String(error).includes('unsigned')
      ? ('unsupported' as const)
      : { reason: 'network' as const, detail: String(error) };
  }
}

describe('the update controller', () => {
  let engine: ScriptedEngine;
  let seen: UpdateStatus[];
  let loads: number;
  beforeEach(() => {
    vi.useFakeTimers();
    engine = new ScriptedEngine();
    seen = [];
    loads = 0;
  });
  afterEach(() => vi.useRealTimers());

  const controller = (development = false) =>
    new UpdateController({
      engine: development
        ? undefined
        : () => {
            loads += 1;
            return Promise.resolve(engine);
          },
      onChange: (status) => seen.push(status),
      now: () => Date.now(),
      firstCheckDelayMs: 10_000,
      tickMs: 60_000,
    });

  it('checks soon after start, then once a day, and only while the setting is on', async () => {
    const updates = controller();
    updates.follow(true);
    expect(engine.checks).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(engine.checks).toBe(1);
    expect(updates.current()).toMatchObject({ phase: 'latest' });
    // Looked at every minute here: the day is up at the first look after it.
    await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS - 60_000);
    expect(engine.checks).toBe(1);
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(engine.checks).toBe(2);
    updates.follow(false);
    await vi.advanceTimersByTimeAsync(3 * CHECK_EVERY_MS);
    expect(engine.checks).toBe(2);
    updates.close();
  });

  it('checks nothing by itself while the setting is off, but when asked', async () => {
    const updates = controller();
    updates.follow(false);
    await vi.advanceTimersByTimeAsync(2 * CHECK_EVERY_MS);
    expect(engine.checks).toBe(0);
    expect(loads).toBe(0);
    expect(await updates.checkNow()).toMatchObject({ phase: 'latest' });
    expect(engine.checks).toBe(1);
  });

  it('tries again an hour after a failure, not a day', async () => {
    engine.found = new Error('offline');
    const updates = controller();
    updates.follow(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(updates.current()).toMatchObject({
      phase: 'failed',
      failure: { reason: 'network', detail: 'Error: offline' },
      checkedAt: null,
    });
    engine.found = 'latest';
    await vi.advanceTimersByTimeAsync(RETRY_AFTER_MS - 60_000);
    expect(engine.checks).toBe(1);
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(engine.checks).toBe(2);
    expect(updates.current().phase).toBe('latest');
    updates.close();
  });

  it('downloads what it finds, telling whole percents once each, and then waits for the restart', async () => {
    engine.found = { version: '0.2.0' };
    engine.progress = [0.4, 12.5, 12.9, 57, 100];
    const updates = controller();
    updates.follow(true);
    expect(await updates.checkNow()).toMatchObject({ phase: 'ready', version: '0.2.0' });
    expect(seen.map((status) => (status.phase === 'downloading' ? status.percent : status.phase))).toEqual([
      'checking',
      0,
      12,
      57,
      100,
      'ready',
    ]);
    // Ready: no more checks, and nothing downloaded twice.
    await vi.advanceTimersByTimeAsync(3 * CHECK_EVERY_MS);
    await updates.checkNow();
    expect([engine.checks, engine.downloads]).toEqual([1, 1]);
    expect(await updates.install()).toBe(true);
    expect(engine.installs).toBe(1);
    updates.close();
  });

  it('restarts into nothing when no version is ready', async () => {
    const updates = controller();
    expect(await updates.install()).toBe(false);
    await updates.checkNow();
    expect(await updates.install()).toBe(false);
    expect(engine.installs).toBe(0);
  });

  it('runs one check at a time', async () => {
    const updates = controller();
    await Promise.all([updates.checkNow(), updates.checkNow()]);
    expect(engine.checks).toBe(1);
    expect(loads).toBe(1);
  });

  it('is unavailable in a development build, and stays so', async () => {
    const updates = controller(true);
    updates.follow(true);
    await vi.advanceTimersByTimeAsync(2 * CHECK_EVERY_MS);
    expect(await updates.checkNow()).toEqual({
      phase: 'unavailable',
      reason: 'development',
      checkedAt: null,
    });
    expect(seen).toEqual([]);
  });

  it('says when a build cannot update itself, and stops asking', async () => {
    engine.found = 'unsupported';
    const updates = controller();
    updates.follow(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(updates.current()).toMatchObject({ phase: 'unavailable', reason: 'unsupported' });
    await vi.advanceTimersByTimeAsync(3 * CHECK_EVERY_MS);
    expect(engine.checks).toBe(1);
    updates.close();
  });

  it('says when the installer could not start, and looks again afterwards', async () => {
    engine.found = { version: '0.2.0' };
    engine.installError = new Error('APPIMAGE env is not a valid absolute path');
    const updates = controller();
    await updates.checkNow();
    expect(await updates.install()).toBe(false);
    expect(updates.current()).toMatchObject({
      phase: 'failed',
      failure: { reason: 'install', detail: 'Error: APPIMAGE env is not a valid absolute path' },
    });
    engine.installError = undefined;
    expect(await updates.checkNow()).toMatchObject({ phase: 'ready', version: '0.2.0' });
    expect(await updates.install()).toBe(true);
  });

  it('knows a copy that cannot update, from its install or from the updater’s refusal', async () => {
    const portable = new UpdateController({
      engine: () => Promise.resolve('unsupported' as const),
      onChange: () => undefined,
    });
    expect(await portable.checkNow()).toMatchObject({ phase: 'unavailable', reason: 'unsupported' });
    engine.found = { version: '0.2.0' };
    const unsigned = controller();
    engine.downloadError = new Error('Could not get code signature (unsigned)');
    expect(await unsigned.checkNow()).toMatchObject({ phase: 'unavailable', reason: 'unsupported' });
  });

  it('loads the engine again after it failed to load', async () => {
    let attempts = 0;
    const updates = new UpdateController({
      engine: () => (++attempts === 1 ? Promise.reject(new Error('cannot load')) : Promise.resolve(engine)),
      onChange: () => undefined,
    });
    expect(await updates.checkNow()).toMatchObject({
      phase: 'failed',
      failure: { reason: 'other', detail: 'cannot load' },
    });
    expect(await updates.checkNow()).toMatchObject({ phase: 'latest' });
  });
});
