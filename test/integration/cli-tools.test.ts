// msk tools · tools settings · tools export postman · tools add/remove · bind/unbind/status ·
// launch --dry-run, as real processes on the real keychain.
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { fakeKey } from '../fixtures/fake-keys.js';
import { keychainPart } from '../fixtures/keychain.js';
import { keytar, removeService } from '../fixtures/keytar.js';
import { type MskHome, mskHome } from '../fixtures/msk.js';
import { fakePrograms } from '../fixtures/fake-programs.js';

const keychain = keychainPart();

describe.runIf(keychain)('msk tools', () => {
  let home: MskHome;
  afterEach(() => home?.remove());

  async function withKeys() {
    home = mskHome();
    const payg = fakeKey();
    const coding = fakeKey('plan');
    expect((await home.run(['add', '-l', 'personal', '-r', 'sg'], { input: payg })).code).toBe(0);
    expect(
      (await home.run(['add', '-l', 'coding', '-r', 'cn', '--plan', 'coding'], { input: coding })).code,
    ).toBe(0);
    return { payg, coding };
  }

  it('lists every tool with its kind, plans, variables (names only) and whether it is installed', async () => {
    const { payg } = await withKeys();
    const bin = fakePrograms(home.directory, ['qwen']);
    const run = await home.run(['tools', '--json'], { env: { PATH: `${bin}:/usr/bin:/bin` } });
    const tools = JSON.parse(run.stdout) as {
      id: string;
      kind: string;
      available: boolean | null;
      variables: string[];
    }[];
    expect(tools.map((tool) => tool.id)).toEqual([
      'default',
      'openai',
      'dashscope',
      'terminal',
      'qwen-code',
      'claude-code',
      'openclaw',
      'opencode',
      'codex',
      'aider',
      'cline',
      'chatbox',
      'dify',
      'cherry-studio',
      'postman',
    ]);
    expect(tools.find((tool) => tool.id === 'qwen-code')).toMatchObject({
      kind: 'cli',
      available: true,
      variables: ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_MODEL'],
      install: 'npm install -g @qwen-code/qwen-code',
    });
    expect(tools.find((tool) => tool.id === 'claude-code')).toMatchObject({ available: false });
    expect(tools.find((tool) => tool.id === 'cline')).toMatchObject({ kind: 'gui', available: null });
    expect(run.stdout).not.toContain(payg);
    expect((await home.run(['tools'])).stdout).toMatch(/^ID\s+NAME\s+KIND\s+PLANS\s+INSTALLED\s+GETS\n/);
  });

  it('fills in a GUI tool’s settings page, and refuses one the key’s plan does not serve', async () => {
    const { payg } = await withKeys();
    const settings = await home.run(['tools', 'settings', 'cline', '--key', 'personal', '--print']);
    expect(settings.code).toBe(0);
    expect(settings.stdout).toMatch(/^FIELD\s+VALUE\s+WHERE\n/);
    expect(settings.stdout).toMatch(/API Provider\s+OpenAI Compatible/);
    expect(settings.stdout).toMatch(
      /Base URL\s+https:\/\/dashscope-intl\.aliyuncs\.com\/compatible-mode\/v1/,
    );
    expect(settings.stdout).toContain(payg);
    const dify = await home.run(['tools', 'settings', 'dify', '--key', 'coding', '--print']);
    expect(dify).toMatchObject({ code: 1, stdout: '' });
    expect(dify.stderr).toMatch(
      /^msk: Dify does not work with a Coding Plan key\. Alibaba serves the Coding Plan to coding agents only/,
    );
  });

  it('exports a Postman environment: owner-only, the key typed secret, never over a file without --force', async () => {
    const { payg } = await withKeys();
    const file = path.join(home.directory, 'postman.json');
    const run = await home.run(['tools', 'export', 'postman', '--key', 'personal', '--out', file]);
    expect(run.code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const environment = JSON.parse(readFileSync(file, 'utf8'));
    expect(environment).toMatchObject({
      name: 'Model Studio — personal (Singapore)',
      _postman_variable_scope: 'environment',
      values: [
        {
          key: 'baseUrl',
          value: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
          type: 'default',
          enabled: true,
        },
        {
          key: 'nativeBaseUrl',
          value: 'https://dashscope-intl.aliyuncs.com/api/v1',
          type: 'default',
          enabled: true,
        },
        { key: 'apiKey', value: payg, type: 'secret', enabled: true },
        { key: 'model', value: 'qwen-plus', type: 'default', enabled: true },
      ],
    });
    const again = await home.run(['tools', 'export', 'postman', '--key', 'personal', '--out', file]);
    expect(again.stderr).toMatch(/exists already; pass --force/);
    expect(
      (await home.run(['tools', 'export', 'postman', '--key', 'personal', '--out', file, '--force'])).code,
    ).toBe(0);
  });

  it('adds a tool of your own that msk exec uses at once, and removes it', async () => {
    const { payg } = await withKeys();
    const added = await home.run([
      'tools',
      'add',
      'my-agent',
      '--name',
      'My agent',
      '--var',
      'AGENT_KEY={{apiKey}}',
      '--var',
      'AGENT_URL={{baseUrl}}/chat',
      '--var',
      'AGENT_REGION={{regionId}}',
    ]);
    expect(added).toMatchObject({
      code: 0,
      stderr: "Added 'my-agent': msk exec --tool my-agent -- <command>.\n",
    });
    const printed = await home.run([
      'exec',
      '--key',
      'personal',
      '--tool',
      'my-agent',
      '--',
      process.execPath,
      '-e',
      'console.log(JSON.stringify(process.env))',
    ]);
    expect(JSON.parse(printed.stdout)).toMatchObject({
      AGENT_KEY: payg,
      AGENT_URL: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat',
      AGENT_REGION: 'ap-southeast-1',
    });
    expect((await home.run(['tools', 'add', 'bad', '--var', 'X={{secret}}'])).stderr).toMatch(
      /Unknown placeholder \{\{secret\}\}/,
    );
    expect(
      (
        await home.run([
          'tools',
          'add',
          'leaky',
          '--command',
          'tool --key {{apiKey}}',
          '--var',
          'X={{model}}',
        ])
      ).stderr,
    ).toMatch(/cannot hold \{\{apiKey\}\}/);
    expect((await home.run(['tools', 'remove', 'my-agent'])).code).toBe(0);
    expect((await home.run(['exec', '--tool', 'my-agent', '--', 'true'])).stderr).toMatch(
      /Unknown tool 'my-agent'/,
    );
  });

  /** config.json and every copy of it beside it: none may hold any part of `secret`. */
  const dataFilesHolding = (secret: string): string[] =>
    readdirSync(home.directory)
      .filter((name) => name.startsWith('config.json'))
      .filter((name) => readFileSync(path.join(home.directory, name), 'utf8').includes(secret.slice(3, 15)));

  it('refuses a key in any field of a tool of your own, and any secret the keychain holds; nothing is stored', async () => {
    const { payg } = await withKeys();
    // A secret of the service that is not shaped like a key (an AccessKey secret, say) counts too.
    const accessKeySecret = 'LTAI5tQ9xZ0aB1cD2eF3gH4iJ5kL6';
    await keytar.setPassword(home.env.MSK_KEYCHAIN_SERVICE as string, 'account-secret-test', accessKeySecret);
    onTestFinished(async () => {
      await keytar.deletePassword(home.env.MSK_KEYCHAIN_SERVICE as string, 'account-secret-test');
    });
    await home.run(['config', 'set', 'defaultModel', 'qwen-max']);
    const before = readFileSync(path.join(home.directory, 'config.json'), 'utf8');
    const stray = fakeKey();
    for (const [args, field] of [
      [['--var', `X=${stray}`], 'variables.X'],
      [['--var', `AUTH=Bearer ${payg}`], 'variables.AUTH'],
      [['--var', 'X={{apiKey}}', '--command', `foo ${stray}`], 'command.1'],
      [['--var', 'X={{apiKey}}', '--command', `foo --api-key=${stray}`], 'command.1'],
      [['--var', 'X={{apiKey}}', '--name', `agent ${stray}`], 'name'],
      [['--var', `X=${accessKeySecret}`], 'variables.X'],
      [['--var', 'X={{apiKey}}', '--command', `foo --secret=${accessKeySecret}`], 'command.1'],
    ] as const) {
      const run = await home.run(['tools', 'add', 't', ...args]);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toBe(
        `msk: A tool of your own cannot hold a key, and its ${field} looks like one: keys stay in the keychain. Put {{apiKey}} where the key goes.\n`,
      );
    }
    expect(readFileSync(path.join(home.directory, 'config.json'), 'utf8')).toBe(before);
    for (const secret of [stray, payg, accessKeySecret]) expect(dataFilesHolding(secret)).toEqual([]);
    expect((await home.run(['tools', '--json'])).stdout).not.toContain('"t"');
  });

  it('lets a user whose config.json already holds a key in a tool out: doctor --fix takes out that value only', async () => {
    // A keychain service of its own: doctor looks at every item of it.
    const service = `msk-tools-doctor-${randomUUID()}`;
    home = mskHome({ MSK_KEYCHAIN_SERVICE: service });
    onTestFinished(() => removeService(service));
    const payg = fakeKey();
    expect((await home.run(['add', '-l', 'personal', '-r', 'sg'], { input: payg })).code).toBe(0);
    const file = path.join(home.directory, 'config.json');
    // As today's version wrote it: the key in a variable and on the command line, in the file and its backup.
    const config = JSON.parse(readFileSync(file, 'utf8'));
    config.settings.customTools = [
      { id: 'leaky', name: 'Leaky', command: ['foo', payg], variables: { X: payg, URL: '{{baseUrl}}' } },
    ];
    writeFileSync(file, JSON.stringify(config, null, 2));
    writeFileSync(`${file}.bak`, JSON.stringify(config, null, 2));
    const listed = await home.run(['list']);
    expect(listed.code).toBe(1);
    expect(listed.stderr).toContain('settings.customTools.0.command.1: holds what looks like an API key');
    expect(listed.stderr).toContain('`msk doctor --fix` takes out only what this version refuses');
    expect(listed.stderr).not.toContain(payg.slice(3, 15));
    const doctor = await home.run(['doctor']);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(
      /^PROBLEM refused-values: .*Your tool ‘leaky’: a word of its command looked like a key: removed\./m,
    );
    expect(doctor.stdout).not.toContain(payg.slice(3, 15));
    const fixed = await home.run(['doctor', '--fix']);
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0);
    expect(dataFilesHolding(payg)).toEqual([]);
    const tools = JSON.parse((await home.run(['tools', '--json'])).stdout) as {
      id: string;
      command: string[];
      templates: unknown;
    }[];
    expect(tools.find((tool) => tool.id === 'leaky')).toMatchObject({
      command: ['foo'],
      templates: { URL: '{{baseUrl}}' },
    });
    expect((await home.run(['list'])).code).toBe(0);
  });

  it('refuses a model id that could end a shell’s string, wherever it comes in: a cloned .msk.json, --model, settings, a token', async () => {
    await withKeys();
    const project = path.join(home.directory, 'cloned');
    mkdirSync(project);
    const bin = fakePrograms(home.directory, ['qwen', 'xterm']);
    const env = { PATH: `${bin}:/usr/bin:/bin` };
    for (const model of ['qwen-max&calc', 'q’; calc.exe; ’', "q'; calc; '", 'q" & calc', 'a b', '$(id)']) {
      writeFileSync(
        path.join(project, '.msk.json'),
        JSON.stringify({ key: 'personal', tool: 'qwen-code', model }),
      );
      for (const args of [
        ['env', '--shell', 'powershell'],
        ['exec', '--', 'true'],
        ['launch', 'qwen-code', '--terminal', 'xterm', '--dry-run'],
      ]) {
        const run = await home.run(args, { cwd: project, env });
        expect(run.code, `${args.join(' ')} with ${model}`).not.toBe(0);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(
          /^msk: .*\.msk\.json is not a key binding \(model: not a model id \(letters, digits and \. - _ : \/ @/,
        );
      }
      for (const args of [
        ['env', '--model', model],
        ['exec', '--model', model, '--', 'true'],
        ['launch', 'qwen-code', '--model', model, '--terminal', 'xterm', '--dry-run'],
        ['config', 'set', 'defaultModel', model],
        ['config', 'set', 'toolModels.codex', model],
        ['gateway', 'token', 'add', 'chatbox', '--model', model],
        ['bind', 'personal', '--model', model],
      ]) {
        const run = await home.run(args, { cwd: home.directory, env });
        expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(1);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/is not a model id: letters, digits and \. - _ : \/ @/);
      }
    }
    const config = readFileSync(path.join(home.directory, 'config.json'), 'utf8');
    expect(config).not.toMatch(/calc|\$\(id\)/);
    // A model id of the catalog's alphabet is taken everywhere.
    writeFileSync(
      path.join(project, '.msk.json'),
      JSON.stringify({ key: 'personal', tool: 'qwen-code', model: 'ft:qwen-plus/a.b_c@1' }),
    );
    expect(
      JSON.parse((await home.run(['env', '--shell', 'json'], { cwd: project })).stdout).OPENAI_MODEL,
    ).toBe('ft:qwen-plus/a.b_c@1');
  });

  it('prints nothing of a cloned .msk.json that could drive the terminal or is a key', async () => {
    const { payg } = await withKeys();
    const project = path.join(home.directory, 'cloned');
    mkdirSync(project);
    for (const [binding, refusal] of [
      [
        { key: 'x\u001b]0;pwned\u0007\u001b[2J' },
        /key: holds a control, line-separator or text-direction character/,
      ],
      [{ key: 'team\u202Egnp.exe' }, /key: holds a control/],
      [{ key: 'a\u0085b' }, /key: holds a control/],
      [{ key: payg }, /key: holds what looks like an API key/],
      [{ key: 'personal', tool: 'x\u001b[31mred' }, /tool: not a tool id/],
      [{ key: 'personal', model: payg }, /model: not a model id/],
    ] as const) {
      writeFileSync(path.join(project, '.msk.json'), JSON.stringify(binding));
      for (const args of [['env'], ['status'], ['exec', '--', 'true']]) {
        const run = await home.run(args, { cwd: project });
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(refusal);
        // eslint-disable-next-line no-control-regex -- control characters are what must not be there
        expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        expect(run.stderr).not.toContain(payg.slice(3, 15));
      }
    }
    // Any message repeating such text writes its characters out instead (a label named with --key).
    const named = await home.run(['env', '--key', 'x\u001b[2Jy']);
    expect(named.stderr).toContain("No key is labelled or identified 'x\\u{1b}[2Jy'");
  });

  it('binds a folder to a key: exec, env and status use it below; --key wins; unbind forgets', async () => {
    const { payg, coding } = await withKeys();
    const project = path.join(home.directory, 'project');
    const nested = path.join(project, 'src', 'deep');
    mkdirSync(nested, { recursive: true });
    const inProject = (args: string[], cwd = nested) => home.run(args, { cwd });
    expect(
      (await home.run(['bind', 'coding', '--tool', 'qwen-code', '--model', 'qwen3-max'], { cwd: project }))
        .stderr,
    ).toMatch(/^This folder now uses 'coding' \(sk-sp-…\S{4}\): .*\/project\/\.msk\.json\n$/);
    expect(JSON.parse(readFileSync(path.join(project, '.msk.json'), 'utf8'))).toEqual({
      key: 'coding',
      tool: 'qwen-code',
      model: 'qwen3-max',
    });
    expect(statSync(path.join(project, '.msk.json')).mode & 0o777).toBe(0o600);
    const env = JSON.parse((await inProject(['env', '--shell', 'json'])).stdout);
    expect(env).toEqual({
      OPENAI_API_KEY: coding,
      OPENAI_BASE_URL: 'https://coding.dashscope.aliyuncs.com/v1',
      OPENAI_MODEL: 'qwen3-max',
    });
    expect((await inProject(['status'])).stdout).toMatch(
      /^key\tcoding \(sk-sp-…\S{4}\), China \(Beijing\), Coding Plan\ntool\tqwen-code \(Qwen Code\)\nmodel\tqwen3-max\nwhy\tbound here by .*\.msk\.json\n$/,
    );
    expect(
      JSON.parse(
        (await inProject(['env', '--shell', 'json', '--key', 'personal', '--tool', 'openai'])).stdout,
      ).OPENAI_API_KEY,
    ).toBe(payg);
    expect((await home.run(['status'], { cwd: home.directory })).stdout).toMatch(
      /why\tthe active key of Singapore/,
    );
    expect((await home.run(['unbind'], { cwd: project })).stderr).toBe('Removed .msk.json here.\n');
    expect((await inProject(['status'])).stdout).toMatch(/^key\tpersonal/);
    writeFileSync(path.join(project, '.msk.json'), '{"key": "personal", "secret": "sk-oops"}');
    expect((await inProject(['env'])).stderr).toMatch(/^msk: .*\.msk\.json is not a key binding/);
  });

  it('a cloned repository’s hostile .msk.json: a device is not read, a file is not quoted, a link is not written through', async () => {
    await withKeys();
    const project = path.join(home.directory, 'cloned');
    mkdirSync(project);
    const binding = path.join(project, '.msk.json');
    symlinkSync('/dev/zero', binding);
    expect((await home.run(['env'], { cwd: project })).stderr).toBe(
      `msk: ${binding} is not a regular file; remove it.\n`,
    );
    // A link to a file of the user's that starts with a key: not valid JSON, and not quoted.
    const profile = path.join(home.directory, 'profile');
    const secret = fakeKey();
    writeFileSync(profile, `${secret} # mine\n`, { mode: 0o644 });
    const victim = readFileSync(profile, 'utf8');
    spawnSync('ln', ['-sf', profile, binding]);
    const quoted = await home.run(['env'], { cwd: project });
    expect(quoted.stderr).toMatch(/^msk: .*\.msk\.json is not valid JSON; fix it, or remove it\.\n$/);
    expect(quoted.stderr).not.toContain(secret.slice(0, 8));
    const bound = await home.run(['bind', 'personal'], { cwd: project });
    expect(bound.code).toBe(1);
    expect(bound.stderr).toMatch(
      /^msk: .*\.msk\.json is a symbolic link: Model Studio Keys does not follow it/,
    );
    expect(readFileSync(profile, 'utf8')).toBe(victim);
    expect(statSync(profile).mode & 0o777).toBe(0o644);
  });

  it('shows what launch would start, and says why it will not start a GUI tool or a missing one', async () => {
    await withKeys();
    const bin = fakePrograms(home.directory, ['qwen', 'xterm']);
    const env = { PATH: `${bin}:/usr/bin:/bin` };
    const dry = await home.run(
      [
        'launch',
        'qwen-code',
        '--key',
        'personal',
        '--terminal',
        'xterm',
        '--cwd',
        home.directory,
        '--dry-run',
        '--',
        '--yolo',
      ],
      { env },
    );
    expect(dry.code).toBe(0);
    const started = JSON.parse(dry.stdout) as {
      terminal: string;
      command: string;
      args: string[];
      cwd: string;
    };
    expect(started).toMatchObject({ terminal: 'xterm', command: 'xterm', cwd: home.directory });
    expect(started.args.slice(0, 4)).toEqual(['-T', 'Qwen Code — personal', '-e', 'sh']);
    const exec = started.args.indexOf('exec');
    expect(started.args.slice(exec)).toEqual([
      'exec',
      '--key',
      expect.any(String),
      '--tool',
      'qwen-code',
      '--model',
      'qwen3-coder-plus',
      '--',
      'qwen',
      '--yolo',
    ]);
    expect(started.args).toContain(`MSK_HOME=${home.directory}`);
    const gui = await home.run(['launch', 'cline'], { env });
    expect(gui.stderr).toBe(
      "msk: Cline is not started from here: it takes its settings on its own settings page; run 'msk tools settings cline' for what to paste where.\n",
    );
    const missing = await home.run(['launch', 'claude-code', '--terminal', 'xterm'], { env });
    expect(missing.stderr).toBe(
      'msk: Claude Code is not installed here (no claude on your PATH): npm install -g @anthropic-ai/claude-code\n',
    );
    const mismatch = await home.run(['launch', 'codex', '--key', 'coding'], { env });
    expect(mismatch.stderr).toMatch(/^msk: Codex CLI does not work with a Coding Plan key/);
  });
});
