// Values said to be kept of a record named by a pronoun: "Its octane rating is also noted",
// "Their ID card number is stored in addition to their user information", "It is also noted
// whether or not it is a self-service pump", "In addition, it is stored whether an upgrade is
// desired". The record is the one the sentence before is about (FieldList.pronoun); in a later
// clause (", and its octane rating is also noted") it is the subject of the sentence's first clause.
// "The price per liter is also noted": a value added with "also" is the same record's.
import { analyze } from './grammar';
import { trailingPhrase } from './phrases';
import { tagSentence } from './nlp';
import type { SentenceInfo } from './sentences';
import { singularItem } from './fieldItem';
import { parseItems } from './fieldItems';
import type { FieldList } from './fields';

const MUST_BE = '(?:is|are|must be|should be|will be|has to be|have to be|need to be|needs to be)';
const KEPT = '(?:stored|recorded|kept|saved|tracked|captured|noted|logged|registered|known|specified)';
/** A lead-in before the pronoun: "In addition,", "Also,", "Furthermore,". */
const LEAD_IN = '(?:(?:in addition|additionally|also|furthermore|moreover|besides)\\s*,?\\s*)?';
/** "Its X is noted" (not "its X is noted for …", which names another record). */
const POSSESSIVE_KEPT = new RegExp(`^${LEAD_IN}(?:its|their|his|her|his/her) ([a-z][a-z -]{1,40}?) ${MUST_BE} (?:also )?${KEPT}(?!\\s+(?:for|of|about|on|as)\\b)`);
/** "I need to be able to store their names and social security numbers": the writer keeps values of the records named before. */
const WE_KEEP_THEIR = /^(?:i|we)\s+(?:(?:also|always|currently|then|need to|needs to|want to|would like to|must|should|will|have to|be able to|can)\s+)*(?:store|record|keep|save|track|know|register|log)(?: track of)? (?:their|its) ([a-z][a-z ,-]*?)\.?$/;
/** "It is also noted whether …": the question is the value (fieldItem reads "whether"). */
const IT_IS_KEPT_WHETHER = new RegExp(`^${LEAD_IN}it ${MUST_BE} (?:also )?${KEPT} (whether .+?)\\.?$`);

/** "whether a plant is poisonous": a question about a record it names (not one wished for: "whether a helmet is desired"). */
const NAMES_ITS_RECORD = /^whether (?:a|an|the|each|every) [a-z][a-z -]{0,40}? (?:is|are|has|have) (?!(?:desired|wanted|requested|wished)\b)/;

/**
 * "The price per liter is also noted", "In addition, the number of liters dispensed is also stored":
 * "also" adds a value to the record the text is about; a value "of the journal" or "for each pump"
 * names its own record (the "stored for" readers read those).
 */
const THE_VALUE_ALSO_KEPT = new RegExp(`^${LEAD_IN}the ([a-z][a-z -]{1,60}?) ${MUST_BE} also ${KEPT}\\s*\\.?$`);

/**
 * "The impact factor, which measures the scientific impact of a journal, is also stored": a value
 * described by a relative clause. The clause says what the value means; a record it names at its end
 * ("of a journal") owns the value, else the record the text is about does.
 */
const VALUE_WHICH_KEPT = new RegExp(`^${LEAD_IN}the ([a-z][a-z -]{1,40}?), (?:which|that) ([^,]+?),? ${MUST_BE} (?:also )?${KEPT}\\s*\\.?$`);

/** The value a relative clause describes and the record the clause ends on, when the sentence keeps one. */
export function describedValue(text: string): { value: string; owner?: string } | undefined {
  const described = VALUE_WHICH_KEPT.exec(text);
  if (!described || notAValue(described[1])) return undefined;
  const head = tagSentence(`the ${described[1]}`).at(-1);
  if (!head || head.pos !== 'noun' || head.plural) return undefined;
  const of = /\bof (?:a|an|the|each|every) ([a-z][a-z -]*)$/.exec(described[2]);
  const owner = of ? trailingPhrase(of[1]) : undefined;
  return { value: described[1], ...(owner && !owner.plural ? { owner: owner.key } : {}) };
}

/** A value's words that make it a clause or name another record ("the date of the visit", "the staff can see"). */
function notAValue(words: string): boolean {
  if (/\b(?:of|for|per|on|in|at|by|from|to|with) (?:a|an|the|each|every|its|their|his|her|this|that|these|those|all|any)\b/.test(words)) return true;
  const terms = tagSentence(`the ${words}`);
  // (A participle at the end describes the value: "the number of liters dispensed".)
  return terms.some((t, i) => t.pos === 'modal' || t.pos === 'pron' || (t.pos === 'verb' && !(i === terms.length - 1 && /ed$/.test(t.w))));
}

/** The values a possessive, "it is kept whether" or "the X is also kept" states, when the sentence (or clause) is one. */
function pronounItems(text: string) {
  const possessive = POSSESSIVE_KEPT.exec(text);
  // ("Its owner decides what is stored": a clause of its own, no value.)
  if (possessive && tagSentence(`the ${possessive[1]}`).some((t) => t.pos === 'verb' || t.pos === 'modal')) return [];
  // ("Their names are stored": each record has one name.)
  if (possessive) return parseItems(possessive[1]).map((item) => (item.plural ? singularItem(item) : item));
  const whether = IT_IS_KEPT_WHETHER.exec(text);
  // ("It is stored whether a plant is poisonous": the question names its record, askedValues reads it;
  // "… whether a helmet is desired" asks for a thing, the value of the record before.)
  if (whether && NAMES_ITS_RECORD.test(whether[1])) return [];
  if (whether) return parseItems(whether[1]);
  // ("Their names are stored" said by the writer: each record has one name.)
  const kept = WE_KEEP_THEIR.exec(text);
  if (kept && !tagSentence(`the ${kept[1]}`).some((t) => t.pos === 'verb' || t.pos === 'modal')) return parseItems(kept[1]).map((item) => (item.plural ? singularItem(item) : item));
  const also = THE_VALUE_ALSO_KEPT.exec(text);
  // ("The reviews are also stored": plural things are records, not a value; "the number of liters" is one value.)
  const head = also ? tagSentence(`the ${also[1]}`).find((t) => t.pos === 'noun') : undefined;
  return also && head && !head.plural && !notAValue(also[1]) ? parseItems(also[1]).map((item) => (item.plural ? singularItem(item) : item)) : [];
}

/** A sentence that states values of the record the sentence before is about (or of the record a relative clause names). */
export function pronounValuesList(sentence: SentenceInfo): FieldList | undefined {
  const plain = sentence.plain.replace(/[`]/g, '');
  const described = describedValue(plain);
  if (described) {
    const items = parseItems(described.value);
    if (items.length) return { sentence: sentence.id, items, ...(described.owner ? { subject: described.owner } : { pronoun: true }) };
  }
  const items = pronounItems(plain);
  return items.length ? { sentence: sentence.id, pronoun: true, items } : undefined;
}

/** ", and its octane rating is also noted" after "A fuel is identified by its name": the values of the first clause's subject. */
export function laterPronounValues(sentence: SentenceInfo, before: string, clause: string): FieldList | undefined {
  const items = pronounItems(clause);
  const subject = items.length ? analyze(before).clauses[0]?.subject : undefined;
  return subject ? { sentence: sentence.id, subject: subject.key, items } : undefined;
}
