// What the refusal phrasings share: the condition a state names (a stored value, a moment's time,
// or the yes/no field it needs) and the rule a refusal adds (see refuseWhen.ts).
import type { RuleCondition, Suggestion, WriteAction } from '../../../model/project/projectSpec';
import { addField, type DraftEntity, type DraftField } from '../draft';
import { addOrNote, fieldIn, note, type RuleContext, isTimeField } from './context';
import { belongsTo, rowOf } from './links';
import { timeFields } from './noOverlap';
import { stateValue } from './workflow';
import { actionsOf, PARTICIPLE, verbLemma, wordsOf } from './words';
import { withArticle } from '../../../model/project/naming';

export const NEG = String.raw`(?:cannot|can't|can not|cant|may not|must not|mustn't|should not|shouldn't|shouldnt|is not allowed to|are not allowed to|(?:it is|it's) not (?:allowed|possible|permitted) to|(?:is|are) not permitted to|can no longer|must never|may never|can never|won't|will not|shall not)`;
export const VERBS = String.raw`(${PARTICIPLE}(?:\s+on)?(?:\s*(?:,|or|and|nor)\s*(?:be\s+)?${PARTICIPLE}(?:\s+on)?)*)`;

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

/** Moments named by a noun or a start/end verb: their time passing is the state ("after check-in", "once it has started"). */
const START_MOMENTS = ['started', 'begun', 'began', 'start', 'starts', 'begins', 'beginning', 'check in', 'arrival', 'kick off', 'departure'];
const END_MOMENTS = ['ended', 'finished', 'over', 'end', 'ends', 'check out', 'deadline', 'due date', 'expiry'];
const wordIn = (words: string[]) => new RegExp(`^(?:${words.join('|')})$`);
/** A start or an end, also as a past participle ("checked in", "returned"). */
const STARTS = wordIn([...START_MOMENTS, 'checked in', 'arrived', 'kicked off', 'pick up', 'picked up', 'departed']);
const ENDS = wordIn([...END_MOMENTS, 'checked out', 'return', 'returned', 'drop off', 'dropped off', 'expired']);
const MOMENT = wordIn([...START_MOMENTS, ...END_MOMENTS]);

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


/** The condition a state names: a stored value first, a moment's time for moments, else the yes/no field it needs. */
export function conditionFor(ctx: RuleContext, entity: DraftEntity, state: string, flag = true): NonNullable<ReturnType<typeof stateCondition>> | undefined {
  const moment = MOMENT.test(wordsOf(state.replace(/-/g, ' ')).filter((w) => !/^(?:the|its|their|already|been|has|have|is|are)$/.test(w)).join(' '));
  const stored = () => stateCondition(entity, state);
  const time = () => timeState(ctx, entity, state);
  return (moment ? time() ?? stored() : stored() ?? time()) ?? (flag ? stateFlag(ctx, entity, state) : undefined);
}

type Condition = NonNullable<ReturnType<typeof stateCondition>>;

/** The opposite test of a stored value: "not available" is status ≠ available, "not approved" approved = false. */
function negated(c: Condition): Condition | undefined {
  if (c.op === 'eq' && c.field.type === 'enum') return { ...c, op: 'ne' };
  if (c.op === 'eq' && typeof c.value === 'boolean') return { ...c, value: !c.value };
  if (c.op === 'notEmpty') return { field: c.field, op: 'isEmpty' };
  return undefined;
}

/**
 * The conditions a state names, one refusal each: one state ("closed"), several stored values
 * ("broken or retired", "lost, stolen or broken": each refuses) or a stored value denied ("not
 * available", "no longer active"). Only stored values are read in the alternatives: no field is added.
 */
export function conditionsFor(ctx: RuleContext, entity: DraftEntity, state: string): Condition[] {
  const negation = /^(?:not|no longer|not yet)\s+(.+)$/.exec(state.trim());
  if (negation) {
    const positive = stateCondition(entity, negation[1]);
    const opposite = positive && negated(positive);
    return opposite ? [opposite] : [];
  }
  const one = conditionFor(ctx, entity, state);
  if (one) return [one];
  const parts = state.split(/\s*,\s*(?:or\s+|nor\s+)?|\s+(?:or|nor)\s+/).map((p) => p.replace(/^(?:in|on|a|an)\s+/, '').trim()).filter(Boolean);
  if (parts.length < 2) return [];
  const each = parts.map((p) => stateCondition(entity, p));
  return each.every((c): c is Condition => !!c) ? each : [];
}

/** The refusal text shown to the user: the clause, as a sentence. */
export function message(ctx: RuleContext): string {
  const text = ctx.clause.text.replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, '');
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return (/[.!?]$/.test(sentence) ? sentence : `${sentence}.`).slice(0, 300);
}

/** Verbs that make the record they act on ("create a project"), not a row under it ("book a room"). */
const CREATING = /^(?:create|add|make|enter|record|register|open|import|write|post|upload)$/;

/** Adds one refusal per entity the verbs act on: the entity itself, or a child the verb makes ("commented on" -> Comment). */
export function refuse(ctx: RuleContext, entity: DraftEntity, verbs: string[], condition: { field: DraftField; op: RuleCondition['op']; value?: string | number | boolean }, label: string): void {
  const own: WriteAction[] = [];
  const children: Array<{ child: DraftEntity; relation: string }> = [];
  const unmade: string[] = [];
  for (const verb of verbs) {
    const actions = actionsOf([verb], 'refusal').filter((a): a is WriteAction => a !== 'read');
    // "a closed room can't be booked": booking makes a row under the room; a room is not created closed.
    const made = actions.includes('create') && !CREATING.test(verbLemma(verb)) ? rowOf(ctx, verb, [entity]) : undefined;
    const madeRel = made && made !== entity ? belongsTo(ctx, made, entity)[0] : undefined;
    if (made && madeRel) {
      children.push({ child: made, relation: madeRel.name });
      actions.filter((a) => a !== 'create').forEach((a) => !own.includes(a) && own.push(a));
      continue;
    }
    // "nobody can apply to an opening that is not open": applying makes an application, not an opening;
    // with no such row linked to the record, refusing to create the record itself would be another rule.
    if (actions.includes('create') && !CREATING.test(verbLemma(verb)) && rowOf(ctx, verb, [entity]) !== entity) {
      unmade.push(verb);
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
  if (unmade.length) note(ctx, `Looks like a refusal to ${unmade.join(', ')} while ${withArticle(entity.name)} is in a state (${label}), but no record type linked to ${entity.name} stores the ${unmade.length > 1 ? 'rows these make' : 'row this makes'}; ${own.length || children.length ? 'only the rest is enforced' : 'nothing is enforced'}.`);
  else if (!own.length && !children.length) note(ctx, `Looks like a refusal on ${entity.name} (${label}), but "${verbs.join(', ')}" is not creating, changing or deleting a record.`);
}

export function verbList(text: string): string[] {
  return text.split(/\s*(?:,|\bor\b|\band\b|\bnor\b)\s*/).map((v) => v.replace(/^be\s+/, '').replace(/\s+on$/, '').trim()).filter(Boolean);
}

/** Past participles that do not end in -ed/-en and name a state a record reaches ("paid", "sent", "sold"). */
export const IRREGULAR_STATE = /^(?:un)?(?:paid|sent|sold|shut|lost|won|held|built|kept|spent|bought|signed|dealt|bound|struck|split|quit|shipped|set up)$/;

/**
 * "Paid invoices can't be changed" when Invoice stores no status: a developer adds the yes/no
 * field the rule needs (paid) rather than dropping the rule. Only for a one-word state written
 * like a past participle or a plain state adjective, on a record without a status of its own.
 */

export function stateFlag(ctx: RuleContext, entity: DraftEntity, state: string): NonNullable<ReturnType<typeof stateCondition>> | undefined {
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

export function noState(ctx: RuleContext, entity: DraftEntity, state: string, label: string): void {
  const value = stateValue(state);
  const status = entity.fields.find((f) => f.type === 'enum' && /status|state|stage/i.test(f.name));
  const fixes: Suggestion[] = value && !status ? [{ kind: 'addField', entity: entity.name, field: 'status', type: 'enum', label: `status on ${entity.name}` }] : [];
  note(ctx, `Looks like a refusal while ${withArticle(entity.name)} is ${state} (${label}), but ${entity.name} has no status value or yes/no field "${state}"${status ? ` (${status.name} is one of ${status.enumValues?.join(', ')})` : ''}.`, fixes);
}

/** The clause to match: no end mark, and notes' "its delivered" / "its been paid" read as "it is" / "it has". */
export function clausePlain(ctx: RuleContext): string {
  return ctx.clause.plain
    .replace(/[.;!]\s*$/, '')
    .replace(/\bits been\b/g, 'it has been')
    .replace(/\b(it|that)s (?=(?:already |still |now |been )?[a-z]+(?:ed|en|paid|sent|sold)\b)/g, '$1 is ');
}

