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

/** What linking needs from the sentence being read (nlpRelations' reader). */
export interface ReducedRelativeRead {
  analysis: Analysis;
  entityIn: (phrase: NounPhrase | undefined) => DraftEntity | undefined;
  link: (child: DraftEntity | undefined, parent: DraftEntity | undefined) => void;
}

/**
 * "Photos taken on a trip are saved with a caption": the described records belong to the one record
 * the participle places them on (one trip: "a", "the", "each", "one" and a singular). Only when a
 * verb of the sentence has the described noun as its subject, so "staff worked on a project" (a past
 * tense, not a participle) is left to the clause reader.
 */
export function linkReducedRelatives(read: ReducedRelativeRead): void {
  const { terms, phrases, clauses } = read.analysis;
  for (const object of phrases) {
    const relative = reducedRelativeEndingIn(terms, phrases, object);
    if (!relative || object.plural || !/^(?:a|an|the|each|one|every)$/.test(object.determiner ?? '')) continue;
    if (!clauses.some((c) => c.subject === relative.noun && c.verbIndex > object.head)) continue;
    const child = read.entityIn(relative.noun);
    const parent = read.entityIn(object);
    if (child && parent && child !== parent && child.name !== 'User' && parent.name !== 'User') read.link(child, parent);
  }
}
