// "it is noted at which pump the fuel was bought", "each repair records at which garage it was done":
// the noun asked about by "which" stands right before the clause that asks about it, where the
// mention finder reads it as a verb ("pump the fuel"). The words up to that clause name the record.
import { findEntity, type Draft } from './draft';
import { singular, type Token } from './lexicon';

/** Words that open the asking clause after the noun ("which garage it was done at"). */
const CLAUSE_OPENERS = /^(the|a|an|this|that|these|those|its|their|his|her|it|they|he|she|we|you|i)$/;

/** The record named by the words after "which" at index i, when a clause follows them at once; else undefined. */
export function recordAskedAbout(draft: Draft, tokens: Token[], i: number): string | undefined {
  let end = i + 1;
  while (end < tokens.length && end - i <= 3 && tokens[end].kind === 'word' && !CLAUSE_OPENERS.test(tokens[end].w)) end++;
  if (end === i + 1 || end - i > 3 || !CLAUSE_OPENERS.test(tokens[end]?.w ?? '')) return undefined;
  const words = tokens.slice(i + 1, end).map((t) => t.w);
  words[words.length - 1] = singular(words[words.length - 1]);
  // The longest run ending in the head that names a record ("fuel pump", else "pump").
  for (let k = 0; k < words.length; k++) {
    const entity = findEntity(draft, words.slice(k).join(' '));
    if (entity) return entity.name;
  }
  return undefined;
}
