// Validate → call the handler → validate the answer → a serialisable Result. The Electron IPC
// adapter, the tray's tests and the browser tests all go through here, so all see one behaviour.
import { type z } from 'zod';
import type { CallName, TaskName } from '../shared/contract/channels.js';
import { calls, type Result, tasks } from '../shared/contract/index.js';
import type { AppContext } from './context.js';
import { errorOf } from './error-of.js';
import { accountHandlers, accountTaskHandlers } from './handlers/account.js';
import { backupHandlers } from './handlers/backup.js';
import { gatewayHandlers } from './handlers/gateway.js';
import { cliHandlers } from './handlers/cli.js';
import { checkCallHandlers, checkHandlers } from './handlers/checks.js';
import { importHandlers, importTaskHandlers } from './handlers/import.js';
import { keyHandlers, keyTaskHandlers } from './handlers/keys.js';
import { settingHandlers } from './handlers/settings.js';
import { stateHandlers } from './handlers/state.js';
import { toolHandlers, toolTaskHandlers } from './handlers/tools.js';
import { updateHandlers } from './handlers/updates.js';
import { hintHandlers } from './handlers/hints.js';
import type { CallHandlers, TaskControls, TaskHandlers } from './handlers/types.js';

const callHandlers: CallHandlers<CallName> = {
  ...stateHandlers,
  ...keyHandlers,
  ...toolHandlers,
  ...settingHandlers,
  ...checkCallHandlers,
  ...backupHandlers,
  ...gatewayHandlers,
  ...cliHandlers,
  ...importHandlers,
  ...updateHandlers,
  ...hintHandlers,
  ...accountHandlers,
};
const taskHandlers: TaskHandlers<TaskName> = {
  ...checkHandlers,
  ...keyTaskHandlers,
  ...importTaskHandlers,
  ...toolTaskHandlers,
  ...accountTaskHandlers,
};

export interface Router {
  call(name: string, args: unknown): Promise<Result<unknown>>;
  task(name: string, args: unknown, controls: TaskControls<unknown>): Promise<Result<unknown>>;
  /** The contract's progress schema for a task, to validate what goes out. */
  progressSchema(name: TaskName): z.ZodType;
}

export function createRouter(context: AppContext): Router {
  return {
    call(name, args) {
      if (!Object.hasOwn(calls, name)) return Promise.resolve(unknownMethod(name));
      const method = name as CallName;
      const handler = callHandlers[method] as (context: AppContext, args: unknown) => Promise<unknown>;
      return answer(calls[method].args, calls[method].result, args, (parsed) => handler(context, parsed));
    },
    task(name, args, controls) {
      if (!Object.hasOwn(tasks, name)) return Promise.resolve(unknownMethod(name));
      const method = name as TaskName;
      const handler = taskHandlers[method] as (
        context: AppContext,
        args: unknown,
        controls: TaskControls<unknown>,
      ) => Promise<unknown>;
      return answer(tasks[method].args, tasks[method].result, args, (parsed) =>
        handler(context, parsed, controls),
      );
    },
    progressSchema: (name) => tasks[name].progress,
  };
}

async function answer(
  argsSchema: z.ZodType,
  resultSchema: z.ZodType,
  args: unknown,
  run: (args: unknown) => Promise<unknown>,
): Promise<Result<unknown>> {
  const parsed = argsSchema.safeParse(args);
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'invalid-input', message: parsed.error.issues[0]?.message ?? 'Invalid input.' },
    };
  }
  try {
    return { ok: true, value: resultSchema.parse(await run(parsed.data)) };
  } catch (error) {
    return { ok: false, error: errorOf(error) };
  }
}

const unknownMethod = (name: string): Result<never> => ({
  ok: false,
  error: { code: 'unknown-method', message: `Unknown method '${name}'.` },
});
