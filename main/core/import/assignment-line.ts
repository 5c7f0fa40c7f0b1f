// Reads one line of a shell start-up file or .env file as a variable assignment: POSIX shells
// (`export X=…`, `X=…`, `declare -x X=…`), dotenv (`X = …`), fish (`set -gx X …`) and PowerShell
// (`$env:X = "…"`, `[Environment]::SetEnvironmentVariable("X", "…", …)`). Only literal values
// count: a value built from other variables or commands is not a key lying in the file.

export type AssignmentSyntax = 'posix' | 'dotenv' | 'fish' | 'powershell';

export interface Assignment {
  variable: string;
  /** What the shell would assign; null when that is not a literal (`$FOO`, `$(cmd)`, a list). */
  value: string | null;
  /** The line is commented out (`# export X=…`): not in effect, but the key is still in the file. */
  commented: boolean;
  syntax: AssignmentSyntax;
  /** More than a comment follows (`X=…; other`): replacing the whole line would lose that. */
  trailing: boolean;
}

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const POSIX_ASSIGNMENT = new RegExp(
  `^(?:(?:export|declare\\s+-[a-zA-Z]*x[a-zA-Z]*|typeset\\s+-[a-zA-Z]*x[a-zA-Z]*)\\s+)?(${NAME})=`,
);
const DOTENV_ASSIGNMENT = new RegExp(`^(?:export\\s+)?(${NAME})\\s*[=:]\\s*`);
const FISH_SET = /^set\s+/;
const POWERSHELL_ENV = new RegExp(`^\\$env:(${NAME})\\s*=\\s*`, 'i');
const POWERSHELL_SET = new RegExp(
  `^\\[(?:System\\.)?Environment\\]::SetEnvironmentVariable\\(\\s*(["'])(${NAME})\\1\\s*,\\s*`,
  'i',
);

export function parseAssignment(line: string): Assignment | null {
  let rest = line.trim();
  const commented = rest.startsWith('#');
  if (commented) rest = rest.replace(/^#+\s*/, '');
  return (
    powershellEnv(rest, commented) ??
    powershellSet(rest, commented) ??
    fishSet(rest, commented) ??
    posix(rest, commented) ??
    dotenv(rest, commented)
  );
}

const posix = (text: string, commented: boolean): Assignment | null =>
  shellStyle(POSIX_ASSIGNMENT, 'posix', text, commented);

/** dotenv allows spaces around `=` (and some loaders `:`), which a shell would run as a command. */
const dotenv = (text: string, commented: boolean): Assignment | null =>
  shellStyle(DOTENV_ASSIGNMENT, 'dotenv', text, commented);

/** `NAME=` as `pattern` matches it, then one word quoted as a POSIX shell quotes it. */
function shellStyle(
  pattern: RegExp,
  syntax: 'posix' | 'dotenv',
  text: string,
  commented: boolean,
): Assignment | null {
  const match = pattern.exec(text);
  if (!match?.[1]) return null;
  const word = readShellWord(text, match[0].length, 'posix');
  return { variable: match[1], value: word.value, commented, syntax, trailing: trails(text, word.end) };
}

/** `set [-g|-U|-x|--export …] NAME VALUE`: exactly one value word, else it is a list. */
function fishSet(text: string, commented: boolean): Assignment | null {
  const start = FISH_SET.exec(text);
  if (!start) return null;
  const words = text.slice(start[0].length).split(/\s+/);
  let position = start[0].length;
  let variable: string | undefined;
  for (const word of words) {
    if (word.startsWith('-')) {
      position = text.indexOf(word, position) + word.length;
      continue;
    }
    variable = word;
    position = text.indexOf(word, position) + word.length;
    break;
  }
  if (!variable || !new RegExp(`^${NAME}$`).test(variable)) return null;
  const valueStart = skipSpaces(text, position);
  if (valueStart >= text.length || text[valueStart] === '#') return null;
  const first = readShellWord(text, valueStart, 'fish');
  const afterFirst = skipSpaces(text, first.end);
  // A second word makes the variable a list: not one key.
  const list = afterFirst < text.length && !/[#;&|]/.test(text[afterFirst] ?? '');
  return {
    variable,
    value: list ? null : first.value,
    commented,
    syntax: 'fish',
    trailing: list ? false : trails(text, first.end),
  };
}

function powershellEnv(text: string, commented: boolean): Assignment | null {
  const match = POWERSHELL_ENV.exec(text);
  if (!match?.[1]) return null;
  const string = readPowershellString(text, match[0].length);
  return {
    variable: match[1],
    value: string.value,
    commented,
    syntax: 'powershell',
    trailing: trails(text, string.end),
  };
}

function powershellSet(text: string, commented: boolean): Assignment | null {
  const match = POWERSHELL_SET.exec(text);
  if (!match?.[2]) return null;
  const string = readPowershellString(text, match[0].length);
  // The call goes on with `, "User")` or `)`: only a comment may follow its closing parenthesis.
  const close = /^\s*(?:,\s*(?:["'][A-Za-z]*["']|\[[A-Za-z.]+\]::[A-Za-z]+)\s*)?\)/.exec(
    text.slice(string.end),
  );
  return {
    variable: match[2],
    value: close ? string.value : null,
    commented,
    syntax: 'powershell',
    trailing: close ? trails(text, string.end + close[0].length) : true,
  };
}

interface Word {
  /** null: not a literal. */
  value: string | null;
  end: number;
}

const POSIX_WORD_END = /[\s;&|<>()]/;

/**
 * One shell word from `start`: quoted and unquoted parts joined as the shell joins them. A `$`
 * or backquote outside single quotes makes it a non-literal; fish has no backquote substitution
 * but `(…)` instead.
 */
function readShellWord(text: string, start: number, flavour: 'posix' | 'fish'): Word {
  let value = '';
  let literal = true;
  let position = start;
  while (position < text.length && !POSIX_WORD_END.test(text[position] ?? '')) {
    const character = text[position] as string;
    if (character === "'") {
      const close = findSingleQuoteEnd(text, position + 1, flavour);
      if (close === -1) return { value: null, end: text.length };
      const inside = text.slice(position + 1, close);
      value += flavour === 'fish' ? inside.replace(/\\([\\'])/g, '$1') : inside;
      position = close + 1;
    } else if (character === '"') {
      const close = findDoubleQuoteEnd(text, position + 1);
      if (close === -1) return { value: null, end: text.length };
      const inside = text.slice(position + 1, close);
      if (/(?<!\\)[$`]/.test(inside)) literal = false;
      value += inside.replace(/\\([\\"$`])/g, '$1');
      position = close + 1;
    } else if (character === '\\') {
      value += text[position + 1] ?? '';
      position += 2;
    } else {
      if (character === '$' || character === '`') literal = false;
      value += character;
      position += 1;
    }
  }
  return { value: literal && position > start ? value : null, end: position };
}

function findSingleQuoteEnd(text: string, from: number, flavour: 'posix' | 'fish'): number {
  for (let position = from; position < text.length; position++) {
    if (flavour === 'fish' && text[position] === '\\') position += 1;
    else if (text[position] === "'") return position;
  }
  return -1;
}

function findDoubleQuoteEnd(text: string, from: number): number {
  for (let position = from; position < text.length; position++) {
    if (text[position] === '\\') position += 1;
    else if (text[position] === '"') return position;
  }
  return -1;
}

/** `'…'` is literal (`''` is a quote); `"…"` expands `$…` and takes backquote escapes; a bare value is an expression. */
function readPowershellString(text: string, start: number): Word {
  const quote = text[start];
  if (quote !== "'" && quote !== '"') {
    const end = text.slice(start).search(/[\s;#)]/);
    return { value: null, end: end === -1 ? text.length : start + end };
  }
  let value = '';
  let literal = true;
  for (let position = start + 1; position < text.length; position++) {
    const character = text[position] as string;
    if (character === quote) {
      if (text[position + 1] === quote) {
        value += quote;
        position += 1;
        continue;
      }
      return { value: literal ? value : null, end: position + 1 };
    }
    if (quote === '"' && character === '`') {
      value += text[position + 1] ?? '';
      position += 1;
      continue;
    }
    if (quote === '"' && character === '$') literal = false;
    value += character;
  }
  return { value: null, end: text.length };
}

const skipSpaces = (text: string, from: number): number => {
  let position = from;
  while (position < text.length && /\s/.test(text[position] ?? '')) position += 1;
  return position;
};

/** Anything after `end` but spaces and a comment. */
const trails = (text: string, end: number): boolean => {
  const rest = text.slice(end).trim();
  return rest !== '' && !rest.startsWith('#');
};
