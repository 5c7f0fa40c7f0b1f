// A key found lying somewhere, as data: everything a list, a CLI table or the window shows, and
// never the secret itself (that stays in the scan, see key-scan.ts).
import { createHash } from 'node:crypto';
import type { KeyShape, Plan } from '../model-studio/catalog.js';
import type { FileKind } from './known-places.js';

/** How a finding leaves its file: the line replaced by a comment, the JSON property deleted, the key file moved aside. */
export type RemovalKind = 'replace-line' | 'delete-property' | 'move-file';

export interface Finding {
  /** Changes when the file, the line number or the line's content does: a stale id is refused. */
  id: string;
  /** Null for the environment. As scanned (a symlink is named as such, not by its target). */
  file: string | null;
  kind: FileKind | 'environment';
  /** 1-based; null for the environment and for a file that is the key. */
  line: number | null;
  /** The variable, or the JSON path (`env.DASHSCOPE_API_KEY`). */
  variable: string;
  masked: string;
  shape: KeyShape;
  /** The plans a key of this shape can belong to (two for sk-sp-: Coding or Token Plan). */
  plans: readonly Plan[];
  defaultPlan: Plan;
  /** The line is commented out: not in effect, but the key is readable in the file. */
  commented: boolean;
  /** The stored key with this very secret, when there is one. */
  stored: { keyId: string; label: string } | null;
  /** Unique against stored labels and the other findings. */
  suggestedLabel: string;
  /** Reaching the file followed a symlink that leads out of HOME. */
  outsideHome: boolean;
  /** Null when it cannot be removed; `notRemovable` says why. */
  removal: RemovalKind | null;
  notRemovable: string | null;
}

export type ScanNoteReason =
  | 'too-large'
  | 'unreadable'
  | 'not-json'
  | 'not-a-file'
  | 'symlinked-directory'
  | 'limit-reached'
  | 'not-found';

/** Something the scan passed over, said so nobody believes a file was searched when it was not. */
export interface ScanNote {
  file: string;
  reason: ScanNoteReason;
  message: string;
}

/**
 * A short digest of where a key was and the exact text around it. It is computed from text
 * holding the secret, so only 64 bits of it are kept: far too few to say anything about a key.
 */
export function findingId(...parts: readonly (string | number | null)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part ?? ''}\u0000`);
  return hash.digest('hex').slice(0, 16);
}
