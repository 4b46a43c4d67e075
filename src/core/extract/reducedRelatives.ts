// Reduced relative clauses: "photos taken on a trip are saved with a caption", "orders placed in a
// shop have a total". The participle and its preposition describe the noun before them; the noun
// after the preposition is neither the subject of the verb that follows nor a field's owner, and
// the described noun belongs to it (a photo is taken on one trip).
import type { DraftEntity } from './draft';
import type { Analysis, NounPhrase } from './grammar';
import type { Term } from './nlp';

/** Past participles not ending in -ed/-en/-wn ("taught", "held", "paid", "built", "kept", "sold", "made", "run", "set"). */
export const IRREGULAR_PARTICIPLE = /^(?:[a-z]*(?:ght|eld|ilt|ept|old|aid|ent|ung)|run|set|put|cut|hit|led|met|read|shut|spread|won|sat|found|bound|wound|dealt|meant|lent|spent|sent|lost|left|felt|heard|hung|stuck|struck|shot|fed|bred|fled|sped|split|quit)$/;

/** Prepositions that place the described thing in, on or for another ("taken on a trip", "left in a locker"). */
const PLACING_PREPS = /^(?:in|on|at|for|during|under|inside|within|into|onto|to|from)$/;

export interface ReducedRelative {
  /** The described noun ("photos"). */
  noun: NounPhrase;
  /** The preposition after the participle and the noun it governs ("on", "a trip"). */
  prep: string;
  object: NounPhrase;
}

/** Common participles neither list above has ("made", "done", "shot", "got"). */
const SHORT_PARTICIPLE = /^(?:made|done|shot|got|dug|hid|paid|laid)$/;

function isParticiple(t: Term | undefined): boolean {
  return !!t && t.pos === 'verb' && (/(?:ed|en|wn)$/.test(t.w) || IRREGULAR_PARTICIPLE.test(t.w) || SHORT_PARTICIPLE.test(t.w));
}

/**
 * When `object` is the noun of "<noun> <participle> <preposition> <object>" with nothing between
 * (no comma, no bracket), the reduced relative it ends. The tagger may read the preposition as a
 * verb's particle ("taken on") or an adjective ("written under"): the word itself is what counts.
 */
export function reducedRelativeEndingIn(terms: Term[], phrases: NounPhrase[], object: NounPhrase): ReducedRelative | undefined {
  const prepAt = object.start - 1;
  const participleAt = prepAt - 1;
  const prep = terms[prepAt]?.w ?? '';
  if (!PLACING_PREPS.test(prep) || !isParticiple(terms[participleAt]) || object.depth > 0) return undefined;
  const noun = phrases.find((p) => p.head === participleAt - 1 && p.depth === 0);
  if (!noun || /[,;:()]/.test(terms[noun.head].post + terms[participleAt].post + terms[prepAt].post)) return undefined;
  return { noun, prep, object };
}

/** Finite verbs that open the main clause right after a reduced relative ("photos taken on a trip are …"). */
const FINITE = /^(?:are|is|were|was|have|has|get|gets|can|must|may|will|should)$/;

/** What linking needs from the sentence being read (nlpRelations' reader). */
export interface ReducedRelativeRead {
  analysis: Analysis;
  entityIn: (phrase: NounPhrase | undefined) => DraftEntity | undefined;
  link: (child: DraftEntity | undefined, parent: DraftEntity | undefined) => void;
}

/**
 * "Photos taken on a trip are saved with …": a reduced relative that places the described things on
 * one record ("a", "the", "each", "one" and a singular), read as such only when the main clause
 * follows (a verb with the described noun as its subject, or a finite verb right after the phrase),
 * so "staff worked on a project" (a past tense, not a participle) is left to the clause reader.
 */
function placedOnOne(analysis: Analysis, object: NounPhrase): ReducedRelative | undefined {
  const { terms, phrases, clauses } = analysis;
  const relative = reducedRelativeEndingIn(terms, phrases, object);
  if (!relative || object.plural || !/^(?:a|an|the|each|one|every)$/.test(object.determiner ?? '')) return undefined;
  // ("… on a job are recorded with": a finite verb right after the phrase, even one the tagger read as an adjective.)
  const finiteNext = FINITE.test(terms[object.head + 1]?.w ?? '');
  return finiteNext || clauses.some((c) => c.subject === relative.noun && c.verbIndex > object.head) ? relative : undefined;
}

/** The described records belong to the one record the participle places them on (a photo is taken on one trip). */
export function linkReducedRelatives(read: ReducedRelativeRead): void {
  for (const object of read.analysis.phrases) {
    const relative = placedOnOne(read.analysis, object);
    if (!relative) continue;
    const child = read.entityIn(relative.noun);
    const parent = read.entityIn(object);
    if (child && parent && child !== parent && child.name !== 'User' && parent.name !== 'User') read.link(child, parent);
  }
}

/** "Parts used on a job are recorded with a quantity": things placed on a record that the sentence goes on to describe are records. */
export function placedOnRecordEvidence(analysis: Analysis, storable: (phrase: NounPhrase, analysis: Analysis) => boolean, add: (key: string, score: number, strong?: boolean) => void): void {
  for (const object of analysis.phrases) {
    const relative = placedOnOne(analysis, object);
    if (relative && storable(relative.noun, analysis)) add(relative.noun.key, 2, true);
  }
}
