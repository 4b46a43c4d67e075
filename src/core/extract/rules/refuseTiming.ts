// Refusals in time: "nobody can book a class that has already started", "can be cancelled only
// while it is still new", "can't edit an order after it has shipped", "the start date cannot be in
// the past", "can be cancelled up to 2 hours before" (margins cannot be expressed and are said so).
import type { WriteAction } from '../../../model/project/projectSpec';
import type { DraftField } from '../draft';
import { addOrNote, fieldIn, isPeople, lastRecordIn, subjectRecordIn, locateField, mentionsIn, note, type Mention, type RuleContext, isTimeField } from './context';
import { belongsTo, rowOf } from './links';
import { timeFields } from './noOverlap';
import { stateValue, workflowOrder } from './workflow';
import { actionsOf, isActionVerb, parseNumber, stripArticles, withoutSignIn, wordsOf } from './words';
import { withArticle } from '../../../model/project/naming';
import { clausePlain, conditionFor, conditionsFor, message, NEG, noState, refuse, timeState } from './refuseConditions';
import { guarded } from '../guardedRegExp';

/** A refusal's words ("cannot", "may not", "is not allowed to" …). */
const REFUSAL = new RegExp(NEG);

/** A refusal of what is done to the record itself: "cannot be edited". */
const REFUSED_PASSIVE = new RegExp(String.raw`${NEG}\s+be\s+`);

const IN_THE_PAST = guarded(/\b(?:(?:a|an|the|any)\s+)?([a-z][a-z -]{1,30}?)\s+in the past\b/);

const PAST_THEIR = guarded(/^(.*?)\b([a-z][a-z -]{1,30}?)\s+past\s+(?:their|its|the)\s+([a-z][a-z -]{1,30}?)\s+(?:can't|cannot|can not|cant|may not|must not|should not|shouldn't)\s+be\s+([a-z]+(?:ed|en|t))\b\s*(.*)$/);

const ALREADY_STARTED = guarded(/\b(?:(?:a|an|the|any)\s+)?([a-z][a-z -]{1,30}?)\s+(?:that|which|who)\s+(?:has|have|had|is|are)\s+(?:already\s+)?(started|begun|began|ended|finished|passed|expired|closed|run out)\b/);

/** "nobody can book a class that has already started", "can't book a session in the past", "products past their best-before date can't be put in a parcel". */
export function refuseTimePast(ctx: RuleContext): boolean {
  const plain = withoutSignIn(clausePlain(ctx));
  const started = ALREADY_STARTED.exec(plain);
  const inPast = IN_THE_PAST.exec(plain);
  const pastTheir = PAST_THEIR.exec(plain);
  if (!started && !inPast && !pastTheir) return false;
  const noneCan = /\bno\s+(?:new\s+|more\s+|further\s+)?[a-z]+\s+(?:can|may|should|will|shall)\s+be\s+([a-z]+)/.exec(plain);
  if (!REFUSAL.test(plain) && !/\bnobody|no one|never\b/.test(plain) && !noneCan) return false;
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
    note(ctx, `Looks like a refusal once ${withArticle(target.entity.name)} is past (${label}), but ${target.entity.name} has no date or time to compare with now.`);
    return true;
  }
  // The verb acting: on the record itself ("be edited") or making a row under it ("book", "put in a parcel").
  const verbText = pastTheir ? pastTheir[4] : (/\b(?:can't|cannot|can not|cant|may not|must not|should not|shouldn't|nobody can|no one can|never)\s+(?:be\s+)?([a-z]+)/.exec(plain)?.[1] ?? noneCan?.[1] ?? '');
  const other = pastTheir ? mentionsIn(ctx, pastTheir[5]).filter((m) => m.entity.name !== 'User').map((m) => m.entity) : [];
  const own = actionsOf([verbText], 'refusal').filter((a): a is WriteAction => a !== 'read' && a !== 'create');
  const passiveOnTarget = pastTheir ? false : REFUSED_PASSIVE.test(plain);
  field.sources.add(ctx.sentence.id);
  if (passiveOnTarget && own.length) {
    addOrNote(ctx, { kind: 'refuseWhen', entity: target.entity.name, actions: own, condition: { field: field.name, op: 'past' }, message: message(ctx), sources: [ctx.sentence.id] }, label);
    return true;
  }
  const row = rowOf(ctx, verbText, [target.entity, ...other]) ?? (other.length ? ctx.draft.entities.find((e) => belongsTo(ctx, e, target!.entity).length && other.every((o) => belongsTo(ctx, e, o).length)) : undefined);
  const rel = row ? belongsTo(ctx, row, target.entity)[0] : undefined;
  if (!row || !rel) {
    note(ctx, `Looks like nothing may be ${verbText || 'added'} for ${withArticle(target.entity.name)} that is past (${label}), but no record type links to ${target.entity.name}.`);
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

const UNTIL_STATE = guarded(/^(.*?)\b(?:only\s+)?(?:until|till)\s+(?:it|they|the [a-z ]+?)\s*(?:is|are|'s|has been|have been|gets|get|has|have)\s+(?:been\s+)?([a-z][a-z-]*)$/);

/**
 * "I want to edit my expense as long as it has not been approved", "a claim can be changed until it
 * is approved" on a record with no status that orders its states: refused once it is in that state
 * (the yes/no field the state needs is added when the record stores none).
 */
function refuseUntil(ctx: RuleContext, plain: string): boolean {
  const m =
    /^(.*?)\b(?:only\s+)?(?:while|as long as|so long as)\s+(?:it|they|the [a-z ]+?)\s*(?:is|are|'s|has|have)\s*(?:not|n't)\s+(?:yet\s+)?(?:been\s+)?([a-z][a-z-]*)(?:\s+yet)?$/.exec(plain) ??
    UNTIL_STATE.exec(plain);
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
  // ("until the day before", "until 2 days before the session": a time margin, refuseTimeMargin's.)
  if (/\b(?:day|days|hours?|minutes?|weeks?) before\b/.test(plain.slice(m[1].length))) return false;
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

/** The record and its state after the refused verbs: "… an order after it has shipped". */
const AFTER_STATE_TAIL = String.raw`(?:\s+(?:in|on|to|for|into|onto|at|from|with|in to))?\s+(?:a|an|the|any|their|his|her|my|your)\s+([a-z][a-z -]{1,30}?)\s+(?:once|after|when|as soon as|if)\s+(?:it|they)\s*(?:is|are|'s|has been|have been|has|have|was|were|gets|got)?\s*(?:already\s+|been\s+)?([a-z][a-z -]{0,20})$`;
/** "… an expense that is approved", "… an expense which has been paid": the state in a relative clause. */
const STATE_RELATIVE_TAIL = String.raw`(?:\s+(?:in|on|to|for|into|onto|at|from|with))?\s+(?:a|an|the|any|their|his|her|my|your)\s+([a-z][a-z -]{1,30}?)\s+(?:that|which)\s+(?:is|are|has been|have been|was|were)\s+(?:already\s+|marked as\s+|set to\s+|in\s+)?([a-z][a-z -]{0,20})$`;
/** The refused verbs: "edit", "edit or delete". */
const REFUSED_VERBS = String.raw`([a-z]+(?:\s*(?:,|or|and)\s*[a-z]+)*)`;
/** "you can't edit an order after it has shipped", "nobody may change …", "… an expense that is approved". */
const REFUSED_AFTER_STATE = [
  new RegExp(String.raw`\b${NEG}\s+${REFUSED_VERBS}${AFTER_STATE_TAIL}`),
  new RegExp(String.raw`\b(?:nobody|no one)\s+(?:can|may|is allowed to)\s+${REFUSED_VERBS}${AFTER_STATE_TAIL}`),
  new RegExp(String.raw`\b(?:${NEG}|(?:nobody|no one)\s+(?:can|may|is allowed to))\s+${REFUSED_VERBS}${STATE_RELATIVE_TAIL}`),
];

/** "you can't edit an order after it has shipped", "nobody may change a report once it is approved". */
export function refuseAfterState(ctx: RuleContext): boolean {
  const plain = withoutSignIn(clausePlain(ctx));
  const m = firstMatch(REFUSED_AFTER_STATE, plain);
  if (!m) return false;
  const verbs = m[1].split(/\s*(?:,|\bor\b|\band\b)\s*/).filter(Boolean);
  if (!verbs.every((v) => isActionVerb(v))) return false;
  const entity = lastRecordIn(ctx, m[2])?.entity;
  const label = plain.slice(0, 140);
  if (!entity) {
    note(ctx, `Looks like a refusal once something is ${m[3]} (${label}), but "${m[2]}" is not a record type.`);
    return true;
  }
  const conditions = conditionsFor(ctx, entity, m[3]);
  if (!conditions.length) {
    noState(ctx, entity, m[3], label);
    return true;
  }
  for (const condition of conditions) refuse(ctx, entity, verbs, condition, label);
  return true;
}

const NOT_IN_THE_PAST = guarded(/^(.*?)\s+(?:cannot|can't|cant|can not|may not|must not|mustn't|should not|shouldn't)\s+be\s+in\s+the\s+past$|^(.*?)\s+(?:must|has to|have to|should|needs? to)\s+be\s+in\s+the\s+future$/);

/** "the start date cannot be in the past", "a due date must be in the future". */
export function refuseFieldPast(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain.replace(/[.;!]\s*$/, '');
  const m = NOT_IN_THE_PAST.exec(plain);
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
  const subject = subjectRecordIn(ctx, withoutSignIn(plain.slice(0, m.index)))?.entity;
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
          note(ctx, `Looks like a time limit (${label}); ${actions.join('/')} of ${withArticle(subject.name)} is refused once ${parent ? `its ${parent.r.name}'s ` : 'its '}${field.name} has passed, but the margin before it is not enforced (its size was not understood).`);
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
  // "can cancel until the day before": refused from a day before the start on (on the day itself).
  if (m[0] === 'the day before' || (m[1] === 'the' && m[2] === 'day')) return { op: 'past', offset: { amount: 1, unit: 'days' }, ...(type === 'date' ? {} : { approximate: '24 hours before the start' }) };
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

/** The first of the expressions that matches, as exec gives it. */
function firstMatch(expressions: RegExp[], text: string): RegExpExecArray | null {
  for (const expression of expressions) {
    const match = expression.exec(text);
    if (match) return match;
  }
  return null;
}
