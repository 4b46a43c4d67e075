// How a capacity rule is made, whatever the phrasing: the parent's capacity field (added from the
// number), the counted child rows and their relation to the parent, or a fixed limit per day, week or
// month counted by the rows' date. The phrasings are read in capacity.ts and capacityLimit.ts.
import { pluralizeWord, withArticle } from '../../../model/project/naming';
import type { Rule, Suggestion } from '../../../model/project/projectSpec';
import { addRelation, type DraftEntity, type DraftField, type DraftRelation } from '../draft';
import { ACTION_NOUNS, singular } from '../lexicon';
import { belongsTo } from './links';
import { addOrNote, ensureField, entityLabel, mentionsIn, note, type Mention, type RuleContext, isTimeField } from './context';
import { PLACE_ROWS, stripArticles, verbLemma } from './words';

/** Values measured rather than counted: a "time limit" or "weight limit" is no capacity. */
const MEASURED = /^(?:time|age|speed|weight|credit|spending|budget|price|cost|size|length|height|width|depth|distance|duration|temperature|word|character|file|upload|data|storage|loan|overdraft)$/;
const CAPACITY_WORDS = /^(capacity|seats|places|spots|slots|copies|quantity|stock|limit|size|berths|beds|rooms|tables|pitches|spaces)$/;
export const ACTIVE = /\b(?:at once|at a time|at the same time|simultaneously|concurrently|open|active|current|ongoing|outstanding|unreturned|not yet returned|checked out)\b/;
export const ACTIVE_FIELD = /^(return|returned|end|ended|closed|completed|finished|checkedIn|checkedOut|delivered|resolved|cancelled|released|left|done)/i;

/** Stock runs out (no copies left is a real state); a place that holds nobody is not a place. */
const STOCK_WORDS = /^(copies|quantity|stock)$/;

/** The least a new capacity field may hold: 1, or 0 for stock (and never above the stated limit). */
export function fewestPlaces(fieldWords: readonly string[], limit?: number): number {
  const fewest = fieldWords.some((word) => STOCK_WORDS.test(word)) ? 0 : 1;
  return limit === undefined ? fewest : Math.min(fewest, limit);
}

/** An integer field of the parent that holds how many it takes (capacity, seats, max permits). */
export function capacityField(parent: DraftEntity, counted: string[] = []): DraftField | undefined {
  const head = counted.length ? singular(counted[counted.length - 1]) : '';
  return parent.fields.find((f) => {
    if (f.type !== 'integer') return false;
    const tokens = f.name.replace(/([A-Z])/g, ' $1').toLowerCase().split(' ').filter(Boolean);
    // ("timeLimit", "creditLimit", "ageLimit": a bound on a measured value, not a number of places.)
    if (MEASURED.test(tokens[0] ?? '') && tokens.length > 1) return false;
    // ("seatCount", "copyCount": a count of the things it holds.)
    if (tokens.some((t, i) => CAPACITY_WORDS.test(t) || (tokens[i + 1] === 'count' && [`${t}s`, t.replace(/y$/, 'ies')].some((p) => CAPACITY_WORDS.test(p))))) return true;
    // (A bare "number" or "total" names the record or sums money: "a plot has a number and a size".)
    if (tokens.length === 1) return /^(max|maximum|limit)$/.test(tokens[0]);
    return /^(max|maximum|number|total|limit)$/.test(tokens[0]) && (!head || tokens.some((t) => singular(t) === head));
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

/** The records an act makes ("booking", "loan"): takings of a place, not things held in it. */
const TAKINGS = new Set(Object.values(ACTION_NOUNS));

/** A record that is a thing put somewhere (a painting, a box), not a taking of a place: no date or time of its own, not named like a booking. */
function heldThing(entity: DraftEntity): boolean {
  const head = entity.key.split(' ').pop() ?? '';
  return !entity.fields.some(isTimeField) && !PLACE_ROWS.test(entity.key) && !PLACE_ROWS.test(head) && !TAKINGS.has(head) && !/^(?:session|lesson|shift|trip|visit|stay|lease|hire|purchase|sale|transaction|event|meeting|class)$/.test(head);
}

function capacitySuggestions(ctx: RuleContext, child: DraftEntity, relation: DraftRelation | undefined, parent: DraftEntity, fieldWords: string[], active?: string): Suggestion[] {
  const name = fieldWords.length ? fieldWords : ['capacity'];
  const fieldName = name.map((w, i) => (i ? w[0].toUpperCase() + w.slice(1) : w)).join('');
  const out: Suggestion[] = [{ kind: 'addField', entity: parent.name, field: fieldName, type: 'integer', label: `${fieldName} (how many ${child.name} rows ${withArticle(entityLabel(parent))} takes)` }];
  if (relation) {
    const rule: Rule = { kind: 'capacity', entity: child.name, relation: relation.name, capacityField: fieldName, sources: [ctx.sentence.id] };
    if (active) rule.activeWhenNull = active;
    out.push({ kind: 'addRule', rule, label: `At most ${parent.name}.${fieldName} ${child.name} rows per ${entityLabel(parent)}` });
  }
  return out;
}

/** Builds the capacity rule once parent, counted rows and limit are known. */
export function buildCapacity(ctx: RuleContext, parent: DraftEntity, counted: Mention | undefined, countedWords: string[], verb: string, limit: number | undefined, active: boolean, label: string, explicitField?: DraftField): void {
  const rows = countedRows(ctx, parent, counted, verb);
  if (!rows) {
    note(ctx, `Looks like a capacity limit on ${parent.name} (${label}), but no record type was found that counts the places taken in ${withArticle(entityLabel(parent))}.`);
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
  // "a wall holds at most 12 paintings at a time": the rows are the things held, which leave by being
  // moved or deleted; every row that exists counts. Only rows that record a taking (a booking, a loan,
  // anything with a date) outlive it and need an end date to tell.
  if (active && counted?.entity === child && heldThing(child)) active = false;
  if (active) {
    activeField = child.fields.find((f) => isTimeField(f) && !f.required && ACTIVE_FIELD.test(f.name));
    if (!activeField) {
      const fieldWords = capacityFieldWords(countedWords, counted);
      note(ctx, `Looks like a limit on how many ${child.name} rows ${withArticle(entityLabel(parent))} has at the same time (${label}), but ${child.name} has no end date that is empty while a row still counts (e.g. "closed at").`, [
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
    const min = fewestPlaces(fieldWords, limit);
    field = ensureField(ctx, parent, fieldWords, 'integer', limit === undefined ? { min } : { required: true, min, max: limit });
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
  // ("one order assigned to them": the participle after the counted noun is no part of its name.)
  while (clean.length > 1 && /[a-z](?:ed|ing)$/.test(clean[clean.length - 1])) clean.pop();
  if (!clean.length || (counted?.person && counted.entity.name === 'User') || /^(people|persons|places|seats|spots|guests|participants|attendees)$/.test(clean[clean.length - 1])) return ['capacity'];
  const last = clean[clean.length - 1];
  return ['max', singular(last) === last ? pluralizeWord(last) : last];
}

type PeriodUnit = 'day' | 'week' | 'month';
const PERIOD_UNITS: Record<string, PeriodUnit> = { day: 'day', night: 'day', daily: 'day', nightly: 'day', week: 'week', weekly: 'week', month: 'month', monthly: 'month' };

/** "per day", "a week", "each month", "daily" in the words after the limit; a record named "shift" is no period. */
export function periodIn(ctx: RuleContext, text: string): { unit: PeriodUnit; text: string } | undefined {
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
export function periodCapacity(ctx: RuleContext, found: { limit: number; countedWords: string[]; counted: Mention | undefined; unit: PeriodUnit; scope: DraftEntity | undefined; label: string }): boolean {
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
