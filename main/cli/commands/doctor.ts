// msk doctor [--fix] [--json]: the data file, its backups, the keychain, and whether they agree.
import type { Command } from 'commander';
import type { Diagnosis, Finding } from '../../core/actions/doctor.js';
import { core } from '../context.js';
import { print, printJson, say } from '../output.js';

const MARK: Record<Finding['health'], string> = { ok: 'ok', warning: 'warning', problem: 'PROBLEM' };

export function registerDoctorCommands(program: Command): void {
  program
    .command('doctor')
    .description(
      'check the data file, its backups and the keychain; --fix repairs what it can (never deletes a key)',
    )
    .option(
      '--fix',
      'set a damaged data file aside and restore a backup, recover keys with no record, tighten permissions',
    )
    .option('--json', 'print JSON')
    .action(async (options: { fix?: boolean; json?: boolean }) => {
      const [{ diagnose, repair }, services] = await Promise.all([
        import('../../core/actions/doctor.js'),
        core(),
      ]);
      const fixed = options.fix ? await repair(services) : undefined;
      const diagnosis = fixed?.after ?? (await diagnose(services));
      if (options.json) printJson({ ...diagnosis, ...(fixed && { repaired: fixed.done }) });
      else {
        for (const line of fixed?.done ?? []) say(line);
        print(report(diagnosis));
        const fixable = diagnosis.findings.some((finding) => finding.fixable);
        if (!diagnosis.healthy && fixable && !options.fix)
          say('Run `msk doctor --fix` to repair what can be repaired.');
      }
      // All well, or nothing more to say: the exit code tells scripts which.
      if (!diagnosis.healthy) process.exitCode = 1;
    });
}

const report = (diagnosis: Diagnosis): string =>
  diagnosis.findings
    .map((finding) => `${MARK[finding.health].padEnd(8)}${finding.check}: ${finding.message}`)
    .join('\n');
