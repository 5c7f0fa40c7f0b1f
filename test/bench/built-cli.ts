// The built `msk` the benchmarks start (npm run bench builds it first; a bench file run alone
// builds it when it is missing).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Builds `msk` into its output if it is not there; true when it had to. */
export function ensureBuiltCli(msk: string): boolean {
  if (existsSync(msk)) return false;
  execFileSync('node_modules/.bin/vite', ['build', '--config', 'msk.vite.config.ts', '--logLevel', 'error']);
  return true;
}
