// "Members with a name and a phone book boats", "inspections with a date belong to a hive": the
// tagger joins the last item of a subject's "with" list and the verb after it into one compound
// ("phone book", "date belong"), which leaves the clause without a verb. One of the corrections
// of nlpCorrections.ts.
import type { Term } from './nlp';
import { singularByRule } from './lexicon';

/** Determiners that may open the subject ("all members with …", "our tenants with …"). */
const SUBJECT_OPENERS = /^(?:all|the|our|their|any|some|most)$/;

/**
 * A plural subject that opens its clause, then "with" and its list of values: when the word after
 * the list's last noun is a singular noun the tagger also knows as a verb, it is followed by an
 * object (an article, a number, "their", a plural noun) or by "to", and the clause has no verb or
 * modal anywhere else, that word is the subject's verb. ("Tickets with a seat number and a price."
 * has nothing after the list; "members with a phone book are listed" has its verb.)
 */
export function verbsAfterWithLists(terms: Term[], canBeVerb: (word: string) => boolean): void {
  for (let w = 1; w < terms.length; w++) {
    if (terms[w].w !== 'with' || /[,;:()]/.test(terms[w - 1].post)) continue;
    const subjectEnd = w - 1;
    const subject = terms[subjectEnd];
    // ("Boats with a name belong to a club": a sentence's first "-s" word read as a verb is the plural subject once its verb is found.)
    const openingVerb = subjectEnd === 0 && subject.pos === 'verb' && /[^su]s$/.test(subject.w);
    if (!openingVerb && (subject.pos !== 'noun' || !subject.plural || subject.possessive || !opensClause(terms, subjectEnd))) continue;
    const end = clauseEnd(terms, w);
    // The word must follow a noun of the list and be followed by an object or "to".
    for (let i = w + 2; i + 1 <= end; i++) {
      const [prev, t, next] = [terms[i - 1], terms[i], terms[i + 1]];
      if (t.pos !== 'noun' || t.plural || t.possessive || prev.pos !== 'noun' || prev.plural || /[,;:()]/.test(prev.post + t.pre + t.post)) continue;
      const objectAfter = next.pos === 'det' || next.pos === 'num' || (next.pos === 'pron' && next.possessive) || (next.pos === 'noun' && next.plural) || next.w === 'to';
      if (!objectAfter) continue;
      const otherVerb = terms.slice(w, end + 1).some((u, k) => w + k !== i && (u.pos === 'verb' || u.pos === 'modal'));
      if (otherVerb || !canBeVerb(t.w)) break;
      t.pos = 'verb';
      t.root = t.w;
      if (openingVerb) Object.assign(subject, { pos: 'noun', plural: true, root: singularByRule(subject.w) });
      break;
    }
  }
}

/** Whether the subject ending at `end` (nouns and adjectives before it, an opener first) starts a clause. */
function opensClause(terms: Term[], end: number): boolean {
  let start = end;
  while (start > 0 && (terms[start - 1].pos === 'noun' || terms[start - 1].pos === 'adj') && !terms[start - 1].plural && !/[,;:()]/.test(terms[start - 1].post)) start--;
  if (start > 0 && SUBJECT_OPENERS.test(terms[start - 1].w) && !/[,;:()]/.test(terms[start - 1].post)) start--;
  if (start === 0) return true;
  const before = terms[start - 1];
  // (", and inspections with a date belong to a hive": a clause after a comma and "and"/"but".)
  return /[;:]/.test(before.post) || (/^(?:and|but)$/.test(before.w) && /,/.test(terms[start - 2]?.post ?? ''));
}

/** The last term of the clause that starts at `from` (up to ";", ":", a sentence end or ", and"). */
function clauseEnd(terms: Term[], from: number): number {
  for (let k = from; k < terms.length; k++) {
    if (/[;:.!?]/.test(terms[k].post)) return k;
    if (/,/.test(terms[k].post) && /^(?:and|but)$/.test(terms[k + 1]?.w ?? '')) return k;
  }
  return terms.length - 1;
}
