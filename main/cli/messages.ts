// How msk words errors and notices: the core's sentence, plus the msk command that helps, chosen
// by code. The app words the same codes its own way (i18n), so no advice lives in the core.
import { type MskError, type Params } from '../core/base/errors.js';
import type { Notice } from '../core/base/notices.js';
import { escapeUnsafe } from '../core/base/one-line.js';

type Advice = (params: Params) => string | undefined;

const list = (value: Params[string] | undefined): string =>
  Array.isArray(value) ? value.join(', ') : String(value ?? '');

const ERROR_ADVICE: Partial<Record<MskError['code'], Advice>> = {
  'no-active-key': (params) =>
    list(params.keysInRegion) !== ''
      ? `run 'msk use <label>' to choose one of: ${list(params.keysInRegion)}`
      : Number(params.keyCount) > 0
        ? `switch with 'msk region <region>' or name a key with --key`
        : `add one with 'msk add --label <name> --region <region>'`,
  'secret-missing': (params) =>
    `if you still have the key, run 'msk remove ${String(params.keyId)} --yes' and add it again`,
  'vault-not-empty': () => 'pass --merge to add only the keys not stored yet',
  'no-account': () =>
    "connect one with 'msk account connect --access-key-id <id>' (or --profile <name>, or --chain)",
  'account-refused': (params) =>
    params.reason === 'permission' ? "'msk account status' prints the whole policy" : undefined,
  'invalid-input': (params) => INPUT_ADVICE[String(params.reason)],
  'unknown-key': (params) =>
    params.reason === 'not-in-account' || params.reason === 'gone'
      ? "'msk account keys' lists the account's keys and which are stored here"
      : undefined,
  'clipboard-unavailable': () => 'use --print to write the key to stdout instead',
  'unquotable-value': (params) =>
    params.terminal === undefined
      ? `use --shell ${String(params.alternative)}`
      : `use --terminal ${String(params.alternative)}`,
  'data-unsafe': (params) =>
    params.reason === 'link'
      ? `remove the link: ${String(params.command)}`
      : params.reason === 'owner'
        ? `if you put it there, take it back with ${String(params.command)}, otherwise remove it`
        : params.command === undefined
          ? 'set MSK_HOME to a directory of your own'
          : `make it yours alone: ${String(params.command)}`,
  'not-launchable': (params) =>
    params.kind === 'gui'
      ? `run 'msk tools settings ${String(params.tool)}' for what to paste where`
      : `run 'msk tools export ${String(params.tool)} --out <file>'`,
};

/** Advice for bad input, by the reason the core gives (account keys). */
const INPUT_ADVICE: Partial<Record<string, string>> = {
  'ambiguous-key':
    "rename the stored key ('msk rename <label> <new label>') to reach the account's key by its id",
  'several-accounts': 'pass --account <name>',
  'ambiguous-account': 'pass --account <name>',
  'workspace-not-found': "'msk account workspaces' lists them",
};

const NOTICE_ADVICE: Partial<Record<Notice['code'], Advice>> = {
  'unusual-shape': () => `'msk check' will tell`,
  'plan-mismatch': (params) => `run 'msk check ${String(params.label)}' to be sure`,
  'plan-assumed': () => 'pass --plan to choose another',
  'variables-unavailable': () => 'use --tool openai for OpenAI-compatible clients',
  'plan-unsupported': () => "'msk tools' says which tools each plan works with",
};

/**
 * The one `msk: …` line for an error. What it repeats may come from a file someone else wrote (a
 * cloned `.msk.json`, a server's answer): a control or text-direction character is written out,
 * never sent to the terminal.
 */
export const renderError = (error: MskError): string =>
  escapeUnsafe(withAdvice(error.message, ERROR_ADVICE[error.code]?.(error.params)));

/** The `warning: …` text of a notice. */
export const renderNotice = (item: Notice): string =>
  escapeUnsafe(withAdvice(item.message, NOTICE_ADVICE[item.code]?.(item.params)));

function withAdvice(message: string, advice: string | undefined): string {
  if (!advice) return message;
  return `${message.replace(/[.:;]$/, '')}; ${advice}.`;
}
