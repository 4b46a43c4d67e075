// Whether a rule made from a clause sits on the record the clause is about. A rule bound to a record
// the clause does not name (the hint of the previous sentence, the first record with a field of that
// name) is a silent error when the clause is about another thing: it is said, so the user checks it.
import { words as nameWords } from '../../../model/project/naming';
import { FieldType, type Rule } from '../../../model/project/projectSpec';
import type { DraftEntity } from '../draft';
import { singular } from '../lexicon';
import { tagSentence } from '../nlp';
import { isPeople, kindWords, mentionsIn, note, type RuleContext } from './context';
import { transactionOf } from '../nlpEvidence';
import { parseNumber, PERIODS, wordsOf } from './words';

/** Fields that carry a min or max (or a unique flag) from this sentence, by "Entity.field". */
export function boundedFields(ctx: RuleContext): Set<string> {
  const out = new Set<string>();
  for (const e of ctx.draft.entities) for (const f of e.fields) if ((f.min !== undefined || f.max !== undefined || f.unique) && f.sources.has(ctx.sentence.id)) out.add(`${e.name}.${f.name}`);
  return out;
}

const linkedTo = (ctx: RuleContext, entity: string, named: Set<string>): boolean =>
  ctx.draft.relations.some((r) => (r.from === entity && named.has(r.to)) || (r.to === entity && named.has(r.from)));

/** Words a clause may use about this record without naming another one: its name, its fields, its links, its values. */
function ownWords(ctx: RuleContext, entity: DraftEntity | undefined): Set<string> {
  const out = new Set<string>();
  const add = (name: string) => nameWords(name).forEach((w) => out.add(singular(w.toLowerCase())));
  if (!entity) return out;
  add(entity.name);
  for (const f of entity.fields) {
    add(f.name);
    f.enumValues?.forEach(add);
  }
  // User is linked to nearly everything: only its own words ("password" is the sign-in's).
  if (entity.name === 'User') {
    add('password');
    return out;
  }
  for (const r of ctx.draft.relations) {
    // A linked record's own words too: "a member whose membership has ended can't book" is about the booking's member.
    const other = r.from === entity.name ? r.to : r.to === entity.name ? r.from : undefined;
    if (!other) continue;
    [r.name, r.inverseName, other].forEach(add);
    ctx.draft.entities.find((e) => e.name === other)?.fields.forEach((f) => add(f.name));
  }
  return out;
}

const DETERMINER = /^(?:a|an|the|each|every|any|another|no)$/;
// (Typed "there"/"thier" too: ownOwn reads "in there own apiaries" as "their own".)
const POSSESSIVE = /^(?:their|his|her|its|my|our|your|own|there|thier)$/;
/** Names of field types ("a datetime") say what a value is, not which record it is on. */
const TYPE_WORDS = new Set<string>([...FieldType.options, 'number', 'timestamp', 'time', 'value']);

/**
 * Things a clause that names no record of the model talks about: the head nouns of its noun
 * phrases ("delete an issue", "enter results"), without people, periods and the words of `entity`
 * (its name, fields, links and values). "The email must be unique" has none for a record with an email.
 */
export function strayThings(ctx: RuleContext, entity: DraftEntity | undefined): string[] {
  const own = ownWords(ctx, entity);
  const terms = tagSentence(ctx.clause.plain);
  const out: string[] = [];
  terms.forEach((t, i) => {
    // A possessive names whose value it is ("a shift's end date"): a thing of its own, even before a noun.
    if (t.pos !== 'noun' || (terms[i + 1]?.pos === 'noun' && !t.possessive) || !/^[a-z]{3,}$/.test(t.w)) return;
    // Introduced by a determiner (adjectives between) or a bare plural ("enter results").
    let j = i - 1;
    while (j >= 0 && (terms[j].pos === 'adj' || terms[j].pos === 'noun') && i - j < 4) j--;
    if (!(j >= 0 && DETERMINER.test(terms[j].w)) && !t.plural) return;
    // "three letters", "5 days": a count of something, not a record.
    if (j >= 0 && (terms[j].pos === 'num' || parseNumber(terms[j].w) !== undefined)) return;
    const root = singular(t.w);
    if (own.has(root) || own.has(t.root) || TYPE_WORDS.has(root) || PERIODS.has(t.w) || PERIODS.has(root) || isPeople(ctx, [t.w])) return;
    if (!out.includes(root)) out.push(root);
  });
  return out;
}

/**
 * Rules made from this clause on a record it does not name, while it names others (or, naming no
 * record of the model, talks about other things): "only the reporter may delete an issue" bound
 * to the previous sentence's record. A rule on a record linked to the one named (a capacity on the
 * bookings of "a class") is that record's; a date order or workflow must be on the record named.
 */
export function saySubjectMismatch(ctx: RuleContext, before: number, boundedBefore: Set<string>): void {
  // A clause that names no record ("and the deposit must be at least 20") is about what its sentence names.
  const own = recordsNamed(ctx, ctx.clause.plain);
  const { mentions, named, order } = own.named.size || ctx.clause.plain === ctx.sentence.plain ? own : recordsNamed(ctx, ctx.sentence.plain);
  const anyNamed = new Set(mentions.map((m) => m.entity.name));
  /** The records a guessed rule's note names: the ones named, and a people record a rule was put on. */
  const about = [...order];
  const on = new Set<string>();
  const things = new Set<string>();
  /** Rules put on one of two or more records named, not the first (the subject): the record was a guess. */
  const guessed = new Set<string>();
  /** Rules on a record named only aside ("records a result for the booking: … a rating out of 5") while the clause is about a thing that is no record. */
  const aside = new Set<string>();
  /** Rules of a clause whose sentence names no record, put on one of several records with the fields it names ("the end date must be after the start date" with two such records). */
  const alike = new Map<string, string[]>();
  /** Rules of a clause whose sentence names no record, put on a record other than the one the text around it is about (found by a field's name). */
  const elsewhere = new Set<string>();
  // Rules this clause stated again ("a shift's end date must come after the start date as well", merged into the
  // festival's date order) are checked like new ones: the clause may name another record.
  const made = [...ctx.draft.rules.slice(before), ...(ctx.outcome.merged ?? []).filter((r) => !ctx.draft.rules.slice(before).includes(r))];
  for (const r of made as Rule[]) {
    // A person's record named by a people word ("a member") is named; User is every person, so "reject a request" bound to User is not.
    if (named.has(r.entity) || (anyNamed.has(r.entity) && r.entity !== 'User')) {
      if (fieldLocated(r) && order.length > 1 && order[0] !== r.entity) guessed.add(`${kindWords(r.kind)} rule on ${r.entity}`);
      // "members can only delete photos in albums they created": owning the album named after "in" protects the album, not the photos.
      // (Also a people record: "doctors only see the appointments of their own patients" owns the patients, not the appointments.)
      else if (r.kind === 'ownership' && order.length && order[0] !== r.entity && onlyAfterPreposition(ctx, r.entity)) {
        guessed.add(`${kindWords(r.kind)} rule on ${r.entity}`);
        if (!about.includes(r.entity)) about.push(r.entity);
      }
      else if (onlyAfterPreposition(ctx, r.entity)) strayHeads(ctx, r.entity).forEach((t) => (things.add(t), aside.add(`${kindWords(r.kind)} rule on ${r.entity}`)));
      continue;
    }
    const strict = r.kind === 'dateOrder' || r.kind === 'statusWorkflow';
    if (named.size) {
      if (strict || !linkedTo(ctx, r.entity, named)) on.add(`${kindWords(r.kind)} rule on ${r.entity}`);
      continue;
    }
    const stray = strayThings(ctx, ctx.draft.entities.find((e) => e.name === r.entity));
    if (stray.length) {
      on.add(`${kindWords(r.kind)} rule on ${r.entity}`);
      stray.forEach((s) => things.add(s));
    } else if (offContext(ctx, r.entity, strict)) elsewhere.add(`${kindWords(r.kind)} rule on ${r.entity}`);
    else {
      const twins = sameFieldsElsewhere(ctx, r);
      if (twins.length) alike.set(`${kindWords(r.kind)} rule on ${r.entity}`, twins);
    }
  }
  // A capacity's own number of places ("nobody may rent more than 2 plots" -> PlotHolder.maxPlots) is the capacity rule's.
  const capacityFields = new Set(ctx.draft.rules.flatMap((r) => (r.kind === 'capacity' && 'capacityField' in r && r.capacityField ? [`${r.entity}.${r.capacityField}`] : [])));
  const linkedCapacity = (key: string) => [...capacityFields].some((c) => c.split('.')[1] === key.split('.')[1]);
  if (!named.size) {
    for (const key of boundedFields(ctx)) if (!boundedBefore.has(key) && !linkedCapacity(key) && offContext(ctx, key.split('.')[0], false)) elsewhere.add(`${boundKind(ctx, key)} on ${key}`);
  }
  if (named.size) {
    for (const key of boundedFields(ctx)) {
      const entity = key.split('.')[0];
      if (boundedBefore.has(key) || linkedCapacity(key)) continue;
      const what = `${boundKind(ctx, key)} on ${key}`;
      if (!named.has(entity)) on.add(what);
      else if (order.length > 1 && order[0] !== entity) guessed.add(what);
      else if (onlyAfterPreposition(ctx, entity)) strayHeads(ctx, entity).forEach((t) => (things.add(t), aside.add(what)));
    }
  }
  if (on.size) {
    const about = named.size ? [...named].join(' and ') : `${[...things].map((t) => `"${t}"`).join(' and ')}, which ${things.size > 1 ? 'are' : 'is'} not a record type of the model`;
    note(ctx, `The ${[...on].join(' and ')} was made from this sentence, but it names ${about}; check that the rule is on the right record.`);
  }
  if (aside.size && !on.size) {
    const list = [...things].map((t) => `"${t}"`).join(' and ');
    note(ctx, `The ${[...aside].join(' and ')} was made from this sentence, which is about ${list} (not a record type of the model) and names ${[...aside][0].split(' on ')[1].split('.')[0]} only in passing; check that the rule is on the right record, or add ${list} as a record.`);
  }
  if (elsewhere.size && !on.size) {
    note(ctx, `The ${[...elsewhere].join(' and ')} was made from this sentence, which names no record; the text around it is about ${ctx.hint}: check that the rule is on the right record.`);
  }
  if (alike.size && !on.size && !elsewhere.size) {
    for (const [what, twins] of alike) note(ctx, `The ${what} was made from this sentence, which names no record; ${twins.join(' and ')} ${twins.length > 1 ? 'have' : 'has'} the same fields: check that it is on the right record.`);
  }
  if (guessed.size) {
    note(ctx, `The ${[...guessed].join(' and ')} was made from this sentence, which names ${about.join(' and ')}; the rule may be about ${about[0]} instead: check that it is on the right record.`);
  }
}

/**
 * Whether a rule of a sentence that names no record ("the end date must be after the start date")
 * sits on a record other than the one the text around it is about (its heading, list or previous
 * sentence), and not on one linked to it (a capacity on its bookings); a date order or workflow must
 * be on that record itself. Such a rule found its record by a field's name: a guess.
 */
function offContext(ctx: RuleContext, entity: string, strict: boolean): boolean {
  const about = ctx.hint;
  if (!about || about === entity || about === 'User' || entity === 'User') return false;
  const heading = ctx.sentence.section;
  if (!heading || mentionsIn(ctx, heading.toLowerCase()).some((m) => m.entity.name === entity)) return false;
  return strict || !linkedTo(ctx, entity, new Set([about]));
}

/**
 * Other records with the fields a date order (or a one-field uniqueness) of a sentence naming no record is
 * about: the rule went to the record the text around it is about, a guess when another has the same fields.
 */
function sameFieldsElsewhere(ctx: RuleContext, rule: Rule): string[] {
  const fields = rule.kind === 'dateOrder' ? [rule.earlier, rule.later] : rule.kind === 'unique' && rule.fields.length === 1 ? rule.fields : [];
  if (!fields.length) return [];
  return ctx.draft.entities.filter((e) => e.name !== rule.entity && e.name !== 'User' && fields.every((f) => e.fields.some((x) => x.name === f))).map((e) => e.name);
}

/** Whether every mention of this record in the clause follows a preposition ("a result for the booking"): named in passing, not its subject. */
function onlyAfterPreposition(ctx: RuleContext, entity: string): boolean {
  const ws = wordsOf(ctx.clause.plain);
  const at = mentionsIn(ctx, ws).filter((m) => m.entity.name === entity);
  return at.length > 0 && at.every((m) => {
    let j = m.start - 1;
    // (A possessive before the name is a determiner too: "photos from their own albums".)
    while (j >= 0 && (DETERMINER.test(ws[j]) || POSSESSIVE.test(ws[j]))) j--;
    return j >= 0 && /^(?:for|of|on|to|per|in|at|from|with|about)$/.test(ws[j]);
  });
}

/** The things (no record of the model) a clause is about besides this record, but not its fields or links. */
function strayHeads(ctx: RuleContext, entity: string): string[] {
  // (Records of the model the clause names are not stray: "… after the pick-up of the costume".)
  return strayThings(ctx, ctx.draft.entities.find((e) => e.name === entity)).filter((t) => !mentionsIn(ctx, [t]).some((m) => m.entity.name !== 'User'));
}

/** "value range" for a min/max, "unique value" for a unique flag set by the clause. */
function boundKind(ctx: RuleContext, key: string): string {
  const [entity, name] = key.split('.');
  const field = ctx.draft.entities.find((e) => e.name === entity)?.fields.find((f) => f.name === name);
  return field && field.min === undefined && field.max === undefined ? 'unique value' : 'value range';
}

/** Records (not people) a text names: the mentions, their names, and the names in order of first mention. */
function recordsNamed(ctx: RuleContext, text: string): { mentions: ReturnType<typeof mentionsIn>; named: Set<string>; order: string[] } {
  const mentions = mentionsIn(ctx, text);
  const order = [...new Set(mentions.filter((m) => m.entity.name !== 'User' && !m.person).map((m) => m.entity.name))];
  return { mentions, named: new Set([...order, ...namedByVerb(ctx, text)]), order };
}

/**
 * "Users rate recipes": a verb whose doing is a record of its own (a rating, a booking) names that
 * record too. Read from the word forms, not the tagger: clauses are not tagged ahead, and a parse
 * per clause cost a 100 KB text 0.6 s.
 */
function namedByVerb(ctx: RuleContext, text: string): string[] {
  const made = new Set(wordsOf(text).flatMap((w) => transactionOf(w) ?? []));
  return made.size ? ctx.draft.entities.filter((e) => made.has(e.key)).map((e) => e.name) : [];
}

/**
 * Rules whose record is wherever their fields were found (a date order, one unique value), not
 * necessarily the record the sentence is about: said when the sentence names two records and the
 * rule is not on the first (its subject).
 */
function fieldLocated(rule: Rule): boolean {
  return rule.kind === 'dateOrder' || (rule.kind === 'unique' && rule.fields.length === 1);
}
