// Things worth telling the user that stop nothing (an unusual key shape, a soft limit passed).
// Like errors they carry a code and params, so the CLI and the app each word their advice.
import type { Params } from './errors.js';

export type NoticeCode =
  | 'unusual-shape'
  | 'plan-key'
  | 'plan-mismatch'
  | 'plan-assumed'
  | 'detected-with-remark'
  | 'keys-per-workspace'
  | 'workspaces-per-account'
  | 'variables-unavailable'
  | 'plan-unsupported';

export interface Notice {
  code: NoticeCode;
  message: string;
  params: Params;
}

export const notice = (code: NoticeCode, message: string, params: Params = {}): Notice => ({
  code,
  message,
  params,
});
