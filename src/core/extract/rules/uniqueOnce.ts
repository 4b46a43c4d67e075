// "Only once" uniqueness: "a plate number can't be registered twice", "an inventory number is never
// reused", "a jury member can score a film only once", "members can't book the same class twice".
// Passive phrasings make a value (or a link to a record) unique; active ones make the pair of the
// actor and the record unique on the row the verb makes.
import type { Mention, RuleContext } from './context';
import { addOrNote, lastRecordIn, locateField, mentionsIn, note } from './context';
import { relationTo, rowOf } from './links';
import { lastPhrase, scopeOn, uniqueOn } from './uniqueRule';
import { stripArticles, verbLemma, wordsOf } from './words';
import { withArticle } from '../../../model/project/naming';
import { guarded } from '../guardedRegExp';

const TWICE = guarded(/\b(?:twice|more than once|only once|at most once|just once|once only|a second time|again)\b|\bnever (?:be )?(?:re-?used|reused|repeated|duplicated)\b|\b(?:must not|mustn't|can't|cannot|can not|cant|may not|should not|shouldn't) be (?:re-?used|reused|repeated|duplicated)\b|\b(?:only|can|may)\b[^.;]*\bonce\s*$/);
const REPEATED = /\b(?:never (?:be )?|(?:must not|mustn't|can't|cannot|can not|cant|may not|should not|shouldn't) be )(?:re-?used|reused|repeated|duplicated)\b/;

/** What a passive "only once" clause says: the text before "once", the phrasing matched and a "same …" scope. */
interface PassiveOnce {
  plain: string;
  label: string;
  two: RegExpExecArray | null;
  passive: RegExpExecArray | null;
  repeated: RegExpExecArray | null;
  sameScope: RegExpExecArray | null;
}

/**
 * "a plate number can't be registered twice", "an inventory number is never reused", "a jury member
 * can score a film only once", "members can't book the same class twice", "the same dog can't be
 * booked twice for the same day", "a plot can't be rented to two holders in the same year".
 */
export function uniqueOnce(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain.replace(/[.;!]\s*$/, '');
  const once = TWICE.exec(plain);
  const two = /\b(?:can't|cannot|can not|cant|may not|must not|never)\s+be\s+([a-z]+ed)\s+(?:to|by|for|with)\s+two\s+([a-z][a-z -]{1,30}?)\s+(?:in|on|for|at|during)\s+the\s+same\s+([a-z][a-z -]{1,20})$/.exec(plain);
  if (!once && !two) return false;
  if (/\boverlap|double[- ]?book/.test(plain)) return false;
  // "may only be used once": the "once" at the end, not the "only" before it.
  const at = once && /once\s*$/.test(once[0]) && !/^(?:only|just|at most) once/.test(once[0]) ? once.index + once[0].lastIndexOf('once') : once?.index ?? two!.index;
  const before = plain.slice(0, at);
  const after = once ? plain.slice(once.index + once[0].length) : '';
  const label = plain.slice(0, 140);
  const sameScope = /\b(?:for|on|in|at|during)\s+the\s+same\s+([a-z][a-z -]{1,20})/.exec(two ? `in the same ${two[3]}` : after);
  const passive = /^(.*?)\b(?:can't|cannot|can not|cant|may not|must not|isn't|aren't|is not|are not|is never|are never|is|are|can|may|should|will|must)?\s*(?:only\s+)?(?:be\s+)?([a-z]+ed|used|reused|made|done|set|given|sold|held|taken|written|run)\s*(?:only\s+)?$/.exec(before.replace(/\s+(?:only|just)?\s*$/, ''));
  const repeated = REPEATED.exec(plain);
  // Passive: the subject is the value ("a plate number") or the record ("the same dog").
  if (two || repeated || (passive && !/\b(?:can|may|must|will)\s+[a-z]+\s+(?:a|an|the|their|its)\b/.test(before))) return passiveOnce(ctx, { plain, label, two, passive, repeated, sameScope });
  // "a student cannot enrol twice in the same course": the record after "twice" is the verb's object, as in "… enrol in the same course twice".
  const objectAfter = /^\s*(?:in|into|for|on|at|to)\s+the\s+same\s+[a-z][a-z -]{1,30}$/.exec(after);
  return activeOnce(ctx, objectAfter ? `${before.trimEnd()} ${objectAfter[0].trim()}` : before, label);
}

/** The passive subject is a record (unique over the row's link to it) or a value (a unique field). */
function passiveOnce(ctx: RuleContext, p: PassiveOnce): boolean {
  const { plain, label, two, passive, repeated } = p;
  const subjectText = repeated ? plain.slice(0, repeated.index).replace(/\b(?:is|are)\s*$/, '') : two ? plain.slice(0, two.index) : passive![1];
  // "must not be repeated by the same cook": unique together with that link.
  const repeatScope = repeated ? /^\s*(?:by|for|in|within|on|at)\s+the\s+same\s+([a-z][a-z -]{1,30})/.exec(plain.slice(repeated.index + repeated[0].length)) : null;
  const subject = lastPhrase(subjectText.replace(/\b(?:the\s+)?same\s+/, ''));
  const verb = two ? two[1] : passive?.[2] ?? 'use';
  if (!subject.length) return false;
  const asEntity = mentionsIn(ctx, subject).find((x) => x.end === subject.length - 1);
  if (asEntity && asEntity.entity.name !== 'User' && (p.sameScope || two || /\bsame\b/.test(subjectText))) return recordOnce(ctx, asEntity, subject, verb, p);
  const named = mentionsIn(ctx, ctx.sentence.plain).filter((x) => x.entity.name !== 'User').map((x) => x.entity);
  const hit = locateField(ctx, subject.join(' '), named);
  if (!hit?.entity || (!hit.field && (asEntity || hit.guessed))) {
    note(ctx, `Looks like a uniqueness rule (${label}), but "${subject.join(' ')}" is not a field of a record type.`);
    return true;
  }
  uniqueOn(ctx, hit.entity, hit.field, hit.words, repeatScope ? stripArticles(wordsOf(repeatScope[1])).slice(0, 3) : undefined, label);
  return true;
}

/** A record that cannot be booked twice: unique over the row's link to it (and the "same" scope). */
function recordOnce(ctx: RuleContext, record: Mention, subject: string[], verb: string, p: PassiveOnce): boolean {
  const row = rowOf(ctx, verb, [record.entity]);
  const rel = row ? relationTo(ctx, row, record, subject) : undefined;
  if (!row || !rel) {
    note(ctx, `Looks like a uniqueness rule (${p.label}), but no record type was found for ${verb} a ${subject.join(' ')}.`);
    return true;
  }
  const fields = [rel.name];
  const scopeWords = p.sameScope ? stripArticles(wordsOf(p.sameScope[1])) : undefined;
  if (scopeWords?.length) {
    const scope = scopeOn(ctx, row, scopeWords);
    if (!scope) {
      note(ctx, `Looks like ${withArticle(row.name)} may not repeat for the same ${record.entity.name} and ${scopeWords.join(' ')}, but ${row.name} has no field or link for "${scopeWords.join(' ')}".`);
      return true;
    }
    fields.push(scope);
  }
  addOrNote(ctx, { kind: 'unique', entity: row.name, fields, sources: [ctx.sentence.id] }, p.label);
  return true;
}

/** Active: "<people> can <verb> <record> only once" / "can't <verb> the same <record> twice": unique over the row's links to both. */
function activeOnce(ctx: RuleContext, before: string, label: string): boolean {
  const trimmed = before.replace(/\s+(?:only|just)?\s*$/, '');
  const active =
    /^(.*?)\b(?:can't|cannot|can not|cant|may not|must not|mustn't|shouldn't|can|may|should|will|could)\s+(?:only\s+|ever\s+)?([a-z]+)\s+(?:(?:a|an|the|each|any|their|one|same|single)\s+)*([a-z][a-z -]{0,40}?)$/.exec(trimmed) ??
    /^(.*?)\s+([a-z]+s)\s+(?:(?:a|an|the|each|any|their|one|same|single)\s+)+([a-z][a-z -]{0,40}?)$/.exec(trimmed);
  if (!active) return false;
  // ("A student may enrol in 6 courses, and cannot enrol twice in the same course": a clause without its own subject has the sentence's.)
  const actor = mentionsIn(ctx, active[1]).pop() ?? (active[1].trim() ? undefined : mentionsIn(ctx, ctx.sentence.plain)[0]);
  const object = lastRecordIn(ctx, active[3]);
  if (!actor || !object) {
    note(ctx, `Looks like a uniqueness rule (${label}), but the records it combines were not both found.`);
    return true;
  }
  const row = rowOf(ctx, active[2], [actor.entity, object.entity].filter((e, i, all) => all.indexOf(e) === i));
  const a = row ? relationTo(ctx, row, actor, wordsOf(active[1])) : undefined;
  const o = row ? relationTo(ctx, row, object, wordsOf(active[3])) : undefined;
  if (!row || !a || !o || a === o) {
    note(ctx, `Looks like each ${actor.entity.name === 'User' ? actor.role ?? 'user' : actor.entity.name} may ${active[2]} ${withArticle(object.entity.name)} once, but no record type links them (e.g. a ${verbLemma(active[2])} with both).`);
    return true;
  }
  addOrNote(ctx, { kind: 'unique', entity: row.name, fields: [a.name, o.name], sources: [ctx.sentence.id] }, label);
  return true;
}
