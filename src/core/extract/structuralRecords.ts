// Generic words (level, card, image, table) usually name app furniture, so the word lists keep
// them out of the records. The text's structure can say otherwise: a thing counted as a part of
// a record ("a game has several levels", "a deck consists of up to 48 cards"), a thing given its
// own values ("a card with a nickname") or a thing people add or store ("customers can add a
// card") is a record, whatever list the word is on. Structural evidence wins over the word list.
import { NEVER_RECORD_HEADS, NON_ENTITY, NOT_STORED, PERSON_NOUNS, singular, STAFF_ROLES, USER_WORDS } from './lexicon';
import { headGivenValues, headTakesValues } from './colonValueRecords';
import type { SentenceInfo } from './sentences';
import { tagSentence } from './nlp';
import { guarded } from './guardedRegExp';
import { valuesInBrackets } from './fieldItems';

/** Units, time words and value words name a value and how it is measured, never a record ("a day has 24 hours"). */
const MEASURES = /^(?:step|field|metre|meter|kilometre|kilometer|km|mile|gram|kilogram|kg|litre|liter|euro|cent|dollar|pound|percent|percentage|hectare|acre|degree|inch|centimetre|centimeter|cm|mm|second|minute|hour|day|week|month|year|time|value|number|amount|total|lot|kind|type|way|thing|everything|anything|nothing|something|option|detail|datum|data|information|info|one|two|three|name|title|text|description|status|state|id|url|code|key|word|result|date)$/;

const WHOLE = String.raw`\b(?:a|an|the|each|every)\s+(?:[a-z-]+\s+)?([a-z]+)`;
const HAS_PARTS = String.raw`\s+(?:(?:can|may|must|will|should)\s+)?(?:has|have|contains?|includes?|holds?|consists?\s+of|comprises?|is\s+(?:made\s+up|composed)\s+of|is\s+divided\s+into)`;
const HOW_MANY = String.raw`\s+(?:up\s+to\s+|at\s+least\s+|at\s+most\s+|exactly\s+|about\s+)?(?:\d+|one\s+or\s+more|several|many|multiple|various|some|any\s+number\s+of|a\s+number\s+of|a\s+few|two|three|four|five|six|seven|eight|nine|ten|twelve)`;
/** The noun ends the phrase: punctuation or a word that starts what follows ("cards with …", not "card games"). */
const PHRASE_END = String.raw`(?=\s*(?:[,.;:!?()]|$)|\s+(?:with|for|to|and|or|in|on|at|from|that|which|who|whose|by|of|as|so|when|if|into|per|are|is|can|must|will|each)\b)`;
/** "a game has several levels", "each deck consists of up to 48 cards": the whole, then the counted part. */
const COUNTED_PART = new RegExp(`${WHOLE}${HAS_PARTS}${HOW_MANY}\\s+(?:[a-z-]+\\s+)?([a-z]+)${PHRASE_END}`, 'g');
/** "a card with a nickname and an expiry date": a thing with its own values. */
const WITH_VALUES = /\b(?:a|an|each|every)\s+([a-z]+)\s+with\s+(?:a|an|its|their|his|her)\s+[a-z]+/g;
/** "customers can add a card", "store a new table": one thing people add or store is kept. (An uploaded
 *  file or image is an attachment, a field; "store their names" stores values.) */
const ADDED = new RegExp(String.raw`\b(?:add|adds|added|adding|create|creates|created|store|stores|stored|save|saves|saved)\s+(?:a|an|another|one\s+more)\s+(?:new\s+)?([a-z]+)${PHRASE_END}`, 'g');

/** "users have lists and tasks", "members keep their own boards": plural things people own are kept for them (not "lists of …", what the list holds). */
const OWNED = /\b([a-z]+s|people)\s+(?:can\s+|may\s+)?(?:have|own|keep|create|make)\s+(?:their\s+own\s+|own\s+|several\s+|many\s+|multiple\s+)?([a-z]+s)\b(?!\s+of\b)/g;

/** "A table has a number and a number of seats": one thing with a list of values of its own (one value
 *  alone may be said of anything: "each object has a unique ID"). */
/** A later item of a list of values: "a/an/its … " or a bare plural that ends the list ("a number and
 *  seats": how many seats it has; the plural must end the phrase, so "and needs a service" is no item). */
const NEXT_VALUE = String.raw`(?:(?:a|an|its|their|one)\s+[a-z]|[a-z]{3,}s(?=\s*(?:[,.;:!?]|$)))`;
const HAS_VALUES = new RegExp(String.raw`\b(a|an|each|every)\s+([a-z]+)\s+(?:also\s+)?(?:has|contains|includes|records|stores)\s+(?:a|an|its|one)\s+[a-z][a-z ()-]*?(?:,\s*(?:and\s+)?|\s+and\s+)${NEXT_VALUE}`, 'g');
/** "book the shared tools (name, condition)": a noun given a bracketed list of two or more values. */
const BRACKETED_VALUES = /\b([a-z]+)\s*\(\s*[a-z][a-z -]*(?:,\s*(?:and\s+)?[a-z][a-z -]*)+\)/g;
/**
 * "Guests reserve a table", "customers rent tools", "the department lends devices": what people rent,
 * book or borrow is a thing the app keeps (a determiner or a plural after the verb: "book a table",
 * not "book details").
 */
const RENT_VERBS = String.raw`(?:rent|rents|rented|renting|hire|hires|hired|hiring|book|books|booked|booking|reserve|reserves|reserved|reserving|borrow|borrows|borrowed|borrowing|lend|lends|lent|lending|loan|loans|loaned)`;
const RENTED = new RegExp(String.raw`\b${RENT_VERBS}\s+(?:(?:a|an|the|their|his|her|our|your|one|two|three|several|\d+)\s+(?:[a-z-]+\s+)?([a-z]+)|([a-z]+s))${PHRASE_END}`, 'g');
/** Words that name the app or its machinery: no text's structure makes them records. */
const APP_LEVEL = /^(?:app|application|system|website|site|api|endpoint|platform|software|portal|server|database|backend|frontend|json|html|css|code|token|cookie|header|parameter|query|feature|functionality|requirement|thing|way|information|info|data|stuff|something|anything|everything|nothing|forum|blog|shop|tracker|manager|planner|scheduler|clone|dashboard)$/;

/** Whether a word list, not the grammar, keeps `head` out of the records (and structure may let it in). */
function listedGeneric(head: string): boolean {
  return NON_ENTITY.has(head) && !NEVER_RECORD_HEADS.has(head) && !USER_WORDS.has(head) && !MEASURES.test(head);
}

/** A word the word lists keep out of the records (not a person word). */
function genericWord(head: string): boolean {
  return (NON_ENTITY.has(head) || NOT_STORED.has(head)) && !USER_WORDS.has(head);
}

/** The people who use the app, by a word for anyone or a known person noun. */
function peopleWord(word: string): boolean {
  return USER_WORDS.has(word) || PERSON_NOUNS.has(word) || !!STAFF_ROLES[word];
}

/** "users have lists and tasks": each plural thing people are said to own (singular), with its owner (singular). */
export function ownedByPeople(plain: string): { owner: string; thing: string }[] {
  if (!/\b(?:have|own|keep|create|make)\b/.test(plain)) return [];
  const out: { owner: string; thing: string }[] = [];
  for (const m of plain.matchAll(OWNED)) {
    const owner = singular(m[1]);
    if (!peopleWord(owner)) continue;
    // ("users have lists and tasks": the plurals joined to the first are owned too.)
    const things = [m[2], ...(/^(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)[a-z]+s\b)+/.exec(plain.slice(m.index + m[0].length))?.[0].match(/[a-z]+s\b/g) ?? [])];
    for (const word of things) if (singular(word) !== word) out.push({ owner, thing: singular(word) });
  }
  return out;
}

/** Whether only a word list keeps `head` out of the records (the text's structure may let it in: "users have lists"). */
export function recordByStructureOnly(head: string): boolean {
  return listedGeneric(head);
}

/** A whole that can have parts: not itself app furniture ("the page has several images"). */
function recordLikeWhole(word: string): boolean {
  const head = singular(word);
  return !NON_ENTITY.has(head) && !USER_WORDS.has(head) && !/^(?:it|this|that|there|which|who)$/.test(head);
}

/**
 * "For each person, we want to store the first name …", "The following is also recorded for each
 * person: a phone number …", "A person has a name", "A user has a unique ID": values kept for
 * persons (users, visitors) make them a table (in a text without sign-in, where people are not
 * users of the app). A person only acting ("people can register their cars") is not.
 */
const PEOPLE_WORDS: Record<string, string> = { person: 'person|persons|people', user: 'users?', visitor: 'visitors?' };
const STORED = /\b(?:stor|record|kept|keep|register|sav|known|noted|captur)/;

function peopleValues(plural: string): RegExp[] {
  return [
    new RegExp(String.raw`\b(?:for|about|on|of)\s+(?:each|every|all|a|any)\s+(?:such\s+)?(?:${plural})\b`),
    new RegExp(String.raw`\b(?:each|every|a|the)\s+(?:${plural})\s+has\b`),
    // "The visitors and the guide are people who have names."
    new RegExp(String.raw`\b(?:${plural})\b[a-z ,]*?\s(?:are|is)\s+(?:people|persons|a person)\s+(?:who|that)\s+(?:have|has)\b`),
  ];
}
const VALUES_OF = Object.fromEntries(Object.entries(PEOPLE_WORDS).map(([word, forms]) => [word, peopleValues(forms)]));

/** Whether the sentence keeps values of `word` (person, user, visitor). */
export function personValuesStored(plain: string, word = 'person'): boolean {
  const [kept, has, described] = VALUES_OF[word] ?? VALUES_OF.person;
  return has.test(plain) || described.test(plain) || (kept.test(plain) && STORED.test(plain));
}

/** Words before a generic head that do not make a compound of their own ("a new system"). */
const NOT_MODIFIERS = /^(?:new|single|given|particular|specific|certain|other|same|different|whole|entire|main|own|such|this|that|these|those|its|their|our|my|your|his|her|of|the|a|an|and|or)$/;
/** "A smart home (…) consists of several rooms", "A daily price is identified by a date". */
const DESCRIBED_COMPOUND = /\b(?:a|an|each|every)\s+([a-z][a-z-]+)\s+([a-z][a-z-]+)\s+(?:\([^()]*\)\s*)?(?:consists\s+of|is\s+composed\s+of|is\s+made\s+up\s+of|comprises|is\s+(?:uniquely\s+)?identified\s+by)\b/g;
/** "Each web portal has a version number and a URL", "a smart meter records a reading, a date and …":
 *  a two-word name given a list of values of its own (two or more, each brought in with "a/an/its"). */
const COMPOUND_WITH_VALUES = /\b(?:a|an|each|every)\s+([a-z][a-z-]+)\s+([a-z][a-z-]+)\s+(?:also\s+)?(?:has|have|contains|includes|records|stores)\s+(?:a|an|its|one)\s+[a-z][a-z ()-]*?(?:,\s*(?:and\s+)?|\s+and\s+)(?:a|an|its|one)\s+[a-z]/g;
/**
 * "Parts have a part number, a name and a price", "spare parts are kept in stock with a part number,
 * a name and …", "tables all have a number and a shape": a plural that opens a clause and is given a list of values speaks of each of them, as
 * "each part has …" does (the optional word before it may make a two-word name).
 */
const PLURAL_WITH_VALUES = new RegExp(String.raw`(?:^|[;:]\s*|,\s*(?:and|while|whereas|but)\s+)(?:(?:all|the|our)\s+)?(?:([a-z][a-z-]+)\s+)?([a-z]+s)\s+(?:also\s+|all\s+)?(?:have|contain|include|are\s+(?:kept|stored|recorded|registered|listed|tracked|saved)(?:\s+(?:in|on|at)\s+(?:the\s+)?[a-z]+)?\s+with)\s+(?:a|an|its|their|one)\s+[a-z][a-z ()-]*?(?:,\s*(?:and\s+)?|\s+and\s+)${NEXT_VALUE}`, 'g');

/** "Parts used on a job are recorded with a quantity": plural things placed on a record by a participle
 *  and kept with values of their own are many records, each with its values (as "each part has …" says). */
const PLACED_AND_KEPT = guarded(/^(?:(?:the|all|any)\s+)?([a-z]+s)\s+(?:[a-z]+ed|[a-z]+en|made|sold|bought|kept|held|lent|sent|spent|paid|put|set)\s+(?:on|in|at|for|to|during|into)\s+(?:a|an|the|each|every)\s+[a-z-]+\s+(?:are|get)\s+(?:kept|stored|recorded|registered|logged|saved|listed|tracked|noted)\s+with\s+(?:a|an|its|their|the)\s+[a-z]/);

/** A two-word name right before a bracket: whether the bracket gives its values is asked of valuesInBrackets. */
const COMPOUND_BEFORE_BRACKET = /\b([a-z][a-z-]+)\s+([a-z][a-z-]+)\s*\(([^()]{3,120})\)/g;

/** Heads that name screens and their parts: a "home screen" with a header and a list is app furniture. */
const UI_HEADS = /^(?:page|screen|button|menu|panel|modal|dialog|tab|view|form|bar|layout|icon|column|row|field|widget|window|header|footer|sidebar|toolbar|dashboard|app|application|website|site)$/;
/** "The EBike is composed of a frame, a drive system, and a controller": the parts named with "a". */
const COMPOSED_OF = /\b(?:is|are)\s+(?:composed\s+of|made\s+up\s+of)\s+([^.;:]+)/g;

/** "a newly built …" starts with an adverb; "a daily price", "a monthly invoice" with an adjective in -ly (the tagger tells them apart). */
function adverb(modifier: string, head: string): boolean {
  return /ly$/.test(modifier) && tagSentence(`a ${modifier} ${head}`)[1]?.pos !== 'adj';
}

/**
 * Two-word names of records whose head alone is too generic or names a value ("web portal", "drive
 * system", "daily price"): the text counts them and gives them values or parts, so they are records.
 */
function describedCompounds(plain: string, out: Set<string>): void {
  const add = (modifier: string, head: string) => {
    if (!NOT_MODIFIERS.test(modifier) && !NOT_MODIFIERS.test(head) && !/ing$/.test(modifier) && !adverb(modifier, head)) out.add(`${modifier} ${singular(head)}`);
  };
  for (const m of plain.matchAll(DESCRIBED_COMPOUND)) add(m[1], m[2]);
  // (Only generic heads need this: "a book club has …" is a record by the usual cues.)
  for (const m of plain.matchAll(COMPOUND_WITH_VALUES)) if (genericWord(singular(m[2])) && !UI_HEADS.test(singular(m[2])) && !USER_WORDS.has(m[1])) add(m[1], m[2]);
  for (const m of plain.matchAll(PLURAL_WITH_VALUES)) if (m[1] && singular(m[2]) !== m[2] && genericWord(singular(m[2])) && !UI_HEADS.test(singular(m[2])) && !USER_WORDS.has(m[1])) add(m[1], m[2]);
  // ("the repair shop (name and address are known)", "player attributes (identified by a name and a value)".)
  if (plain.includes('(')) for (const m of plain.matchAll(COMPOUND_BEFORE_BRACKET)) if (genericWord(singular(m[2])) && !UI_HEADS.test(singular(m[2])) && !MEASURES.test(singular(m[2])) && !USER_WORDS.has(m[1]) && valuesInBrackets(m[3])) add(m[1], m[2]);
  for (const m of plain.matchAll(COMPOSED_OF)) {
    for (const item of m[1].replace(/\([^()]*\)/g, ' ').split(/,|\band\b/)) {
      const words = /^\s*(?:a|an)\s+([a-z][a-z-]+)\s+([a-z][a-z-]+)\s*$/.exec(item);
      if (words) add(words[1], words[2]);
    }
  }
}

/** The two-word records one sentence describes ("A smart home (…) consists of several rooms"): the
 *  description is evidence of its own, where the parenthesis or the generic head hides the subject from other cues. */
export function compoundsDescribedIn(plain: string): string[] {
  const out = new Set<string>();
  describedCompounds(plain, out);
  return [...out];
}

/** Generic head words (singular) that the text's structure shows are records; `peopleAreRecords`: no sign-in, so persons may be records. */
export function recordsByStructure(sentences: SentenceInfo[], peopleAreRecords = false): Set<string> {
  const out = new Set<string>();
  for (const word of peopleAreRecords ? Object.keys(PEOPLE_WORDS) : []) if (sentences.some((s) => !s.heading && personValuesStored(s.plain, word))) out.add(word);
  const consider = (word: string | undefined, needsPlural: boolean) => {
    if (!word) return;
    const head = singular(word);
    if ((!needsPlural || head !== word) && listedGeneric(head)) out.add(head);
  };
  const rented = new Set<string>();
  const valued = new Set<string>();
  const eachValued = new Set<string>();
  const eachOne = new Set<string>();
  const bracketed = new Set<string>();
  for (const sentence of sentences) {
    if (sentence.heading) continue;
    const plain = sentence.plain;
    for (const m of plain.matchAll(COUNTED_PART)) if (recordLikeWhole(m[1])) consider(m[2], true);
    for (const m of plain.matchAll(WITH_VALUES)) consider(m[1], false);
    for (const m of plain.matchAll(ADDED)) consider(m[1], false);
    for (const { thing } of ownedByPeople(plain)) consider(thing, false);
    describedCompounds(plain, out);
    // ("Tool: name, category, condition": a generic word given a list of values.)
    const listed = headGivenValues(plain);
    if (listed && genericWord(singular(listed)) && headTakesValues(singular(listed)) && !MEASURES.test(singular(listed))) out.add(singular(listed));
    for (const m of plain.matchAll(RENTED)) rented.add(singular(m[1] ?? m[2]));
    if (plain.includes('(')) for (const m of plain.matchAll(BRACKETED_VALUES)) bracketed.add(singular(m[1]));
    for (const m of plain.matchAll(HAS_VALUES)) {
      valued.add(singular(m[2]));
      if (m[1] === 'each' || m[1] === 'every') eachValued.add(singular(m[2]));
    }
    // (Without a word before the plural: with one, the plural is a two-word name, read above.)
    for (const m of plain.matchAll(PLURAL_WITH_VALUES)) if (!m[1] && singular(m[2]) !== m[2]) eachValued.add(singular(m[2]));
    const placed = PLACED_AND_KEPT.exec(plain);
    if (placed && singular(placed[1]) !== placed[1]) eachValued.add(singular(placed[1]));
    // ("Members borrow tools. Each tool has a name.": with the renting, one value of each is enough.)
    for (const m of plain.matchAll(EACH_HAS_ONE)) eachOne.add(singular(m[1]));
  }
  for (const head of new Set([...rented, ...valued])) if (rentedOrValued(head, rented, valued)) out.add(head);
  for (const head of rented) if (eachOne.has(head) && rentedOrValued(head, rented, eachOne)) out.add(head);
  // ("Gardeners book the shared tools (name, condition)": what is booked, given its values in brackets.
  // A bracket alone may hold a choice's values: "a level (easy, hard)".)
  for (const head of rented) if (bracketed.has(head) && rentedOrValued(head, rented, bracketed)) out.add(head);
  // ("Each shop has a name and an address", "each service has a name, a price and a duration": no
  // single app or service of the app's own is "each"; its machinery is never a record.)
  for (const head of eachValued) if (genericWord(head) && !MACHINERY.test(head)) out.add(head);
  return out;
}

/** "Each tool has a name": many of them, each with a value of its own (HAS_VALUES after "each" has a list). */
const EACH_HAS_ONE = /\b(?:each|every)\s+([a-z]+)\s+(?:also\s+)?(?:has|contains|includes|records|stores)\s+(?:a|an|its|one)\s+[a-z]/g;
/** The app's machinery: not even "each X has …" makes these records. */
const MACHINERY = /^(?:app|application|system|website|site|api|endpoint|software|server|database|backend|frontend|json|html|css|code|token|cookie|header|parameter|query|feature|functionality|requirement|thing|way|information|info|data|stuff|something|anything|everything|nothing|dashboard|page|screen|button|tab|modal|menu|view|form|chart|graph)$/;

/**
 * Things people rent, book or borrow, or that have values of their own ("a table has a number"):
 * either is enough for a word only a word list keeps out. Words usually meaning the app itself
 * ("this tool", "the service") need both: "customers rent tools" and "a tool has a daily price".
 */
function rentedOrValued(head: string, rented: Set<string>, valued: Set<string>): boolean {
  if (listedGeneric(head)) return true;
  return rented.has(head) && valued.has(head) && NEVER_RECORD_HEADS.has(head) && !APP_LEVEL.test(head) && !USER_WORDS.has(head);
}
