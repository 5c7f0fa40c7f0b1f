// English: the reference catalog. Every other language has exactly these keys (typed by it).
import { enWindow } from './en-window.js';

export const en = {
  product: 'Model Studio Keys',
  /** Region names as Alibaba's console shows them in this language. */
  regions: {
    'ap-southeast-1': 'Singapore',
    'us-east-1': 'US (Virginia)',
    'cn-beijing': 'China (Beijing)',
    'cn-hongkong': 'China (Hong Kong)',
    'ap-northeast-1': 'Japan (Tokyo)',
    'eu-central-1': 'Germany (Frankfurt)',
  },
  plans: { payg: 'Pay-as-you-go', coding: 'Coding Plan', token: 'Token Plan' },
  tray: {
    runGateway: 'Run Gateway for GUI Tools',
    installCli: 'Install Command-Line Tool (msk)…',
    uninstallCli: 'Uninstall Command-Line Tool (msk)',
    checkForUpdates: 'Check for Updates…',
    checkingForUpdates: 'Checking for Updates…',
    downloadingUpdate: 'Downloading Version {{version}} ({{percent}}%)…',
    restartToUpdate: 'Restart to Update ({{version}})',
    gatewayRunning: 'Gateway: on {{address}}',
    gatewayOff: 'Gateway: off',
    gatewayFailed: 'Gateway: {{message}}',
    gatewayToday_one: 'Today: {{cost}} ({{count}} request)',
    gatewayToday_other: 'Today: {{cost}} ({{count}} requests)',
    gatewayTodayRequests_one: 'Today: {{count}} request',
    spendThisMonth: 'Alibaba Cloud this month: {{cost}}',
    rotateKey: 'Rotate Key…',
    rotate: 'Rotate',
    rotateConfirm: 'Rotate ‘{{label}}’?',
    rotateDetail:
      'Alibaba Cloud gives it a new value and the old one stops working at once. The new value replaces the stored one in the keychain: tools, bindings and gateway tokens follow with no change.',
    shownOnceTitle: 'The new value of ‘{{label}}’ — shown once',
    shownOnceWarning:
      'The keychain would not take the new value ({{message}}), and the old value no longer works. This is the only time it is shown: copy it and keep it somewhere safe now.',
    copyShownOnce: 'Copy',
    close: 'Close',
    gatewayTodayRequests_other: 'Today: {{count}} requests',
    region: 'Region: {{region}}',
    activeKey: 'Active key: {{label}} ({{masked}})',
    noActiveKey: 'No active key in this region',
    copyApiKey: 'Copy API Key',
    copyBaseUrl: 'Copy Base URL',
    keys: 'Keys',
    noKeys: 'No keys yet — add one in the window',
    activeMark: '{{label}} — {{masked}} (active)',
    keyItem: '{{label}} — {{masked}}',
    regionWithCount: '{{region}} ({{count}})',
    workspace: 'Workspace {{workspace}}',
    defaultWorkspace: 'Default workspace',
    moreInWindow: 'More in window… ({{count}} more)',
    copyKey: 'Copy Key',
    copyTemporaryKey: 'Copy Temporary Key ({{seconds}} s)',
    copyEnvironment: 'Copy Environment',
    makeActive: 'Make Active',
    check: 'Check',
    switchRegion: 'Switch Region',
    launch: 'Launch',
    notInstalled: '{{name}} — not installed',
    notForPlan: '{{name}} — not for {{plan}} keys',
    gatewayOffQuestion: 'The gateway is off. Turn it on for this tool?',
    gatewayOffDetail:
      'Through the gateway the tool holds a token of its own and your API key stays in the keychain. Copy the key only if the tool must hold it itself.',
    turnOnGateway: 'Turn On the Gateway',
    copyKeyInstead: 'Copy the API Key Instead',
    copySettings: 'Copy Settings for',
    exportPostman: 'Export Postman Environment…',
    checkAll: 'Check All Keys',
    checkAllWithSummary: 'Check All Keys ({{summary}})',
    checking: 'Checking {{done}}/{{total}}…',
    cancelCheck: 'Cancel Check',
    open: 'Open Model Studio Keys…',
    openApiKeyPage: 'Open API-Key Page ({{region}})',
    quit: 'Quit',
    tooltip: 'Model Studio Keys — {{region}}',
    tooltipWithKey: 'Model Studio Keys — {{region}} · {{label}}',
  },
  shells: {
    bash: 'bash / zsh',
    fish: 'fish',
    powershell: 'PowerShell',
    cmd: 'cmd',
    dotenv: '.env',
  },
  status: {
    ok: 'ok',
    'invalid-key': 'invalid',
    'wrong-region': 'wrong region',
    'wrong-plan': 'wrong plan',
    'workspace-denied': 'workspace denied',
    'model-denied': 'model denied',
    'rate-limited': 'rate limited',
    quota: 'quota',
    arrears: 'in arrears',
    unverified: 'unverified',
    'server-error': 'server error',
    network: 'unreachable',
    timeout: 'timed out',
    unchecked: 'not checked',
    cancelled: 'cancelled',
  },
  notify: {
    cliInstalled: 'msk is installed ({{file}}): open a new terminal and run msk.',
    cliInstalledNotOnPath:
      'msk is installed ({{file}}), but {{folder}} is not on your PATH: add it in your shell profile, then open a new terminal.',
    cliUninstalled: 'msk is uninstalled ({{file}} removed).',
    updateReady: 'Version {{version}} is ready: choose Restart to Update in the tray when it suits you.',
    upToDate: 'You have the latest version of Model Studio Keys.',
    updateFailed: 'Could not update: {{reason}}',
    updatesUnavailable: 'This copy cannot update itself: {{reason}}',
    copied: 'Copied ‘{{label}}’ ({{region}}) — clears in {{seconds}} s',
    copiedKept: 'Copied ‘{{label}}’ ({{region}})',
    copiedEnvironment: 'Copied the {{shell}} environment of ‘{{label}}’ — clears in {{seconds}} s',
    copiedEnvironmentKept: 'Copied the {{shell}} environment of ‘{{label}}’',
    copiedTemporary: 'Copied a temporary key for ‘{{label}}’, valid {{ttl}} s — clears in {{seconds}} s',
    copiedTemporaryKept: 'Copied a temporary key for ‘{{label}}’, valid {{ttl}} s',
    copiedBaseUrl: 'Copied {{url}}',
    madeActive: '‘{{label}}’ is now the active key of {{region}}',
    launched: 'Started {{tool}} with ‘{{label}}’ in {{terminal}}',
    settingsViaGateway:
      '{{tool}} through the gateway (token ‘{{token}}’, for ‘{{label}}’): {{fields}}. The token is on the clipboard — paste it into “{{keyField}}”; your API key stays in the keychain.',
    settings:
      '{{tool}} for ‘{{label}}’: {{fields}}. The API key is on the clipboard — paste it into “{{keyField}}”.',
    exported:
      'Saved the Postman environment for ‘{{label}}’ to {{file}} (the key inside is typed secret; keep the file private)',
    checked: '‘{{label}}’: {{status}} — {{message}}',
    rotated: 'Rotated ‘{{label}}’: the new value is in the keychain, the old one no longer works',
    checkedAll_one: 'Checked {{count}} key',
    checkedAll_other: 'Checked {{count}} keys',
    checkCancelled_one: 'Check cancelled after {{count}} key',
    checkCancelled_other: 'Check cancelled after {{count}} keys',
    /** Appended to the two above when there are results to sum up. */
    summary: ': {{summary}}',
    checkUnchecked: '{{count}} could not be checked: open the window to see why.',
    checkRunning: 'A check is already running ({{done}}/{{total}}).',
  },
  /** Notices: what stops nothing but is worth saying (by code, like errors). */
  notices: {
    'variables-unavailable': '{{variables}} left unset: this plan has no native DashScope API.',
    'plan-unsupported':
      'This tool is not made for this key’s plan: Alibaba serves the Coding Plan to coding agents only.',
  },
  /** Why Alibaba Cloud refused an account's call (`account-refused` errors, by their reason). */
  refusals: {
    'unknown-access-key':
      'Alibaba Cloud does not know this AccessKey ID (deleted, disabled, or of the other site): check it in the RAM console.',
    'bad-secret':
      'The AccessKey secret does not match its ID: the signature was refused. Connect again with the right secret.',
    clock:
      'The signature carries this computer’s time and Alibaba Cloud refused it as too far off: set the clock right (automatic time), then try again.',
    permission:
      'This AccessKey may not do that ({{permission}}): add the action to the RAM user’s policy (the Account view prints the whole policy).',
    throttled: 'Alibaba Cloud is limiting calls from this account right now: try again in a minute.',
    'not-activated':
      'Model Studio is not activated for this account in {{regionName}}: activate it in the console first.',
    'not-found': 'Alibaba Cloud found nothing of that id: {{message}}',
    refused: 'Alibaba Cloud refused: {{message}}',
    'no-credential': 'No credential was found there: {{message}}',
    'default-workspace': 'This is the default workspace of its region: Alibaba Cloud does not delete it.',
    'workspace-has-keys':
      'This workspace still holds API keys: Alibaba Cloud deletes a workspace only once its keys are gone.',
  },
  errors: {
    'no-account': 'No Alibaba Cloud account of that name is connected here (any more).',
    'no-active-key': 'No active key in {{regionName}}: open the window to add one or choose one.',
    'secret-missing':
      'The keychain has no secret for ‘{{label}}’ any more. If you still have the key, remove it here and add it again.',
    'keychain-locked': 'The keychain is locked: unlock it, then try again.',
    'tool-missing':
      '{{name}} is not installed here: there is no {{program}} on the PATH of your login shell.',
    'tool-missing_install':
      '{{name}} is not installed here: there is no {{program}} on the PATH of your login shell. Install it with: {{install}}',
    'keychain-unavailable': 'The keychain is not available: {{message}}',
    'clipboard-unavailable': 'No clipboard is available: {{message}}',
    'plan-unavailable': '{{message}}',
    'workspace-required': '{{message}}',
    'config-damaged': 'The data file is damaged: {{message}}',
    'config-busy': 'Another Model Studio Keys process is busy with the data file; try again.',
    network: 'Model Studio could not be reached: {{message}}',
    timeout: 'Model Studio did not answer in time: {{message}}',
    'service-refused': '{{message}}',
    'unknown-key': 'No key is labelled or identified ‘{{reference}}’.',
    'duplicate-key': 'This key is already stored as ‘{{label}}’.',
    'key-in-tool':
      'A tool of your own cannot hold a key, and its {{field}} looks like one: keys stay in the keychain. Put {{placeholder}} where the key goes.',
    'unquotable-value':
      '{{name}} cannot be passed safely to {{shell}}, so nothing was done. Use {{alternative}} instead, or change the value.',
    cancelled: 'Cancelled.',
    'login-item-failed': 'Starting at login could not be changed: {{cause}}',
    'data-unwritable': '{{message}}',
    'data-unsafe':
      'No key is read and nothing is saved while another user could change {{path}} (it is writable by others, someone else’s, or a symbolic link). Make it yours alone, then try again: msk doctor says how.',
    'file-exists': '{{file}} already exists; a backup never replaces a file. Choose another name.',
    'backup-unreadable':
      'The backup cannot be opened: it is not a Model Studio Keys backup, the passphrase is wrong, or the file was changed or damaged. Nothing was changed.',
    'backup-unsupported':
      'This backup was made by a newer version of Model Studio Keys: update this one, then try again. Nothing was changed.',
    'vault-not-empty':
      '{{keyCount}} key(s) are already stored here; a restore would mix them with the backup’s. Nothing was changed.',
    internal: 'Something unexpected went wrong: {{message}}',
  },
  /** Why an update failed, or why this copy cannot update itself: the tray's notices and the window. */
  updates: {
    network: 'the release server could not be reached.',
    feed: 'the release server’s answer could not be used.',
    verification: 'the download did not match its release (checksum or signature), so it was discarded.',
    install: 'its installer could not start.',
    other: 'something went wrong while updating.',
    development: 'a development build does not update itself.',
    unsupported:
      'it was not installed from a signed installer (it is an unzipped or unpacked copy, or an unsigned build). Download new versions from the releases page.',
  },
  /** The window. */
  window: enWindow,
} as const;

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** What every language provides: the same keys as English, any words. */
export type Catalog = Strings<typeof en>;
