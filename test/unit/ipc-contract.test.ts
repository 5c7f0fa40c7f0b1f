import { describe, expect, it } from 'vitest';
import { CALL_NAMES, TASK_NAMES } from '../../main/ipc/channels.js';
import { calls, tasks } from '../../main/ipc/contract/index.js';
import { isOwnPage } from '../../main/ipc/sender-check.js';

describe('the IPC contract', () => {
  it('has exactly the names the preload builds its api from', () => {
    expect(Object.keys(calls).sort()).toEqual([...CALL_NAMES].sort());
    expect(Object.keys(tasks).sort()).toEqual([...TASK_NAMES].sort());
  });
});

describe('the sender check (like Electron Fiddle’s tests/main/ipc.spec.ts)', () => {
  const built = {
    devServerUrl: undefined,
    indexHtml: '/opt/Model Studio Keys/resources/app/out/renderer/index.html',
  };
  const dev = { devServerUrl: 'http://localhost:5173/', indexHtml: built.indexHtml };

  it.each([
    ['file:///opt/Model%20Studio%20Keys/resources/app/out/renderer/index.html', true],
    ['file:///opt/Model%20Studio%20Keys/resources/app/out/renderer/index.html#/keys', true],
    ['https://evil.example/opt/Model%20Studio%20Keys/resources/app/out/renderer/index.html', false],
    ['http://localhost:5173/opt/Model%20Studio%20Keys/resources/app/out/renderer/index.html', false],
    ['file:///tmp/out/renderer/index.html', false],
    ['file:///opt/Model%20Studio%20Keys/resources/app/out/renderer/index.html.evil', false],
    ['file://evil-host/opt/Model%20Studio%20Keys/resources/app/out/renderer/index.html', false],
    ['about:blank', false],
    ['not a url', false],
  ])('accepts %s from the built app: %s', (url, expected) => {
    expect(isOwnPage(url, built)).toBe(expected);
  });

  it.each([
    ['http://localhost:5173/', true],
    ['http://localhost:5173/index.html?x=1', true],
    ['http://localhost:5174/', false],
    ['http://localhost.evil.example:5173/', false],
    ['https://localhost:5173/', false],
    ['file:///opt/Model%20Studio%20Keys/resources/app/out/renderer/index.html', false],
  ])('accepts %s from the dev server: %s', (url, expected) => {
    expect(isOwnPage(url, dev)).toBe(expected);
  });
});
