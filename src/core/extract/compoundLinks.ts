// "my camp groups", "the camp facilities", "customer orders": a compound whose head names one
// record and whose modifier names another says the head is the modifier's (a group of the camp).
// Read after every clause, so a verb or preposition that links the pair says how first.
import type { DraftEntity } from './draft';
import type { Analysis, NounPhrase } from './grammar';
import { isPersonWord } from './nlpEvidence';

export interface CompoundCandidate {
  child: DraftEntity;
  parent: DraftEntity;
  source: number;
}

/** The compounds of one sentence whose head and modifier are two different records. */
export function compoundCandidates(
  analysis: Analysis,
  entities: DraftEntity[],
  entityIn: (phrase: NounPhrase) => DraftEntity | undefined,
  source: number,
): CompoundCandidate[] {
  const out: CompoundCandidate[] = [];
  for (const phrase of analysis.phrases) {
    const words = phrase.key.split(' ');
    if (words.length < 2) continue;
    // ("a screenplay comes from …": a singular determiner before a plural head shows the head is a verb the tagger read as a noun.)
    if (phrase.plural && /^(a|an|each|every|one)$/.test(phrase.determiner ?? '')) continue;
    const head = entityIn(phrase);
    if (!head || head.name === 'User' || head.key === phrase.key) continue;
    // ("car owners", "camper counselors": people named after what they deal with are not parts of it.)
    if (isPersonWord(head.key.split(' ').pop() ?? '')) continue;
    const headWords = head.key.split(' ');
    if (words.slice(-headWords.length).join(' ') !== head.key) continue;
    const modifierWords = words.slice(0, words.length - headWords.length);
    if (!modifierWords.length) continue;
    const modifier = entities.find((e) => e.key === modifierWords.join(' ')) ?? entities.find((e) => e.key === modifierWords[modifierWords.length - 1]);
    if (!modifier || modifier === head || modifier.name === 'User') continue;
    out.push({ child: head, parent: modifier, source });
  }
  return out;
}
