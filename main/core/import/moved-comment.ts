// The comment that takes the place of a removed key's line: where the key went and how to get it
// back into the environment, in the syntax of the file it is written into.
import type { AssignmentSyntax } from './assignment-line.js';
import type { FileKind } from './known-places.js';

export type CommentFlavour = 'posix' | 'fish' | 'powershell' | 'dotenv';

/** The file's kind decides; a `shell` file's line may be fish or PowerShell only when named oddly. */
export function commentFlavour(kind: FileKind, syntax: AssignmentSyntax | null): CommentFlavour {
  if (kind === 'fish' || kind === 'powershell' || kind === 'dotenv') return kind;
  if (syntax === 'fish' || syntax === 'powershell') return syntax;
  return 'posix';
}

const ENV_HINTS: Record<CommentFlavour, string | null> = {
  posix: '`eval "$(msk env)"`',
  fish: '`msk env --shell fish | source`',
  powershell: '`msk env --shell powershell | Invoke-Expression`',
  // A .env file is read by a program, not run: only `msk exec` applies.
  dotenv: null,
};

export function movedComment(label: string, flavour: CommentFlavour): string {
  // Windows PowerShell 5.1 reads a profile without a byte-order mark as ANSI: plain quotes there.
  const quoted = flavour === 'powershell' ? `'${label}'` : `‘${label}’`;
  const hint = ENV_HINTS[flavour];
  const use = hint ? `\`msk exec -- <command>\` or ${hint}` : '`msk exec -- <command>`';
  return `# Model Studio key moved to the OS keychain by Model Studio Keys (label ${quoted}): use ${use}`;
}
