// Date order: "the end date must be after the start date", "return date cannot be before the
// pickup date", "checkout after checkin", a table row "finished at | must be after started at".
// Both fields must be dates or date-times of one entity; missing ones the text names are added.
import { camelCase, RESERVED_FIELD_NAMES, withArticle } from '../../../model/project/naming';
import type { FieldType, Suggestion } from '../../../model/project/projectSpec';
import type { DraftEntity, DraftField } from '../draft';
import { addOrNote, ensureField, fieldIn, fieldSuggestion, subjectRecordIn, locateField, mentionsIn, note, type RuleContext, isTimeField } from './context';
import { isActionVerb, parseNumber, stripArticles, wordsOf } from './words';
import { guarded } from '../guardedRegExp';

const COMPARATOR = /\b(on or after|on or before|no earlier than|no later than|not before|not after|later than|earlier than|after|before|precedes?|follows?)\b|(?<=[a-z]\s*)(>=|<=|>|<)(?=\s*[a-z])/;
const NEGATION = /\b(?:can't|cannot|can not|cant|may not|must not|mustn't|shouldn't|should not|shouldnt|never|not|isn't|aren't)\b/;
const TAIL = new Set(['must', 'has', 'have', 'to', 'should', 'need', 'needs', 'cannot', "can't", 'cant', 'can', 'not', 'may', "mustn't", "shouldn't", 'shouldnt', 'never', 'is', 'are', 'be', 'always', 'come', 'comes', 'lie', 'lies', 'fall', 'falls', 'happen', 'happens', 'set', 'only', 'strictly', 'also', 'i', 'want', 'we']);
const MODAL_WORDS = new Set(['must', 'should', 'cannot', "can't", 'cant', 'can', 'may', 'might', 'will', 'shall', "mustn't", "shouldn't", 'shouldnt']);
const TIMEISH = /\b(?:date|dates|time|times|at|on|start|starts|started|starting|end|ends|ended|ending|begin|begins|beginning|finish|finished|deadline|due|until|from|to|checkin|checkout|check-in|check-out|arrival|arrived|departure|departs|pickup|pick-up|return|returned|dropoff|drop-off|expiry|expires|opening|closing|kick-off|kickoff|received|collected|delivered|shipped|birth|valid|left|day|period|opened|closed|submitted|sent|issued|reported|created|booked)\b/;


/** The noun phrase a comparison side names, without the modal words around it. */
function sidePhrase(text: string, side: 'left' | 'right'): string[] {
  // "In a project, a task's due date …": what comes before a comma sets the scene; the date is after it.
  let ws = wordsOf(side === 'left' ? text.slice(text.lastIndexOf(',') + 1) : text);
  if (side === 'left') {
    // "… to be", "… must be": modal words go; a "to" that is part of a name ("valid to") stays.
    let removed = '';
    while (ws.length && TAIL.has(ws[ws.length - 1]) && !(ws[ws.length - 1] === 'to' && removed !== 'be')) removed = ws.pop()!;
    // "… and the deadline": only the last phrase of the left side.
    const cut = Math.max(ws.lastIndexOf('and'), ws.lastIndexOf('but'), ws.lastIndexOf('that'), ws.lastIndexOf('want'));
    if (cut >= 0) ws = ws.slice(cut + 1);
    // "the end date of every task in a project": where the record sits is not part of the date's name.
    const where = ws.findIndex((w, i) => i > 1 && /^(in|within|per|inside)$/.test(w) && /^(a|an|the|each|every|its|their)$/.test(ws[i + 1] ?? ''));
    if (where > 0) ws = ws.slice(0, where);
    // "the delivery date of an order" reads as "order delivery date": the record first, as in "an order's delivery date".
    const of = ws.findIndex((w, i) => i > 1 && w === 'of' && /^(a|an|the|each|every|its|their)$/.test(ws[i + 1] ?? ''));
    if (of > 0 && ws.length - of - 2 >= 1 && ws.length - of - 2 <= 2) ws = [...ws.slice(of + 2), ...ws.slice(0, of)];
  } else {
    const stop = ws.findIndex((w, i) => i > 0 && /^(so|and|because|since|which|when|if|unless|or|but|otherwise|for|in|as)$/.test(w));
    if (stop > 0) ws = ws.slice(0, stop);
  }
  ws = stripArticles(ws);
  // "the date the order was received" -> "order received date".
  const was = ws.findIndex((w) => /^(was|is|were|are|got|gets)$/.test(w));
  if (was > 0 && /^(date|time|day|moment)$/.test(ws[0])) ws = [...ws.slice(1, was).filter((w) => !/^(the|a|an)$/.test(w)), ws[was + 1] ?? '', ws[0]].filter(Boolean);
  return ws;
}

function timeType(ws: string[], other?: DraftField): FieldType {
  if (other && isTimeField(other)) return other.type;
  return ws.some((w) => /^(date|day|birth|deadline|due|valid|expiry)$/.test(w)) ? 'date' : 'datetime';
}

/** The shortest end (or start) of a long phrase that names a date field somewhere, else its last (first) time word. */
function shortestTimePhrase(ctx: RuleContext, ws: string[], side: 'suffix' | 'prefix'): string[] {
  // "… a task's due date": a longer end that names a date field closely wins over "date" alone.
  for (let n = 3; n >= 2; n--) {
    const part = side === 'suffix' ? ws.slice(-n) : ws.slice(0, n);
    if (ctx.draft.entities.some((e) => fieldIn(e, part, 2.5, isTimeField))) return part;
  }
  for (let n = 1; n <= 3; n++) {
    const part = side === 'suffix' ? ws.slice(-n) : ws.slice(0, n);
    if (ctx.draft.entities.some((e) => fieldIn(e, part, 1.8, isTimeField))) return part;
  }
  const part = side === 'suffix' ? ws.slice(-1) : ws.slice(0, 1);
  return TIMEISH.test(part.join(' ')) ? part : ws;
}

/** A text field named like a moment ("start", "end", "finished at") is one: the rule ordering it says so. */
export function asTime(field: DraftField | undefined): DraftField | undefined {
  if (field && field.type === 'string' && !field.enumValues && /^(start|end|begin|finish|from|until|to|starts|ends)$|(?:At|Time|Date|Start|End)$|^(start|end|begin|finish)/.test(field.name)) field.type = /Date$|^date/.test(field.name) ? 'date' : 'datetime';
  return field;
}

function onEntity(entity: DraftEntity, ws: string[]): DraftField | undefined {
  return fieldIn(entity, ws, 1.5, isTimeField) ?? fieldIn(entity, ws, 2.5);
}

/** A comparison in the clause: its comparator in words, the text on each side, and a gap the text asks for ("at least 2 days"). */
interface Comparison {
  comparator: string;
  leftText: string;
  rightText: string;
  offset: RegExpExecArray | null;
}

/** The two dates compared: the entity holding them, the fields found so far and the words that name each side. */
interface DatePair {
  entity: DraftEntity;
  fa?: DraftField;
  fb?: DraftField;
  aWords: string[];
  bWords: string[];
  rightWords: string[];
  guessed?: boolean;
  /** The record the right side names when it is not the left side's: no rule compares dates of two records. */
  otherRecord?: DraftEntity;
}

export function dateOrder(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain.replace(/[.;!]\s*$/, '');
  const cmp = comparisonIn(plain);
  if (!cmp) return false;
  const phrases = comparedPhrases(ctx, cmp);
  if (!phrases) return false;
  const { later, allowEqual } = orderOf(cmp);
  const pair = locateDates(ctx, plain, phrases.left, phrases.right);
  if (!pair) return false;
  if (pair.otherRecord) {
    note(ctx, `Looks like a date order between ${withArticle(pair.entity.name)}'s ${pair.aWords.join(' ')} and ${withArticle(pair.otherRecord.name)}'s ${pair.bWords.join(' ')}, but a date order compares two dates of one record; dates of two records are not checked.`);
    return true;
  }
  const label = `${pair.aWords.join(' ')} ${later === 'left' ? 'after' : 'before'} ${pair.bWords.join(' ')}`;
  if (cannotCompare(ctx, pair, label)) return true;
  const fields = dateFields(ctx, pair);
  if (!fields) return true;
  const [fa, fb] = fields;
  fa.sources.add(ctx.sentence.id);
  fb.sources.add(ctx.sentence.id);
  const [earlier, laterField] = later === 'left' ? [fb, fa] : [fa, fb];
  const added = addOrNote(ctx, { kind: 'dateOrder', entity: pair.entity.name, earlier: earlier.name, later: laterField.name, allowEqual, sources: [ctx.sentence.id] }, label);
  if (added && cmp.offset) {
    note(ctx, `The order of ${laterField.name} after ${earlier.name} is checked, but not the gap of ${parseNumber(cmp.offset[1]) ?? cmp.offset[1]} ${cmp.offset[2]}: the generated checks compare the two dates only.`);
  }
  return true;
}

/** The comparator and the text around it, unless the clause is a refusal that only mentions a moment. */
function comparisonIn(plain: string): Comparison | undefined {
  const found = COMPARATOR.exec(plain);
  if (!found) return undefined;
  // "end > start": a symbol between two names reads like the words.
  const symbol = found[2];
  const comparator = symbol ? (symbol.startsWith('>') ? (symbol === '>=' ? 'on or after' : 'after') : symbol === '<=' ? 'on or before' : 'before') : found[1];
  let leftText = plain.slice(0, found.index);
  const rightText = plain.slice(found.index + found[0].length);
  const offset = /\b(?:at least|minimum|min|no less than|no sooner than)\s+(\S+)\s+(?:working\s+|business\s+|calendar\s+)?(days?|hours?|weeks?|minutes?|months?)\s*$/.exec(leftText);
  if (offset) leftText = leftText.slice(0, offset.index);
  // "… can't be cancelled after …" or "members can book before …" are refusals, not an order of two dates.
  if (/\bbe\s+(?!after|before|later|earlier|on\b|no\b|at\b|set\b)[a-z]+(?:ed|en|t)\b/.test(leftText)) return undefined;
  const verbs = /\b(?:can't|cannot|can|must|may|should|will)\s+(?!be\b|not\b|never\b|only\b|(?:come|fall|lie|happen|occur)\b)([a-z]+)/.exec(leftText);
  // "must finish after it begins" orders two moments of the record even though "finish" is also an action.
  if (verbs && isActionVerb(verbs[1]) && !MOMENT_PAIR.test(`${leftText.trim()} | ${rightText.trim()}`)) return undefined;
  // Run-on notes ("… start/end. no double bookings on a car obv end has to be after start lol …"): the last sentence before, the first after.
  leftText = leftText.slice(Math.max(leftText.lastIndexOf('. '), leftText.lastIndexOf('; '), leftText.lastIndexOf('! '), leftText.lastIndexOf('? ')) + 1);
  return { comparator, leftText, rightText, offset };
}

/** The words naming each side's moment, short enough and time-like, else undefined. */
function comparedPhrases(ctx: RuleContext, cmp: Comparison): { left: string[]; right: string[] } | undefined {
  let left = sidePhrase(cmp.leftText, 'left');
  let right = sidePhrase(cmp.rightText.split(/[.;!?,(]/)[0], 'right');
  const moments = verbalMoments(ctx, cmp);
  if (moments) ({ left, right } = moments);
  const row = ctx.clause.subjectField;
  if (row && (cmp.leftText.includes(':') || !left.length)) left = row;
  if (left.length > 4) left = shortestTimePhrase(ctx, left, 'suffix');
  if (right.length > 4) right = shortestTimePhrase(ctx, right, 'prefix');
  if (!left.length || !right.length || left.length > 6 || right.length > 6) return undefined;
  // "ticket sales must end" is a clause, not the name of a date: no field is made of it.
  if ([...left, ...right].some((w) => MODAL_WORDS.has(w))) return undefined;
  if (!TIMEISH.test(left.join(' ')) || !TIMEISH.test(right.join(' '))) return undefined;
  return { left, right };
}

const MOMENT_VERB = String.raw`(?:end|finish|start|begin|close|open|return|leave|depart|arrive)(?:e?s)?`;

/** "… must finish | after it begins": a moment verb on each side of the comparator. */
const MOMENT_PAIR = guarded(new RegExp(String.raw`\b${MOMENT_VERB} \| (?:it|they|the [a-z ]+?)\s+${MOMENT_VERB}\b`));

/** The usual field words for a moment verb the record has no field for ("finish" -> end, "begin" -> start). */
const MOMENT_FIELD: Record<string, string> = { finish: 'end', begin: 'start', leave: 'departure', depart: 'departure', arrive: 'arrival' };

/** "ends" -> "end", "finishes" -> "finish", "closes" -> "close". */
const verbBase = (verb: string): string => verb.replace(/(?<=finish)es$|s$/, '');

/**
 * "a booking must end after it starts", "shifts end after they start" (no modal): the verbs name
 * the moments of the record before them.
 */
function verbalMoments(ctx: RuleContext, cmp: Comparison): { left: string[]; right: string[] } | undefined {
  const verbal = new RegExp(String.raw`^(.*?)\b(?:(?:must|has to|have to|should|needs? to|cannot|can't|cant|can not|may not|always|only)\s+)?(${MOMENT_VERB})$`).exec(cmp.leftText.trim());
  const rightVerb = new RegExp(String.raw`^(?:it|they|the [a-z ]+?)?\s*(${MOMENT_VERB}|is created|was created)\b`).exec(cmp.rightText.trim());
  if (!verbal || !rightVerb || !verbal[1].trim()) return undefined;
  const owner = subjectRecordIn(ctx, verbal[1]);
  if (!owner) return undefined;
  const moment = (verb: string) => {
    const synonym = MOMENT_FIELD[verb];
    return synonym && !fieldIn(owner.entity, [verb], 1.5, isTimeField) && fieldIn(owner.entity, [synonym], 1.5, isTimeField) ? synonym : verb;
  };
  return {
    left: [...owner.entity.key.split(' '), moment(verbBase(verbal[2]))],
    right: [...owner.entity.key.split(' '), /created$/.test(rightVerb[1]) ? 'created' : moment(verbBase(rightVerb[1]))],
  };
}

/** Which side must be later and whether equal dates pass: "not after" and a negated clause turn the order round. */
function orderOf(cmp: Comparison): { later: 'left' | 'right'; allowEqual: boolean } {
  const word = cmp.comparator;
  const negated = NEGATION.test(cmp.leftText) && !/^not (before|after)$/.test(word);
  let later: 'left' | 'right' = /after|later|follow/.test(word) ? 'left' : 'right';
  let allowEqual = /^(on or|no earlier|no later|not)/.test(word);
  if (negated) {
    later = later === 'left' ? 'right' : 'left';
    allowEqual = true;
  }
  if (/^not /.test(word)) later = /after/.test(word) ? 'right' : 'left';
  return { later, allowEqual };
}

/** The entity and the fields the two sides name; the right side may move both onto the record it names. */
function locateDates(ctx: RuleContext, plain: string, left: string[], right: string[]): DatePair | undefined {
  const named = mentionsIn(ctx, plain).filter((x) => x.entity.name !== 'User').map((x) => x.entity);
  const a = locateField(ctx, left.join(' '), named, isTimeField);
  if (!a?.entity) return undefined;
  let entity = a.entity;
  let fa = a.field;
  const rightWords = stripArticles(right);
  // "a task's due date must be after the project's start date": each side names its own record.
  const rightOwner = mentionsIn(ctx, rightWords).find((x) => x.entity.name !== 'User' && x.start === 0 && x.end < rightWords.length - 1)?.entity;
  if (a.explicit && rightOwner && rightOwner !== entity && !fieldIn(entity, rightWords, 2.5, isTimeField)) {
    return { entity, fa, aWords: a.words, bWords: rightWords.slice(1), rightWords, otherRecord: rightOwner };
  }
  let fb = onEntity(entity, rightWords);
  if (!fb) {
    const b = locateField(ctx, rightWords.join(' '), [entity, ...named], isTimeField);
    if (b?.explicit && b.entity !== entity && !a.explicit) {
      // "the deadline must be after the date the order was received": the record the right side names.
      entity = b.entity;
      fa = onEntity(entity, a.words);
      fb = b.field;
    } else if (b?.field && b.entity !== entity && !a.explicit) {
      // The right side names another entity's field: the left one may be there too.
      const there = onEntity(b.entity, a.words);
      if (there) {
        entity = b.entity;
        fa = there;
        fb = b.field;
      }
    } else if (b?.field && b.entity === entity) fb = b.field;
  }
  const bWords = rightWords.filter((w) => !mentionsIn(ctx, [w]).some((x) => x.entity === entity));
  return { entity, fa, fb, aWords: a.words, bWords, rightWords, guessed: a.guessed };
}

/** Says (in a note) why no rule can be made when no record has the dates or a side is the app's own timestamp. */
function cannotCompare(ctx: RuleContext, pair: DatePair, label: string): boolean {
  const { entity, fa, fb, aWords, bWords, rightWords } = pair;
  if (!fa && !fb && pair.guessed) {
    // Neither date exists and no record is named: say which fields would do it instead of guessing where.
    const fixes = [fieldSuggestion(entity, aWords, timeType(aWords)), fieldSuggestion(entity, bWords.length ? bWords : rightWords, timeType(bWords))].filter((x): x is Suggestion => !!x);
    note(ctx, `Looks like a date order (${label}), but no record type has these dates; ${entity.name} is only a guess.`, fixes);
    return true;
  }
  // "created at" is the app's own timestamp: no field of the model, so no rule can compare it.
  for (const [f, ws] of [[fa, aWords], [fb, bWords]] as const) {
    if (!f && RESERVED_FIELD_NAMES.has(camelCase(ws.join(' ')))) {
      note(ctx, `Looks like a date order (${label}), but "${ws.join(' ')}" is the time the app records by itself (${camelCase(ws.join(' '))}), which rules cannot compare; add a date field of your own for it.`);
      return true;
    }
  }
  return false;
}

/** The two date fields, adding those the text names but the model lacks; a note and undefined when they are not two dates. */
function dateFields(ctx: RuleContext, pair: DatePair): [DraftField, DraftField] | undefined {
  const { entity, aWords, bWords, rightWords } = pair;
  // "the closing date must be before the start date" where only another record has a start date, and the clause names neither: two records' dates.
  const elsewhere = (ws: string[]) => ctx.draft.entities.find((e) => e !== entity && fieldIn(e, ws, 3, isTimeField));
  const named = mentionsIn(ctx, ctx.clause.plain).some((m) => m.entity === entity);
  const other = !named && ((!pair.fa && elsewhere(aWords)) || (!pair.fb && elsewhere(bWords.length ? bWords : rightWords)));
  if (other) {
    note(ctx, `Looks like a date order on ${entity.name}, but ${other.name} is the record with ${!pair.fa ? aWords.join(' ') : (bWords.length ? bWords : rightWords).join(' ')}; dates of two records are not compared, and the rule's record is not clear.`);
    return undefined;
  }
  const fa = pair.fa ?? ensureField(ctx, entity, aWords, timeType(aWords, pair.fb));
  const fb = pair.fb ?? ensureField(ctx, entity, bWords.length ? bWords : rightWords, timeType(bWords, fa));
  if (!fa || !fb || fa === fb) {
    note(ctx, `Looks like a date order on ${entity.name}, but its two dates could not both be found.`);
    return undefined;
  }
  for (const f of [fa, fb]) {
    if (!isTimeField(asTime(f)!)) {
      note(ctx, `Looks like a date order on ${entity.name}, but ${f.name} is a ${f.type} field, not a date or date-time.`);
      return undefined;
    }
  }
  return [fa, fb];
}
