// Printing an environment for a shell to evaluate, with every value quoted for that shell.
import { MskError } from '../base/errors.js';
import { cmdQuote, cshQuote, fishQuote, posixQuote, powershellQuote } from './shell-quoting.js';

/** A variable name every shell takes as it is (`export`, `set -gx`, `setenv`, `$env:`, `set`). */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const SHELLS = ['bash', 'zsh', 'fish', 'tcsh', 'powershell', 'cmd', 'dotenv', 'json'] as const;
export type Shell = (typeof SHELLS)[number];

/** Other names of the same syntax: `pwsh` is PowerShell on every OS. */
const SHELL_ALIASES: Readonly<Record<string, Shell>> = { csh: 'tcsh', pwsh: 'powershell', sh: 'bash' };

export function requireShell(name: string): Shell {
  const wanted = SHELL_ALIASES[name.toLowerCase()] ?? name.toLowerCase();
  const shell = SHELLS.find((candidate) => candidate === wanted);
  if (!shell) {
    throw new MskError('unknown-shell', `Unknown shell '${name}'. Choose one of: ${SHELLS.join(', ')}.`);
  }
  return shell;
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
  tcsh: (name, value) => `setenv ${name} ${cshQuote(value, { name, shell: 'tcsh', alternative: 'json' })};`,
  powershell: (name, value) => `$env:${name} = ${powershellQuote(value)}`,
  // `set "NAME=value"`: the quotes make & | < > ^ plain, in a batch file and in `for /f … do %i` alike.
  cmd: (name, value) =>
    `set ${cmdQuote(`${name}=${value}`, { name, shell: 'cmd', alternative: 'powershell' })}`,
  dotenv: (name, value) => `${name}=${dotenvQuote(name, value)}`,
};

export function formatEnvironment(variables: Record<string, string>, shell: Shell): string {
  if (shell === 'json') return `${JSON.stringify(variables, null, 2)}\n`;
  const format = lineFormats[shell];
  return Object.entries(variables)
    .map(([name, value]) => {
      // A name is written bare (`$env:NAME`, `setenv NAME`): only a plain one can be.
      if (!VARIABLE_NAME.test(name)) {
        throw new MskError(
          'unquotable-value',
          `'${name}' is not a variable name a shell can set; JSON can carry it.`,
          {
            name,
            shell,
            alternative: 'json',
          },
        );
      }
      return `${format(name, value)}\n`;
    })
    .join('');
}
