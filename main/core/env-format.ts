// Printing an environment for a shell to evaluate, with every value quoted for that shell.
import { MskError } from './errors.js';

export const SHELLS = ['bash', 'zsh', 'fish', 'tcsh', 'powershell', 'cmd', 'dotenv', 'json'] as const;
export type Shell = (typeof SHELLS)[number];

export function requireShell(name: string): Shell {
  const wanted = name.toLowerCase() === 'csh' ? 'tcsh' : name.toLowerCase();
  const shell = SHELLS.find((candidate) => candidate === wanted);
  if (!shell) {
    throw new MskError('unknown-shell', `Unknown shell '${name}'. Choose one of: ${SHELLS.join(', ')}.`);
  }
  return shell;
}

/** POSIX single quotes: nothing inside is special except the quote itself. */
export const posixQuote = (value: string): string => `'${value.replaceAll("'", `'\\''`)}'`;

/** fish single quotes: only backslash and the quote are escapes. */
const fishQuote = (value: string): string => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/**
 * csh/tcsh single quotes: literal but for `!` (history, even inside quotes: `\!`) and the quote
 * itself (`'\''`); a line break cannot be carried.
 */
function cshQuote(name: string, value: string): string {
  if (/[\r\n]/.test(value)) {
    throw new MskError(
      'unquotable-value',
      `The value of ${name} contains a line break, which csh and tcsh cannot take in setenv; JSON can.`,
      { name, shell: 'tcsh', alternative: 'json' },
    );
  }
  return `'${value.replaceAll("'", `'\\''`).replaceAll('!', '\\!')}'`;
}

/** PowerShell verbatim strings: a quote is doubled. */
const powershellQuote = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/** cmd has no quoting for `set NAME=value`; metacharacters take a caret. */
function cmdEscape(name: string, value: string): string {
  if (/[%"\r\n]/.test(value)) {
    throw new MskError(
      'unquotable-value',
      `The value of ${name} contains %, a double quote or a line break, which cmd cannot take safely; PowerShell can.`,
      { name, shell: 'cmd', alternative: 'powershell' },
    );
  }
  return value.replace(/[\^&|<>()]/g, '^$&');
}

/**
 * dotenv has no escapes but `\n` inside double quotes, so pick the quote the value lacks:
 * bare when harmless, else single (literal), double (for line breaks), or backticks.
 */
function dotenvQuote(name: string, value: string): string {
  if (/^[A-Za-z0-9_./:@+,=-]*$/.test(value)) return value;
  if (!/['\r\n]/.test(value)) return `'${value}'`;
  if (!/["\\\r]/.test(value)) return `"${value.replaceAll('\n', '\\n')}"`;
  if (!/[`\r\n]/.test(value)) return `\`${value}\``;
  throw new MskError(
    'unquotable-value',
    `The value of ${name} cannot be written safely as dotenv; JSON can.`,
    {
      name,
      shell: 'dotenv',
      alternative: 'json',
    },
  );
}

const lineFormats: Record<Exclude<Shell, 'json'>, (name: string, value: string) => string> = {
  bash: (name, value) => `export ${name}=${posixQuote(value)}`,
  zsh: (name, value) => `export ${name}=${posixQuote(value)}`,
  fish: (name, value) => `set -gx ${name} ${fishQuote(value)}`,
  // The semicolon lets `eval "`msk env`"` work: csh joins the lines of a substitution.
  tcsh: (name, value) => `setenv ${name} ${cshQuote(name, value)};`,
  powershell: (name, value) => `$env:${name} = ${powershellQuote(value)}`,
  cmd: (name, value) => `set ${name}=${cmdEscape(name, value)}`,
  dotenv: (name, value) => `${name}=${dotenvQuote(name, value)}`,
};

export function formatEnvironment(variables: Record<string, string>, shell: Shell): string {
  if (shell === 'json') return `${JSON.stringify(variables, null, 2)}\n`;
  const format = lineFormats[shell];
  return Object.entries(variables)
    .map(([name, value]) => `${format(name, value)}\n`)
    .join('');
}
