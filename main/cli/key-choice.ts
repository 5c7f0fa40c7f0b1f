// Which key a command uses, as msk takes it everywhere: the argument or --key (one of them), else
// the folder's .msk.json, else the active key (core/actions/choose.ts) — and, when a .msk.json
// chose, one short line saying which file did: a cloned repository's file is never obeyed silently.
import path from 'node:path';
import type { KeyChoice, KeyRequest } from '../core/actions/choose.js';
import { MskError } from '../core/base/errors.js';
import { say } from './output.js';

/** How `[key]` and `--key` are described, in every command that uses one key. */
export const KEY_HELP = 'label or id (default: .msk.json here or above, else the active key)';

export interface KeyOption {
  key?: string;
}

/** The request for `[key]` and `--key`, looking for a .msk.json from here. */
export function keyRequest(argument: string | undefined, option: string | undefined): KeyRequest {
  if (argument !== undefined && option !== undefined && argument !== option)
    throw new MskError('usage', `Name the key once: '${argument}' or --key '${option}', not both.`);
  return { reference: argument ?? option, cwd: process.cwd() };
}

/** Says which .msk.json chose the key, when one did. */
export function sayBinding({ record, reason }: KeyChoice): void {
  if (reason.kind === 'binding') say(`Using '${record.label}', bound by ${shortPath(reason.file)}.`);
}

/** `../.msk.json` rather than a long absolute path, when that is shorter. */
function shortPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.length < file.length ? relative : file;
}
