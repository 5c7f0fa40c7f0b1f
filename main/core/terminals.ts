// Opening a terminal window that runs a command, on each OS, as data: one entry per terminal with
// the argv that opens a new window in a folder and runs a command there. The command is passed as
// separate arguments wherever the terminal allows it, so nothing is glued into a shell string;
// where a string is unavoidable (cmd, PowerShell, wt's `;`), it is quoted for that terminal here.
// Prior art: VS Code's externalTerminalService, Leapp's execute-service, xdg-terminal-exec.
import { MskError } from './errors.js';

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

const TERMINAL_APP_SCRIPT = [
  'on run argv',
  '  set command to "cd " & quoted form of item 1 of argv & " &&"',
  '  repeat with i from 2 to count of argv',
  '    set command to command & " " & quoted form of item i of argv',
  '  end repeat',
  '  tell application "Terminal"',
  '    activate',
  '    do script command',
  '  end tell',
  'end run',
];

const ITERM_SCRIPT = [
  'on run argv',
  '  set command to "cd " & quoted form of item 1 of argv & " &&"',
  '  repeat with i from 2 to count of argv',
  '    set command to command & " " & quoted form of item i of argv',
  '  end repeat',
  '  tell application "iTerm"',
  '    activate',
  '    set newWindow to (create window with default profile)',
  '    tell current session of newWindow to write text command',
  '  end tell',
  'end run',
];

/** osascript runs the script with the folder and the command as `argv`: no value is ever inside the script. */
const osascript = (script: readonly string[], { argv, cwd }: TerminalRequest): TerminalCommand => ({
  command: 'osascript',
  args: [...script.flatMap((line) => ['-e', line]), cwd, ...argv],
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
    // `;` separates wt's own subcommands even inside quotes: a literal one is written `\;`.
    build: ({ argv, cwd, title }) => ({
      command: 'wt.exe',
      args: ['-w', 'new', 'new-tab', '-d', cwd, '--title', title, 'cmd.exe', '/k', ...argv].map((arg) =>
        arg.replaceAll(';', '\\;'),
      ),
    }),
  },
  {
    id: 'powershell',
    name: 'PowerShell',
    platform: 'win32',
    program: 'powershell.exe',
    build: ({ argv, cwd }) => ({
      command: 'powershell.exe',
      args: [
        '-NoExit',
        '-Command',
        `Set-Location -LiteralPath ${powershellQuote(cwd)}; & ${argv.map(powershellQuote).join(' ')}`,
      ],
    }),
  },
  {
    id: 'cmd',
    name: 'Command Prompt',
    platform: 'win32',
    program: 'cmd.exe',
    // `start` opens the new window; its first quoted argument is the title, so one is always given.
    build: ({ argv, cwd, title }) => ({
      command: 'cmd.exe',
      args: [
        '/c',
        'start',
        cmdQuote(title, true),
        '/D',
        cmdQuote(cwd, true),
        'cmd.exe',
        '/k',
        ...argv.map((arg) => cmdQuote(arg)),
      ],
      windowsVerbatimArguments: true,
    }),
  },
];

/** PowerShell single quotes: nothing inside is special but the quote, which is doubled. */
export const powershellQuote = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/**
 * cmd has no escape for `%` or `"` inside quotes, so a value holding one is refused (ids, paths and
 * labels never need them); anything with a space or an operator is quoted.
 */
export function cmdQuote(value: string, always = false): string {
  if (/["%\r\n]/.test(value)) {
    throw new MskError('invalid-input', `cmd cannot pass '${value}' safely (it holds %, " or a line break).`);
  }
  return always || value === '' || /[\s&|<>^(),;=!]/.test(value) ? `"${value}"` : value;
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
