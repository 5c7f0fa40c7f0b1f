// The documents stay true and readable: docs/CLI.md is what the commands say today.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI_NOTES, CLI_REFERENCE, cliReference, currentCliReference } from '../../build/cli-reference.js';
import { buildProgram } from '../../main/cli/msk.js';

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
