// A removal preview's hunk as diff lines: unchanged, removed, added. The preview carries them,
// so `msk import` (a unified diff) and the window's review dialog show the same change; a config
// msk changes (OpenClaw's) is shown the same way, by the lines around each change.
import { redactKeys } from '../model-studio/key-format.js';

export interface DiffLine {
  mark: ' ' | '-' | '+';
  text: string;
}

/**
 * Lines from a longest common subsequence: a hunk is a few lines, and an unchanged line between
 * two changed ones stays context instead of being removed and re-added.
 */
function lineDiff(before: readonly string[], after: readonly string[]): DiffLine[] {
  // common[i][j]: the longest common subsequence of before[i…] and after[j…].
  const common = Array.from({ length: before.length + 1 }, () => new Array<number>(after.length + 1).fill(0));
  const at = (i: number, j: number): number => common[i]?.[j] ?? 0;
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      (common[i] as number[])[j] =
        before[i] === after[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) {
      lines.push({ mark: ' ', text: before[i++] as string });
      j++;
    } else if (i < before.length && (j >= after.length || at(i + 1, j) >= at(i, j + 1))) {
      lines.push({ mark: '-', text: before[i++] as string });
    } else lines.push({ mark: '+', text: after[j++] as string });
  }
  return lines;
}

/** A hunk's lines as they are and as they will be, diffed; the empty "line" after a file's last newline says nothing in a diff. */
export const hunkLines = (before: readonly string[], after: readonly string[]): DiffLine[] =>
  lineDiff(withoutFinalEmpty(before), withoutFinalEmpty(after));

const withoutFinalEmpty = (lines: readonly string[]): readonly string[] =>
  lines.at(-1) === '' ? lines.slice(0, -1) : lines;

/**
 * A credential's value in a config line — `"apiKey": "…"`, `token: '…'`, `password = "…"` —
 * whatever its shape: another provider's token need not look like a Model Studio key.
 */
const CREDENTIAL_VALUE =
  /(["']?[\w-]*(?:api[-_]?key|token|secret|password|passwd|credential)[\w-]*["']?\s*[:=]\s*)(["'])(?:(?!\2).)+\2/gi;

/**
 * What a user is shown of a file's change: the changed lines and `around` lines either side of
 * each, any key or credential in them masked — the file may hold one (another provider's) beside
 * the line changed.
 */
export function shownChange(lines: readonly DiffLine[], around = 2): DiffLine[] {
  const near = (index: number) =>
    lines.slice(Math.max(0, index - around), index + around + 1).some(({ mark }) => mark !== ' ');
  return lines.flatMap((line, index) =>
    near(index)
      ? [{ mark: line.mark, text: redactKeys(line.text).replace(CREDENTIAL_VALUE, '$1$2…$2') }]
      : [],
  );
}
