// Entity evidence from multiplicity statements, the way domain descriptions state an association:
// "A pupil is always in exactly one study group", "A study group is assigned to exactly one
// classroom", "Researchers belong to exactly one research group", "Each course is taught by one lecturer". Both ends are things the app
// keeps (the link between them is a foreign key), whatever the verb. The grammar reads no clause
// in the first ("is" is no verb to it), and objects of passives or of "be" get no credit elsewhere.
import type { Analysis, NounPhrase } from './grammar';

type Add = (key: string, score: number, strong?: boolean) => void;
type Storable = (phrase: NounPhrase, analysis: Analysis) => boolean;

/** Words that make "one" a multiplicity ("exactly one", "at most one", "only one"). */
const BOUND = /^(?:exactly|precisely|only|most|least)$/;
/** What may stand between the subject and the bound: a verb group and a preposition, nothing else. */
const BETWEEN = new Set(['modal', 'adv', 'verb', 'prep']);
/** "has exactly one status", "contains at most one photo": what a record has may well be a value (field lists decide). */
const HAVING = /^(?:has|have|had|contains?|includes?|holds?|owns?|possess(?:es)?)$/;

/** "is taught by one lecturer", "are checked by one nurse": the one who does it to each X, a passive's agent counted as one. */
function passiveAgent(analysis: Analysis, subjectHead: number, one: number): boolean {
  const { terms } = analysis;
  if (terms[one - 1]?.w !== 'by' || terms[one - 2]?.pos !== 'verb') return false;
  return terms.slice(subjectHead + 1, one - 2).some((t) => /^(?:is|are|be|been|was|were)$/.test(t.w));
}

/** "A/Each X … exactly one Y" or "Xs … exactly one Y" at the start of the sentence: X and Y are records. */
export function linkedToOne(analysis: Analysis, storable: Storable, add: Add): void {
  const { terms, phrases } = analysis;
  const subject = phrases[0];
  if (!subject || subject.start !== 0 || subject.depth > 0) return;
  const counted = /^(?:a|an|each|every)$/.test(subject.determiner ?? '') || (!subject.determiner && subject.plural);
  if (!counted || !storable(subject, analysis)) return;
  for (let i = subject.head + 1; i < terms.length; i++) {
    if (terms[i].w !== 'one' || !(BOUND.test(terms[i - 1]?.w ?? '') || passiveAgent(analysis, subject.head, i))) continue;
    const between = terms.slice(subject.head + 1, i - 1).filter((t) => !/^(?:at|is|are|be)$/.test(t.w));
    if (between.some((t) => !BETWEEN.has(t.pos) || HAVING.test(t.w))) return;
    const other = phrases.find((p) => p.head > i && p.start <= i + 1 && p.head <= i + 3);
    if (!other || other.plural || !storable(other, analysis)) return;
    add(subject.key, 2, true);
    add(other.key, 2, true);
    return;
  }
}
