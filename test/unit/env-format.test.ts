import { spawnSync } from 'node:child_process';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatEnvironment, requireShell, SHELLS } from '../../main/core/platform/env-format.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { readVerbatimString } from '../fixtures/powershell-strings.js';
import { onPath, systemPart } from '../fixtures/system.js';

const plain = {
  OPENAI_API_KEY: 'sk-0123456789abcdef0123456789abcdef',
  OPENAI_BASE_URL: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
};
/** Values that end a string or start a command in some shell, typographic quotes included. */
const HOSTILE_VALUES = [
  'qwen-max&calc',
  "q'; calc.exe; '",
  'q’; calc.exe; ’',
  'q‘; calc.exe; ‘',
  'q‚; calc.exe; ‛',
  "’'‘‚‛''",
  '$(touch /tmp/pwned) `id` ${HOME} $env:PATH',
  "a\\b\\'c\\",
  '"; calc; "',
  '| calc & calc ; calc ^ < > ( )',
  '%PATH% !x! #comment',
  '\u202Egnp.exe',
  '',
];
const tricky = { TRICKY: `it's "$HOME" \`id\` $(id) \\ ; & | %x% !` };

describe('formatEnvironment', () => {
  it('prints each shell’s assignment syntax', () => {
    const one = { OPENAI_API_KEY: 'sk-abc' };
    expect(formatEnvironment(one, 'bash')).toBe("export OPENAI_API_KEY='sk-abc'\n");
    expect(formatEnvironment(one, 'zsh')).toBe("export OPENAI_API_KEY='sk-abc'\n");
    expect(formatEnvironment(one, 'fish')).toBe("set -gx OPENAI_API_KEY 'sk-abc'\n");
    expect(formatEnvironment(one, 'powershell')).toBe("$env:OPENAI_API_KEY = 'sk-abc'\n");
    expect(formatEnvironment(one, 'cmd')).toBe('set "OPENAI_API_KEY=sk-abc"\n');
    expect(formatEnvironment(one, 'dotenv')).toBe('OPENAI_API_KEY=sk-abc\n');
    expect(JSON.parse(formatEnvironment(one, 'json'))).toEqual(one);
  });

  it('quotes for PowerShell by doubling single quotes, the typographic ones too', () => {
    expect(formatEnvironment({ A: "it's" }, 'powershell')).toBe("$env:A = 'it''s'\n");
    // PowerShell ends a verbatim string at ‘ ’ ‚ ‛ as well as at '.
    expect(formatEnvironment({ ANTHROPIC_MODEL: 'q’; calc.exe; ’' }, 'powershell')).toBe(
      "$env:ANTHROPIC_MODEL = 'q’’; calc.exe; ’’'\n",
    );
    for (const value of HOSTILE_VALUES) {
      const line = formatEnvironment({ A: value }, 'powershell');
      const read = readVerbatimString(line.slice('$env:A = '.length));
      expect(read).toEqual({ value, rest: '\n' });
    }
  });

  it('escapes fish’s backslash and quote', () => {
    expect(formatEnvironment({ A: "a\\b'c" }, 'fish')).toBe("set -gx A 'a\\\\b\\'c'\n");
  });

  it('quotes the whole assignment for cmd and refuses what cmd cannot carry', () => {
    // Inside `set "…"` cmd's operators are plain characters, in a batch file and in `for /f` alike.
    expect(formatEnvironment({ A: 'a&b|c<d>e^f(g) ‘x’' }, 'cmd')).toBe('set "A=a&b|c<d>e^f(g) ‘x’"\n');
    for (const value of ['50%', '%PATH%', 'a!b', 'say "hi"', 'a\nb', 'a\rb']) {
      expect(() => formatEnvironment({ A: value }, 'cmd')).toThrow(
        expect.objectContaining({
          code: 'unquotable-value',
          message: expect.stringMatching(/cmd cannot take safely/),
          params: { name: 'A', shell: 'cmd', alternative: 'powershell' },
        }),
      );
    }
  });

  it('refuses a variable name a shell would not take as one, in every shell', () => {
    for (const shell of SHELLS.filter((candidate) => candidate !== 'json')) {
      for (const name of ['A B', 'A;calc', 'A-B', '1A', 'A=B', '']) {
        expect(() => formatEnvironment({ [name]: 'x' }, shell)).toThrow(
          expect.objectContaining({ code: 'unquotable-value', params: { name, shell, alternative: 'json' } }),
        );
      }
    }
  });

  it('round-trips tricky values through Node’s dotenv parser', () => {
    const values = {
      ...plain,
      SPACES: 'a b $c',
      QUOTE: "it's",
      NEWLINE: "it's\nhere",
      BOTH: `it's "quoted" \\ $(x)`,
    };
    expect(parseEnv(formatEnvironment(values, 'dotenv'))).toEqual(values);
  });

  it('refuses a value dotenv cannot carry rather than writing it wrong', () => {
    expect(() => formatEnvironment(tricky, 'dotenv')).toThrow(/TRICKY cannot be written safely as dotenv/);
  });

  it.each(['sh', 'bash', 'zsh', 'fish'].filter(onPath))(
    'round-trips every hostile value through a real %s',
    (shell) => {
      const format = shell === 'fish' ? 'fish' : 'bash';
      for (const value of HOSTILE_VALUES) {
        const script = `${formatEnvironment({ A: value }, format)}\nprintf '%s' "$A"`;
        const result = spawnSync(shell, ['-c', script], { encoding: 'utf8' });
        expect(result.stderr).toBe('');
        expect(result.stdout).toBe(value);
      }
    },
  );

  it.each(['sh', 'bash', 'zsh', 'fish'].filter(onPath))(
    'round-trips tricky values through a real %s',
    (shell) => {
      const values = { ...plain, ...tricky, NEWLINE: 'a\nb' };
      const format = shell === 'fish' ? 'fish' : 'bash';
      const script = `${formatEnvironment(values, format)}\nprintf '%s' "$TRICKY"; printf '|'; printf '%s' "$NEWLINE"`;
      const result = spawnSync(shell, ['-c', script], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe(`${tricky.TRICKY}|a\nb`);
    },
  );

  it.each(['classic', 'workspace', 'plan', 'unusual'] as const)(
    'writes a %s-shaped key in every shell without refusing it',
    (shape) => {
      for (let index = 0; index < 20; index++) {
        const value = { OPENAI_API_KEY: fakeKey(shape) };
        for (const shell of SHELLS) expect(formatEnvironment(value, shell)).toContain(value.OPENAI_API_KEY);
        expect(parseEnv(formatEnvironment(value, 'dotenv'))).toEqual(value);
        expect(formatEnvironment(value, 'cmd')).toBe(`set "OPENAI_API_KEY=${value.OPENAI_API_KEY}"\n`);
      }
    },
  );

  it('names the known shells when one is unknown', () => {
    expect(requireShell('FISH')).toBe('fish');
    expect(requireShell('csh')).toBe('tcsh');
    // pwsh is PowerShell on every OS.
    expect(requireShell('pwsh')).toBe('powershell');
    expect(requireShell('PWSH')).toBe('powershell');
    expect(() => requireShell('nu')).toThrow(
      /Unknown shell 'nu'.*bash, zsh, fish, tcsh, powershell, cmd, dotenv, json/,
    );
  });

  it('writes setenv lines for csh and tcsh, and refuses a line break there', () => {
    expect(formatEnvironment({ A: "it's!" }, 'tcsh')).toBe("setenv A 'it'\\''s\\!';\n");
    expect(() => formatEnvironment({ NEWLINE: 'a\nb' }, 'tcsh')).toThrow(/NEWLINE contains a line break/);
  });

  it.runIf(systemPart('tcsh', onPath('tcsh'), 'apt-get install tcsh'))(
    'round-trips tricky values through a real tcsh, directly and through eval',
    () => {
      const values = { ...plain, ...tricky, BANG: 'a!b!!c' };
      const lines = formatEnvironment(values, 'tcsh');
      const show = `printf '%s|%s' "$TRICKY" "$BANG"`;
      const direct = spawnSync('tcsh', ['-fc', `${lines.replaceAll('\n', ' ')} ${show}`], {
        encoding: 'utf8',
      });
      expect(direct.stderr).toBe('');
      expect(direct.stdout).toBe(`${tricky.TRICKY}|a!b!!c`);
      const viaEval = spawnSync('tcsh', ['-fc', `eval "\`cat\`"; ${show}`], {
        encoding: 'utf8',
        input: lines,
      });
      expect(viaEval.stderr).toBe('');
      expect(viaEval.stdout).toBe(`${tricky.TRICKY}|a!b!!c`);
    },
  );
});
