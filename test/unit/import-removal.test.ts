import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findKeys, importFindings, previewRemoval, removeFromFiles } from '../../main/core/actions/import.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { requireAll } from '../fixtures/system.js';
import { importHome } from '../fixtures/import-home.js';
import { useTempDirectory } from '../fixtures/temp-directory.js';

const directory = useTempDirectory();
const NOW = new Date('2026-11-28T01:30:00.123Z');

function setup() {
  const { home, services, put } = importHome(directory());
  /** Searches, imports everything for Singapore, and returns the search. */
  const importAll = async () => {
    const scan = await findKeys(services, { home, platform: 'linux' });
    await importFindings(services, scan, 'all', { regionId: 'sg' });
    return scan;
  };
  return { home, services, put, importAll };
}

/** `shell -n file`, or a skip message when the shell is not installed (CI should install it). */
function syntaxCheck(shell: string, file: string): string | null {
  const run = spawnSync(shell, ['-n', file], { encoding: 'utf8' });
  if (run.error) {
    if (requireAll()) throw new Error(`${shell} is missing (MSK_REQUIRE_ALL=1: required, not skipped)`);
    console.warn(
      `${shell} is not installed: skipping its syntax check (install it in CI: apt-get install -y zsh fish)`,
    );
    return null;
  }
  return run.status === 0 ? 'ok' : run.stderr;
}

const linesOf = (content: string) => content.split(/(?<=\n)/);

describe('removing found keys from their files', () => {
  it('replaces only the key’s line with a comment (a `:` command inside a block, which bash needs), keeps a 0600 backup, and the file still parses', async () => {
    const { services, put, importAll } = setup();
    const secret = fakeKey();
    const original = `# bashrc\nif [ -n "$PS1" ]; then\n    export DASHSCOPE_API_KEY="${secret}" # qwen\nfi\nalias ll='ls -l'`;
    const file = put('.bashrc', original);
    chmodSync(file, 0o640);
    const scan = await importAll();
    const [removed] = await removeFromFiles(services, scan, 'all', { now: NOW });
    const after = readFileSync(file, 'utf8');
    expect(removed).toEqual({
      file,
      target: file,
      action: 'edit',
      findingIds: [scan.findings[0]?.id],
      backup: `${file}.msk-backup-20261128T013000Z`,
    });
    const [before, now] = [linesOf(original), linesOf(after)];
    expect(now).toHaveLength(before.length);
    now.forEach((line, index) => {
      if (index !== 2) expect(Buffer.from(line)).toEqual(Buffer.from(before[index] ?? ''));
    });
    expect(now[2]).toBe(
      '    : # Model Studio key moved to the OS keychain by Model Studio Keys (label ‘bashrc’): use `msk exec -- <command>` or `eval "$(msk env)"`\n',
    );
    expect(after).not.toContain(secret);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readFileSync(removed?.backup ?? '', 'utf8')).toBe(original);
    expect(statSync(removed?.backup ?? '').mode & 0o777).toBe(0o600);
    const bash = syntaxCheck('bash', file);
    if (bash !== null) expect(bash).toBe('ok');
  });

  it('keeps CRLF line endings and a missing final newline, and writes fish and PowerShell comments', async () => {
    const { services, put, importAll } = setup();
    const [zsh, fish, powershell] = [fakeKey(), fakeKey('workspace'), fakeKey('plan')];
    const zshrc = put('.zshrc', `setopt autocd\r\nexport DASHSCOPE_API_KEY='${zsh}'\r\nbindkey -e`);
    const config = put(
      '.config/fish/config.fish',
      `set -gx PATH ~/bin $PATH\n# set -gx DASHSCOPE_API_KEY ${fish}\n`,
    );
    const profile = put(
      '.config/powershell/Microsoft.PowerShell_profile.ps1',
      `$env:DASHSCOPE_API_KEY = "${powershell}"\r\nSet-Alias ll Get-ChildItem\r\n`,
    );
    const scan = await importAll();
    await removeFromFiles(services, scan, 'all', { now: NOW });
    expect(readFileSync(zshrc, 'utf8')).toBe(
      'setopt autocd\r\n# Model Studio key moved to the OS keychain by Model Studio Keys (label ‘zshrc’): use `msk exec -- <command>` or `eval "$(msk env)"`\r\nbindkey -e',
    );
    expect(readFileSync(config, 'utf8')).toBe(
      'set -gx PATH ~/bin $PATH\n# Model Studio key moved to the OS keychain by Model Studio Keys (label ‘fish-config’): use `msk exec -- <command>` or `msk env --shell fish | source`\n',
    );
    expect(readFileSync(profile, 'utf8')).toBe(
      "# Model Studio key moved to the OS keychain by Model Studio Keys (label 'powershell-profile'): use `msk exec -- <command>` or `msk env --shell powershell | Invoke-Expression`\r\nSet-Alias ll Get-ChildItem\r\n",
    );
    for (const [shell, file] of [
      ['zsh', zshrc],
      ['fish', config],
    ] as const) {
      const result = syntaxCheck(shell, file);
      if (result !== null) expect(result).toBe('ok');
    }
  });

  it('edits a UTF-16 file (a PowerShell profile) in UTF-16, byte-order mark kept', async () => {
    const { services, put, importAll } = setup();
    const secret = fakeKey();
    const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const profile = put(
      '.config/powershell/Microsoft.PowerShell_profile.ps1',
      utf16(`Set-Alias ll Get-ChildItem\r\n$env:DASHSCOPE_API_KEY = "${secret}"\r\n`),
    );
    const scan = await importAll();
    expect(scan.findings.map((finding) => finding.line)).toEqual([2]);
    await removeFromFiles(services, scan, 'all', { now: NOW });
    expect(readFileSync(profile)).toEqual(
      utf16(
        "Set-Alias ll Get-ChildItem\r\n# Model Studio key moved to the OS keychain by Model Studio Keys (label 'powershell-profile'): use `msk exec -- <command>` or `msk env --shell powershell | Invoke-Expression`\r\n",
      ),
    );
  });

  it('refuses a file changed since the search, writing nothing', async () => {
    const { services, put, importAll } = setup();
    const secret = fakeKey();
    const file = put('.bashrc', `export DASHSCOPE_API_KEY=${secret}\n`);
    const scan = await importAll();
    writeFileSync(file, `export DASHSCOPE_API_KEY=${secret} # edited\n`);
    await expect(removeFromFiles(services, scan, 'all', { now: NOW })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/changed since it was searched/),
    });
    expect(readFileSync(file, 'utf8')).toBe(`export DASHSCOPE_API_KEY=${secret} # edited\n`);
    expect(readdirSync(path.dirname(file)).filter((name) => name.includes('msk-backup'))).toEqual([]);
  });

  it('refuses a key that is not stored yet', async () => {
    const { home, services, put } = setup();
    put('.bashrc', `export DASHSCOPE_API_KEY=${fakeKey()}\n`);
    const scan = await findKeys(services, { home });
    await expect(removeFromFiles(services, scan, 'all')).rejects.toMatchObject({
      message: expect.stringMatching(/not stored yet/),
    });
  });

  it('moves the DashScope SDK key file aside instead of rewriting it', async () => {
    const { services, put, importAll } = setup();
    const file = put('.dashscope/api_key', `${fakeKey()}\n`);
    const scan = await importAll();
    const [removed] = await removeFromFiles(services, scan, 'all', { now: NOW });
    expect(removed?.action).toBe('move');
    expect(existsSync(file)).toBe(false);
    expect(statSync(removed?.backup ?? '').mode & 0o777).toBe(0o600);
  });

  it('masks every secret in a preview: the key removed, and other keys and tokens on the lines around it', async () => {
    const { home, services, put } = setup();
    const [removed, other] = [fakeKey(), fakeKey()];
    const openai = `sk-proj-${'aB3'.repeat(16)}`;
    const github = `ghp_${'x9Yz'.repeat(9)}`;
    put(
      '.env',
      `OPENAI_API_KEY=${openai}\nGITHUB_TOKEN=${github}\nDASHSCOPE_API_KEY=${removed}\nDASHSCOPE_API_KEY_2=${other}\n`,
    );
    const scan = await findKeys(services, { home, platform: 'linux' });
    const chosen = scan.findings.find((finding) => finding.variable === 'DASHSCOPE_API_KEY');
    await importFindings(services, scan, [chosen!.id], { regionId: 'sg' });
    const [preview] = await previewRemoval(services, scan, [chosen!.id]);
    const text = JSON.stringify(preview);
    for (const secret of [removed, other, openai, github]) expect(text).not.toContain(secret.slice(6, 18));
    // Names stay readable: only values are masked.
    expect(preview?.hunks[0]?.before).toEqual([
      `OPENAI_API_KEY=sk-…${openai.slice(-4)}`,
      `GITHUB_TOKEN=ghp…${github.slice(-4)}`,
      `DASHSCOPE_API_KEY=sk-…${removed.slice(-4)}`,
      `DASHSCOPE_API_KEY_2=sk-…${other.slice(-4)}`,
      '',
    ]);
  });

  it('cuts JSON properties, keeping indentation, key order and the final newline, with a masked preview', async () => {
    const { services, put, importAll } = setup();
    const [token, env] = [fakeKey(), fakeKey()];
    const original = `{\n    "env": {\n        "ANTHROPIC_BASE_URL": "https://dashscope-intl.aliyuncs.com/apps/anthropic",\n        "ANTHROPIC_AUTH_TOKEN": "${token}",\n        "DASHSCOPE_API_KEY": "${env}"\n    },\n    "model": "opus"\n}\n`;
    const file = put('.claude/settings.json', original);
    const scan = await importAll();
    const [preview] = await previewRemoval(services, scan, 'all');
    expect(JSON.stringify(preview)).not.toContain(token);
    expect(preview?.hunks[0]?.before).toContain(`        "ANTHROPIC_AUTH_TOKEN": "sk-…${token.slice(-4)}",`);
    await removeFromFiles(services, scan, 'all', { now: NOW });
    expect(readFileSync(file, 'utf8')).toBe(
      `{\n    "env": {\n        "ANTHROPIC_BASE_URL": "https://dashscope-intl.aliyuncs.com/apps/anthropic"\n    },\n    "model": "opus"\n}\n`,
    );
  });

  it('will not edit a file reached through a symlink out of HOME unless asked', async () => {
    const { home, services, importAll } = setup();
    const target = path.join(path.dirname(home), 'shared-bashrc');
    writeFileSync(target, `export DASHSCOPE_API_KEY=${fakeKey()}\n`);
    const { symlinkSync } = await import('node:fs');
    symlinkSync(target, path.join(home, '.bashrc'));
    const scan = await importAll();
    await expect(removeFromFiles(services, scan, 'all')).rejects.toMatchObject({
      message: expect.stringMatching(/symlink/),
    });
    const [removed] = await removeFromFiles(services, scan, 'all', { allowOutsideHome: true, now: NOW });
    // The link stays a link: its target is edited and backed up beside it.
    expect(removed?.target).toBe(target);
    expect(readFileSync(path.join(home, '.bashrc'), 'utf8')).toMatch(/^# Model Studio key moved/);
  });

  it('will not remove an environment finding, and says where it comes from', async () => {
    const { home, services } = setup();
    const scan = await findKeys(services, { home, environment: { DASHSCOPE_API_KEY: fakeKey() } });
    await importFindings(services, scan, 'all', { regionId: 'sg' });
    await expect(removeFromFiles(services, scan, [scan.findings[0]?.id ?? ''])).rejects.toMatchObject({
      message: expect.stringMatching(/environment/),
    });
    expect(await removeFromFiles(services, scan, 'all')).toEqual([]);
  });
});
