// Uniqueness: "each email must be unique", "shirt number unique within a team", "name (unique)",
// "one review per member per book", "no two rooms with the same number". Fields may be belongsTo
// relation names. "Twice"/"only once" phrasings are read in uniqueOnce.ts.
import type { DraftEntity, DraftField } from '../draft';
import { belongsTo } from './links';
import { addOrNote, candidates, fieldIn, fieldSuggestion, lastRecordIn, locateField, mentionsIn, note, type RuleContext } from './context';
import { stripArticles, wordsOf } from './words';
import { lastPhrase, scopeOn, uniqueOn } from './uniqueRule';
import { uniqueSameDay } from './uniqueSameDay';
import { guarded, type GuardedRegExp } from '../guardedRegExp';

export { uniqueOnce } from './uniqueOnce';

const MODAL_TAIL = /\s*\b(?:must|has to|have to|should|needs? to|need to|only need to|only needs to|to|is|are|will|shall|always|only)?\s*(?:always\s+)?(?:be\s+)?(?:kept\s+)?$/;
const SCOPE = guarded(/^\s*(?:within|per|for each|for every|in|across|for|inside|among|on|at)\s+(?:(?:a|an|the|each|every|its|their|one|that)\s+)?([a-z][a-z -]{0,40})/);

/** "the email must be unique", "SKU codes only need to be unique per client", "The reference number of a household is unique". */
export function uniqueValue(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain.replace(/[.;!]\s*$/, '');
  const m = /\bunique\b/.exec(plain);
  if (!m) return false;
  const before = plain.slice(0, m.index);
  // "(unique)" annotations and "a unique code" are read by the patterns below.
  if (/\(\s*[^()]*$/.test(before) || ctx.clause.subjectField || /\b(?:a|an|the|each|its|their)\s*$/.test(before)) return false;
  if (!/\b(?:must|has to|have to|should|needs? to|need to|to|is|are|will|be|always)\s*(?:always\s+)?(?:be\s+)?(?:kept\s+)?$/.test(before) && !/^[a-z ]{1,40}$/.test(before.trim())) return false;
  // ("… and an email address that must be unique", "…, which has to be unique": the value the relative clause is about.)
  const subjectText = before.replace(MODAL_TAIL, '').replace(/,?\s*\b(?:that|which)\s*$/, '');
  const subject = lastPhrase(subjectText);
  if (!subject.length) return false;
  const tail = plain.slice(m.index + m[0].length);
  // "unique across all members", "system-wide": simply unique.
  const scope = /^\s*(?:across|among|over|in)\s+(?:all|the whole|every|the entire)\b|^\s*(?:system-wide|globally|overall)\b/.test(tail) ? null : SCOPE.exec(tail);
  const scopeWords = scope ? stripArticles(wordsOf(scope[1])).slice(0, 5) : undefined;
  const named = mentionsIn(ctx, ctx.sentence.plain).filter((x) => x.entity.name !== 'User').map((x) => x.entity);
  const hit = locateField(ctx, subject.join(' '), named);
  if (!hit?.entity || (!hit.field && hit.guessed)) {
    const suggestion = hit?.entity ? fieldSuggestion(hit.entity, hit.words, 'string') : undefined;
    note(ctx, `Looks like a uniqueness rule (${subject.join(' ')} unique), but no record type has a field "${subject.join(' ')}".`, suggestion ? [suggestion] : []);
    return true;
  }
  uniqueOn(ctx, hit.entity, hit.field, hit.words, scopeWords, plain.slice(Math.max(0, m.index - 40), m.index + 40).trim());
  return true;
}

/** "name (unique)", "staff code (three letters, unique, e.g. JBR)", a table row "key | unique, 2–5 capital letters". */
export function uniqueAnnotated(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain;
  const row = ctx.clause.subjectField;
  const found: Array<{ words: string[] }> = [];
  if (row && /\bunique\b/.test(plain.slice(plain.indexOf(':') + 1))) found.push({ words: row });
  // "Projects: unique key, name": the flag before a list item.
  const list = /^[^:()]{1,50}:\s+(.+)$/.exec(plain);
  if (list && !row) {
    for (const item of list[1].split(/\s*,\s*/)) {
      const flagged = /^(?:(?:required|mandatory)\s+)?unique\s+([a-z][a-z0-9 -]{0,40})$/.exec(item.replace(/[.;]\s*$/, '').trim());
      if (flagged) found.push({ words: wordsOf(flagged[1]).slice(0, 4) });
    }
  }
  // (Only a sentence with "(… unique …)" is searched: the pattern is costly on long sentences.)
  for (const m of /\(.*unique/.test(plain) ? plain.matchAll(/([a-z][a-z0-9 -]{0,40}?)\s*\(([^()]*\bunique\b[^()]*)\)/g) : []) {
    const words = lastPhrase(m[1]).slice(-4);
    if (words.length) found.push({ words });
  }
  if (!found.length) return false;
  const own = candidates(ctx, []).filter((e) => e.fields.some((f) => f.sources.has(ctx.sentence.id)));
  for (const { words } of found) {
    // A field this sentence listed, on the entity it described; else wherever a field has that name.
    const pool = own.length ? own : candidates(ctx, mentionsIn(ctx, ctx.sentence.plain).filter((x) => x.entity.name !== 'User').map((x) => x.entity));
    let entity: DraftEntity | undefined;
    let field: DraftField | undefined;
    for (const e of pool) {
      field = fieldIn(e, words, 2.5);
      if (field) {
        entity = e;
        break;
      }
    }
    entity ??= pool[0];
    if (!entity) {
      note(ctx, `Looks like ${words.join(' ')} must be unique, but no record type was found for it.`);
      continue;
    }
    uniqueOn(ctx, entity, field, words, undefined, `${words.join(' ')} (unique)`);
  }
  return true;
}

/** "Each registration gets a unique ticket code". */
export function uniqueAdjective(ctx: RuleContext): boolean {
  const m = /\b(?:a|an|the|its|their)\s+(?:own\s+)?unique\s+([a-z][a-z -]{1,40})/.exec(ctx.clause.plain);
  if (!m || ctx.clause.subjectField) return false;
  const words = wordsOf(m[1]);
  const stop = words.findIndex((w) => /^(for|per|within|in|and|or|that|which|so|to|on|of|with|by)$/.test(w));
  const fieldWords = (stop < 0 ? words : words.slice(0, stop)).slice(0, 3);
  if (!fieldWords.length) return false;
  const owner = mentionsIn(ctx, ctx.clause.plain.slice(0, m.index)).find((x) => x.entity.name !== 'User')?.entity;
  const hit = locateField(ctx, fieldWords.join(' '), owner ? [owner] : []);
  const entity = owner ?? hit?.entity;
  if (!entity) {
    note(ctx, `Looks like ${fieldWords.join(' ')} must be unique, but no record type was found for it.`);
    return true;
  }
  const field = owner ? fieldIn(owner, fieldWords, 2.5) : hit?.field;
  const scope = stop >= 0 ? SCOPE.exec(` ${words.slice(stop).join(' ')}`) : null;
  uniqueOn(ctx, entity, field, fieldWords, scope ? stripArticles(wordsOf(scope[1])).slice(0, 3) : undefined, `unique ${fieldWords.join(' ')}`);
  return true;
}

/** "one lesson per room per period", "only one review per member per book", "one active permit per vehicle". */
export function uniquePer(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain.replace(/[.;!]\s*$/, '');
  const m = /\b(?:only |just |at most |max(?:imum)? )?(?:one|a single|1)\s+([a-z][a-z -]{0,30}?)\s+(?:per|for each|for every|each)\s+([a-z][a-z -]{0,30}?)(?:\s+(?:per|and per|for each|and each|each)\s+([a-z][a-z -]{0,30}?))?(?=$|[,;.]|\s+(?:and|so|because|but|is|are|can|at)\b)/.exec(plain);
  if (!m) return false;
  const label = m[0].trim();
  const qualified = wordsOf(m[1]);
  const counted = mentionsIn(ctx, qualified).find((x) => x.entity.name !== 'User');
  if (!counted) return false;
  const row = counted.entity;
  const fields: string[] = [];
  for (const part of [m[2], m[3]].filter(Boolean)) {
    const words = stripArticles(wordsOf(part));
    const scope = scopeOn(ctx, row, words);
    if (!scope) {
      note(ctx, `Looks like at most one ${row.name} per ${words.join(' ')}, but ${row.name} has no link or field for "${words.join(' ')}"${/^(week|month)$/.test(words[0]) ? ` (a ${words[0]} is a period, not a stored value)` : ''}.`);
      return true;
    }
    fields.push(scope);
  }
  // "a car can only do one ride per day": the subject is one of the combined values too.
  const subject = mentionsIn(ctx, plain.slice(0, m.index)).filter((x) => x.entity !== row).pop();
  const subjectRelation = subject ? belongsTo(ctx, row, subject.entity)[0] : undefined;
  if (subjectRelation && !fields.includes(subjectRelation.name)) fields.unshift(subjectRelation.name);
  const rule = { kind: 'unique' as const, entity: row.name, fields, sources: [ctx.sentence.id] };
  const qualifier = qualified.slice(0, counted.start).filter((w) => !/^(a|an|the)$/.test(w));
  if (qualifier.length) {
    // "one ACTIVE permit per vehicle": uniqueness would also count expired ones.
    note(ctx, `Looks like at most one ${qualifier.join(' ')} ${row.name} per ${m[2]}, but a unique rule cannot leave out rows that are not ${qualifier.join(' ')}; applying it would also forbid a second ${row.name} after the first ends.`, [{ kind: 'addRule', rule, label: `One ${row.name} per ${fields.join(' and ')} (ever)` }]);
    return true;
  }
  addOrNote(ctx, rule, label);
  return true;
}

/** "no duplicate emails", "duplicate plates are not allowed", "each room must have a different number". */
export function uniqueDistinct(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain.replace(/[.;!]\s*$/, '');
  const dup = /\b(?:no|without)\s+duplicate\s+([a-z][a-z -]{1,30}?)(?:\s+(?:per|within|in|for)\s+(?:a|an|each|the|one)?\s*([a-z][a-z -]{1,20}))?$/.exec(plain) ??
    /\bduplicate\s+([a-z][a-z -]{1,30}?)\s+(?:are|is)\s+(?:not allowed|not permitted|forbidden|refused|rejected)(?:\s+(?:per|within|in|for)\s+(?:a|an|each|the|one)?\s*([a-z][a-z -]{1,20}))?$/.exec(plain);
  const distinct = /^(?:each|every|all)\s+([a-z][a-z -]{1,30}?)\s+(?:must|should|has to|have to|needs? to)\s+(?:have|get|use)\s+(?:a|an)\s+(?:different|distinct)\s+([a-z][a-z -]{1,30})$/.exec(plain);
  if (!dup && !distinct) return false;
  if (distinct) {
    const owner = lastRecordIn(ctx, distinct[1])?.entity;
    if (!owner) {
      note(ctx, `Looks like a uniqueness rule (${distinct[0]}), but "${distinct[1]}" is not a record type.`);
      return true;
    }
    const words = stripArticles(wordsOf(distinct[2]));
    uniqueOn(ctx, owner, fieldIn(owner, words, 1.8), words, undefined, distinct[0]);
    return true;
  }
  const words = stripArticles(wordsOf(dup![1]));
  const named = mentionsIn(ctx, ctx.sentence.plain).filter((x) => x.entity.name !== 'User').map((x) => x.entity);
  const asEntity = mentionsIn(ctx, words).find((x) => x.end === words.length - 1 && x.entity.name !== 'User');
  const hit = locateField(ctx, words.join(' '), named);
  if (!hit?.field || asEntity) {
    note(ctx, `Looks like a uniqueness rule (${dup![0]}), but "${words.join(' ')}" is not a field of a record type${asEntity ? ` (${asEntity.entity.name} is a record: say which of its values must differ)` : ''}.`);
    return true;
  }
  uniqueOn(ctx, hit.entity, hit.field, hit.words, dup![2] ? stripArticles(wordsOf(dup![2])) : undefined, dup![0]);
  return true;
}

/** "no two rooms with the same number", "two members can't have the same email". */
export function uniqueNoTwo(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain.replace(/[.;!]\s*$/, '');
  const m =
    /\b(?:no two|two)\s+([a-z][a-z -]{0,30}?)\s+(?:with|having|have|has|share|sharing|can have|may have|can't have|cannot have|can share|can't share|may share|should have|with)\s+the\s+same\s+([a-z][a-z -]{0,30})/.exec(plain) ??
    /\b(?:no two|two)\s+([a-z][a-z -]{0,30}?)\s+(?:can't|cannot|can not|cant|may not|must not|should not|shouldn't|never)?\s*share\s+(?:a|an|one|their)\s+([a-z][a-z -]{0,30})/.exec(plain);
  if (!m) return uniqueSameDay(ctx);
  if (/\boverlap|double/.test(plain)) return false;
  if (m[0].startsWith('two') && !/\b(?:can't|cannot|can not|cant|may not|must not|never|not)\b/.test(plain)) return false;
  const counted = mentionsIn(ctx, m[1]).find((x) => x.entity.name !== 'User') ?? mentionsIn(ctx, m[1])[0];
  if (!counted) {
    note(ctx, `Looks like a uniqueness rule (${m[0]}), but "${m[1]}" is not a record type.`);
    return true;
  }
  const words = stripArticles(wordsOf(m[2]));
  const entity = counted.entity;
  const field = fieldIn(entity, words, 1.8);
  const scope = field ? undefined : scopeOn(ctx, entity, words);
  if (scope) {
    addOrNote(ctx, { kind: 'unique', entity: entity.name, fields: [scope], sources: [ctx.sentence.id] }, m[0]);
    return true;
  }
  uniqueOn(ctx, entity, field, words, undefined, m[0]);
  return true;
}

/** The words of a value and of a record in the shapes uniqueOneOwner reads. */
const VALUE_WORDS = String.raw`([a-z][a-z -]{0,40}?)`;
const RECORD_WORDS = String.raw`([a-z][a-z -]{0,30}?)`;
/** The shapes uniqueOneOwner reads: which group is the value and which the record. */
const ONE_OWNER_SHAPES: Array<{ re: GuardedRegExp; value: number; record: number }> = [
  { re: guarded(new RegExp(String.raw`^(?:each|every|an?|the|one)?\s*${VALUE_WORDS}\s+(?:may|can|must|should|will)\s+(?:only\s+)?(?:belong to|be used (?:for|by)|be (?:assigned|given|linked|registered|issued) to)\s+(?:only\s+)?(?:one|a single|just one)\s+${RECORD_WORDS}(?:\s+only)?(?:\s+at a time)?$`)), value: 1, record: 2 },
  { re: guarded(new RegExp(String.raw`^(?:each|every|an?|the)?\s*${VALUE_WORDS}\s+(?:is|are|can be|may be|must be)\s+(?:used|held|owned|taken|registered)\s+(?:by|to|for)\s+(?:exactly|only|just)?\s*(?:one|a single)\s+${RECORD_WORDS}(?:\s+only)?$`)), value: 1, record: 2 },
  { re: guarded(new RegExp(String.raw`^(?:the\s+)?${VALUE_WORDS}\s+(?:must|may|can|should|will|are|is)\s*(?:not|never|n't)\s+(?:be\s+)?shared\s+(?:between|among|by)\s+(?:two\s+|several\s+|different\s+|multiple\s+)?${RECORD_WORDS}$`)), value: 1, record: 2 },
  { re: guarded(new RegExp(String.raw`^(?:the\s+)?${VALUE_WORDS}\s+(?:must be|should be|has to be|is|are)\s+different\s+for\s+(?:every|each|all)\s+${RECORD_WORDS}$`)), value: 1, record: 2 },
  { re: guarded(new RegExp(String.raw`^(?:the\s+|a\s+|an\s+|each\s+)?${VALUE_WORDS}\s+(?:uniquely\s+)?identif(?:ies|y)\s+(?:a|an|the|each|every|one)\s+${RECORD_WORDS}$`)), value: 1, record: 2 },
  { re: guarded(new RegExp(String.raw`^(?:each|every)\s+${RECORD_WORDS}\s+(?:has|gets|have|get)\s+(?:its|their)\s+own\s+${VALUE_WORDS}$`)), value: 2, record: 1 },
  // "each member has a different card number", "… a card number of their own" ("identified by": uniqueIdentified.ts).
  { re: guarded(new RegExp(String.raw`^(?:each|every)\s+${RECORD_WORDS}\s+(?:has|gets|have|get|uses?)\s+(?:a|an)\s+(?:different|distinct)\s+${VALUE_WORDS}$`)), value: 2, record: 1 },
  { re: guarded(new RegExp(String.raw`^(?:each|every)\s+${RECORD_WORDS}\s+(?:has|gets|have|get)\s+(?:a|an)\s+${VALUE_WORDS}\s+of\s+(?:its|their|his|her)\s+own$`)), value: 2, record: 1 },
];

/**
 * A value that belongs to one record only, said without "unique": "an email may belong to one
 * member only", "a badge can only be assigned to one guard", "door codes must not be shared between
 * flats", "the SKU must be different for every product", "the serial number identifies a machine",
 * "every product has its own SKU". The value must be a field (or a new one) of that record.
 */
export function uniqueOneOwner(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain.replace(/[.;!]\s*$/, '').trim();
  for (const shape of ONE_OWNER_SHAPES) {
    const m = shape.re.exec(plain);
    if (!m) continue;
    const recordWords = stripArticles(wordsOf(m[shape.record]));
    const record = mentionsIn(ctx, recordWords).find((x) => x.start === 0 && x.end === recordWords.length - 1 && x.entity.name !== 'User')?.entity;
    if (!record) return false;
    let valueWords = stripArticles(wordsOf(m[shape.value]));
    // "locker codes … between lockers": the record's own name before the value is not part of it.
    const key = record.key.split(' ');
    if (valueWords.length > key.length && key.every((w, i) => valueWords[i] === w || valueWords[i] === `${w}s`)) valueWords = valueWords.slice(key.length);
    if (!valueWords.length || valueWords.length > 4) return false;
    const field = fieldIn(record, valueWords, 1.8);
    // "every member has its own account": a record, not a value (ownership.ts reads it).
    if (!field && (mentionsIn(ctx, valueWords).some((x) => x.start === 0) || shape.value === 2)) return false;
    uniqueOn(ctx, record, field, valueWords, undefined, m[0].slice(0, 100));
    return true;
  }
  return false;
}

export { uniqueIdentifiable, uniqueIdentifiedBy } from './uniqueIdentified';
