// The GitHub Actions workflow can only be run on GitHub: check here that everything it calls
// exists, so a renamed script cannot silently break it.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  run?: string;
  uses?: string;
}
const workflow = parse(readFileSync('.github/workflows/ci.yml', 'utf8')) as {
  jobs: Record<string, { strategy?: { matrix?: { os?: string[] } }; steps: Step[] }>;
};
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> })
  .scripts;
const commands = Object.values(workflow.jobs).flatMap((job) =>
  job.steps.flatMap((step) =>
    (step.run ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  ),
);

describe('the GitHub Actions workflow', () => {
  it('tests on Linux, macOS and Windows', () => {
    expect(workflow.jobs.test?.strategy?.matrix?.os).toEqual([
      'ubuntu-latest',
      'macos-latest',
      'windows-latest',
    ]);
  });

  it('runs the README’s test command, and only npm scripts that exist', () => {
    expect(commands).toContain('npm test');
    const npmScripts = commands.flatMap((command) => {
      const match = /^npm (?:run )?([\w:-]+)/.exec(command);
      return match?.[1] && !['ci', 'install'].includes(match[1]) ? [match[1]] : [];
    });
    expect(npmScripts.length).toBeGreaterThan(0);
    for (const script of npmScripts) expect(scripts, `npm script '${script}'`).toHaveProperty(script);
  });

  it('calls only files that exist', () => {
    const files = commands.flatMap((command) => /^(?:node|bash) (\S+)/.exec(command)?.[1] ?? []);
    for (const file of files) expect(existsSync(file), file).toBe(true);
  });
});
