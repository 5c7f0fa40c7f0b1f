import { describe, expect, it } from 'vitest';
import { CALL_NAMES, TASK_NAMES } from '../../main/shared/contract/channels.js';
import { calls, tasks } from '../../main/shared/contract/index.js';
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
    ['file:///opt/Model%20Studio%20Keys/resources/app/out/renderer/index.html?view=tools', true],
    ['https://evil.example/opt/Model%20Studio%20Keys/resources/app/out/renderer/index.html', false],
    ['http://localhost:5173/opt/Model%20Studio%20Keys/resources/app/out/renderer/index.html', false],
    ['file:///tmp/out/renderer/index.html', false],
    ['file:///opt/Model%20Studio%20Keys/resources/app/out/renderer/index.html.evil', false],
    ['file:///opt/Model%20Studio%20Keys/resources/app/out/renderer/../renderer/index.html', true],
    ['file:///opt/Model%20Studio%20Keys/resources/app/out/renderer%2Findex.html', false],
    ['file://evil-host/opt/Model%20Studio%20Keys/resources/app/out/renderer/index.html', false],
    ['file:///OPT/Model%20Studio%20Keys/resources/app/out/renderer/index.html', false],
    ['about:blank', false],
    ['not a url', false],
  ])('accepts %s from the built app on Linux: %s', (url, expected) => {
    expect(isOwnPage(url, built, 'linux')).toBe(expected);
  });

  it('matches an install path with characters a URL encodes differently ([ ] % ^ |)', () => {
    const odd = { devServerUrl: undefined, indexHtml: '/home/ann/Apps [Work] 100%/out/renderer/index.html' };
    // What Chromium puts in the frame URL for loadFile(), whichever characters it leaves as they are.
    expect(isOwnPage('file:///home/ann/Apps%20[Work]%20100%25/out/renderer/index.html', odd, 'linux')).toBe(
      true,
    );
    expect(
      isOwnPage('file:///home/ann/Apps%20%5BWork%5D%20100%25/out/renderer/index.html', odd, 'linux'),
    ).toBe(true);
  });

  it.each([
    ['file:///C:/Program%20Files/Model%20Studio%20Keys/resources/app/out/renderer/index.html', true],
    ['file:///c:/program%20files/model%20studio%20keys/resources/app/out/renderer/INDEX.html', true],
    ['file:///D:/Program%20Files/Model%20Studio%20Keys/resources/app/out/renderer/index.html', false],
    ['file://evil/C:/Program%20Files/Model%20Studio%20Keys/resources/app/out/renderer/index.html', false],
  ])('accepts %s from the built app on Windows: %s', (url, expected) => {
    const windows = {
      devServerUrl: undefined,
      indexHtml: 'C:\\Program Files\\Model Studio Keys\\resources\\app\\out\\renderer\\index.html',
    };
    expect(isOwnPage(url, windows, 'win32')).toBe(expected);
  });

  it('accepts an install on a network share (UNC) on Windows', () => {
    const unc = {
      devServerUrl: undefined,
      indexHtml: '\\\\server\\apps\\Model Studio Keys\\out\\renderer\\index.html',
    };
    expect(isOwnPage('file://server/apps/Model%20Studio%20Keys/out/renderer/index.html', unc, 'win32')).toBe(
      true,
    );
    expect(isOwnPage('file://other/apps/Model%20Studio%20Keys/out/renderer/index.html', unc, 'win32')).toBe(
      false,
    );
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
