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

describe('the release workflow', () => {
  const release = parse(readFileSync('.github/workflows/release.yml', 'utf8')) as {
    on: { push: { tags: string[] } };
    jobs: Record<
      string,
      {
        needs?: string;
        strategy?: { matrix?: { os?: string[] } };
        steps: (Step & { env?: Record<string, string> })[];
      }
    >;
  };
  const steps = Object.values(release.jobs).flatMap((job) => job.steps);
  const lines = steps.flatMap((step) =>
    (step.run ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  );

  it('runs on a version tag, on every OS, testing before it builds, into a draft release', () => {
    expect(release.on.push.tags).toEqual(['v*']);
    expect(release.jobs.installers?.strategy?.matrix?.os).toEqual([
      'ubuntu-latest',
      'macos-latest',
      'windows-latest',
    ]);
    const order = lines.filter((line) => /^npm (test|run dist)/.test(line));
    expect(order).toEqual(['npm test', 'npm run dist -- --publish never']);
    expect(release.jobs.release?.needs).toBe('installers');
    expect(lines.some((line) => line.startsWith('gh release create') && line.includes('--draft'))).toBe(true);
  });

  it('calls only npm scripts and files that exist', () => {
    const files = lines.flatMap((line) => [
      ...line.matchAll(/(?:^|\s)(?:node|bash -l|zsh -l) (build\/\S+)/g),
    ]);
    expect(files.length).toBeGreaterThan(3);
    for (const [, file = ''] of files) expect(existsSync(file), file).toBe(true);
    for (const line of lines) {
      const script = /^npm run ([\w:-]+)/.exec(line)?.[1];
      if (script) expect(scripts, `npm script '${script}'`).toHaveProperty(script);
    }
  });

  it("uses the installed app's msk as a user meets it on each OS, after timing it against msk under Node", () => {
    const installers = release.jobs.installers?.steps ?? [];
    const at = (pattern: RegExp) => installers.findIndex((step) => pattern.test(step.run ?? ''));
    const launcher = at(/installed-msk\.js launcher/);
    const timed = at(/installed-msk\.js time/);
    expect(launcher).toBeGreaterThan(at(/npm run dist/));
    expect(timed).toBeGreaterThan(launcher);
    // Linux with no display at all, as over SSH: Chromium must not need an X server for msk mode.
    expect(installers[timed]?.run).toMatch(/env -u DISPLAY -u WAYLAND_DISPLAY/);
    const smoke = installers.filter((step) => /msk-smoke|msk --version/.test(step.run ?? ''));
    const on = (os: string) => smoke.filter((step) => (step as { if?: string }).if?.includes(os));
    expect(on('Linux').map((step) => step.run)).toEqual([
      expect.stringMatching(/env -u DISPLAY -u WAYLAND_DISPLAY .*bash -l build\/installed-msk-smoke\.sh/),
    ]);
    expect(on('macOS').map((step) => step.run)).toEqual([
      expect.stringMatching(/zsh -l build\/installed-msk-smoke\.sh/),
    ]);
    expect(on('Windows').map((step) => (step as { shell?: string }).shell)).toEqual(['cmd', 'pwsh']);
    for (const step of on('Windows')) {
      // --version, a piped key stored, exec's output and exit status, env evaluated by that shell.
      expect(step.run).toMatch(/msk --version/);
      expect(step.run).toMatch(/\| (call )?msk add/);
      expect(step.run).toMatch(/msk exec -- .*exit (\/b )?7/);
      expect(step.run).toMatch(/msk env --shell (cmd|powershell)/);
    }
    expect(timed).toBeLessThan(installers.indexOf(smoke[0] as Step));
  });

  it('publishes the timings into docs/PERFORMANCE.md on the default branch, apart from the release', () => {
    const publish = release.jobs.performance?.steps.map((step) => step.run ?? '').join('\n') ?? '';
    expect(release.jobs.performance?.needs).toBe('installers');
    expect(publish).toMatch(/node build\/installed-msk\.js publish timings\/\*\.json/);
    expect(publish).toMatch(/git add docs\/PERFORMANCE\.md/);
    expect(publish).toMatch(/git push/);
  });

  it('attaches what the app updates from: the feeds (latest*.yml) and block maps beside the installers', () => {
    const uploads = steps.flatMap((step) =>
      String((step as { with?: { path?: string } }).with?.path ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    );
    expect(uploads).toEqual(expect.arrayContaining(['dist/*.yml', 'dist/*.blockmap', 'dist/*.AppImage']));
  });

  it("attaches the package managers' manifests, written from the installers and checksums it releases", () => {
    const job = release.jobs.release?.steps ?? [];
    const at = (pattern: RegExp) => job.findIndex((step) => pattern.test(step.run ?? step.uses ?? ''));
    const manifests = job[at(/build\/package-managers\.js/)]?.run ?? '';
    expect(manifests).toMatch(/^node build\/package-managers\.js artifacts package-managers$/m);
    expect(manifests).toMatch(
      /tar -czf "artifacts\/package-managers-\$GITHUB_REF_NAME\.tar\.gz" -C package-managers \./,
    );
    expect(at(/^actions\/checkout/)).toBe(0);
    expect(at(/^actions\/download-artifact/)).toBeLessThan(at(/build\/package-managers\.js/));
    expect(at(/build\/package-managers\.js/)).toBeLessThan(at(/gh release create .*artifacts\/\*/));
  });

  it('takes signing secrets from the environment only', () => {
    const text = readFileSync('.github/workflows/release.yml', 'utf8');
    for (const name of [
      'CSC_LINK',
      'CSC_KEY_PASSWORD',
      'APPLE_ID',
      'APPLE_APP_SPECIFIC_PASSWORD',
      'APPLE_TEAM_ID',
    ])
      expect(text).toContain(`${name}: \${{ secrets.${name} }}`);
  });
});

describe('the package managers workflow', () => {
  const submit = parse(readFileSync('.github/workflows/package-managers.yml', 'utf8')) as {
    on: { release: { types: string[] } };
    env: Record<string, string>;
    jobs: Record<string, { env?: Record<string, string>; steps: (Step & { if?: string })[] }>;
  };
  const SECRETS = {
    HOMEBREW_TAP_TOKEN: /homebrew/,
    SCOOP_BUCKET_TOKEN: /scoop/,
    AUR_SSH_KEY: /aur/,
    WINGET_TOKEN: /winget/,
  };

  it('runs once a release is published, on the archive the release workflow attached', () => {
    expect(submit.on.release.types).toEqual(['published']);
    expect(submit.env.TAG).toBe('${{ github.event.release.tag_name }}');
    const downloads = Object.values(submit.jobs).flatMap((job) =>
      job.steps.filter((step) =>
        /gh release download .*--pattern "package-managers-\$(env:)?TAG\.tar\.gz"/.test(step.run ?? ''),
      ),
    );
    expect(downloads).toHaveLength(2);
  });

  it('submits to each package manager only when its own secret is set', () => {
    for (const [secret, channel] of Object.entries(SECRETS)) {
      const job = Object.values(submit.jobs).find((candidate) => candidate.env?.[secret]);
      expect(job?.env?.[secret], secret).toBe(`\${{ secrets.${secret} }}`);
      const steps = job?.steps.filter((step) => (step.run ?? '').includes(secret)) ?? [];
      expect(steps.length, secret).toBeGreaterThan(0);
      for (const step of steps) {
        expect(step.if).toBe(`env.${secret} != ''`);
        expect(step.run).toMatch(channel);
      }
    }
  });
});
