// msk import: the built CLI in a throwaway HOME with keys in shell start-up files, a CRLF .env
// file and Claude Code's settings; stored in the real keychain, then taken out of the files.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../main/core/import/finding.js';
import {
  BASE_URL_VARIABLES,
  BORROWED_KEY_VARIABLES,
  isModelStudioKeyVariable,
} from '../../main/core/import/key-variables.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { keychainPart } from '../fixtures/keychain.js';
import { type FakeModelStudio, startModelStudio } from '../fixtures/model-studio-server.js';
import { MSK, type MskHome, mskHome, type Run } from '../fixtures/msk.js';
import { onPath, systemPart } from '../fixtures/system.js';

const keychain = keychainPart();

interface Keys {
  bash: string;
  bashIndented: string;
  zsh: string;
  zshCommented: string;
  fish: string;
  dotenv: string;
  claude: string;
  openai: string;
}

/** The test's own environment holds no key msk would find: only the files written here count. */
const withoutKeyVariables = (): Record<string, undefined> =>
  Object.fromEntries(
    Object.keys(process.env)
      .filter(
        (name) =>
          isModelStudioKeyVariable(name) || name in BORROWED_KEY_VARIABLES || BASE_URL_VARIABLES.has(name),
      )
      .map((name) => [name, undefined]),
  );

/** A home directory with keys where people paste them, and one key that is not Model Studio's. */
function writeHome(home: string, keys: Keys): void {
  mkdirSync(path.join(home, '.config', 'fish'), { recursive: true });
  mkdirSync(path.join(home, '.claude'), { recursive: true });
  writeFileSync(
    path.join(home, '.bashrc'),
    [
      '# ~/.bashrc',
      'export PATH="$HOME/bin:$PATH"',
      `export DASHSCOPE_API_KEY=${keys.bash}`,
      'if [ -n "$PS1" ]; then',
      `  export QWEN_API_KEY="${keys.bashIndented}"`,
      'fi',
      'export OPENAI_BASE_URL=https://api.openai.com/v1',
      `export OPENAI_API_KEY=${keys.openai}`,
      "alias ll='ls -l'",
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(home, '.zshrc'),
    `setopt autocd\n# export DASHSCOPE_API_KEY=${keys.zshCommented}\nexport MODELSTUDIO_API_KEY='${keys.zsh}'\nbindkey -e\n`,
  );
  writeFileSync(
    path.join(home, '.config', 'fish', 'config.fish'),
    `if status is-interactive\n    set -gx DASHSCOPE_API_KEY ${keys.fish}\nend\nset -gx EDITOR vim\n`,
  );
  writeFileSync(
    path.join(home, '.env'),
    `# tools\r\nDEBUG=1\r\nDASHSCOPE_API_KEY=${keys.dotenv}\r\nPORT=8080\r\n`,
  );
  writeFileSync(
    path.join(home, '.claude', 'settings.json'),
    JSON.stringify(
      {
        model: 'qwen3-coder-plus',
        env: {
          ANTHROPIC_BASE_URL: 'https://dashscope-intl.aliyuncs.com/apps/anthropic',
          ANTHROPIC_AUTH_TOKEN: keys.claude,
          API_TIMEOUT_MS: '600000',
        },
        permissions: { allow: ['Bash(npm test)'] },
      },
      null,
      2,
    ) + '\n',
  );
}

const FILES = ['.bashrc', '.zshrc', '.config/fish/config.fish', '.env', '.claude/settings.json'];

describe.runIf(keychain)('msk import on the real keychain', () => {
  let server: FakeModelStudio;
  let root: string;
  let msk: MskHome;
  let home: string;
  let keys: Keys;

  beforeAll(async () => {
    server = await startModelStudio();
  });
  afterAll(() => server.close());

  const setUp = () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'msk-import-home-'));
    home = path.join(root, 'home');
    mkdirSync(home);
    keys = {
      bash: fakeKey(),
      bashIndented: fakeKey(),
      zsh: fakeKey('workspace'),
      zshCommented: fakeKey(),
      fish: fakeKey(),
      dotenv: fakeKey(),
      claude: fakeKey(),
      openai: fakeKey(),
    };
    writeHome(home, keys);
    msk = mskHome({
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, '.config'),
      XDG_DATA_HOME: path.join(home, '.local', 'share'),
      XDG_CACHE_HOME: path.join(home, '.cache'),
      MSK_ENDPOINT_OVERRIDES: JSON.stringify(server.overrides),
    });
  };
  afterEach(() => {
    msk?.remove();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  const run = (args: string[], env: Record<string, string | undefined> = {}): Promise<Run> =>
    msk.run(args, { env: { ...withoutKeyVariables(), ...env } });
  const scan = async (): Promise<Finding[]> => {
    const listed = await run(['import', '--scan', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    return (JSON.parse(listed.stdout) as { findings: Finding[] }).findings;
  };
  const listed = async () =>
    JSON.parse((await run(['list', '--json'])).stdout) as { label: string; regionId: string; plan: string }[];
  const filesNow = () => FILES.map((file) => readFileSync(path.join(home, file)));
  const secretsOf = (): string[] => Object.values(keys);
  const expectNoSecret = (text: string) => {
    for (const secret of secretsOf()) expect(text).not.toContain(secret);
  };

  it('--scan --json lists every key where it lies, masked, and nothing else', async () => {
    setUp();
    const listed = await run(['import', '--scan', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    expectNoSecret(listed.stdout + listed.stderr);
    const { findings, notes } = JSON.parse(listed.stdout) as { findings: Finding[]; notes: unknown[] };
    expect(notes).toEqual([]);
    expect(
      findings.map((finding) => [
        path.relative(home, finding.file ?? ''),
        finding.line,
        finding.variable,
        finding.commented,
        finding.suggestedLabel,
      ]),
    ).toEqual([
      ['.bashrc', 3, 'DASHSCOPE_API_KEY', false, 'bashrc'],
      ['.bashrc', 5, 'QWEN_API_KEY', false, 'bashrc-2'],
      ['.zshrc', 2, 'DASHSCOPE_API_KEY', true, 'zshrc'],
      ['.zshrc', 3, 'MODELSTUDIO_API_KEY', false, 'zshrc-2'],
      ['.config/fish/config.fish', 2, 'DASHSCOPE_API_KEY', false, 'fish-config'],
      ['.env', 3, 'DASHSCOPE_API_KEY', false, 'home-env'],
      ['.claude/settings.json', 5, 'env.ANTHROPIC_AUTH_TOKEN', false, 'claude-settings'],
    ]);
    expect(findings.every((finding) => finding.stored === null && /^sk-/.test(finding.masked))).toBe(true);

    const table = await run(['import', '--scan']);
    expect(table.code, table.stderr).toBe(0);
    expectNoSecret(table.stdout + table.stderr);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID +KEY +WHERE +VARIABLE +STATE +LABEL$/);
    expect(lines[1]).toMatch(
      new RegExp(
        `^${findings[0]?.id} +sk-…${keys.bash.slice(-4)} +~/\\.bashrc:3 +DASHSCOPE_API_KEY +new +bashrc$`,
      ),
    );
    expect(lines[3]).toMatch(/ ~\/\.zshrc:2 +DASHSCOPE_API_KEY +commented out +zshrc$/);
    expect(table.stderr).toMatch(/^To store them: msk import <id…>\|--all \[--region <region>\]/m);
  });

  it('--scan with no key anywhere says so in one line and succeeds', async () => {
    setUp();
    const empty = path.join(root, 'empty');
    mkdirSync(empty);
    const nothing = await run(['import', '--scan'], { HOME: empty });
    expect(nothing).toMatchObject({ code: 0, stdout: '' });
    expect(nothing.stderr).toBe('No Model Studio key was found in the usual places.\n');
  });

  it('--all --region sg stores every key; msk env gives them back; a second import skips them', async () => {
    setUp();
    const before = filesNow();
    const imported = await run(['import', '--all', '--region', 'sg']);
    expect(imported.code, imported.stderr).toBe(0);
    expectNoSecret(imported.stdout + imported.stderr);
    expect(imported.stdout).toBe('');
    expect(imported.stderr).toMatch(
      /^Stored 'bashrc' \(sk-…\w{4}\) for Singapore \(Pay-as-you-go\), from ~\/\.bashrc:3\. It is the active key there\.$/m,
    );
    expect(imported.stderr).toMatch(/^Imported 7 keys\.$/m);
    expect((await listed()).map((key) => [key.label, key.regionId])).toEqual(
      ['bashrc', 'bashrc-2', 'zshrc', 'zshrc-2', 'fish-config', 'home-env', 'claude-settings'].map(
        (label) => [label, 'ap-southeast-1'],
      ),
    );
    // Storing leaves the files alone.
    expect(filesNow()).toEqual(before);

    for (const [label, secret] of [
      ['bashrc', keys.bash],
      ['fish-config', keys.fish],
      ['home-env', keys.dotenv],
      ['claude-settings', keys.claude],
    ] as const) {
      const env = await run(['env', '--key', label, '--shell', 'bash']);
      expect(env.code, env.stderr).toBe(0);
      expect(env.stdout).toContain(`export DASHSCOPE_API_KEY='${secret}'`);
    }

    const again = await run(['import', '--all', '--region', 'sg']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/^Skipped sk-…\w{4} from ~\/\.bashrc:3: already stored as 'bashrc'\.$/m);
    expect(again.stderr).toMatch(/^Imported 0 keys; 7 already stored\.$/m);
    expect(await listed()).toHaveLength(7);
    expect((await scan()).map((finding) => finding.stored?.label)).toEqual([
      'bashrc',
      'bashrc-2',
      'zshrc',
      'zshrc-2',
      'fish-config',
      'home-env',
      'claude-settings',
    ]);
  });

  it('--detect asks Model Studio where a key belongs; a key nobody knows fails and exits 1', async () => {
    setUp();
    server.addKey('us-east-1', keys.bash);
    const [bash, , , , fish] = await scan();
    const detected = await run(['import', bash?.id ?? '', '--detect']);
    expect(detected.code, detected.stderr).toBe(0);
    expect(detected.stderr).toMatch(/^Stored 'bashrc' \(sk-…\w{4}\) for US \(Virginia\) \(Pay-as-you-go\)/m);
    expect((await listed()).map((key) => [key.label, key.regionId, key.plan])).toEqual([
      ['bashrc', 'us-east-1', 'payg'],
    ]);

    // Without --region detection is the default, as for msk add.
    const unknown = await run(['import', fish?.id ?? '']);
    expect(unknown.code).toBe(1);
    expectNoSecret(unknown.stderr);
    expect(unknown.stderr).toMatch(/^Not imported: sk-…\w{4} from ~\/\.config\/fish\/config\.fish:2: /m);
    expect(unknown.stderr).toMatch(/^Imported 0 keys; 1 failed\.$/m);
    expect(await listed()).toHaveLength(1);
  });

  it('--remove-from-file --yes takes only the key lines out; every other byte, CRLF and the JSON stay', async () => {
    setUp();
    const before = Object.fromEntries(FILES.map((file) => [file, readFileSync(path.join(home, file))]));
    const fromEnvironment = fakeKey();
    const removed = await run(['import', '--all', '--region', 'sg', '--remove-from-file', '--yes'], {
      DASHSCOPE_API_KEY: fromEnvironment,
    });
    expect(removed.code, removed.stderr).toBe(0);
    expectNoSecret(removed.stdout + removed.stderr);
    expect(removed.stdout + removed.stderr).not.toContain(fromEnvironment);
    // The change is shown as a diff, keys masked.
    expect(removed.stdout).toContain(`--- ~/.bashrc\n+++ ~/.bashrc\n`);
    expect(removed.stdout).toMatch(/^-export DASHSCOPE_API_KEY=sk-…\w{4}$/m);
    expect(removed.stdout).toMatch(
      /^\+# Model Studio key moved to the OS keychain by Model Studio Keys \(label ‘bashrc’\)/m,
    );
    expect(removed.stderr).toMatch(
      /^Left in place: sk-…\w{4} in environment: It comes from the environment/m,
    );
    for (const file of FILES) {
      expect(removed.stderr).toMatch(
        new RegExp(
          `^Took the key out of ~/${file.replaceAll('.', '\\.')} \\(backup: ~/${file.replaceAll('.', '\\.')}\\.msk-backup-\\d{8}T\\d{6}Z\\)\\.$`,
          'm',
        ),
      );
    }
    expect(removed.stderr).toMatch(
      /^The backups still hold the keys: delete them once you have checked the change\.$/m,
    );
    expect(await listed()).toHaveLength(8);

    const lines = (file: string, separator = '\n') =>
      readFileSync(path.join(home, file), 'utf8').split(separator);
    const originalLines = (file: string, separator = '\n') =>
      (before[file] as Buffer).toString('utf8').split(separator);
    /** Every line but the `changed` ones (1-based) is byte for byte what it was. */
    const onlyChanged = (file: string, changed: number[], separator = '\n') => {
      const now = lines(file, separator);
      const was = originalLines(file, separator);
      expect(now).toHaveLength(was.length);
      now.forEach((line, index) => {
        if (changed.includes(index + 1)) {
          expect(line).not.toBe(was[index]);
          expect(line).toContain('# Model Studio key moved to the OS keychain by Model Studio Keys');
        } else expect(line, `${file}:${index + 1}`).toBe(was[index]);
      });
    };
    onlyChanged('.bashrc', [3, 5]);
    expect(lines('.bashrc')[4]).toMatch(/^ {2}: # Model Studio key moved/);
    onlyChanged('.zshrc', [2, 3]);
    onlyChanged('.config/fish/config.fish', [2]);
    onlyChanged('.env', [3], '\r\n');
    expect(readFileSync(path.join(home, '.env'), 'utf8').replaceAll('\r\n', '')).not.toContain('\n');
    // The other vendor's key is not ours to touch.
    expect(readFileSync(path.join(home, '.bashrc'), 'utf8')).toContain(
      `export OPENAI_API_KEY=${keys.openai}\n`,
    );

    const settings = JSON.parse(readFileSync(path.join(home, '.claude', 'settings.json'), 'utf8')) as unknown;
    expect(settings).toEqual({
      model: 'qwen3-coder-plus',
      env: {
        ANTHROPIC_BASE_URL: 'https://dashscope-intl.aliyuncs.com/apps/anthropic',
        API_TIMEOUT_MS: '600000',
      },
      permissions: { allow: ['Bash(npm test)'] },
    });

    for (const file of FILES) {
      const directory = path.dirname(path.join(home, file));
      const backups = readdirSync(directory).filter((name) =>
        name.startsWith(`${path.basename(file)}.msk-backup-`),
      );
      expect(backups, file).toHaveLength(1);
      const backup = path.join(directory, backups[0] as string);
      expect(statSync(backup).mode & 0o777).toBe(0o600);
      expect(readFileSync(backup).equals(before[file] as Buffer)).toBe(true);
    }
    const remaining = FILES.map((file) => readFileSync(path.join(home, file), 'utf8')).join('');
    for (const secret of [
      keys.bash,
      keys.bashIndented,
      keys.zsh,
      keys.zshCommented,
      keys.fish,
      keys.dotenv,
      keys.claude,
    ]) {
      expect(remaining).not.toContain(secret);
    }

    if (shellsPresent()) {
      for (const [shell, file] of [
        ['bash', '.bashrc'],
        ['zsh', '.zshrc'],
        ['fish', '.config/fish/config.fish'],
      ] as const) {
        const parsed = spawnSync(shell, ['-n', path.join(home, file)], { encoding: 'utf8' });
        expect(parsed.status, `${shell} -n ${file}: ${parsed.stderr}`).toBe(0);
      }
    }
    // Nothing is left to take out, and the keys are still given back.
    const env = await run(['env', '--key', 'home-env', '--shell', 'bash']);
    expect(env.stdout).toContain(`export DASHSCOPE_API_KEY='${keys.dotenv}'`);
    expect((await scan()).map((finding) => finding.variable)).toEqual([]);
  });

  it('on a terminal: shows the change, then asks; no keeps every file, yes edits them', async () => {
    if (!terminalPresent()) return;
    setUp();
    const before = filesNow();
    const args = ['import', '--all', '--region', 'sg', '--remove-from-file'];
    const declined = await onTerminal({ ...msk.env, ...withoutKeyVariables() }, args, 'n');
    expect(declined.code, declined.screen).toBe(0);
    expect(declined.screen).toMatch(/-export DASHSCOPE_API_KEY=sk-…\w{4}\s/);
    expect(declined.screen).toContain('Change 5 files as shown? A backup of each is kept beside it. [y/N]');
    expect(declined.screen).toContain('No file was changed; the keys are stored.');
    expectNoSecret(declined.screen);
    expect(filesNow()).toEqual(before);
    expect(await listed()).toHaveLength(7);

    // The keys are stored already: a second run only takes them out.
    const accepted = await onTerminal({ ...msk.env, ...withoutKeyVariables() }, args, 'y');
    expect(accepted.code, accepted.screen).toBe(0);
    expect(accepted.screen).toMatch(/Imported 0 keys; 7 already stored\./);
    expect(accepted.screen).toContain('Took the key out of ~/.bashrc (backup: ~/.bashrc.msk-backup-');
    expect(readFileSync(path.join(home, '.bashrc'), 'utf8')).not.toContain(keys.bash);
  });

  it('refuses an id from before the file changed ("search again") and changes nothing', async () => {
    setUp();
    const [bash] = await scan();
    const bashrc = path.join(home, '.bashrc');
    writeFileSync(bashrc, `# edited since the search\n${readFileSync(bashrc, 'utf8')}`);
    const edited = readFileSync(bashrc);
    const stale = await run(['import', bash?.id ?? '', '--region', 'sg', '--remove-from-file', '--yes']);
    expect(stale).toMatchObject({ code: 1, stdout: '' });
    expect(stale.stderr).toBe(
      `msk: No key was found with id '${bash?.id}' in this search; search again (the file may have changed).\n`,
    );
    expect(readFileSync(bashrc).equals(edited)).toBe(true);
    expect(await listed()).toEqual([]);
  });

  it('--remove-from-file without --yes when stdin is not a terminal: refused, nothing stored or changed', async () => {
    setUp();
    const before = filesNow();
    const refused = await run(['import', '--all', '--region', 'sg', '--remove-from-file']);
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toBe(
      'msk: Refusing to edit files without confirmation: pass --yes (stdin is not a terminal). Nothing was stored or changed.\n',
    );
    expect(filesNow()).toEqual(before);
    expect(await listed()).toEqual([]);
  });

  it('usage errors: --region with --detect, neither ids nor --all, --scan with import options', async () => {
    setUp();
    const both = await run(['import', '--all', '--region', 'sg', '--detect']);
    expect(both).toMatchObject({ code: 2, stdout: '' });
    expect(both.stderr).toBe("msk: option '-r, --region <region>' cannot be used with option '--detect'\n");
    const none = await run(['import']);
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toBe(
      "msk: name the keys to import (the ids 'msk import --scan' lists) or pass --all.\n",
    );
    const scanAndStore = await run(['import', '--scan', '--remove-from-file']);
    expect(scanAndStore.code).toBe(2);
    expect(scanAndStore.stderr).toBe(
      "msk: option '--scan' cannot be used with option '--remove-from-file'\n",
    );
    expect(await listed()).toEqual([]);
  });
});

/** bash, zsh and fish check the edited start-up files; under MSK_REQUIRE_ALL=1 they must be there. */
const shellsPresent = (): boolean =>
  systemPart(
    'bash, zsh and fish',
    ['bash', 'zsh', 'fish'].every(onPath),
    'install bash, zsh and fish to check that edited start-up files still parse',
  );

const terminalPresent = (): boolean =>
  systemPart('util-linux script (a pseudo-terminal)', onPath('script'), 'apt-get install bsdutils');

/** Runs msk on a pseudo-terminal and types `answer` once the question is on the screen. */
function onTerminal(
  env: Record<string, string | undefined>,
  args: string[],
  answer: string,
): Promise<{ code: number | null; screen: string }> {
  const command = [process.execPath, MSK, ...args]
    .map((word) => `'${word.replaceAll("'", `'\\''`)}'`)
    .join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], {
    env: Object.fromEntries(
      Object.entries({ ...process.env, ...env }).filter(
        (entry): entry is [string, string] => entry[1] !== undefined,
      ),
    ),
  });
  let screen = '';
  let answered = false;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    screen += chunk;
    if (!answered && screen.includes('[y/N]')) {
      answered = true;
      child.stdin.write(`${answer}\r`);
    }
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, screen })));
}
