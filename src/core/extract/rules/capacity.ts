// Capacity: "the number of guests per table is limited to 8", "nobody can book a full class", "a
// class is full when its capacity is reached", "more permits than its max". The rule goes on the
// counted (child) entity, through its relation to the parent, against an integer capacity field of
// the parent (added from the number); see capacityRule.ts. "At most N …" phrasings are read in
// capacityLimit.ts.
import type { Rule } from '../../../model/project/projectSpec';
import type { DraftEntity } from '../draft';
import { ACTION_NOUNS } from '../lexicon';
import { belongsTo } from './links';
import { addOrNote, fieldIn, lastRecordIn, mentionsIn, note, type RuleContext, isTimeField } from './context';
import { NUMBER, parseNumber, PERIODS, stripArticles, UNITS, verbLemma, wordsOf } from './words';
import { ACTIVE, ACTIVE_FIELD, buildCapacity, capacityField, periodCapacity, periodIn } from './capacityRule';
import { guarded } from '../guardedRegExp';

export { capacityLimit } from './capacityLimit';

/** "the number of guests per room is limited to 4", "max number of dogs per day: 15". */
const COUNT_PER_RECORD_LIMIT = guarded(new RegExp(String.raw`\b(?:the\s+)?(?:max(?:imum)?\s+)?(?:number|count|amount)\s+of\s+([a-z][a-z -]{1,30}?)\s+(?:per|in|for|on|at)\s+(?:a|an|each|the|one)?\s*([a-z][a-z -]{1,30}?)\s+(?:is limited to|is capped at|must not exceed|mustn't exceed|can't exceed|cannot exceed|may not exceed|should not exceed|is at most|can't be more than|cannot be more than|may not be more than|must not be more than|is|must be at most)\s+(${NUMBER})\b`));

/** "dogs per day: max 15", "guests per room = at most 4". */
const PER_RECORD_MAX = guarded(new RegExp(String.raw`^([a-z][a-z -]{1,30}?)\s+per\s+([a-z][a-z -]{1,30}?)\s*[:=-]?\s*(?:max(?:imum)?|at most|up to|limit(?:ed to)?|no more than)\s*(${NUMBER})\b`));

/** "the number of guests per table is limited to 8", "players per team: max 25". */
export function capacityNumberOf(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain.replace(/[.;!]\s*$/, '');
  const m =
    COUNT_PER_RECORD_LIMIT.exec(plain) ??
    PER_RECORD_MAX.exec(plain);
  if (!m) return false;
  const limit = parseNumber(m[3]);
  const countedWords = stripArticles(wordsOf(m[1]));
  if (limit === undefined || UNITS[countedWords[countedWords.length - 1] ?? '']) return false;
  const label = m[0].slice(0, 120);
  const perWords = stripArticles(wordsOf(m[2]));
  // "the number of dogs per day is limited to 15": a fixed limit per period.
  const period = periodIn(ctx, `per ${perWords.join(' ')}`);
  if (period && perWords.length === 1) return periodCapacity(ctx, { limit, countedWords, counted: mentionsIn(ctx, countedWords)[0], unit: period.unit, scope: undefined, label });
  if (PERIODS.has(perWords[0] ?? '') && !mentionsIn(ctx, perWords).some((x) => x.entity.name !== 'User')) {
    note(ctx, `Looks like a limit of ${limit} ${countedWords.join(' ')} per ${perWords[0]}, but a capacity rule counts the rows of one record, not per ${perWords[0]}; Takoss cannot enforce a limit per ${perWords[0]}.`);
    return true;
  }
  const parent = mentionsIn(ctx, perWords).find((x) => x.start === 0)?.entity;
  if (!parent) {
    note(ctx, `Looks like a capacity limit (${label}), but "${perWords.join(' ')}" is not a record type.`);
    return true;
  }
  buildCapacity(ctx, parent, mentionsIn(ctx, countedWords)[0], countedWords, '', limit, ACTIVE.test(plain), label);
  return true;
}

/** "a full class", "the class is fully booked", "overbooked". */
const FULL_CLAUSE = guarded(/\b(?:a|an|the) (?:fully booked |full )([a-z][a-z -]{1,40})|\b([a-z][a-z -]{0,40}?) (?:is|are|gets?|becomes?|becoming) (?:full|fully booked|sold out)\b|\b(?:capacity|limit) (?:is|has been|was) (?:reached|exceeded|hit)\b|\bexceed\w* (?:the |its )?capacity\b|\boverbook\w*|\bno (?:free |more )?(?:copy|copies|seats?|spots?|places?|slots?|rooms?|beds?|tickets?) (?:is |are )?(?:free|available|left)\b|\b(?:full|sold out|fully booked)\b(?=\s*(?:$|,|\.|;))/);

/** "nobody can book a full class", "once a session is full", "registration is refused once capacity is reached", "no copy is free". */
export function capacityFull(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain.replace(/[.;!]\s*$/, '');
  const full = FULL_CLAUSE.exec(plain);
  if (!full) return false;
  if (/\bfull[- ](?:name|address|text|time|description|price|details?)\b/.test(full[0])) return false;
  const mentions = mentionsIn(ctx, plain).filter((x) => x.entity.name !== 'User');
  const phrase = full[1] ?? full[2];
  let parent: DraftEntity | undefined = phrase ? lastRecordIn(ctx, phrase)?.entity : undefined;
  if (!parent && /overbook/.test(full[0])) parent = lastRecordIn(ctx, plain.slice(0, full.index))?.entity;
  const withCapacity = ctx.draft.entities.filter((e) => capacityField(e));
  if (!parent) parent = withCapacity.find((e) => mentions.some((x) => x.entity === e)) ?? (withCapacity.length === 1 ? withCapacity[0] : undefined);
  if (!parent) {
    const what = phrase ? `"${stripArticles(wordsOf(phrase)).join(' ')}"` : 'it';
    note(ctx, `Looks like a capacity limit, but ${what} is not a record type with a number of places.`);
    return true;
  }
  // The counted rows: the one the clause names, or what its verb makes ("book" -> booking).
  const verbs = wordsOf(plain).map(verbLemma);
  const named = mentions.find((x) => x.entity !== parent && belongsTo(ctx, x.entity, parent!).length);
  const action = verbs.map((v) => ACTION_NOUNS[v]).find(Boolean);
  const verb = verbs.find((v) => ACTION_NOUNS[v]) ?? '';
  const counted = named ?? (action ? mentionsIn(ctx, [action])[0] : undefined);
  const free = /\b(?:free|available|left|returned|back)\b/.test(plain);
  let rows = counted ? { child: counted.entity, relation: belongsTo(ctx, counted.entity, parent)[0] } : undefined;
  if (!rows?.relation) {
    const children = ctx.draft.entities.filter((e) => e !== parent && e.name !== 'User' && belongsTo(ctx, e, parent!).length);
    const child = children.find((e) => e.fields.some((f) => ACTIVE_FIELD.test(f.name) && isTimeField(f))) && free
      ? children.find((e) => e.fields.some((f) => ACTIVE_FIELD.test(f.name) && isTimeField(f)))
      : undefined;
    if (child) rows = { child, relation: belongsTo(ctx, child, parent)[0] };
  }
  const label = full[0].trim();
  const field = capacityField(parent);
  if (rows?.relation && free && field) {
    const active = rows.child.fields.find((f) => isTimeField(f) && !f.required && ACTIVE_FIELD.test(f.name));
    const rule: Rule = { kind: 'capacity', entity: rows.child.name, relation: rows.relation.name, capacityField: field.name, sources: [ctx.sentence.id] };
    if (active) rule.activeWhenNull = active.name;
    field.sources.add(ctx.sentence.id);
    addOrNote(ctx, rule, label);
    return true;
  }
  buildCapacity(ctx, parent, rows ? { entity: rows.child, person: false, start: 0, end: 0, plural: false } : undefined, [], verb, undefined, false, label, field);
  return true;
}

/** "No more members than the capacity can book a class", "not more guests than its beds may stay in a cabin". */
const NO_MORE_THAN_CAN = guarded(/\b(?:no|not) more ([a-z][a-z -]{1,30}?) than (?:(?:its|their|the) )?([a-z][a-z -]{0,30}?) (?:can|may|could|are allowed to|will be able to|should be able to) ([a-z]+)(?: (?:in|into|on|for|to|at))? (?:a|an|the|each|one|any) ([a-z][a-z -]{1,30})$/);

/** The people (or things) counted, the maximum's name, the verb and the record that has the maximum. */
function noMoreThanCan(ctx: RuleContext, m: RegExpExecArray, plain: string): boolean {
  const label = m[0].slice(0, 120);
  const parent = mentionsIn(ctx, m[4]).find((x) => x.entity.name !== 'User' && x.start === 0)?.entity;
  if (!parent) {
    note(ctx, `Looks like a capacity limit (${label}), but the record that has the maximum was not found.`);
    return true;
  }
  const countedWords = wordsOf(m[1]);
  const field = fieldIn(parent, wordsOf(m[2]), 1.5, (f) => f.type === 'integer') ?? capacityField(parent, countedWords);
  buildCapacity(ctx, parent, mentionsIn(ctx, countedWords)[0], countedWords, m[3], undefined, ACTIVE.test(plain), label, field);
  return true;
}

/** "a zone cannot issue more permits than its max", "can't be more than the capacity of the room", "a shift can't have more volunteers than spots". */
export function capacityCompare(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain.replace(/[.;!]\s*$/, '');
  const fewer = NO_MORE_THAN_CAN.exec(plain);
  if (fewer) return noMoreThanCan(ctx, fewer, plain);
  const m = /\bmore ([a-z][a-z -]{1,30}?) than (?:(?:its|their|the) )?([a-z][a-z -]{0,30}?)(?: of (?:the |a |an |its )?([a-z][a-z -]{1,30}))?$/.exec(plain) ?? /\b(?:number|count) of ([a-z][a-z -]{1,30}?) (?:in|of|per) (?:a|an|the|each) ([a-z][a-z -]{1,30}?) (?:can't|cannot|can not|cant|may not|must not|should not|shouldn't|never) (?:be )?(?:more|greater|higher|larger|bigger) than (?:the )?(.{1,60})$/.exec(plain);
  if (!m) return false;
  const label = m[0].slice(0, 120);
  if (/^(?:number|count)/.test(m[0])) {
    // Counting one record's value against another record's capacity is a comparison of two fields.
    note(ctx, `Looks like a capacity check (${label}), but it compares a number stored on one record with another record's capacity; Takoss's capacity rule counts rows that belong to a record, so this check is not generated.`);
    return true;
  }
  const before = plain.slice(0, m.index);
  if (!/\b(?:can't|cannot|can not|cant|may not|must not|mustn't|never|not|nobody|no one|shouldn't)\b/.test(before)) return false;
  const subject = mentionsIn(ctx, before).pop();
  const ofWhat = m[3] ? mentionsIn(ctx, m[3]).find((x) => x.entity.name !== 'User')?.entity : undefined;
  const parent = ofWhat ?? subject?.entity;
  if (!parent) {
    note(ctx, `Looks like a capacity limit (${label}), but the record that has the maximum was not found.`);
    return true;
  }
  const countedWords = wordsOf(m[1]);
  const field = fieldIn(parent, wordsOf(m[2]), 1.5, (f) => f.type === 'integer') ?? fieldIn(parent, [...wordsOf(m[2]), ...countedWords], 1.5, (f) => f.type === 'integer') ?? capacityField(parent, countedWords);
  const counted = mentionsIn(ctx, countedWords)[0];
  buildCapacity(ctx, parent, counted, countedWords, wordsOf(before).pop() ?? '', undefined, ACTIVE.test(plain), label, field);
  return true;
}
