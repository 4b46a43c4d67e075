// Refusals of a record or a person in a state: "a closed issue cannot be edited", "a suspended
// member can't book a room". The state named anywhere in the clause ("nobody can change an archived
// project") is read in refuseStateAnywhere.ts.
import type { RuleCondition } from '../../../model/project/projectSpec';
import type { DraftEntity, DraftField } from '../draft';
import { addOrNote, fieldIn, isPeople, lastRecordIn, mentionsIn, note, type Mention, type RuleContext, isTimeField } from './context';
import { belongsTo, relationTo, rowOf } from './links';
import { isActionVerb, stripArticles, verbLemma, withoutSignIn, wordsOf } from './words';
import { clausePlain, conditionsFor, message, NEG, noState, refuse, stateCondition, verbList, VERBS } from './refuseConditions';
import { guarded } from '../guardedRegExp';

/** "a closed issue cannot be edited or commented on", "lessons that are marked as given can't be deleted", "… can't be deleted once paid". */
export function refuseInState(ctx: RuleContext): boolean {
  const plain = clausePlain(ctx);
  const phrase = statePhrase(ctx, plain);
  if (!phrase?.entity || !phrase.state) return false;
  const { entity, state, verbs } = phrase;
  if (/^(same|other|new one|own|single|two)$/.test(state)) return false;
  // "a full class can't be booked" is a capacity (capacity.ts), not a stored state.
  if (/^(full|fully booked|sold out|overbooked|booked up)$/.test(state)) return false;
  const label = plain.slice(0, 140);
  // A person in a state who can't act is refuseActor's ("a suspended member can't book").
  if (isPeople(ctx, [entity.key.split(' ').pop() ?? '']) && !verbs.some((v) => /ed$|en$/.test(v))) return false;
  const conditions = conditionsFor(ctx, entity, state);
  if (!conditions.length) {
    noState(ctx, entity, state, label);
    return true;
  }
  for (const condition of conditions) refuse(ctx, entity, verbs, condition, label);
  return true;
}

/** The record, its state and the refused verbs, as the clause phrases them; the record may be missing when no record type is named. */
interface StatePhrase {
  entity?: DraftEntity;
  state?: string;
  verbs: string[];
}

/** "once an order is shipped, it can no longer be changed" (the record, the state, the verbs). */
const STATE_LEADING = guarded(new RegExp(String.raw`^(?:once|after|when|as soon as)\s+(?:a|an|the|any)?\s*([a-z][a-z -]{1,30}?)\s+(?:is|are|has been|have been|gets|get|was|were|has|have)\s+(?:already\s+|marked as\s+|set to\s+)?([a-z][a-z -]{0,20}?),?\s+(?:it|they|the [a-z ]+?)\s+${NEG}\s+be\s+${VERBS}`));

/** "orders that are shipped can't be edited" (the record, the state, the verbs). */
const STATE_RELATIVE = guarded(new RegExp(String.raw`^(?:.*?\b)?([a-z][a-z -]{1,30}?)\s+(?:that|which|who)\s+(?:are|is|have been|has been|were|was)\s+(?:already\s+|still\s+)?(?:marked as\s+|set to\s+|in\s+|in status\s+)?([a-z][a-z -]{0,20}?)\s+${NEG}\s+be\s+${VERBS}`));

/** "an order can't be edited once it is shipped" (the words before, the verbs, the state). */
const STATE_ONCE = guarded(new RegExp(String.raw`^(.*?)\s+${NEG}\s+be\s+${VERBS}\s+(?:once|after|when|if|while|as soon as)\s+(?:it|they)?\s*(?:is|are|has been|have been|'s|gets|get|got|was|were|has|have)?\s*(?:already\s+|been\s+|marked as\s+|set to\s+)?([a-z][a-z -]{0,20}?)$`));

/** "a paid invoice can't be edited" (the state and record words, the verbs). */
const STATE_ADJECTIVE = guarded(new RegExp(String.raw`\b(?:a|an|the|any)\s+([a-z][a-z -]{1,50}?)\s+${NEG}\s+be\s+${VERBS}`));

/** "paid invoices must not be edited" at the start of the clause. */
const STATE_ADJECTIVE_BARE = guarded(new RegExp(String.raw`^([a-z]+(?:[ -][a-z]+){1,3})\s+${NEG}\s+be\s+${VERBS}`));

const FROZEN = guarded(/^(?:(?:a|an|the|any)\s+)?([a-z][a-z -]{1,30}?)\s+(?:is|are|becomes?|gets?)\s+(?:read-only|locked|frozen)(?:\s+(?:once|when|after|as soon as)\s+(?:it is|it's|they are|it has been|they have been|it gets)?\s*([a-z][a-z -]{0,20}))?$/);

const FROZEN_AFTER = guarded(/^(?:once|after|when|as soon as)\s+(?:(?:a|an|the|any)\s+)?([a-z][a-z -]{1,30}?)\s+(?:is|are|has been|have been|gets|get|was|were|has|have)\s+(?:already\s+|marked as\s+|set to\s+)?([a-z][a-z-]*(?: [a-z]+)?),?\s+(?:it|they)\s+(?:is|are|becomes?|gets?)\s+(?:read-only|locked|frozen)$/);

/** The phrasings, the most specific first; "read-only", "locked" and "frozen" refuse editing and deleting. */
function statePhrase(ctx: RuleContext, plain: string): StatePhrase | undefined {
  const frozenAfter = FROZEN_AFTER.exec(plain);
  if (frozenAfter) return { entity: lastRecordIn(ctx, frozenAfter[1])?.entity, state: frozenAfter[2], verbs: ['edited', 'deleted'] };
  // "once an order is shipped, it can no longer be changed".
  const leading = STATE_LEADING.exec(plain);
  if (leading) return { entity: lastRecordIn(ctx, leading[1])?.entity, state: leading[2], verbs: verbList(leading[3]) };
  // "closed tickets are read-only"; "a report is locked once it is approved".
  const frozen = FROZEN.exec(plain);
  if (frozen) return frozenRecord(ctx, frozen[1], frozen[2]);
  const relative = STATE_RELATIVE.exec(plain);
  if (relative) return { entity: lastRecordIn(ctx, relative[1])?.entity, state: relative[2], verbs: verbList(relative[3]) };
  const once = STATE_ONCE.exec(plain);
  if (once) return { entity: lastRecordIn(ctx, once[1])?.entity, state: once[3], verbs: verbList(once[2]) };
  // "a paid invoice can't be …", and bare plurals at the start: "paid invoices must not be …".
  const adjective = STATE_ADJECTIVE.exec(plain) ?? STATE_ADJECTIVE_BARE.exec(plain);
  if (adjective) return adjectiveRecord(ctx, adjective[1], verbList(adjective[2]));
  return undefined;
}

/** The record named last in a subject ("closed tickets"), not the sign-in user. */
function recordAtEnd(ctx: RuleContext, ws: string[]): Mention | undefined {
  return mentionsIn(ctx, ws).filter((m) => m.end === ws.length - 1 && m.entity.name !== 'User').pop();
}

/** "closed tickets are read-only": the state is the tail clause's ("… once it is approved") or else the words before the record. */
function frozenRecord(ctx: RuleContext, subject: string, after: string | undefined): StatePhrase | undefined {
  const ws = wordsOf(subject);
  const found = recordAtEnd(ctx, ws);
  if (!found) return undefined;
  const state = after ?? ws.slice(0, found.start).filter((w) => !/^(already|still)$/.test(w)).join(' ');
  return { entity: found.entity, state, verbs: ['edited', 'deleted'] };
}

/** "a closed issue": the entity is the longest name at the end, the state the (at most three, plain) words before it. */
function adjectiveRecord(ctx: RuleContext, subject: string, verbs: string[]): StatePhrase | undefined {
  const ws = wordsOf(subject);
  const found = recordAtEnd(ctx, ws);
  if (!found) return undefined;
  const before = ws.slice(0, found.start).filter((w) => !/^(already|still|fully)$/.test(w));
  if (!before.length || before.length > 3 || before.some((w) => /^(of|the|a|an|with|in|on|for|by|and|or|that|which|who|their|its|all|some|any|no|other|same|own)$/.test(w))) return undefined;
  return { entity: found.entity, state: before.join(' '), verbs };
}

/** The condition on a person a phrase names: "suspended", "with unpaid fees", "whose membership has ended". */
function personCondition(person: DraftEntity, words: { state?: string; with?: string[]; whose?: string[]; ended?: boolean }): { field: DraftField; op: RuleCondition['op']; value?: string | number | boolean } | undefined {
  if (words.state) return stateCondition(person, words.state);
  if (words.with?.length) {
    const ws = words.with;
    const neg = /^un/.test(ws[0]) ? ws[0].slice(2) : undefined;
    const numeric = fieldIn(person, ws, 1.8, (f) => f.type === 'integer' || f.type === 'decimal' || f.type === 'money');
    if (numeric) return { field: numeric, op: 'gt', value: 0 };
    const bool = fieldIn(person, ws, 2.5, (f) => f.type === 'boolean');
    if (bool) return { field: bool, op: 'eq', value: true };
    if (neg) {
      const positive = fieldIn(person, [...ws.slice(1), neg], 1.8, (f) => f.type === 'boolean') ?? fieldIn(person, [neg], 2.5, (f) => f.type === 'boolean');
      if (positive) return { field: positive, op: 'eq', value: false };
    }
    return undefined;
  }
  if (words.whose?.length) {
    const ws = words.whose;
    const times = person.fields.filter(isTimeField);
    const end = times.find((f) => /end|expir|until|valid/i.test(f.name) && (ws.some((w) => f.name.toLowerCase().includes(w)) || times.filter((t) => /end|expir|until|valid/i.test(t.name)).length === 1));
    if (words.ended && end) return { field: end, op: 'past' };
    const state = stateCondition(person, ws.join(' '));
    if (state) return state;
  }
  return undefined;
}

/** "a suspended member can't book a room" (the words before, the actor, the verb, the rest). */
const REFUSED_ACTOR = guarded(new RegExp(String.raw`^(.*?)\b(?:(?:a|an|the|any)\s+)?([a-z][a-z -]{0,40}?)\s+${NEG}\s+(?!be\b)([a-z]+)(?:\s+(?:up|in|out))?\s*(.*)$`));

/** "a suspended member can't book a room", "members with unpaid fees cannot borrow", "a member whose membership has ended can't book anything". */
export function refuseActor(ctx: RuleContext): boolean {
  const plain = withoutSignIn(clausePlain(ctx));
  const m = REFUSED_ACTOR.exec(plain);
  if (!m) return false;
  const subject = `${m[1]} ${m[2]}`.trim();
  let words: { state?: string; with?: string[]; whose?: string[]; ended?: boolean } | undefined;
  let personWords: string[];
  const whose = /^(.*?)\s+whose\s+([a-z][a-z -]{0,30}?)\s+(?:has|have|is|are|was)\s+(?:already\s+)?(ended|expired|lapsed|run out|passed|finished|been cancelled|cancelled|[a-z]+)$/.exec(subject);
  const withPart = /^(.*?)\s+(?:with|who have|who has|that have|having)\s+(?:an?\s+|any\s+)?([a-z][a-z -]{0,30})$/.exec(subject);
  if (whose) {
    personWords = stripArticles(wordsOf(whose[1]));
    words = { whose: wordsOf(whose[2]), ended: /ended|expired|lapsed|run out|passed|finished/.test(whose[3]) };
  } else if (withPart) {
    personWords = stripArticles(wordsOf(withPart[1]));
    words = { with: wordsOf(withPart[2]) };
  } else {
    const ws = stripArticles(wordsOf(subject));
    if (ws.length < 2) return false;
    personWords = ws.slice(-1);
    const state = ws.slice(0, -1).filter((w) => !/^(already|still)$/.test(w));
    if (!state.length || state.length > 2 || state.some((w) => isActionVerb(w) && !/ed$/.test(w))) return false;
    words = { state: state.join(' ') };
  }
  if (!isPeople(ctx, personWords) || /^(nobody|anyone|no one)$/.test(personWords.join(' '))) return false;
  if (!isActionVerb(m[3]) || /^(see|view|read|access|look)$/.test(verbLemma(m[3]))) return false;
  const person = mentionsIn(ctx, personWords).pop();
  const label = plain.slice(0, 140);
  if (!person) {
    note(ctx, `Looks like a refusal for ${personWords.join(' ')} (${label}), but they are not a record type or a sign-in role.`);
    return true;
  }
  const object = mentionsIn(ctx, m[4]).filter((x) => x.entity.name !== 'User').shift();
  // The row the verb makes ("book a class" -> Booking); else the object itself when it belongs to the person ("place an order").
  const made = rowOf(ctx, m[3], object ? [person.entity, object.entity] : [person.entity]);
  const madeLinks = made && made !== object?.entity && belongsTo(ctx, made, person.entity).length > 0;
  const row = madeLinks ? made : object && belongsTo(ctx, object.entity, person.entity).length ? object.entity : made;
  const rel = row ? relationTo(ctx, row, person, personWords) : undefined;
  if (!row || !rel) {
    note(ctx, `Looks like ${personWords.join(' ')} in some state may not ${m[3]} (${label}), but no record type links what they ${m[3]} to them.`);
    return true;
  }
  const condition = personCondition(person.entity, words);
  if (!condition) {
    const what = words.state ?? words.with?.join(' ') ?? words.whose?.join(' ') ?? '';
    note(ctx, `Looks like ${personWords.join(' ')} may not ${m[3]} while ${what} (${label}), but ${person.entity.name} has no field that says so.`, what && person.entity.name !== 'User' ? [] : []);
    return true;
  }
  condition.field.sources.add(ctx.sentence.id);
  addOrNote(ctx, { kind: 'refuseWhen', entity: row.name, actions: ['create'], condition: { relation: rel.name, field: condition.field.name, op: condition.op, ...(condition.value !== undefined ? { value: condition.value } : {}) }, message: message(ctx), sources: [ctx.sentence.id] }, label);
  return true;
}

