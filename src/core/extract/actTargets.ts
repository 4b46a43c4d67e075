// What a verb that makes a record (rate -> Rating, comment -> Comment, book -> Booking) acts on, when the
// clause names it by a pronoun or not at all: "members post photos; others can rate and comment on them",
// "members can rate a photo and comment on it". The record the act makes belongs to that thing.
import type { DraftEntity } from './draft';
import type { Analysis, Clause, NounPhrase } from './grammar';

/** Prepositions a made record's target follows ("comment on it", "vote for them", "apply to it"). */
const TARGET_PREPS = /^(for|to|at|on|in)$/;

/** The clause's own targets: its objects, then the phrases of the prepositions above. */
export function clauseTargets(clause: Clause): NounPhrase[] {
  return [...clause.objects, ...clause.preps.filter((p) => TARGET_PREPS.test(p.prep)).map((p) => p.phrase)];
}

/**
 * The record a made record is about when the clause names it only by "it"/"them" ("comment on it"), or
 * shares the next verb's ("rate and comment on them": "rate" has no object of its own). A pronoun is the
 * last record named before the verb with its number ("them" a plural, "it" a singular), other than the
 * act and the doer; else, for "it", the record the sentence before was about.
 */
export function pronounTarget(
  analysis: Analysis,
  clause: Clause,
  entityIn: (phrase: NounPhrase) => DraftEntity | undefined,
  exclude: (entity: DraftEntity) => boolean,
  previousTopic: DraftEntity | undefined,
): DraftEntity | undefined {
  if (clauseTargets(clause).length) return undefined;
  const { terms } = analysis;
  const shared = sharedVerbClause(analysis, clause);
  const acting = shared ?? clause;
  const sharedTargets = shared ? clauseTargets(shared) : [];
  if (sharedTargets.length) return sharedTargets.map(entityIn).find((e) => e && !exclude(e));
  const pronounAt = pronounAfterVerb(analysis, acting.verbIndex);
  if (pronounAt < 0) return undefined;
  const plural = terms[pronounAt].w === 'them';
  const before = [...analysis.phrases].reverse().filter((p) => p.head < clause.verbIndex && p.plural === plural).map(entityIn).find((e) => e && !exclude(e));
  return before ?? (plural || !previousTopic || exclude(previousTopic) ? undefined : previousTopic);
}

/** "rate it", "comment on them": the index of "it"/"them" as the verb's object, or -1. */
function pronounAfterVerb(analysis: Analysis, verbIndex: number): number {
  const { terms } = analysis;
  const k = TARGET_PREPS.test(terms[verbIndex + 1]?.w ?? '') ? verbIndex + 2 : verbIndex + 1;
  return /^(it|them)$/.test(terms[k]?.w ?? '') ? k : -1;
}

/** "rate and comment on them": a verb with nothing after it but "and"/"or" and the next verb shares that verb's objects. */
function sharedVerbClause(analysis: Analysis, clause: Clause): Clause | undefined {
  const { terms } = analysis;
  if (!/^(and|or)$/.test(terms[clause.verbIndex + 1]?.w ?? '') || /[,;:.]/.test(terms[clause.verbIndex]?.post ?? '')) return undefined;
  return analysis.clauses.find((c) => c.verbIndex === clause.verbIndex + 2 && c !== clause);
}
