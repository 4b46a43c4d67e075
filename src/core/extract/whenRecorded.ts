// Moments the text asks to keep: "you want to record when orders are paid for and shipped", "I need to
// know when the driver starts and finishes the order". Knowing when something happened to a record is
// a date-time the record holds: the moment it reached each state (paidAt, shippedAt), or its start and
// end times when someone starts and finishes it. Where it happened is a value of the record too: "keep
// track of the addresses where the orders are delivered" (deliveryAddress). Read after the entities
// are chosen, on known records only.
import { addField, type Draft } from './draft';
import { recordNamedBy } from './mentions';
import type { SentenceInfo } from './sentences';
import { singular } from './lexicon';
import { tagSentence } from './nlp';
import { nlp } from './tagger';
import { transactionOf } from './nlpEvidence';
import { VALUE_WORDS } from './colonValueRecords';

/** Verbs that ask to keep or learn a moment: "record when …", "know when …", "keep track of when …". */
const KEEP = String.raw`\b(?:know|knows|record|records|recorded|register|registers|registered|store|stores|stored|log|logs|logged|note|notes|noted|track|tracks|tracked|(?:keep|keeps|kept) track of|remember|remembers|save|saves|saved)\s+when\s+`;
const DETERMINER = String.raw`(?:the|a|an|each|every|this|its|their)\s+`;
const RECORD = String.raw`((?:[a-z-]+\s+){0,2}?[a-z-]+)`;
const BE = String.raw`(?:is|are|was|were|gets?|got|has been|have been)\s+`;
/** A participle, with an optional particle or preposition that goes with it ("paid for", "picked up"). */
const PARTICIPLE = String.raw`(?:[a-z]+ed|paid|sent|sold|made|built|given|taken|held|done|shown|written|drawn|bought|begun|won|lost|read|kept)(?:\s+(?:for|up|out|off|in|back))?`;
const PARTICIPLES = String.raw`(${PARTICIPLE}(?:(?:\s*,\s*|\s+and\s+|\s+or\s+|\s*,\s*and\s+)${PARTICIPLE})*)`;
/** "record when orders are paid for and shipped": the records (with or without a determiner), then what happens to them. */
const PASSIVE = new RegExp(`${KEEP}(?:${DETERMINER})?${RECORD}\\s+${BE}${PARTICIPLES}\\b`, 'g');

/** The moments starting and ending verbs mark: a start time and an end time. */
const MOMENT: Record<string, string> = { start: 'start', starts: 'start', begin: 'start', begins: 'start', finish: 'end', finishes: 'end', end: 'end', ends: 'end', complete: 'end', completes: 'end' };
const ACT = String.raw`(starts?|begins?|finish(?:es)?|ends?|completes?)`;
/** "know when the driver starts and finishes the order": someone starts and/or ends the record. */
const ACTIVE = new RegExp(`${KEEP}${DETERMINER}[a-z-]+(?:\\s+[a-z-]+)?\\s+${ACT}(?:\\s+(?:and|or)\\s+${ACT})?\\s+${DETERMINER}${RECORD}\\b`, 'g');

/** A verb of keeping anywhere before ("we keep track of both the customer's address and the addresses where …"). */
const KEEPING = /\b(?:know(?:s|ing)?|record(?:s|ed|ing)?|stor(?:e|es|ed|ing)|register(?:s|ed|ing)?|log(?:s|ged|ging)?|not(?:e|es|ed|ing)|track(?:s|ed|ing)?|sav(?:e|es|ed|ing))\b/;
/** "the addresses where the orders are delivered", "the room in which each exam is held": a place something happens to a record at. */
const PLACE = new RegExp(`\\b(?:the|their)\\s+([a-z]+)\\s+(?:where|in which|at which|to which)\\s+(?:${DETERMINER})?${RECORD}\\s+${BE}(${PARTICIPLE})\\b`, 'g');

/** Adds to each record the moments (and places) the text asks to keep of it. */
export function applyWhenRecorded(draft: Draft, sentences: SentenceInfo[]): void {
  for (const sentence of sentences) {
    if (sentence.heading) continue;
    placesRecorded(draft, sentence);
    if (!/\bwhen\b/.test(sentence.plain)) continue;
    for (const match of sentence.plain.matchAll(PASSIVE)) {
      const entity = recordNamedBy(draft, match[1]);
      if (!entity) continue;
      for (const participle of match[2].split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s+or\s+/)) {
        // ("paid for", "picked up": the moment is named after the verb, "pickedUpAt" with its particle.)
        const words = participle.trim().split(/\s+/).filter((w) => w !== 'for');
        if (addField(entity, { words: [...words, 'at'], type: 'datetime' }, sentence.id)) draft.used.add(sentence.id);
      }
    }
    for (const match of sentence.plain.matchAll(ACTIVE)) {
      const entity = recordNamedBy(draft, match[3]);
      if (!entity) continue;
      for (const verb of [match[1], match[2]]) {
        if (verb && addField(entity, { words: [MOMENT[verb], 'time'], type: 'datetime' }, sentence.id)) draft.used.add(sentence.id);
      }
    }
  }
}

/**
 * "keep track of the addresses where the orders are delivered": a value word (an address, a location)
 * said so is a value of the record the act is done to, no record of its own (read before the
 * entities are chosen; "the warehouses where the goods are stored" may be records).
 */
export function placeValueWords(sentence: SentenceInfo): string[] {
  if (!KEEPING.test(sentence.plain)) return [];
  return [...sentence.plain.matchAll(PLACE)].filter((match) => KEEPING.test(sentence.plain.slice(0, match.index))).map((match) => singular(match[1])).filter((word) => VALUE_WORDS.has(word));
}

/** "keep track of the addresses where the orders are delivered": Order.deliveryAddress (the act's noun, or its "-ing": shippingAddress). */
function placesRecorded(draft: Draft, sentence: SentenceInfo): void {
  for (const match of sentence.plain.matchAll(PLACE)) {
    const before = sentence.plain.slice(0, match.index);
    const entity = KEEPING.test(before) ? recordNamedBy(draft, match[2]) : undefined;
    if (!entity) continue;
    const verb = match[3].split(/\s+/)[0];
    const root = tagSentence(`they were ${verb}`)[2]?.root ?? verb;
    const act = transactionOf(root) ?? (nlp(root).verbs().conjugate()[0] as { Gerund?: string } | undefined)?.Gerund;
    if (!act || act.includes(' ')) continue;
    if (addField(entity, { words: [act, singular(match[1])], type: 'string' }, sentence.id)) draft.used.add(sentence.id);
  }
}

/** The known record the words end in ("orders", "the order"), never a person's record (User). */
