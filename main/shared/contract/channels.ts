// The names of every IPC call and task, grouped by domain, with no schema attached: the preload
// builds `window.api.<domain>.<verb>` from this list alone, so its bundle stays small. The zod
// contract (contract/) has exactly these names; a test holds the two together.

export const CALLS = {
  state: ['get', 'retry', 'repair'],
  regions: ['setActive', 'endpoints'],
  keys: ['copy', 'makeActive', 'rename', 'move', 'remove', 'reveal', 'models', 'inspect', 'add', 'forget'],
  tools: [
    'list',
    'launch',
    'variables',
    'settings',
    'exportPostman',
    'saveCustom',
    'removeCustom',
    'placeholders',
  ],
  settings: ['list', 'set', 'unset'],
  workspaces: ['list', 'rename'],
  checks: ['cancelAll'],
  backup: ['create', 'chooseFile', 'restore'],
  import: ['scan', 'chooseFolder', 'preview', 'remove'],
  gateway: ['setEnabled', 'addToken', 'revokeToken', 'usage'],
  cli: ['status', 'install', 'uninstall'],
  updates: ['check', 'restart'],
  hints: ['dismiss'],
  account: ['status', 'policy', 'disconnect'],
} as const;

/** Long work: progress events and cancel (docs/ARCHITECTURE.md, "Tasks"). */
export const TASKS = {
  checks: ['all', 'one'],
  keys: ['detect'],
  import: ['keys'],
  tools: ['setUpOpenClaw'],
  account: [
    'connect',
    'workspaces',
    'spend',
    'keys',
    'createKey',
    'rotateKey',
    'setKeyEnabled',
    'deleteKey',
    'createWorkspace',
    'deleteWorkspace',
  ],
} as const;

type Names<T extends Record<string, readonly string[]>> = {
  [D in keyof T & string]: `${D}.${T[D][number]}`;
}[keyof T & string];

export type CallName = Names<typeof CALLS>;
export type TaskName = Names<typeof TASKS>;

const qualified = (groups: Record<string, readonly string[]>): string[] =>
  Object.entries(groups).flatMap(([domain, verbs]) => verbs.map((verb) => `${domain}.${verb}`));

export const CALL_NAMES = qualified(CALLS) as CallName[];
export const TASK_NAMES = qualified(TASKS) as TaskName[];

export const callChannel = (name: CallName): string => `msk:call:${name}`;
export const taskChannel = (name: TaskName): string => `msk:task:${name}`;
/** main → renderer: `{ taskId, progress }`. */
export const TASK_PROGRESS = 'msk:task-progress';
/** renderer → main: `{ taskId }`. */
export const TASK_CANCEL = 'msk:task-cancel';
/** main → renderer: a state snapshot. */
export const STATE_EVENT = 'msk:state';
