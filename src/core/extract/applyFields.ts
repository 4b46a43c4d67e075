// Turns parsed field lists into fields — or into relations when an item names another entity
// ("a loan records the member, the book, …"), or into child entities ("order lines, each with
// a product and a quantity").
import { camelCase } from '../../model/project/naming';
import { addEntity, addField, addRelation, findEntity, type Draft, type DraftEntity } from './draft';
import { entityKeyAllowed } from './entities';
import { countName, singularItem, type FieldItem } from './fieldItem';
import type { FieldList } from './fields';
import { knownNoun } from './knowledge';
import { singular, USER_WORDS } from './lexicon';
import { resolveKey } from './mentions';
import type { SentenceInfo } from './sentences';
import { isPersonWord } from './nlpEvidence';
import { inferType } from './types';
import { analyze } from './grammar';
import { tagSentence } from './nlp';
import { leadingPhrase } from './phrases';
import { titlesRecords } from './recordLists';

export type PendingList = FieldList;

function targetOf(draft: Draft, key: string, roleWords: Set<string>): string | undefined {
  const entity = draft.entities.find((e) => e.key === key);
  if (entity) return entity.name;
  const head = key.split(' ').pop() ?? '';
  if (findEntity(draft, 'User') && (USER_WORDS.has(head) || roleWords.has(singular(head))) && key.split(' ').length === 1) return 'User';
  return undefined;
}

function subjectOf(draft: Draft, key: string | undefined, roleWords: Set<string>): DraftEntity | undefined {
  if (!key) return undefined;
  const name = resolveKey(draft, key) ?? targetOf(draft, key, roleWords);
  return name ? findEntity(draft, name) : undefined;
}

/**
 * "A time entry has a date, hours and …": the list's subject lost a generic modifier ("time") that
 * the record's name keeps; the one record named by that compound in the sentence is the subject.
 */
function compoundWritten(draft: Draft, key: string | undefined, sentence: SentenceInfo | undefined): DraftEntity | undefined {
  if (!key || !sentence) return undefined;
  const named = draft.entities.filter((e) => e.key.endsWith(` ${key}`) && new RegExp(`\\b${e.key}\\b`).test(sentence.plain));
  if (named.length === 1) return named[0];
  // "… several seat categories. The designation of each category is stored, …": a bare head with no
  // record of its own points back to the one record whose name it ends.
  const ending = key.includes(' ') ? [] : draft.entities.filter((e) => e.key.endsWith(` ${key}`));
  return ending.length === 1 ? ending[0] : undefined;
}

/** The entity a list-introducing sentence is about: the last one it names. */
function leadSubject(draft: Draft, lead: SentenceInfo): DraftEntity | undefined {
  let best: DraftEntity | undefined;
  let bestAt = -1;
  for (const entity of draft.entities) {
    if (entity.name === 'User') continue;
    const words = entity.key.split(' ');
    const last = words.pop()!;
    const pattern = new RegExp(`\\b${[...words, `${last}(?:s|es)?`].join(' ')}\\b`, 'g');
    for (const match of lead.plain.matchAll(pattern)) if (match.index > bestAt) {
      best = entity;
      bestAt = match.index;
    }
  }
  return best;
}

function addItemField(entity: DraftEntity, item: FieldItem, source: number): void {
  let type = item.hint?.type ?? (item.enumValues ? 'enum' : undefined);
  const guess = inferType(item.words, item.context);
  if (!type) type = guess.type;
  const name = item.words.join(' ');
  let words = item.words;
  if (words.length > 2 && words[0] === 'number' && words[1] === 'of') words = countName(words.slice(2));
  else if (words.length > 1 && words[words.length - 1] === 'list') words = words.slice(0, -1);
  // "whether it is a self-service pump" on Pump: the record's own name is not part of the flag.
  const own = entity.key.split(' ');
  if (type === 'boolean' && words.length > own.length && own.every((w, i) => words[words.length - own.length + i] === w)) words = words.slice(0, -own.length);
  const field = addField(
    entity,
    {
      words,
      type,
      enumValues: type === 'enum' ? item.enumValues : undefined,
      required: !item.optional && (item.required || /^(name|title)$/.test(name)),
      unique: item.unique,
      min: item.hint?.min ?? guess.min,
      max: item.hint?.max ?? guess.max,
      unit: guess.unit,
    },
    source,
  );
  if (field) entity.fieldsFromText = true;
}

/** "drivers with first and last names": each driver has one first name (a plural that names records stays a link). */
function oneEach(draft: Draft, item: FieldItem, roleWords: Set<string>): FieldItem {
  return item.plural && !item.quantified && !item.sub && !targetOf(draft, item.key, roleWords) ? singularItem(item) : item;
}

/** "a bank has any number of branches": a link when the branches are records, nothing otherwise. */
function applyRecords(draft: Draft, subject: DraftEntity, items: FieldItem[], source: number, roleWords: Set<string>): void {
  for (const item of items) {
    const target = targetOf(draft, item.key, roleWords);
    if (!target || target === subject.name || target === 'User') continue;
    if (knownNoun(item.key)?.shared) addRelation(draft, { kind: 'manyToMany', from: subject.name, to: target }, source);
    else addRelation(draft, { from: target, to: subject.name, required: true, onDelete: 'cascade' }, source);
    draft.used.add(source);
  }
}

function applyItems(draft: Draft, subject: DraftEntity, items: FieldItem[], source: number, roleWords: Set<string>): void {
  for (const original of items) {
    const linked = unwrapLastWord(draft, original, roleWords, isForeignKeyId);
    const item = unwrapLastWord(draft, linked, roleWords, isLinkingParticiple);
    if (item.value) continue;
    applyItem(draft, subject, item, source, roleWords);
  }
}

/** "post_id", "userId", "customer id": a key written like a foreign key is a link to that record. */
function isForeignKeyId(last: string): boolean {
  return last === 'id';
}

/** ("each work package has one research group assigned to it", "a driver allocated": a record named with a
 *  participle after it is that record, linked; the participle says how it came to be the subject's.) */
function isLinkingParticiple(last: string): boolean {
  return /^(?:assigned|allocated|attached|appointed|selected|chosen|linked)$/.test(last);
}

/** The item without its last word when that word passes the test and the words before it name a record (a plain item, no type hint nor values). */
function unwrapLastWord(draft: Draft, original: FieldItem, roleWords: Set<string>, test: (last: string) => boolean): FieldItem {
  const { words } = original;
  if (words.length < 2 || !test(words[words.length - 1]) || original.hint || original.enumValues) return original;
  const record = words.slice(0, -1);
  return targetOf(draft, record.join(' '), roleWords) ? { ...original, words: record, key: record.join(' ') } : original;
}

/** Values that name or reach a thing ("the name of the company"), kept with that thing's name when it is no record. */
const NAMING_VALUE = /^(?:name|number|address|code|title|email|email address|phone|phone number|id)$/;

/** One item of a list: a link, a child record, a nested group of fields, or a field of the subject. */
function applyItem(draft: Draft, subject: DraftEntity, item: FieldItem, source: number, roleWords: Set<string>): void {
  if (applyCounted(draft, subject, item, source, roleWords)) return;
  const target = targetOf(draft, item.key, roleWords);
  if (item.sub?.length) return applyNested(draft, subject, item, target, source, roleWords);
  if (target && target !== subject.name) return linkTarget(draft, subject, item, target, source);
  if (target === subject.name) return;
  // From here the item names no record by its whole key.
  if (flagOfNamedRecord(draft, subject, item, source)) return;
  if (linkPerson(draft, subject, item, source) || linkByHead(draft, subject, item, source) || linkDescribedRecords(draft, subject, item, source, roleWords)) return;
  if (/^(accounts?|profiles?|password|passwords|id|ids)$/.test(item.key)) return;
  // "a resident enters a name, … and a description of the items": the value of other records named after "of the" is theirs.
  // ("a description of the work" is the subject's own: one thing named so is what the value is about.)
  const owner = item.of && item.ofMany ? targetOf(draft, item.of, roleWords) : undefined;
  const other = owner && owner !== subject.name && owner !== 'User' ? findEntity(draft, owner) : undefined;
  // ("the name of the company" where the company is no record: the companyName, as a developer names it;
  // "a description of the work" stays the description.)
  const named = item.of && !targetOf(draft, item.of, roleWords) && !subject.key.endsWith(item.of) && NAMING_VALUE.test(item.key) ? { ...item, words: [...item.of.split(' '), ...item.words] } : item;
  addItemField(other ?? subject, named, source);
  draft.used.add(source);
}

/**
 * "A station has pumps. It is also noted whether or not it is a self-service fuel pump": a yes/no
 * question that ends with another record's name is a flag of that record (addItemField drops the name).
 */
function flagOfNamedRecord(draft: Draft, subject: DraftEntity | undefined, item: FieldItem, source: number): boolean {
  if (item.hint?.type !== 'boolean' || item.words.length < 2) return false;
  const named = draft.entities.find((e) => e !== subject && e.name !== 'User' && e.key.split(' ').length < item.words.length && item.key.endsWith(` ${e.key}`));
  if (!named) return false;
  // ("a self-service fuel pump" of Pump: "fuel" belongs to the record's name as written, not to the flag.)
  const words = item.words.slice(0, -named.key.split(' ').length);
  const lastTerm = () => tagSentence(`it is ${words.join(' ')}`).at(-1);
  while (words.length > 1 && lastTerm()?.w === words[words.length - 1] && lastTerm()?.pos === 'noun') words.pop();
  addItemField(named, { ...item, words, key: words.join(' ') }, source);
  draft.used.add(source);
  return true;
}

/** A quantity of records is a link to them, never a field; true when the item was one. */
function applyCounted(draft: Draft, subject: DraftEntity, item: FieldItem, source: number, roleWords: Set<string>): boolean {
  // "any number of branches", "several rooms": a link when they are records, never a field.
  // ("several rooms, each with a number" is a record with its own fields: read on.)
  if (item.quantified && !item.sub?.length) {
    applyRecords(draft, subject, [item], source, roleWords);
    return true;
  }
  // "a list of songs" where songs are records: a link to them, as "several songs" is, not a field.
  const listed = /^(?:list|set|collection|selection|series) of (.+)$/.exec(item.key);
  if (listed && item.plural && !item.sub?.length && targetOf(draft, listed[1], roleWords)) {
    applyRecords(draft, subject, [{ ...item, key: listed[1] }], source, roleWords);
    return true;
  }
  // "a number of pumps" where pumps are records says how many of them there are.
  if (item.counts && targetOf(draft, item.counts, roleWords)) {
    applyRecords(draft, subject, [{ ...item, key: item.counts, plural: true }], source, roleWords);
    return true;
  }
  return false;
}

/** An item with its own fields: a child record ("order lines, each with …"), a linked record, or part of the subject. */
function applyNested(draft: Draft, subject: DraftEntity, item: FieldItem, target: string | undefined, source: number, roleWords: Set<string>): void {
  const sub = item.sub!;
  if (item.plural) {
    const child = target ? findEntity(draft, target) : item.each && entityKeyAllowed(item.key) ? addEntity(draft, item.key, source) : undefined;
    if (!child) return;
    if (child && child !== subject && child.name !== 'User') {
      applyItems(draft, child, sub.every((i) => i.plural || i.value) ? sub.map((i) => oneEach(draft, i, roleWords)) : sub, source, roleWords);
      addRelation(draft, { from: child.name, to: subject.name, required: true, onDelete: 'cascade' }, source);
      return;
    }
  } else if (target && target !== subject.name && target !== 'User') {
    applyItems(draft, findEntity(draft, target)!, sub, source, roleWords);
    addRelation(draft, { from: subject.name, to: target, required: true, onDelete: 'restrict' }, source);
    return;
  }
  // "a profile with a display name and a bio": the profile is part of the subject.
  applyItems(draft, subject, sub, source, roleWords);
}

/** An item that names another record (or the users) is a link to it. */
function linkTarget(draft: Draft, subject: DraftEntity, item: FieldItem, target: string, source: number): void {
  if (target === 'User') {
    if (kindsOfPeople(subject, item)) return;
    if (subject.name !== 'User') addRelation(draft, { from: subject.name, to: 'User', name: camelCase(item.key), required: true, onDelete: 'restrict' }, source);
  } else if (item.plural) {
    if (knownNoun(item.key)?.shared) addRelation(draft, { kind: 'manyToMany', from: subject.name, to: target }, source);
    else addRelation(draft, { from: target, to: subject.name, required: true, onDelete: 'cascade' }, source);
  } else addRelation(draft, { from: subject.name, to: target, required: !item.optional, onDelete: item.optional ? 'setNull' : 'restrict' }, source);
  draft.used.add(source);
}

/** "employees (planners and administrative staff)": people listed for a record of people are its kinds (the roles they sign in as), not a link to them. */
function kindsOfPeople(subject: DraftEntity, item: FieldItem): boolean {
  return (item.plural || /^(?:staff|personnel|crew)$/.test(item.words[item.words.length - 1])) && isPersonWord(subject.key.split(' ').pop() ?? '');
}

/** "a reporter and an assignee": people named as fields are links to the users who sign in. */
function linkPerson(draft: Draft, subject: DraftEntity, item: FieldItem, source: number): boolean {
  if (kindsOfPeople(subject, item) && isPersonWord(item.words[item.words.length - 1])) return true;
  if (item.plural || item.hint || item.enumValues || subject.name === 'User' || !isPersonWord(item.words[item.words.length - 1])) return false;
  // ("bikes (brand, frame number, owner)" with customers the only people kept: the owner is one of them.)
  const people = findEntity(draft, 'User') || USER_WORDS.has(item.words[item.words.length - 1]) ? [] : draft.entities.filter((e) => e !== subject && isPersonWord(e.key.split(' ').pop() ?? ''));
  const target = people.length === 1 ? people[0].name : findEntity(draft, 'User') ? 'User' : undefined;
  if (!target) return false;
  addRelation(draft, { from: subject.name, to: target, name: camelCase(item.words.join(' ')), required: !item.optional, onDelete: item.optional ? 'setNull' : 'restrict' }, source);
  draft.used.add(source);
  return true;
}

/** Words that name another record of the same kind ("parent category", "previous version"), not a kind of it ("meal note"). */
const KIN_WORDS = /^(?:parent|previous|next|preceding|following|related|partner|successor|predecessor|superior|mother|original|replacement|linked)$/;

/**
 * "a category has a parent category": after a word that relates two of a kind, the record's own
 * name is a link to another record of its kind (a self-link), not to itself.
 */
function namesAnotherOfItsKind(item: FieldItem, own: DraftEntity): boolean {
  return item.words.length === 2 && KIN_WORDS.test(item.words[0]) && own.key === item.words[1];
}

/** "home team", "away team": an item whose head names another record is a named link to it. */
function linkByHead(draft: Draft, subject: DraftEntity, item: FieldItem, source: number): boolean {
  const last = item.words[item.words.length - 1];
  // "home team" names Team; "a parcel" names the one record whose name ends in parcel (FoodParcel).
  const byHead = draft.entities.filter((e) => e.name !== 'User' && (e !== subject || namesAnotherOfItsKind(item, e)) && (e.key === last || (item.words.length === 1 && e.key.endsWith(` ${last}`))));
  // ("an email address", "a web address": words that type the value as an email or a URL make a field, not a link to Address.)
  // ("the date of purchase", "the time of arrival": a moment before "of" is the value; the word after it names no link.)
  const typedValue = /^(?:email|url)$/.test(inferType(item.words).type) || (item.words.indexOf('of') > 0 && /^(?:date|datetime)$/.test(inferType(item.words).type));
  const headEntity = !item.plural && !item.hint && !item.enumValues && !typedValue && byHead.length === 1 && (item.words.length > 1 || byHead[0].key !== last) ? byHead[0] : undefined;
  if (!headEntity) return false;
  // (The first of its kind has none: a link to its own kind is optional.)
  const optional = item.optional || headEntity === subject;
  addRelation(draft, { from: subject.name, to: headEntity.name, name: item.words.length > 1 ? camelCase(item.words.join(' ')) : undefined, required: !optional, onDelete: optional ? 'setNull' : 'restrict' }, source);
  draft.used.add(source);
  return true;
}

/**
 * "each round containing the winning players", "requisitions with repeated tests", "a deck of cards"
 * (decks being records): records named with words that only say which ones (an adjective, a participle,
 * a number; no noun, which would name a kind of value: "delivery addresses"), or a record that holds
 * others, are a link to that record, never a value named after it.
 */
function linkDescribedRecords(draft: Draft, subject: DraftEntity, item: FieldItem, source: number, roleWords: Set<string>): boolean {
  if (item.hint || item.enumValues || item.words.length < 2) return false;
  const of = item.words.indexOf('of');
  const holder = of > 0 ? targetOf(draft, item.words.slice(0, of).join(' '), roleWords) : undefined;
  if (holder && holder !== subject.name && holder !== 'User') {
    addRelation(draft, { from: subject.name, to: holder, required: !item.optional, onDelete: item.optional ? 'setNull' : 'restrict' }, source);
    draft.used.add(source);
    return true;
  }
  if (!item.plural || of >= 0) return false;
  const target = targetOf(draft, singular(item.words[item.words.length - 1]), roleWords);
  if (!target || target === subject.name || target === 'User') return false;
  const terms = tagSentence(`the ${item.words.join(' ')}`).slice(1, -1);
  if (terms.length !== item.words.length - 1 || terms.some((t) => t.pos === 'noun')) return false;
  linkTarget(draft, subject, { ...item, key: singular(item.words[item.words.length - 1]) }, target, source);
  return true;
}

/**
 * "Each order refers to one product. It must include the quantity and …": the record the sentence
 * before is about (its subject; back over more "it"/"they" sentences).
 */
function previousSubject(draft: Draft, sentences: SentenceInfo[], id: number, roleWords: Set<string>): DraftEntity | undefined {
  for (let i = id - 1; i >= 0 && i >= id - 3; i--) {
    const before = sentences[i];
    if (!before || before.heading) return undefined;
    // ("Each order is uniquely identifiable": no clause the grammar reads, but the phrase it starts with.)
    // ("I employ drivers and planners. I store their names": a sentence the writer is the subject of
    // is about its object, also after a lead-in: "The minutes say: I employ …".)
    const writer = /^(?:[^:]*:\s*)?((?:i|we)\s.*)$/.exec(before.plain)?.[1];
    const said = writer ? analyze(writer).clauses[0] : undefined;
    const object = said && !said.subject ? [...said.objects].reverse().map((o) => subjectOf(draft, o.key, roleWords)).find((e) => e) : undefined;
    if (object) return object.name === 'User' ? undefined : object;
    // ("The ticket for each flight is stored as …" is about the ticket, which the grammar reads as a
    // modifier of the flight: a record before "for each" is the subject.)
    const forEach = /^(?:the|each|every|a|an) (?:\([^()]*\) )?([a-z][a-z -]*?) for (?:each|every) [a-z]/.exec(before.plain);
    const owner = forEach ? subjectOf(draft, forEach[1], roleWords) : undefined;
    if (owner && owner.name !== 'User') return owner;
    const subject = analyze(before.plain).clauses[0]?.subject?.key ?? leadingPhrase(before.plain)?.key;
    if (!subject) return undefined;
    if (/^(?:it|they|them|this|these)$/.test(subject)) continue;
    // ("A daily price is identified by a date. The price per liter is also noted": the grammar keeps
    // the head, "price"; the record is the one that compound names in that sentence.)
    const entity = subjectOf(draft, subject, roleWords) ?? compoundWritten(draft, subject, before);
    return entity?.name === 'User' ? undefined : entity;
  }
  return undefined;
}

/**
 * The record a list without a subject is about: the one the sentence before is about, unless the
 * list states values of a field ("The difficulty is either easy, medium or hard") that record lacks
 * and exactly one other record has.
 */
function pronounSubject(draft: Draft, sentences: SentenceInfo[], list: PendingList, roleWords: Set<string>): DraftEntity | undefined {
  const before = previousSubject(draft, sentences, list.sentence, roleWords);
  const previous = list.person && before && !isPersonWord(before.key.split(' ').pop() ?? '') ? undefined : before;
  const item = list.items.length === 1 && list.items[0].enumValues ? list.items[0] : undefined;
  if (!item) return list.existingField ? undefined : previous;
  const name = camelCase(item.words.join(' '));
  const has = (e: DraftEntity) => e.fields.some((f) => f.name === name);
  if (previous && has(previous)) return previous;
  const owners = draft.entities.filter((e) => e.name !== 'User' && has(e));
  if (owners.length === 1) return owners[0];
  return list.existingField ? undefined : previous;
}

/**
 * "The scoring table consists of rounds, with each round containing a date and a score": when the
 * list's subject is no record, the values each named record has are still that record's.
 */
function eachRecordsOwnValues(draft: Draft, list: PendingList, roleWords: Set<string>): void {
  for (const item of list.items) {
    const target = item.each && item.sub?.length ? targetOf(draft, item.key, roleWords) : undefined;
    const record = target && target !== 'User' ? findEntity(draft, target) : undefined;
    if (record) applyItems(draft, record, item.sub!.every((i) => i.plural || i.value) ? item.sub!.map((i) => oneEach(draft, i, roleWords)) : item.sub!, list.sentence, roleWords);
  }
}

/** An item that names a record by its whole key or by its head ("a personal account" where accounts are records). */
function namesRecord(draft: Draft, item: FieldItem, roleWords: Set<string>): boolean {
  const head = item.key.split(' ').pop();
  return !!targetOf(draft, item.key, roleWords) || draft.entities.some((e) => e.name !== 'User' && e.key === head);
}

export function applyFieldLists(draft: Draft, lists: PendingList[], sentences: SentenceInfo[], roleWords: Set<string>): void {
  for (const list of lists) {
    const lead = list.leadId !== undefined ? sentences[list.leadId] : undefined;
    // "Bike rental: bikes, stations, rentals": the records the app is made of, not parts of one.
    if (!lead && titlesRecords(list, sentences[list.sentence])) continue;
    const subject = lead ? leadSubject(draft, lead) : list.pronoun ? pronounSubject(draft, sentences, list, roleWords) : subjectOf(draft, list.subject, roleWords) ?? compoundWritten(draft, list.subject, sentences[list.sentence]);
    // (A question that names its record needs no record before it: "… whether it is a self-service pump".)
    if (!subject && list.pronoun) for (const item of list.items) flagOfNamedRecord(draft, undefined, item, list.sentence);
    if (!subject) {
      eachRecordsOwnValues(draft, list, roleWords);
      continue;
    }
    // ("Recipes have a title and ingredients": a plural among singulars is a list of each recipe.)
    const oneOfEach = list.manyOwners && list.items.every((i) => i.plural || i.value);
    const whole = subjectOf(draft, list.whole, roleWords);
    // Records listed after the parts' values are parts of the whole too ("… drivers with names and vehicles").
    const parts = whole && whole !== subject ? list.items.filter((i) => i.plural && !i.sub && targetOf(draft, i.key, roleWords) && targetOf(draft, i.key, roleWords) !== subject.name) : [];
    if (whole) applyRecords(draft, whole, parts, list.sentence, roleWords);
    const own = list.items.filter((i) => !parts.includes(i) && (!list.condition || namesRecord(draft, i, roleWords)));
    // ("tutoring in different subjects (e.g. mathematics, science)": examples of the records, no values; they are names of them.)
    if (own.length && own.every((i) => i.value)) (subject.namedByExamples ??= new Set()).add(list.sentence);
    applyItems(draft, subject, oneOfEach ? own.map((i) => oneEach(draft, i, roleWords)) : own, list.sentence, roleWords);
    if (lead) draft.used.add(lead.id);
  }
}
