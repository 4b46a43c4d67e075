// "Customers bring their bike in for a repair", "patients are admitted to a bed for a stay": people
// who come, or bring something, for one occurrence (a repair, a stay) each get an occurrence of their
// own. It belongs to them and to what they bring or where it takes place (the repair's bike, the
// stay's bed); the people are not parts of the occurrence, nor of the bed.
import type { Clause } from './grammar';
import { entityIn, link, type SentenceRead } from './sentenceLinks';
import type { DraftEntity } from './draft';

/** Verbs of coming, or of bringing something or someone, somewhere for a purpose. Not "send": "staff send an
 *  invoice to a customer for an order" makes the invoice for the order, which is no occurrence of the sending. */
const COMES_FOR = /^(?:bring|take|drop|come|go|admit|return)$/;
/** Verbs that say so only with the place written ("take their cats to the clinic", not "take a payment for an order"). */
const ONLY_WITH_PLACE = /^(?:take)$/;
/** Places and things the occurrence involves ("to a bed", "at the salon", "in a garage"). */
const INVOLVED_PREPS = /^(?:to|at|in|into)$/;

/** Links the occurrence "for a …" names; true when the clause was read so (the verb's other links are then these).
 *  `subject`: the clause's subject when it is a record. */
export function linkCameFor(read: SentenceRead, clause: Clause, subject: DraftEntity | undefined): boolean {
  if (!COMES_FOR.test(clause.verb)) return false;
  if (ONLY_WITH_PLACE.test(clause.verb) && !clause.preps.some((p) => INVOLVED_PREPS.test(p.prep))) return false;
  const purpose = clause.preps.find((p) => p.prep === 'for' && !p.phrase.plural && /^(?:a|an|one)$/.test(p.phrase.determiner ?? ''));
  const occurrence = purpose && entityIn(read, purpose.phrase);
  if (!occurrence || occurrence === subject || occurrence.name === 'User') return false;
  // (People who sign in are no record: the occurrence is still the thing's they bring.)
  if (subject) link(read, occurrence, subject);
  const involved = [...clause.objects, ...clause.preps.filter((p) => INVOLVED_PREPS.test(p.prep)).map((p) => p.phrase)];
  for (const phrase of involved) {
    const other = entityIn(read, phrase);
    if (!other || other === occurrence || other === subject || other.name === 'User') continue;
    // ("a bed for a stay" may have been read, in this sentence, as the bed's one stay: each bed has many stays.)
    const reversed = read.draft.relations.findIndex((r) => r.kind === 'belongsTo' && r.from === other.name && r.to === occurrence.name && r.sources.size === 1 && r.sources.has(read.id));
    if (reversed >= 0) read.draft.relations.splice(reversed, 1);
    link(read, occurrence, other);
  }
  return true;
}
