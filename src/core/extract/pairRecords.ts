// Records kept for a pair of records: "for each treatment done at an appointment we record the tooth
// number and the price" keeps one row per treatment per appointment (AppointmentTreatment), with those
// values, linked to both. The field readers give the values to the last record named ("appointment"),
// and the treatment would be a single link of the appointment; neither is what the sentence says.
import { addEntity, addRelation, findEntity, type Draft, type DraftEntity } from './draft';
import { singular } from './lexicon';
import type { SentenceInfo } from './sentences';

/** "for each X <participle> at/in/during a Y, we record …": the participle joins X to the Y it happened in. */
const PAIR_KEPT = /^(?:and\s+)?for (?:each|every) ([a-z]+(?: [a-z]+)??) ([a-z]+(?:ed|en)|done|made|sold|bought|held|taught|paid|won|spent|put|set|run) (?:at|in|on|during|within|for|per) (?:a|an|the|each|every|that|this|one) ([a-z]+(?: [a-z]+)??),? (?:(?:we|the system|you|they|i|staff|the clinic|the app) )?(?:(?:also|then|must|should|will|need to|want to|have to|can) )*(?:record|records|store|stores|keep|keeps|note|notes|track|tracks|log|logs|save|saves|capture|captures|register|registers|need|want)\b/;

/**
 * "each student gets a grade for every exam": a value each X is given per Y is kept per pair. (The Y may
 * be two words, "every exam session", or one before more words, "every exam taken": see openOccasionNamed.)
 */
const PAIR_GIVEN = /^(?:each|every) ([a-z]+(?: [a-z]+)??) (?:gets|receives|is given|is awarded|earns|obtains|has) (?:a|an|one) [a-z]+(?: [a-z]+)? (?:for|per|in|on|at) (?:each|every) ([a-z]+(?: [a-z]+)?)\b/;

/** The thing and the occasion a sentence keeps values per pair of. */
interface Pair {
  thing: string;
  occasion: string;
  /** The occasion's words may run on past its name ("for every exam taken"): nothing after them ends it. */
  openEnded: boolean;
}

/** The pair a sentence keeps values per, if it says so. */
function pairOf(plain: string): Pair | undefined {
  // (Cheap tests first: this runs on every sentence.)
  if (plain.startsWith('for e') || plain.startsWith('and for e')) {
    const m = PAIR_KEPT.exec(plain);
    return m && !PLACED.test(m[2]) ? { thing: m[1], occasion: m[3], openEnded: false } : undefined;
  }
  if (!plain.startsWith('each ') && !plain.startsWith('every ')) return undefined;
  const m = PAIR_GIVEN.exec(plain);
  return m ? { thing: m[1], occasion: m[2], openEnded: true } : undefined;
}

/** Participles that say where a thing is, not that it happened in something ("a room located in a building"). */
const PLACED = /^(?:located|situated|based|housed|contained|included|found|kept|stored|parked|listed|shown|displayed|named|called|given)$/;

/** The record a one- or two-word phrase names, by its key or with its last word singular. */
function recordKeyed(draft: Draft, phrase: string): DraftEntity | undefined {
  const words = phrase.split(' ');
  const singularKey = [...words.slice(0, -1), singular(words[words.length - 1])].join(' ');
  return findEntity(draft, phrase) ?? findEntity(draft, singularKey);
}

/** The record a one- or two-word phrase names, by its key, else by its last word ("exam candidate": Candidate). */
function recordNamed(draft: Draft, phrase: string): DraftEntity | undefined {
  const words = phrase.split(' ');
  return recordKeyed(draft, phrase) ?? (words.length > 1 ? findEntity(draft, singular(words[words.length - 1])) : undefined);
}

/**
 * The record an open-ended occasion's one or two words name: both when they are a record's key ("every
 * exam session": ExamSession), else the first ("every exam taken", "every exam in the course": Exam),
 * else the two read as a compound ("every written exam": Exam).
 */
function openOccasionNamed(draft: Draft, phrase: string): DraftEntity | undefined {
  const [first, second] = phrase.split(' ');
  if (!second) return recordNamed(draft, phrase);
  return recordKeyed(draft, phrase) ?? recordNamed(draft, first) ?? recordNamed(draft, phrase);
}

/** Moves the values a sentence named from the record the field readers gave them to onto the pair's row. */
function moveValues(from: DraftEntity, to: DraftEntity, source: number): void {
  for (const field of [...from.fields]) {
    if (!field.sources.has(source)) continue;
    if (!to.fields.some((f) => f.name === field.name)) to.fields.push({ ...field, sources: new Set([source]) });
    if (field.sources.size === 1) from.fields.splice(from.fields.indexOf(field), 1);
    else field.sources.delete(source);
  }
}

/** "for each treatment done at an appointment we record …", "each student gets a grade for every exam": a row per pair, with the values, linked to both. */
export function applyPairRecords(draft: Draft, sentences: SentenceInfo[]): void {
  for (const sentence of sentences) {
    const pair = pairOf(sentence.plain);
    if (!pair) continue;
    const thing = recordNamed(draft, pair.thing);
    const occasion = pair.openEnded ? openOccasionNamed(draft, pair.occasion) : recordNamed(draft, pair.occasion);
    if (!thing || !occasion || thing === occasion || thing.name === 'User' || occasion.name === 'User') continue;
    const id = sentence.id;
    if (!occasion.fields.some((f) => f.sources.has(id)) && !thing.fields.some((f) => f.sources.has(id))) continue;
    const row = addNewEntity(draft, `${occasion.key} ${thing.key}`, id);
    if (!row) continue;
    moveValues(occasion, row, id);
    moveValues(thing, row, id);
    row.fieldsFromText = true;
    // (The link read from this sentence alone, the occasion to one thing, is the row's now.)
    draft.relations = draft.relations.filter((r) => !(((r.from === thing.name && r.to === occasion.name) || (r.from === occasion.name && r.to === thing.name)) && r.sources.size === 1 && r.sources.has(id)));
    addRelation(draft, { from: row.name, to: occasion.name, required: true, onDelete: 'cascade' }, id);
    addRelation(draft, { from: row.name, to: thing.name, required: true, onDelete: 'restrict' }, id);
    draft.used.add(id);
  }
}

/** A record of that key, only when none of that name exists yet (the text may name the row itself). */
function addNewEntity(draft: Draft, key: string, source: number): DraftEntity | undefined {
  const before = draft.entities.length;
  const added = addEntity(draft, key, source);
  return draft.entities.length > before ? added : undefined;
}
