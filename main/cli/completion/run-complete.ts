// `msk __complete <words…>`: what the shell completion scripts run on every TAB — the candidates
// for the last word, one `value<TAB>description` a line. Started without commander (the commands
// come from command-tree.ts) and never reading the keychain; anything that fails prints nothing,
// since a message would land in the middle of the user's command line.
import { COMMAND_TREE } from './command-tree.js';
import { type Candidate, completeWords } from './complete-words.js';
import { valuesOfKind } from './complete-values.js';
import { writeOut } from '../output.js';

export async function runComplete(words: readonly string[]): Promise<void> {
  // `msk __complete` alone completes the first word.
  const asked = words.length === 0 ? [''] : words;
  let text: string;
  try {
    const completion = completeWords(COMMAND_TREE, asked);
    text =
      'candidates' in completion
        ? linesOf(completion.candidates, '', '')
        : linesOf(
            await valuesOfKind(completion.kind, completion.words, COMMAND_TREE),
            completion.before,
            completion.before + completion.prefix,
          );
  } catch {
    return;
  }
  if (text) writeOut(text);
}

/**
 * The lines the shells read: each candidate's value after `before`, when it starts with `prefix`,
 * once, and never one a tab or line break would split. One pass, its pieces joined once, as few
 * calls a candidate as can be: TAB runs this over hundreds of key labels, in code that has not
 * warmed up, where each string put together on the way is one more for the garbage collector.
 */
function linesOf(candidates: readonly Candidate[], before: string, prefix: string): string {
  const seen = new Set<string>();
  const descriptions = new Map<string, string>();
  const pieces: string[] = [];
  // Indexed: for…of makes an iterator result a candidate.
  for (let index = 0; index < candidates.length; index++) {
    const candidate = candidates[index] as Candidate;
    const value = before + candidate.value;
    if (prefix !== '' && !value.startsWith(prefix)) continue;
    // Set.add answers the set: one call where has() then add() made two.
    if (seen.size === seen.add(value).size || LINE_BREAK.test(value)) continue;
    const raw = candidate.description;
    if (!raw) {
      pieces.push(value, '\n');
      continue;
    }
    // On one line; the same few (region names) come back for every key.
    let description = descriptions.get(raw);
    if (description === undefined) descriptions.set(raw, (description = raw.replace(/\s+/g, ' ')));
    pieces.push(value, '\t', description, '\n');
  }
  return pieces.join('');
}

/** What would split a candidate's line. */
const LINE_BREAK = /[\t\n\r]/;
