// The snapshot main pushes to the renderer (and the tray builds from): everything a view shows,
// and never a secret. Each carries a revision, so a view can drop one older than what it has.
import { type CheckSummary, checkSummary } from '../calls/check-summary.js';
import {
  type AccountCredential,
  type AccountRecord,
  type Config,
  emptyConfig,
  type Settings,
} from '../config/config-schema.js';
import { maskKey } from '../model-studio/key-format.js';
import {
  BILLING_PAGES,
  gatewayAddress,
  gatewayBases,
  type KeyShape,
  type Plan,
  PLANS,
  REGIONS,
  SERVICE_TITLE,
  type ServiceSite,
} from '../model-studio/catalog.js';
import { isWorkspaceOnly } from '../model-studio/regions.js';
import type { GatewayStatus } from '../gateway/gateway-runner.js';
import { keysOfToken } from '../gateway/tokens.js';
import type { Hint } from '../../shared/vocabulary.js';
import { shortAccessKeyId } from '../account/account-credentials.js';
import type { TrayHost } from '../desktop/tray-host.js';
import type { UpdateStatus } from '../updates/update-controller.js';

export interface KeyView {
  id: string;
  label: string;
  regionId: string;
  workspaceId: string;
  plan: Plan;
  planName: string;
  shape: KeyShape;
  masked: string;
  active: boolean;
  lastCheck: CheckSummary | null;
  /** The connected account whose key it is (it can be rotated there); null when none. */
  account: string | null;
}

export interface RegionView {
  id: string;
  name: string;
  apiKeyPage: string;
  /** Where an account in arrears pays (the region's console's billing centre). */
  billingPage: string;
  keyCount: number;
  /** Reached only through workspace domains (Tokyo, Frankfurt). */
  workspaceOnly: boolean;
  /** Offered by the region switchers: every region with a shared domain, the others once they hold a key. */
  switchable: boolean;
  /** The workspaces its keys belong to, `default` first. */
  workspaces: string[];
}

/** Something wrong that the user should see and can act on (a damaged file, a locked keychain). */
export interface Problem {
  code: string;
  message: string;
}

export interface AppState {
  /** Every snapshot's number: a view drops one older than what it has. */
  revision: number;
  /** Changes only when something besides a check's progress did: what views reload more on. */
  dataRevision: number;
  /** The service's names, so people who know it by another one still find it. */
  serviceTitle: string;
  activeRegionId: string;
  regions: RegionView[];
  keys: KeyView[];
  clipboardClearSeconds: number;
  language: Settings['language'];
  theme: Settings['theme'];
  globalShortcut: boolean;
  problem: Problem | null;
  /** A "check all" under way, whoever started it: the window shows a run the tray started. */
  checking: CheckingProgress | null;
  gateway: GatewayView;
  /** `msk` on the PATH from the app (Install Command-Line Tool); null until it was looked at. */
  cli: CliView | null;
  updates: UpdatesView;
  /** Hints the window shows until dismissed: `tray-host` when the desktop shows no tray icons. */
  hints: Hint[];
  /** The Alibaba Cloud accounts connected here. */
  accounts: AccountView[];
  /** This month's bill of the accounts whose bill can be read; null without one (the tray's spend line). */
  spend: SpendView | null;
}

/** This month's bill across the connected accounts, tax included, per currency. */
export interface SpendView {
  /** YYYY-MM. */
  month: string;
  cost: Record<string, number>;
}

/** A connected account as views show it: where its credential comes from, never the credential. */
export interface AccountView {
  name: string;
  site: ServiceSite;
  credential: {
    kind: AccountCredential['kind'];
    /** The AccessKey ID's ends or the aliyun CLI profile's name; null for the standard chain. */
    hint: string | null;
  };
  connectedAt: string;
}

/** The app's updates (update-controller.ts), flat for the views. */
export interface UpdatesView {
  /** The running version. */
  current: string;
  phase: UpdateStatus['phase'];
  /** Why it failed (network, feed, verification, other) or is unavailable (development, unsupported). */
  reason: string | null;
  /** The updater's own line about a failure. */
  detail: string | null;
  /** The version being downloaded, or ready. */
  version: string | null;
  percent: number | null;
  checkedAt: string | null;
}

/** The `msk` launcher the app installs (cli-launcher.ts). */
export interface CliView {
  installed: boolean;
  file: string;
  onPath: boolean;
}

/** The local gateway as the tray and the window show it: never a token or its hash. */
export interface GatewayView {
  /** The setting: the app runs it while on and some tool has a token. */
  enabled: boolean;
  port: number;
  /** Where it listens (`127.0.0.1:11480`). */
  address: string;
  /** The base URL an OpenAI-compatible tool is given. */
  url: string;
  /** Its base URLs for Anthropic-compatible clients and the native DashScope API. */
  anthropicUrl: string;
  nativeUrl: string;
  state: 'off' | 'running' | 'failed';
  /** Why it is not running although wanted (its port in use). */
  message: string | null;
  tokens: GatewayTokenView[];
  /** What went through it today (local day): requests and the estimated cost per currency. */
  today: { requests: number; cost: { USD?: number; CNY?: number } };
}

export interface GatewayTokenView {
  name: string;
  /** Labels of its keys in failover order; empty: the active key. */
  keys: string[];
  model: string | null;
  requestsPerMinute: number | null;
  createdAt: string;
}

export interface CheckingProgress {
  done: number;
  total: number;
}

/** What the publisher knows besides the file: a problem met at run time, a check under way. */
export interface RuntimeState {
  problem?: Problem | null;
  checking?: CheckingProgress | null;
  /** What the app's gateway is doing, and today's usage: absent, it is off and nothing was counted. */
  gateway?: { status: GatewayStatus; today: GatewayView['today'] };
  cli?: CliView | null;
  /** The running version and what its updater is doing; absent: a build that does not update (msk). */
  updates?: { current: string; status: UpdateStatus };
  /** Whether the desktop shows tray icons (tray-host.ts); absent: not asked. */
  trayHost?: TrayHost;
  /** This month's bill (actions/month-spend.ts, hourly); absent or null: none read. */
  spend?: SpendView | null;
}

export function snapshot(config: Config, revision = 0, runtime: RuntimeState = {}): AppState {
  const { settings } = config;
  return {
    revision,
    dataRevision: revision,
    serviceTitle: SERVICE_TITLE,
    activeRegionId: settings.activeRegionId,
    regions: REGIONS.map((region) => {
      const keys = config.keys.filter((key) => key.regionId === region.id);
      const workspaceOnly = isWorkspaceOnly(region);
      return {
        id: region.id,
        name: region.name,
        apiKeyPage: region.apiKeyPage,
        billingPage: BILLING_PAGES[region.console],
        keyCount: keys.length,
        workspaceOnly,
        switchable: !workspaceOnly || keys.length > 0 || region.id === settings.activeRegionId,
        workspaces: [...new Set(keys.map((key) => key.workspaceId))].sort(defaultFirst),
      };
    }),
    keys: config.keys.map((key) => ({
      id: key.id,
      label: key.label,
      regionId: key.regionId,
      workspaceId: key.workspaceId,
      plan: key.plan,
      planName: PLANS[key.plan].name,
      shape: key.shape,
      masked: maskKey(key),
      active: settings.activeKeyByRegion[key.regionId] === key.id,
      // The model list stays in the file (keys.models reads it): snapshots go out on every change.
      lastCheck: key.lastCheck ? checkSummary(key.lastCheck) : null,
      account: config.accounts.find((account) => account.id === key.accountKey?.accountId)?.name ?? null,
    })),
    clipboardClearSeconds: settings.clipboardClearSeconds,
    language: settings.language,
    theme: settings.theme,
    globalShortcut: settings.globalShortcut,
    problem: runtime.problem ?? null,
    checking: runtime.checking ?? null,
    gateway: gatewayView(config, runtime.gateway),
    cli: runtime.cli ?? null,
    updates: updatesView(runtime.updates),
    hints:
      runtime.trayHost === 'missing' && !config.dismissedHints.includes('tray-host') ? ['tray-host'] : [],
    accounts: config.accounts.map(accountView),
    // An account disconnected since the last read takes its line with it.
    spend: config.accounts.length > 0 ? (runtime.spend ?? null) : null,
  };
}

function accountView(account: AccountRecord): AccountView {
  const { credential } = account;
  return {
    name: account.name,
    site: account.site,
    credential: {
      kind: credential.kind,
      hint:
        credential.kind === 'access-key'
          ? shortAccessKeyId(credential.accessKeyId)
          : credential.kind === 'profile'
            ? credential.profile
            : null,
    },
    connectedAt: account.connectedAt,
  };
}

function updatesView(runtime: RuntimeState['updates']): UpdatesView {
  const status = runtime?.status ?? { phase: 'unavailable', reason: 'development', checkedAt: null };
  return {
    current: runtime?.current ?? 'dev',
    phase: status.phase,
    reason:
      status.phase === 'unavailable'
        ? status.reason
        : status.phase === 'failed'
          ? status.failure.reason
          : null,
    detail: status.phase === 'failed' ? status.failure.detail : null,
    version: status.phase === 'downloading' || status.phase === 'ready' ? status.version : null,
    percent: status.phase === 'downloading' ? status.percent : null,
    checkedAt: status.checkedAt,
  };
}

function gatewayUrls(port: number): Pick<GatewayView, 'address' | 'url' | 'anthropicUrl' | 'nativeUrl'> {
  const { compatible, anthropic, native } = gatewayBases(port);
  return { address: gatewayAddress(port), url: compatible, anthropicUrl: anthropic, nativeUrl: native };
}

function gatewayView(config: Config, runtime: RuntimeState['gateway']): GatewayView {
  const { gatewayEnabled: enabled, gatewayPort: port } = config.settings;
  const { tokens } = config.gateway;
  const status = runtime?.status ?? { state: 'off' };
  return {
    enabled,
    port,
    ...gatewayUrls(status.state === 'off' ? port : status.port),
    state: status.state,
    message: status.state === 'failed' ? status.message : null,
    tokens: tokens.map((token) => ({
      name: token.name,
      keys: keysOfToken(config, token).map((key) => key.label),
      model: token.model ?? null,
      requestsPerMinute: token.requestsPerMinute ?? null,
      createdAt: token.createdAt,
    })),
    today: runtime?.today ?? { requests: 0, cost: {} },
  };
}

/** What the app shows when the data file cannot be read: no keys, and why — in the language and theme last seen. */
export function problemSnapshot(
  problem: Problem,
  revision: number,
  last?: Pick<AppState, 'language' | 'theme'>,
): AppState {
  const config = emptyConfig();
  if (last) config.settings = { ...config.settings, language: last.language, theme: last.theme };
  return snapshot(config, revision, { problem });
}

const defaultFirst = (a: string, b: string): number =>
  a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b);
