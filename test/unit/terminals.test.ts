import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  cmdQuote,
  detectTerminal,
  powershellQuote,
  requireTerminal,
  TERMINALS,
} from '../../main/core/terminals.js';
import { onPath } from '../fixtures/system.js';

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
    '%s (macOS) gets folder and command as osascript’s argv, outside the script',
    (id) => {
      const { command, args } = requireTerminal(id, 'darwin').build(request);
      expect(command).toBe('osascript');
      const script = args.filter((_, index) => args[index - 1] === '-e');
      expect(args.slice(script.length * 2)).toEqual([request.cwd, ...request.argv]);
      // No value of ours is inside the AppleScript source: it only says `quoted form of item i of argv`.
      expect(script.join('\n')).not.toContain('rm -rf');
      expect(script.join('\n')).toMatch(/quoted form of item i of argv/);
    },
  );

  it('runs the same AppleScript quoting rules a shell would read back', () => {
    // `quoted form of` is POSIX single quoting; check our expectation of it with a real sh.
    const quoted = `'${hostile.replaceAll("'", `'\\''`)}'`;
    if (onPath('sh'))
      expect(spawnSync('sh', ['-c', `printf %s ${quoted}`], { encoding: 'utf8' }).stdout).toBe(hostile);
  });

  it('escapes Windows Terminal’s subcommand separator in every argument', () => {
    const { command, args } = requireTerminal('windows-terminal', 'win32').build({
      argv: ['node', 'C:\\msk\\msk.js', 'exec', '--', 'tool', 'a;b'],
      cwd: 'C:\\Users\\Ann\\x;y',
      title: 'T;itle',
    });
    expect(command).toBe('wt.exe');
    expect(args).toEqual([
      '-w',
      'new',
      'new-tab',
      '-d',
      'C:\\Users\\Ann\\x\\;y',
      '--title',
      'T\\;itle',
      'cmd.exe',
      '/k',
      'node',
      'C:\\msk\\msk.js',
      'exec',
      '--',
      'tool',
      'a\\;b',
    ]);
  });

  it('quotes for PowerShell by doubling single quotes, and for cmd by double quotes — refusing what cmd cannot carry', () => {
    const { args } = requireTerminal('powershell', 'win32').build({
      argv: ['node', "it's.js"],
      cwd: "C:\\Ann's",
      title: 't',
    });
    expect(args).toEqual([
      '-NoExit',
      '-Command',
      "Set-Location -LiteralPath 'C:\\Ann''s'; & 'node' 'it''s.js'",
    ]);
    expect(powershellQuote(hostile)).toBe(`'${hostile.replaceAll("'", "''")}'`);
    const cmd = requireTerminal('cmd', 'win32').build({
      argv: ['node', 'C:\\Program Files\\msk.js', 'a&b'],
      cwd: 'C:\\My Work',
      title: 'Qwen Code',
    });
    expect(cmd).toEqual({
      command: 'cmd.exe',
      args: [
        '/c',
        'start',
        '"Qwen Code"',
        '/D',
        '"C:\\My Work"',
        'cmd.exe',
        '/k',
        'node',
        '"C:\\Program Files\\msk.js"',
        '"a&b"',
      ],
      windowsVerbatimArguments: true,
    });
    expect(cmdQuote('plain')).toBe('plain');
    expect(() => cmdQuote('100%')).toThrow(/cmd cannot pass/);
    expect(() => cmdQuote('say "hi"')).toThrow(/cmd cannot pass/);
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
