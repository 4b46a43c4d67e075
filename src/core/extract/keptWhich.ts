// "The system keeps track of what pieces are requested from which collector", "a checkout records
// which employee has which device": an account the app keeps of which thing goes with which other
// thing names records at both ends, even where each is named only there.
import type { Analysis, NounPhrase } from './grammar';

type Add = (key: string, score: number, strong?: boolean) => void;
type Storable = (phrase: NounPhrase, analysis: Analysis) => boolean;

/** Verbs that keep an account ("keep track of", "records", "logs"); not "see" or "know", which only look. */
const KEEPS = /^(?:track|tracks|tracked|tracking|record|records|recorded|recording|store|stores|stored|storing|log|logs|logged|logging|register|registers|registered|note|notes|noted|document|documents|documented)$/;

const WHICH = /^(?:which|what)$/;
const LOSE = /^(?:lose|loses|losing|lost)$/;

/** Where the kept account ends: a new sentence part, or the reason after it ("so that …"). */
function endsAt(terms: Analysis['terms'], i: number): boolean {
  return /[;:.!?]/.test(terms[i - 1]?.post ?? '') || (terms[i].w === 'so' && terms[i + 1]?.w === 'that');
}

/** The phrases named by "which/what X" after a keeping word ("records which", "keep track of what"), up to the end of that part of the sentence. */
export function namedAsKept(analysis: Analysis): NounPhrase[] {
  const { terms, phrases } = analysis;
  // (The tagger may read "records" as a noun after "the system also": the word and the "which" after it say enough.)
  // ("we keep losing track of which car had what done": an account not kept.)
  const keep = terms.findIndex((t, i) => KEEPS.test(t.w) && !LOSE.test(terms[i - 1]?.w ?? '') && WHICH.test(terms[i + (terms[i + 1]?.w === 'of' ? 2 : 1)]?.w ?? ''));
  if (keep < 0) return [];
  const named: NounPhrase[] = [];
  for (let i = keep + 1; i < terms.length && !endsAt(terms, i); i++) {
    // ("… the orders, which are shipped": a relative "which" is followed by its verb, not by a noun.)
    const phrase = WHICH.test(terms[i].w) ? phrases.find((p) => p.start === i + 1) : undefined;
    if (phrase) named.push(phrase);
  }
  return named;
}

/** Evidence: each storable thing named so is a record. */
export function keptWhich(analysis: Analysis, storable: Storable, add: Add): void {
  for (const phrase of namedAsKept(analysis)) if (storable(phrase, analysis)) add(phrase.key, 3, true);
}

/** For dropBareEntities (recordCues): the key is one of the things an account is kept of. */
export function keptWhichOne(key: string, analysis: Analysis): boolean {
  return namedAsKept(analysis).some((p) => p.key === key);
}
