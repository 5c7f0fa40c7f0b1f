import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findKeys } from '../../main/core/actions/import.js';
import { addKey } from '../../main/core/actions/keys.js';
import { parseAssignment } from '../../main/core/import/assignment-line.js';
import { fakeKey } from '../fixtures/fake-keys.js';
import { importHome } from '../fixtures/import-home.js';
import { useTempDirectory } from '../fixtures/temp-directory.js';

const directory = useTempDirectory();

const setup = () => importHome(directory());

describe('searching for keys', () => {
  it('finds keys in every kind of start-up file, each with file, line, variable and mask', async () => {
    const { home, services, put } = setup();
    const keys = {
      bash: fakeKey(),
      zsh: fakeKey('workspace'),
      fish: fakeKey('plan'),
      powershell: fakeKey(),
      powershellSet: fakeKey(),
      profile: fakeKey('unusual'),
      sdk: fakeKey(),
      dotenv: fakeKey(),
    };
    put('.bashrc', `# my bashrc\nalias ll='ls -l'\nexport DASHSCOPE_API_KEY="${keys.bash}" # for qwen\n`);
    put('.zshrc', `DASHSCOPE_API_KEY='${keys.zsh}'\n`);
    put(
      '.config/fish/config.fish',
      `if status is-interactive\n    set -gx BAILIAN_CODING_PLAN_API_KEY ${keys.fish}\nend\n`,
    );
    put(
      '.config/powershell/Microsoft.PowerShell_profile.ps1',
      `$env:DASHSCOPE_API_KEY = "${keys.powershell}"\n[Environment]::SetEnvironmentVariable("QWEN_API_KEY", '${keys.powershellSet}', "User")\n`,
    );
    put('.profile', `export MODELSTUDIO_API_KEY=${keys.profile}\n`);
    put('.dashscope/api_key', `${keys.sdk}\n`);
    put('.qwen/.env', `DASHSCOPE_API_KEY = ${keys.dotenv}\n`);

    const scan = await findKeys(services, { home, platform: 'linux' });
    const rows = scan.findings.map((finding) => [
      path.relative(home, finding.file ?? ''),
      finding.line,
      finding.variable,
      finding.masked,
    ]);
    expect(rows).toEqual([
      ['.bashrc', 3, 'DASHSCOPE_API_KEY', `sk-…${keys.bash.slice(-4)}`],
      ['.profile', 1, 'MODELSTUDIO_API_KEY', `sk-…${keys.profile.slice(-4)}`],
      ['.zshrc', 1, 'DASHSCOPE_API_KEY', `sk-ws-…${keys.zsh.slice(-4)}`],
      ['.config/fish/config.fish', 2, 'BAILIAN_CODING_PLAN_API_KEY', `sk-sp-…${keys.fish.slice(-4)}`],
      [
        '.config/powershell/Microsoft.PowerShell_profile.ps1',
        1,
        'DASHSCOPE_API_KEY',
        `sk-…${keys.powershell.slice(-4)}`,
      ],
      [
        '.config/powershell/Microsoft.PowerShell_profile.ps1',
        2,
        'QWEN_API_KEY',
        `sk-…${keys.powershellSet.slice(-4)}`,
      ],
      ['.dashscope/api_key', null, '(whole file)', `sk-…${keys.sdk.slice(-4)}`],
      ['.qwen/.env', 1, 'DASHSCOPE_API_KEY', `sk-…${keys.dotenv.slice(-4)}`],
    ]);
    for (const [finding, secret] of scan.findings.map(
      (f, i) => [f, Object.values(keys)[[0, 5, 1, 2, 3, 4, 6, 7][i] ?? 0]] as const,
    )) {
      expect(scan.secretOf(finding.id)).toBe(secret);
    }
    expect(scan.findings.find((finding) => finding.variable === 'BAILIAN_CODING_PLAN_API_KEY')).toMatchObject(
      {
        shape: 'plan',
        plans: ['coding', 'token'],
        defaultPlan: 'coding',
      },
    );
    expect(scan.findings.map((finding) => finding.suggestedLabel)).toEqual([
      'bashrc',
      'profile',
      'zshrc',
      'fish-config',
      'powershell-profile',
      'powershell-profile-2',
      'dashscope-api-key',
      'qwen-env',
    ]);
  });

  it('keeps every secret out of the findings as data', async () => {
    const { home, services, put } = setup();
    const secret = fakeKey('workspace');
    put('.bashrc', `export DASHSCOPE_API_KEY=${secret}\n`);
    const scan = await findKeys(services, { home, environment: { DASHSCOPE_API_KEY: secret } });
    expect(scan.findings).toHaveLength(2);
    expect(JSON.stringify(scan)).not.toContain(secret.slice(3, 20));
    expect(JSON.stringify(structuredClone(scan))).not.toContain(secret.slice(3, 20));
    expect(JSON.stringify(scan.findings)).not.toContain(secret.slice(3, 20));
  });

  it('reads commented-out lines as commented, CRLF files, and trailing comments', async () => {
    const { home, services, put } = setup();
    const [commented, crlf] = [fakeKey(), fakeKey()];
    put(
      '.bashrc',
      `# export DASHSCOPE_API_KEY=${commented}\r\nexport PATH=$PATH:~/bin\r\nexport DASHSCOPE_API_KEY='${crlf}'  # work\r\n`,
    );
    const scan = await findKeys(services, { home });
    expect(scan.findings.map((f) => [f.line, f.commented])).toEqual([
      [1, true],
      [3, false],
    ]);
    expect(scan.findings.map((f) => scan.secretOf(f.id))).toEqual([commented, crlf]);
  });

  it('reports no false positives: keys in longer tokens, references, placeholders, foreign OpenAI keys', async () => {
    const { home, services, put } = setup();
    const key = fakeKey();
    put(
      '.bashrc',
      [
        `export DASHSCOPE_API_KEY=x${key}`,
        `export DASHSCOPE_API_KEY=${key}@example.com`,
        `export DASHSCOPE_API_KEY="https://proxy.example.com/${key}"`,
        `export DASHSCOPE_API_KEY=$OTHER_KEY`,
        `export DASHSCOPE_API_KEY="\${OTHER_KEY}"`,
        `export DASHSCOPE_API_KEY="$(pass show dashscope)"`,
        `export DASHSCOPE_API_KEY=sk-your-api-key-here`,
        `export DASHSCOPE_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`,
        `export DASHSCOPE_HTTP_BASE_URL=https://dashscope-intl.aliyuncs.com/api/v1`,
        `export OPENAI_API_KEY=${fakeKey()}`,
        `echo ${key}`,
        `export SOME_TOKEN=${key}`,
        '',
      ].join('\n'),
    );
    put('.zshrc', `export OPENAI_BASE_URL=https://api.openai.com/v1\nexport OPENAI_API_KEY=${fakeKey()}\n`);
    const scan = await findKeys(services, {
      home,
      environment: { OPENAI_API_KEY: fakeKey(), ANTHROPIC_AUTH_TOKEN: fakeKey(), PATH: '/usr/bin' },
    });
    expect(scan.findings).toEqual([]);
  });

  it('reports an OpenAI or Anthropic variable when the same place points it at Model Studio', async () => {
    const { home, services, put } = setup();
    const [openai, anthropic, environment] = [fakeKey(), fakeKey('workspace'), fakeKey()];
    put(
      '.bashrc',
      `export OPENAI_API_KEY=${openai}\nexport OPENAI_BASE_URL=https://dashscope-intl.aliyuncs.com/compatible-mode/v1\n`,
    );
    put(
      '.zshrc',
      `export ANTHROPIC_BASE_URL=https://llm-abc123.cn-beijing.maas.aliyuncs.com/apps/anthropic\nexport ANTHROPIC_AUTH_TOKEN=${anthropic}\n`,
    );
    const scan = await findKeys(services, {
      home,
      environment: {
        OPENAI_API_BASE: 'https://coding.dashscope.aliyuncs.com/v1',
        OPENAI_API_KEY: environment,
      },
    });
    expect(scan.findings.map((f) => [f.kind, f.variable, f.file && path.basename(f.file)])).toEqual([
      ['environment', 'OPENAI_API_KEY', null],
      ['shell', 'OPENAI_API_KEY', '.bashrc'],
      ['shell', 'ANTHROPIC_AUTH_TOKEN', '.zshrc'],
    ]);
    expect(scan.findings[0]).toMatchObject({
      file: null,
      line: null,
      suggestedLabel: 'env-OPENAI_API_KEY',
      removal: null,
    });
    expect(scan.findings[0]?.notRemovable).toMatch(/environment/);
  });

  it('finds keys in JSON settings and names their JSON path', async () => {
    const { home, services, put } = setup();
    const keys = {
      claude: fakeKey(),
      qwenAuth: fakeKey(),
      qwenEnv: fakeKey('plan'),
      claw: fakeKey(),
      clawEnv: fakeKey(),
    };
    put(
      '.claude/settings.json',
      JSON.stringify(
        {
          env: {
            ANTHROPIC_BASE_URL: 'https://dashscope-intl.aliyuncs.com/apps/anthropic',
            ANTHROPIC_AUTH_TOKEN: keys.claude,
            ANTHROPIC_MODEL: 'qwen3-coder-plus',
          },
          permissions: { allow: [] },
        },
        null,
        2,
      ) + '\n',
    );
    put(
      '.qwen/settings.json',
      JSON.stringify(
        {
          security: {
            auth: {
              selectedType: 'openai',
              apiKey: keys.qwenAuth,
              baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
            },
          },
          env: { BAILIAN_CODING_PLAN_API_KEY: keys.qwenEnv },
          modelProviders: {
            openai: [
              {
                id: 'qwen3-coder-plus',
                envKey: 'BAILIAN_CODING_PLAN_API_KEY',
                baseUrl: 'https://coding.dashscope.aliyuncs.com/v1',
              },
            ],
          },
        },
        null,
        4,
      ),
    );
    // OpenClaw writes JSON5: unquoted keys, comments, trailing commas.
    put(
      '.openclaw/openclaw.json',
      `{\n  // mine\n  env: { vars: { DASHSCOPE_API_KEY: '${keys.clawEnv}' } },\n  models: {\n    providers: {\n      dashscope: { baseUrl: "https://dashscope-us.aliyuncs.com/compatible-mode/v1", apiKey: "${keys.claw}", },\n      openai: { baseUrl: "https://api.openai.com/v1", apiKey: "${fakeKey()}" },\n      qwen: { apiKey: "\${DASHSCOPE_API_KEY}" },\n    },\n  },\n}\n`,
    );
    const scan = await findKeys(services, { home });
    expect(
      scan.findings.map((f) => [path.basename(path.dirname(f.file ?? '')), f.line, f.variable, f.kind]),
    ).toEqual([
      ['.qwen', 10, 'env.BAILIAN_CODING_PLAN_API_KEY', 'json'],
      ['.qwen', 5, 'security.auth.apiKey', 'json'],
      ['.claude', 4, 'env.ANTHROPIC_AUTH_TOKEN', 'json'],
      ['.openclaw', 3, 'env.vars.DASHSCOPE_API_KEY', 'json'],
      ['.openclaw', 6, 'models.providers.dashscope.apiKey', 'json'],
    ]);
    expect(scan.findings.map((f) => scan.secretOf(f.id))).toEqual([
      keys.qwenEnv,
      keys.qwenAuth,
      keys.claude,
      keys.clawEnv,
      keys.claw,
    ]);
    expect(scan.findings.map((f) => f.suggestedLabel)).toEqual([
      'qwen-settings',
      'qwen-settings-2',
      'claude-settings',
      'openclaw',
      'openclaw-2',
    ]);
  });

  it('says which stored key a finding is, and suggests labels no stored key has', async () => {
    const { home, services, put } = setup();
    const [stored, fresh] = [fakeKey(), fakeKey()];
    await addKey(services, { secret: stored, label: 'bashrc', regionId: 'sg' });
    put('.bashrc', `export DASHSCOPE_API_KEY=${stored}\n`);
    put('.zshrc', `export DASHSCOPE_API_KEY=${fresh}\nexport DASHSCOPE_API_KEY_2=${stored}\n`);
    const scan = await findKeys(services, { home });
    expect(scan.findings.map((f) => [f.stored?.label ?? null, f.suggestedLabel])).toEqual([
      ['bashrc', 'bashrc-2'],
      [null, 'zshrc'],
      ['bashrc', 'bashrc-2'],
    ]);
  });

  it('flags a file reached through a symlink out of HOME, and follows one inside HOME silently', async () => {
    const { root, home, services, put } = setup();
    const [outside, inside] = [fakeKey(), fakeKey()];
    const target = path.join(root, 'elsewhere', 'bashrc');
    mkdirSync(path.dirname(target));
    writeFileSync(target, `export DASHSCOPE_API_KEY=${outside}\n`);
    symlinkSync(target, path.join(home, '.bashrc'));
    put('dotfiles/zshrc', `export DASHSCOPE_API_KEY=${inside}\n`);
    symlinkSync(path.join(home, 'dotfiles', 'zshrc'), path.join(home, '.zshrc'));
    const scan = await findKeys(services, { home });
    expect(scan.findings.map((f) => [path.basename(f.file ?? ''), f.outsideHome])).toEqual([
      ['.bashrc', true],
      ['.zshrc', false],
    ]);
  });

  it('does not read a file over 1 MB, and says so', async () => {
    const { home, services, put } = setup();
    put('.bashrc', `export DASHSCOPE_API_KEY=${fakeKey()}\n${'# filler\n'.repeat(150_000)}`);
    const scan = await findKeys(services, { home });
    expect(scan.findings).toEqual([]);
    expect(scan.notes).toEqual([
      expect.objectContaining({ reason: 'too-large', file: path.join(home, '.bashrc') }),
    ]);
  });

  it('searches a named directory for .env files, skipping node_modules and .git, and reads named files', async () => {
    const { root, services } = setup();
    const project = path.join(root, 'project');
    const keys = [fakeKey(), fakeKey(), fakeKey()];
    const write = (relative: string, content: string) => {
      mkdirSync(path.dirname(path.join(project, relative)), { recursive: true });
      writeFileSync(path.join(project, relative), content);
    };
    write('.env', `DASHSCOPE_API_KEY=${keys[0]}\n`);
    write('services/api/.env.local', `export DASHSCOPE_API_KEY="${keys[1]}"\n`);
    write('node_modules/lib/.env', `DASHSCOPE_API_KEY=${fakeKey()}\n`);
    write('.git/.env', `DASHSCOPE_API_KEY=${fakeKey()}\n`);
    write('README.md', `DASHSCOPE_API_KEY=${fakeKey()}\n`);
    const named = path.join(root, 'settings.json');
    writeFileSync(named, JSON.stringify({ env: { DASHSCOPE_API_KEY: keys[2] } }));
    const scan = await findKeys(services, {
      home: path.join(root, 'home'),
      knownPlaces: false,
      paths: [project, named],
    });
    expect(scan.findings.map((f) => [path.relative(root, f.file ?? ''), f.suggestedLabel])).toEqual([
      ['project/.env', 'project-env'],
      ['project/services/api/.env.local', 'api-env-local'],
      ['settings.json', 'settings-json'],
    ]);
  });

  it('reads a .env saved as UTF-16 (little or big endian, with its byte-order mark) or with a UTF-8 mark', async () => {
    const { root, services } = setup();
    const keys = [fakeKey(), fakeKey(), fakeKey()] as const;
    const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
    const files = {
      'le.env': Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(`# le\r\nDASHSCOPE_API_KEY=${keys[0]}\r\n`, 'utf16le'),
      ]),
      'be.env': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(`DASHSCOPE_API_KEY=${keys[1]}\n`)]),
      'bom.env': Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(`DASHSCOPE_API_KEY=${keys[2]}\n`),
      ]),
    };
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(root, name), content);
    const scan = await findKeys(services, {
      home: path.join(root, 'home'),
      knownPlaces: false,
      paths: Object.keys(files).map((name) => path.join(root, name)),
    });
    expect(scan.findings.map((f) => [path.basename(f.file ?? ''), f.line, f.masked])).toEqual([
      ['le.env', 2, `sk-…${keys[0].slice(-4)}`],
      ['be.env', 1, `sk-…${keys[1].slice(-4)}`],
      ['bom.env', 1, `sk-…${keys[2].slice(-4)}`],
    ]);
  });

  it('says a JSON file nested deeper than any settings file is not read, instead of crashing', async () => {
    const { root, services } = setup();
    const named = path.join(root, 'deep.json');
    writeFileSync(named, `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    const scan = await findKeys(services, {
      home: path.join(root, 'home'),
      knownPlaces: false,
      paths: [named],
    });
    expect(scan.findings).toEqual([]);
    expect(scan.notes).toEqual([
      expect.objectContaining({
        file: named,
        reason: 'not-json',
        message: expect.stringMatching(/Nested deeper than 256 levels/),
      }),
    ]);
  });

  it('stops a directory search at its limits and says so', async () => {
    const { root, services } = setup();
    mkdirSync(path.join(root, 'deep', 'a', 'b', 'c'), { recursive: true });
    writeFileSync(path.join(root, 'deep', 'a', 'b', 'c', '.env'), `DASHSCOPE_API_KEY=${fakeKey()}\n`);
    const scan = await findKeys(services, {
      home: root,
      knownPlaces: false,
      paths: [path.join(root, 'deep')],
      limits: { maxDepth: 1 },
    });
    expect(scan.findings).toEqual([]);
    expect(scan.notes).toEqual([expect.objectContaining({ reason: 'limit-reached' })]);
  });
});

describe('reading an assignment line', () => {
  it.each([
    ['export X=abc', { variable: 'X', value: 'abc', syntax: 'posix', commented: false, trailing: false }],
    ["X='a b'", { variable: 'X', value: 'a b' }],
    ['X="a\\"b"', { value: 'a"b' }],
    ['  #  export X=abc', { value: 'abc', commented: true }],
    ['X=abc; echo hi', { value: 'abc', trailing: true }],
    ['X=abc # note', { value: 'abc', trailing: false }],
    ['declare -x X=abc', { variable: 'X', value: 'abc' }],
    ['X = abc', { value: 'abc', syntax: 'dotenv' }],
    ['set -gx X abc', { value: 'abc', syntax: 'fish' }],
    ['set --export X "abc"', { value: 'abc', syntax: 'fish' }],
    ['set -x X a b', { value: null, syntax: 'fish' }],
    ["$env:X = 'it''s'", { value: "it's", syntax: 'powershell' }],
    ['$Env:X="a$b"', { value: null }],
    [
      '[System.Environment]::SetEnvironmentVariable("X", "abc", [System.EnvironmentVariableTarget]::User)',
      { value: 'abc' },
    ],
    ['X=$Y', { value: null }],
    ['X="pre$(cmd)"', { value: null }],
    ['X=`cmd`', { value: null }],
  ])('%s', (line, expected) => {
    expect(parseAssignment(line)).toMatchObject(expected);
  });

  it('is not an assignment', () => {
    expect(parseAssignment('echo X=abc')).toBeNull();
    expect(parseAssignment('alias ll="ls -l"')).toBeNull();
  });
});
