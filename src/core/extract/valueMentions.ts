// Values named in passing: "the duration of a test is the same at each lab", "the price of the
// ticket is not known in advance", "a patient selects the lab's address". Whatever the verb, "the
// X of a Y" and "Y's X" name a value X of the record Y when Y is an entity and X a singular noun
// that is neither a record nor a person. Read after the entities are chosen, so these phrases add
// fields to known records and never make records of their own.
import { words as nameWords } from '../../model/project/naming';
import { addField, findEntity, type Draft, type DraftRelation } from './draft';
import { tagSentence, type Term } from './nlp';
import { resolveKey } from './mentions';
import { isHeadWord } from './phrases';
import { PERSON_NOUNS, USER_WORDS } from './lexicon';
import type { SentenceInfo } from './sentences';
import { inferType } from './types';
import { isPersonWord } from './nlpEvidence';
import { describedValue } from './pronounValues';
import { VALUE_WORDS } from './colonValueRecords';

/** Nouns that name a portion, a kind or a moment of a thing rather than a value it holds ("the rest of the order"). */
const NOT_VALUES = new Set(
  `part parts rest set list group number kind sort series range majority minority end beginning middle start top bottom side case
   lot half use aim goal purpose way moment time day week month year course basis result behalf instead copy copies version
   form sum total remainder piece section area scope context help support lack absence presence existence information data contents`.split(/\s+/),
);

/** Adjectives that point at another thing rather than describe a value ("the next level of the game", "the following description"). */
const REFERRING = new Set(['following', 'same', 'next', 'previous', 'other', 'actual', 'whole', 'entire', 'further', 'corresponding', 'respective', 'requested']);

/** Determiners that may open the record after "of": "of a test", "of each product", "of the invoice". */
const RECORD_DETERMINERS = new Set(['a', 'an', 'each', 'every', 'the', 'this', 'that', 'any']);

interface ValueMention {
  record: string;
  words: string[];
}

/** Adds the values each sentence names of a known record as that record's fields. */
export function applyValueMentions(draft: Draft, sentences: SentenceInfo[], roleWords: Set<string>): void {
  dropValueRecords(draft, sentences, roleWords);
  for (const sentence of sentences) {
    // ("The impact factor, which measures the scientific impact of a journal, is stored": the clause
    // explains the value that is kept, it names no value of its own.)
    if (sentence.heading || describedValue(sentence.plain)) continue;
    for (const mention of valueMentions(draft, tagSentence(sentence.text), roleWords)) {
      const entity = findEntity(draft, mention.record);
      if (!entity || entity.name === 'User') continue;
      // "the stock of a product" when it has a quantity in stock: the value it has, named shorter.
      const named = entity.fields.find((f) => endsWithWords(nameWords(f.name).map((w) => w.toLowerCase()), mention.words));
      if (named) {
        named.sources.add(sentence.id);
        draft.used.add(sentence.id);
        continue;
      }
      if (addField(entity, { words: mention.words, type: inferType(mention.words, sentence.plain).type }, sentence.id)) draft.used.add(sentence.id);
    }
  }
}

/**
 * "keep track of your stock … register the current stock of each product", "to calculate a
 * reliability rating … the traveller's reliability rating": a record named by a word for a value
 * (VALUE_WORDS), with no fields from the text, never named in the plural and linked to nothing but
 * the records the text gives it to as their value, is that value. It goes; the reading below adds
 * the field. (A record counted in the plural, "134 categories", or with links of its own stays.)
 */
function dropValueRecords(draft: Draft, sentences: SentenceInfo[], roleWords: Set<string>): void {
  for (const entity of [...draft.entities]) {
    const head = entity.key.split(' ').pop()!;
    if (entity.name === 'User' || entity.fieldsFromText || !VALUE_WORDS.has(head)) continue;
    // (A rule already made on it, wherever it names it, keeps it.)
    if (draft.rules.some((r) => JSON.stringify(r).includes(`"${entity.name}"`))) continue;
    const named = new RegExp(`\\b${head}`, 'i');
    const naming = sentences.filter((s) => !s.heading && named.test(s.plain));
    if (naming.some((s) => tagSentence(s.text).some((t) => t.pos === 'noun' && t.plural && t.root === head))) continue;
    // The values the text names with the record out of the way, of other records.
    const others: Draft = { ...draft, entities: draft.entities.filter((e) => e !== entity) };
    const alone: Draft = { ...draft, entities: [entity] };
    const owners = new Set<string>();
    const valueSentences = new Set<number>();
    for (const sentence of naming) {
      if (describedValue(sentence.plain)) continue;
      for (const mention of valueMentions(others, tagSentence(sentence.text), roleWords)) {
        if (mention.record === entity.name || !resolveKey(alone, mention.words.join(' '))) continue;
        owners.add(mention.record);
        valueSentences.add(sentence.id);
      }
    }
    // (A link read from a sentence that names it as a value, "parents see the tutor's rating", misread that value.)
    const links = draft.relations.filter((r) => r.from === entity.name || r.to === entity.name);
    const ownLink = (r: DraftRelation): boolean => owners.has(r.from === entity.name ? r.to : r.from) || (r.sources.size > 0 && [...r.sources].every((id) => valueSentences.has(id)));
    if (!owners.size || !links.every(ownLink)) continue;
    draft.entities.splice(draft.entities.indexOf(entity), 1);
    draft.relations = draft.relations.filter((r) => !links.includes(r));
  }
}

/**
 * Whether `name` (a field's words) is "<value> <preposition> <words>": "quantity in stock" ends with
 * "stock", "number of seats" with "seats". (Not "end date" for "the date": another date of the record.)
 */
function endsWithWords(name: string[], words: string[]): boolean {
  const at = name.length - words.length;
  return at >= 2 && /^(?:in|on|of|per)$/.test(name[at - 1]) && words.every((w, i) => name[at + i] === w);
}

function valueMentions(draft: Draft, terms: Term[], roleWords: Set<string>): ValueMention[] {
  const found: ValueMention[] = [];
  for (let i = 1; i < terms.length; i++) {
    const of = terms[i].w === 'of' && !terms[i - 1].post.trim() ? ofRecord(draft, terms, i, roleWords) : [];
    const owned = of.length || !(terms[i].possessive && terms[i].pos === 'noun') ? [] : possessorsValues(draft, terms, i, roleWords);
    const theirs = terms[i].w === 'their' ? theirValueByWhich(draft, terms, i, roleWords) : undefined;
    const sort = terms[i].w === 'of' ? whichSortOf(draft, terms, i, roleWords) : undefined;
    const subjects = /^(?:hisher|his)$/.test(terms[i].w) ? subjectsValue(draft, terms, i, roleWords) : undefined;
    found.push(...of, ...owned, ...(theirs ? [theirs] : []), ...(sort ? [sort] : []), ...(subjects ? [subjects] : []));
  }
  return found;
}

/**
 * Where the value words that end right before `end` start (up to three nouns or adjectives; the last
 * may carry the comma that joins it to the next value, no earlier one).
 */
function valueStart(terms: Term[], end: number): number {
  let start = end;
  while (start > 0 && end - start < 3 && isValueWord(terms[start - 1]) && !terms[start - 1].pre.trim() && (start === end || !terms[start - 1].post.trim())) start--;
  return start;
}

/**
 * "the duration of a test": the value before "of" (after "the"), the record after it; "the duration
 * and cost of the repair", "the timestamp and the status of the command": every value joined before
 * "of" is one of the record's, back to the "the" that opens them.
 */
function ofRecord(draft: Draft, terms: Term[], at: number, roleWords: Set<string>): ValueMention[] {
  // Right to left: the value next to "of" first. Only values back to a "the" count.
  const values: Array<[number, number]> = [];
  let opened = 0;
  let byComma = false;
  let openedByA = false;
  for (let end = at; ; ) {
    const start = valueStart(terms, end);
    if (start === end) break;
    values.push([start, end]);
    let joiner = start - 1;
    // ("After the intake, the abilities of a resident …": a phrase set off by a comma is where or when, not a value joined.)
    if (byComma && terms[joiner]?.w === 'the' && terms[joiner - 1]?.pos === 'prep') {
      values.pop();
      break;
    }
    if (terms[joiner]?.w === 'the') {
      opened = values.length;
      joiner--;
    } else if (!opened && values.length === 1 && /^an?$/.test(terms[joiner]?.w ?? '')) openedByA = true;
    if (!joinsValues(terms, joiner)) break;
    byComma = terms[joiner].w !== 'and';
    end = byComma ? joiner + 1 : joiner;
  }
  // "a description of the items", "the weight of the parcels": one value of each of the records named.
  const ofEach = (opened === 1 || (!opened && openedByA)) ? valueOfEach(draft, terms, at, values[0], roleWords) : undefined;
  if (ofEach) return [ofEach];
  if (!opened) return [];
  const manyOfMany = valuesOfRecords(draft, terms, at, values.slice(0, opened), roleWords);
  if (manyOfMany) return manyOfMany;
  // One record, named with a determiner ("of a test", "of the invoice"): "the transport of passengers"
  // and "the combination of song and artist" speak of things in general.
  if (!RECORD_DETERMINERS.has(terms[at + 1]?.w ?? '')) return [];
  const next = at + 2;
  let recordEnd = next;
  while (recordEnd < terms.length && recordEnd - next < 3 && terms[recordEnd].pos === 'noun' && !terms[recordEnd].possessive) {
    recordEnd++;
    if (terms[recordEnd - 1].post.trim()) break;
  }
  const its = itsValueAfter(terms, recordEnd);
  if (recordEnd === next || terms[recordEnd - 1].plural || (!its && /^(and|or)$/.test(terms[recordEnd]?.w ?? ''))) return [];
  const mentions = values.slice(0, opened).map(([start, stop]) => mentionOf(draft, terms.slice(next, recordEnd), terms.slice(start, stop), roleWords, false, true));
  // "the name of the lab as well as its registration number": the value after "its" is the same record's.
  const itsMention = its && mentions[0] ? mentionOf(draft, terms.slice(next, recordEnd), its, roleWords, true) : undefined;
  // (The values joined to the one next to "of" count only when all are values: "the name and owner of a studio" joins a person.
  // A record before a comma ends the values: "store the repair shop, … and the duration and cost of the repair".)
  const [nearest, ...joined] = mentions;
  if (!nearest) return [];
  const recordAt = joined.findIndex((m) => !m);
  const beforeRecord = recordAt > 0 && /,/.test(terms[values[recordAt + 1][1] - 1]?.post ?? '') ? (joined.slice(0, recordAt) as ValueMention[]) : undefined;
  return [...(joined.every((m) => m) ? [nearest, ...(joined as ValueMention[])] : beforeRecord ? [nearest, ...beforeRecord] : [nearest]), ...(itsMention ? [itsMention] : [])];
}

/**
 * "the dimensions and weights of scheduled items", "the names of the players": plural values of
 * plural records are one value of each record (all the values plural, the records a known record).
 */
function valuesOfRecords(draft: Draft, terms: Term[], at: number, values: Array<[number, number]>, roleWords: Set<string>): ValueMention[] | undefined {
  if (!values.every(([, stop]) => terms[stop - 1].plural)) return undefined;
  let next = at + 1;
  if (terms[next]?.w === 'the') next++;
  // (One word that describes the records may come first: "scheduled items".)
  if (terms[next] && terms[next].pos !== 'noun' && terms[next + 1]?.pos === 'noun' && /^(?:adj|verb)$/.test(terms[next].pos) && !terms[next].post.trim()) next++;
  let end = next;
  while (end < terms.length && end - next < 2 && terms[end].pos === 'noun' && !terms[end].possessive) {
    end++;
    if (terms[end - 1].post.trim()) break;
  }
  if (end === next || !terms[end - 1].plural) return undefined;
  const one = (t: Term): Term => (t.plural ? { ...t, w: t.root, plural: false } : t);
  const records = terms.slice(next, end).map(one);
  const mentions = values.map(([start, stop]) => mentionOf(draft, records, terms.slice(start, stop).map(one), roleWords));
  // (Collected nearest first: given back in reading order.)
  return mentions.every((m) => m) ? (mentions as ValueMention[]).reverse() : undefined;
}

/**
 * "a description of the items to be picked up", "the weight of the parcels": one singular value (a
 * word that names what records keep) of "the" plural records (a known record, up to two nouns) is
 * a value each of them has.
 */
function valueOfEach(draft: Draft, terms: Term[], at: number, [start, stop]: [number, number], roleWords: Set<string>): ValueMention | undefined {
  // (Only a word that names a value a record keeps: "a better overview of the orders", "the preparation of the products" are none.)
  if (terms[stop - 1].plural || !VALUE_WORDS.has(terms[stop - 1].w) || terms[at + 1]?.w !== 'the') return undefined;
  const next = at + 2;
  let end = next;
  while (end < terms.length && end - next < 2 && terms[end].pos === 'noun' && !terms[end].possessive) {
    end++;
    if (terms[end - 1].post.trim()) break;
  }
  // ("the name of the owners and their pets": records joined to others are read by the list readers.)
  if (end === next || !terms[end - 1].plural || /^(?:and|or)$/.test(terms[end]?.w ?? '')) return undefined;
  const one = (t: Term): Term => (t.plural ? { ...t, w: t.root, plural: false } : t);
  return mentionOf(draft, terms.slice(next, end).map(one), terms.slice(start, stop), roleWords);
}

/** The value words after "and its" / "as well as its" at `from`, if the phrase goes on so. */
function itsValueAfter(terms: Term[], from: number): Term[] | undefined {
  let at = from;
  if (terms[at]?.w === 'and') at++;
  else if (terms[at]?.w === 'as' && terms[at + 1]?.w === 'well' && terms[at + 2]?.w === 'as') at += 3;
  else return undefined;
  if (terms[at]?.w !== 'its') return undefined;
  const start = at + 1;
  let end = start;
  while (end < terms.length && end - start < 3 && isValueWord(terms[end])) {
    end++;
    if (terms[end - 1].post.trim()) break;
  }
  return end > start ? terms.slice(start, end) : undefined;
}

/** Whether the term at `at` joins two values: "and", or a comma written after it ("the date, the time and …"). */
function joinsValues(terms: Term[], at: number): boolean {
  const term = terms[at];
  if (!term) return false;
  return term.w === 'and' ? !term.pre.trim() : term.post.trim() === ',';
}

/**
 * "the lab's address": the possessor is the record, the nouns after it the value; "the traveller's
 * preferences and his/her reliability rating": the value after "and" + a possessive pronoun is the
 * same possessor's.
 */
function possessorsValues(draft: Draft, terms: Term[], at: number, roleWords: Set<string>): ValueMention[] {
  let start = at;
  while (start > 0 && at - start < 2 && terms[start - 1].pos === 'noun' && !terms[start - 1].post.trim()) start--;
  const end = valueEnd(terms, at + 1);
  // ("the game's hall of fame": the value goes on after "of".)
  if (end === at + 1 || terms[end]?.w === 'of') return [];
  const record = terms.slice(start, at + 1);
  const own = mentionOf(draft, record, terms.slice(at + 1, end), roleWords);
  const pronoun = terms[end]?.w === 'and' ? end + (terms[end + 1]?.w === 'his' && terms[end + 2]?.w === 'or' && terms[end + 3]?.w === 'her' ? 3 : 1) : -1;
  const then = pronoun > 0 && terms[pronoun].pos === 'pron' && terms[pronoun].possessive ? valueEnd(terms, pronoun + 1) : -1;
  const also = then > pronoun + 1 && terms[then]?.w !== 'of' ? mentionOf(draft, record, terms.slice(pronoun + 1, then), roleWords, true) : undefined;
  return [own, also].filter((m): m is ValueMention => !!m);
}

/** Where the value words (up to three nouns or adjectives, up to a comma) from `from` end. */
function valueEnd(terms: Term[], from: number): number {
  let end = from;
  while (end < terms.length && end - from < 3 && isValueWord(terms[end])) {
    end++;
    if (terms[end - 1].post.trim()) break;
  }
  return end;
}

/**
 * "estimators are chosen based on their area of expertise", "products are listed according to their
 * price", "tutors are ranked by their rating": what things are chosen or ordered by is a value each
 * has; "their" is the nearest plural record before the phrase.
 */
function theirValueByWhich(draft: Draft, terms: Term[], at: number, roleWords: Set<string>): ValueMention | undefined {
  const [w1, w2] = [terms[at - 2]?.w, terms[at - 1]?.w];
  if (!(w2 === 'by' || (w1 === 'based' && w2 === 'on') || (w1 === 'according' && w2 === 'to'))) return undefined;
  let end = at + 1;
  while (end < terms.length && end - at <= 3 && isValueWord(terms[end])) {
    end++;
    if (terms[end - 1].post.trim()) break;
  }
  // ("their area of expertise": one noun after "of" goes with the value.)
  if (end > at + 1 && terms[end]?.w === 'of' && isValueWord(terms[end + 1]) && !terms[end - 1].post.trim()) end += 2;
  if (end === at + 1) return undefined;
  let owner = at - (w2 === 'by' ? 2 : 3);
  while (owner >= 0 && !(terms[owner].pos === 'noun' && terms[owner].plural)) owner--;
  if (owner < 0) return undefined;
  return mentionOf(draft, [{ ...terms[owner], w: terms[owner].root, plural: false }], terms.slice(at + 1, end), roleWords);
}

/**
 * "the patient retracts his/her consent", "every member updates his or her phone number": what the
 * person the clause is about does to his/her value names a value that person's record has. Only
 * right after the verb of "the/a/each X (can) verb", and only "his/her" or "his or her", which
 * speak of the person, not of another record.
 */
function subjectsValue(draft: Draft, terms: Term[], at: number, roleWords: Set<string>): ValueMention | undefined {
  const valueFrom = terms[at].w === 'hisher' ? at + 1 : terms[at + 1]?.w === 'or' && terms[at + 2]?.w === 'her' ? at + 3 : -1;
  // ("until the patient retracts his/her consent": tagged "patient retracts" as a noun and a plural,
  // but the word right before "his/her" after "the patient" can only be the verb.)
  const misread = terms[at - 1]?.pos === 'noun' && terms[at - 1].plural && /s$/.test(terms[at - 1].w) && /^(?:noun|adj)$/.test(terms[at - 2]?.pos ?? '') && RECORD_DETERMINERS.has(terms[at - 3]?.w ?? '');
  if (valueFrom < 0 || (terms[at - 1]?.pos !== 'verb' && !misread)) return undefined;
  let subject = at - 2;
  while (!misread && subject > 0 && at - subject <= 4 && (terms[subject].pos === 'modal' || terms[subject].pos === 'adv' || (terms[subject].pos === 'verb' && terms[subject + 1]?.w === 'to') || terms[subject].w === 'to')) subject--;
  const person = terms[subject];
  if (!person || (person.pos !== 'noun' && !misread) || person.plural || person.possessive || !RECORD_DETERMINERS.has(terms[subject - 1]?.w ?? '')) return undefined;
  let end = valueEnd(terms, valueFrom);
  // ("updates his or her phone number online": the value ends on its noun.)
  while (end > valueFrom && terms[end - 1].pos !== 'noun') end--;
  if (end === valueFrom || terms[end]?.w === 'of') return undefined;
  return mentionOf(draft, [{ ...person, pos: 'noun' }], terms.slice(valueFrom, end), roleWords, true);
}

/** Words that sort the records after "of" ("which type of room"); a category is kept as one, the others as a type. */
const SORT_WORDS = new Set(['type', 'kind', 'sort', 'category']);

/**
 * "the guest chooses which type of room they want", "applicants say which kind(s) of licence they
 * need": asking which sort of record someone wants says that the records come in sorts, a value each
 * one has (its type). Not when the sort is a record of its own ("a room type has a base price").
 */
function whichSortOf(draft: Draft, terms: Term[], at: number, roleWords: Set<string>): ValueMention | undefined {
  // ("type(s)": the plural written in brackets is a word of its own.)
  const sort = terms[at - 1]?.w === 's' && terms[at - 1].pre.includes('(') ? at - 2 : at - 1;
  const word = terms[sort]?.root;
  if (!word || !SORT_WORDS.has(word) || !/^(?:which|what)$/.test(terms[sort - 1]?.w ?? '')) return undefined;
  let end = at + 1;
  while (end < terms.length && end - at <= 3 && terms[end].pos === 'noun' && !terms[end].possessive) {
    end++;
    if (terms[end - 1].post.trim()) break;
  }
  if (end === at + 1) return undefined;
  const records = terms.slice(at + 1, end).map((t) => (t.plural ? { ...t, w: t.root, plural: false } : t));
  const value = word === 'category' ? 'category' : 'type';
  if (resolveKey(draft, `${records.map((t) => t.w).join(' ')} ${value}`)) return undefined;
  return mentionOf(draft, records, [{ ...terms[sort], w: value, root: value, pos: 'noun', plural: false }], roleWords);
}

function mentionOf(draft: Draft, recordTerms: Term[], valueTerms: Term[], roleWords: Set<string>, owned = false, pluralOfOne = false): ValueMention | undefined {
  const head = valueTerms[valueTerms.length - 1];
  // ("at the time of the booking" names a moment; "the starting time of the show" a value the show has;
  // so does "its registration number", owned by the record, never "the number of" things.)
  const timed = (head.w === 'time' || owned) && valueTerms.length > 1;
  if (head.pos !== 'noun' || (head.plural && !pluralOfOne) || head.actor || !isHeadWord(head.w) || (NOT_VALUES.has(head.w) && !timed)) return undefined;
  if (PERSON_NOUNS.has(head.w) || USER_WORDS.has(head.w) || roleWords.has(head.w) || isPersonWord(head.w)) return undefined;
  // "the starting time": a developer writes startTime.
  const words = valueTerms.map((t, i) => (i === valueTerms.length - 2 && timed && /^(?:starting|ending)$/.test(t.w) ? t.w.replace(/ing$/, '') : t.w));
  if (words.some((w) => REFERRING.has(w))) return undefined;
  // A value that is itself a record is a link, which the relation readers handle.
  if (resolveKey(draft, words.join(' ')) || resolveKey(draft, head.root)) return undefined;
  const record = resolveKey(draft, recordTerms.map((t) => t.root).join(' ')) ?? recordByHead(draft, recordTerms);
  return record ? { record, words } : undefined;
}

/**
 * "the status of the command" where the records are control commands: one noun names the one record
 * whose name ends in it (as a list item "a parcel" names FoodParcel). Two records ending in it leave it unread.
 */
function recordByHead(draft: Draft, recordTerms: Term[]): string | undefined {
  if (recordTerms.length !== 1) return undefined;
  const head = recordTerms[0].root;
  const named = draft.entities.filter((e) => e.name !== 'User' && e.key.endsWith(` ${head}`));
  return named.length === 1 ? named[0].name : undefined;
}

function isValueWord(term: Term | undefined): boolean {
  return !!term && (term.pos === 'noun' || term.pos === 'adj') && !term.possessive && term.depth === 0 && /^[a-z][a-z-]*$/.test(term.w);
}
