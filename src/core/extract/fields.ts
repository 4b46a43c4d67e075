// Field lists: "A task has a title, an optional description and a status (todo, done)",
// "products (SKU, name, unit price)", "recipes with a title, …", "order lines, each with a
// product and a quantity", and bullet lists introduced by a sentence ending in ':'.
// This module finds the lists of a sentence; fieldItem reads one item, fieldItems a list's text,
// storedFor the "stored for each" phrasings, inlineLists the lists after verbs and in parentheses,
// listLeads the bullet lists' leads.
import { bookedForList } from './bookedFor';
import { trailingPhrase } from './phrases';
import { tagSentence, type Term } from './nlp';
import { colonListSubject } from './nlpEvidence';
import type { SentenceInfo } from './sentences';
import type { FieldItem } from './fieldItem';
import { parseItems } from './fieldItems';
import { laterClauseLists, storedForList } from './storedFor';
import { pronounValuesList } from './pronounValues';
import { givenDetails } from './givenDetails';
import { countValues } from './countValues';
import { worthValues } from './worthValues';
import { askedValues } from './askedValues';
import { valueSetFor } from './valuesSetFor';
import { givenValues } from './givenValues';
import { placedValues } from './placedValues';
import { describedByPhrases } from './describedByPhrases';
import { valuesWhenMade } from './valuesWhenMade';
import { parenthesisLists, verbLists, type Covered } from './inlineLists';
import { colonValuesInBrackets, colonValuesInList } from './colonValues';
import { enumClauses, enumStatement } from './enumStatements';

// (The tests and the NLP evidence read items and "stored for" lists through this module too.)
export { parseItems } from './fieldItems';
export { storedForList } from './storedFor';

export interface FieldList {
  sentence: number;
  /** Key of the record the fields belong to, if written in this sentence. */
  subject?: string;
  /** For bullets: the sentence that introduced the list. */
  leadId?: number;
  /** "It must include …", "They have …": the subject is the record the sentence before is about. */
  pronoun?: boolean;
  /** "He has …", "She has …": the pronoun can only point back to a person. */
  person?: boolean;
  /** Only for a record that already has a field of this name (an enum said of a field, not a new field). */
  existingField?: boolean;
  /** The owners are written in the plural ("drivers with first and last names"): each has one of a plural value. */
  manyOwners?: boolean;
  /** "Locations consist of drivers with names and vehicles": the whole whose parts the list's records are. */
  whole?: string;
  /** "Exams with a maximum score belong to …": the one value of a subject's own "with" list, which names a record as a longer list does. */
  ownValue?: boolean;
  /** Said in a condition before the main clause ("If a member has a card, …"): links to the records it names, no fields. */
  condition?: boolean;
  items: FieldItem[];
}

/** A sentence that is only a comma list of short items, with no clause ("Description, found on (date), room"). */
function isBareList(plain: string): boolean {
  const bare = plain.replace(/\([^()]*\)/g, ' ').replace(/[.!]\s*$/, '');
  const items = bare.split(/,|\band\b/).map((i) => i.trim()).filter(Boolean);
  if (items.length < 2 || items.some((i) => i.split(/\s+/).length > 4)) return false;
  const terms = tagSentence(bare);
  return !terms.some((t) => t.pos === 'modal' || t.pos === 'pron') && !saysWhoDoesWhat(terms);
}

/** "Administrators manage courses and lecturers": people (a plural) and a verb in its plain form after them make a clause, not list items ("orders placed" is a participle). */
function saysWhoDoesWhat(terms: Term[]): boolean {
  return terms.some((t, i) => i > 0 && t.pos === 'verb' && t.w === t.root && terms[i - 1].pos === 'noun' && terms[i - 1].plural);
}

/** Every field list written in one sentence. */
// Entity evidence and the field lists themselves both read a sentence's lists: read them once.
const listsRead = new WeakMap<SentenceInfo, Map<boolean, FieldList[]>>();

export function findFieldLists(sentence: SentenceInfo, leadIsList: boolean): FieldList[] {
  let read = listsRead.get(sentence);
  if (!read) listsRead.set(sentence, (read = new Map()));
  let lists = read.get(leadIsList);
  if (!lists) read.set(leadIsList, (lists = readFieldLists(sentence, leadIsList)));
  return lists;
}

function readFieldLists(sentence: SentenceInfo, leadIsList: boolean): FieldList[] {
  const lists = readSentenceLists(sentence, leadIsList);
  // "…; the condition is either new, good or worn": an enum said of a field in a later clause ("…, which can be …": of the list's last item).
  if (!/;|, and (?:the|its|their) |, (?:which|that) /.test(sentence.plain) || lists.some((l) => l.items.some((i) => i.enumValues))) return lists;
  return [...lists, ...enumClauses(sentence.plain).map((stated) => ({ sentence: sentence.id, ...stated }))];
}

function readSentenceLists(sentence: SentenceInfo, leadIsList: boolean): FieldList[] {
  const plain = colonValuesInBrackets(sentence.plain.replace(/[`]/g, ''));
  if (sentence.leadId !== undefined && leadIsList && plain.split(' ').length <= 8 && !colonListSubject(sentence)) return bulletFields(sentence, sentence.leadId, plain);
  const headed = fieldsUnderHeading(sentence, plain);
  if (headed) return [headed];
  // ("The lamp can be in one of three states: on, off and dimmed" is one enum field, not a colon list.)
  const stated = enumStatement(plain);
  if (stated) return [{ sentence: sentence.id, ...stated }];
  const colon = colonListSubject(sentence);
  const colonLists = colonFieldLists(sentence, plain, colon);
  if (colonLists) return colonLists;
  const lists: FieldList[] = [];
  const records = colon ? undefined : colonRecordList(sentence, plain);
  if (records) lists.push(records);
  const bare = colon ? undefined : bareListUnderHeading(sentence, plain);
  if (bare) return [...lists, bare];
  const later = laterClauseLists(sentence);
  // ("When creating a trip, the guide must enter a meeting point": the trip's values, not the guide's.)
  const made = valuesWhenMade(plain);
  const stored = made ? { sentence: sentence.id, ...made } : (storedForList(sentence) ?? pronounValuesList(sentence));
  if (stored) return [...lists, stored, ...later];
  const covered: Covered = [];
  const booked = bookedForList(sentence, covered);
  if (booked) lists.push(booked);
  lists.push(...verbLists(sentence, plain, covered));
  lists.push(...parenthesisLists(sentence, plain, covered));
  // (After the inline lists, which it does not replace: "… travel preferences (e.g. free wifi)" still names records.)
  const given = givenDetails(plain);
  if (given) lists.push({ sentence: sentence.id, ...given });
  const counted = countValues(plain);
  if (counted) lists.push({ sentence: sentence.id, ...counted });
  const worth = worthValues(plain);
  if (worth) lists.push({ sentence: sentence.id, ...worth });
  lists.push(...askedValues(sentence.id, plain));
  const set = valueSetFor(plain);
  if (set) lists.push({ sentence: sentence.id, ...set });
  // (Read beside the verb lists, which go on after them: "The depot is located in a city and has a name".)
  const received = givenValues(plain) ?? placedValues(plain) ?? describedByPhrases(plain);
  if (received) lists.push({ sentence: sentence.id, ...received });
  return [...lists, ...later];
}

/** "- status: planned, done" under a list lead is one field with its values; other bullets are read whole. */
function bulletFields(sentence: SentenceInfo, leadId: number, plain: string): FieldList[] {
  const valued = /^([a-z][a-z -]{0,30}?)\s*:\s*([^:]+[,/][^:]+)$/.exec(plain);
  const items = parseItems(valued ? `${valued[1]} (${valued[2].replace(/[.]\s*$/, '')})` : plain);
  return items.length ? [{ sentence: sentence.id, leadId, items }] : [];
}

/** "## Screenings … Fields: start time, subtitle language": the fields of the record the heading names. */
function fieldsUnderHeading(sentence: SentenceInfo, plain: string): FieldList | undefined {
  const fieldsLine = /^(?:fields|attributes|columns|properties|data)\s*:\s*(.+)$/.exec(plain);
  const headed = fieldsLine && sentence.section ? trailingPhrase(sentence.section.toLowerCase().replace(/[^a-z -]+/g, ' ').trim()) : undefined;
  if (!fieldsLine || !headed) return undefined;
  const items = parseItems(fieldsLine[1].replace(/\.\s*$/, ''));
  return items.length ? { sentence: sentence.id, subject: headed.key, items } : undefined;
}

/**
 * "Simple CRM: companies, contacts (name, email), deals (value, stage, company)": a list of
 * records, each with its own fields in brackets; "Vehicles: plate number (unique), make, model":
 * the fields of the record before the colon.
 */
function colonFieldLists(sentence: SentenceInfo, plain: string, colon: string | undefined): FieldList[] | undefined {
  const after = colon ? plain.slice(plain.search(/[:–—]|\s=\s|\s-\s/) + 1).replace(/^[=-]\s*/, '') : /^[^:]{3,60}:\s*(.+)$/.exec(plain)?.[1];
  const items = after ? parseItems(after.replace(/\s\/\s/g, ', ')) : [];
  const bracketed = (item: FieldItem) => /\(([^()]*,[^()]*)\)/.exec(item.context)?.[1];
  if (items.length >= 2 && items.every((i) => i.plural && i.words.length <= 3) && items.some((i) => bracketed(i))) {
    const lists: FieldList[] = [{ sentence: sentence.id, items: items.map((i) => ({ ...i, context: i.context.replace(/\s*\([^()]*\)/, '') })) }];
    for (const item of items) {
      const inner = bracketed(item);
      if (inner) lists.push({ sentence: sentence.id, subject: item.key, items: parseItems(colonValuesInList(inner).replace(/:\s*([^,]+)/g, ' ($1)')) });
    }
    return lists;
  }
  if (!colon) return undefined;
  const fields = parseItems(plain.slice(plain.search(/[:–—]|\s=\s|\s-\s/) + 1).replace(/^[=-]\s*/, '').replace(/\s\/\s/g, ', '));
  return fields.length ? [{ sentence: sentence.id, subject: colon, items: fields }] : undefined;
}

/** "App for my dog walking business: clients, their dogs, and walks": a colon list of records. */
function colonRecordList(sentence: SentenceInfo, plain: string): FieldList | undefined {
  const afterColon = /^[^:]{3,60}:\s*(.+)$/.exec(plain);
  if (!afterColon) return undefined;
  const items = parseItems(afterColon[1]);
  return items.length >= 2 && items.every((i) => i.plural && i.words.length <= 3) ? { sentence: sentence.id, items } : undefined;
}

/** Under "### Lost and found items": "Description, found on (date), room, handed to reception (yes/no)." */
function bareListUnderHeading(sentence: SentenceInfo, plain: string): FieldList | undefined {
  if (!sentence.section || /:/.test(plain)) return undefined;
  const underHeading = colonListSubject({ ...sentence, text: `${sentence.section}: ${sentence.text}` });
  if (!underHeading || !isBareList(plain)) return undefined;
  const items = parseItems(plain.replace(/\.\s*$/, ''));
  return items.length >= 2 ? { sentence: sentence.id, subject: underHeading, items } : undefined;
}
