// What the tray menu shows, as plain data built from the state snapshot: pure, so it is unit
// tested without Electron, and fast enough to rebuild on every change (a bench holds it with
// 600 keys). tray.ts turns it into a real Menu; tray-actions.ts carries out the clicks.
import type { CheckStatus } from '../shared/vocabulary.js';
import type { Shell } from '../core/platform/env-format.js';
import { TEMPORARY_KEY } from '../core/model-studio/catalog.js';
import type { AppState, KeyView, RegionView } from '../core/state/snapshot.js';
import { formatCost } from '../shared/i18n/cost.js';
import { errorText, regionLabel } from '../shared/i18n/labels.js';
import type { Translate } from '../shared/i18n/translator.js';
import type { ToolListing } from '../core/actions/tools.js';

export type TrayAction =
  | { type: 'open-window' }
  | { type: 'open-api-key-page'; regionId: string }
  | { type: 'copy-active-key' }
  | { type: 'copy-base-url' }
  | { type: 'copy-key'; keyId: string }
  | { type: 'copy-temporary-key'; keyId: string }
  | { type: 'copy-environment'; keyId: string; shell: Shell }
  | { type: 'make-active'; keyId: string }
  | { type: 'check-key'; keyId: string }
  | { type: 'rotate-key'; keyId: string }
  | { type: 'set-region'; regionId: string }
  | { type: 'check-all' }
  | { type: 'cancel-check' }
  | { type: 'launch'; toolId: string }
  | { type: 'copy-settings'; toolId: string }
  | { type: 'export-postman' }
  | { type: 'toggle-gateway' }
  | { type: 'install-cli' }
  | { type: 'uninstall-cli' }
  | { type: 'check-for-updates' }
  | { type: 'restart-to-update' }
  | { type: 'quit' };

export type TrayItem =
  | { kind: 'header'; label: string }
  | { kind: 'separator' }
  | { kind: 'action'; label: string; action: TrayAction; enabled?: boolean; accelerator?: string }
  | { kind: 'radio'; label: string; checked: boolean; action: TrayAction }
  | { kind: 'check'; label: string; checked: boolean; action: TrayAction }
  | { kind: 'submenu'; label: string; items: TrayItem[] };

/** What the tray needs to know of a tool (from actions/tools.ts's listing). */
export type TrayTool = Pick<ToolListing, 'id' | 'name' | 'kind' | 'command' | 'available' | 'plans'>;

export interface TrayExtras {
  /** Every tool, with whether it is installed; empty until the login PATH is known. */
  tools?: readonly TrayTool[];
  /** Shown beside Copy API Key: the global shortcut, when the user turned it on and it works. */
  copyAccelerator: string | undefined;
}

/** Most keys a region lists in the tray; the rest are one click away in the window. */
export const MAX_KEYS_PER_LIST = 25;
/** The shells "Copy Environment" offers (zsh reads bash's syntax). */
export const TRAY_SHELLS: readonly Shell[] = ['bash', 'fish', 'powershell', 'cmd', 'dotenv'];
/** The order statuses are summed up in: good news first. */
const STATUS_ORDER: readonly CheckStatus[] = [
  'ok',
  'unverified',
  'wrong-region',
  'wrong-plan',
  'invalid-key',
  'arrears',
  'quota',
  'rate-limited',
  'workspace-denied',
  'model-denied',
  'server-error',
  'network',
  'timeout',
];

export function trayMenu(state: AppState, t: Translate, extras: TrayExtras): TrayItem[] {
  const activeKey = activeKeyOf(state);
  return [
    // A damaged data file or a locked keychain is said first: it explains every failure below.
    ...(state.problem
      ? [
          { kind: 'header' as const, label: `⚠ ${errorText(state.problem, t)}` },
          { kind: 'separator' as const },
        ]
      : []),
    { kind: 'header', label: t('tray.region', { region: regionLabel(state.activeRegionId, t) }) },
    {
      kind: 'header',
      label: activeKey
        ? t('tray.activeKey', { label: activeKey.label, masked: activeKey.masked })
        : t('tray.noActiveKey'),
    },
    { kind: 'separator' },
    {
      kind: 'action',
      label: t('tray.copyApiKey'),
      action: { type: 'copy-active-key' },
      enabled: activeKey !== undefined,
      accelerator: extras.copyAccelerator,
    },
    { kind: 'action', label: t('tray.copyBaseUrl'), action: { type: 'copy-base-url' } },
    keysMenu(state, t),
    ...toolItems(activeKey, extras.tools ?? [], t),
    {
      kind: 'submenu',
      label: t('tray.switchRegion'),
      items: state.regions
        .filter((candidate) => candidate.switchable)
        .map((candidate) => ({
          kind: 'radio',
          label:
            candidate.keyCount > 0
              ? t('tray.regionWithCount', { region: regionLabel(candidate.id, t), count: candidate.keyCount })
              : regionLabel(candidate.id, t),
          checked: candidate.id === state.activeRegionId,
          action: { type: 'set-region', regionId: candidate.id },
        })),
    },
    { kind: 'separator' },
    ...checkItems(state, t),
    ...spendItems(state, t),
    ...gatewayItems(state, t),
    { kind: 'separator' },
    { kind: 'action', label: t('tray.open'), action: { type: 'open-window' } },
    // `msk` on the PATH, like VS Code's `code`; offered once the app has looked.
    ...(state.cli
      ? [
          state.cli.installed
            ? {
                kind: 'action' as const,
                label: t('tray.uninstallCli'),
                action: { type: 'uninstall-cli' as const },
              }
            : {
                kind: 'action' as const,
                label: t('tray.installCli'),
                action: { type: 'install-cli' as const },
              },
        ]
      : []),
    {
      kind: 'action',
      label: t('tray.openApiKeyPage', { region: regionLabel(state.activeRegionId, t) }),
      action: { type: 'open-api-key-page', regionId: state.activeRegionId },
    },
    { kind: 'separator' },
    ...updateItems(state, t),
    { kind: 'action', label: t('tray.quit'), action: { type: 'quit' } },
  ];
}

/** Check for Updates…, what a check is doing, or Restart to Update once a version is ready; nothing in a build that cannot update. */
function updateItems(state: AppState, t: Translate): TrayItem[] {
  const { updates } = state;
  switch (updates.phase) {
    case 'unavailable':
      return [];
    case 'ready':
      return [
        {
          kind: 'action',
          label: t('tray.restartToUpdate', { version: updates.version }),
          action: { type: 'restart-to-update' },
        },
      ];
    case 'checking':
    case 'downloading':
      return [
        {
          kind: 'action',
          label:
            updates.phase === 'checking'
              ? t('tray.checkingForUpdates')
              : t('tray.downloadingUpdate', { version: updates.version, percent: updates.percent }),
          action: { type: 'check-for-updates' },
          enabled: false,
        },
      ];
    default:
      return [{ kind: 'action', label: t('tray.checkForUpdates'), action: { type: 'check-for-updates' } }];
  }
}

/** Checks that say a key does not work as stored (not a passing network or server hiccup). */
const FAILING: ReadonlySet<CheckStatus> = new Set([
  'invalid-key',
  'wrong-region',
  'wrong-plan',
  'workspace-denied',
  'model-denied',
  'quota',
  'arrears',
]);

/** The tray's icon: with a dot while the last check of some key found it failing. */
export const trayIcon = (state: AppState): 'normal' | 'attention' =>
  state.keys.some((key) => key.lastCheck !== null && FAILING.has(key.lastCheck.status))
    ? 'attention'
    : 'normal';

/** The tooltip says where you are, or how far a check (the snapshot's run) has got. */
export function trayTooltip(state: AppState, t: Translate): string {
  if (state.checking) return t('tray.checking', { ...state.checking });
  const region = regionLabel(state.activeRegionId, t);
  const key = activeKeyOf(state);
  return key ? t('tray.tooltipWithKey', { region, label: key.label }) : t('tray.tooltip', { region });
}

/** "3 ok · 1 wrong region"; empty when there is nothing to sum up. */
export function checkSummary(statuses: readonly CheckStatus[], t: Translate): string {
  const counts = new Map<CheckStatus, number>();
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  return STATUS_ORDER.filter((status) => counts.has(status))
    .map((status) => `${counts.get(status)} ${t(`status.${status}`)}`)
    .join(' · ');
}

const activeKeyOf = (state: AppState): KeyView | undefined =>
  state.keys.find((key) => key.regionId === state.activeRegionId && key.active);

function keysMenu(state: AppState, t: Translate): TrayItem {
  const regions = state.regions.filter((region) => region.keyCount > 0);
  const labels = keyLabels(t);
  const [only] = regions;
  const items: TrayItem[] =
    regions.length === 0
      ? [{ kind: 'action', label: t('tray.noKeys'), action: { type: 'open-window' } }]
      : regions.length === 1 && only
        ? regionKeys(state, only, t, labels)
        : regions.map((region) => ({
            kind: 'submenu',
            label: t('tray.regionWithCount', { region: regionLabel(region.id, t), count: region.keyCount }),
            items: regionKeys(state, region, t, labels),
          }));
  return { kind: 'submenu', label: t('tray.keys'), items };
}

/** The words every key's submenu repeats, translated once per build (600 keys stay cheap). */
function keyLabels(t: Translate) {
  return {
    copyKey: t('tray.copyKey'),
    copyTemporaryKey: t('tray.copyTemporaryKey', { seconds: TEMPORARY_KEY.defaultTtlSeconds }),
    copyEnvironment: t('tray.copyEnvironment'),
    shells: TRAY_SHELLS.map((shell) => [shell, t(`shells.${shell}`)] as const),
    makeActive: t('tray.makeActive'),
    check: t('tray.check'),
    rotateKey: t('tray.rotateKey'),
    keyItem: template(t, 'tray.keyItem', ['label', 'masked']),
    activeKeyItem: template(t, 'tray.activeMark', ['label', 'masked']),
  };
}

/** A translation filled in by plain string replacement: one lookup for many keys. */
function template(
  t: Translate,
  key: string,
  names: readonly string[],
): (values: Record<string, string>) => string {
  const marker = (name: string) => `\u0000${name}\u0000`;
  const text = t(key, Object.fromEntries(names.map((name) => [name, marker(name)])));
  // A NUL marks the holes: no label or translation contains one (labels refuse control characters).
  // eslint-disable-next-line no-control-regex
  return (values) => text.replace(/\u0000(\w+)\u0000/g, (_, name: string) => values[name] ?? '');
}
type KeyLabels = ReturnType<typeof keyLabels>;

/**
 * A region's keys — the active one first, at most MAX_KEYS_PER_LIST, the rest one click away in
 * the window — under a header per workspace when they come from several.
 */
function regionKeys(state: AppState, region: RegionView, t: Translate, labels: KeyLabels): TrayItem[] {
  const keys = state.keys
    .filter((key) => key.regionId === region.id)
    .sort((a, b) => Number(b.active) - Number(a.active));
  const shown = keys.slice(0, MAX_KEYS_PER_LIST);
  const workspaces = region.workspaces.filter((workspace) =>
    shown.some((key) => key.workspaceId === workspace),
  );
  const items: TrayItem[] =
    workspaces.length <= 1
      ? shown.map((key) => keyMenu(key, labels, state.activeRegionId))
      : workspaces.flatMap((workspace): TrayItem[] => [
          {
            kind: 'header',
            label: workspace === 'default' ? t('tray.defaultWorkspace') : t('tray.workspace', { workspace }),
          },
          ...shown
            .filter((key) => key.workspaceId === workspace)
            .map((key) => keyMenu(key, labels, state.activeRegionId)),
        ]);
  if (keys.length > shown.length) {
    items.push({
      kind: 'action',
      label: t('tray.moreInWindow', { count: keys.length - shown.length }),
      action: { type: 'open-window' },
    });
  }
  return items;
}

function keyMenu(key: KeyView, labels: KeyLabels, activeRegionId: string): TrayItem {
  const keyId = key.id;
  const current = key.active && key.regionId === activeRegionId;
  return {
    kind: 'submenu',
    label: (key.active ? labels.activeKeyItem : labels.keyItem)({ label: key.label, masked: key.masked }),
    items: [
      { kind: 'action', label: labels.copyKey, action: { type: 'copy-key', keyId } },
      // Temporary keys come from the native API, which only pay-as-you-go keys have.
      ...(key.plan === 'payg'
        ? [
            {
              kind: 'action' as const,
              label: labels.copyTemporaryKey,
              action: { type: 'copy-temporary-key' as const, keyId },
            },
          ]
        : []),
      {
        kind: 'submenu',
        label: labels.copyEnvironment,
        items: labels.shells.map(([shell, label]) => ({
          kind: 'action',
          label,
          action: { type: 'copy-environment', keyId, shell },
        })),
      },
      // Making another region's active key active switches to its region: only the current one is moot.
      { kind: 'action', label: labels.makeActive, action: { type: 'make-active', keyId }, enabled: !current },
      { kind: 'action', label: labels.check, action: { type: 'check-key', keyId } },
      // A key of a connected account can get a new value there (asked first).
      ...(key.account !== null
        ? [
            {
              kind: 'action' as const,
              label: labels.rotateKey,
              action: { type: 'rotate-key' as const, keyId },
            },
          ]
        : []),
    ],
  };
}

/**
 * Launch ▸ the CLI tools (and the user's own with a command), Copy Settings for ▸ the GUI tools,
 * Export Postman Environment…: all for the active key. A tool that is not installed, or not made
 * for the key's plan, is shown disabled with why.
 */
function toolItems(activeKey: KeyView | undefined, tools: readonly TrayTool[], t: Translate): TrayItem[] {
  if (tools.length === 0) return [];
  const blocked = (tool: TrayTool): string | undefined => {
    if (tool.available === false) return t('tray.notInstalled', { name: tool.name });
    if (activeKey && !tool.plans.includes(activeKey.plan)) {
      return t('tray.notForPlan', { name: tool.name, plan: t(`plans.${activeKey.plan}`) });
    }
    return undefined;
  };
  const item = (tool: TrayTool, action: TrayAction, label = tool.name): TrayItem => {
    const why = blocked(tool);
    return {
      kind: 'action',
      label: why ?? label,
      action,
      enabled: activeKey !== undefined && why === undefined,
    };
  };
  const launchable = tools.filter(
    (tool) => tool.kind === 'cli' || (tool.kind === 'custom' && tool.command !== null),
  );
  const postman = tools.find((tool) => tool.kind === 'export');
  return [
    {
      kind: 'submenu',
      label: t('tray.launch'),
      items: launchable.map((tool) => item(tool, { type: 'launch', toolId: tool.id })),
    },
    {
      kind: 'submenu',
      label: t('tray.copySettings'),
      items: tools
        .filter((tool) => tool.kind === 'gui')
        .map((tool) => item(tool, { type: 'copy-settings', toolId: tool.id })),
    },
    ...(postman ? [item(postman, { type: 'export-postman' }, t('tray.exportPostman'))] : []),
  ];
}

/**
 * Once a tool has a gateway token: the gateway on or off, where it listens (or why it cannot), and
 * what the tools spent today.
 */
function gatewayItems(state: AppState, t: Translate): TrayItem[] {
  const { gateway } = state;
  if (gateway.tokens.length === 0) return [];
  const status =
    gateway.state === 'running'
      ? t('tray.gatewayRunning', { address: gateway.address })
      : gateway.state === 'failed'
        ? t('tray.gatewayFailed', { message: gateway.message ?? '' })
        : t('tray.gatewayOff');
  const cost = formatCost(gateway.today.cost);
  return [
    { kind: 'separator' },
    {
      kind: 'check',
      label: t('tray.runGateway'),
      checked: gateway.enabled,
      action: { type: 'toggle-gateway' },
    },
    { kind: 'header', label: status },
    ...(gateway.today.requests > 0
      ? [
          {
            kind: 'header' as const,
            label: cost
              ? t('tray.gatewayToday', { cost, count: gateway.today.requests })
              : t('tray.gatewayTodayRequests', { count: gateway.today.requests }),
          },
        ]
      : []),
  ];
}

/** This month's bill of the connected accounts, once one could be read; it opens the window. */
function spendItems(state: AppState, t: Translate): TrayItem[] {
  const cost = state.spend ? formatCost(state.spend.cost) : '';
  if (!cost) return [];
  return [{ kind: 'action', label: t('tray.spendThisMonth', { cost }), action: { type: 'open-window' } }];
}

function checkItems(state: AppState, t: Translate): TrayItem[] {
  const { checking } = state;
  if (checking) {
    return [
      {
        kind: 'action',
        label: t('tray.checking', { ...checking }),
        action: { type: 'check-all' },
        enabled: false,
      },
      { kind: 'action', label: t('tray.cancelCheck'), action: { type: 'cancel-check' } },
    ];
  }
  const summary = checkSummary(
    state.keys.flatMap((key) => (key.lastCheck ? [key.lastCheck.status] : [])),
    t,
  );
  return [
    {
      kind: 'action',
      label: summary ? t('tray.checkAllWithSummary', { summary }) : t('tray.checkAll'),
      action: { type: 'check-all' },
      enabled: state.keys.length > 0,
    },
  ];
}
