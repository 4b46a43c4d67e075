// Entity evidence for people in a text where nobody signs in: the people who act on the records
// are kept as records too ("the director makes an offer for the player", "collectors that possess
// pieces").
import type { Analysis, NounPhrase } from './grammar';
import { isPersonKey } from './recordWords';
import { USER_WORDS } from './lexicon';

type Add = (key: string, score: number, strong?: boolean) => void;

const GROUP_OF_PEOPLE = /^(?:staff|personnel|crew|team|workforce|management|family)$/;
type Storable = (phrase: NounPhrase, analysis: Analysis) => boolean;

export function peopleActingOnRecords(analysis: Analysis, storable: Storable, add: Add): void {
  if (!analysis.peopleAreRecords) return;
  const { terms } = analysis;
  // ("city staff posts the schedule": a word for a group of people names no one person to keep.)
  const person = (p: NounPhrase) => isPersonKey(p.key, terms[p.head].actor) && !USER_WORDS.has(p.headWord) && !GROUP_OF_PEOPLE.test(p.headWord) && storable(p, analysis);
  const thing = (p: NounPhrase) => !person(p) && storable(p, analysis) && (p.plural || !!p.determiner);
  for (const clause of analysis.clauses) {
    if (clause.passive || clause.negated) continue;
    let subject = clause.subject;
    if (!subject && /^(?:that|who)$/.test(terms[clause.verbIndex - 1]?.w ?? '')) subject = analysis.phrases.find((p) => p.head === clause.verbIndex - 2);
    if (!subject || !person(subject)) continue;
    if (clause.objects.some(thing) || clause.preps.some((p) => thing(p.phrase))) add(subject.key, 1, false);
  }
}

/**
 * "The visitors and the guide are people who have names", "A supplier is a company that has an
 * address": what the subject is said to be has values, so the subject (each one of a list) has them.
 */
export function subjectsOfWhoHave(analysis: Analysis, storable: Storable, add: Add): void {
  const { terms, phrases } = analysis;
  for (const clause of analysis.clauses) {
    if (clause.subject || clause.passive || clause.negated || !/^(?:have|own|possess)$/.test(clause.verb) || !clause.objects.length) continue;
    if (!/^(?:who|that)$/.test(terms[clause.verbIndex - 1]?.w ?? '')) continue;
    const predicate = phrases.find((p) => p.head === clause.verbIndex - 2);
    if (!predicate) continue;
    const copula = terms[predicate.start - 1];
    if (!copula || !/^(?:is|are)$/.test(copula.w)) continue;
    for (const subject of phrases) {
      if (subject.head >= predicate.start - 1 || !storable(subject, analysis)) continue;
      // Only the phrases of the subject: nouns joined by "and", "or" and commas right before the copula.
      const between = terms.slice(subject.head + 1, predicate.start - 1);
      if (between.every((t) => t.pos === 'conj' || t.pos === 'det' || t.pos === 'noun' || t.pos === 'adj')) add(subject.key, 2, true);
    }
  }
}
