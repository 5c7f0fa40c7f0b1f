// Shell completion in the real shells: each sources what `msk completion <shell>` prints and is
// asked what follows `msk co`, `msk copy --key ` and `msk region `, the built msk on its PATH
// answering from a data directory that holds two keys added through msk itself.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGIONS } from '../../main/core/model-studio/catalog.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { keychainPart } from '../fixtures/keychain.js';
import { MSK, type MskHome, mskHome } from '../fixtures/msk.js';
import { onPath, systemPart } from '../fixtures/system.js';
import { removeTree } from '../fixtures/temp-directory.js';

const keychain = keychainPart();
const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

/** Asks `shell` what completes `line` (the words after `msk`; the last one the word typed so far). */
const HARNESS: Record<Shell, (script: string, words: readonly string[]) => string[]> = {
  // As bash-completion calls the function: the words, the index of the current one, the line.
  bash: (script, words) => [
    'bash',
    '--norc',
    '--noprofile',
    '-c',
    'source "$1"; shift; COMP_WORDS=(msk "$@"); COMP_CWORD=$#; COMP_LINE="msk $*"; COMP_POINT=${#COMP_LINE}; _msk_completion; printf "%s\\n" "${COMPREPLY[@]}"',
    'bash',
    script,
    ...words,
  ],
  // compadd captured: the values the function offers, as zsh's completion system would be given them.
  zsh: (script, words) => [
    'zsh',
    '-f',
    '-c',
    'source "$1"; shift; compadd() { while (( $# )); do if [[ $1 == -- ]]; then shift; break; fi; [[ $1 == -d ]] && shift; shift; done; print -rl -- "$@"; }; words=(msk "$@"); CURRENT=${#words}; _msk_completion',
    'zsh',
    script,
    ...words,
  ],
  // fish's own completion of a command line.
  fish: (script, words) => [
    'fish',
    '--no-config',
    '-c',
    'source $argv[1]; complete -C "msk $argv[2]"',
    script,
    words.join(' '),
  ],
};

describe.runIf(keychain)('shell completion in the real shells', () => {
  let home: MskHome;
  let bin: string;
  const scripts = {} as Record<Shell, string>;

  beforeAll(async () => {
    home = mskHome();
    for (const label of ['personal', 'work']) {
      const added = await home.run(['add', '-l', label, '-r', 'sg', '-p', 'payg'], { input: fakeKey() });
      expect(added.code, added.stderr).toBe(0);
    }
    bin = mkdtempSync(path.join(os.tmpdir(), 'msk-completion-'));
    writeFileSync(
      path.join(bin, 'msk'),
      `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(MSK)} "$@"\n`,
      {
        mode: 0o755,
      },
    );
    for (const shell of SHELLS) {
      const printed = await home.run(['completion', shell]);
      expect(printed.code, printed.stderr).toBe(0);
      scripts[shell] = path.join(bin, `msk.${shell}`);
      writeFileSync(scripts[shell], printed.stdout);
    }
  });
  afterAll(() => {
    home?.remove();
    if (bin) removeTree(bin);
  });

  function complete(shell: Shell, words: readonly string[]): string[] {
    const [command = '', ...args] = HARNESS[shell](scripts[shell], words);
    const run = spawnSync(command, args, {
      encoding: 'utf8',
      env: { ...process.env, ...home.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` },
    });
    expect(run.status, `${shell}: ${run.stderr}`).toBe(0);
    // fish gives `value<TAB>description`; the others the values.
    return run.stdout
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.split('\t')[0] ?? '')
      .sort();
  }

  const REGION_WORDS = REGIONS.flatMap((region) => [region.id, ...region.aliases]).sort();

  describe.each(SHELLS.filter((shell) => systemPart(shell, onPath(shell), `install ${shell}`)))(
    '%s',
    (shell) => {
      it('msk co<TAB>: the commands that start with co', () => {
        expect(complete(shell, ['co'])).toEqual(['completion', 'config', 'copy']);
      });

      it('msk copy --key <TAB>: the labels of the stored keys', () => {
        expect(complete(shell, ['copy', '--key', ''])).toEqual(['personal', 'work']);
        expect(complete(shell, ['copy', '--key', 'w'])).toEqual(['work']);
      });

      it('msk region <TAB>: the regions and their aliases', () => {
        expect(complete(shell, ['region', ''])).toEqual(REGION_WORDS);
      });
    },
  );

  it('msk __complete prints a line a candidate, its description after a tab, `--key=` kept in front', async () => {
    const asked = await home.run(['__complete', 'copy', '--key', '']);
    expect(asked.stdout).toBe('personal\tSingapore\nwork\tSingapore\n');
    const joined = await home.run(['__complete', 'copy', '--key=w']);
    expect(joined.stdout).toBe('--key=work\tSingapore\n');
    const none = await home.run(['__complete', 'copy', '--key', 'x']);
    expect([none.code, none.stdout, none.stderr]).toEqual([0, '', '']);
  });

  it('zsh: the printed script is an autoloadable _msk in a folder of $fpath, registered by compinit', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'msk-fpath-'));
    try {
      writeFileSync(path.join(folder, '_msk'), readFileSync(scripts.zsh, 'utf8'));
      const run = spawnSync(
        'zsh',
        [
          '-f',
          '-c',
          'fpath=("$1" $fpath); autoload -Uz compinit; compinit -u -D; print -r -- ${_comps[msk]}',
          'zsh',
          folder,
        ],
        { encoding: 'utf8', env: { ...process.env, HOME: folder } },
      );
      expect(run.stdout.trim(), run.stderr).toBe('_msk');
    } finally {
      removeTree(folder);
    }
  });
});
