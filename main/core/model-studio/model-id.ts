// A model id where one comes in (--model, `.msk.json`, settings, a gateway token, the window):
// what the catalog says a model id is made of, or refused before it reaches a shell or a terminal.
import { MskError } from '../base/errors.js';
import { holdsKeyLike } from './key-format.js';
import { isModelId, MODEL_ID } from './catalog.js';

/** What a model id may hold, for messages and the config file's validation. */
export const MODEL_ID_RULE = `letters, digits and . - _ : / @, at most ${MODEL_ID.maxLength}`;

/** A model id of the catalog's making that is no key: it goes on command lines and into files. */
export const isUsableModelId = (text: string): boolean => isModelId(text) && !holdsKeyLike(text);

/** `text` trimmed when it is a model id; `what` names where it came from (never the value). */
export function requireModelId(text: string, what: string): string {
  const model = text.trim();
  if (holdsKeyLike(model)) {
    throw new MskError(
      'invalid-input',
      `${what} looks like an API key, not a model id: keys stay in the keychain.`,
      {
        field: what,
      },
    );
  }
  if (!isModelId(model)) {
    throw new MskError(
      'invalid-input',
      `${what} is not a model id: ${MODEL_ID_RULE}, starting with a letter or digit.`,
      {
        field: what,
      },
    );
  }
  return model;
}
