// Names and values a person types (a model, a workspace name): trimmed, one line, not too long.
import { MskError } from './errors.js';

// eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
const CONTROL = /[\u0000-\u001f\u007f]/;

/** `text` trimmed, or why not: `what` names it in the message. */
export function oneLine(text: string, what: string, maxLength: number): string {
  const value = text.trim();
  if (value === '' || value.length > maxLength || CONTROL.test(value)) {
    throw new MskError('invalid-input', `${what} is 1 to ${maxLength} characters, on one line.`);
  }
  return value;
}
