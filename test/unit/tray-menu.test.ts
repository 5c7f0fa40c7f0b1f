import { describe, expect, it } from 'vitest';
import { listTools } from '../../main/core/actions/tools.js';
import { emptyConfig, type KeyRecord } from '../../main/core/config/config-schema.js';
import type { CheckStatus } from '../../main/shared/vocabulary.js';
import { snapshot, type SpendView } from '../../main/core/state/snapshot.js';
import type { UpdateStatus } from '../../main/core/updates/update-controller.js';
import { createTranslator } from '../../main/shared/i18n/translator.js';
import {
  MAX_KEYS_PER_LIST,
  type TrayItem,
  trayIcon,
  trayMenu,
  trayTooltip,
} from '../../main/shell/tray-menu.js';

const t = createTranslator('en');
const extras = { copyAccelerator: 'CommandOrControl+Shift+K' };

type KeySpec = { id: string; label: string; regionId: string } & Partial<KeyRecord>;
const stateWith = (
  keys: KeySpec[],
  activeRegionId = 'ap-southeast-1',
  active: Record<string, string> = {},
) => {
  const config = emptyConfig();
  config.settings.activeRegionId = activeRegionId;
  config.settings.activeKeyByRegion = active;
  config.keys = keys.map((key) => ({
    workspaceId: 'default',
    plan: 'payg' as const,
    shape: 'classic' as const,
    fingerprint: key.id.padStart(4, '0'),
    createdAt: '2026-11-27T10:00:00.000Z',
    ...key,
  }));
  return snapshot(config);
};

/** The menu as an outline: labels, submenus indented, disabled items in brackets. */
function outline(items: TrayItem[], depth = 0): string[] {
  return items.flatMap((item) => {
    const pad = '  '.repeat(depth);
    switch (item.kind) {
      case 'separator':
        return [`${pad}---`];
      case 'header':
        return [`${pad}[${item.label}]`];
      case 'radio':
        return [`${pad}(${item.checked ? 'x' : ' '}) ${item.label}`];
      case 'check':
        return [`${pad}[${item.checked ? 'x' : ' '}] ${item.label}`];
      case 'action':
        return [`${pad}${item.enabled === false ? `[${item.label}]` : item.label}`];
      case 'submenu':
        return [`${pad}${item.label} >`, ...outline(item.items, depth + 1)];
    }
  });
}

const find = (items: TrayItem[], label: string): TrayItem | undefined =>
  items.find((item) => 'label' in item && item.label === label);

describe('trayMenu', () => {
  it('offers every use of the active key, the keys, regions, checks, the window, the console and Quit', () => {
    const state = stateWith(
      [
        { id: '1', label: 'personal', regionId: 'ap-southeast-1' },
        { id: '2', label: 'team', regionId: 'ap-southeast-1', workspaceId: 'llm-abcd1234' },
      ],
      'ap-southeast-1',
      { 'ap-southeast-1': '1' },
    );
    expect(outline(trayMenu(state, t, extras))).toEqual([
      '[Region: Singapore]',
      '[Active key: personal (sk-…0001)]',
      '---',
      'Copy API Key',
      'Copy Base URL',
      'Keys >',
      '  [Default workspace]',
      '  personal — sk-…0001 (active) >',
      '    Copy Key',
      '    Copy Temporary Key (60 s)',
      '    Copy Environment >',
      '      bash / zsh',
      '      fish',
      '      PowerShell',
      '      cmd',
      '      .env',
      '    [Make Active]',
      '    Check',
      '  [Workspace llm-abcd1234]',
      '  team — sk-…0002 >',
      '    Copy Key',
      '    Copy Temporary Key (60 s)',
      '    Copy Environment >',
      '      bash / zsh',
      '      fish',
      '      PowerShell',
      '      cmd',
      '      .env',
      '    Make Active',
      '    Check',
      'Switch Region >',
      '  (x) Singapore (2)',
      '  ( ) US (Virginia)',
      '  ( ) China (Beijing)',
      '  ( ) China (Hong Kong)',
      '---',
      'Check All Keys',
      '---',
      'Open Model Studio Keys…',
      'Open API-Key Page (Singapore)',
      '---',
      'Quit',
    ]);
    const copy = find(trayMenu(state, t, extras), 'Copy API Key');
    expect(copy).toMatchObject({
      action: { type: 'copy-active-key' },
      accelerator: 'CommandOrControl+Shift+K',
    });
  });

  it('groups keys by region when several regions hold keys, and says when there is no active key', () => {
    const menu = trayMenu(
      stateWith([
        { id: '1', label: 'a', regionId: 'cn-beijing' },
        { id: '2', label: 'b', regionId: 'us-east-1', plan: 'payg' },
        { id: '3', label: 'c', regionId: 'cn-beijing', plan: 'coding', shape: 'plan' },
      ]),
      t,
      extras,
    );
    const lines = outline(menu);
    expect(lines.slice(0, 5)).toEqual([
      '[Region: Singapore]',
      '[No active key in this region]',
      '---',
      '[Copy API Key]',
      'Copy Base URL',
    ]);
    expect(
      lines.filter((line) => /^ {2}\S/.test(line) && lines.indexOf(line) < lines.indexOf('Switch Region >')),
    ).toEqual(['  US (Virginia) (1) >', '  China (Beijing) (2) >']);
    // A Coding Plan key cannot mint temporary keys: the item is not offered.
    const beijing = lines.slice(lines.indexOf('  China (Beijing) (2) >'), lines.indexOf('Switch Region >'));
    expect(beijing).toContain('    c — sk-sp-…0003 >');
    expect(beijing.filter((line) => line.includes('Copy Temporary Key'))).toHaveLength(1);
  });

  it('offers Make Active on another region’s active key (it switches region too), and the window when there are no keys', () => {
    const state = stateWith(
      [
        { id: '1', label: 'sg', regionId: 'ap-southeast-1' },
        { id: '2', label: 'cn', regionId: 'cn-beijing' },
      ],
      'ap-southeast-1',
      { 'ap-southeast-1': '1', 'cn-beijing': '2' },
    );
    const lines = outline(trayMenu(state, t, extras));
    const makeActive = lines.filter((line) => line.includes('Make Active'));
    expect(makeActive).toEqual(['      [Make Active]', '      Make Active']);
    const empty = find(trayMenu(stateWith([]), t, extras), 'Keys');
    expect(empty?.kind === 'submenu' && empty.items).toEqual([
      { kind: 'action', label: 'No keys yet — add one in the window', action: { type: 'open-window' } },
    ]);
  });

  it('stays usable with hundreds of keys: each list is capped, the rest are in the window', () => {
    const keys = Array.from({ length: 600 }, (_, index) => ({
      id: String(index + 1),
      label: `key-${index + 1}`,
      regionId: 'ap-southeast-1',
    }));
    const menu = trayMenu(stateWith(keys), t, extras);
    const list = find(menu, 'Keys');
    expect(list?.kind === 'submenu' && list.items).toHaveLength(MAX_KEYS_PER_LIST + 1);
    expect(list?.kind === 'submenu' && list.items.at(-1)).toEqual({
      kind: 'action',
      label: `More in window… (${600 - MAX_KEYS_PER_LIST} more)`,
      action: { type: 'open-window' },
    });
  });

  it('sums up the last checks, shows progress while checking, and offers to cancel', () => {
    const at = '2026-11-27T10:00:00.000Z';
    const check = (status: 'ok' | 'wrong-region') => ({
      status,
      httpStatus: 200,
      latencyMs: 1,
      modelCount: 1,
      at,
    });
    const state = stateWith([
      { id: '1', label: 'a', regionId: 'ap-southeast-1', lastCheck: check('ok') },
      { id: '2', label: 'b', regionId: 'ap-southeast-1', lastCheck: check('wrong-region') },
      { id: '3', label: 'c', regionId: 'ap-southeast-1', lastCheck: check('ok') },
      { id: '4', label: 'd', regionId: 'ap-southeast-1' },
    ]);
    expect(outline(trayMenu(state, t, extras))).toContain('Check All Keys (2 ok · 1 wrong region)');
    const running = outline(trayMenu({ ...state, checking: { done: 4, total: 12 } }, t, extras));
    expect(running).toContain('[Checking 4/12…]');
    expect(running).toContain('Cancel Check');
    expect(trayTooltip({ ...state, checking: { done: 4, total: 12 } }, t)).toBe('Checking 4/12…');
    expect(trayTooltip(state, t)).toBe('Model Studio Keys — Singapore');
    expect(outline(trayMenu(stateWith([]), t, extras))).toContain('[Check All Keys]');
  });

  it('offers Tokyo and Frankfurt, reached only through workspace domains, once they hold a key', () => {
    const regions = (state: ReturnType<typeof stateWith>) => {
      const switcher = find(trayMenu(state, t, extras), 'Switch Region');
      return switcher?.kind === 'submenu'
        ? switcher.items.map((item) => ('label' in item ? item.label : ''))
        : [];
    };
    expect(regions(stateWith([]))).not.toContain('Japan (Tokyo)');
    expect(
      regions(stateWith([{ id: '1', label: 'a', regionId: 'ap-northeast-1', workspaceId: 'llm-abcd1234' }])),
    ).toEqual(['Singapore', 'US (Virginia)', 'China (Beijing)', 'China (Hong Kong)', 'Japan (Tokyo) (1)']);
    expect(regions(stateWith([], 'eu-central-1'))).toContain('Germany (Frankfurt)');
  });

  it('says first what is wrong: a locked keychain explains every failure below it', () => {
    const state = {
      ...stateWith([]),
      problem: { code: 'keychain-locked', message: 'The keychain is locked (x).' },
    };
    expect(outline(trayMenu(state, t, extras)).slice(0, 3)).toEqual([
      '[⚠ The keychain is locked: unlock it, then try again.]',
      '---',
      '[Region: Singapore]',
    ]);
  });

  it('launches CLI tools, copies GUI settings and exports Postman for the active key, saying why one cannot', () => {
    // Nothing on this PATH but a shell: Qwen Code and the others are "not installed".
    const tools = listTools(emptyConfig(), { searchPath: '/bin', platform: 'linux', shell: '/bin/sh' }).map(
      (tool) => (tool.id === 'qwen-code' ? { ...tool, available: true } : tool),
    );
    const tooled = { ...extras, tools };
    const menuOf = (plan: 'payg' | 'coding') =>
      outline(
        trayMenu(
          stateWith([{ id: '1', label: 'a', regionId: 'ap-southeast-1', plan }], 'ap-southeast-1', {
            'ap-southeast-1': '1',
          }),
          t,
          tooled,
        ),
      );
    const payg = menuOf('payg');
    const section = (lines: string[], from: string, to: string) =>
      lines.slice(lines.indexOf(from), lines.indexOf(to));
    expect(section(payg, 'Launch >', 'Switch Region >')).toEqual([
      'Launch >',
      '  Terminal',
      '  Qwen Code',
      '  [Claude Code — not installed]',
      '  [OpenClaw — not installed]',
      '  [OpenCode — not installed]',
      '  [Codex CLI — not installed]',
      '  [Aider — not installed]',
      'Copy Settings for >',
      '  Cline',
      '  Chatbox',
      '  Dify',
      '  Cherry Studio',
      'Export Postman Environment…',
    ]);
    // A Coding Plan key serves the coding tools only; an export of it would not work in Postman.
    const coding = menuOf('coding');
    expect(section(coding, 'Launch >', 'Switch Region >')).toEqual(
      expect.arrayContaining(['  Terminal', '  Qwen Code', '  [Dify — not for Coding Plan keys]']),
    );
    expect(coding).toContain('[Postman — not for Coding Plan keys]');
    // Without an active key nothing can be launched.
    const none = outline(trayMenu(stateWith([]), t, tooled));
    expect(none).toContain('  [Qwen Code]');
    const launch = find(trayMenu(stateWith([]), t, tooled), 'Launch');
    expect(launch?.kind === 'submenu' && launch.items[1]).toMatchObject({
      action: { type: 'launch', toolId: 'qwen-code' },
    });
  });

  it('speaks Simplified Chinese when asked', () => {
    const zh = createTranslator('zh-CN');
    const lines = outline(
      trayMenu(stateWith([{ id: '1', label: 'a', regionId: 'cn-beijing' }], 'cn-beijing'), zh, extras),
    );
    expect(lines.slice(0, 5)).toEqual([
      '[地域：华北2（北京）]',
      '[此地域没有当前密钥]',
      '---',
      '[复制 API Key]',
      '复制 Base URL',
    ]);
    expect(lines).toContain('退出');
  });

  it.each([
    [
      'zh-TW',
      ['[地域：日本（東京）]', '[此地域沒有目前金鑰]', '---', '[複製 API Key]', '複製 Base URL'],
      '結束',
    ],
    [
      'ja',
      [
        '[リージョン: 日本 (東京)]',
        '[このリージョンにアクティブなキーはありません]',
        '---',
        '[API キーをコピー]',
        'ベース URL をコピー',
      ],
      '終了',
    ],
  ] as const)('speaks %s when asked', (language, top, quit) => {
    const lines = outline(
      trayMenu(
        stateWith([{ id: '1', label: 'a', regionId: 'ap-northeast-1' }], 'ap-northeast-1'),
        createTranslator(language),
        extras,
      ),
    );
    expect(lines.slice(0, 5)).toEqual(top);
    expect(lines).toContain(quit);
  });
});

describe('the gateway in the tray', () => {
  const withToken = (runtime: Parameters<typeof snapshot>[2] = {}, enabled = true) => {
    const config = emptyConfig();
    config.settings.gatewayEnabled = enabled;
    config.gateway.tokens = [
      { name: 'chatbox', hash: '0'.repeat(64), keyIds: [], createdAt: '2026-11-28T00:00:00.000Z' },
    ];
    return snapshot(config, 1, runtime);
  };
  const gatewayPart = (state: ReturnType<typeof snapshot>) => {
    const lines = outline(trayMenu(state, t, extras));
    const start = lines.findIndex((line) => line.includes('Run Gateway'));
    return start === -1 ? [] : lines.slice(start, lines.indexOf('---', start));
  };

  it('is not there until a tool has a token', () => {
    expect(gatewayPart(stateWith([]))).toEqual([]);
  });

  it('says where it listens and what the tools spent today, in each currency', () => {
    const state = withToken({
      gateway: {
        status: { state: 'running', port: 11480, url: 'http://127.0.0.1:11480/v1' },
        today: { requests: 12, cost: { CNY: 0.1, USD: 0.0234 } },
      },
    });
    expect(gatewayPart(state)).toEqual([
      '[x] Run Gateway for GUI Tools',
      '[Gateway: on 127.0.0.1:11480]',
      '[Today: $0.02 · ¥0.10 (12 requests)]',
    ]);
    expect(find(trayMenu(state, t, extras), 'Run Gateway for GUI Tools')).toMatchObject({
      action: { type: 'toggle-gateway' },
    });
  });

  it('says why it is not running, or that it is off', () => {
    const failed = withToken({
      gateway: {
        status: { state: 'failed', port: 11480, message: 'Port 11480 is in use.' },
        today: { requests: 0, cost: {} },
      },
    });
    expect(gatewayPart(failed)).toEqual([
      '[x] Run Gateway for GUI Tools',
      '[Gateway: Port 11480 is in use.]',
    ]);
    expect(gatewayPart(withToken({}, false))).toEqual(['[ ] Run Gateway for GUI Tools', '[Gateway: off]']);
    const zh = outline(trayMenu(withToken({}, false), createTranslator('zh-CN'), extras));
    expect(zh).toContain('[ ] 为 GUI 工具运行网关');
  });
});

describe('msk on the PATH, from the tray', () => {
  const withCli = (installed: boolean) =>
    snapshot(emptyConfig(), 1, { cli: { installed, file: '/home/ana/.local/bin/msk', onPath: true } });

  it('offers to install the launcher, or to uninstall it, once the app has looked', () => {
    expect(find(trayMenu(withCli(false), t, extras), 'Install Command-Line Tool (msk)…')).toMatchObject({
      action: { type: 'install-cli' },
    });
    expect(find(trayMenu(withCli(true), t, extras), 'Uninstall Command-Line Tool (msk)')).toMatchObject({
      action: { type: 'uninstall-cli' },
    });
    const none = outline(trayMenu(stateWith([]), t, extras));
    expect(none.some((line) => line.includes('Command-Line Tool'))).toBe(false);
  });
});

describe('this month’s spend in the tray', () => {
  const withAccount = (spend: SpendView | null | undefined, accounts = 1) => {
    const config = emptyConfig();
    config.accounts = Array.from({ length: accounts }, (_, index) => ({
      id: `00000000-0000-4000-8000-00000000000${index}`,
      name: index === 0 ? 'work' : `account-${index + 1}`,
      site: 'china' as const,
      credential: { kind: 'chain' as const },
      connectedAt: '2026-12-01T00:00:00.000Z',
    }));
    return snapshot(config, 1, { spend });
  };
  const spendLines = (state: ReturnType<typeof snapshot>) =>
    outline(trayMenu(state, t, extras)).filter((line) => line.includes('this month'));

  it('shows the month’s bill across the accounts, in each currency, and opens the window', () => {
    const state = withAccount({ month: '2026-12', cost: { CNY: 159, USD: 2.5 } }, 2);
    expect(spendLines(state)).toEqual(['Alibaba Cloud this month: $2.50 · ¥159.00']);
    // Beside the checks, before the gateway and the window.
    const lines = outline(trayMenu(state, t, extras));
    expect(lines.indexOf('Alibaba Cloud this month: $2.50 · ¥159.00')).toBe(
      lines.indexOf('[Check All Keys]') + 1,
    );
    expect(find(trayMenu(state, t, extras), 'Alibaba Cloud this month: $2.50 · ¥159.00')).toMatchObject({
      action: { type: 'open-window' },
    });
    expect(spendLines(withAccount({ month: '2026-12', cost: { CNY: 0 } }))).toEqual([
      'Alibaba Cloud this month: ¥0.00',
    ]);
  });

  it('is hidden without an account, before a bill was read, and when none could be', () => {
    expect(spendLines(withAccount({ month: '2026-12', cost: { CNY: 159 } }, 0))).toEqual([]);
    expect(spendLines(withAccount(undefined))).toEqual([]);
    expect(spendLines(withAccount(null))).toEqual([]);
  });

  it('speaks Simplified Chinese when asked', () => {
    const state = withAccount({ month: '2026-12', cost: { CNY: 159 } });
    expect(outline(trayMenu(state, createTranslator('zh-CN'), extras))).toContain('阿里云本月费用：¥159.00');
  });
});

describe('updates in the tray', () => {
  const withUpdates = (status: UpdateStatus) =>
    outline(trayMenu(snapshot(emptyConfig(), 1, { updates: { current: '0.1.0', status } }), t, extras));
  const updateLines = (lines: string[]) => lines.filter((line) => /Update|Downloading/.test(line));

  it('offers a check, says what it is doing, and offers the restart once a version is ready', () => {
    expect(updateLines(withUpdates({ phase: 'idle', checkedAt: null }))).toEqual(['Check for Updates…']);
    expect(updateLines(withUpdates({ phase: 'checking', checkedAt: null }))).toEqual([
      '[Checking for Updates…]',
    ]);
    expect(
      updateLines(withUpdates({ phase: 'downloading', version: '0.2.0', percent: 42, checkedAt: null })),
    ).toEqual(['[Downloading Version 0.2.0 (42%)…]']);
    const ready = withUpdates({ phase: 'ready', version: '0.2.0', checkedAt: null });
    expect(updateLines(ready)).toEqual(['Restart to Update (0.2.0)']);
    // Just above Quit.
    expect(ready.slice(-2)).toEqual(['Restart to Update (0.2.0)', 'Quit']);
    expect(
      updateLines(
        withUpdates({ phase: 'failed', failure: { reason: 'network', detail: 'offline' }, checkedAt: null }),
      ),
    ).toEqual(['Check for Updates…']);
  });

  it('offers nothing in a build that cannot update itself', () => {
    expect(updateLines(outline(trayMenu(stateWith([]), t, extras)))).toEqual([]);
    expect(
      updateLines(withUpdates({ phase: 'unavailable', reason: 'unsupported', checkedAt: null })),
    ).toEqual([]);
  });
});

describe('the tray icon', () => {
  const checked = (status: CheckStatus) =>
    stateWith([
      {
        id: '1',
        label: 'personal',
        regionId: 'ap-southeast-1',
        lastCheck: {
          status,
          httpStatus: 401,
          latencyMs: 80,
          modelCount: null,
          at: '2026-11-28T00:00:00.000Z',
        },
      },
    ]);

  it('has a dot while the last check found a key failing, not for a passing hiccup', () => {
    expect(trayIcon(stateWith([]))).toBe('normal');
    expect(trayIcon(checked('ok'))).toBe('normal');
    for (const status of ['network', 'timeout', 'server-error', 'rate-limited', 'unverified'] as const)
      expect(trayIcon(checked(status)), status).toBe('normal');
    for (const status of ['invalid-key', 'wrong-region', 'wrong-plan', 'quota', 'arrears'] as const)
      expect(trayIcon(checked(status)), status).toBe('attention');
  });
});
