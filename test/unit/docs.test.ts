// The documents stay true and readable: docs/CLI.md is what the commands say today, the README
// stays short, and every link between the documents leads somewhere.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CLI_NOTES,
  CLI_REFERENCE,
  cliReference,
  currentCliReference,
  slug,
} from '../../build/cli-reference.js';
import { buildProgram } from '../../main/cli/msk.js';

const DOCUMENTS = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync('docs')
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
/** Wide tables written before the rule, kept as they are: the threats and the benchmark figures. */
const WIDE_TABLES_ALLOWED = ['docs/SECURITY.md', 'docs/PERFORMANCE.md'];

// A Windows checkout may turn line ends into CRLF; the documents are compared as written.
const read = (file: string): string => readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
/** A document's text outside fenced code blocks, line by line. */
const proseLines = (text: string): string[] => {
  let fenced = false;
  return text.split('\n').filter((line) => {
    if (/^\s*```/.test(line)) fenced = !fenced;
    return !fenced && !/^\s*```/.test(line);
  });
};

describe('docs/CLI.md', () => {
  it('is what npm run docs:cli writes from the commands today', async () => {
    expect(read(CLI_REFERENCE), 'docs/CLI.md is out of date: run npm run docs:cli').toBe(
      await currentCliReference(),
    );
  });

  it('has a section for every command, and the exit statuses', () => {
    const headings = proseLines(read(CLI_REFERENCE)).filter((line) => line.startsWith('#'));
    for (const command of [
      'msk add',
      'msk check',
      'msk env',
      'msk exec',
      'msk launch',
      'msk gateway token add',
    ])
      expect(
        headings.some((heading) => heading.endsWith(` ${command}`)),
        command,
      ).toBe(true);
    expect(headings).toContain('## Exit status');
  });

  it('follows the commands: an option added to one is in its section', async () => {
    const program = buildProgram();
    program.commands
      .find((command) => command.name() === 'rename')
      ?.option('--dry-run', 'say, change nothing');
    const reference = await cliReference(program, read(CLI_NOTES));
    const rename = reference.slice(reference.indexOf('## msk rename'), reference.indexOf('## msk use'));
    expect(rename).toContain('- `--dry-run` — say, change nothing');
  });

  it('refuses notes for a command msk does not have (a renamed command takes its notes along)', async () => {
    await expect(cliReference(buildProgram(), '## msk frobnicate\n\nWhat it did.\n')).rejects.toThrow(
      "build/cli-notes.md has notes for 'msk frobnicate', which msk does not have",
    );
  });
});

describe('the README', () => {
  const readme = read('README.md');

  it('is under 200 lines', () => {
    expect(readme.trimEnd().split('\n').length).toBeLessThan(200);
  });

  it('sets everything up with npm start and tests it with npm test', () => {
    expect(readme).toMatch(/^npm start\b/m);
    expect(readme).toMatch(/^npm test\b/m);
  });
});

describe('every document', () => {
  it.each(DOCUMENTS.filter((file) => !WIDE_TABLES_ALLOWED.includes(file)))(
    '%s: no table row over 200 characters',
    (file) => {
      const wide = proseLines(read(file)).filter((line) => line.startsWith('|') && line.length > 200);
      expect(wide.map((line) => `${line.length}: ${line.slice(0, 60)}…`)).toEqual([]);
    },
  );

  it.each(DOCUMENTS)('%s: every relative link reaches a file, every #anchor a heading', (file) => {
    const broken = linksOf(read(file))
      .filter((target) => !/^[a-z]+:/i.test(target))
      .filter((target) => {
        const [relative = '', anchor] = target.split('#');
        const destination = relative === '' ? file : path.join(path.dirname(file), relative);
        if (!existsSync(destination)) return true;
        return anchor !== undefined && !anchorsOf(read(destination)).includes(anchor);
      });
    expect(broken).toEqual([]);
  });
});

/** The targets of a document's links and images, code left out. */
function linksOf(text: string): string[] {
  const prose = proseLines(text)
    .join('\n')
    .replace(/\\`/g, '')
    .replace(/`[^`]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1] ?? '');
}

/** The anchors GitHub gives a document's headings (a repeated one gets -1, -2 …). */
function anchorsOf(text: string): string[] {
  const seen = new Map<string, number>();
  return proseLines(text).flatMap((line) => {
    const heading = /^#{1,6} (.+)$/.exec(line)?.[1];
    if (heading === undefined) return [];
    const words = heading
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/`|\*\*/g, '')
      .trim();
    const base = slug(words);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return [count === 0 ? base : `${base}-${count}`];
  });
}
