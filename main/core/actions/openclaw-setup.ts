// OpenClaw set up for a key, as its users run it: no variable sets OpenClaw's endpoint, so the
// key's base URL is written where OpenClaw reads it (its config, one string merged, a backup kept),
// and the key is onboarded by reference (`--secret-input-mode ref`): OpenClaw keeps a pointer to
// the variable msk sets, never a copy, so switching keys in msk switches OpenClaw's too. The CLI
// and the window run the same steps (`setUpOpenClaw`), each onboarding its own way.
import { mkdir, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MskError } from '../base/errors.js';
import { JsonSyntaxError, lineOfOffset, parseJsonDocument, withString } from '../import/json-document.js';
import { type DiffLine, hunkLines, shownChange } from '../import/line-diff.js';
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
  /** What a user is shown of it: the lines around each change, keys masked. */
  shown: DiffLine[];
  /** The file as read (null: there is none yet), and as it is to be. */
  original: string | null;
  updated: string;
}

export interface OpenClawRequest extends ChoiceRequest {
  /** The user's home folder, and the environment OPENCLAW_CONFIG_PATH is read from. */
  home: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** The key's provider, base URL and onboarding, and what its config needs; nothing is written. */
export async function planOpenClawSetup(
  services: Services,
  request: OpenClawRequest,
): Promise<OpenClawSetup> {
  const config = await services.config.read();
  const { record, reason, tool } = await choose(config, { ...request, tool: 'openclaw' });
  assertPlanServes(tool, record.plan);
  const facts = OPENCLAW.plans[record.plan];
  const baseUrl = endpointsForKey(services.environment, config, record).compatible;
  const named = request.env[OPENCLAW.configPathVariable] || path.join(request.home, ...OPENCLAW.configFile);
  // A link the user made (a config kept with their dotfiles) is followed: the file it names is
  // OpenClaw's config, written in place, its backup beside it. msk's own files never follow one.
  const file = await realpath(named).catch(() => named);
  const original = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new MskError('invalid-input', `Cannot read OpenClaw's config ${file}: ${error.message}`, {
      file,
      reason: 'config-unreadable',
      cause: error.code ?? '',
    });
  });
  const updated = mergedConfig(file, original, facts.provider, baseUrl);
  const diff = original === updated ? [] : hunkLines((original ?? '').split('\n'), updated.split('\n'));
  const china = record.regionId === 'cn-beijing' ? OPENCLAW.chinaSuffix : '';
  return {
    record,
    reason,
    file,
    provider: facts.provider,
    baseUrl,
    onboard: [...OPENCLAW.onboard, '--auth-choice', `${facts.authChoice}${china}`],
    keyVariable: facts.keyVariable,
    diff,
    shown: shownChange(diff),
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
        { file, where, reason: 'config-not-object' },
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
      { file, line, reason: 'config-invalid' },
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
      { file: setup.file, reason: 'config-changed' },
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

/** OpenClaw's onboarding of the planned key (`setup.onboard`), run by the CLI or the app its own way. */
export type Onboarding = (setup: OpenClawSetup, signal?: AbortSignal) => Promise<void>;

export type OpenClawStep = 'onboarding' | 'writing';

export interface OpenClawSteps {
  /** Run between two plans (onboarding rewrites the file); false: not run (done already). */
  onboard: Onboarding | false;
  /** Aborted: the config is left as it was, and the setup rejects with `cancelled`. */
  signal?: AbortSignal;
  /** Told as each step starts, with the plan it works from. */
  progress?: (step: OpenClawStep, setup: OpenClawSetup) => void;
  now?: Date;
}

/**
 * The whole setup: plan, onboard, plan again over what onboarding wrote, write. An onboarding
 * that fails or is cancelled leaves OpenClaw's config as it was before it (put back if it wrote).
 */
export async function setUpOpenClaw(
  services: Services,
  request: OpenClawRequest,
  { onboard, signal, progress, now }: OpenClawSteps,
): Promise<{ setup: OpenClawSetup; backup: string | null }> {
  const before = await planOpenClawSetup(services, request);
  let setup = before;
  if (onboard) {
    stopIfCancelled(signal);
    progress?.('onboarding', setup);
    try {
      await onboard(setup, signal);
      // Onboarding rewrites the file (and sets its own default endpoint): merge into what it wrote.
      setup = await planOpenClawSetup(services, request);
      stopIfCancelled(signal);
    } catch (error) {
      await putBack(before);
      throw error;
    }
  }
  stopIfCancelled(signal);
  progress?.('writing', setup);
  return { setup, ...(await writeOpenClawConfig(setup, now)) };
}

/** The config as a plan found it, again: what onboarding wrote of a run that did not finish goes. */
async function putBack(setup: OpenClawSetup): Promise<void> {
  const current = await readFile(setup.file, 'utf8').catch(() => null);
  if (current === setup.original) return;
  if (setup.original === null) return rm(setup.file, { force: true });
  const mode = await stat(setup.file).then(
    (stats) => stats.mode & 0o7777,
    () => 0o600,
  );
  await writeFileAtomic(setup.file, setup.original, { mode });
}

function stopIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted)
    throw new MskError('cancelled', "Cancelled; nothing was changed in OpenClaw's config.");
}
