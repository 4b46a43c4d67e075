// Uniqueness written as two things that may not share a day (or a place): "no 2 concerts on the same
// date", "no two exams may be held on the same day", "there are never two markets on the same date",
// "a pupil can't have two lessons on the same day". Each "the same …" is a field or link of the record
// counted; the person or record that "can't have two" is one more (its link). "At the same time" is an
// overlap of times (noOverlap.ts), not a uniqueness.
import { withArticle } from '../../../model/project/naming';
import { addOrNote, fieldIn, fieldSuggestion, isPeople, mentionsIn, note, type Mention, type RuleContext } from './context';
import { belongsTo, pickRelation } from './links';
import { scopeOn } from './uniqueRule';
import { stripArticles, wordsOf } from './words';

const PREP = String.raw`(?:on|at|in|for|during|with|by|within)`;
const SAME = String.raw`(?:${PREP}\s+)?(?:the\s+)?same\s+[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?`;
/** One or more "on the same day", "at the same venue" (", and" between them). */
const SAMES = String.raw`(${SAME}(?:\s*,?\s*(?:and\s+)?${SAME})*)`;
const TWO = String.raw`(?:two|2)`;
const NEG = String.raw`(?:can't|cannot|can not|cant|may not|must not|mustn't|should not|shouldn't|never|must never|won't|will not)`;
const MODAL = String.raw`(?:can|may|should|must|will|shall|are allowed to|is allowed to)`;
/** A passive or state verb between the counted records and the "same" phrase ("may be held", "are booked"). */
const BE_DONE = String.raw`(?:(?:be|are|is|take place|happen|run|fall)\s+)?(?:(?:ever|both)\s+)?(?:[a-z]+(?:ed|en|ld|nt)\s+)?`;

/** Shapes without a subject: the counted records are group 1, the "same" phrases group 2. */
const NO_SUBJECT = [
  new RegExp(String.raw`^(?:there\s+(?:are|is|can be|may be|will be|should be|must be)\s+)?(?:no|never)\s+${TWO}\s+([a-z][a-z -]{0,30}?)\s+(?:${MODAL}\s+)?${BE_DONE}${SAMES}$`),
  new RegExp(String.raw`^(?:the\s+)?${TWO}\s+([a-z][a-z -]{0,30}?)\s+${NEG}\s+${BE_DONE}${SAMES}$`),
];
/** "<who> can't have two <records> on the same day": who (group 1), the records (group 2), the "same" phrases (group 3). */
const WITH_SUBJECT = new RegExp(
  String.raw`^(?:each\s+|every\s+|a\s+|an\s+|the\s+|one\s+)?([a-z][a-z -]{0,30}?)\s+(?:${NEG}|(?:is|are) not allowed to)\s+(?:have|get|book|take|attend|teach|do|give|play|run|lead|work|sing|perform|host|hold|be booked for|be given|be assigned|be assigned to|be on|be in)\s+(?:${TWO}|more than one|several|multiple)\s+([a-z][a-z -]{0,30}?)\s+${SAMES}$`,
);

/** Words that say a moment, not a day or a place: an overlap in time, read by noOverlap.ts. */
const MOMENT = /^(?:time|times|moment|hour|slot|timeslot|time slot)$/;

export function uniqueSameDay(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain.replace(/[.;!]\s*$/, '').trim();
  if (/\boverlap|double[- ]?book/.test(plain)) return false;
  let counted: string;
  let sames: string;
  let who: string | undefined;
  const direct = NO_SUBJECT.map((re) => re.exec(plain)).find(Boolean);
  if (direct) [counted, sames] = [direct[1], direct[2]];
  else {
    const m = WITH_SUBJECT.exec(plain);
    if (!m) return false;
    [who, counted, sames] = [m[1], m[2], m[3]];
  }
  const scopes = [...sames.matchAll(/same\s+([a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)/g)].map((s) => stripArticles(wordsOf(s[1])).filter((w) => !/^(?:and|or)$/.test(w)));
  if (!scopes.length || scopes.some((s) => !s.length || MOMENT.test(s.join(' ')))) return false;
  const label = plain.slice(0, 120);
  const record = mentionsIn(ctx, counted).filter((x) => x.entity.name !== 'User').pop();
  if (!record) {
    note(ctx, `Looks like a uniqueness rule (${label}), but "${stripArticles(wordsOf(counted)).join(' ')}" is not a record type.`);
    return true;
  }
  const entity = record.entity;
  const fields: string[] = [];
  if (who !== undefined) {
    const link = ownerLink(ctx, entity, who);
    if (!link) {
      note(ctx, `Looks like a uniqueness rule (${label}), but ${entity.name} has no link to "${stripArticles(wordsOf(who)).join(' ')}".`);
      return true;
    }
    fields.push(link);
  }
  for (const words of scopes) {
    const scope = scopeOn(ctx, entity, words);
    if (!scope) {
      const dated = /^(?:day|date|night|evening|morning)$/.test(words[words.length - 1]);
      const fix = dated ? fieldSuggestion(entity, ['date'], 'date') : undefined;
      note(ctx, `Looks like a uniqueness rule (${label}), but ${withArticle(entity.name)} has no field or link for "${words.join(' ')}".`, fix ? [fix] : []);
      return true;
    }
    if (!fields.includes(scope)) fields.push(scope);
  }
  // One value alone is the field's own uniqueness too (as "the date must be unique" makes it).
  const only = fields.length === 1 ? entity.fields.find((f) => f.name === fields[0]) : undefined;
  if (only) only.unique = true;
  for (const f of entity.fields) if (fields.includes(f.name)) f.sources.add(ctx.sentence.id);
  addOrNote(ctx, { kind: 'unique', entity: entity.name, fields, sources: [ctx.sentence.id] }, label);
  return true;
}

/** The link from the counted records to the person or record that may not have two of them. */
function ownerLink(ctx: RuleContext, entity: Mention['entity'], who: string): string | undefined {
  const words = stripArticles(wordsOf(who));
  const m = mentionsIn(ctx, words).pop();
  if (m) {
    const rels = belongsTo(ctx, entity, m.entity);
    if (rels.length) return pickRelation(entity, rels, m.role ? [m.role, ...words] : words).name;
  }
  // "a dog cannot attend two classes on the same day" where the class keeps the dog as a value.
  const field = fieldIn(entity, words, 1.8);
  if (field) return field.name;
  // "a learner" stored as User with a role: the row's link to User.
  if (isPeople(ctx, words)) {
    const user = ctx.draft.entities.find((e) => e.name === 'User');
    const rels = user ? belongsTo(ctx, entity, user) : [];
    if (rels.length) return pickRelation(entity, rels, words).name;
  }
  return undefined;
}
