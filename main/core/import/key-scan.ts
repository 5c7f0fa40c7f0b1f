// The outcome of a search: findings as plain, secret-free data, and the secrets beside them in a
// private field that JSON, structured cloning (IPC) and snapshots never see.
import type { Finding, ScanNote } from './finding.js';
import type { FoundKey } from './scan.js';
import { MskError } from '../base/errors.js';

export class KeyScan {
  readonly #found: ReadonlyMap<string, FoundKey>;

  constructor(
    readonly findings: readonly Finding[],
    readonly notes: readonly ScanNote[],
    found: readonly FoundKey[],
  ) {
    this.#found = new Map(found.map((entry) => [entry.id, entry]));
  }

  /** The finding with this id, or a clear error when the scan has none (a stale or mistyped id). */
  finding(id: string): Finding {
    const finding = this.findings.find((candidate) => candidate.id === id);
    if (!finding) {
      throw new MskError(
        'invalid-input',
        `No key was found with id '${id}' in this search; search again (the file may have changed).`,
        { id },
      );
    }
    return finding;
  }

  /** The findings named, in the scan's order; 'all' is every one. */
  select(ids: readonly string[] | 'all'): Finding[] {
    if (ids === 'all') return [...this.findings];
    const wanted = new Set(ids.map((id) => this.finding(id).id));
    return this.findings.filter((finding) => wanted.has(finding.id));
  }

  /** The secret a finding holds. Stays in the core: import and removal use it, nothing shows it. */
  secretOf(id: string): string {
    return this.detailsOf(id).key.secret;
  }

  /** Where the key was, as removal needs it (the real file, the line's syntax). */
  detailsOf(id: string): FoundKey {
    const found = this.#found.get(this.finding(id).id);
    if (!found)
      throw new MskError('invalid-input', `No key was found with id '${id}' in this search.`, { id });
    return found;
  }

  toJSON(): { findings: readonly Finding[]; notes: readonly ScanNote[] } {
    return { findings: this.findings, notes: this.notes };
  }
}
