// Two lines of quick notes, each a statement of its own and neither ended by a full stop
// ("customers pay by card" / "refunds only if the item is unused"), are two sentences; prose
// pasted with a hard wrap stays one ("… a start and an end" / "date that must be after …").
import { tagSentence } from './nlp';

/** A wrap width: a first line this long was likely cut by an editor, not ended by the writer. */
const SHORT_LINE = 50;
/** Words that leave a line unfinished at its end ("… and", "… for a"), or carry on the line before at the start of the next. */
const ENDS_UNFINISHED = /(?:[,;:(-]|\b(?:and|or|but|nor|the|a|an|to|of|with|for|in|on|at|by|from|that|which|who|is|are|be|each|every|no|their|its|our|your|my|his|her|as|than|if|when)\s*)$/i;
/** Words that make a note a statement of its own even when the tagger finds no verb ("refunds only if unused"). */
const NOTE_CONDITION = /\b(?:only|if|when|unless|never|always|must|cannot|can't)\b/i;
const STARTS_AS_CONTINUATION = /^(?:and|or|but|nor|which|that|who|whom|whose|to|of|with|for|in|on|at|by|from|as|than|so|then)\b/i;

/**
 * Whether two lines are two notes: no full stop in either, a short first line that ends finished,
 * and a second line that opens a clause of its own: a word that starts one (a determiner, a
 * plural, a pronoun, "only", "if", "each"…; not a bare singular noun, which may end the phrase
 * above: "an end" / "date") and has a verb.
 */
export function twoNoteLines([first, second]: string[]): boolean {
  if (first.length >= SHORT_LINE || /[.!?]/.test(first + second) || ENDS_UNFINISHED.test(first) || STARTS_AS_CONTINUATION.test(second)) return false;
  const terms = tagSentence(second);
  const opener = terms[0];
  if (!opener || opener.pos === 'verb' || opener.pos === 'prep' || opener.pos === 'conj' || (opener.pos === 'noun' && !opener.plural)) return false;
  // ("refunds only when the shop agrees": the tagger may miss the verb of a note; its condition words still make it a statement.)
  return terms.some((t) => t.pos === 'verb' || t.pos === 'modal') || NOTE_CONDITION.test(second);
}
