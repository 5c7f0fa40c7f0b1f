// What a user is shown of a file's change (msk tools setup openclaw, the window's Set Up OpenClaw):
// the changed lines with two lines either side, and no key, even one on a line left as it was.
import { describe, expect, it } from 'vitest';
import { hunkLines, shownChange } from '../../main/core/import/line-diff.js';
import { fakeKey } from '../fixtures/fake-keys.js';

const numbered = (count: number) => Array.from({ length: count }, (_, index) => `line ${index + 1}`);

describe('shownChange', () => {
  it('keeps two lines around each change and drops the rest', () => {
    const before = numbered(12);
    const after = before.map((line) => (line === 'line 3' || line === 'line 11' ? `${line} changed` : line));
    expect(shownChange(hunkLines(before, after)).map(({ mark, text }) => mark + text)).toEqual([
      ' line 1',
      ' line 2',
      '-line 3',
      '+line 3 changed',
      ' line 4',
      ' line 5',
      ' line 9',
      ' line 10',
      '-line 11',
      '+line 11 changed',
      ' line 12',
    ]);
  });

  it('masks a key beside the change, and in the changed lines, whatever its shape', () => {
    const beside = fakeKey();
    const changed = fakeKey('workspace');
    const before = ['{', `  "openai": { "apiKey": "${beside}" },`, '  "qwen": { "baseUrl": "a" },', '}'];
    const after = [...before.slice(0, 2), `  "qwen": { "baseUrl": "b", "note": "${changed}" },`, '}'];
    const shown = shownChange(hunkLines(before, after));
    expect(JSON.stringify(shown)).not.toContain(beside);
    expect(JSON.stringify(shown)).not.toContain(changed);
    expect(shown[1]).toEqual({ mark: ' ', text: `  "openai": { "apiKey": "…" },` });
  });

  it('masks a credential beside the change whatever its shape, and leaves names that only mention one', () => {
    const before = [
      '{',
      '  "other": { "apiKey": "plain-token-1234", token: \'abc.def\', "password": "hunter2" },',
      '  "auth": { "mode": "token", "id": "OPENCLAW_GATEWAY_TOKEN", "tokenFile": {} },',
      '  "qwen": { "baseUrl": "a" },',
      '}',
    ];
    const after = before.map((line) => line.replace('"baseUrl": "a"', '"baseUrl": "b"'));
    const shown = shownChange(hunkLines(before, after)).map(({ text }) => text);
    expect(shown[0]).toBe('  "other": { "apiKey": "…", token: \'…\', "password": "…" },');
    expect(shown[1]).toBe(before[2]);
  });

  it('shows nothing of a file that does not change', () => {
    expect(shownChange(hunkLines(numbered(3), numbered(3)))).toEqual([]);
  });
});
