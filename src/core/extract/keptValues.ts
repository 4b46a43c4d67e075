// Values said to be written down in or shown on a record, with no "of each X" to name their owner:
// "Whenever a company carries out a job, the number of hours and the agreed price are recorded in a
// job log" (the log holds them), "The confirmation for an appointment shows a confirmation number,
// the date and start/end times" (what a record's confirmation shows are the record's values).
import type { FieldItem } from './fieldItem';
import { parseItems } from './fieldItems';
import { trailingPhrase } from './phrases';
import { pattern } from './regexps';
import { guarded } from './guardedRegExp';

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

const KEPT_IN = pattern`^${WHEN_LEAD}((?:the|its|their) [a-z][a-z ,/-]*?) ${MUST_BE} (?:also |always )?${WRITTEN} in (?:a|an) ([a-z][a-z -]{1,40}?)\\s*(?:[,.;]|$|\\bfor\\b|\\bwhen\\b|\\bso\\b)`;

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

/** What is made for a record to tell about it, and not kept as a record of its own. */
const NOTICE = '(?:confirmation|receipt|summary|overview|printout|notification)(?: (?:e-?mail|message|page|slip|sheet))?';
const SHOWN_ON = pattern`^(?:the|each|every|a|an) ${NOTICE} (?:for|of) (?:a|an|the|each|every) ([a-z][a-z -]{1,30}?) (?:also |always |then )?(?:shows|displays|contains|includes|lists|states|mentions|gives) (.+?)\\.?$`;
/** Where the list goes on to another record's values: ", and the name of the lab …". */
const OTHER_RECORDS_VALUES = guarded(/(?:,\s*(?:and\s+)?|\s+and\s+|\s+as well as\s+)(?:the |its |their )?[a-z][a-z -]*? of (?:the|a|an|its|their|each|every) /);

/**
 * "The confirmation for an appointment shows a confirmation number, the date and start/end times":
 * a confirmation, a receipt or a summary only shows the values of the record it is made for.
 * ("… and the name of the lab" is the lab's: the value mentions read it.)
 */
export function shownOnNotice(plain: string): Found | undefined {
  const shown = SHOWN_ON.exec(plain);
  const record = shown ? trailingPhrase(shown[1]) : undefined;
  if (!shown || !record) return undefined;
  const cut = OTHER_RECORDS_VALUES.exec(shown[2]);
  const items = parseItems(cut ? shown[2].slice(0, cut.index) : shown[2]);
  return items.length ? { subject: record.key, items } : undefined;
}
