// Shell completion's parts: the commands' tree is what commander declares today, the words are
// read as commander reads them, each shell's script hands its words to the helper, and the app's
// install writes the completions only where they are ours to write and removes only those.
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMAND_TREE_FILE, commandTree, currentCommandTree } from '../../build/completion-tree.js';
import { COMMAND_TREE } from '../../main/cli/completion/command-tree.js';
import { type CompletionCommand, completeWords } from '../../main/cli/completion/complete-words.js';
import { QUICK_COMMAND_NAMES } from '../../main/cli/quick-command-names.js';
import { quickCommand } from '../../main/cli/quick-commands.js';
import {
  COMPLETION_HELPER,
  COMPLETIONS_MARK,
  completionPlaces,
  installCompletions,
  uninstallCompletions,
} from '../../main/core/desktop/completion-install.js';
import { COMPLETION_SHELLS, completionScript } from '../../main/core/platform/completion-scripts.js';
import { removeTree } from '../fixtures/temp-directory.js';

const values = (words: string[]): unknown => {
  const completion = completeWords(COMMAND_TREE, words);
  return 'candidates' in completion ? completion.candidates.map((candidate) => candidate.value) : completion;
};

describe('the commands’ tree', () => {
  it('is what npm run docs:cli writes from the commands today', async () => {
    expect(readFileSync(COMMAND_TREE_FILE, 'utf8'), 'run npm run docs:cli').toBe(await currentCommandTree());
  });

  it('holds every part of every command, each top-level one parsed once looked into', () => {
    const declared = commandTree();
    COMMAND_TREE.commands.forEach((lazy, index) => {
      const command = declared.commands[index] as CompletionCommand;
      for (const part of Object.keys(command) as (keyof CompletionCommand)[])
        expect(lazy[part], `${command.name}: ${part}`).toEqual(command[part]);
    });
    expect(JSON.parse(JSON.stringify(COMMAND_TREE))).toEqual(declared);
  });

  it('the helper is a quick command by the name the scripts run', () => {
    expect(QUICK_COMMAND_NAMES.complete).toEqual([COMPLETION_HELPER]);
    // Every word after it is the shell's: options included, never left to commander.
    for (const words of [[], ['copy', '--key', ''], ['--help'], ['exec', '--', '-x']])
      expect(quickCommand([COMPLETION_HELPER, ...words]), words.join(' ')).toBeTypeOf('function');
  });
});

describe('completeWords', () => {
  it('commands, subcommands, options by prefix', () => {
    expect(values(['co'])).toEqual(['copy', 'config', 'completion']);
    expect(values(['gateway', 'token', ''])).toEqual(['add', 'list', 'revoke', 'help']);
    expect(values(['ls', '--'])).toEqual(['--json', '--help']);
    expect(values(['-'])).toEqual(['--version', '--help']);
    // commander's own `help` command has no options, --help included.
    expect(values(['help', '-'])).toEqual([]);
    expect(values(['gateway', 'token', 'help', '--'])).toEqual([]);
    expect(values(['completion', ''])).toEqual([...COMPLETION_SHELLS]);
  });

  it('a value’s kind after its option, in every form, and after options that take none', () => {
    const key = { kind: 'key', prefix: 'w', before: '' };
    expect(values(['copy', '--key', 'w'])).toMatchObject(key);
    expect(values(['copy', '-k', 'w'])).toMatchObject(key);
    expect(values(['copy', '--print', 'w'])).toMatchObject(key);
    expect(values(['copy', '--key=w'])).toMatchObject({ kind: 'key', prefix: 'w', before: '--key=' });
    expect(values(['env', '-s', ''])).toMatchObject({ kind: 'shell' });
    expect(values(['region', ''])).toMatchObject({ kind: 'region' });
    expect(values(['move', 'k', ''])).toMatchObject({ kind: 'region' });
    expect(values(['config', 'set', 'theme', ''])).toMatchObject({ kind: 'setting-value' });
    expect(values(['help', 'co'])).toMatchObject({ kind: 'command', prefix: 'co' });
    expect(values(['account', 'spend', '--by', ''])).toEqual(['model']);
  });

  it('free text and what follows exec’s command: nothing', () => {
    expect(values(['add', '--label', ''])).toEqual([]);
    expect(values(['exec', 'qwen', ''])).toEqual([]);
    expect(values(['exec', '--', 'ls', '--'])).toEqual([]);
  });
});

describe('the scripts', () => {
  const options = { command: 'msk', helper: COMPLETION_HELPER };

  it('each runs the helper with the words before the cursor, and registers for msk', () => {
    const bash = completionScript('bash', options);
    expect(bash).toContain('command msk __complete "${COMP_WORDS[@]:1:COMP_CWORD}"');
    expect(bash).toMatch(/^complete -F _msk_completion msk$/m);
    const zsh = completionScript('zsh', options);
    expect(zsh.split('\n')[0]).toBe('#compdef msk');
    expect(zsh).toContain('command msk __complete "${(@Q)words[2,CURRENT]}"');
    const fish = completionScript('fish', options);
    expect(fish).toContain('command msk __complete $words[2..-1]');
    expect(fish).toMatch(/^complete -c msk -f -a '\(_msk_completion\)'$/m);
  });

  it('PowerShell: a native argument completer over the helper’s value<TAB>description lines', () => {
    const script = completionScript('powershell', options);
    expect(script).toMatch(
      /^Register-ArgumentCompleter -Native -CommandName msk, msk\.cmd -ScriptBlock \{$/m,
    );
    expect(script).toContain('param($wordToComplete, $commandAst, $cursorPosition)');
    expect(script).toContain('& msk __complete @words 2>$null');
    expect(script).toContain('$_ -split "`t", 2');
    expect(script).toContain('[System.Management.Automation.CompletionResult]::new(');
    // Balanced braces and parentheses: the block closes.
    for (const [open, close] of [
      ['{', '}'],
      ['(', ')'],
    ] as const)
      expect(script.split(open).length, open).toBe(script.split(close).length);
    expect(script.trimEnd().endsWith('}')).toBe(true);
  });

  it('a mark goes on the second line (zsh keeps #compdef first); a printed script has none', () => {
    for (const shell of COMPLETION_SHELLS) {
      expect(completionScript(shell, { ...options, mark: 'MARK' }).split('\n')[1], shell).toBe('# MARK');
      expect(completionScript(shell, options), shell).not.toContain(COMPLETIONS_MARK);
    }
  });
});

describe('installing the completions with the launcher', () => {
  let home = '';
  afterEach(() => removeTree(home));
  const newHome = () => (home = mkdtempSync(path.join(os.tmpdir(), 'msk-completions-')));

  it('bash-completion’s and fish’s per-user folders, by XDG (absolute only); none on Windows', () => {
    const env = { XDG_DATA_HOME: '/d', XDG_CONFIG_HOME: 'relative' };
    expect(completionPlaces('linux', env, '/h').map((place) => place.file)).toEqual([
      '/d/bash-completion/completions/msk',
      '/h/.config/fish/completions/msk.fish',
    ]);
    expect(completionPlaces('win32', {}, 'C:\\h')).toEqual([]);
  });

  it('writes ours, fish only where fish has a config folder; uninstall removes exactly those', async () => {
    newHome();
    const env = { XDG_DATA_HOME: path.join(home, 'data'), XDG_CONFIG_HOME: path.join(home, 'config') };
    const [bash, fish] = completionPlaces('linux', env, home).map((place) => place.file) as [string, string];
    expect(await installCompletions('linux', env, home)).toEqual([bash]);
    expect(existsSync(fish)).toBe(false);
    mkdirSync(path.join(home, 'config', 'fish'), { recursive: true });
    expect(await installCompletions('linux', env, home)).toEqual([bash, fish]);
    expect(readFileSync(fish, 'utf8')).toContain(`# ${COMPLETIONS_MARK}\n`);
    expect(lstatSync(bash).mode & 0o777).toBe(0o644);
    expect(await uninstallCompletions('linux', env, home)).toEqual([bash, fish]);
    expect([existsSync(bash), existsSync(fish)]).toEqual([false, false]);
  });

  it('leaves a user’s own file and a link at the target alone, on install and uninstall', async () => {
    newHome();
    const env = { XDG_DATA_HOME: path.join(home, 'data'), XDG_CONFIG_HOME: path.join(home, 'config') };
    const [bash, fish] = completionPlaces('linux', env, home).map((place) => place.file) as [string, string];
    mkdirSync(path.dirname(bash), { recursive: true });
    mkdirSync(path.dirname(fish), { recursive: true });
    writeFileSync(bash, '# my own msk completion\n');
    const target = path.join(home, 'elsewhere');
    writeFileSync(target, `#!/bin/sh\n# ${COMPLETIONS_MARK}\n`);
    symlinkSync(target, fish);
    expect(await installCompletions('linux', env, home)).toEqual([]);
    expect(await uninstallCompletions('linux', env, home)).toEqual([]);
    expect(readFileSync(bash, 'utf8')).toBe('# my own msk completion\n');
    expect(lstatSync(fish).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(`#!/bin/sh\n# ${COMPLETIONS_MARK}\n`);
  });
});
