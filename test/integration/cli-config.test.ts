// msk config list · get · set · unset, msk workspaces · workspace rename — real processes, a real
// data file: every change lands in config.json, and a bad value leaves the file byte for byte.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeKey } from '../fixtures/fake-keys.js';
import { keychainPart } from '../fixtures/keychain.js';
import { type MskHome, mskHome } from '../fixtures/msk.js';

describe('msk config', () => {
  let home: MskHome;
  afterEach(() => home?.remove());
  const settingsFile = () =>
    JSON.parse(readFileSync(path.join(home.directory, 'config.json'), 'utf8')).settings;

  it('lists every setting with its value, default and meaning; --json for scripts', async () => {
    home = mskHome();
    const list = await home.run(['config', 'list', '--json']);
    expect(list.code).toBe(0);
    const settings = JSON.parse(list.stdout) as { name: string; value: unknown; isDefault: boolean }[];
    expect(settings.map((setting) => setting.name)).toEqual([
      'clipboardClearSeconds',
      'concealClipboard',
      'requestTimeoutSeconds',
      'defaultModel',
      'toolModels',
      'endpointOverrides',
      'useWorkspaceDomains',
      'terminal',
      'language',
      'theme',
      'launchAtLogin',
      'globalShortcut',
      'autoUpdate',
      'prices',
      'gatewayEnabled',
      'gatewayPort',
    ]);
    expect(settings[0]).toMatchObject({ value: 30, defaultValue: 30, isDefault: true, kind: 'integer' });
    expect((await home.run(['config', 'list'])).stdout).toMatch(
      /^clipboardClearSeconds\s+30 \(default\)\s+Seconds until/m,
    );
    expect(settings.find((setting) => setting.name === 'theme')).toMatchObject({
      kind: 'choice',
      value: 'system',
      isDefault: true,
      choices: ['system', 'light', 'dark'],
    });
    expect(settings.find((setting) => setting.name === 'launchAtLogin')).toMatchObject({
      kind: 'boolean',
      value: false,
      isDefault: true,
      description: expect.stringContaining('applied by the app'),
    });
  });

  it('records the theme and the wish to start at login (the running app applies it, not msk)', async () => {
    home = mskHome();
    const configHome = path.join(home.directory, 'xdg');
    const run = (...args: string[]) =>
      home.run(['config', ...args], { env: { XDG_CONFIG_HOME: configHome } });
    expect((await run('set', 'theme', 'dark')).stderr).toBe('theme = dark\n');
    expect((await run('set', 'launchAtLogin', 'on')).stderr).toBe('launchAtLogin = true\n');
    expect(settingsFile()).toMatchObject({ theme: 'dark', launchAtLogin: true });
    expect((await run('get', 'theme')).stdout).toBe('dark\n');
    expect((await run('get', 'launchAtLogin')).stdout).toBe('true\n');
    expect((await run('list')).stdout).toMatch(/^launchAtLogin\s+true\s+Start Model Studio Keys/m);
    expect(existsSync(path.join(configHome, 'autostart'))).toBe(false);

    expect((await run('unset', 'theme')).stderr).toBe('theme is back to its default: system\n');
    expect((await run('unset', 'launchAtLogin')).stderr).toBe(
      'launchAtLogin is back to its default: false\n',
    );
    expect(settingsFile()).toMatchObject({ theme: 'system', launchAtLogin: false });
  });

  it('sets, gets and unsets values of every kind, and the file holds them', async () => {
    home = mskHome();
    const set = async (name: string, value: string) => {
      const run = await home.run(['config', 'set', name, value]);
      expect(run.code, run.stderr).toBe(0);
      return run.stderr;
    };
    expect(await set('clipboardClearSeconds', '45')).toBe('clipboardClearSeconds = 45\n');
    await set('concealClipboard', 'off');
    await set('language', 'zh-CN');
    await set('terminal', 'xterm');
    await set('defaultModel', 'qwen3-max');
    await set('toolModels.claude-code', 'qwen3-coder-plus');
    expect(await set('endpointOverrides.coding:ap-southeast-1', 'https://gateway.example.com/coding/')).toBe(
      'endpointOverrides.coding:ap-southeast-1 = https://gateway.example.com/coding\n',
    );
    expect(settingsFile()).toMatchObject({
      clipboardClearSeconds: 45,
      concealClipboard: false,
      language: 'zh-CN',
      terminal: 'xterm',
      defaultModel: 'qwen3-max',
      toolModels: { 'claude-code': 'qwen3-coder-plus' },
      endpointOverrides: { 'coding:ap-southeast-1': 'https://gateway.example.com/coding' },
    });
    expect((await home.run(['config', 'get', 'clipboardClearSeconds'])).stdout).toBe('45\n');
    expect((await home.run(['config', 'get', 'toolModels'])).stdout).toBe(
      '{"claude-code":"qwen3-coder-plus"}\n',
    );
    expect((await home.run(['config', 'get', 'toolModels.claude-code'])).stdout).toBe('qwen3-coder-plus\n');
    // The override is used: msk regions shows the gateway for that host.
    expect((await home.run(['regions', '--all'])).stdout).toContain('https://gateway.example.com/coding/v1');

    expect((await home.run(['config', 'unset', 'clipboardClearSeconds'])).stderr).toBe(
      'clipboardClearSeconds is back to its default: 30\n',
    );
    expect((await home.run(['config', 'unset', 'toolModels.claude-code'])).stderr).toBe(
      'Removed toolModels.claude-code.\n',
    );
    expect((await home.run(['config', 'unset', 'toolModels.claude-code'])).stderr).toBe(
      'toolModels.claude-code was not set.\n',
    );
    expect(settingsFile()).toMatchObject({ clipboardClearSeconds: 30, toolModels: {} });
    expect(await home.run(['config', 'get', 'toolModels.claude-code'])).toMatchObject({
      code: 1,
      stderr: 'msk: toolModels.claude-code is not set.\n',
    });
  });

  it.each([
    [
      ['set', 'clipboardClearSeconds', '-1'],
      'msk: clipboardClearSeconds must be a whole number from 0 to 3600.',
    ],
    [
      ['set', 'clipboardClearSeconds', '1e3'],
      'msk: clipboardClearSeconds must be a whole number from 0 to 3600.',
    ],
    [
      ['set', 'requestTimeoutSeconds', '0'],
      'msk: requestTimeoutSeconds must be a whole number from 1 to 120.',
    ],
    [['set', 'concealClipboard', 'maybe'], 'msk: concealClipboard is on or off: true or false.'],
    [['set', 'language', 'fr'], 'msk: language is one of: system, en, zh-CN, zh-TW, ja.'],
    [['set', 'theme', 'Dark'], 'msk: theme is one of: system, light, dark.'],
    [['set', 'launchAtLogin', 'sometimes'], 'msk: launchAtLogin is on or off: true or false.'],
    [['set', 'launchAtLogin.mac', 'true'], "msk: 'launchAtLogin' has no entries: use 'launchAtLogin'."],
    [['set', 'terminal', 'Terminal.app'], /^msk: terminal is one of: auto, xdg-terminal-exec, /],
    [
      ['set', 'defaultModel', '  '],
      'msk: defaultModel is not a model id: letters, digits and . - _ : / @, at most 128, starting with a letter or digit.',
    ],
    [['set', 'toolModels', 'qwen-plus'], 'msk: Set one entry at a time: toolModels.<tool> <value>.'],
    [['set', 'toolModels.nope', 'qwen-plus'], /^msk: Unknown tool 'nope'\./],
    [
      ['set', 'endpointOverrides.mars', 'https://x.example.com'],
      /^msk: endpointOverrides\.mars: 'mars' is neither a region id/,
    ],
    [
      ['set', 'endpointOverrides.us-east-1', 'ftp://x.example.com'],
      "msk: endpointOverrides.us-east-1: the prefix for 'us-east-1' must be an http(s) URL.",
    ],
    [
      ['set', 'activeRegionId', 'cn'],
      /^msk: There is no setting 'activeRegionId'\. Settings: clipboardClearSeconds, /,
    ],
    [['get', 'terminal.xterm'], "msk: 'terminal' has no entries: use 'terminal'."],
  ])('refuses %j with one line, exit 1, the file untouched', async (args, message) => {
    home = mskHome();
    await home.run(['config', 'set', 'clipboardClearSeconds', '45']);
    const before = readFileSync(path.join(home.directory, 'config.json'), 'utf8');
    const run = await home.run(['config', ...args]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toHaveLength(2);
    if (typeof message === 'string') expect(run.stderr.trim()).toBe(message);
    else expect(run.stderr).toMatch(message);
    expect(readFileSync(path.join(home.directory, 'config.json'), 'utf8')).toBe(before);
  });
});

describe.runIf(keychainPart())('msk workspaces', () => {
  let home: MskHome;
  afterEach(() => home?.remove());

  it('lists the workspaces keys belong to, names one, and refuses what cannot be named', async () => {
    home = mskHome();
    for (const [label, region, workspace] of [
      ['a', 'sg', 'default'],
      ['b', 'sg', 'llm-abcd1234'],
      ['c', 'sg', 'llm-abcd1234'],
      ['d', 'cn', 'default'],
    ] as const) {
      const run = await home.run(['add', '-l', label, '-r', region, '--workspace', workspace], {
        input: fakeKey(),
      });
      expect(run.code, run.stderr).toBe(0);
    }
    expect((await home.run(['workspace', 'rename', 'llm-abcd1234', '  Team prod  '])).stderr).toBe(
      "Workspace llm-abcd1234 is now called 'Team prod'.\n",
    );
    expect(JSON.parse((await home.run(['workspaces', '--json'])).stdout)).toEqual([
      {
        id: 'default',
        regionId: 'ap-southeast-1',
        regionName: 'Singapore',
        name: null,
        keyCount: 1,
        keyLimit: 20,
        workspaceLimit: 10,
      },
      {
        id: 'llm-abcd1234',
        regionId: 'ap-southeast-1',
        regionName: 'Singapore',
        name: 'Team prod',
        keyCount: 2,
        keyLimit: 20,
        workspaceLimit: 10,
      },
      {
        id: 'default',
        regionId: 'cn-beijing',
        regionName: 'China (Beijing)',
        name: null,
        keyCount: 1,
        keyLimit: 20,
        workspaceLimit: 10,
      },
    ]);
    expect((await home.run(['workspaces'])).stdout).toBe(
      [
        'REGION          WORKSPACE     NAME       KEYS',
        'ap-southeast-1  default       -          1/20',
        'ap-southeast-1  llm-abcd1234  Team prod  2/20',
        'cn-beijing      default       -          1/20',
        '',
      ].join('\n'),
    );
    for (const [args, message] of [
      [['llm-zzzz9999', 'x'], "msk: No key is stored for workspace 'llm-zzzz9999'.\n"],
      [['default', 'x'], 'msk: The default workspace keeps its name: name an llm-… workspace.\n'],
      [
        ['bad id', 'x'],
        "msk: 'bad id' is not a workspace id: use 'default' or the id shown in the console (llm-…).\n",
      ],
      [
        ['llm-abcd1234', '\u0007'],
        'msk: A workspace name cannot contain control characters, line separators or text-direction characters.\n',
      ],
      [
        ['llm-abcd1234', 'prod\u202Etxt.exe'],
        'msk: A workspace name cannot contain control characters, line separators or text-direction characters.\n',
      ],
      [['llm-abcd1234', ' '], 'msk: A workspace name is 1 to 100 characters, on one line.\n'],
    ] as const) {
      expect(await home.run(['workspace', 'rename', ...args])).toMatchObject({ code: 1, stderr: message });
    }
  });
});
