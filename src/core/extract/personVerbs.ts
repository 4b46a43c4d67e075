// "The receptionist checks guests in", "the clerk files the reports": compromise reads an -s verb
// right after a person noun as the head of a compound ("receptionist checks"). One of the
// corrections of nlpCorrections.ts.
import type { Term } from './nlp';
import { PERSON_NOUNS, STAFF_ROLES } from './lexicon';

/** Determiners that open one person's phrase ("the receptionist", "each tutor", "our clerk"). */
const ONE_PERSON = /^(?:the|a|an|each|every|our|one|this|that|any)$/;

/**
 * After one person named with a determiner (adjectives and nouns may come between: "the front desk
 * receptionist"), an -s word that is followed by its object (plural things, a determiner, a number,
 * "their") is that person's verb: one person cannot head a plural compound, and the words after
 * show an object. ("The customer orders are shipped": no object follows, the compound stays.)
 */
export function verbsAfterPerson(terms: Term[], canBeVerb: (word: string) => boolean): void {
  for (let i = 2; i + 1 < terms.length; i++) {
    const t = terms[i];
    if (t.pos !== 'noun' || !t.plural || t.possessive || t.depth > 0 || !/[a-z]s$/.test(t.w) || t.w.endsWith('ss') || /[,;:()]/.test(t.post)) continue;
    const prev = terms[i - 1];
    if (prev.pos !== 'noun' || prev.plural || prev.possessive || /[,;:()]/.test(prev.post + t.pre) || !personTerm(prev)) continue;
    const next = terms[i + 1];
    if (!((next.pos === 'noun' && next.plural) || next.pos === 'det' || next.pos === 'num' || (next.pos === 'pron' && next.possessive))) continue;
    let j = i - 2;
    while (j >= 0 && (terms[j].pos === 'adj' || (terms[j].pos === 'noun' && !terms[j].plural)) && !/[,;:]/.test(terms[j].post)) j--;
    if (!terms[j] || !ONE_PERSON.test(terms[j].w)) continue;
    const stem = t.root && t.root !== t.w ? t.root : t.w.slice(0, -1);
    if (!canBeVerb(stem)) continue;
    t.pos = 'verb';
    t.root = stem;
    t.plural = false;
    t.actor = false;
  }
}

/** A person noun: the tagger's actor, a known person noun or a staff role. */
function personTerm(term: Term): boolean {
  return term.actor || PERSON_NOUNS.has(term.w) || !!STAFF_ROLES[term.w];
}
