// Capacity limits as "at most N <things>": "at most 20 participants", "max 40 analyses per batch",
// "no more than 4 players per team", "limited to 12 seats", "nobody may rent more than 2 plots",
// "may attempt a quiz at most 3 times". The rule itself is built in capacityRule.ts.
import { entityNameOf, type DraftEntity } from '../draft';
import { singular } from '../lexicon';
import { ACTIVE, buildCapacity, periodCapacity, periodIn } from './capacityRule';
import { isPeople, lastRecordIn, mentionsIn, note, personWithoutSignIn, recordSuggestion, type Mention, type RuleContext } from './context';
import { belongsTo, rowOf } from './links';
import { NUMBER, parseNumber, PERIODS, stripArticles, UNITS, wordsOf } from './words';

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

/** An "at most N <things> …" phrase: the text before it, the limit, the words naming what is counted and those after. */
interface Limit {
  before: string;
  limit: number;
  countedWords: string[];
  restText: string;
  label: string;
  /** The counted things are named in the limit itself ("max 15 dogs"), not taken from the words before ("at most 2 per week"). */
  countedNamed: boolean;
}

/** "at most 20 participants", "max 15 dogs per day", "no more than 4 players per team", "limited to 12 seats". */
export function capacityLimit(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain.replace(/[.;!]\s*$/, '');
  const found = limitIn(ctx, plain);
  if (!found) return false;
  const { before, limit, countedWords, restText, label, countedNamed } = found;
  // "may attempt a quiz at most 3 times": the rows the verb makes, per person (and per the record it names).
  if (/^times?$/.test(countedWords[0] ?? '')) return limitTimes(ctx, before, limit, label);
  const counted = mentionsIn(ctx, countedWords)[0];
  const active = ACTIVE.test(plain);
  const beforeWords = wordsOf(before);
  const subject = mentionsIn(ctx, beforeWords).find((x) => !PRONOUN_SUBJECT.test(beforeWords[x.start] ?? ''));
  // "max 15 dogs per day", "one parcel per week per flat", "2 bookings per member per week": a fixed limit per period.
  const period = periodIn(ctx, restText);
  if (period && !active) {
    const scopeWords = restText.replace(period.text, ' ');
    const perScope = /\b(?:per|each|every|for each|for every)\s+(?:(?:a|an|the|each|one|single)\s+)?([a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)/.exec(scopeWords);
    // ("Owners book days for a dog, max 15 dogs per day": a limit set off by a comma that names what it
    // counts is the business's over all of them, not each owner's; "members can book at most 2 classes
    // per week" and "members book classes, at most 2 per week" are each member's.)
    const detached = /,\s*$/.test(before) && countedNamed;
    const scope = (perScope ? mentionsIn(ctx, perScope[1]).find((x) => x.start === 0) : undefined) ?? (detached ? undefined : subject);
    return periodCapacity(ctx, { limit, countedWords, counted, unit: period.unit, scope: scope?.entity, label });
  }
  const parent = countedPer(ctx, found, counted, subject);
  if (!parent) return true;
  // "a student can make at most 3 attempts per quiz": counted per student and per quiz, a pair (not
  // when one of the two belongs to the other: "at most 20 bookings per session" of a class).
  if (subject && counted && subject.entity !== parent && subject.entity !== counted.entity && PER_RECORD.test(restText) && belongsTo(ctx, counted.entity, subject.entity).length && !belongsTo(ctx, parent, subject.entity).length && !belongsTo(ctx, subject.entity, parent).length) {
    note(ctx, `Looks like at most ${limit} ${counted.entity.name} rows per ${subject.entity.name === 'User' ? subject.role ?? 'user' : subject.entity.name} and ${parent.name} (${label}), but a capacity rule counts rows of one record, not of a pair.`);
    return true;
  }
  if (counted && counted.entity === parent && !counted.person) {
    note(ctx, `Looks like a limit (${label}) on ${parent.name} itself; a capacity rule counts rows that belong to another record.`);
    return true;
  }
  if (subject && subject.entity === parent && personWithoutSignIn(ctx, subject, beforeWords)) {
    const who = stripArticles(beforeWords.slice(subject.start, subject.end + 1)).join(' ');
    const name = entityNameOf(singular(who));
    const record = recordSuggestion(ctx.draft, name);
    note(ctx, `Looks like at most ${limit} ${countedWords.join(' ')} per ${who} (${label}), but ${who}s do not sign in (the roles are ${ctx.roles.join(', ')}): add ${who} as a role, or as a record linked to the ${countedWords.join(' ')}.`, record ? [record] : []);
    return true;
  }
  buildCapacity(ctx, parent, counted, countedWords, beforeWords[beforeWords.length - 1] ?? '', limit, active, label);
  return true;
}

/** The words after the limit say what it is counted per ("per quiz", "for each class"). */
const PER_RECORD = /^(?:per|each|every|for each|for every|in each)\s/;

/** The limit phrase of a clause, unless it is no limit ("more than" without a "not") or measures a value ("max 4 hours"). */
function limitIn(ctx: RuleContext, plain: string): Limit | undefined {
  const m = LIMIT.exec(plain);
  if (!m) return undefined;
  const before = plain.slice(0, m.index);
  if (m[1] === 'more than' && !/\b(?:can't|cannot|can not|cant|may not|must not|mustn't|never|not|nobody|no one|no-one|shouldn't|shouldnt)\b/.test(before)) return undefined;
  const limit = parseNumber(m[2]);
  const tail = wordsOf(m[3]);
  const stop = tail.findIndex((w) => AFTER.test(w));
  let countedWords = stop < 0 ? tail.slice(0, 3) : tail.slice(0, stop);
  const countedNamed = countedWords.length > 0;
  // "bookings are limited to 2 per member": the subject is what is counted.
  if (!countedWords.length && stop === 0 && /^(per|each|a)$/.test(tail[0])) {
    const counted = lastRecordIn(ctx, plain.slice(0, m.index));
    if (counted) countedWords = counted.entity.key.split(' ');
  }
  if (!countedWords.length || limit === undefined) return undefined;
  // "max 4 hours per booking" measures a value (ranges.ts), it does not count records.
  if (UNITS[countedWords[0]] || UNITS[countedWords[countedWords.length - 1]]) return undefined;
  const restText = (stop < 0 ? [] : tail.slice(stop)).join(' ');
  const label = `${m[1]} ${m[2]} ${countedWords.join(' ')}${restText ? ` ${restText}` : ''}`.slice(0, 120);
  return { before, limit, countedWords, restText, label, countedNamed };
}

/** The record the limit counts per: "per team", "in a batch", the clause's subject, the record after the verb, or per person; a note when none (or a period) is named. */
function countedPer(ctx: RuleContext, found: Limit, counted: Mention | undefined, subject: Mention | undefined): DraftEntity | undefined {
  const { before, limit, countedWords, restText, label } = found;
  const per = /^(?:per|a|an|each|every|in|on|for|within|in each|in a|in one|for each|for every|on a)\s+(?:(?:a|an|the|each|one|single)\s+)?([a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)/.exec(restText);
  let parent: DraftEntity | undefined;
  if (per) {
    const word = per[1].split(' ')[0];
    if (PERIODS.has(word) && !mentionsIn(ctx, [word]).some((x) => x.entity.name !== 'User')) {
      note(ctx, `Looks like a limit of ${limit} ${countedWords.join(' ')} per ${word}, but a capacity rule counts the rows of one record (e.g. per class), not per ${word}; Takoss cannot enforce a limit per ${word}.`);
      return undefined;
    }
    parent = mentionsIn(ctx, per[1]).find((x) => x.start === 0)?.entity;
  }
  if (!parent && subject) parent = subject.entity;
  // "no more than 10 people can attend a workshop": the record after the verb.
  if (!parent && !per) parent = mentionsIn(ctx, restText).find((x) => x.entity.name !== 'User' && x.entity !== counted?.entity)?.entity;
  if (!parent && counted && /\b(?:nobody|no one|no-one|anyone|everyone|anybody)\b/.test(before)) {
    // "nobody may rent more than 2 plots": per person, through the row that links them to the plot.
    const link = ctx.draft.entities.find((l) => l !== counted.entity && belongsTo(ctx, l, counted.entity).length && otherParents(ctx, l, counted.entity).length);
    parent = link ? otherParents(ctx, link, counted.entity)[0] : undefined;
  }
  if (!parent) note(ctx, `Looks like a capacity limit (${label}), but it does not say what the ${countedWords.join(' ')} are counted per (a record such as a class or a team).`);
  return parent;
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
