// Which word a prepositional phrase hangs on. The grammar lists every "prep + noun" after a verb as
// the verb's, but "a contract consists of several acquisitions of airplanes" has only one part (the
// acquisitions): "of airplanes" describes the noun right before it, not the verb.
import type { Analysis, Clause, PrepObject } from './grammar';

/**
 * Whether the preposition stands right after another noun of the clause (its object, or an earlier
 * prepositional object), so the phrase describes that noun: "a deck of cards", "a shift for a
 * particular bus", "a bed for his stay". A list item ("4 players, a deck …") has no preposition of its
 * own, and a passive's agent ("assigned by city staff to a shift") is no noun the next phrase describes.
 */
export function describesNounBefore(analysis: Analysis, clause: Clause, object: PrepObject, afterPrepOnly = false): boolean {
  const { terms } = analysis;
  const prepAt = object.phrase.start - 1;
  if (terms[prepAt]?.w !== object.prep) return false;
  const before = (p: { head: number }) => p.head === prepAt - 1;
  if (!afterPrepOnly && clause.objects.some(before)) return true;
  return clause.preps.some((p) => before(p.phrase) && p.prep !== 'by');
}
