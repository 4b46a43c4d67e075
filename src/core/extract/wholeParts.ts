// Whole-part statements read from a clause: what a thing is made of ("A game consists of four
// players, a deck of cards and a scoring table"), what is put into or onto it ("Two wheels are
// inserted into each frame") and what it is connected to ("Each bike can be connected to a
// battery"). A domain description names the parts of a record because they are records too.
import type { Analysis, Clause, NounPhrase } from './grammar';

/** Verbs that say a whole is made of parts: "is composed of", "consists of", "is divided into". */
export const PART_VERBS = /^(compose|consist|comprise|make|divide|split|build|assemble|decompose|partition|break)$/;
/** Verbs that put a part into, onto or next to a whole: "inserted into", "mounted on", "connected to". */
const ATTACH_VERBS = /^(insert|attach|mount|fit|connect|plug|install|embed|couple|link)$/;

/** ("Crews are made up of sailors": the tagger reads "made up" as two verbs and the clause's verb is the particle.) */
export function saysMadeOf(clause: Clause, analysis: Analysis): boolean {
  return PART_VERBS.test(clause.verb) || (clause.verb === 'up' && /^(make|build)$/.test(analysis.terms[clause.verbIndex - 1]?.root ?? ''));
}

export interface WholePart {
  whole: NounPhrase;
  /** Things, not materials: each part is counted (plural, or with an article or number). */
  parts: NounPhrase[];
}

/** "made of steel" names a material; a part is a thing written with an article, a number or a plural. */
function counted(phrase: NounPhrase, analysis: Analysis): boolean {
  return phrase.plural || !!phrase.determiner || analysis.terms[phrase.start]?.pos === 'num';
}

/** "The bike is composed of a frame and a motor", "A farm is divided into fields", "A kit comprises a tent". */
function madeOf(clause: Clause, analysis: Analysis): WholePart | undefined {
  if (!saysMadeOf(clause, analysis) || !clause.subject) return undefined;
  const preps = clause.preps.filter((p) => p.prep === 'of' || p.prep === 'into' || p.prep === 'from').map((p) => p.phrase);
  // ("A kit comprises a tent and two poles": comprise takes its parts as objects.)
  const objects = clause.verb === 'comprise' && !clause.passive ? clause.objects : [];
  const parts = [...objects, ...preps].filter((p) => counted(p, analysis));
  return parts.length ? { whole: clause.subject, parts } : undefined;
}

/**
 * "Two wheels are inserted into each frame": the part is the subject, the whole the place.
 * "Each bike can be connected to a battery": when the subject is the one counted with each/every,
 * it is the whole and what it is connected to is the part.
 */
function attachedTo(clause: Clause, analysis: Analysis): WholePart | undefined {
  if (!ATTACH_VERBS.test(clause.verb) || !clause.passive || !clause.subject || clause.negated) return undefined;
  const place = clause.preps.find((p) => /^(into|to|onto|on|in)$/.test(p.prep) && counted(p.phrase, analysis))?.phrase;
  if (!place || !counted(clause.subject, analysis)) return undefined;
  const subjectIsWhole = /^(each|every)$/.test(clause.subject.determiner ?? '') && !/^(each|every)$/.test(place.determiner ?? '');
  return subjectIsWhole ? { whole: clause.subject, parts: [place] } : { whole: place, parts: [clause.subject] };
}

/** Every whole-part statement in a sentence's clauses. */
export function wholePartsOf(analysis: Analysis): WholePart[] {
  const out: WholePart[] = [];
  for (const clause of analysis.clauses) {
    const found = madeOf(clause, analysis) ?? attachedTo(clause, analysis);
    if (found) out.push(found);
  }
  return out;
}
