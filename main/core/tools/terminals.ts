// Opening a terminal window that runs a command, on each OS, as data: one entry per terminal with
// the argv that opens a new window in a folder and runs a command there. The command is passed as
// separate arguments wherever the terminal allows it (Linux), so nothing is glued into a shell
// string. Where a shell must read it, it goes where no quoting is needed: macOS types a line of
// safe characters only (the command inside it base64), PowerShell and Windows Terminal get it as
// -EncodedCommand; only cmd quotes values, by cmd's rules, refusing what cmd cannot carry.
// Prior art: VS Code's externalTerminalService, Leapp's execute-service, xdg-terminal-exec.
import { MskError } from '../base/errors.js';
import { cmdQuote, type Destination, posixQuote, powershellQuote } from '../platform/shell-quoting.js';

export interface TerminalRequest {
  /** What runs in the window: program and arguments. */
  argv: readonly string[];
  cwd: string;
  title: string;
}

export interface TerminalCommand {
  command: string;
  args: string[];
  /** Windows: pass `args` to the program exactly as given (cmd's own quoting is already applied). */
  windowsVerbatimArguments?: boolean;
}

export interface Terminal {
  id: string;
  name: string;
  platform: NodeJS.Platform;
  /** The program that must be on PATH for it to count as installed (macOS apps are checked by path). */
  program: string;
  build(request: TerminalRequest): TerminalCommand;
}

/** Terminal.app types `item 1 of argv` into a new window's shell. */
const TERMINAL_APP_SCRIPT = [
  'on run argv',
  '  tell application "Terminal"',
  '    activate',
  '    do script (item 1 of argv)',
  '  end tell',
  'end run',
];

const ITERM_SCRIPT = [
  'on run argv',
  '  tell application "iTerm"',
  '    activate',
  '    set newWindow to (create window with default profile)',
  '    tell current session of newWindow to write text (item 1 of argv)',
  '  end tell',
  'end run',
];

/**
 * The line a macOS terminal types into the user's own shell — zsh, bash, fish or tcsh, each with
 * its own quoting — made of characters none of them treats specially inside single quotes: `sh`
 * decodes the real command (cd, then the argv, POSIX-quoted) from base64 and runs it.
 */
export function typedLine({ argv, cwd }: TerminalRequest): string {
  const command = `cd -- ${posixQuote(cwd)} && ${argv.map(posixQuote).join(' ')}`;
  const encoded = Buffer.from(command, 'utf8').toString('base64');
  return `/bin/sh -c 'eval "$(echo ${encoded} | /usr/bin/base64 -D)"'`;
}

/** osascript runs the script with the typed line as `argv`: no value is ever inside the script. */
const osascript = (script: readonly string[], request: TerminalRequest): TerminalCommand => ({
  command: 'osascript',
  args: [...script.flatMap((line) => ['-e', line]), typedLine(request)],
});

const linux = (
  id: string,
  name: string,
  build: (request: TerminalRequest) => string[],
  program = id,
): Terminal => ({
  id,
  name,
  platform: 'linux',
  program,
  build: (request) => {
    const [command, ...args] = build(request) as [string, ...string[]];
    return { command, args };
  },
});

export const TERMINALS: readonly Terminal[] = [
  linux('xdg-terminal-exec', 'Default terminal (xdg-terminal-exec)', ({ argv, cwd, title }) => [
    'xdg-terminal-exec',
    `--dir=${cwd}`,
    `--title=${title}`,
    '--',
    ...argv,
  ]),
  linux('x-terminal-emulator', 'Default terminal (x-terminal-emulator)', ({ argv }) => [
    'x-terminal-emulator',
    '-e',
    ...argv,
  ]),
  linux('ptyxis', 'Ptyxis', ({ argv, cwd }) => ['ptyxis', '--new-window', '-d', cwd, '--', ...argv]),
  linux('gnome-terminal', 'GNOME Terminal', ({ argv, cwd }) => [
    'gnome-terminal',
    '--window',
    `--working-directory=${cwd}`,
    '--',
    ...argv,
  ]),
  linux('kgx', 'GNOME Console', ({ argv, cwd }) => ['kgx', '--working-directory', cwd, '--', ...argv]),
  linux('konsole', 'Konsole', ({ argv, cwd }) => ['konsole', '--workdir', cwd, '-e', ...argv]),
  linux('xfce4-terminal', 'Xfce Terminal', ({ argv, cwd, title }) => [
    'xfce4-terminal',
    '--window',
    `--working-directory=${cwd}`,
    `--title=${title}`,
    // -x takes the rest of the line as the command and its arguments; -e would take one string.
    '-x',
    ...argv,
  ]),
  linux('kitty', 'kitty', ({ argv, cwd, title }) => ['kitty', '--directory', cwd, '--title', title, ...argv]),
  linux('alacritty', 'Alacritty', ({ argv, cwd, title }) => [
    'alacritty',
    '--working-directory',
    cwd,
    '--title',
    title,
    '-e',
    ...argv,
  ]),
  linux('wezterm', 'WezTerm', ({ argv, cwd }) => [
    'wezterm',
    'start',
    '--always-new-process',
    '--cwd',
    cwd,
    '--',
    ...argv,
  ]),
  linux('foot', 'foot', ({ argv, cwd, title }) => [
    'foot',
    `--working-directory=${cwd}`,
    `--title=${title}`,
    ...argv,
  ]),
  linux('xterm', 'xterm', ({ argv, title }) => ['xterm', '-T', title, '-e', ...argv]),
  {
    id: 'terminal-app',
    name: 'Terminal',
    platform: 'darwin',
    program: '/System/Applications/Utilities/Terminal.app',
    build: (request) => osascript(TERMINAL_APP_SCRIPT, request),
  },
  {
    id: 'iterm2',
    name: 'iTerm2',
    platform: 'darwin',
    program: '/Applications/iTerm.app',
    build: (request) => osascript(ITERM_SCRIPT, request),
  },
  {
    id: 'windows-terminal',
    name: 'Windows Terminal',
    platform: 'win32',
    program: 'wt.exe',
    // wt reads its own arguments again (its `;` separates subcommands even inside quotes: a literal
    // one is `\;`) and passes the rest on unquoted: the command goes as PowerShell's -EncodedCommand.
    build: (request) => ({
      command: 'wt.exe',
      args: [
        ...['-w', 'new', 'new-tab', '-d', request.cwd, '--title', request.title].map((arg) =>
          arg.replaceAll(';', '\\;'),
        ),
        ...powershellCommand(request, 'windows-terminal'),
      ],
    }),
  },
  {
    id: 'powershell',
    name: 'PowerShell',
    platform: 'win32',
    program: 'powershell.exe',
    build: (request) => {
      const [command, ...args] = powershellCommand(request, 'powershell') as [string, ...string[]];
      return { command, args };
    },
  },
  {
    id: 'cmd',
    name: 'Command Prompt',
    platform: 'win32',
    program: 'cmd.exe',
    // `start` opens the new window (its first quoted argument is the title, so one is always given).
    // Two cmds read the line: the one running `start`, then the new window's. Every value is quoted
    // for both; the `&&` is escaped (`^&^&`) for the first, so the second runs it. The second's line
    // starts with `cd`, not a quote, so /k's rule of stripping a leading and a trailing quote never
    // applies. /d: no AutoRun command of the registry runs first.
    build: ({ argv, cwd, title }) => {
      const to = (name: string): Destination => ({
        name,
        shell: 'cmd',
        terminal: 'cmd',
        alternative: 'powershell',
      });
      return {
        command: 'cmd.exe',
        args: [
          '/d',
          '/c',
          'start',
          `"${title.replace(/["%!^\p{Cc}]/gu, '')}"`,
          'cmd.exe',
          '/d',
          '/k',
          'cd',
          '/d',
          cmdQuote(cwd, to('the folder')),
          '^&^&',
          ...argv.map((arg) => cmdQuote(arg, to('an argument'))),
        ],
        windowsVerbatimArguments: true,
      };
    },
  },
];

/**
 * powershell.exe running the command in the folder, as -EncodedCommand (base64 of UTF-16LE): no
 * other program's quoting rules touch it. Windows PowerShell 5.1 then hands each argument on to the
 * program in double quotes without escaping what is inside, so an argument holding `"`, an empty one
 * or one with a space ending in `\` would reach it changed: refused.
 */
function powershellCommand({ argv, cwd }: TerminalRequest, terminal: string): string[] {
  for (const arg of argv) {
    if (arg === '' || arg.includes('"') || (/\s/.test(arg) && arg.endsWith('\\'))) {
      throw new MskError(
        'unquotable-value',
        'An argument is empty, holds a double quote, or has a space and ends in \\, which Windows PowerShell cannot pass on unchanged.',
        { name: 'an argument', shell: 'powershell', terminal, alternative: 'cmd' },
      );
    }
  }
  const script = `Set-Location -LiteralPath ${powershellQuote(cwd)}; & ${argv.map(powershellQuote).join(' ')}`;
  return ['powershell.exe', '-NoExit', '-EncodedCommand', Buffer.from(script, 'utf16le').toString('base64')];
}

export const terminalsFor = (platform: NodeJS.Platform): Terminal[] =>
  TERMINALS.filter((terminal) => terminal.platform === platform);

export function requireTerminal(id: string, platform: NodeJS.Platform): Terminal {
  const terminal = terminalsFor(platform).find((candidate) => candidate.id === id);
  if (!terminal) {
    throw new MskError(
      'invalid-input',
      `Unknown terminal '${id}' here. Known: ${terminalsFor(platform)
        .map((candidate) => candidate.id)
        .join(', ')}.`,
    );
  }
  return terminal;
}

/**
 * The terminal to use when the setting says `auto`: the desktop's default where one is declared,
 * else the desktop's own, else the first installed of the rest (Linux); Terminal (macOS);
 * Windows Terminal, then PowerShell, then cmd (Windows).
 */
export function detectTerminal(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  installed: (program: string) => boolean,
): Terminal {
  const candidates = terminalsFor(platform);
  const desktop = (env.XDG_CURRENT_DESKTOP ?? '').toUpperCase();
  const preferred =
    platform !== 'linux'
      ? candidates.map((terminal) => terminal.id)
      : [
          'xdg-terminal-exec',
          'x-terminal-emulator',
          ...(desktop.includes('GNOME') ? ['ptyxis', 'gnome-terminal', 'kgx'] : []),
          ...(desktop.includes('KDE') ? ['konsole'] : []),
          ...(desktop.includes('XFCE') ? ['xfce4-terminal'] : []),
          ...candidates.map((terminal) => terminal.id),
        ];
  for (const id of preferred) {
    const terminal = candidates.find((candidate) => candidate.id === id);
    if (terminal && installed(terminal.program)) return terminal;
  }
  // macOS always has Terminal and Windows cmd, wherever they are.
  const fallback = platform === 'darwin' ? 'terminal-app' : platform === 'win32' ? 'cmd' : undefined;
  const found = candidates.find((candidate) => candidate.id === fallback);
  if (found) return found;
  throw new MskError(
    'launch-failed',
    'No terminal was found: install one (xterm, GNOME Terminal, Konsole…) or choose one in the settings.',
  );
}
