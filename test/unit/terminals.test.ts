import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectTerminal, requireTerminal, TERMINALS, typedLine } from '../../main/core/tools/terminals.js';
import { readVerbatimString, readVerbatimStrings } from '../fixtures/powershell-strings.js';
import { onPath } from '../fixtures/system.js';

/** Arguments that end a string or start a command in some shell, typographic quotes included. */
const HOSTILE_ARGS = [
  'qwen-max&calc',
  "it's",
  'q’; calc.exe; ’',
  '‘‚‛',
  '$(touch /tmp/pwned) `id` ${HOME} $env:PATH',
  '"; calc; "',
  '| calc ; calc ^ < > ( ) !! !x %PATH%',
  'a\\b\\',
  'two\nlines',
  '\u202Egnp.exe',
];

// Hostile on purpose: quotes of every kind, $, backticks, ;, &, a newline-free AppleScript breaker.
const hostile = `it's "quoted" $(id) \`id\` ; & | ^ \\ end`;
const request = {
  argv: ['msk', 'exec', '--', 'tool', hostile],
  cwd: '/home/ann/My "Projects"; rm -rf ~',
  title: `Qwen Code — ${hostile}`,
};

describe('terminal argv, one entry per terminal', () => {
  it.each([
    [
      'xdg-terminal-exec',
      ['xdg-terminal-exec', `--dir=${request.cwd}`, `--title=${request.title}`, '--', ...request.argv],
    ],
    ['x-terminal-emulator', ['x-terminal-emulator', '-e', ...request.argv]],
    ['ptyxis', ['ptyxis', '--new-window', '-d', request.cwd, '--', ...request.argv]],
    [
      'gnome-terminal',
      ['gnome-terminal', '--window', `--working-directory=${request.cwd}`, '--', ...request.argv],
    ],
    ['kgx', ['kgx', '--working-directory', request.cwd, '--', ...request.argv]],
    ['konsole', ['konsole', '--workdir', request.cwd, '-e', ...request.argv]],
    [
      'xfce4-terminal',
      [
        'xfce4-terminal',
        '--window',
        `--working-directory=${request.cwd}`,
        `--title=${request.title}`,
        '-x',
        ...request.argv,
      ],
    ],
    ['kitty', ['kitty', '--directory', request.cwd, '--title', request.title, ...request.argv]],
    [
      'alacritty',
      ['alacritty', '--working-directory', request.cwd, '--title', request.title, '-e', ...request.argv],
    ],
    ['wezterm', ['wezterm', 'start', '--always-new-process', '--cwd', request.cwd, '--', ...request.argv]],
    ['foot', ['foot', `--working-directory=${request.cwd}`, `--title=${request.title}`, ...request.argv]],
    ['xterm', ['xterm', '-T', request.title, '-e', ...request.argv]],
  ])('%s (Linux) gets the command as separate arguments, never one string', (id, argv) => {
    const { command, args } = requireTerminal(id, 'linux').build(request);
    expect([command, ...args]).toEqual(argv);
  });

  it.each(['terminal-app', 'iterm2'])(
    '%s (macOS) types one line of characters no shell treats specially, given as osascript’s argv',
    (id) => {
      const { command, args } = requireTerminal(id, 'darwin').build(request);
      expect(command).toBe('osascript');
      const script = args.filter((_, index) => args[index - 1] === '-e');
      expect(args.slice(script.length * 2)).toEqual([typedLine(request)]);
      // No value of ours is inside the AppleScript source, nor in the line typed (it is base64).
      expect(script.join('\n')).not.toContain('rm -rf');
      expect(typedLine(request)).not.toContain('rm -rf');
      expect(typedLine(request)).toMatch(
        /^\/bin\/sh -c 'eval "\$\(echo [A-Za-z0-9+/=]+ \| \/usr\/bin\/base64 -D\)"'$/,
      );
    },
  );

  // The user's login shell reads the typed line: each real one must run exactly our argv in our folder.
  it.each(['sh', 'bash', 'zsh', 'fish', 'tcsh'].filter(onPath))(
    'the macOS typed line runs exactly the argv, in the folder, when %s reads it',
    (shell) => {
      const folder = mkdtempSync(path.join(os.tmpdir(), `it's "$(id)" ‘x’ ! `));
      const argv = [
        process.execPath,
        '-e',
        'console.log(JSON.stringify([process.cwd(), ...process.argv.slice(1)]))',
        ...HOSTILE_ARGS,
      ];
      // GNU's base64 decodes with -d where macOS's takes -D.
      const line = typedLine({ argv, cwd: folder, title: 't' }).replace('/usr/bin/base64 -D', 'base64 -d');
      const result = spawnSync(shell, shell === 'tcsh' ? ['-fc', line] : ['-c', line], { encoding: 'utf8' });
      rmSync(folder, { recursive: true, force: true });
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout)).toEqual([folder, ...HOSTILE_ARGS]);
    },
  );

  it.each(['windows-terminal', 'powershell'])(
    '%s gets the command as PowerShell’s -EncodedCommand, every value a verbatim string',
    (id) => {
      const argv = [
        'C:\\Program Files\\nodejs\\node.exe',
        'exec',
        '--model',
        'q’; calc.exe; ’',
        ...HOSTILE_ARGS.filter((arg) => !arg.includes('"')),
      ];
      const cwd = "C:\\Users\\Ann\\it's ‘x’; y";
      const { command, args } = requireTerminal(id, 'win32').build({ argv, cwd, title: 'T;itle' });
      const [encoded, flag, noExit, program] = [command, ...args].reverse();
      expect([program, noExit, flag]).toEqual(['powershell.exe', '-NoExit', '-EncodedCommand']);
      expect(encoded).toMatch(/^[A-Za-z0-9+/=]+$/);
      if (id === 'windows-terminal') {
        expect(command).toBe('wt.exe');
        // wt's own arguments: its subcommand separator escaped; nothing of the command among them.
        expect(args.slice(0, -4)).toEqual([
          '-w',
          'new',
          'new-tab',
          '-d',
          "C:\\Users\\Ann\\it's ‘x’\\; y",
          '--title',
          'T\\;itle',
        ]);
      } else {
        expect(command).toBe('powershell.exe');
        expect(args).toHaveLength(3);
      }
      const script = Buffer.from(encoded as string, 'base64').toString('utf16le');
      const [location, call] = script.split('; & ') as [string, string];
      expect(readVerbatimString(location.slice('Set-Location -LiteralPath '.length))).toEqual({
        value: cwd,
        rest: '',
      });
      expect(readVerbatimStrings(call)).toEqual(argv);
    },
  );

  it('refuses what Windows PowerShell would pass on changed: a double quote, an empty argument, a space before a final \\', () => {
    for (const id of ['windows-terminal', 'powershell']) {
      for (const arg of ['say "hi"', '', 'C:\\My Dir\\']) {
        expect(() =>
          requireTerminal(id, 'win32').build({ argv: ['node', arg], cwd: 'C:\\', title: 't' }),
        ).toThrow(
          expect.objectContaining({
            code: 'unquotable-value',
            params: expect.objectContaining({ terminal: id, alternative: 'cmd' }),
          }),
        );
      }
    }
  });

  it('quotes every value for both cmds a Command Prompt window goes through, refusing what cmd cannot carry', () => {
    const cmd = requireTerminal('cmd', 'win32').build({
      argv: ['C:\\Program Files\\nodejs\\node.exe', 'exec', '--model', 'a&b|c<d>(e)^f ‘g’', 'x'],
      cwd: 'C:\\My Work & Play',
      title: 'Qwen Code — "100%" ! ^',
    });
    expect(cmd).toEqual({
      command: 'cmd.exe',
      args: [
        '/d',
        '/c',
        'start',
        '"Qwen Code — 100  "',
        'cmd.exe',
        '/d',
        '/k',
        'cd',
        '/d',
        '"C:\\My Work & Play"',
        '^&^&',
        '"C:\\Program Files\\nodejs\\node.exe"',
        '"exec"',
        '"--model"',
        '"a&b|c<d>(e)^f ‘g’"',
        '"x"',
      ],
      windowsVerbatimArguments: true,
    });
    // Outside the quotes there is nothing but words and the escaped &&: both cmds see the same tokens.
    const line = cmd.args.join(' ');
    expect(line.replace(/"[^"]*"/g, '')).toMatch(/^[/a-z. ^&]*$/);
    for (const value of ['100%', '%PATH%', 'a!b', 'say "hi"', 'a\nb']) {
      for (const at of ['argv', 'cwd'] as const) {
        const request = {
          argv: ['node', at === 'argv' ? value : 'x'],
          cwd: at === 'cwd' ? value : 'C:\\',
          title: 't',
        };
        expect(() => requireTerminal('cmd', 'win32').build(request)).toThrow(
          expect.objectContaining({
            code: 'unquotable-value',
            params: expect.objectContaining({ terminal: 'cmd', alternative: 'powershell' }),
          }),
        );
      }
    }
  });

  it('has one entry per id and platform', () => {
    const ids = TERMINALS.map((terminal) => `${terminal.platform}/${terminal.id}`);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('detectTerminal', () => {
  const installed =
    (...programs: string[]) =>
    (program: string) =>
      programs.includes(program);

  it('prefers the desktop’s declared default, then the desktop’s own terminal, then any other', () => {
    expect(detectTerminal('linux', {}, installed('xterm', 'xdg-terminal-exec')).id).toBe('xdg-terminal-exec');
    expect(
      detectTerminal(
        'linux',
        { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' },
        installed('xterm', 'kitty', 'gnome-terminal'),
      ).id,
    ).toBe('gnome-terminal');
    expect(detectTerminal('linux', { XDG_CURRENT_DESKTOP: 'KDE' }, installed('xterm', 'konsole')).id).toBe(
      'konsole',
    );
    expect(detectTerminal('linux', {}, installed('xterm', 'kitty')).id).toBe('kitty');
    expect(() => detectTerminal('linux', {}, installed())).toThrow(/No terminal was found/);
  });

  it('uses Terminal on macOS, and Windows Terminal, PowerShell, then cmd on Windows', () => {
    expect(detectTerminal('darwin', {}, installed()).id).toBe('terminal-app');
    expect(
      detectTerminal(
        'darwin',
        {},
        installed('/Applications/iTerm.app', '/System/Applications/Utilities/Terminal.app'),
      ).id,
    ).toBe('terminal-app');
    expect(detectTerminal('win32', {}, installed('wt.exe', 'powershell.exe')).id).toBe('windows-terminal');
    expect(detectTerminal('win32', {}, installed('powershell.exe')).id).toBe('powershell');
    expect(detectTerminal('win32', {}, installed()).id).toBe('cmd');
  });

  it('names the terminals of this platform when one is unknown', () => {
    expect(() => requireTerminal('iterm2', 'linux')).toThrow(
      /Unknown terminal 'iterm2' here\. Known: xdg-terminal-exec/,
    );
  });
});
