// Capacity: "at most 20 participants", "max 40 analyses per batch", "no more than 4 players per
// team", "limited to 12 seats", "nobody can book a full class", "a class is full when its capacity is
// reached", "more permits than its max". The rule goes on the counted (child) entity, through its
// relation to the parent, against an integer capacity field of the parent (added from the number).
// A limit per day, week or month ("max 15 dogs per day", "one parcel per week per flat") is a fixed
// limit counted by the rows' date, per parent when one is named.
import { pluralizeWord } from '../../../model/project/naming';
import type { Rule, Suggestion } from '../../../model/project/projectSpec';
import { addRelation, type DraftEntity, type DraftField, type DraftRelation } from '../draft';
import { ACTION_NOUNS, singular } from '../lexicon';
import { belongsTo, rowOf } from './links';
import { addOrNote, ensureField, entityLabel, fieldIn, isPeople, lastRecordIn, mentionsIn, note, type Mention, type RuleContext, isTimeField } from './context';
import { an, NUMBER, parseNumber, PERIODS, PLACE_ROWS, stripArticles, UNITS, verbLemma, wordsOf } from './words';

const CAPACITY_WORDS = /^(capacity|seats|places|spots|slots|copies|quantity|stock|limit|size|berths|beds|rooms|tables|pitches|spaces)$/;
const ACTIVE = /\b(?:at once|at a time|at the same time|simultaneously|concurrently|open|active|current|ongoing|outstanding|unreturned|not yet returned|checked out)\b/;
const ACTIVE_FIELD = /^(return|returned|end|ended|closed|completed|finished|checkedIn|checkedOut|delivered|resolved|cancelled|released|left|done)/i;

/** An integer field of the parent that holds how many it takes (capacity, seats, max permits). */
export function capacityField(parent: DraftEntity, counted: string[] = []): DraftField | undefined {
  const head = counted.length ? singular(counted[counted.length - 1]) : '';
  return parent.fields.find((f) => {
    if (f.type !== 'integer') return false;
    const tokens = f.name.replace(/([A-Z])/g, ' $1').toLowerCase().split(' ').filter(Boolean);
    // ("seatCount", "copyCount": a count of the things it holds.)
    if (tokens.some((t, i) => CAPACITY_WORDS.test(t) || (tokens[i + 1] === 'count' && [`${t}s`, t.replace(/y$/, 'ies')].some((p) => CAPACITY_WORDS.test(p))))) return true;
    return /^(max|maximum|number|total|limit)$/.test(tokens[0]) && (!head || tokens.some((t) => singular(t) === head) || tokens.length === 1);
  });
}

/** The relation from the counted entity to its parent; through a link entity when the counted one is linked. */
function countedRows(ctx: RuleContext, parent: DraftEntity, counted: Mention | undefined, verb: string): { child: DraftEntity; relation?: DraftRelation } | undefined {
  if (counted && counted.entity !== parent && !(counted.person && counted.entity.name === 'User')) {
    const c = counted.entity;
    const direct = belongsTo(ctx, c, parent);
    if (direct.length) return { child: c, relation: direct[0] };
    // "nobody may rent more than 2 plots": rentals link the holder and the plot.
    const link = ctx.draft.entities.find((l) => l !== c && l !== parent && belongsTo(ctx, l, c).length && belongsTo(ctx, l, parent).length);
    if (link) return { child: link, relation: belongsTo(ctx, link, parent)[0] };
    if (ctx.draft.relations.some((r) => r.kind === 'manyToMany' && ((r.from === c.name && r.to === parent.name) || (r.to === c.name && r.from === parent.name)))) return { child: c };
    return { child: c };
  }
  // People or an unnamed count: the rows that record someone taking a place in the parent.
  const children = ctx.draft.entities.filter((e) => e !== parent && e.name !== 'User' && belongsTo(ctx, e, parent).length);
  const action = ACTION_NOUNS[verbLemma(verb)];
  const byVerb = action ? children.find((e) => e.key === action || e.key.endsWith(` ${action}`)) : undefined;
  const places = children.filter((e) => PLACE_ROWS.test(e.key) || PLACE_ROWS.test(e.key.split(' ').pop() ?? ''));
  const child = byVerb ?? (places.length === 1 ? places[0] : children.length === 1 ? children[0] : undefined);
  return child ? { child, relation: belongsTo(ctx, child, parent)[0] } : undefined;
}

function capacitySuggestions(ctx: RuleContext, child: DraftEntity, relation: DraftRelation | undefined, parent: DraftEntity, fieldWords: string[], active?: string): Suggestion[] {
  const name = fieldWords.length ? fieldWords : ['capacity'];
  const fieldName = name.map((w, i) => (i ? w[0].toUpperCase() + w.slice(1) : w)).join('');
  const out: Suggestion[] = [{ kind: 'addField', entity: parent.name, field: fieldName, type: 'integer', label: `${fieldName} (how many ${child.name} rows ${an(entityLabel(parent))} takes)` }];
  if (relation) {
    const rule: Rule = { kind: 'capacity', entity: child.name, relation: relation.name, capacityField: fieldName, sources: [ctx.sentence.id] };
    if (active) rule.activeWhenNull = active;
    out.push({ kind: 'addRule', rule, label: `At most ${parent.name}.${fieldName} ${child.name} rows per ${entityLabel(parent)}` });
  }
  return out;
}

/** Builds the capacity rule once parent, counted rows and limit are known. */
function buildCapacity(ctx: RuleContext, parent: DraftEntity, counted: Mention | undefined, countedWords: string[], verb: string, limit: number | undefined, active: boolean, label: string, explicitField?: DraftField): void {
  const rows = countedRows(ctx, parent, counted, verb);
  if (!rows) {
    note(ctx, `Looks like a capacity limit on ${parent.name} (${label}), but no record type was found that counts the places taken in ${an(entityLabel(parent))}.`);
    return;
  }
  const { child } = rows;
  let relation = rows.relation;
  if (!relation) {
    if (ctx.draft.relations.some((r) => r.kind === 'manyToMany' && [r.from, r.to].includes(child.name) && [r.from, r.to].includes(parent.name))) {
      note(ctx, `Looks like a capacity limit (${label}), but ${child.name} and ${parent.name} are linked many-to-many; a capacity rule counts rows that belong to one ${entityLabel(parent)}.`);
      return;
    }
    if (parent.name === 'User') {
      if (ctx.ensureOwner(child.name, ctx.sentence.id)) relation = ctx.draft.relations.find((r) => r.from === child.name && r.name === child.ownerRelation);
    } else relation = addRelation(ctx.draft, { from: child.name, to: parent.name, required: true, onDelete: 'cascade' }, ctx.sentence.id);
    if (!relation) {
      note(ctx, `Looks like a capacity limit (${label}), but ${child.name} has no link to ${parent.name}.`);
      return;
    }
  }
  if (parent.name === 'User' && belongsTo(ctx, child, parent).length > 1) {
    relation = belongsTo(ctx, child, parent).find((r) => r.name === child.ownerRelation) ?? relation;
  }
  // Rows that stop counting ("not yet returned", "open orders", "at once") need an empty end date to tell.
  let activeField: DraftField | undefined;
  if (active) {
    activeField = child.fields.find((f) => isTimeField(f) && !f.required && ACTIVE_FIELD.test(f.name));
    if (!activeField) {
      const fieldWords = capacityFieldWords(countedWords, counted);
      note(ctx, `Looks like a limit on how many ${child.name} rows ${an(entityLabel(parent))} has at the same time (${label}), but ${child.name} has no end date that is empty while a row still counts (e.g. "closed at").`, [
        { kind: 'addField', entity: child.name, field: 'closedAt', type: 'datetime', label: `closedAt on ${child.name} (empty while it counts)` },
        ...capacitySuggestions(ctx, child, relation, parent, fieldWords, 'closedAt'),
      ]);
      return;
    }
  }
  let field = explicitField ?? capacityField(parent, countedWords);
  const fieldWords = capacityFieldWords(countedWords, counted);
  if (!field) {
    // "nobody can book a full class", "more permits than its max": a full record has a number of
    // places, so it gets one (set per record; no number is given to default to).
    field = ensureField(ctx, parent, fieldWords, 'integer', limit === undefined ? { min: 0 } : { required: true, min: 0, max: limit });
    if (!field) {
      note(ctx, `Looks like a capacity limit (${label}), but no capacity field could be added to ${parent.name}.`, capacitySuggestions(ctx, child, relation, parent, fieldWords, activeField?.name));
      return;
    }
    if (limit !== undefined) field.default = limit;
  } else {
    field.sources.add(ctx.sentence.id);
    if (limit !== undefined && field.max === undefined) field.max = limit;
  }
  const rule: Rule = { kind: 'capacity', entity: child.name, relation: relation.name, capacityField: field.name, sources: [ctx.sentence.id] };
  if (activeField) rule.activeWhenNull = activeField.name;
  addOrNote(ctx, rule, label);
}

function capacityFieldWords(countedWords: string[], counted: Mention | undefined): string[] {
  const clean = stripArticles(countedWords).filter((w) => !/^(open|active|current|free|more|other)$/.test(w));
  if (!clean.length || (counted?.person && counted.entity.name === 'User') || /^(people|persons|places|seats|spots|guests|participants|attendees)$/.test(clean[clean.length - 1])) return ['capacity'];
  const last = clean[clean.length - 1];
  return ['max', singular(last) === last ? pluralizeWord(last) : last];
}

const PRONOUN_SUBJECT = /^(?:i|we|me|us|you|nobody|anyone|anybody|everyone|everybody|someone|no-one|they|them)$/;

/** The parents of a link row other than `counted`, people first ("plot holder", User). */
function otherParents(ctx: RuleContext, link: DraftEntity, counted: DraftEntity): DraftEntity[] {
  const parents = ctx.draft.relations
    .filter((r) => r.kind === 'belongsTo' && r.from === link.name && r.to !== counted.name)
    .map((r) => ctx.draft.entities.find((e) => e.name === r.to))
    .filter((e): e is DraftEntity => !!e);
  const person = (e: DraftEntity) => e.name === 'User' || isPeople(ctx, e.key.split(' ')) || /(?:holder|owner|member|tenant|renter|customer|client)$/.test(e.key);
  return [...parents.filter(person), ...parents.filter((e) => !person(e))];
}

const LIMIT = new RegExp(String.raw`\b(at most|max(?:imum)?(?: of)?|a maximum of|no more than|not more than|up to|limited to|capped at|more than)\s+(${NUMBER})\s+([a-z][a-z' -]*)`);
const AFTER = /^(per|a|an|each|every|in|on|at|for|within|than|and|or|so|because|once|when|if|but|from|to|with|by|of|since|which|who|that|is|are|can|must)$/;

/** "at most 20 participants", "max 15 dogs per day", "no more than 4 players per team", "limited to 12 seats". */
export function capacityLimit(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain.replace(/[.;!]\s*$/, '');
  const m = LIMIT.exec(plain);
  if (!m) return false;
  const before = plain.slice(0, m.index);
  if (m[1] === 'more than' && !/\b(?:can't|cannot|can not|cant|may not|must not|mustn't|never|not|nobody|no one|no-one|shouldn't|shouldnt)\b/.test(before)) return false;
  const limit = parseNumber(m[2]);
  const tail = wordsOf(m[3]);
  const stop = tail.findIndex((w) => AFTER.test(w));
  let countedWords = stop < 0 ? tail.slice(0, 3) : tail.slice(0, stop);
  // "bookings are limited to 2 per member": the subject is what is counted.
  if (!countedWords.length && stop === 0 && /^(per|each|a)$/.test(tail[0])) {
    const counted = lastRecordIn(ctx, plain.slice(0, m.index));
    if (counted) countedWords = counted.entity.key.split(' ');
  }
  if (!countedWords.length || limit === undefined) return false;
  // "max 4 hours per booking" measures a value (ranges.ts), it does not count records.
  if (UNITS[countedWords[0]] || UNITS[countedWords[countedWords.length - 1]]) return false;
  const rest = stop < 0 ? [] : tail.slice(stop);
  const restText = rest.join(' ');
  const label = `${m[1]} ${m[2]} ${countedWords.join(' ')}${restText ? ` ${restText}` : ''}`.slice(0, 120);
  // "may attempt a quiz at most 3 times": the rows the verb makes, per person (and per the record it names).
  if (/^times?$/.test(countedWords[0] ?? '')) return limitTimes(ctx, before, limit, label);
  // "may attempt a quiz at most 3 times": the rows the verb makes, per person (and per the record it names).
  if (/^times?$/.test(countedWords[0] ?? '')) return limitTimes(ctx, before, limit, label);
  const counted = mentionsIn(ctx, countedWords)[0];
  // The parent: "per team", "in a batch", or the subject of the clause ("a team can have …").
  const per = /^(?:per|a|an|each|every|in|on|for|within|in each|in a|in one|for each|for every|on a)\s+(?:(?:a|an|the|each|one|single)\s+)?([a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)/.exec(restText);
  let parent: DraftEntity | undefined;
  const active = ACTIVE.test(plain);
  const beforeWords = wordsOf(before);
  const subject = mentionsIn(ctx, beforeWords).find((x) => !PRONOUN_SUBJECT.test(beforeWords[x.start] ?? ''));
  // "max 15 dogs per day", "one parcel per week per flat", "2 bookings per member per week": a fixed limit per period.
  const period = periodIn(ctx, restText);
  if (period && !active) {
    const scopeWords = restText.replace(period.text, ' ');
    const perScope = /\b(?:per|each|every|for each|for every)\s+(?:(?:a|an|the|each|one|single)\s+)?([a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)/.exec(scopeWords);
    const scope = (perScope ? mentionsIn(ctx, perScope[1]).find((x) => x.start === 0) : undefined) ?? subject;
    return periodCapacity(ctx, { limit, countedWords, counted, unit: period.unit, scope: scope?.entity, label });
  }
  if (per) {
    const word = per[1].split(' ')[0];
    if (PERIODS.has(word) && !mentionsIn(ctx, [word]).some((x) => x.entity.name !== 'User')) {
      note(ctx, `Looks like a limit of ${limit} ${countedWords.join(' ')} per ${word}, but a capacity rule counts the rows of one record (e.g. per class), not per ${word}; Takoss cannot enforce a limit per ${word}.`);
      return true;
    }
    parent = mentionsIn(ctx, per[1]).find((x) => x.start === 0)?.entity;
  }
  const verb = beforeWords[beforeWords.length - 1] ?? '';
  if (!parent && subject) parent = subject.entity;
  // "no more than 10 people can attend a workshop": the record after the verb.
  if (!parent && !per) parent = mentionsIn(ctx, restText).find((x) => x.entity.name !== 'User' && x.entity !== counted?.entity)?.entity;
  if (!parent && counted && /\b(?:nobody|no one|no-one|anyone|everyone|anybody)\b/.test(before)) {
    // "nobody may rent more than 2 plots": per person, through the row that links them to the plot.
    const link = ctx.draft.entities.find((l) => l !== counted.entity && belongsTo(ctx, l, counted.entity).length && otherParents(ctx, l, counted.entity).length);
    parent = link ? otherParents(ctx, link, counted.entity)[0] : undefined;
  }
  if (!parent) {
    note(ctx, `Looks like a capacity limit (${label}), but it does not say what the ${countedWords.join(' ')} are counted per (a record such as a class or a team).`);
    return true;
  }
  if (counted && counted.entity === parent && !counted.person) {
    note(ctx, `Looks like a limit (${label}) on ${parent.name} itself; a capacity rule counts rows that belong to another record.`);
    return true;
  }
  buildCapacity(ctx, parent, counted, countedWords, verb, limit, active, label);
  return true;
}

type PeriodUnit = 'day' | 'week' | 'month';
const PERIOD_UNITS: Record<string, PeriodUnit> = { day: 'day', night: 'day', daily: 'day', nightly: 'day', week: 'week', weekly: 'week', month: 'month', monthly: 'month' };

/** "per day", "a week", "each month", "daily" in the words after the limit; a record named "shift" is no period. */
function periodIn(ctx: RuleContext, text: string): { unit: PeriodUnit; text: string } | undefined {
  const m = /\b(?:(?:per|a|an|each|every|in a|in one|within a|on a|on any|on one)\s+(?:single\s+)?(day|night|week|month)|(daily|nightly|weekly|monthly))\b/.exec(text);
  if (!m) return undefined;
  const word = m[1] ?? m[2];
  if (mentionsIn(ctx, [word]).some((x) => x.entity.name !== 'User')) return undefined;
  return { unit: PERIOD_UNITS[word], text: m[0] };
}

const DATE_NAME = /(?:date|day|on|at|start|starts|begin|time|when|from)$/i;

/** The date a row is counted by: a required date or date-time first, one whose name says when it happens. */
function periodField(entity: DraftEntity): DraftField | undefined {
  const dates = entity.fields.filter(isTimeField);
  const rank = (f: DraftField) => (f.required ? 0 : 2) + (DATE_NAME.test(f.name) ? 0 : 1) + (/(?:end|ends|until|due|closed|returned)/i.test(f.name) ? 4 : 0);
  return [...dates].sort((a, b) => rank(a) - rank(b))[0];
}

/**
 * A fixed number of rows per day, week or month, optionally per parent: "max 15 dogs per day",
 * "at most one parcel per week per flat". The rows are the counted record (or the one record that
 * links to it and has a date, e.g. a dog's visits), counted by their date.
 */
function periodCapacity(ctx: RuleContext, found: { limit: number; countedWords: string[]; counted: Mention | undefined; unit: PeriodUnit; scope: DraftEntity | undefined; label: string }): boolean {
  const { limit, unit, label } = found;
  const what = found.countedWords.join(' ');
  let rows = found.counted && !(found.counted.person && found.counted.entity.name === 'User') ? found.counted.entity : undefined;
  if (rows && !periodField(rows)) {
    const dated = ctx.draft.entities.filter((e) => e !== rows && belongsTo(ctx, e, rows!).length && periodField(e));
    if (dated.length === 1) rows = dated[0];
  }
  // People words ("at most 20 guests per day") count what a parent's rows record, e.g. bookings of a scope.
  if (!rows && found.scope) rows = countedRows(ctx, found.scope, found.counted, '')?.child;
  if (!rows) {
    note(ctx, `Looks like a limit of ${limit} ${what} per ${unit} (${label}), but no record type was found for the ${what}.`);
    return true;
  }
  const field = periodField(rows);
  const scope = found.scope && found.scope !== rows ? found.scope : undefined;
  let relation = scope ? (scope.name === 'User' && rows.ownerRelation ? ctx.draft.relations.find((r) => r.from === rows!.name && r.name === rows!.ownerRelation) : belongsTo(ctx, rows, scope)[0]) : undefined;
  if (scope && !relation) {
    // "one parcel per week per flat": counting per flat says a parcel belongs to a flat.
    if (scope.name === 'User') {
      if (ctx.ensureOwner(rows.name, ctx.sentence.id)) relation = ctx.draft.relations.find((r) => r.from === rows!.name && r.name === rows!.ownerRelation);
    } else relation = addRelation(ctx.draft, { from: rows.name, to: scope.name, required: true, onDelete: 'cascade' }, ctx.sentence.id);
    if (!relation) {
      note(ctx, `Looks like a limit of ${limit} ${what} per ${unit} per ${entityLabel(scope)} (${label}), but ${rows.name} has no link to ${scope.name} and none could be added.`);
      return true;
    }
  }
  const rule: Rule = { kind: 'capacity', entity: rows.name, limit, period: { field: field?.name ?? 'date', unit }, sources: [ctx.sentence.id] };
  if (relation) rule.relation = relation.name;
  if (!field) {
    note(ctx, `Looks like a limit of ${limit} ${what} per ${unit} (${label}), but ${rows.name} has no date to tell which ${unit} a row falls in.`, [
      { kind: 'addField', entity: rows.name, field: 'date', type: 'date', label: `date on ${rows.name} (the ${unit} it counts in)` },
      { kind: 'addRule', rule, label: `At most ${limit} ${rows.name} rows${relation ? ` per ${relation.name}` : ''} per ${unit} of date` },
    ]);
    return true;
  }
  field.sources.add(ctx.sentence.id);
  addOrNote(ctx, rule, label);
  return true;
}

/** "the number of guests per table is limited to 8", "players per team: max 25". */
export function capacityNumberOf(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain.replace(/[.;!]\s*$/, '');
  const m =
    new RegExp(String.raw`\b(?:the\s+)?(?:max(?:imum)?\s+)?(?:number|count|amount)\s+of\s+([a-z][a-z -]{1,30}?)\s+(?:per|in|for|on|at)\s+(?:a|an|each|the|one)?\s*([a-z][a-z -]{1,30}?)\s+(?:is limited to|is capped at|must not exceed|mustn't exceed|can't exceed|cannot exceed|may not exceed|should not exceed|is at most|can't be more than|cannot be more than|may not be more than|must not be more than|is|must be at most)\s+(${NUMBER})\b`).exec(plain) ??
    new RegExp(String.raw`^([a-z][a-z -]{1,30}?)\s+per\s+([a-z][a-z -]{1,30}?)\s*[:=-]?\s*(?:max(?:imum)?|at most|up to|limit(?:ed to)?|no more than)\s*(${NUMBER})\b`).exec(plain);
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

/** "a student may attempt a quiz at most 3 times", "a member can book at most twice". */
function limitTimes(ctx: RuleContext, before: string, limit: number, label: string): boolean {
  const m = /^(.*?)\b(?:can|may|could|should|will|is allowed to|are allowed to|must|cannot|can't|cant|may not)\s+(?:only\s+)?([a-z]+)\s*(.*)$/.exec(before.trim());
  const subject = m ? mentionsIn(ctx, m[1]).pop() : undefined;
  const object = m ? lastRecordIn(ctx, m[3]) : undefined;
  const row = m && subject ? rowOf(ctx, m[2], object ? [subject.entity, object.entity] : [subject.entity]) : undefined;
  if (!m || !subject || !row) {
    note(ctx, `Looks like a limit on how often something is done (${label}), but the record that counts it was not found.`);
    return true;
  }
  if (object) {
    note(ctx, `Looks like at most ${limit} ${row.name} rows per ${subject.entity.name === 'User' ? subject.role ?? 'user' : subject.entity.name} and ${object.entity.name} (${label}), but a capacity rule counts rows of one record, not of a pair.`);
    return true;
  }
  buildCapacity(ctx, subject.entity, { entity: row, person: false, start: 0, end: 0, plural: true }, [row.key.split(' ').pop() ?? 'times'], m[2], limit, false, label);
  return true;
}

/** "nobody can book a full class", "once a session is full", "registration is refused once capacity is reached", "no copy is free". */
export function capacityFull(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain.replace(/[.;!]\s*$/, '');
  const full = /\b(?:a|an|the) (?:fully booked |full )([a-z][a-z -]{1,40})|\b([a-z][a-z -]{0,40}?) (?:is|are|gets?|becomes?|becoming) (?:full|fully booked|sold out)\b|\b(?:capacity|limit) (?:is|has been|was) (?:reached|exceeded|hit)\b|\bexceed\w* (?:the |its )?capacity\b|\boverbook\w*|\bno (?:free |more )?(?:copy|copies|seats?|spots?|places?|slots?|rooms?|beds?|tickets?) (?:is |are )?(?:free|available|left)\b|\b(?:full|sold out|fully booked)\b(?=\s*(?:$|,|\.|;))/.exec(plain);
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

/** "a zone cannot issue more permits than its max", "can't be more than the capacity of the room". */
export function capacityCompare(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain.replace(/[.;!]\s*$/, '');
  const m = /\bmore ([a-z][a-z -]{1,30}?) than (?:its|their|the) ([a-z][a-z -]{0,30}?)(?: of (?:the |a |an |its )?([a-z][a-z -]{1,30}))?$/.exec(plain) ?? /\b(?:number|count) of ([a-z][a-z -]{1,30}?) (?:in|of|per) (?:a|an|the|each) ([a-z][a-z -]{1,30}?) (?:can't|cannot|can not|cant|may not|must not|should not|shouldn't|never) (?:be )?(?:more|greater|higher|larger|bigger) than (?:the )?(.{1,60})$/.exec(plain);
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
