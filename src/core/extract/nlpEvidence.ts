// Entity evidence from grammar, not word lists: the objects of what people do in the app
// ("Trainers create fitness classes"), subjects that have parts ("Each vehicle has …"), what is
// stored for what ("The name and passport number are stored for passengers"), "X of a Y",
// colon lists (colonLists.ts: "Vehicles: plate number, make, model") and user stories ("As a member I want to
// book a class"). Each pattern is one function with its own test.
import { addEvidence, type Evidence } from './entities';
import { findFieldLists, storedForList } from './fields';
import { analyze, type Analysis, type Clause, type NounPhrase } from './grammar';
import { NEVER_RECORD_HEADS, NON_ENTITY, NOT_STORED, USER_WORDS } from './lexicon';
import { colonListSubject } from './colonLists';
import { isPersonKey, storable, storableHead } from './recordWords';
import type { SentenceInfo } from './sentences';
import { remembered } from './remembered';
import { storyParts } from './storyBenefit';
import { wholePartsOf } from './wholeParts';
import { collectionMembers, countedParts, informationAbout, keptIn, madeBySomeone, sortedIntoKinds, valuesKeptOf } from './clauseEvidence';
import { titlesRecords } from './recordLists';
import { ownThingsInStory } from './storyOwnThings';
import { linkedToOne } from './linkedToOne';
import { peopleActingOnRecords, subjectsOfWhoHave } from './peopleEvidence';
import { placedThings } from './placeEvidence';
import { placedOnRecordEvidence } from './reducedRelatives';
import { recordedActEvidence } from './recordedActs';
import { keptWhich } from './keptWhich';
import { decidedOnEvidence } from './decidedOn';
import { handledThingsEvidence } from './handledThings';
import { madeThingsEvidence } from './madeThings';
import { reportedThingsEvidence } from './reportedThings';
import { valueOfAny } from './valueOfAny';
import { appPurposeEvidence } from './appPurpose';
import { placeValueWords } from './whenRecorded';

export { PART_VERBS } from './wholeParts';
export { isPersonKey, isPersonWord, storable } from './recordWords';
export { colonListSubject } from './colonLists';

/** Verbs whose objects the app shows or uses rather than stores: evidence, but weak. */
export const LIGHT_VERBS = new Set([
  'see', 'view', 'show', 'display', 'want', 'need', 'use', 'get', 'know', 'find', 'allow', 'let', 'help', 'enable', 'make', 'give',
  'receive', 'check', 'choose', 'select', 'click', 'open', 'visit', 'search', 'browse', 'filter', 'sort', 'print', 'export', 'import',
  'like', 'love', 'prefer', 'read', 'look', 'access', 'provide', 'support', 'offer', 'contain', 'include', 'have', 'be', 'do', 'go',
  'come', 'take', 'say', 'tell', 'ask', 'think', 'seem', 'become', 'keep', 'hold', 'mean', 'ensure', 'avoid', 'require', 'cover',
  'answer', 'pay', 'spend', 'cost', 'exceed', 'reach', 'get', 'lose', 'miss', 'forget', 'remember', 'notify', 'email', 'send', 'remind',
  'sign', 'walk', 'work', 'live', 'talk', 'speak', 'wait', 'stop', 'prevent', 'reduce', 'cause', 'solve', 'fix', 'waste', 'lose',
]);

export const STORE_VERBS = new Set(['store', 'record', 'keep', 'track', 'save', 'log', 'register', 'manage', 'maintain', 'capture', 'note', 'document', 'archive', 'list', 'catalog', 'catalogue']);
const SUBJECT_PRONOUNS = new Set(['i', 'we', 'you', 'they', 'he', 'she', 'everyone', 'anyone', 'someone', 'nobody']);

function subjectIsActor(clause: Clause, analysis: Analysis, sentence: SentenceInfo): boolean {
  if (!clause.subject) {
    // Imperative ("Track vehicles"), or a subject pronoun ("we record …").
    const before = analysis.terms.slice(0, clause.verbIndex).filter((t) => t.pos !== 'modal' && t.pos !== 'adv' && t.w !== 'to' && t.w !== 'not');
    return before.length === 0 || before.some((t) => SUBJECT_PRONOUNS.has(t.w)) || sentence.bullet;
  }
  const key = clause.subject.key;
  // Agent nouns as subjects are people ("trainers create …", "the caretaker marks …").
  const agent = /(?:er|or|ist|ian|ant|ee)$/.test(clause.subject.headWord) && clause.subject.plural !== undefined && !storableHead(clause.subject.headWord);
  return isPersonKey(key, analysis.terms[clause.subject.head].actor || agent) || /^(app|application|system|site|platform|tool)$/.test(clause.subject.headWord);
}

/**
 * "The library lends books to members", "A car rental company rents cars to customers": the one
 * thing the first sentence opens with acts on the records of the app, as an app or a person would
 * ("each aircraft performs flights", counted, is a record acting; see thingActsOnThing). Its
 * objects are records; what it does is not taken for a transaction record (the text names those:
 * "lends costumes … a hire covers …").
 */
function businessActs(clause: Clause, analysis: Analysis, sentence: SentenceInfo): boolean {
  const subject = clause.subject;
  if (sentence.id > 1 || clause !== analysis.clauses[0] || !subject || subject.plural || subject.head >= clause.verbIndex) return false;
  // ("a car rental company": the tagger may read a modifier as an adjective, which starts the phrase after it.)
  const before = analysis.terms.slice(0, subject.start);
  return /^(?:the|our|my|a|an)$/.test(analysis.terms[0]?.w ?? '') && before.length <= 3 && before.every((t, i) => (i === 0 ? t.pos === 'det' || t.pos === 'pron' : t.pos === 'adj' || t.pos === 'noun'));
}

type Add = (key: string, score: number, strong?: boolean) => void;

/** "Trainers create fitness classes", "Track vehicles and their service records". */
export function objectsOfActions(analysis: Analysis, sentence: SentenceInfo, add: Add): void {
  for (const clause of analysis.clauses) {
    const actor = subjectIsActor(clause, analysis, sentence) || businessActs(clause, analysis, sentence);
    if (!clause.passive && !actor) thingActsOnThing(clause, analysis, add);
    if (clause.passive || !actor) continue;
    const light = LIGHT_VERBS.has(clause.verb);
    for (const object of clause.objects) {
      // "keep track of orders", "take care of", "make use of": a bare singular noun before "of" is
      // part of the verb (the thing acted on follows "of").
      if (!object.plural && !object.determiner && object.start === object.head && analysis.terms[object.head + 1]?.w === 'of') continue;
      // "Store the shortened URLs": what is explicitly stored is a record, named with its adjective.
      if (!storable(object, analysis) && STORE_VERBS.has(clause.verb) && NON_ENTITY.has(object.headWord) && !NEVER_RECORD_HEADS.has(object.headWord)) {
        const modifiers = analysis.terms.slice(object.start, object.head).filter((t) => t.pos === 'adj' || t.pos === 'noun' || t.pos === 'verb').map((t) => t.w);
        if (modifiers.length) add([...modifiers.slice(-2), object.headWord].join(' '), 3, true);
        continue;
      }
      if (!storable(object, analysis)) continue;
      if (object.plural) add(object.key, light ? 1 : 2, !light);
      else if (object.determiner && !light) add(object.key, 1.5, false);
      else if (leftForOthers(clause, object, analysis)) add(object.key, 2, true);
      else add(object.key, 0.5, false);
    }
    // "assign tasks to projects", "register for events" ("with" lists fields: not here)
    for (const { prep, phrase } of clause.preps) {
      if (!storable(phrase, analysis) || light) continue;
      if (['to', 'for', 'in', 'on', 'from', 'at'].includes(prep)) add(phrase.key, phrase.plural || phrase.determiner ? 1 : 0.5, false);
    }
  }
}

/** Verbs of leaving something written for others ("leave feedback", "submit feedback", "write feedback"). */
const LEAVING_VERBS = /^(?:leave|submit|write|post|give)$/;

/**
 * "Guests can leave feedback after a stay", "patients submit feedback about a visit": a noun that
 * takes no article or plural (a mass noun) left or submitted for others is kept as it is written,
 * as countable things written so are ("leave reviews"). Not a word of a longer phrase ("give
 * permission to"), nor before "of".
 */
function leftForOthers(clause: Clause, object: NounPhrase, analysis: Analysis): boolean {
  const next = analysis.terms[object.head + 1];
  return LEAVING_VERBS.test(clause.verb) && !object.determiner && object.start === object.head && (!next || next.pos === 'prep' || next.pos === 'conj') && next?.w !== 'of' && next?.w !== 'to';
}

/**
 * "An airline employs several pilots", "Each aircraft performs flights": a thing counted with
 * "a/each" that acts on other things is a record; what it acts on is a weak candidate (another cue
 * must agree).
 */
function thingActsOnThing(clause: Clause, analysis: Analysis, add: Add): void {
  const subject = clause.subject;
  if (!subject || LIGHT_VERBS.has(clause.verb) || clause.negated || !/^(a|an|each|every)$/.test(subject.determiner ?? '') || !storable(subject, analysis)) return;
  const objects = clause.objects.filter((o) => storable(o, analysis) && (o.plural || o.determiner));
  if (!objects.length) return;
  add(subject.key, 2, true);
  for (const object of objects) add(object.key, 1, false);
}

/** "Each vehicle has a plate number", "A service record belongs to a vehicle", "Bookings are stored". */
export function subjectsOfHaving(analysis: Analysis, add: Add): void {
  for (const clause of analysis.clauses) {
    const subject = clause.subject;
    if (!subject || !storable(subject, analysis)) continue;
    if (/^(have|has|contain|include|consist|belong|hold|comprise|carry)$/.test(clause.verb) && !clause.passive) {
      add(subject.key, subject.determiner && /^(each|every|a|an)$/.test(subject.determiner) ? 2 : 1.5, true);
      if (clause.verb === 'belong') for (const { phrase } of clause.preps) if (storable(phrase, analysis)) add(phrase.key, 2, true);
    }
    // "A client's products are stored as SKUs": the record is what they are stored as.
    const storedAs = clause.preps.find((p) => p.prep === 'as' && storable(p.phrase, analysis));
    if (clause.passive && STORE_VERBS.has(clause.verb) && !valueOfWhose(subject, analysis)) add(storedAs ? storedAs.phrase.key : subject.key, 2, true);
  }
  saidToBeStored(analysis, add);
}

/**
 * "The estimators' reports must be stored in the database": said to be stored, even a word that
 * usually names something shown (report, summary) is a record. (Read also where a field list took
 * the phrase for the possessor's value: collectNlpEvidence passes this every clause.)
 */
export function saidToBeStored(analysis: Analysis, add: Add): void {
  for (const clause of analysis.clauses) {
    const subject = clause.subject;
    if (!subject || !clause.passive || !/^(store|save|archive|keep|record)$/.test(clause.verb) || storable(subject, analysis)) continue;
    if (!NOT_STORED.has(subject.headWord) || NEVER_RECORD_HEADS.has(subject.headWord) || USER_WORDS.has(subject.headWord) || analysis.terms[subject.start - 1]?.w === 'no' || analysis.terms[subject.start]?.w === 'no') continue;
    if (!subject.plural && !subject.determiner) continue;
    add(subject.key, 3, true);
  }
}

/**
 * "representatives, whose names, phone numbers and email addresses must be stored": what a
 * "whose" list says is stored are values of the noun before "whose", not records. True when the
 * phrase ends such a list (only nouns, adjectives, numbers and "and/or" back to "whose"; a word
 * tagged as a verb right before a noun is a modifier, "email addresses").
 */
function valueOfWhose(phrase: NounPhrase, analysis: Analysis): boolean {
  const t = analysis.terms;
  for (let i = phrase.start - 1; i >= 0 && i >= phrase.start - 20; i--) {
    if (t[i].w === 'whose') return true;
    const modifier = t[i].pos === 'verb' && t[i + 1]?.pos === 'noun';
    if (!modifier && !['noun', 'adj', 'num', 'conj', 'det'].includes(t[i].pos)) return false;
  }
  return false;
}

/**
 * "A shelf is uniquely identified by its code", "Each course is characterized by a title": what is
 * identified or described by a value is a record, even with one field named.
 */
export function identifiedBy(analysis: Analysis, add: Add): void {
  for (const clause of analysis.clauses) {
    if (!clause.passive || !clause.subject || !/^(identify|characterize|characterise|describe|define|distinguish)$/.test(clause.verb)) continue;
    if (!clause.preps.some((p) => p.prep === 'by')) continue;
    // ("A daily price is identified by a date": the key leaves out the adjective, which the
    // structure kept with the generic head.)
    const named = namedWithAdjective(clause.subject, analysis);
    if (named) add(named, 3, true);
    else if (storable(clause.subject, analysis)) add(clause.subject.key, 3, true);
  }
}

/** "a daily price": adjective + generic head that the text's structure shows is a record (structuralRecords.ts). */
function namedWithAdjective(phrase: NounPhrase, analysis: Analysis): string | undefined {
  const before = analysis.terms[phrase.head - 1];
  if (phrase.key.includes(' ') || phrase.head - 1 < phrase.start || before?.pos !== 'adj') return undefined;
  const key = `${before.w} ${phrase.key}`;
  return analysis.byStructure?.has(key) ? key : undefined;
}

/**
 * "The bike is composed of a frame, a drive system and a controller", "Two wheels are inserted
 * into each frame": the whole is a record, and so is each part a description bothers to name.
 */
export function partsOfWholes(analysis: Analysis, add: Add, addPlural: Add = add): void {
  for (const { whole, parts } of wholePartsOf(analysis)) {
    if (!storable(whole, analysis)) continue;
    const things = parts.filter((p) => storable(p, analysis));
    if (!things.length) continue;
    add(whole.key, 2, true);
    // ("A bank consists of any number of branches": many of a part are rows, even where the
    // sentence also reads as the whole's field list.)
    for (const part of things) (part.plural ? addPlural : add)(part.key, 2, true);
  }
}

/** "The name and passport number are stored for passengers", "For each flight the date is recorded". */
export function storedFor(analysis: Analysis, add: Add): void {
  for (const clause of analysis.clauses) {
    // ("HBMS lists all available offers for the given travel period": listing shows things for a while, it keeps nothing for it.)
    if ((!STORE_VERBS.has(clause.verb) && !/^(capture|collect)$/.test(clause.verb)) || clause.verb === 'list') continue;
    for (const { prep, phrase } of clause.preps) {
      // People something is stored about are records too ("stored for passengers").
      const person = isPersonKey(phrase.key, analysis.terms[phrase.head].actor) && !USER_WORDS.has(phrase.headWord);
      if ((prep === 'for' || prep === 'about' || prep === 'of') && (storable(phrase, analysis) || person)) add(phrase.key, 3, true);
    }
  }
  // "For carports, information stored includes …; for garages, …": plural things a clause opens with
  // "for X," while values are stored.
  const t = analysis.terms;
  if (t.some((term) => term.pos === 'verb' && STORE_VERBS.has(term.root))) {
    for (const phrase of analysis.phrases) {
      const at = phrase.start - 1;
      if (!phrase.plural || phrase.head !== phrase.start || t[at]?.w !== 'for' || !/,/.test(t[phrase.head].post) || !(at === 0 || /;/.test(t[at - 1].post))) continue;
      if (storable(phrase, analysis)) add(phrase.key, 3, true);
    }
  }
  // "For each X, …" at the start of a sentence.
  if (t[0]?.w === 'for' && (t[1]?.w === 'each' || t[1]?.w === 'every' || t[1]?.w === 'all')) {
    const phrase = analysis.phrases.find((p) => p.start <= 2 && p.head >= 2);
    if (phrase && storable(phrase, analysis)) add(phrase.key, 2, true);
  }
}

/** "visits of a pet", "the seats of each flight": both nouns are records when both are storable. */
export function ofPhrases(analysis: Analysis, add: Add): void {
  const { terms, phrases } = analysis;
  for (let i = 0; i < phrases.length - 1; i++) {
    const a = phrases[i];
    const of = terms[a.head + 1];
    if (!of || of.w !== 'of') continue;
    const b = phrases.find((p) => p.start === a.head + 2 || (p.start <= a.head + 3 && p.head > a.head + 1 && p.head <= a.head + 4));
    if (!b || !storable(a, analysis) || !storable(b, analysis)) continue;
    if (!b.determiner || !/^(a|an|each|every|the|its|their)$/.test(b.determiner)) continue;
    // "visits of a pet": many of one thing's records are records themselves.
    add(a.key, a.plural ? 2 : 1, a.plural);
    add(b.key, 1, false);
  }
}

/** "As a dog owner, I want to book a walk so that …": the objects of the want are records. */
export function userStory(sentence: SentenceInfo): { role?: string; action?: string } | undefined {
  const match = /^\s*as an? ([a-z][a-z -]{1,40}?)\s*,?\s*i (?:want|would like|need|wish|can|should be able|am able)\b(.*)$/i.exec(sentence.plain);
  if (!match) return undefined;
  return { role: match[1].trim(), action: match[2].trim() };
}

/**
 * Verbs of a transaction between a person and a record: the act itself is stored, with its own
 * date and status ("members book classes" -> Booking, "tenants rent plots" -> Rental).
 */
export const TRANSACTIONS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  book: 'booking', reserve: 'reservation', rent: 'rental', borrow: 'loan', lend: 'loan', enrol: 'enrolment', enroll: 'enrollment',
  attend: 'attendance', apply: 'application', subscribe: 'subscription', purchase: 'purchase', buy: 'purchase', visit: 'visit',
  inspect: 'inspection', donate: 'donation', deliver: 'delivery', adopt: 'adoption', hire: 'hire', lease: 'lease', register: 'registration', rate: 'rating', order: 'order',
});

/**
 * The record a verb form's doing makes ("books", "booked" -> booking), read from the word alone (no tagging).
 * Remembered by word: the rule readers ask it of every word of every clause, four new strings each time.
 */
export const transactionOf: (word: string) => string | undefined = remembered(transactionOfWord, 5000);

function transactionOfWord(word: string): string | undefined {
  const lemma = [word, word.replace(/s$/, ''), word.replace(/ed$/, ''), word.replace(/d$/, '')].find((form) => TRANSACTIONS[form]);
  return lemma ? TRANSACTIONS[lemma] : undefined;
}

/** Verbs whose object is one of the records there are, taken for a while. */
const BOOKED_FROM_STOCK = new Set(['book', 'reserve', 'rent', 'hire', 'borrow', 'lease']);

const SELF_BOOKED = new Set(['appointment', 'meeting', 'consultation', 'visit', 'walk', 'ride', 'trip', 'tour', 'lesson', 'reservation', 'booking', 'rental', 'loan']);

/** The record a clause's verb makes: "book" -> booking; "sign up" -> sign-up (the tagger may make "up" the verb). */
export function transactionNoun(clause: Clause, analysis: Analysis): string | undefined {
  const signsUp = (clause.verb === 'sign' && analysis.terms[clause.verbIndex + 1]?.w === 'up') || (clause.verb === 'up' && analysis.terms[clause.verbIndex - 1]?.w === 'sign');
  return TRANSACTIONS[clause.verb] ?? (signsUp ? 'sign-up' : undefined);
}

/** "after delivering", "by buying", "before renting": an -ing verb right after a preposition. */
function mannerOrTime(analysis: Analysis, verbIndex: number): boolean {
  const { terms } = analysis;
  return /ing$/.test(terms[verbIndex]?.w ?? '') && /^(?:after|before|by|when|while|without|upon|since|until)$/.test(terms[verbIndex - 1]?.w ?? '');
}

/** "Members book fitness classes", "volunteers sign up for shifts": the transaction is a record. */
export function transactions(analysis: Analysis, sentence: SentenceInfo, add: Add): void {
  for (const clause of analysis.clauses) {
    const noun = transactionNoun(clause, analysis);
    if (!noun || clause.passive || !subjectIsActor(clause, analysis, sentence)) continue;
    // "stays after delivering the pizza", "pay by buying a ticket": a doing named after a preposition
    // says when or how something else happens, not that the doing is kept.
    if (mannerOrTime(analysis, clause.verbIndex)) continue;
    // "register a new book" creates the book; "register for a course" is a registration.
    if (clause.verb === 'register' && clause.objects.length) continue;
    // ("Members sign up with a name and an email" makes an account: a sign-up record is one for something.)
    const targets = noun === 'sign-up' ? clause.preps.filter((p) => p.prep === 'for') : clause.preps.filter((p) => /^(for|to|at|on|in)$/.test(p.prep));
    // ("Travellers register to HBMS": the app itself, named in capitals, is no record to book.)
    const acronym = (p: NounPhrase) => !p.plural && p.head === p.start && new RegExp(String.raw`\b${p.headWord.toUpperCase()}\b`).test(sentence.text);
    const target = [...(noun === 'sign-up' ? [] : clause.objects), ...targets.map((p) => p.phrase)].find((p) => storable(p, analysis) && !acronym(p));
    // "patients book appointments": an appointment already is the booking.
    if (!target || target.key === noun || SELF_BOOKED.has(target.headWord)) continue;
    // "sign up for the newsletter", "subscribe to the weekly digest": the one thing the app has that
    // people join is the record; joining it is no row of its own (signing up for shifts is).
    if ((noun === 'sign-up' || noun === 'subscription') && !target.plural && target.determiner === 'the') {
      add(target.key, 2, true);
      continue;
    }
    add(noun, 2, true);
    // "Customers book a studio": what is booked, rented or borrowed is chosen from the records there
    // are, even when it is named once and in the singular (the booking belongs to it).
    if (BOOKED_FROM_STOCK.has(clause.verb)) add(target.key, 2, true);
  }
}

/** "Each studio's capacity is fixed", "every plot's size": what each of has a property is a record. */
export function eachPossessor(analysis: Analysis, add: Add): void {
  for (const phrase of analysis.phrases) {
    if (!analysis.terms[phrase.head].possessive || !/^(each|every)$/.test(phrase.determiner ?? '') || !storable(phrase, analysis)) continue;
    add(phrase.key, 2, true);
  }
}

/** "members' bookings", "their pets", "a customer's vehicles": plural things people own are records. */
export function possessedRecords(analysis: Analysis, add: Add): void {
  for (const phrase of analysis.phrases) {
    if (!phrase.possessed || !phrase.plural || !storable(phrase, analysis)) continue;
    add(phrase.key, 1.5, false);
  }
}

export function collectNlpEvidence(sentences: SentenceInfo[], evidence: Evidence, options: { peopleAreRecords?: boolean; accountsAreRecords?: boolean } = {}): void {
  // What the readers are told besides the sentence's reading (how people and accounts are kept, what the structure found).
  const readingOf = (parsed: Analysis) => ({ ...parsed, peopleAreRecords: options.peopleAreRecords, accountsAreRecords: options.accountsAreRecords, byStructure: evidence.byStructure });
  for (const sentence of sentences.flatMap(storyParts)) {
    if (sentence.plain.split(' ').length > 120) continue;
    const weight = sentence.optional ? 0.5 : 1;
    const seen = new Map<string, number>();
    // One sentence adds at most 3 to a key, however many patterns fire.
    const add: Add = (key, score, strong = false) => {
      const total = seen.get(key) ?? 0;
      const room = Math.max(0, 3 - total);
      if (!room) return;
      seen.set(key, total + Math.min(room, score));
      addEvidence(evidence, key, Math.min(room, score) * weight, sentence.id, strong);
    };
    if (sentence.heading) {
      // A title is read only for what the app is for ("App for parcels and depots").
      appPurposeEvidence(readingOf(analyze(sentence.text)), storable, add);
      continue;
    }
    const lists = findFieldLists(sentence, false);
    const colon = colonListSubject(sentence);
    if (colon && !lists.some((l) => l.subject === colon && titlesRecords(l, sentence))) add(colon, 3, true);
    // Items of a field list are fields, not records (the list's own logic decides otherwise).
    // ("keep track of … the addresses where the orders are delivered": a value of the orders, read later.)
    const items = new Set([...lists.flatMap((l) => l.items.map((i) => i.key)), ...placeValueWords(sentence)]);
    // "…, an airline, whose name is stored", "For each branch we record its address": a value said
    // to be stored for something makes it a record, even when only one value is named.
    const stored = storedForList(sentence);
    if (stored?.subject && stored.items.length === 1 && !stored.items[0].value) add(stored.subject, 3, true);
    const addUnlessField: Add = (key, score, strong) => {
      if (!items.has(key)) add(key, score, strong);
    };
    const parsed = analyze(sentence.text);
    // Clauses read inside a field list ("ingredients list preparation steps") are not clauses.
    const analysis = readingOf({ ...parsed, clauses: parsed.clauses.filter((c) => !c.subject || !items.has(c.subject.key)) });
    objectsOfActions(analysis, sentence, addUnlessField);
    subjectsOfHaving(analysis, addUnlessField);
    saidToBeStored({ ...analysis, clauses: parsed.clauses }, add);
    storedFor(analysis, addUnlessField);
    ofPhrases(analysis, addUnlessField);
    partsOfWholes(analysis, addUnlessField, add);
    identifiedBy(analysis, addUnlessField);
    eachPossessor(analysis, addUnlessField);
    possessedRecords(analysis, addUnlessField);
    transactions(analysis, sentence, addUnlessField);
    valuesKeptOf(analysis, storable, addUnlessField);
    countedParts(analysis, storable, add);
    collectionMembers(analysis, storable, addUnlessField);
    informationAbout(analysis, storable, addUnlessField);
    linkedToOne(analysis, storable, addUnlessField);
    keptIn(analysis, storable, addUnlessField);
    sortedIntoKinds(analysis, storable, addUnlessField);
    madeBySomeone(analysis, storable, addUnlessField);
    ownThingsInStory(analysis, sentence, addUnlessField);
    peopleActingOnRecords(analysis, storable, addUnlessField);
    subjectsOfWhoHave(analysis, storable, addUnlessField);
    placedThings(analysis, storable, addUnlessField);
    placedOnRecordEvidence(analysis, storable, addUnlessField);
    recordedActEvidence(analysis, storable, addUnlessField);
    keptWhich(analysis, storable, add);
    decidedOnEvidence(analysis, storable, addUnlessField);
    handledThingsEvidence(analysis, storable, addUnlessField);
    madeThingsEvidence(analysis, storable, addUnlessField);
    // (Not only unless a field: "a problem with a plot, with …" lists the plot for its link.)
    reportedThingsEvidence(analysis, storable, add);
    valueOfAny(analysis, storable, addUnlessField);
    appPurposeEvidence(analysis, storable, addUnlessField);
  }
}
