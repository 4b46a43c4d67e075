// Sentences that add to the model, read by the extractor's own field-list and relation readers on
// the draft of the current spec: "add a phone number to members", "members need a phone number",
// "bookings need a status: pending, confirmed or cancelled", "add reviews with a rating and a
// comment to books", "members can have many addresses", "add suppliers with a name and an email".
import { addEntity, addRelation, findEntity, type DraftEntity } from '../extract/draft';
import { entityKeyAllowed } from '../extract/entities';
import type { FieldItem } from '../extract/fieldItem';
import { findFieldLists, parseItems, type FieldList } from '../extract/fields';
import { applyFieldLists } from '../extract/applyFields';
import { findRelations } from '../extract/relations';
import { singular, USER_WORDS } from '../extract/lexicon';
import type { SentenceInfo } from '../extract/sentences';
import type { ProjectSpec } from '../../model/project/projectSpec';
import { entityKey, type ChangeDraft } from './changeDraft';
import { entityList, entityNamed } from './names';

/** "a status: pending, confirmed or cancelled" -> "a status (pending, confirmed, cancelled)": the values as the item reader reads them. */
export function valuesInParentheses(text: string): string {
  return text.replace(VALUE_LIST, (_all, name: string, values: string) => `${name} (${values.replace(/\s*,?\s+(?:or|and)\s+/g, ', ')})`);
}

/** "status: pending, confirmed or cancelled" up to the sentence's end (a list of single words). */
const VALUE_LIST = /\b([a-z][a-z -]{0,40}?)\s*:\s*([a-z][a-z_-]*(?:\s*,\s*(?:or\s+|and\s+)?[a-z][a-z_-]*|\s+or\s+[a-z][a-z_-]*)+)(?=\s*(?:[.!;]|$))/gim;

/** "a rating between 1 and 5" -> "a rating (1-5)": the bounds where the item reader reads them. */
const boundsInParentheses = (text: string): string => text.replace(/\s+(?:between|from)\s+(-?\d+)\s+(?:and|to)\s+(-?\d+)\b/g, ' ($1-$2)');

const ADD = /^(?:please\s+)?(?:also\s+)?(?:add|include|store|record|track|keep|introduce|create)\s+(.+)$/;
const TARGET_PREP = /\s(?:to|on|for|in)\s+(?:the\s+|all\s+|each\s+|every\s+|a\s+|an\s+)?/g;
const MANY = /^(?:(?:a|an|each|every|the)\s+)?(.+?)\s+(?:can\s+|may\s+|will\s+)?(?:has|have|hold|holds|contain|contains)\s+(?:many|several|multiple|one or more|any number of|a list of|some)\s+(.+?)[.!]?$/;

export interface AdditionResult {
  /** What the sentence adds, for the draft's readers. */
  lists: FieldList[];
  /** Why an addition could not be read against the spec (an unknown entity). */
  reason?: string;
}

/** The key the draft knows an existing entity by. */
const draftKey = (spec: ProjectSpec, phrase: string): string | undefined => {
  const entity = entityNamed(spec, phrase);
  return entity ? entityKey(entity.name) : undefined;
};

/** "add <items> to <entity>": the last "to/on/for <entity>" that names one. */
function readAddTo(spec: ProjectSpec, sentence: SentenceInfo, what: string): AdditionResult | undefined {
  const cuts = [...what.matchAll(TARGET_PREP)].reverse();
  for (const cut of cuts) {
    const key = draftKey(spec, what.slice(cut.index + cut[0].length).replace(/[.!]+$/, ''));
    if (key) return { lists: [{ sentence: sentence.id, subject: key, items: parseItems(boundsInParentheses(what.slice(0, cut.index))) }] };
  }
  const last = cuts[0];
  if (!last) return undefined;
  const named = what.slice(last.index + last[0].length).replace(/[.!]+$/, '');
  // "add a link to the website": a phrase after "to" that is not an entity may be part of the item.
  return /^[a-z]+(?:\s[a-z]+)?$/.test(named) && !parseItems(what.slice(0, last.index)).every((i) => i.sub?.length || i.plural)
    ? { lists: [], reason: `There is no entity called "${named}" in this project (entities: ${entityList(spec)}).` }
    : undefined;
}

/** "add suppliers with a name and an email", "add a Supplier entity with name, email": new records. */
function readNewRecords(cd: ChangeDraft, sentence: SentenceInfo, what: string): AdditionResult {
  const items = parseItems(boundsInParentheses(what.replace(/\s(?:entity|entities|record|records|table|tables|model)\b/g, '')));
  const lists: FieldList[] = [];
  for (const item of items) {
    const entity = newRecord(cd, item, sentence.id);
    if (entity) lists.push({ sentence: sentence.id, subject: entity.key, items: item.sub ?? [] });
  }
  return { lists };
}

function newRecord(cd: ChangeDraft, item: FieldItem, id: number): DraftEntity | undefined {
  if (findEntity(cd.draft, item.key) || USER_WORDS.has(item.key) || cd.roleWords.has(singular(item.key)) || !entityKeyAllowed(item.key)) return undefined;
  return addEntity(cd.draft, item.key, id);
}

/** "members can have many addresses": a has-many link, to a new record when the spec has none of that name. */
function readHasMany(spec: ProjectSpec, cd: ChangeDraft, sentence: SentenceInfo): boolean {
  const m = MANY.exec(sentence.plain);
  const owner = m && entityNamed(spec, m[1]);
  if (!m || !owner) return false;
  const many = parseItems(m[2]);
  for (const item of many) {
    const child = findEntity(cd.draft, draftKey(spec, item.key) ?? item.key) ?? newRecord(cd, item, sentence.id);
    if (!child || child.name === owner.name) continue;
    addRelation(cd.draft, { from: child.name, to: owner.name, required: true, onDelete: 'cascade' }, sentence.id);
    if (item.sub?.length) applyFieldLists(cd.draft, [{ sentence: sentence.id, subject: child.key, items: item.sub }], sentencesById([sentence]), cd.roleWords);
  }
  return true;
}

export const sentencesById = (sentences: SentenceInfo[]): SentenceInfo[] => {
  const byId: SentenceInfo[] = [];
  for (const s of sentences) byId[s.id] = s;
  return byId;
};

/** Declarative lists ("members need a phone number"): subjects resolved against the spec, or new records. */
function readStatedLists(spec: ProjectSpec, cd: ChangeDraft, sentence: SentenceInfo): FieldList[] {
  const normalised = { ...sentence, plain: valuesInParentheses(sentence.plain), text: valuesInParentheses(sentence.text) };
  const lists: FieldList[] = [];
  for (const list of findFieldLists(normalised, false)) {
    if (!list.subject) continue;
    const key = draftKey(spec, list.subject) ?? newRecord(cd, { key: list.subject } as FieldItem, sentence.id)?.key;
    if (key) lists.push({ ...list, subject: key });
  }
  return lists;
}

/** Reads what the sentence adds into the draft; the reason when it names an entity the spec lacks. */
export function readAdditions(spec: ProjectSpec, cd: ChangeDraft, sentence: SentenceInfo): string | undefined {
  const byId = sentencesById([sentence]);
  if (readHasMany(spec, cd, sentence)) return undefined;
  const add = ADD.exec(sentence.plain.replace(/[.!]+$/, ''));
  const result = add ? (readAddTo(spec, sentence, add[1]) ?? readNewRecords(cd, sentence, add[1])) : { lists: readStatedLists(spec, cd, sentence) };
  if (result.reason) return result.reason;
  // Nested lists ("reviews with a rating and a comment"): the reviews are a new record of their own.
  for (const list of result.lists) for (const item of list.items) if (item.plural && item.sub?.length) newRecord(cd, item, sentence.id);
  applyFieldLists(cd.draft, result.lists, byId, cd.roleWords);
  if (!add) findRelations(cd.draft, [sentence], cd.roleWords);
  return undefined;
}
