import { spawnSync } from 'node:child_process';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatEnvironment, requireShell, SHELLS } from '../../main/core/env-format.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { onPath, systemPart } from '../fixtures/system.js';

const plain = {
  OPENAI_API_KEY: 'sk-0123456789abcdef0123456789abcdef',
  OPENAI_BASE_URL: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
};
const tricky = { TRICKY: `it's "$HOME" \`id\` $(id) \\ ; & | %x% !` };

describe('formatEnvironment', () => {
  it('prints each shell’s assignment syntax', () => {
    const one = { OPENAI_API_KEY: 'sk-abc' };
    expect(formatEnvironment(one, 'bash')).toBe("export OPENAI_API_KEY='sk-abc'\n");
    expect(formatEnvironment(one, 'zsh')).toBe("export OPENAI_API_KEY='sk-abc'\n");
    expect(formatEnvironment(one, 'fish')).toBe("set -gx OPENAI_API_KEY 'sk-abc'\n");
    expect(formatEnvironment(one, 'powershell')).toBe("$env:OPENAI_API_KEY = 'sk-abc'\n");
    expect(formatEnvironment(one, 'cmd')).toBe('set OPENAI_API_KEY=sk-abc\n');
    expect(formatEnvironment(one, 'dotenv')).toBe('OPENAI_API_KEY=sk-abc\n');
    expect(JSON.parse(formatEnvironment(one, 'json'))).toEqual(one);
  });

  it('quotes for PowerShell by doubling single quotes', () => {
    expect(formatEnvironment({ A: "it's" }, 'powershell')).toBe("$env:A = 'it''s'\n");
  });

  it('escapes fish’s backslash and quote', () => {
    expect(formatEnvironment({ A: "a\\b'c" }, 'fish')).toBe("set -gx A 'a\\\\b\\'c'\n");
  });

  it('escapes cmd metacharacters with a caret and refuses what cmd cannot carry', () => {
    expect(formatEnvironment({ A: 'a&b|c<d>e^f(g)' }, 'cmd')).toBe('set A=a^&b^|c^<d^>e^^f^(g^)\n');
    expect(() => formatEnvironment({ A: '50%' }, 'cmd')).toThrow(
      expect.objectContaining({
        code: 'unquotable-value',
        message: expect.stringMatching(/cmd cannot take safely; PowerShell can/),
        params: { name: 'A', shell: 'cmd', alternative: 'powershell' },
      }),
    );
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
        expect(formatEnvironment(value, 'cmd')).toBe(`set OPENAI_API_KEY=${value.OPENAI_API_KEY}\n`);
      }
    },
  );

  it('names the known shells when one is unknown', () => {
    expect(requireShell('FISH')).toBe('fish');
    expect(requireShell('csh')).toBe('tcsh');
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
