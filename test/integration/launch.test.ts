// `msk launch` opens a real terminal (xterm, on a private Xvfb display) that runs the tool under
// `msk exec`: the command inside sees the preset's variables, and no process in the chain —
// terminal, wrapper shell, msk, the tool — has the key on its command line or the terminal in
// its environment.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeKey } from '../fixtures/fake-keys.js';
import { type PrivateDisplay, startPrivateDisplay } from '../fixtures/electron-stand-in/private-display.js';
import { keychainPart } from '../fixtures/keychain.js';
import { type MskHome, mskHome } from '../fixtures/msk.js';
import { onPath, systemPart } from '../fixtures/system.js';

const parts =
  keychainPart() &&
  systemPart('xterm and Xvfb', onPath('xterm') && onPath('Xvfb'), 'apt-get install xterm xvfb');

/** Every process whose command line holds `text` (pid and the line), from /proc. */
function commandLinesHolding(text: string): string[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const line = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
        return line.includes(text) ? [`${pid}: ${line}`] : [];
      } catch {
        return [];
      }
    });
}

/** The environment of each running process whose command line starts with `program`. */
function environmentsOf(program: string): string[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const line = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        return path.basename(line[0] ?? '') === program ? [readFileSync(`/proc/${pid}/environ`, 'utf8')] : [];
      } catch {
        return [];
      }
    });
}

describe.runIf(parts)('msk launch in a real terminal', () => {
  let x: PrivateDisplay;
  let home: MskHome;
  beforeAll(async () => {
    x = await startPrivateDisplay();
  });
  afterAll(() => x?.stop());
  afterEach(() => home?.remove());

  it('runs the command in xterm with the preset’s variables, the key on no command line', async () => {
    home = mskHome({ DISPLAY: x.display });
    const secret = fakeKey('workspace');
    expect((await home.run(['add', '-l', 'personal', '-r', 'sg'], { input: secret })).code).toBe(0);
    const out = path.join(home.directory, 'inside.env');
    const where = path.join(home.directory, 'inside.pwd');
    const script = `pwd > '${where}'; env > '${out}.part' && mv '${out}.part' '${out}'; sleep 4`;
    const launched = await home.run([
      'launch',
      'terminal',
      '--terminal',
      'xterm',
      '--cwd',
      home.directory,
      '--',
      'sh',
      '-c',
      script,
    ]);
    expect(launched).toMatchObject({ code: 0, stdout: '' });
    expect(launched.stderr).toBe("Started Terminal with 'personal' in xterm.\n");

    await expect.poll(() => existsSync(out), { timeout: 15_000, interval: 100 }).toBe(true);
    // While it runs: the key is on no command line, and not in the terminal's own environment.
    expect(commandLinesHolding(secret)).toEqual([]);
    const xterms = environmentsOf('xterm');
    expect(xterms.length).toBeGreaterThan(0);
    for (const environment of xterms) expect(environment).not.toContain(secret);

    const inside = Object.fromEntries(
      readFileSync(out, 'utf8')
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(inside).toMatchObject({
      DASHSCOPE_API_KEY: secret,
      DASHSCOPE_HTTP_BASE_URL: 'https://dashscope-intl.aliyuncs.com/api/v1',
      OPENAI_API_KEY: secret,
      OPENAI_BASE_URL: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
      MSK_HOME: home.directory,
    });
    expect(readFileSync(where, 'utf8').trim()).toBe(home.directory);
    // The last use is recorded while the tool runs (and must have landed before the home goes).
    const journal = path.join(home.directory, 'config.json.uses');
    await expect.poll(() => existsSync(journal) && readFileSync(journal, 'utf8')).toMatch(/ \d{4}-/);
  }, 30_000);
});
