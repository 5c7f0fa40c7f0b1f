// An error as it crosses the bridge: code, message and the params the window words it with —
// a call's failure, or one part of an answer that failed on its own (an account's spend).
import { isMskError, messageOf } from '../core/base/errors.js';

export const errorOf = (error: unknown) =>
  isMskError(error)
    ? { code: error.code, message: error.message, params: { ...error.params } }
    : { code: 'internal', message: messageOf(error) };
