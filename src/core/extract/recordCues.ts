// What makes a noun with no fields of its own a record after all: a description that keeps many
// of it ("a fleet of pickup vehicles"), names it as a part or a whole ("Two wheels are inserted
// into each frame"), or has it act on, or be acted on by, another record ("the reports issued by
// the estimators"). dropBareEntities keeps such nouns; a noun only mentioned in passing has none.
import { valuedOfAny } from './valueOfAny';
import { pluralizeWord } from '../../model/project/naming';
import { analyze, type Analysis, type NounPhrase } from './grammar';
import { LIGHT_VERBS, STORE_VERBS, userStory } from './nlpEvidence';
import type { SentenceInfo } from './sentences';
import { storyParts } from './storyBenefit';
import { wholePartsOf } from './wholeParts';
import { keptWhichOne } from './keptWhich';
import { madeByActs } from './madeThings';
import { COLLECTION_WORDS } from './lexicon';

const COLLECTIONS = COLLECTION_WORDS;

/** "a set of locations", "the fleet of pickup vehicles": a kept group of the key's plural. */
export function keptAsCollection(key: string, plain: string): boolean {
  const words = key.split(' ');
  const plural = [...words.slice(0, -1), pluralizeWord(words[words.length - 1])].join(' ');
  return new RegExp(`\\b(?:a|an|the|its|their|our)\\s+(?:${COLLECTIONS})\\s+of\\s+(?:[a-z-]+\\s+){0,2}?${plural}\\b`).test(plain);
}

/** "various types of insurance policies", "two kinds of berths": the text sorts the key's plural into kinds (clauseEvidence sortedIntoKinds). */
export function sortedIntoKindsOf(key: string, plain: string): boolean {
  const words = key.split(' ');
  const plural = [...words.slice(0, -1), pluralizeWord(words[words.length - 1])].join(' ');
  return new RegExp(String.raw`\b(?:various|different|several|many|multiple|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[a-z]+\s+)?(?:types|kinds|sorts|variants)\s+of\s+(?:[a-z-]+\s+){0,2}?${plural}\b`).test(plain);
}

/**
 * "the field of activity of each technician is known", "the amount of this discount must be known":
 * values kept of the key, even when no field list could be read from them.
 */
export function valuesKeptOfIt(key: string, plain: string): boolean {
  const words = key.split(' ');
  const noun = [...words.slice(0, -1), `(?:${words[words.length - 1]}|${pluralizeWord(words[words.length - 1])})`].join(' ');
  const kept = String.raw`(?:is|are|(?:must|should|will|has to|have to|needs to|need to)\s+(?:also\s+)?be)\s+(?:also\s+)?(?:known|stored|recorded|kept|saved|registered|noted|documented|tracked|logged)\b`;
  return new RegExp(String.raw`\bof\s+(?:each|every|a|an|the|this|that|these|those|any|all)\s+${noun}\s+${kept}`).test(plain);
}

/** "the hours and the price are recorded in a job log": a thing values are written down in holds them (clauseEvidence keptIn). */
export function valuesWrittenIn(key: string, plain: string): boolean {
  return new RegExp(String.raw`\b(?:recorded|stored|kept|logged|saved|noted|entered|registered|written|documented)\s+(?:by\s+(?:[a-z-]+\s+){1,3}?)?in(?:to)?\s+(?:a|an)\s+${key}\b`).test(plain);
}

const named = (phrase: NounPhrase | undefined, key: string): boolean => !!phrase && (phrase.key === key || phrase.key.endsWith(` ${key}`));

/** The key is the whole or a part in a whole-part statement with another record. */
export function partOrWhole(key: string, analysis: Analysis, others: Set<string>): boolean {
  return wholePartsOf(analysis).some(({ whole, parts }) => {
    const sides = [whole, ...parts];
    return sides.some((p) => named(p, key)) && sides.some((p) => !named(p, key) && others.has(p.key));
  });
}

/**
 * A clause with a real verb joins the key and another record: "each depot dispatches vans" (the
 * subject right before the verb, the other record its first object) or "the reports issued by the
 * estimators" (a passive with its agent). Verbs that store a value say what a record keeps, not
 * that the value is one; a verb after "and" or far from its subject is not read.
 */
export function actsWithRecord(key: string, analysis: Analysis, others: Set<string>): boolean {
  const other = (p: NounPhrase | undefined) => !!p && !named(p, key) && others.has(p.key);
  return analysis.clauses.some((clause) => {
    const subject = clause.subject;
    if (!subject || LIGHT_VERBS.has(clause.verb) || STORE_VERBS.has(clause.verb) || clause.negated || !nextToVerb(analysis, subject, clause.verbIndex)) return false;
    const first = [...clause.objects, ...clause.preps.map((p) => p.phrase)].sort((a, b) => a.start - b.start)[0];
    const agent = clause.preps.find((p) => p.phrase === first)?.prep === 'by';
    // ("the reports issued by …": a participle right after its noun is a passive without "are".)
    const passive = clause.passive || /(?:ed|en|wn)$/.test(analysis.terms[clause.verbIndex].w);
    if (passive ? !agent : first !== clause.objects[0] || !counted(subject)) return false;
    return (named(subject, key) && other(first)) || (other(subject) && named(first, key));
  });
}

/** "a/each/the depot", "depots": a subject that names things, not "this delivery". */
const counted = (p: NounPhrase): boolean => p.plural || /^(a|an|each|every|the)$/.test(p.determiner ?? '');

/** The subject's head stands right before the verb, with at most auxiliaries and adverbs between. */
function nextToVerb(analysis: Analysis, subject: NounPhrase, verbIndex: number): boolean {
  const between = analysis.terms.slice(subject.head + 1, verbIndex);
  return between.length <= 3 && between.every((t) => t.pos === 'modal' || t.pos === 'adv' || t.w === 'not') && !/[,;:]/.test(analysis.terms[subject.head].post);
}

/** Heads of a phrase that names a group of the things after "of": "report a list of supplies". */
const GROUP_HEADS = /^(?:list|set|batch|number|series|collection)$/;

/**
 * "As a camp administrator, I want to assign different positions to the staff members", "I want
 * to report necessary repairs": in a user story's want (not its benefit), the plural things a
 * domain verb acts on are what the app keeps, fields or not ("report a list of supplies" too).
 * Verbs that only show, use or have things ("see", "get", "have a list of") are no such cue.
 */
export function actedOnInStory(key: string, sentence: SentenceInfo): boolean {
  if (!userStory(sentence)) return false;
  const analysis = analyze(storyParts(sentence)[0].text);
  return analysis.clauses.some((clause) => {
    // ("I want to have created database indexes": a state wanted, not something done in the app.)
    if (LIGHT_VERBS.has(clause.verb) || clause.passive || clause.negated || /^(?:have|has|had)$/.test(analysis.terms[clause.verbIndex - 1]?.w ?? '')) return false;
    return clause.objects.some((object) => {
      // ("convey any issues", "attend some lessons": things in general, not ones the app lists.)
      if (object.determiner === 'any' || object.determiner === 'some') return false;
      const after = GROUP_HEADS.test(object.headWord) && analysis.terms[object.head + 1]?.w === 'of' ? analysis.phrases.find((p) => p.start > object.head + 1 && p.start <= object.head + 3) : undefined;
      const thing = after ?? object;
      return thing.plural && named(thing, key) && thing.key.split(' ').length <= key.split(' ').length + 1;
    });
  });
}

/** Whether the text treats `key` as a record although it gave it no fields; `others` are the other records' keys. */
export function describedAsRecord(key: string, sentences: SentenceInfo[], others: Set<string>): boolean {
  const head = key.split(' ').pop() ?? key;
  for (const sentence of sentences) {
    if (sentence.heading || !sentence.plain.includes(head.slice(0, Math.max(3, head.length - 1)))) continue;
    if (keptAsCollection(key, sentence.plain) || sortedIntoKindsOf(key, sentence.plain) || valuesKeptOfIt(key, sentence.plain) || valuesWrittenIn(key, sentence.plain) || actedOnInStory(key, sentence)) return true;
    const analysis = analyze(sentence.text);
    if (partOrWhole(key, analysis, others) || actsWithRecord(key, analysis, others) || madeByActs(key, analysis)) return true;
    if (hasSomething(key, analysis, sentence.text) || belongedTo(key, analysis, others) || keptWhichOne(key, analysis)) return true;
    // ("the price of a ride": a value every one of it has.)
    if (valuedOfAny(analysis).some((p) => p.key === key)) return true;
  }
  return false;
}

/**
 * "Passenger cars have a certain number of seats", "main airlines often have a daughter company":
 * the key, as the subject of "have", has something of its own, even where no field could be read
 * from it. (Not a name the sentence renames at once: "every job (we call it an order) has …".)
 */
export function hasSomething(key: string, analysis: Analysis, text: string): boolean {
  if (new RegExp(String.raw`\b${key}s?\s*\(`, 'i').test(text)) return false;
  return analysis.clauses.some((c) => !!c.subject && named(c.subject, key) && !c.passive && !c.negated && /^(?:have|has)$/.test(c.verb) && c.objects.length > 0);
}

/** "research groups that belong to different departments": another record belongs to the key. */
export function belongedTo(key: string, analysis: Analysis, others: Set<string>): boolean {
  return analysis.clauses.some((c) => {
    if (c.verb !== 'belong' || c.negated) return false;
    // (In a relative clause the subject is the phrase before "that/which".)
    const relative = /^(?:that|which)$/.test(analysis.terms[c.verbIndex - 1]?.w ?? '') ? analysis.phrases.find((p) => p.head === c.verbIndex - 2) : undefined;
    const subject = c.subject ?? relative;
    return !!subject && others.has(subject.key) && c.preps.some((p) => p.prep === 'to' && named(p.phrase, key));
  });
}
