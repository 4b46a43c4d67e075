// Refusals of a record or a person in a state: "a closed issue cannot be edited", "a suspended
// member can't book a room", "nobody can change an archived project".
import type { RuleCondition, WriteAction } from '../../../model/project/projectSpec';
import type { DraftEntity, DraftField } from '../draft';
import { addOrNote, fieldIn, isPeople, lastRecordIn, mentionsIn, note, type Mention, type RuleContext, isTimeField } from './context';
import { belongsTo, pickRelation, relationTo, rowOf } from './links';
import { stateValue } from './workflow';
import { actionsOf, isActionVerb, stripArticles, verbLemma, withoutSignIn, wordsOf } from './words';
import { clausePlain, conditionFor, IRREGULAR_STATE, message, NEG, noState, refuse, stateCondition, stateFlag, timeState, verbList, VERBS } from './refuseConditions';

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

