// Values said to be written down in or shown on a record, with no "of each X" to name their owner:
// "Whenever a company carries out a job, the number of hours and the agreed price are recorded in a
// job log" (the log holds them), "The confirmation for an appointment shows a confirmation number,
// the date and start/end times" (what a record's confirmation shows are the record's values).
import type { FieldItem } from './fieldItem';
import { parseItems } from './fieldItems';
import { trailingPhrase } from './phrases';
import { regExp } from './regexps';

interface Found {
  subject: string;
  items: FieldItem[];
}

const MUST_BE = '(?:is|are|must be|should be|will be|has to be|have to be|need to be|needs to be|gets|get)';
const WRITTEN = '(?:stored|recorded|kept|saved|logged|noted|registered|entered|written down|documented)';
/** A lead-in clause that says when ("Whenever a company carries out a job, …"). */
const WHEN_LEAD = '(?:(?:when|whenever|if|once|after|before|each time|every time)\\b[^,]*,\\s*)?';
/** Words that make a fragment a clause (or name the values' owner), not a list of values. */
const NOT_A_LIST = /\b(?:can|could|may|might|must|will|would|should|is|are|was|were|be|has|have|which|who|that)\b|\bof (?:the|a|an|each|every|its|their|this|that)\b/;

const KEPT_IN = regExp(`^${WHEN_LEAD}((?:the|its|their) [a-z][a-z ,/-]*?) ${MUST_BE} (?:also |always )?${WRITTEN} in (?:a|an) ([a-z][a-z -]{1,40}?)\\s*(?:[,.;]|$|\\bfor\\b|\\bwhen\\b|\\bso\\b)`);

/**
 * "The number of hours and the agreed price are recorded in a job log": the thing the values are
 * written down in (a record, clauseEvidence keptIn) holds them. ("The readings are stored in a log":
 * plural things only are records kept there, not values.)
 */
export function keptInRecord(plain: string): Found | undefined {
  const kept = KEPT_IN.exec(plain);
  if (!kept || NOT_A_LIST.test(kept[1])) return undefined;
  const items = parseItems(kept[1]);
  const holder = trailingPhrase(kept[2]);
  if (!holder || !items.length || !items.some((i) => !i.plural || /\bnumber of\b/.test(i.context))) return undefined;
  return { subject: holder.key, items };
}
