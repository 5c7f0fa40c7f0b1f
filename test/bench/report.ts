// The bench project's global setup: clears the figures before the benchmarks run, and afterwards
// writes every figure beside its budget into docs/PERFORMANCE.md, with the machine it ran on.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Figure, FIGURES_DIRECTORY } from './figures.js';

const REPORT = path.resolve('docs/PERFORMANCE.md');
/** The section the release workflow writes (build/installed-msk.js): kept as it is, last. */
const INSTALLED_SECTION = '\n## Installed app\n';
/** The order sections appear in; any other section follows, alphabetically. */
const SECTIONS = ['CLI start-up', 'Vault', 'Copy', 'Tray', 'Checks', 'App start', 'Window'];

export function setup(): () => void {
  rmSync(FIGURES_DIRECTORY, { recursive: true, force: true });
  const started = Date.now();
  return () => {
    const figures = readFigures();
    if (figures.length === 0) return;
    writeFileSync(REPORT, report(figures, Date.now() - started) + installedSection());
    const missed = figures.filter((figure) => verdict(figure) === 'MISSED');
    console.log(
      `\nbench: ${figures.length} figures written to ${path.relative(process.cwd(), REPORT)}` +
        (missed.length > 0
          ? `; ${missed.length} MISSED their budget: ${missed.map((f) => f.name).join('; ')}`
          : '; every budget met'),
    );
  };
}

/** The installed app's figures the release workflow published, if the report has them. */
function installedSection(): string {
  const current = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : '';
  const at = current.indexOf(INSTALLED_SECTION);
  return at === -1 ? '' : current.slice(at);
}

function readFigures(): Figure[] {
  if (!existsSync(FIGURES_DIRECTORY)) return [];
  return readdirSync(FIGURES_DIRECTORY)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .flatMap((file) => JSON.parse(readFileSync(path.join(FIGURES_DIRECTORY, file), 'utf8')) as Figure[]);
}

const verdict = (figure: Figure): string =>
  figure.budget === undefined ? '' : figure.median <= figure.budget ? 'met' : 'MISSED';

function report(figures: Figure[], elapsedMs: number): string {
  const sections = [...new Set(figures.map((figure) => figure.section))].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
  const lines = [
    '# Performance',
    '',
    'Written by `npm run bench` (do not edit by hand). Every figure is the median of its samples,',
    'beside its budget; a missed budget is fixed in the code, not in the budget. Times of whole',
    'processes are ratios to a bare `node -e 0` run alternately in the same benchmark, since this',
    'kind of machine is shared and noisy.',
    '',
    `- Machine: ${machine()}`,
    `- Node ${process.versions.node} (V8 ${process.versions.v8}), ${os.platform()} ${os.release()}`,
    `- Run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${Math.round(elapsedMs / 1000)} s`,
  ];
  for (const section of sections) {
    lines.push('', `## ${section}`, '', '| What | Median | Spread | Budget | |', '|---|---:|---|---:|---|');
    for (const figure of figures.filter((candidate) => candidate.section === section)) {
      const spread = figure.spread
        ? `${figure.spreadKind ?? 'min–max'} ${number(figure.spread[0], figure.unit)} – ${number(figure.spread[1], figure.unit)} (n = ${figure.samples ?? '?'})`
        : figure.samples
          ? `n = ${figure.samples}`
          : '';
      const what = figure.note ? `${figure.name} — ${figure.note}` : figure.name;
      const budget = figure.budget === undefined ? '' : `≤ ${number(figure.budget, figure.unit)}`;
      lines.push(
        `| ${what} | ${number(figure.median, figure.unit)} | ${spread} | ${budget} | ${verdict(figure)} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

const rank = (section: string): number => {
  const index = SECTIONS.indexOf(section);
  return index === -1 ? SECTIONS.length : index;
};

function number(value: number, unit: Figure['unit']): string {
  if (!Number.isFinite(value)) return '—';
  switch (unit) {
    case '×':
      return `${value.toFixed(2)}×`;
    case 'KB':
      return `${value.toFixed(1)} KB`;
    case 'count':
      return String(Math.round(value));
    case 'ms':
      return value < 1
        ? `${value.toFixed(3)} ms`
        : value < 10
          ? `${value.toFixed(2)} ms`
          : `${value.toFixed(1)} ms`;
  }
}

function machine(): string {
  const cpus = os.cpus();
  const memory = `${Math.round(os.totalmem() / 2 ** 30)} GB`;
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${memory}, ${system()}`;
}

/** The OS by the name its users know it: "Debian GNU/Linux 12 (bookworm)", "macOS 15.1". */
function system(): string {
  try {
    if (process.platform === 'darwin')
      return `macOS ${execFileSync('sw_vers', ['-productVersion'], { encoding: 'utf8' }).trim()}`;
    if (process.platform === 'linux')
      return /^PRETTY_NAME="?([^"\n]+)/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os.type();
  } catch {
    // Fall through to the kernel's own name.
  }
  return `${os.type()} ${os.release()}`;
}
