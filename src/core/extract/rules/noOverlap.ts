// No overlaps: "a room can't be double-booked", "no double bookings on a car", "no two bookings of
// the same court may overlap", "a teacher can't teach two lessons at the same time", "a referee
// can't be assigned to two matches at the same kick-off time". Needs the booked entity's start and
// its end or duration; a single moment ("the same period") is a unique pair instead.
import type { Rule, Suggestion } from '../../../model/project/projectSpec';
import { addField, addRelation, findEntity, type DraftEntity, type DraftField, type DraftRelation } from '../draft';
import { belongsTo, rowOf } from './links';
import { addOrNote, fieldIn, isPeople, lastRecordIn, mentionsIn, note, type Mention, type RuleContext, isTimeField } from './context';
import { PLACE_ROWS, stripArticles, wordsOf } from './words';


/** A text field named start/end (types guessed from a bare list) is a moment. */
function textTime(f: DraftField): boolean {
  return f.type === 'string' && !f.enumValues && /^(start|end|starts|ends|begin|finish|startTime|endTime|startsAt|endsAt|from|until)$/.test(f.name);
}

export function timeFields(entity: DraftEntity, adopt = false): { start?: DraftField; end?: DraftField; duration?: DraftField } {
  if (adopt) for (const f of entity.fields) if (textTime(f)) f.type = 'datetime';
  const times = entity.fields.filter(isTimeField);
  const start = times.find((f) => /start|begin|from|kick|arriv|checkin|checkIn|pickup|open/i.test(f.name)) ?? times.find((f) => !/end|until|to$|finish|leave|left|checkout|return|due|deadline|depart|close/i.test(f.name)) ?? (times.length === 1 ? times[0] : undefined);
  const end = times.find((f) => f !== start && /end|until|To$|finish|leave|left|checkout|checkOut|return|depart|dropoff|dropOff|close/i.test(f.name));
  const duration = entity.fields.find((f) => (f.type === 'integer' || f.type === 'decimal') && /duration|length|minutes|mins/i.test(f.name));
  return { start, end, duration };
}

/** The relation from the booked entity to its scope (the room, the referee); people map to User. */
function scopeRelation(ctx: RuleContext, entity: DraftEntity, scope: Mention, words: string[]): DraftRelation | undefined {
  const rels = belongsTo(ctx, entity, scope.entity);
  // "Volunteers can't sign up for two shifts that overlap" while the shift's link to User is its
  // organiser: a link named after another sign-in role is not the volunteer's (no rule on it).
  const otherRole = (r: DraftRelation) => !!scope.role && r.name !== scope.role && ctx.roles.includes(r.name);
  if (rels.length <= 1) return rels[0] && !otherRole(rels[0]) ? rels[0] : undefined;
  const hints = [scope.role, ...words].filter(Boolean) as string[];
  return rels.find((r) => hints.some((h) => r.name.toLowerCase().includes(h.replace(/_/g, '')))) ?? rels.find((r) => r.name === entity.ownerRelation) ?? rels[0];
}

type Times = ReturnType<typeof timeFields>;

/** Builds the rule for `entity` rows sharing `scope`; `same` names a single moment ("the same period"). */
function buildOverlap(ctx: RuleContext, entity: DraftEntity | undefined, scope: Mention, scopeWords: string[], same: string[] | undefined, label: string): void {
  const booked = entity ?? bookedUnder(ctx, scope);
  if (!booked) {
    note(ctx, `Looks like ${scope.entity.name === 'User' ? scope.role ?? 'a user' : scope.entity.name} may not be booked twice at once (${label}), but no record type of bookings with a time was found for it.`);
    return;
  }
  const relation = scopeLink(ctx, booked, scope, scopeWords);
  if (!relation) {
    const role = scope.entity.name === 'User' ? scope.role : undefined;
    const linked = belongsTo(ctx, booked, scope.entity)[0];
    // (Linked to User through another role: the rows are the organiser's, and nothing records which volunteer took one.)
    const why = linked ? `${booked.name}'s link to ${scope.entity.name} is its ${linked.name}, and no record type says which ${scope.role ?? 'user'} took a ${booked.name}` : `${booked.name} has no link to ${role ? `the ${role}` : scope.entity.name}`;
    note(ctx, `Looks like ${booked.name} rows may not overlap for the same ${scopeWords.join(' ') || role || scope.entity.name} (${label}), but ${why}.`);
    return;
  }
  // (A moment named, "in the same period", is a link the pair is unique on: uniqueInstead below.)
  if (!same?.length && timedThroughLink(ctx, booked, scope, label)) return;
  const times = overlapTimes(ctx, booked, same);
  const { start, end, duration } = times;
  if (start && (end || duration)) {
    const rule: Rule = { kind: 'noOverlap', entity: booked.name, scope: relation.name, start: start.name, sources: [ctx.sentence.id] };
    if (end) rule.end = end.name;
    else if (duration) rule.durationMinutesField = duration.name;
    addOrNote(ctx, rule, label);
    return;
  }
  uniqueInstead(ctx, booked, relation, same, times, label);
}

/** A start and an end (or a duration): the record says when it begins and when it is over. */
function hasTimeSpan(entity: DraftEntity): boolean {
  const { start, end, duration } = timeFields(entity);
  return !!start && !!(end || duration);
}

/**
 * "Volunteers can't sign up for two shifts that overlap": the sign-up has no times, the shift it is
 * for has them. Times made up on the sign-up would ask the volunteer for the shift's hours again and
 * check those, not the shift's: listed instead (an overlap check through a link is not generated).
 */
function timedThroughLink(ctx: RuleContext, booked: DraftEntity, scope: Mention, label: string): boolean {
  if (timeFields(booked).start) return false;
  const timed = ctx.draft.relations
    .filter((r) => r.from === booked.name && r.kind === 'belongsTo' && r.to !== scope.entity.name)
    .map((r) => findEntity(ctx.draft, r.to))
    .find((target) => target && hasTimeSpan(target));
  if (!timed) return false;
  const who = scope.entity.name === 'User' ? (scope.role ?? 'user') : scope.entity.name;
  note(ctx, `Looks like one ${who}'s ${booked.name} rows may not overlap (${label}), but the times are ${timed.name}'s: a check of overlaps through a link is not generated. Enforce it in the API by hand, or give ${booked.name} times of its own.`);
  return true;
}

/** No booked record named: the child of the scope with a time (named in the sentence, a place's rows, or the only one). */
function bookedUnder(ctx: RuleContext, scope: Mention): DraftEntity | undefined {
  const children = ctx.draft.entities.filter((e) => e !== scope.entity && belongsTo(ctx, e, scope.entity).length);
  const named = mentionsIn(ctx, ctx.sentence.plain).map((m) => m.entity);
  const timed = children.filter((e) => timeFields(e).start || e.fields.some(textTime));
  return timed.find((e) => named.includes(e)) ?? timed.find((e) => PLACE_ROWS.test(e.key.split(' ').pop() ?? '')) ?? (timed.length === 1 ? timed[0] : undefined) ?? (children.length === 1 ? children[0] : undefined);
}

/** The booked record's link to the scope, added when there is none yet and the scope is a record of its own. */
function scopeLink(ctx: RuleContext, booked: DraftEntity, scope: Mention, scopeWords: string[]): DraftRelation | undefined {
  const relation = scopeRelation(ctx, booked, scope, scopeWords);
  // "Sessions in the same studio must not overlap" with no link yet: the studio a session is in.
  if (!relation && scope.entity.name !== 'User' && scope.entity !== booked && !belongsTo(ctx, scope.entity, booked).length) {
    const added = addRelation(ctx.draft, { from: booked.name, to: scope.entity.name, required: true }, ctx.sentence.id);
    if (added && added.from === booked.name && added.kind === 'belongsTo') return added;
  }
  return relation;
}

/**
 * The times an overlap needs, when the record has none or only a start time: a start and an end
 * ("a studio's sessions may not overlap" -> start time, end time). A date alone is a day (uniqueInstead).
 */
function overlapTimes(ctx: RuleContext, booked: DraftEntity, same: string[] | undefined): Times {
  const found = timeFields(booked, true);
  const duration = found.duration;
  let { start, end } = found;
  const sameIsStart = !!same?.length && (/^(?:time|moment|hour|hours|minute)$/.test(same[same.length - 1]) || (!!start && fieldIn(booked, same, 1.5) === start));
  if (!end && !duration && (!same?.length || sameIsStart) && (!start || start.type === 'datetime')) {
    if (!start) start = addField(booked, { words: ['start', 'time'], type: 'datetime' }, ctx.sentence.id);
    if (start) end = addField(booked, { words: endWordsFor(start), type: 'datetime', required: start.required }, ctx.sentence.id);
    if (start && end) {
      start.sources.add(ctx.sentence.id);
      ctx.draft.used.add(ctx.sentence.id);
    }
  }
  return { start, end, duration };
}

/** Without start and end: the same moment (a link or a field) or the same day makes the pair unique; else a note says what is missing. */
function uniqueInstead(ctx: RuleContext, booked: DraftEntity, relation: DraftRelation, same: string[] | undefined, times: Times, label: string): void {
  const { start, end, duration } = times;
  // "in the same period": a moment named by a link or a field; the pair is then simply unique.
  const sameTarget = same?.length ? mentionsIn(ctx, same).find((m) => belongsTo(ctx, booked, m.entity).length) : undefined;
  const sameRelation = sameTarget ? belongsTo(ctx, booked, sameTarget.entity)[0] : undefined;
  const sameField = !sameRelation && same?.length ? fieldIn(booked, same, 1.5) ?? (/^(time|moment)$/.test(same[same.length - 1]) ? start : undefined) : undefined;
  const suggestions: Suggestion[] = [];
  if (start && !end && !duration) {
    suggestions.push({ kind: 'addField', entity: booked.name, field: 'durationMinutes', type: 'integer', label: `durationMinutes (integer) on ${booked.name}` });
    suggestions.push({ kind: 'addRule', rule: { kind: 'noOverlap', entity: booked.name, scope: relation.name, start: start.name, durationMinutesField: 'durationMinutes', sources: [ctx.sentence.id] }, label: `No overlapping ${booked.name} rows per ${relation.name}` });
  }
  if (sameRelation || sameField) {
    const other = sameRelation?.name ?? sameField!.name;
    const ok = addOrNote(ctx, { kind: 'unique', entity: booked.name, fields: [relation.name, other], sources: [ctx.sentence.id] }, label);
    // A start time alone: the same start is refused, but a later start inside a running one is not.
    if (ok && sameField && isTimeField(sameField)) {
      note(ctx, `Two ${booked.name} rows with the same ${relation.name} and the same ${sameField.name} are refused, but ${booked.name} has no end or duration, so overlapping ones that start at different times are not.`, suggestions);
    }
    // "in the same period", where a period has times of its own: one per period is made, overlapping periods are not compared.
    const slot = sameTarget?.entity;
    if (ok && slot && hasTimeSpan(slot)) {
      note(ctx, `Read as one ${booked.name} per ${relation.name} and ${sameRelation!.name}; two different ${slot.name} rows whose times overlap are not compared.`);
    }
    return;
  }
  // A booking of a whole day: two on the same day for the same scope overlap, and nothing else can.
  if (start && start.type === 'date' && !end && !duration) {
    const ok = addOrNote(ctx, { kind: 'unique', entity: booked.name, fields: [relation.name, start.name], sources: [ctx.sentence.id] }, label);
    if (ok) note(ctx, `${booked.name} has a date and no end or duration, so each is read as a whole day: two on the same ${start.name} for the same ${relation.name} are refused (a uniqueness rule); bookings over several days would need an end date.`, suggestions);
    return;
  }
  note(ctx, `Looks like ${booked.name} rows may not overlap for the same ${relation.name} (${label}), but ${booked.name} has ${start ? `a start (${start.name}) and no end or duration` : 'no start and end times'}.`, suggestions);
}

/** The end matching a start: startTime -> endTime, startsAt -> endsAt, kickOffTime -> endTime. */
function endWordsFor(start: DraftField): string[] {
  const m = /^start(s?)(.*)$/.exec(start.name);
  if (m) return ['end' + m[1], ...(m[2] ? [m[2].toLowerCase()] : [])];
  return ['end', 'time'];
}

/** "no two bookings of the same court may overlap", "a doctor cannot have two overlapping appointments". */
export function overlapExplicit(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain.replace(/[.;!]\s*$/, '');
  if (!/\boverlap/.test(plain)) return false;
  const label = plain.slice(0, 120);
  const same = /\b(?:no\s+)?(?:two\s+)?([a-z][a-z -]{1,30}?)\s+(?:in|of|for|on|at|with|in the|using)\s+the\s+same\s+([a-z][a-z -]{1,30}?)(?:\s+(?:can't|cannot|can not|cant|may not|must not|should not|shouldn't|never|must never|may never|can|may|must|should|shall|will))?\s+overlap/.exec(plain)
    ?? /\b(?:overlapping|no overlapping)\s+([a-z][a-z -]{1,30}?)\s+(?:for|in|of|on|at)\s+(?:the\s+same|a|one)\s+([a-z][a-z -]{1,30})/.exec(plain)
    ?? /\bno\s+two\s+([a-z][a-z -]{1,30}?)\s+(?:can\s+|may\s+|should\s+|will\s+|ever\s+)?overlap\s+(?:in|at|for|on|within)\s+the\s+same\s+([a-z][a-z -]{1,30})/.exec(plain);
  if (same) {
    const booked = lastRecordIn(ctx, same[1]);
    const scope = mentionsIn(ctx, same[2])[0];
    if (!scope) {
      note(ctx, `Looks like ${same[1]} may not overlap per ${same[2]}, but "${same[2]}" is not a record type.`);
      return true;
    }
    buildOverlap(ctx, booked?.entity, scope, stripArticles(wordsOf(same[2])), undefined, label);
    return true;
  }
  const have = /^(.*?)\b(?:can't|cannot|can not|cant|may not|must not|should not|shouldn't|never)\s+(?:have|get|hold|take|be given|be assigned)\s+(?:two|any|multiple)?\s*overlapping\s+([a-z][a-z -]{1,30})/.exec(plain);
  if (have) {
    const scope = mentionsIn(ctx, have[1]).pop();
    const booked = lastRecordIn(ctx, have[2]);
    if (!scope) {
      note(ctx, `Looks like ${have[2]} may not overlap, but it does not say for what (a room, a person).`);
      return true;
    }
    buildOverlap(ctx, booked?.entity, scope, stripArticles(wordsOf(have[1])).slice(-2), undefined, label);
    return true;
  }
  // "a room can't be booked by two guests for overlapping dates": the rows the verb makes for the subject.
  const passive = /^(.*?)\b(?:can't|cannot|can not|cant|may not|must not|should not|shouldn't|never)\s+be\s+([a-z]+ed)\b/.exec(plain);
  const passiveScope = passive ? lastRecordIn(ctx, passive[1]) : undefined;
  if (passive && passiveScope) {
    const row = rowOf(ctx, passive[2], [passiveScope.entity]);
    buildOverlap(ctx, row && row !== passiveScope.entity ? row : undefined, passiveScope, stripArticles(wordsOf(passive[1])).slice(-2), undefined, label);
    return true;
  }
  // Two records named: the one that belongs to the other is booked per the other ("a vet can't have two appointments that overlap").
  const subject = mentionsIn(ctx, plain.slice(0, plain.indexOf('overlap')));
  for (const a of subject) {
    for (const b of subject) {
      if (a !== b && a.entity !== b.entity && belongsTo(ctx, a.entity, b.entity).length) {
        buildOverlap(ctx, a.entity, b, [], undefined, label);
        return true;
      }
    }
  }
  if (subject.length >= 2) {
    note(ctx, `Looks like a rule against overlaps (${label}), but ${subject.map((m) => m.entity.name).join(' and ')} are not linked, so it is unclear what may not overlap for what.`);
    return true;
  }
  note(ctx, `Looks like a rule against overlaps (${label}), but it does not say what may not overlap for what.`);
  return true;
}

/** "a room can't be double-booked", "no double bookings on a car". */
export function overlapDoubleBooked(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain.replace(/[.;!]\s*$/, '');
  // "can't be double-booked", and "can't be booked twice at the same time" (the same moment is an overlap, not a repeat).
  const passive = /^(.*?)\b(?:can't|cannot|can not|cant|may not|must not|should not|shouldn't|never|must never|mustn't|is not to)\s+be\s+(?:double[- ]?booked\b|(?:booked|reserved|rented|scheduled|planned|used|taken|assigned)\s+(?:twice|more than once|two times)\s+(?:at the same time|at once|simultaneously|concurrently|for the same (?:time|period|hours?|slot))\b)/.exec(plain);
  const noun = /\b(?:no|prevent|stop|block|avoid|disallow|forbid|without)\s+(?:any\s+)?double[- ]?bookings?\s+(?:on|of|for|in|at)\s+(?:a|an|the|one|any)?\s*([a-z][a-z -]{1,30})/.exec(plain);
  if (!passive && !noun) return false;
  const label = (passive ?? noun)![0].trim();
  const scopeText = passive ? passive[1] : noun![1];
  const scope = passive ? mentionsIn(ctx, scopeText).pop() : mentionsIn(ctx, scopeText)[0];
  if (!scope) {
    note(ctx, `Looks like a rule against double bookings (${label}), but "${stripArticles(wordsOf(scopeText)).join(' ')}" is not a record type.`);
    return true;
  }
  const named = noun ? mentionsIn(ctx, 'booking').find((m) => belongsTo(ctx, m.entity, scope.entity).length)?.entity : undefined;
  buildOverlap(ctx, named, scope, stripArticles(wordsOf(scopeText)).slice(-2), undefined, label);
  return true;
}

/** "a teacher can't teach two lessons at the same time", "an object can't be on two loans at once", "… in the same period". */
export function overlapSameTime(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain.replace(/[.;!]\s*$/, '');
  const m = /^(.*?)\b(?:can't|cannot|can not|cant|may not|must not|should not|shouldn't|never|must never|mustn't)\s+(?:be\s+)?((?:[a-z]+\s+){0,3}?)(?:two|2|multiple|several|more than one)\s+([a-z][a-z -]{1,30}?)\s+(at the same time|at once|simultaneously|concurrently|in parallel|(?:at|in|on|during)\s+the\s+same\s+([a-z][a-z -]{1,30}))$/.exec(plain);
  if (!m) return overlapOnlyOne(ctx, plain) || overlapTwoOnSame(ctx, plain);
  const scope = mentionsIn(ctx, m[1]).pop();
  let booked = lastRecordIn(ctx, m[3]);
  // "a bike can't be rented to two customers at once": the rows the verb makes for the bike.
  if (!booked && scope && isPeople(ctx, wordsOf(m[3]))) {
    const row = wordsOf(m[2]).map((w) => rowOf(ctx, w, [scope.entity])).find((r) => r && r !== scope.entity && belongsTo(ctx, r, scope.entity).length);
    if (row) booked = { entity: row, person: false, start: 0, end: 0, plural: true };
  }
  const label = plain.slice(0, 120);
  const same = m[5] ? stripArticles(wordsOf(m[5])) : undefined;
  // "in the same year": one per period is a uniqueness rule (unique.ts), not an overlap of times.
  if (same?.length && /^(day|date|week|month|year|season|term|night)s?$/.test(same[same.length - 1])) return false;
  if (!scope || !booked) {
    note(ctx, `Looks like a rule against overlaps (${label}), but ${!scope ? `"${stripArticles(wordsOf(m[1])).join(' ')}"` : `"${m[3]}"`} is not a record type.`);
    return true;
  }
  buildOverlap(ctx, booked.entity, scope, stripArticles(wordsOf(m[1])).slice(-2), same, label);
  return true;
}

/** "a vehicle can only have one booking at a time", "a court can only be used for one match at once". */
function overlapOnlyOne(ctx: RuleContext, plain: string): boolean {
  const m = /^(.*?)\b(?:can|may|should|must)\s+only\s+(?:have|hold|take|host|be on|be in|be used for|be used in|be booked for|be assigned to|do|teach|drive|work)\s+(?:one|a single)\s+([a-z][a-z -]{1,30}?)\s+(?:at a time|at once|at the same time|simultaneously)$/.exec(plain);
  if (!m) return false;
  const scope = mentionsIn(ctx, m[1]).pop();
  const booked = lastRecordIn(ctx, m[2]);
  if (!scope || !booked || scope.entity === booked.entity) return false;
  buildOverlap(ctx, booked.entity, scope, stripArticles(wordsOf(m[1])).slice(-2), undefined, plain.slice(0, 120));
  return true;
}

/** "two matches can't be on the same pitch at the same time", "two classes cannot take place in the same studio at once". */
function overlapTwoOnSame(ctx: RuleContext, plain: string): boolean {
  const m = /\b(?:no\s+)?two\s+([a-z][a-z -]{1,30}?)\s+(?:can't|cannot|can not|cant|may not|must not|should not|shouldn't|can|may|should)?\s*(?:be|take place|happen|run|be held|be scheduled|be booked|be played)\s+(?:on|in|at|for)\s+the\s+same\s+([a-z][a-z -]{1,30}?)\s+(?:at the same time|at once|simultaneously|concurrently)$/.exec(plain);
  if (!m) return false;
  const booked = lastRecordIn(ctx, m[1]);
  const scope = mentionsIn(ctx, m[2])[0];
  const label = plain.slice(0, 120);
  if (!booked || !scope) {
    note(ctx, `Looks like a rule against overlaps (${label}), but "${!booked ? m[1] : m[2]}" is not a record type.`);
    return true;
  }
  buildOverlap(ctx, booked.entity, scope, stripArticles(wordsOf(m[2])), undefined, label);
  return true;
}
