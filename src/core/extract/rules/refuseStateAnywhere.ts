// A refusal that names a record in a state anywhere in the clause, in any word order: first which
// record and state the clause names (statedRecord), then what is refused for it (refusedFor).
import type { RuleCondition, WriteAction } from '../../../model/project/projectSpec';
import type { DraftEntity } from '../draft';
import { addOrNote, isPeople, mentionsIn, type Mention, type RuleContext } from './context';
import { belongsTo, pickRelation, rowOf } from './links';
import { stateValue } from './workflow';
import { actionsOf, isActionVerb, verbLemma, withoutSignIn, wordsOf } from './words';
import { clausePlain, IRREGULAR_STATE, message, NEG, stateCondition, stateFlag, timeState } from './refuseConditions';
import { guarded } from '../guardedRegExp';

type StateCondition = NonNullable<ReturnType<typeof stateCondition>>;
type StoredState = { state: string; condition: StateCondition };

/** A record the clause names in a state; no condition yet when the state needs a yes/no field, added only once the refusal is sure to be made. */
interface StatedRecord {
  mention: Mention;
  state: string;
  condition?: StateCondition;
}

/** What is refused: the rows of `entity` (the stated record, a child of it, or the row a verb makes under it). */
interface Refused {
  entity: DraftEntity;
  actions: WriteAction[];
  relation?: string;
}

/** Words before a record that mean "more of them", not a state ("can't get new tasks"). */
const NOT_A_STATE = /^(?:new|more|further|other|another|extra|additional|any|same|own|two|single|second|first|next|previous|all|some|no)$/;
const AUXILIARY = /^(?:is|are|was|were|has|have|had|been|being|already|still|now|marked|set|as|to|in|status|gets|get|got|become|becomes)$/;
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
  if (!isRefusal(plain)) return false;
  const ws = wordsOf(plain);
  const mentions = mentionsIn(ctx, ws).filter((m) => m.entity.name !== 'User');
  if (!mentions.length) return false;
  const found = statedRecord(ctx, plain, ws, mentions);
  if (!found) return false;
  const refused = refusedFor(ctx, ws, mentions, found);
  // A missing yes/no field is added only here, once the refusal is sure to be made.
  const condition = refused && (found.condition ?? stateFlag(ctx, found.mention.entity, found.state));
  if (!refused || !condition) return false;
  condition.field.sources.add(ctx.sentence.id);
  const rule: RuleCondition = { ...(refused.relation ? { relation: refused.relation } : {}), field: condition.field.name, op: condition.op, ...(condition.value !== undefined ? { value: condition.value } : {}) };
  addOrNote(ctx, { kind: 'refuseWhen', entity: refused.entity.name, actions: refused.actions, condition: rule, message: message(ctx), sources: [ctx.sentence.id] }, plain.slice(0, 140));
  return true;
}

const REFUSAL_WORDS = guarded(new RegExp(String.raw`\b(?:is|are|gets?)\s+(?:blocked|disabled|prevented|refused)\b|\b${NEG}|\b(?:nobody|no one|no-one)\s+(?:can|may|is allowed to|is able to)\b|\bno\s+(?:new\s+|more\s+|further\s+)?[a-z]+\s+(?:can|may|should|must|will|shall)\b|\b(?:is|are|be)\s+not\s+(?:allowed|possible|permitted)\b|\b(?:not|never)\s+(?:allowed|possible|permitted)\b`));

/** The clause says no: "can't", "nobody can", "no new tasks can", "is not allowed", "is blocked". */
function isRefusal(plain: string): boolean {
  return REFUSAL_WORDS.test(plain);
}

/** The record in a state, tried from the surest reading to the loosest; a state the record doesn't store becomes a yes/no field only when it reads as one. */
function statedRecord(ctx: RuleContext, plain: string, ws: string[], mentions: Mention[]): StatedRecord | undefined {
  const stored = stateBeside(ws, mentions) ?? leadingState(plain, mentions);
  if (stored) return stored;
  const record = leadingRecordState(ctx, plain, mentions);
  if (record?.condition) return record;
  const flag = record ?? participleBefore(ctx, ws, mentions);
  return flag && isYesNoState(flag) ? flag : undefined;
}

/** The first mention with a stored state read around it ("an archived project", "rooms under maintenance"). */
function stateBeside(ws: string[], mentions: Mention[]): StatedRecord | undefined {
  for (const mention of mentions) {
    const hit = stateAround(ws, mention);
    if (hit) return { mention, state: hit.state, condition: hit.condition };
  }
  return undefined;
}

/** "Once paid, an invoice cannot be modified": a leading state before the comma, on the first record that stores it. */
function leadingState(plain: string, mentions: Mention[]): StatedRecord | undefined {
  const leading = /^(?:once|after|when|as soon as|if)\s+(?:(?:it|they)\s+)?(?:(?:is|are|has been|have been|was|were|gets|get)\s+)?(?:already\s+)?([a-z]+(?:\s+[a-z]+)?),/.exec(plain);
  if (!leading) return undefined;
  for (const mention of mentions) {
    const condition = stateCondition(mention.entity, leading[1]);
    if (condition) return { mention, state: leading[1], condition };
  }
  return undefined;
}

/**
 * "Once a paper is accepted, no more reviews can be added": the record and its state before the comma.
 * Also after the refusal ("editing is blocked once the report is submitted") and without the comma
 * ("once an order is paid u cant delete it"). Without a stored state, a record (not a person) may still get a yes/no field.
 */
function leadingRecordState(ctx: RuleContext, plain: string, mentions: Mention[]): StatedRecord | undefined {
  const leadingRecord = /(?:^|\b)(?:once|after|when|as soon as|if)\s+(?:(?:a|an|the|any|its|their)\s+)?([a-z][a-z -]{1,30}?)\s+(?:is|are|has been|have been|gets|get|was|were|has|have)\s+(?:already\s+|marked as\s+|set to\s+)?([a-z][a-z-]*)(?=\s*,|\s*$|\s+(?:u|you|we|i|nobody|no one|it|they|staff|users?)\b)/.exec(plain);
  if (!leadingRecord) return undefined;
  const upTo = wordsOf(plain.slice(0, plain.indexOf(leadingRecord[1]) + leadingRecord[1].length)).length;
  const mention = mentions.filter((m) => m.end === upTo - 1).pop();
  if (!mention) return undefined;
  const state = leadingRecord[2];
  const condition = stateCondition(mention.entity, state) ?? timeState(ctx, mention.entity, state, false);
  if (condition) return { mention, state, condition };
  return isPeople(ctx, mention.entity.key.split(' ')) ? undefined : { mention, state };
}

/** "Archived projects can't get new tasks" when Project stores no state: one participle before the record. */
function participleBefore(ctx: RuleContext, ws: string[], mentions: Mention[]): StatedRecord | undefined {
  for (const mention of mentions) {
    const word = ws[mention.start - 1];
    if (!word || ARTICLE_OR_VERB.test(word) || NOT_A_STATE.test(word) || isPeople(ctx, mention.entity.key.split(' '))) continue;
    if (mention.start >= 2 && !/^(?:a|an|the|any|no|all|to|for|on|in|with|of)$/.test(ws[mention.start - 2])) continue;
    if (isActionVerb(word) && verbLemma(word) === word) continue;
    return { mention, state: word };
  }
  return undefined;
}

/** A participle ("archived", "locked") on a record with no status field of its own can be a yes/no field. */
function isYesNoState(flag: StatedRecord): boolean {
  const value = stateValue(flag.state);
  const participle = !!value && !value.includes('_') && (/(?:ed|en)$/.test(value) || IRREGULAR_STATE.test(value) || /^(archived|locked|closed|inactive)$/.test(value));
  return participle && !flag.mention.entity.fields.some((f) => f.type === 'enum' && /status|state|stage|phase/i.test(f.name));
}

/** What the clause refuses for the stated record: a child record's rows, the row a verb makes under it, or the record itself. */
function refusedFor(ctx: RuleContext, ws: string[], mentions: Mention[], found: StatedRecord): Refused | undefined {
  const stateEntity = found.mention.entity;
  const stateWords = new Set(wordsOf(found.state));
  const spans = (i: number) => mentions.some((m) => i >= m.start && i <= m.end);
  const verbs = ws.filter((w, i) => !spans(i) && !stateWords.has(w) && isActionVerb(w) && !isPeople(ctx, [w]));
  const actions = actionsOf(verbs, 'refusal').filter((a): a is WriteAction => a !== 'read');
  // "can't get / have / receive / take new tasks": adding rows.
  const gets = ws.some((w) => /^(?:get|gets|have|has|receive|receives|accept|accepts|take|takes|gain|gains)$/.test(w));
  // Another record named beside it that belongs to it: its rows are refused for it.
  const child = mentions.find((m) => m.entity !== stateEntity && belongsTo(ctx, m.entity, stateEntity).length);
  const childActions = actions.length ? actions : gets ? (['create'] as WriteAction[]) : [];
  if (child && childActions.length) return { entity: child.entity, actions: childActions, relation: relationName(ctx, child.entity, stateEntity) };
  const row = rowMadeUnder(ctx, verbs, stateEntity);
  if (row) return { entity: row, actions: ['create'], relation: relationName(ctx, row, stateEntity) };
  // The verbs act on the record itself (creating a record already in a state is no refusal).
  const own = actions.filter((a) => a !== 'create');
  return own.length ? { entity: stateEntity, actions: own } : undefined;
}

/** The row a verb makes under the stated record ("book a closed room" -> Booking). */
function rowMadeUnder(ctx: RuleContext, verbs: string[], stateEntity: DraftEntity): DraftEntity | undefined {
  for (const verb of verbs) {
    const acts = actionsOf([verb], 'refusal');
    if (acts.length && !acts.includes('create')) continue;
    const row = rowOf(ctx, verb, [stateEntity]);
    if (row && row !== stateEntity && belongsTo(ctx, row, stateEntity).length) return row;
  }
  return undefined;
}

function relationName(ctx: RuleContext, child: DraftEntity, parent: DraftEntity): string {
  return pickRelation(child, belongsTo(ctx, child, parent), wordsOf(parent.key)).name;
}

/** The state a mention is in, read around it: "an archived project", "rooms under maintenance", "a member who is blocked", "orders which have shipped". */
function stateAround(ws: string[], m: Mention): StoredState | undefined {
  // Before it: one or two words after an article or at the start ("a paid invoice", "cancelled or closed orders" is left to refuseInState).
  for (const n of [2, 1]) {
    const from = m.start - n;
    if (from < 0) continue;
    const words = ws.slice(from, m.start);
    // A participle is a state ("archived"), a verb's base form is not ("edit paid invoices").
    if (words.some((w) => ARTICLE_OR_VERB.test(w) || (isActionVerb(w) && verbLemma(w) === w))) continue;
    const hit = storedState(m.entity, words);
    if (hit) return hit;
  }
  return stateAfter(ws, m);
}

/** After a mention: "that/which/who is (already) X", "under maintenance", "in draft". */
function stateAfter(ws: string[], m: Mention): StoredState | undefined {
  let i = m.end + 1;
  if (/^(?:that|which|who)$/.test(ws[i] ?? '')) {
    i++;
    if (!/^(?:is|are|was|were|has|have|had)$/.test(ws[i] ?? '')) return undefined;
    while (i < ws.length && AUXILIARY.test(ws[i])) i++;
    for (const n of [2, 1]) {
      const hit = storedState(m.entity, ws.slice(i, i + n));
      if (hit && i + n <= ws.length) return hit;
    }
    return undefined;
  }
  if (/^(?:under|in|on)$/.test(ws[i] ?? '')) {
    for (const n of [2, 1]) {
      const words = ws.slice(i + 1, i + 1 + n);
      if (words.length < n) continue;
      const hit = storedState(m.entity, [ws[i], ...words]) ?? storedState(m.entity, words);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** The words as a state `entity` stores, unless they mean "more of them". */
function storedState(entity: DraftEntity, words: string[]): StoredState | undefined {
  if (!words.length || words.some((w) => NOT_A_STATE.test(w))) return undefined;
  const condition = stateCondition(entity, words.join(' '));
  return condition ? { state: words.join(' '), condition } : undefined;
}
