// Per-project keys: a `.msk.json` (a key's label or id, maybe a tool and a model — never a
// secret), found by walking up from the current directory, picks the key `msk exec`, `msk env`
// and `msk launch` use there. A company key in ~/work and a personal one in ~/hobby, no flags.
import { isMissing, readFile, readRegularFile, rm } from '../platform/fs-async.js';
import path from 'node:path';
import { writeFileAtomic } from '../platform/atomic-write.js';
import type { z } from 'zod';
import { MskError, whereJsonFails } from '../base/errors.js';
import { holdsKeyLike } from '../model-studio/key-format.js';
import { isUsableModelId, MODEL_ID_RULE, requireModelId } from '../model-studio/model-id.js';
import { isShowable } from '../base/one-line.js';
import { CUSTOM_TOOL_ID } from './tool-catalog.js';

export const BINDING_FILE = '.msk.json';
/** A binding is a few names; a bigger file is not one. */
const MAX_BINDING_BYTES = 64 * 1024;

export interface Binding {
  /** A key's label or id. */
  key: string;
  tool?: string;
  model?: string;
}

/**
 * The shape a `.msk.json` must have, built with zod when a binding is read or written: a
 * directory without one (the usual case for `msk exec`) never loads the validator.
 */
let bindingSchema: Promise<z.ZodType<Binding>> | undefined;
const schema = (): Promise<z.ZodType<Binding>> =>
  (bindingSchema ??= import('zod').then(({ z }) =>
    z
      .object({
        // What a cloned repository's file says is printed back in messages: nothing that could
        // drive the terminal, reorder the line, or be a key.
        key: z
          .string()
          .min(1)
          .refine(isShowable, 'holds a control, line-separator or text-direction character')
          .refine((key) => !holdsKeyLike(key), 'holds what looks like an API key: name the key by its label'),
        tool: z.string().regex(CUSTOM_TOOL_ID, 'not a tool id').optional(),
        model: z.string().refine(isUsableModelId, `not a model id (${MODEL_ID_RULE})`).optional(),
      })
      .strict(),
  ));

export interface FoundBinding {
  file: string;
  binding: Binding;
}

/** The nearest `.msk.json` in `directory` or above it. A damaged one is an error, not ignored. */
export async function findBinding(directory: string): Promise<FoundBinding | undefined> {
  for (let current = path.resolve(directory); ; current = path.dirname(current)) {
    const file = path.join(current, BINDING_FILE);
    // A cloned repository's file: a link to a device or a FIFO is refused, never read without end.
    const text = (await isMissing(file))
      ? undefined
      : await readRegularFile(file, { maxBytes: MAX_BINDING_BYTES }).then(
          (read) => {
            assertBindingOwner(file, read.stats.uid);
            return read.text;
          },
          (error: NodeJS.ErrnoException) => {
            if (error.code === 'ENOENT' || error.code === 'ENOTDIR' || error.code === 'EACCES')
              return undefined;
            if (error.code === 'ENOTREG' || error.code === 'EFBIG') {
              const what = error.code === 'EFBIG' ? 'larger than any key binding' : 'not a regular file';
              throw new MskError('invalid-input', `${file} is ${what}; remove it.`, { file });
            }
            throw error;
          },
        );
    if (text !== undefined) return { file, binding: await parseBinding(file, text) };
    if (path.dirname(current) === current) return undefined;
  }
}

/**
 * A binding chooses which of the user's keys a tool gets: one another user left in a folder above
 * (`/tmp/.msk.json`) is refused, as git refuses a repository another user owns. Root's is trusted.
 */
function assertBindingOwner(file: string, owner: number): void {
  const me = process.getuid?.();
  if (me === undefined || owner === me || owner === 0) return;
  throw new MskError(
    'invalid-input',
    `${file} belongs to another user (uid ${owner}), so it does not choose your key; remove it, or name the key with --key.`,
    { file, owner },
  );
}

async function parseBinding(file: string, text: string): Promise<Binding> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new MskError(
      'invalid-input',
      `${file} is not valid JSON${whereJsonFails(text, error)}; fix it, or remove it.`,
      {
        file,
      },
    );
  }
  const parsed = (await schema()).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MskError(
      'invalid-input',
      `${file} is not a key binding (${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}); expected {"key": "<label>", "tool"?: …, "model"?: …}.`,
      { file },
    );
  }
  return parsed.data;
}

/** Writes `.msk.json` into `directory` (atomically, owner-only, like every file we write). */
export async function writeBinding(directory: string, binding: Binding): Promise<string> {
  const file = path.join(path.resolve(directory), BINDING_FILE);
  if (binding.model !== undefined) requireModelId(binding.model, 'The model');
  await writeFileAtomic(file, `${JSON.stringify((await schema()).parse(binding), null, 2)}\n`, {
    mode: 0o600,
  });
  return file;
}

/** Removes `.msk.json` from `directory` itself (not above it); says whether there was one. */
export async function removeBinding(directory: string): Promise<boolean> {
  const file = path.join(path.resolve(directory), BINDING_FILE);
  try {
    await readFile(file, 'utf8');
  } catch {
    return false;
  }
  await rm(file);
  return true;
}
