// Entity evidence from where a thing is: "The film set is located at a specific location", "each
// hotel is situated in a city", "the copy is located in a cinema". A thing the text places
// somewhere is a physical thing the app keeps (with its place), not a value or an idea.
import type { Analysis, NounPhrase } from './grammar';

type Add = (key: string, score: number, strong?: boolean) => void;
type Storable = (phrase: NounPhrase, analysis: Analysis) => boolean;

const PLACED = /^(?:locate|situate|place|station|house|park|store)$/;
const PLACE_PREPOSITIONS = /^(?:at|in|on|inside|near)$/;

/** "The film set is located at a specific location": the subject of a passive placing verb, named with a determiner. */
export function placedThings(analysis: Analysis, storable: Storable, add: Add): void {
  for (const clause of analysis.clauses) {
    const subject = clause.subject;
    if (!subject || !clause.passive || clause.negated || !PLACED.test(clause.verb) || !clause.preps.some((p) => PLACE_PREPOSITIONS.test(p.prep))) continue;
    // ("is located" / "are located" right after the subject: not "a room where the copy is located", read the same.)
    if (!/^(?:a|an|the|each|every)$/.test(subject.determiner ?? '') && !subject.plural) continue;
    if (storable(subject, analysis)) add(subject.key, 2, true);
  }
}
