// OpenClaw set up for a key, as its users run it: no variable sets OpenClaw's endpoint, so the
// key's base URL is written where OpenClaw reads it (its config, one string merged, a backup kept),
// and the key is onboarded by reference (`--secret-input-mode ref`): OpenClaw keeps a pointer to
// the variable msk sets, never a copy, so switching keys in msk switches OpenClaw's too.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MskError } from '../base/errors.js';
import { JsonSyntaxError, lineOfOffset, parseJsonDocument, withString } from '../import/json-document.js';
import { type DiffLine, hunkLines } from '../import/line-diff.js';
import { freeBackupName } from '../import/removal.js';
import { writeFileAtomic } from '../platform/atomic-write.js';
import { endpointsForKey, type Services } from '../keys/services.js';
import { OPENCLAW } from '../tools/tool-catalog.js';
import { assertPlanServes } from '../tools/tool-presets.js';
import { type ChoiceRequest, choose, type KeyChoice } from './choose.js';

export interface OpenClawSetup extends KeyChoice {
  /** OpenClaw's config file. */
  file: string;
  /** Its provider for the key's plan, and the base URL written for it. */
  provider: string;
  baseUrl: string;
  /** OpenClaw's arguments to onboard the key by reference (the key itself is in `keyVariable`). */
  onboard: string[];
  keyVariable: string;
  /** The config's change; none when it says so already. */
  diff: DiffLine[];
  /** The file as read (null: there is none yet), and as it is to be. */
  original: string | null;
  updated: string;
}

/** The key's provider, base URL and onboarding, and what its config needs; nothing is written. */
export async function planOpenClawSetup(
  services: Services,
  request: ChoiceRequest & { home: string; env: Readonly<Record<string, string | undefined>> },
): Promise<OpenClawSetup> {
  const config = await services.config.read();
  const { record, reason, tool } = await choose(config, { ...request, tool: 'openclaw' });
  assertPlanServes(tool, record.plan);
  const facts = OPENCLAW.plans[record.plan];
  const baseUrl = endpointsForKey(services.environment, config, record).compatible;
  const file = request.env[OPENCLAW.configPathVariable] || path.join(request.home, ...OPENCLAW.configFile);
  const original = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new MskError('invalid-input', `Cannot read OpenClaw's config ${file}: ${error.message}`, { file });
  });
  const updated = mergedConfig(file, original, facts.provider, baseUrl);
  const china = record.regionId === 'cn-beijing' ? OPENCLAW.chinaSuffix : '';
  return {
    record,
    reason,
    file,
    provider: facts.provider,
    baseUrl,
    onboard: [...OPENCLAW.onboard, '--auth-choice', `${facts.authChoice}${china}`],
    keyVariable: facts.keyVariable,
    diff: original === updated ? [] : hunkLines((original ?? '').split('\n'), updated.split('\n')),
    original,
    updated,
  };
}

/** `text` with the provider's base URL set; a file OpenClaw could not read either is refused, saying where. */
function mergedConfig(file: string, original: string | null, provider: string, baseUrl: string): string {
  const where = `models.providers.${provider}.baseUrl`;
  try {
    const updated = withString(original ?? '', ['models', 'providers', provider, 'baseUrl'], baseUrl);
    if (updated === undefined) {
      throw new MskError(
        'invalid-input',
        `${file}: ${where} cannot be set, as something on its way is not an object. Fix the file, then set it up again.`,
        { file },
      );
    }
    // What msk writes must read back as what it meant.
    parseJsonDocument(updated);
    return updated;
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const line = lineOfOffset(original ?? '', error.offset);
    throw new MskError(
      'invalid-input',
      `${file} is not a config OpenClaw can read (line ${line}: ${error.message}); fix it, then set it up again.`,
      { file, line },
    );
  }
}

/**
 * Writes the planned config: a copy of the file as it was beside it first (0600), then the new
 * text atomically with the file's own mode. A file changed since the plan is left alone.
 */
export async function writeOpenClawConfig(
  setup: OpenClawSetup,
  now: Date = new Date(),
): Promise<{ backup: string | null }> {
  if (setup.diff.length === 0) return { backup: null };
  const current = await readFile(setup.file, 'utf8').catch(() => null);
  if (current !== setup.original) {
    throw new MskError(
      'invalid-input',
      `${setup.file} changed while it was being set up; nothing was written. Set it up again.`,
      { file: setup.file },
    );
  }
  if (setup.original === null) {
    await mkdir(path.dirname(setup.file), { recursive: true, mode: 0o700 });
    await writeFileAtomic(setup.file, setup.updated, { mode: 0o600 });
    return { backup: null };
  }
  const { mode } = await stat(setup.file);
  const backup = await freeBackupName(setup.file, now);
  await writeFile(backup, setup.original, { mode: 0o600, flag: 'wx' });
  await writeFileAtomic(setup.file, setup.updated, { mode: mode & 0o7777 });
  return { backup };
}
