// Refusals: "a closed ticket cannot be edited", "an invoice can't be deleted once paid", "lessons
// that are marked as given can't be deleted", "a suspended member can't book a room", "members with
// unpaid fees cannot borrow", "nobody can book a class that has already started", "products past
// their best-before date can't be put in a parcel", "can be cancelled only while it is still new".
// Time margins ("up to 2 hours before") cannot be expressed and are said so.
import type { RuleCondition, Suggestion, WriteAction } from '../../../model/project/projectSpec';
import { addField, type DraftEntity, type DraftField } from '../draft';
import { addOrNote, fieldIn, isPeople, lastRecordIn, locateField, mentionsIn, note, type Mention, type RuleContext, isTimeField } from './context';
import { belongsTo, pickRelation, relationTo, rowOf } from './links';
import { timeFields } from './noOverlap';
import { stateValue, workflowOrder } from './workflow';
import { an, actionsOf, isActionVerb, parseNumber, stripArticles, verbLemma, withoutSignIn, wordsOf } from './words';

const NEG = String.raw`(?:cannot|can't|can not|cant|may not|must not|mustn't|should not|shouldn't|shouldnt|is not allowed to|are not allowed to|(?:it is|it's) not (?:allowed|possible|permitted) to|(?:is|are) not permitted to|can no longer|must never|may never|can never|won't|will not|shall not)`;
const PARTICIPLE = String.raw`[a-z]+(?:ed|en|t|ne)`;
const VERBS = String.raw`(${PARTICIPLE}(?:\s+on)?(?:\s*(?:,|or|and|nor)\s*(?:be\s+)?${PARTICIPLE}(?:\s+on)?)*)`;

/** The state "closed" as a condition on `entity`: an enum value, a yes/no field or a filled-in date. */
export function stateCondition(entity: DraftEntity, state: string): { field: DraftField; op: RuleCondition['op']; value?: string | number | boolean } | undefined {
  const value = stateValue(state);
  if (!value) return undefined;
  const negative = /^(un|in|non|not_)/.exec(value);
  for (const f of entity.fields) if (f.type === 'enum' && f.enumValues?.includes(value)) return { field: f, op: 'eq', value };
  const words = value.split('_');
  const bool = fieldIn(entity, words, 2.5, (f) => f.type === 'boolean') ?? fieldIn(entity, ['is', ...words], 2.5, (f) => f.type === 'boolean');
  if (bool) return { field: bool, op: 'eq', value: true };
  if (negative) {
    // "unpaid" with a yes/no "paid", "inactive" with "active".
    const positive = value.slice(negative[0].length).split('_');
    const f = fieldIn(entity, positive, 2.5, (x) => x.type === 'boolean') ?? fieldIn(entity, ['is', ...positive], 2.5, (x) => x.type === 'boolean');
    if (f) return { field: f, op: 'eq', value: false };
  }
  // "returned" with an empty-until-then "return date" / "returned at".
  const stem = words.map((w) => w.replace(/(?:ed|d)$/, ''));
  const optionalTime = (f: DraftField) => isTimeField(f) && !f.required;
  const dated = fieldIn(entity, [...words, 'at'], 2.5, optionalTime) ?? fieldIn(entity, [...stem, 'date'], 2.5, optionalTime);
  if (dated) return { field: dated, op: 'notEmpty' };
  return undefined;
}

const STARTS = /^(?:started|begun|began|start|starts|begins|beginning|check in|checked in|arrival|arrived|kick off|kicked off|pick up|picked up|departure|departed)$/;
const ENDS = /^(?:ended|finished|over|end|ends|check out|checked out|return|returned|drop off|dropped off|deadline|due date|expiry|expired)$/;

/**
 * A state that is a moment of the record ("after check-in", "once it has started", "after the
 * deadline"): its date or time has passed. A record that starts or ends with no time of its own
 * gets the start (or end) time the rule needs.
 */
export function timeState(ctx: RuleContext, entity: DraftEntity, state: string, add = true): { field: DraftField; op: RuleCondition['op'] } | undefined {
  const ws = wordsOf(state.replace(/-/g, ' ')).filter((w) => !/^(?:the|its|their|a|an|his|her|already|been|has|have|is|are)$/.test(w));
  if (!ws.length || ws.length > 3 || entity.name === 'User') return undefined;
  const joined = ws.join(' ');
  const starts = STARTS.test(joined);
  const ends = ENDS.test(joined);
  if (!starts && !ends) {
    const named = fieldIn(entity, ws, 1.8, isTimeField);
    return named ? { field: named, op: 'past' } : undefined;
  }
  const t = timeFields(entity);
  const named = fieldIn(entity, ws, 1.8, isTimeField);
  if (named) return { field: named, op: 'past' };
  if (starts && t.start) return { field: t.start, op: 'past' };
  if (ends && t.end) return { field: t.end, op: 'past' };
  // Only a plain start or end is added; "returned" or "expired" may be a state of its own.
  if (!add || !/^(?:started|begun|began|start|starts|begins|ended|finished|over|end|ends)$/.test(joined)) return undefined;
  const field = addField(entity, { words: starts ? ['start', 'time'] : ['end', 'time'], type: 'datetime' }, ctx.sentence.id);
  return field ? { field, op: 'past' } : undefined;
}

/** Moments named by a noun or a start/end verb: their time passing is the state ("after check-in", "once it has started"). */
const MOMENT = /^(?:started|begun|began|start|starts|begins|beginning|check in|arrival|kick off|departure|ended|finished|over|end|ends|check out|deadline|due date|expiry)$/;

/** The condition a state names: a stored value first, a moment's time for moments, else the yes/no field it needs. */
function conditionFor(ctx: RuleContext, entity: DraftEntity, state: string, flag = true): NonNullable<ReturnType<typeof stateCondition>> | undefined {
  const moment = MOMENT.test(wordsOf(state.replace(/-/g, ' ')).filter((w) => !/^(?:the|its|their|already|been|has|have|is|are)$/.test(w)).join(' '));
  const stored = () => stateCondition(entity, state);
  const time = () => timeState(ctx, entity, state);
  return (moment ? time() ?? stored() : stored() ?? time()) ?? (flag ? stateFlag(ctx, entity, state) : undefined);
}

/** The refusal text shown to the user: the clause, as a sentence. */
function message(ctx: RuleContext): string {
  const text = ctx.clause.text.replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, '');
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return (/[.!?]$/.test(sentence) ? sentence : `${sentence}.`).slice(0, 300);
}

/** Adds one refusal per entity the verbs act on: the entity itself, or a child the verb makes ("commented on" -> Comment). */
function refuse(ctx: RuleContext, entity: DraftEntity, verbs: string[], condition: { field: DraftField; op: RuleCondition['op']; value?: string | number | boolean }, label: string): void {
  const own: WriteAction[] = [];
  const children: Array<{ child: DraftEntity; relation: string }> = [];
  for (const verb of verbs) {
    const actions = actionsOf([verb], 'refusal').filter((a): a is WriteAction => a !== 'read');
    // "a closed room can't be booked": booking makes a row under the room; a room is not created closed.
    const made = actions.includes('create') && !/^(?:create|add|make|enter|record|register|open|import|write|post|upload)$/.test(verbLemma(verb)) ? rowOf(ctx, verb, [entity]) : undefined;
    const madeRel = made && made !== entity ? belongsTo(ctx, made, entity)[0] : undefined;
    if (made && madeRel) {
      children.push({ child: made, relation: madeRel.name });
      actions.filter((a) => a !== 'create').forEach((a) => !own.includes(a) && own.push(a));
      continue;
    }
    if (actions.length) {
      actions.forEach((a) => !own.includes(a) && own.push(a));
      continue;
    }
    // "commented on": the row the verb makes under the entity.
    const row = rowOf(ctx, verb, [entity]);
    const rel = row && row !== entity ? belongsTo(ctx, row, entity)[0] : undefined;
    if (row && rel) children.push({ child: row, relation: rel.name });
  }
  const cond = (relation?: string): RuleCondition => ({ ...(relation ? { relation } : {}), field: condition.field.name, op: condition.op, ...(condition.value !== undefined ? { value: condition.value } : {}) });
  condition.field.sources.add(ctx.sentence.id);
  if (own.length) {
    const order: WriteAction[] = ['create', 'update', 'delete'];
    addOrNote(ctx, { kind: 'refuseWhen', entity: entity.name, actions: order.filter((a) => own.includes(a)), condition: cond(), message: message(ctx), sources: [ctx.sentence.id] }, label);
  }
  for (const { child, relation } of children) {
    addOrNote(ctx, { kind: 'refuseWhen', entity: child.name, actions: ['create'], condition: cond(relation), message: message(ctx), sources: [ctx.sentence.id] }, label);
  }
  if (!own.length && !children.length) note(ctx, `Looks like a refusal on ${entity.name} (${label}), but "${verbs.join(', ')}" is not creating, changing or deleting a record.`);
}

function verbList(text: string): string[] {
  return text.split(/\s*(?:,|\bor\b|\band\b|\bnor\b)\s*/).map((v) => v.replace(/^be\s+/, '').replace(/\s+on$/, '').trim()).filter(Boolean);
}

/**
 * "Paid invoices can't be changed" when Invoice stores no status: a developer adds the yes/no
 * field the rule needs (paid) rather than dropping the rule. Only for a one-word state written
 * like a past participle or a plain state adjective, on a record without a status of its own.
 */
/** Past participles that do not end in -ed/-en and name a state a record reaches ("paid", "sent", "sold"). */
const IRREGULAR_STATE = /^(?:un)?(?:paid|sent|sold|shut|lost|won|held|built|kept|spent|bought|signed|dealt|bound|struck|split|quit|shipped|set up)$/;

function stateFlag(ctx: RuleContext, entity: DraftEntity, state: string): NonNullable<ReturnType<typeof stateCondition>> | undefined {
  const value = stateValue(state);
  if (!value || value.includes('_') || entity.name === 'User') return undefined;
  if (!/(?:ed|en)$/.test(value) && !IRREGULAR_STATE.test(value) && !/^(open|active|inactive|locked|public|private|final|done|archived|unpaid)$/.test(value)) return undefined;
  if (/^(?:new|need|seed|speed|feed|bleed|breed|hundred|kindred|used|needed|wanted|required|allowed|shared|listed|named|based|related)$/.test(value)) return undefined;
  if (entity.fields.some((f) => f.type === 'enum' && /status|state|stage|phase/i.test(f.name))) return undefined;
  const negative = /^un(?=[a-z]{4,}(?:ed|en)$)/.exec(value);
  const name = negative ? value.slice(2) : value === 'inactive' ? 'active' : value;
  const field = addField(entity, { words: [name], type: 'boolean' }, ctx.sentence.id);
  if (!field) return undefined;
  return { field, op: 'eq', value: !(negative || value === 'inactive') };
}

function noState(ctx: RuleContext, entity: DraftEntity, state: string, label: string): void {
  const value = stateValue(state);
  const status = entity.fields.find((f) => f.type === 'enum' && /status|state|stage/i.test(f.name));
  const fixes: Suggestion[] = value && !status ? [{ kind: 'addField', entity: entity.name, field: 'status', type: 'enum', label: `status on ${entity.name}` }] : [];
  note(ctx, `Looks like a refusal while ${an(entity.name)} is ${state} (${label}), but ${entity.name} has no status value or yes/no field "${state}"${status ? ` (${status.name} is one of ${status.enumValues?.join(', ')})` : ''}.`, fixes);
}

/** The clause to match: no end mark, and notes' "its delivered" / "its been paid" read as "it is" / "it has". */
function clausePlain(ctx: RuleContext): string {
  return ctx.clause.plain
    .replace(/[.;!]\s*$/, '')
    .replace(/\bits been\b/g, 'it has been')
    .replace(/\b(it|that)s (?=(?:already |still |now |been )?[a-z]+(?:ed|en|paid|sent|sold)\b)/g, '$1 is ');
}

/** "a closed issue cannot be edited or commented on", "lessons that are marked as given can't be deleted", "… can't be deleted once paid". */
export function refuseInState(ctx: RuleContext): boolean {
  const plain = clausePlain(ctx);
  // "a paid invoice can't be …", and bare plurals at the start: "paid invoices must not be …".
  const adjective = new RegExp(String.raw`\b(?:a|an|the|any)\s+([a-z][a-z -]{1,50}?)\s+${NEG}\s+be\s+${VERBS}`).exec(plain) ?? new RegExp(String.raw`^([a-z]+(?:[ -][a-z]+){1,3})\s+${NEG}\s+be\s+${VERBS}`).exec(plain);
  const relative = new RegExp(String.raw`^(?:.*?\b)?([a-z][a-z -]{1,30}?)\s+(?:that|which|who)\s+(?:are|is|have been|has been|were|was)\s+(?:already\s+|still\s+)?(?:marked as\s+|set to\s+|in\s+|in status\s+)?([a-z][a-z -]{0,20}?)\s+${NEG}\s+be\s+${VERBS}`).exec(plain);
  const once = new RegExp(String.raw`^(.*?)\s+${NEG}\s+be\s+${VERBS}\s+(?:once|after|when|if|while|as soon as)\s+(?:it|they)?\s*(?:is|are|has been|have been|'s|gets|get|got|was|were|has|have)?\s*(?:already\s+|been\s+|marked as\s+|set to\s+)?([a-z][a-z -]{0,20}?)$`).exec(plain);
  // "once an order is shipped, it can no longer be changed"; "closed tickets are read-only"; "a report is locked once it is approved".
  const leading = new RegExp(String.raw`^(?:once|after|when|as soon as)\s+(?:a|an|the|any)?\s*([a-z][a-z -]{1,30}?)\s+(?:is|are|has been|have been|gets|get|was|were|has|have)\s+(?:already\s+|marked as\s+|set to\s+)?([a-z][a-z -]{0,20}?),?\s+(?:it|they|the [a-z ]+?)\s+${NEG}\s+be\s+${VERBS}`).exec(plain);
  const frozen = /^(?:(?:a|an|the|any)\s+)?([a-z][a-z -]{1,30}?)\s+(?:is|are|becomes?|gets?)\s+(?:read-only|locked|frozen)(?:\s+(?:once|when|after|as soon as)\s+(?:it is|it's|they are|it has been|they have been|it gets)?\s*([a-z][a-z -]{0,20}))?$/.exec(plain);
  const frozenAfter = /^(?:once|after|when|as soon as)\s+(?:(?:a|an|the|any)\s+)?([a-z][a-z -]{1,30}?)\s+(?:is|are|has been|have been|gets|get|was|were|has|have)\s+(?:already\s+|marked as\s+|set to\s+)?([a-z][a-z-]*(?: [a-z]+)?),?\s+(?:it|they)\s+(?:is|are|becomes?|gets?)\s+(?:read-only|locked|frozen)$/.exec(plain);
  let entity: DraftEntity | undefined;
  let state: string | undefined;
  let verbs: string[] = [];
  if (frozenAfter) {
    entity = lastRecordIn(ctx, frozenAfter[1])?.entity;
    state = frozenAfter[2];
    verbs = ['edited', 'deleted'];
  } else if (leading) {
    entity = lastRecordIn(ctx, leading[1])?.entity;
    state = leading[2];
    verbs = verbList(leading[3]);
  } else if (frozen) {
    const ws = wordsOf(frozen[1]);
    const found = mentionsIn(ctx, ws).filter((m) => m.end === ws.length - 1 && m.entity.name !== 'User').pop();
    if (!found) return false;
    entity = found.entity;
    state = frozen[2] ?? ws.slice(0, found.start).filter((w) => !/^(already|still)$/.test(w)).join(' ');
    verbs = ['edited', 'deleted'];
  } else if (relative) {
    entity = lastRecordIn(ctx, relative[1])?.entity;
    state = relative[2];
    verbs = verbList(relative[3]);
  } else if (once) {
    entity = lastRecordIn(ctx, once[1])?.entity;
    state = once[3];
    verbs = verbList(once[2]);
  } else if (adjective) {
    // "a closed issue": the entity is the longest name at the end, the state the words before it.
    const ws = wordsOf(adjective[1]);
    const found = mentionsIn(ctx, ws).filter((m) => m.end === ws.length - 1 && m.entity.name !== 'User').pop();
    if (!found) return false;
    const before = ws.slice(0, found.start).filter((w) => !/^(already|still|fully)$/.test(w));
    if (!before.length || before.length > 3 || before.some((w) => /^(of|the|a|an|with|in|on|for|by|and|or|that|which|who|their|its|all|some|any|no|other|same|own)$/.test(w))) return false;
    entity = found.entity;
    state = before.join(' ');
    verbs = verbList(adjective[2]);
  } else return false;
  if (!entity || !state) return false;
  if (/^(same|other|new one|own|single|two)$/.test(state)) return false;
  // "a full class can't be booked" is a capacity (capacity.ts), not a stored state.
  if (/^(full|fully booked|sold out|overbooked|booked up)$/.test(state)) return false;
  const label = plain.slice(0, 140);
  // A person in a state who can't act is refuseActor's ("a suspended member can't book").
  if (isPeople(ctx, [entity.key.split(' ').pop() ?? '']) && !verbs.some((v) => /ed$|en$/.test(v))) return false;
  const condition = conditionFor(ctx, entity, state);
  if (!condition) {
    noState(ctx, entity, state, label);
    return true;
  }
  refuse(ctx, entity, verbs, condition, label);
  return true;
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

/** "a suspended member can't book a room", "members with unpaid fees cannot borrow", "a member whose membership has ended can't book anything". */
export function refuseActor(ctx: RuleContext): boolean {
  const plain = withoutSignIn(clausePlain(ctx));
  const m = new RegExp(String.raw`^(.*?)\b(?:(?:a|an|the|any)\s+)?([a-z][a-z -]{0,40}?)\s+${NEG}\s+(?!be\b)([a-z]+)(?:\s+(?:up|in|out))?\s*(.*)$`).exec(plain);
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

/** "nobody can book a class that has already started", "can't book a session in the past", "products past their best-before date can't be put in a parcel". */
export function refuseTimePast(ctx: RuleContext): boolean {
  const plain = withoutSignIn(clausePlain(ctx));
  const started = /\b(?:(?:a|an|the|any)\s+)?([a-z][a-z -]{1,30}?)\s+(?:that|which|who)\s+(?:has|have|had|is|are)\s+(?:already\s+)?(started|begun|began|ended|finished|passed|expired|closed|run out)\b/.exec(plain);
  const inPast = /\b(?:(?:a|an|the|any)\s+)?([a-z][a-z -]{1,30}?)\s+in the past\b/.exec(plain);
  const pastTheir = /^(.*?)\b([a-z][a-z -]{1,30}?)\s+past\s+(?:their|its|the)\s+([a-z][a-z -]{1,30}?)\s+(?:can't|cannot|can not|cant|may not|must not|should not|shouldn't)\s+be\s+([a-z]+(?:ed|en|t))\b\s*(.*)$/.exec(plain);
  if (!started && !inPast && !pastTheir) return false;
  const noneCan = /\bno\s+(?:new\s+|more\s+|further\s+)?[a-z]+\s+(?:can|may|should|will|shall)\s+be\s+([a-z]+)/.exec(plain);
  if (!new RegExp(NEG).test(plain) && !/\bnobody|no one|never\b/.test(plain) && !noneCan) return false;
  const label = plain.slice(0, 140);
  let target: Mention | undefined;
  let field: DraftField | undefined;
  if (pastTheir) {
    target = lastRecordIn(ctx, pastTheir[2]);
    if (target) field = fieldIn(target.entity, wordsOf(pastTheir[3]), 1.8, isTimeField);
  } else {
    const phrase = (started ?? inPast)![1];
    target = lastRecordIn(ctx, phrase);
    if (target) {
      const t = timeFields(target.entity);
      const which = started?.[2] ?? 'started';
      field = /ended|finished|passed|expired|closed|run out/.test(which) && !/passed/.test(which) ? t.end ?? target.entity.fields.find((f) => /expir/i.test(f.name)) : t.start;
    }
  }
  if (!target) {
    note(ctx, `Looks like a refusal once something is past (${label}), but the record it is about was not found.`);
    return true;
  }
  // "a class that has already started" when Class has no time yet: the start it needs.
  if (!field && started && !pastTheir) field = timeState(ctx, target.entity, started[2])?.field;
  if (!field) {
    note(ctx, `Looks like a refusal once ${an(target.entity.name)} is past (${label}), but ${target.entity.name} has no date or time to compare with now.`);
    return true;
  }
  // The verb acting: on the record itself ("be edited") or making a row under it ("book", "put in a parcel").
  const verbText = pastTheir ? pastTheir[4] : (/\b(?:can't|cannot|can not|cant|may not|must not|should not|shouldn't|nobody can|no one can|never)\s+(?:be\s+)?([a-z]+)/.exec(plain)?.[1] ?? noneCan?.[1] ?? '');
  const other = pastTheir ? mentionsIn(ctx, pastTheir[5]).filter((m) => m.entity.name !== 'User').map((m) => m.entity) : [];
  const own = actionsOf([verbText], 'refusal').filter((a): a is WriteAction => a !== 'read' && a !== 'create');
  const passiveOnTarget = pastTheir ? false : new RegExp(String.raw`${NEG}\s+be\s+`).test(plain);
  field.sources.add(ctx.sentence.id);
  if (passiveOnTarget && own.length) {
    addOrNote(ctx, { kind: 'refuseWhen', entity: target.entity.name, actions: own, condition: { field: field.name, op: 'past' }, message: message(ctx), sources: [ctx.sentence.id] }, label);
    return true;
  }
  const row = rowOf(ctx, verbText, [target.entity, ...other]) ?? (other.length ? ctx.draft.entities.find((e) => belongsTo(ctx, e, target!.entity).length && other.every((o) => belongsTo(ctx, e, o).length)) : undefined);
  const rel = row ? belongsTo(ctx, row, target.entity)[0] : undefined;
  if (!row || !rel) {
    note(ctx, `Looks like nothing may be ${verbText || 'added'} for ${an(target.entity.name)} that is past (${label}), but no record type links to ${target.entity.name}.`);
    return true;
  }
  addOrNote(ctx, { kind: 'refuseWhen', entity: row.name, actions: ['create'], condition: { relation: rel.name, field: field.name, op: 'past' }, message: message(ctx), sources: [ctx.sentence.id] }, label);
  return true;
}

/** The action verbs of a fragment that are not part of a record's name ("withdraw a repair request": withdraw). */
function verbsOutside(ctx: RuleContext, fragment: string): string[] {
  const ws = wordsOf(fragment.replace(/\//g, ' '));
  const named = mentionsIn(ctx, ws);
  return ws.filter((w, i) => isActionVerb(w) && !/^(can|only)$/.test(w) && !named.some((x) => i >= x.start && i <= x.end));
}

/**
 * "I want to edit my expense as long as it has not been approved", "a claim can be changed until it
 * is approved" on a record with no status that orders its states: refused once it is in that state
 * (the yes/no field the state needs is added when the record stores none).
 */
function refuseUntil(ctx: RuleContext, plain: string): boolean {
  const m =
    /^(.*?)\b(?:only\s+)?(?:while|as long as|so long as)\s+(?:it|they|the [a-z ]+?)\s*(?:is|are|'s|has|have)\s*(?:not|n't)\s+(?:yet\s+)?(?:been\s+)?([a-z][a-z-]*)(?:\s+yet)?$/.exec(plain) ??
    /^(.*?)\b(?:only\s+)?(?:until|till)\s+(?:it|they|the [a-z ]+?)\s*(?:is|are|'s|has been|have been|gets|get|has|have)\s+(?:been\s+)?([a-z][a-z-]*)$/.exec(plain);
  if (!m) return false;
  const verbs = verbsOutside(ctx, m[1]);
  const actions = actionsOf(verbs, 'refusal').filter((a): a is WriteAction => a !== 'read' && a !== 'create');
  const target = lastRecordIn(ctx, m[1]);
  if (!target || !actions.length) return false;
  const entity = target.entity;
  // A status whose order is known is refuseOnlyWhile's ("until it is shipped": the states before it).
  const status = entity.fields.find((f) => f.type === 'enum' && /status|state|stage|phase/i.test(f.name));
  const value = stateValue(m[2]);
  if (status && value && status.enumValues?.includes(value) && /^(?:until|till)$/.test(/\b(until|till)\b/.exec(plain)?.[1] ?? '')) return false;
  const condition = conditionFor(ctx, entity, m[2]);
  const label = plain.slice(0, 140);
  if (!condition) {
    noState(ctx, entity, m[2], label);
    return true;
  }
  condition.field.sources.add(ctx.sentence.id);
  addOrNote(ctx, { kind: 'refuseWhen', entity: entity.name, actions, condition: { field: condition.field.name, op: condition.op, ...(condition.value !== undefined ? { value: condition.value } : {}) }, message: message(ctx), sources: [ctx.sentence.id] }, label);
  return true;
}

/** "an order can only be cancelled before it's assigned", "edit or withdraw my request only while it is still new". */
export function refuseOnlyWhile(ctx: RuleContext): boolean {
  const plain = withoutSignIn(clausePlain(ctx));
  if (refuseUntil(ctx, plain)) return true;
  const m = /^(.*?)\b(?:only\s+)?(?:while|as long as|until|before)\s+(?:(?:it|they|the [a-z ]+?)\s*(?:is|are|'s|has been|have been|gets|get)\s+)?(?:still\s+)?(?:a\s+|an\s+|in\s+|marked\s+)?([a-z][a-z -]{0,30}?)$/.exec(plain);
  if (!m || !/\bonly\b|\buntil\b/.test(plain)) return false;
  const before = /\b(?:before|until)\b/.test(plain.slice(m[1].length));
  const head = m[1];
  const verbs = verbsOutside(ctx, head);
  const actions = actionsOf(verbs, 'refusal').filter((a): a is WriteAction => a !== 'read');
  const target = lastRecordIn(ctx, head) ?? lastRecordIn(ctx, ctx.sentence.plain);
  const label = plain.slice(0, 140);
  if (!actions.length) return false;
  if (!target) {
    note(ctx, `Looks like something may only happen while a record is in some state (${label}), but the record type was not found.`);
    return true;
  }
  const entity = target.entity;
  const states = m[2].split(/\s+or\s+|\s*,\s*/).map((s) => stateValue(s.replace(/^(?:a|an|in)\s+/, ''))).filter((s): s is string => !!s);
  const field = entity.fields.find((f) => f.type === 'enum' && states.every((s) => f.enumValues?.includes(s)));
  if (!field || !states.length) {
    noState(ctx, entity, m[2], label);
    return true;
  }
  let allowed = states;
  if (before) {
    // "before it's assigned": the states that come before it in the field's order.
    const order = workflowOrder(ctx.draft, entity.name, field.name) ?? field.enumValues ?? [];
    const at = order.indexOf(states[0]);
    allowed = order.slice(0, at).filter((v) => !/cancel|reject|declin|withdraw/.test(v));
  }
  if (!allowed.length) {
    note(ctx, `Looks like ${entity.name} may only be changed before ${field.name} is ${states[0]} (${label}), but no earlier value of ${field.name} was found.`);
    return true;
  }
  field.sources.add(ctx.sentence.id);
  if (allowed.length === 1) {
    addOrNote(ctx, { kind: 'refuseWhen', entity: entity.name, actions, condition: { field: field.name, op: 'ne', value: allowed[0] }, message: message(ctx), sources: [ctx.sentence.id] }, label);
    return true;
  }
  // "only while it is a draft or submitted": one refusal for each other value.
  for (const value of (field.enumValues ?? []).filter((v) => !allowed.includes(v))) {
    addOrNote(ctx, { kind: 'refuseWhen', entity: entity.name, actions, condition: { field: field.name, op: 'eq', value }, message: message(ctx), sources: [ctx.sentence.id] }, label);
  }
  return true;
}

/** "you can't edit an order after it has shipped", "nobody may change a report once it is approved". */
export function refuseAfterState(ctx: RuleContext): boolean {
  const plain = withoutSignIn(clausePlain(ctx));
  const tail = String.raw`(?:\s+(?:in|on|to|for|into|onto|at|from|with|in to))?\s+(?:a|an|the|any|their|his|her|my|your)\s+([a-z][a-z -]{1,30}?)\s+(?:once|after|when|as soon as|if)\s+(?:it|they)\s*(?:is|are|'s|has been|have been|has|have|was|were|gets|got)?\s*(?:already\s+|been\s+)?([a-z][a-z -]{0,20})$`;
  // "… an expense that is approved", "… an expense which has been paid": the state in a relative clause.
  const relative = String.raw`(?:\s+(?:in|on|to|for|into|onto|at|from|with))?\s+(?:a|an|the|any|their|his|her|my|your)\s+([a-z][a-z -]{1,30}?)\s+(?:that|which)\s+(?:is|are|has been|have been|was|were)\s+(?:already\s+|marked as\s+|set to\s+|in\s+)?([a-z][a-z -]{0,20})$`;
  const verbsRe = String.raw`([a-z]+(?:\s*(?:,|or|and)\s*[a-z]+)*)`;
  const m =
    new RegExp(String.raw`\b${NEG}\s+${verbsRe}${tail}`).exec(plain) ??
    new RegExp(String.raw`\b(?:nobody|no one)\s+(?:can|may|is allowed to)\s+${verbsRe}${tail}`).exec(plain) ??
    new RegExp(String.raw`\b(?:${NEG}|(?:nobody|no one)\s+(?:can|may|is allowed to))\s+${verbsRe}${relative}`).exec(plain);
  if (!m) return false;
  const verbs = m[1].split(/\s*(?:,|\bor\b|\band\b)\s*/).filter(Boolean);
  if (!verbs.every((v) => isActionVerb(v))) return false;
  const entity = lastRecordIn(ctx, m[2])?.entity;
  const label = plain.slice(0, 140);
  if (!entity) {
    note(ctx, `Looks like a refusal once something is ${m[3]} (${label}), but "${m[2]}" is not a record type.`);
    return true;
  }
  const condition = conditionFor(ctx, entity, m[3]);
  if (!condition) {
    noState(ctx, entity, m[3], label);
    return true;
  }
  refuse(ctx, entity, verbs, condition, label);
  return true;
}

/** "the start date cannot be in the past", "a due date must be in the future". */
export function refuseFieldPast(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain.replace(/[.;!]\s*$/, '');
  const m = /^(.*?)\s+(?:cannot|can't|cant|can not|may not|must not|mustn't|should not|shouldn't)\s+be\s+in\s+the\s+past$|^(.*?)\s+(?:must|has to|have to|should|needs? to)\s+be\s+in\s+the\s+future$/.exec(plain);
  if (!m) return false;
  const phrase = (m[1] ?? m[2]).replace(/^.*\b(?:and|but|so|that)\s+/, '');
  const named = mentionsIn(ctx, plain).filter((x) => x.entity.name !== 'User').map((x) => x.entity);
  const hit = locateField(ctx, phrase, named, isTimeField);
  const label = plain.slice(0, 140);
  if (!hit?.field || (hit.field.type !== 'date' && hit.field.type !== 'datetime')) {
    note(ctx, `Looks like a date that may not lie in the past (${label}), but no date field "${stripArticles(wordsOf(phrase)).join(' ')}" was found.`);
    return true;
  }
  hit.field.sources.add(ctx.sentence.id);
  addOrNote(ctx, { kind: 'refuseWhen', entity: hit.entity.name, actions: ['create', 'update'], condition: { field: hit.field.name, op: 'past' }, message: message(ctx), sources: [ctx.sentence.id] }, label);
  return true;
}

/** "can be cancelled up to 2 hours before", "can't be cancelled on the day itself", "less than 14 days before harvest". */
export function refuseTimeMargin(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain.replace(/[.;!]\s*$/, '');
  const m = /\b(?:up to|at least|less than|no later than|not later than|more than|within|until)\s+(\S+)\s+(minutes?|hours?|days?|weeks?|working days?)\s+(?:before|in advance|ahead|prior)\b|\bon the (?:same )?day itself\b|\bthe day before\b/.exec(plain);
  if (!m || !(/\b(?:can|may|cannot|can't|cant|no|not|only|must)\b/.test(plain))) return false;
  const label = m[0];
  // The verbs, not the records named ("a booking can't be cancelled": cancel, not book).
  const headWords = wordsOf(withoutSignIn(plain.slice(0, m.index)));
  const named = mentionsIn(ctx, headWords);
  const verbs = headWords.filter((w, i) => isActionVerb(w) && !named.some((x) => i >= x.start && i <= x.end));
  const actions = actionsOf(verbs, 'refusal').filter((a): a is WriteAction => a !== 'read');
  // The record acted on: the last one named before the margin ("members' bookings can be cancelled …").
  const subject = lastRecordIn(ctx, withoutSignIn(plain.slice(0, m.index)))?.entity;
  if (subject && actions.length && !isPeople(ctx, subject.key.split(' '))) {
    // The part that can be enforced: a margin before the start also refuses it once the start has
    // passed ("can be cancelled up to 2 hours before" refuses cancelling a session that began).
    const own = timeFields(subject).start;
    const parents = ctx.draft.relations.filter((r) => r.kind === 'belongsTo' && r.from === subject.name).map((r) => ({ r, e: ctx.draft.entities.find((e) => e.name === r.to)! })).filter((x) => x.e && x.e.name !== 'User');
    const after = mentionsIn(ctx, plain.slice(m.index + m[0].length)).find((x) => parents.some((p) => p.e === x.entity));
    let parent = !own ? parents.find((x) => (!after || x.e === after.entity) && timeFields(x.e).start) : undefined;
    let field = own ?? (parent ? timeFields(parent.e).start : undefined);
    if (!field && after) {
      // "… up to 24 hours before the class" when the class has no time yet: the start it needs.
      parent = parents.find((x) => x.e === after.entity);
      field = parent ? timeState(ctx, parent.e, 'start')?.field : undefined;
    }
    if (field) {
      field.sources.add(ctx.sentence.id);
      const margin = marginOf(m, field.type, plain.slice(0, m.index));
      const condition = { ...(parent ? { relation: parent.r.name } : {}), field: field.name, op: margin?.op ?? ('past' as const), ...(margin ? { offset: margin.offset } : {}) };
      const rule = { kind: 'refuseWhen' as const, entity: subject.name, actions, condition, message: message(ctx), sources: [ctx.sentence.id] };
      if (addOrNote(ctx, rule, label)) {
        if (!margin) {
          note(ctx, `Looks like a time limit (${label}); ${actions.join('/')} of ${an(subject.name)} is refused once ${parent ? `its ${parent.r.name}'s ` : 'its '}${field.name} has passed, but the margin before it is not enforced (its size was not understood).`);
        } else if (margin.approximate) {
          note(ctx, `Looks like a time limit (${label}); it is enforced as ${margin.approximate}.`);
        }
      }
      return true;
    }
  }
  note(ctx, `Looks like a time limit (${label}), but the record it limits or the date it counts back from was not found, so the margin is not enforced.`);
  return true;
}

type Margin = { op: 'past' | 'future'; offset: { amount: number; unit: 'minutes' | 'hours' | 'days' }; approximate?: string };

/**
 * The margin of "up to 2 hours before", "less than 24 hours before", "on the day itself": refuse
 * while the start is less than that far ahead (past, moved later by the margin). "can't be booked
 * more than 14 days in advance" refuses the other side (future beyond the margin). A date has no
 * time of day, so hours become whole days (rounded up, said so).
 */
function marginOf(m: RegExpExecArray, type: string, before: string): Margin | undefined {
  if (/^on the (?:same )?day itself$/.test(m[0])) return type === 'date' ? { op: 'past', offset: { amount: 1, unit: 'days' } } : undefined;
  const amount = /^an?$/.test(m[1] ?? '') ? 1 : parseNumber(m[1]);
  if (amount === undefined || !m[2] || amount <= 0 || !Number.isInteger(amount)) return undefined;
  const word = m[2].replace(/s$/, '');
  const negated = /\b(?:can't|cannot|can not|cant|may not|must not|mustn't|not|no|never|nobody|no one)\b/.test(before);
  const op = /^more than/.test(m[0]) && negated ? 'future' : 'past';
  let offset: Margin['offset'];
  let approximate: string | undefined;
  if (word === 'week') offset = { amount: amount * 7, unit: 'days' };
  else if (word === 'working day') {
    offset = { amount, unit: 'days' };
    approximate = `${amount} calendar day${amount === 1 ? '' : 's'} (weekends and holidays are not skipped)`;
  } else offset = { amount, unit: word === 'minute' ? 'minutes' : word === 'hour' ? 'hours' : 'days' };
  if (type === 'date' && offset.unit !== 'days') {
    const days = Math.ceil((offset.unit === 'hours' ? offset.amount * 60 : offset.amount) / 1440);
    approximate = `${days} day${days === 1 ? '' : 's'}: the date has no time of day`;
    offset = { amount: days, unit: 'days' };
  }
  return { op, offset, ...(approximate ? { approximate } : {}) };
}


/** Words before a record that mean "more of them", not a state ("can't get new tasks"). */
const NOT_A_STATE = /^(?:new|more|further|other|another|extra|additional|any|same|own|two|single|second|first|next|previous|all|some|no)$/;
const AUXILIARY = /^(?:is|are|was|were|has|have|had|been|being|already|still|now|marked|set|as|to|in|status|gets|get|got|become|becomes)$/;

/** The state a mention is in, read around it: "an archived project", "rooms under maintenance", "a member who is blocked", "orders which have shipped". */
function stateAround(ws: string[], m: Mention): { state: string; condition: NonNullable<ReturnType<typeof stateCondition>>; end: number } | undefined {
  const tryState = (words: string[], end: number) => {
    if (!words.length || words.some((w) => NOT_A_STATE.test(w))) return undefined;
    const condition = stateCondition(m.entity, words.join(' '));
    return condition ? { state: words.join(' '), condition, end } : undefined;
  };
  // Before it: one or two words after an article or at the start ("a paid invoice", "cancelled or closed orders" is left to refuseInState).
  for (const n of [2, 1]) {
    const from = m.start - n;
    if (from < 0) continue;
    const words = ws.slice(from, m.start);
    // A participle is a state ("archived"), a verb's base form is not ("edit paid invoices").
    if (words.some((w) => ARTICLE_OR_VERB.test(w) || (isActionVerb(w) && verbLemma(w) === w))) continue;
    const hit = tryState(words, m.end);
    if (hit) return hit;
  }
  // After it: "that/which/who is (already) X", "under maintenance", "in draft".
  let i = m.end + 1;
  if (/^(?:that|which|who)$/.test(ws[i] ?? '')) {
    i++;
    if (!/^(?:is|are|was|were|has|have|had)$/.test(ws[i] ?? '')) return undefined;
    while (i < ws.length && AUXILIARY.test(ws[i])) i++;
    for (const n of [2, 1]) {
      const hit = tryState(ws.slice(i, i + n), i + n - 1);
      if (hit && i + n <= ws.length) return hit;
    }
    return undefined;
  }
  if (/^(?:under|in|on)$/.test(ws[i] ?? '')) {
    for (const n of [2, 1]) {
      const words = ws.slice(i + 1, i + 1 + n);
      if (words.length < n) continue;
      const hit = tryState([ws[i], ...words], i + n) ?? tryState(words, i + n);
      if (hit) return hit;
    }
  }
  return undefined;
}

const ARTICLE_OR_VERB = /^(?:a|an|the|any|their|its|his|her|my|your|our|of|to|for|can|cannot|can't|cant|may|must|not|no|be|is|are|and|or|on|in|at|by|with|once|after|when|if|nobody|one)$/;

/**
 * A refusal that names a record in a state anywhere in the clause, in any word order: "no tasks can be
 * added to an archived project", "you can't add tasks to an archived project", "bookings can't be
 * made for closed rooms", "rooms under maintenance cannot be booked", "editing a paid invoice is not
 * allowed", "once paid, an invoice cannot be modified", "a member who is blocked cannot borrow books".
 * Another record named beside it (or the row the verb makes) is refused for it; else the verbs act on it.
 */
export function refuseStateAnywhere(ctx: RuleContext): boolean {
  if (ctx.outcome.rules || ctx.outcome.notes) return false;
  const plain = withoutSignIn(clausePlain(ctx)).replace(/\s+(?:anymore|any more|any longer|at all)\b/g, '');
  const negation = new RegExp(String.raw`\b(?:is|are|gets?)\s+(?:blocked|disabled|prevented|refused)\b|\b${NEG}|\b(?:nobody|no one|no-one)\s+(?:can|may|is allowed to|is able to)\b|\bno\s+(?:new\s+|more\s+|further\s+)?[a-z]+\s+(?:can|may|should|must|will|shall)\b|\b(?:is|are|be)\s+not\s+(?:allowed|possible|permitted)\b|\b(?:not|never)\s+(?:allowed|possible|permitted)\b`);
  if (!negation.test(plain)) return false;
  const ws = wordsOf(plain);
  const mentions = mentionsIn(ctx, ws).filter((m) => m.entity.name !== 'User');
  if (!mentions.length) return false;
  let found: { mention: Mention; state: string; condition: NonNullable<ReturnType<typeof stateCondition>>; end: number } | undefined;
  for (const mention of mentions) {
    const hit = stateAround(ws, mention);
    if (hit) {
      found = { mention, ...hit };
      break;
    }
  }
  // "Once paid, an invoice cannot be modified": a leading state before the comma.
  const leading = /^(?:once|after|when|as soon as|if)\s+(?:(?:it|they)\s+)?(?:(?:is|are|has been|have been|was|were|gets|get)\s+)?(?:already\s+)?([a-z]+(?:\s+[a-z]+)?),/.exec(plain);
  if (!found && leading) {
    for (const mention of mentions) {
      const condition = stateCondition(mention.entity, leading[1]);
      if (condition) {
        found = { mention, state: leading[1], condition, end: mention.end };
        break;
      }
    }
  }
  // "Once a paper is accepted, no more reviews can be added": the record and its state before the comma.
  // Also after the refusal ("editing is blocked once the report is submitted") and without the comma ("once an order is paid u cant delete it").
  const leadingRecord = /(?:^|\b)(?:once|after|when|as soon as|if)\s+(?:(?:a|an|the|any|its|their)\s+)?([a-z][a-z -]{1,30}?)\s+(?:is|are|has been|have been|gets|get|was|were|has|have)\s+(?:already\s+|marked as\s+|set to\s+)?([a-z][a-z-]*)(?=\s*,|\s*$|\s+(?:u|you|we|i|nobody|no one|it|they|staff|users?)\b)/.exec(plain);
  let flag: { mention: Mention; state: string; end: number } | undefined;
  if (!found && leadingRecord) {
    const upTo = wordsOf(plain.slice(0, plain.indexOf(leadingRecord[1]) + leadingRecord[1].length)).length;
    const mention = mentions.filter((m) => m.end === upTo - 1).pop();
    if (mention) {
      const condition = stateCondition(mention.entity, leadingRecord[2]) ?? timeState(ctx, mention.entity, leadingRecord[2], false);
      if (condition) found = { mention, state: leadingRecord[2], condition, end: mention.end };
      else if (!isPeople(ctx, mention.entity.key.split(' '))) flag = { mention, state: leadingRecord[2], end: mention.end };
    }
  }
  // "Archived projects can't get new tasks" when Project stores no state: one participle before the record.
  if (!found && !flag) {
    for (const mention of mentions) {
      const word = ws[mention.start - 1];
      if (!word || ARTICLE_OR_VERB.test(word) || NOT_A_STATE.test(word) || isPeople(ctx, mention.entity.key.split(' '))) continue;
      if (mention.start >= 2 && !/^(?:a|an|the|any|no|all|to|for|on|in|with|of)$/.test(ws[mention.start - 2])) continue;
      if (isActionVerb(word) && verbLemma(word) === word) continue;
      flag = { mention, state: word, end: mention.end };
      break;
    }
  }
  // The yes/no field is added only once the refusal is sure to be made.
  let flagged = false;
  if (!found && flag) {
    const entity = flag.mention.entity;
    const value = stateValue(flag.state);
    const participle = !!value && !value.includes('_') && (/(?:ed|en)$/.test(value) || IRREGULAR_STATE.test(value) || /^(archived|locked|closed|inactive)$/.test(value));
    if (participle && !entity.fields.some((f) => f.type === 'enum' && /status|state|stage|phase/i.test(f.name))) {
      found = { mention: flag.mention, state: flag.state, condition: { field: undefined as unknown as DraftField, op: 'eq', value: true }, end: flag.end };
      flagged = true;
    }
  }
  if (!found) return false;
  const stateEntity = found.mention.entity;
  const realize = (): boolean => {
    if (!flagged) return true;
    const made = stateFlag(ctx, stateEntity, found!.state);
    if (!made) return false;
    found!.condition = made;
    flagged = false;
    return true;
  };
  const stateWords = new Set(wordsOf(found.state));
  const spans = (i: number) => mentions.some((m) => i >= m.start && i <= m.end);
  const verbs = ws.filter((w, i) => !spans(i) && !stateWords.has(w) && isActionVerb(w) && !isPeople(ctx, [w]));
  let actions = actionsOf(verbs, 'refusal').filter((a): a is WriteAction => a !== 'read');
  // "can't get / have / receive / take new tasks": adding rows.
  const gets = ws.some((w) => /^(?:get|gets|have|has|receive|receives|accept|accepts|take|takes|gain|gains)$/.test(w));
  const label = plain.slice(0, 140);
  const condition = (relation?: string): RuleCondition => ({ ...(relation ? { relation } : {}), field: found!.condition.field.name, op: found!.condition.op, ...(found!.condition.value !== undefined ? { value: found!.condition.value } : {}) });
  // Another record named beside it that belongs to it: its rows are refused for it.
  const child = mentions.find((m) => m.entity !== stateEntity && belongsTo(ctx, m.entity, stateEntity).length);
  const childActions = actions.length ? actions : gets ? (['create'] as WriteAction[]) : [];
  if (child && childActions.length) {
    const rel = pickRelation(child.entity, belongsTo(ctx, child.entity, stateEntity), wordsOf(stateEntity.key));
    if (!realize()) return false;
    found.condition.field.sources.add(ctx.sentence.id);
    addOrNote(ctx, { kind: 'refuseWhen', entity: child.entity.name, actions: childActions, condition: condition(rel.name), message: message(ctx), sources: [ctx.sentence.id] }, label);
    return true;
  }
  // The row a verb makes under it ("book a closed room" -> Booking).
  for (const verb of verbs) {
    const acts = actionsOf([verb], 'refusal');
    if (acts.length && !acts.includes('create')) continue;
    const row = rowOf(ctx, verb, [stateEntity]);
    if (!row || row === stateEntity || !belongsTo(ctx, row, stateEntity).length) continue;
    const rel = pickRelation(row, belongsTo(ctx, row, stateEntity), wordsOf(stateEntity.key));
    if (!realize()) return false;
    found.condition.field.sources.add(ctx.sentence.id);
    addOrNote(ctx, { kind: 'refuseWhen', entity: row.name, actions: ['create'], condition: condition(rel.name), message: message(ctx), sources: [ctx.sentence.id] }, label);
    return true;
  }
  // The verbs act on the record itself (creating a record already in a state is no refusal).
  actions = actions.filter((a) => a !== 'create');
  if (!actions.length || !realize()) return false;
  found.condition.field.sources.add(ctx.sentence.id);
  addOrNote(ctx, { kind: 'refuseWhen', entity: stateEntity.name, actions, condition: condition(), message: message(ctx), sources: [ctx.sentence.id] }, label);
  return true;
}
