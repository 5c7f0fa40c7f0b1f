// `msk __complete <words…>`: what the shell completion scripts run on every TAB — the candidates
// for the last word, one `value<TAB>description` a line. Started without commander (the commands
// come from command-tree.ts) and never reading the keychain; anything that fails prints nothing,
// since a message would land in the middle of the user's command line.
import { COMMAND_TREE } from './command-tree.js';
import { type Candidate, completeWords, filtered } from './complete-words.js';
import { valuesOfKind } from './complete-values.js';
import { writeOut } from '../output.js';

export async function runComplete(words: readonly string[]): Promise<void> {
  // `msk __complete` alone completes the first word.
  const asked = words.length === 0 ? [''] : words;
  let candidates: Candidate[];
  try {
    const completion = completeWords(COMMAND_TREE, asked);
    candidates =
      'candidates' in completion
        ? completion.candidates
        : filtered(
            (await valuesOfKind(completion.kind, completion.words, COMMAND_TREE)).map((candidate) => ({
              ...candidate,
              value: completion.before + candidate.value,
            })),
            completion.before + completion.prefix,
          );
  } catch {
    return;
  }
  const lines = unique(candidates)
    .filter((candidate) => !/[\t\n\r]/.test(candidate.value))
    .map(({ value, description }) => (description ? `${value}\t${description.replace(/\s+/g, ' ')}` : value));
  if (lines.length > 0) writeOut(`${lines.join('\n')}\n`);
}

const unique = (candidates: readonly Candidate[]): Candidate[] => {
  const seen = new Set<string>();
  return candidates.filter((candidate) => !seen.has(candidate.value) && seen.add(candidate.value));
};
