// Every benchmark records its figures here; `npm run bench` then writes them, beside their budgets,
// into docs/PERFORMANCE.md. One JSON file per benchmark file, so parallel bench files never race.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const FIGURES_DIRECTORY = path.resolve('out/bench-figures');

export type Figure = {
  /** The report's section: "CLI start-up", "Vault", "Tray"… */
  section: string;
  /** What was measured, in words: "msk list --json vs bare node -e 0". */
  name: string;
  unit: 'ms' | '×' | 'KB' | 'count';
  median: number;
  /** The spread of the samples, when there are several: [min, max] or [p5, p95] as `spreadKind` says. */
  spread?: [number, number];
  spreadKind?: 'min–max' | 'p5–p95';
  samples?: number;
  /** The budget: the median must be at most this. Absent for figures only reported. */
  budget?: number;
  /** Anything a reader needs to read the figure right (the baseline, the load). */
  note?: string;
};

/** Writes the figures of one benchmark file (`id`: a stable name, e.g. "cli-startup"). */
export function recordFigures(id: string, figures: Figure[]): void {
  mkdirSync(FIGURES_DIRECTORY, { recursive: true });
  writeFileSync(path.join(FIGURES_DIRECTORY, `${id}.json`), `${JSON.stringify(figures, null, 2)}\n`);
}

/** The median and spread of samples, as a figure's numbers. */
export function describeSamples(
  samples: readonly number[],
): Pick<Figure, 'median' | 'spread' | 'spreadKind' | 'samples'> {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? NaN;
  const middle = sorted.length / 2;
  const median =
    sorted.length % 2 === 1
      ? (sorted[Math.floor(middle)] ?? NaN)
      : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
  return sorted.length >= 20
    ? { median, spread: [at(0.05), at(0.95)], spreadKind: 'p5–p95', samples: sorted.length }
    : {
        median,
        spread: [sorted[0] ?? NaN, sorted.at(-1) ?? NaN],
        spreadKind: 'min–max',
        samples: sorted.length,
      };
}

/** One console line for samples in ms: their median and spread as the report gives them, against a budget. */
export function summary(what: string, samples: readonly number[], budgetMs: number): string {
  const { median, spread, spreadKind } = describeSamples(samples);
  const range = spread ? `, ${spreadKind} ${spread[0].toFixed(3)} – ${spread[1].toFixed(3)} ms` : '';
  return `\n${what} (${samples.length} runs): median ${median.toFixed(3)} ms${range} (budget ≤ ${Number(budgetMs.toFixed(1))} ms) ${median <= budgetMs ? 'met' : 'MISSED'}\n`;
}
