// Links a verb makes between a record that is its subject and the records it acts on or in: "an
// aircraft performs several flights", "a screening shows a film in a venue". How many on each side
// decides the owner; "many" said from both sides makes the pair many-to-many.
import { addRelation, type DraftEntity } from './draft';
import type { Analysis, Clause, NounPhrase, PrepObject } from './grammar';
import { describesNounBefore } from './prepAttachment';
import { isPersonWord } from './nlpEvidence';
import { camelCase } from '../../model/project/naming';
import { entityIn, link, linksPair, type SentenceRead } from './sentenceLinks';

const MANY = /^(many|several|multiple|some|any|various|numerous)$/;

/** "An aircraft performs several flights", "several passengers take part in a flight": two records
 *  joined by a verb are associated; how many on each side decides the owner. */
export function linkByVerb(read: SentenceRead, clause: Clause, subject: DraftEntity): void {
  const { analysis } = read;
  // "Teachers give lessons to students": with a record as the object, who it is given to (to)
  // is not linked to the subject (teacher -> student). (Linking it to the object instead added
  // one wrong relation and no right one on the corpora: left out.) Where ("a screening shows a
  // film in a venue") still describes the subject.
  const objectRecord = clause.objects.map((o) => entityIn(read, o)).find((e) => e && e !== subject && e.name !== 'User');
  const recipients = objectRecord ? clause.preps.filter((p) => p.prep === 'to').map((p) => p.phrase) : [];
  const objectOwned = objectRecord ? clause.preps.filter((p) => (/^(for|of|about)$/.test(p.prep) || heldWith(analysis, clause, p)) && clause.objects.some((o) => o.head + 2 === p.phrase.start || (o.head + 1 < p.phrase.start && analysis.terms[o.head + 1]?.w === p.prep && analysis.terms.slice(o.head + 2, p.phrase.start).every((t) => t.pos === 'det' || t.pos === 'adj' || t.pos === 'num')))).map((p) => p.phrase) : [];
  for (const phrase of objectOwned) {
    const other = entityIn(read, phrase);
    if (objectRecord && other && other !== objectRecord && other !== subject && other.name !== 'User') link(read, objectRecord, other);
  }
  // ("teach two lessons at the same time and a room can't be used …": a noun followed by its own
  // verb starts a new clause; it is neither an object nor a place of this verb.)
  const startsClause = (p: NounPhrase) => (analysis.terms[p.head + 1]?.pos === 'verb' || /^(can|can't|cannot|must|may|might|will|should|would|could|is|are|was|were)$/.test(analysis.terms[p.head + 1]?.w ?? ''));
  // ("used for the transport of passengers": an "of" right after a noun belongs to that noun, not to the verb.)
  const ofANoun = (p: { prep: string; phrase: NounPhrase }) => p.prep === 'of' && analysis.phrases.some((q) => q.head === p.phrase.start - 2 && analysis.terms[p.phrase.start - 1]?.w === 'of');
  // ("a customer who writes reviews gets points": in a relative clause the main verb follows the object.)
  const relative = !!clause.subject && /^(?:who|that|which)$/.test(analysis.terms[clause.subject.head + 1]?.w ?? '') && clause.subject.head + 1 < clause.verbIndex;
  // ("… arranges the delivery to the client's home address": the place is the address; its owner is no place of the verb.)
  const possessor = (p: NounPhrase) => !!analysis.terms[p.head]?.possessive && analysis.phrases.some((q) => q !== p && q.start === p.head && q.possessed);
  // ("the director makes an official offer for the player": after a light verb, a phrase right after the object
  // describes that thing, the offer; the director is not linked to the player. So too when the thing is a record:
  // "a student makes a lesson request from the chosen coach" links the request, not the student, to the coach.)
  const ofAThing = (p: NounPhrase) => LIGHT_VERBS.test(clause.verb) && clause.objects.some((o) => analysis.terms[o.head + 1]?.pos === 'prep' && o.head + 2 <= p.start && analysis.terms.slice(o.head + 2, p.start).every((t) => t.pos === 'det' || t.pos === 'adj' || t.pos === 'num'));
  // ("a seat is offered for a show for the same movie": a second "for" right after the first one's noun describes that
  // noun, the show's movie. Places and times may each be the verb's: "in one room in one period for one subject".)
  const ofAnotherPlace = (p: PrepObject) => /^(?:for|with)$/.test(p.prep) && clause.preps.some((q) => q.prep === p.prep && q.phrase.head === p.phrase.start - 2) && describesNounBefore(analysis, clause, p, true);
  const pronounObject = objectPronounAfter(analysis, clause);
  // ("the broker could, depending on the case, assess …", "regardless of the ward": a phrase of what the act depends on
  // is no thing the act is done to or in. Not "according to": "picking up items according to the route" places them on it.)
  const dependsOn = (p: PrepObject) => /^(?:depending|regardless|irrespective)$/.test(analysis.terms[p.phrase.start - 2]?.w ?? '') && analysis.terms[p.phrase.start - 1]?.w === p.prep;
  // ("the designer places the tiles on the board", "a clerk stores the files in a cabinet": where a person puts a thing
  // is the thing's place, not the person's. A row that places others is where they meet: "a lesson puts one group in one room".)
  const objectPlaces = objectRecord && !clause.passive && PLACING.test(clause.verb) && isPersonWord(subject.key.split(' ').pop() ?? '') ? clause.preps.filter((p) => PLACE_PREPS.test(p.prep) && !startsClause(p.phrase)).map((p) => p.phrase) : [];
  for (const phrase of objectPlaces) {
    const place = entityIn(read, phrase);
    if (place && place !== objectRecord && place !== subject && place.name !== 'User') link(read, objectRecord, place);
  }
  const targets = [...clause.objects.filter((o) => relative || !startsClause(o)), ...clause.preps.filter((p) => !pronounObject && !objectPlaces.includes(p.phrase) && !dependsOn(p) && /^(in|on|for|to|with|at|from|of|into|by|through|via|during|between|against|within)$/.test(p.prep) && !recipients.includes(p.phrase) && !objectOwned.includes(p.phrase) && !startsClause(p.phrase) && !ofANoun(p) && !possessor(p.phrase) && !ofAThing(p.phrase) && !ofAnotherPlace(p)).map((p) => p.phrase)];
  for (const phrase of targets.slice(0, 5)) linkVerbTarget(read, clause, subject, phrase);
}

/** ("The coach links them to a team", "the designer connects them with connectors": an object pronoun is an object too:
 *  the subject only acts on what "them" stands for, and a place after it is where that goes, no place of the subject.) */
export function objectPronounAfter(analysis: Analysis, clause: Clause): boolean {
  const { terms } = analysis;
  let k = clause.verbIndex + 1;
  while (terms[k]?.pos === 'adv') k++;
  return /^(?:it|them)$/.test(terms[k]?.w ?? '');
}

/** Verbs of what one has kept or placed with another party: "open accounts with a bank", "place orders with a supplier". */
export const HELD_WITH = /^(?:open|hold|place|lodge|file|keep|book|schedule|reserve|arrange)$/;

/** "open accounts with a bank": one party after "with" (not a list of values: "places an order with an order date, a delivery date …"). */
export function heldWith(analysis: Analysis, clause: Clause, p: PrepObject): boolean {
  const { terms } = analysis;
  return p.prep === 'with' && HELD_WITH.test(clause.verb) && !p.phrase.plural && /^(?:a|an|the|one)$/.test(p.phrase.determiner ?? '') && !/[,;(]/.test(terms[p.phrase.head].post) && !/^(?:and|or)$/.test(terms[p.phrase.head + 1]?.w ?? '');
}

/** Verbs of putting a thing somewhere: what follows "in", "on", "into" … is where the object goes. */
const PLACING = /^(?:place|put|insert|attach|store|hang|lay|set|load|install|mount|position|drop|park|stack|pin)$/;
const PLACE_PREPS = /^(?:in|on|into|onto|inside|under|at|within)$/;

/** Verbs whose object carries the meaning ("make an offer", "give a talk"; not "take", as in "take place during", "take part in"). */
const LIGHT_VERBS = /^(?:make|give|do|get)$/;

/** Verbs of taking part in something that others take part in too (a class, a club, a tournament). */
const TAKES_PART = /^(?:take|attend|join|follow|visit|enrol|enroll|participate|play|subscribe|frequent)$/;

/** One object or place of a verb whose subject is a record: which of the two owns the other. */
function linkVerbTarget(read: SentenceRead, clause: Clause, subject: DraftEntity, phrase: NounPhrase): void {
  const { draft, analysis, id } = read;
  const other = entityIn(read, phrase);
  // "assigned to one housekeeper", "puts one teacher in a room": a link to one user in that role, named after it.
  if (other?.name === 'User' && phrase.headWord !== 'user' && !phrase.plural) {
    link(read, subject, other, camelCase(phrase.headWord));
    return;
  }
  if (!other || other === subject || other.name === 'User') return;
  const subjectMany = !!clause.subject && (clause.subject.plural || MANY.test(analysis.terms[clause.subject.start]?.w ?? ''));
  const otherMany = phrase.plural || MANY.test(analysis.terms[phrase.start]?.w ?? '');
  if (otherMany && !subjectMany && MANY.test(analysis.terms[phrase.start]?.w ?? '') && joinBothWaysMany(read, subject, other)) return;
  // "A student takes many classes": what one takes part in many times is shared by many, not owned.
  if (!subjectMany && /^(?:many|several|multiple|various|numerous)$/.test(analysis.terms[phrase.start]?.w ?? '') && TAKES_PART.test(clause.verb) && !draft.relations.some((r) => linksPair(r, subject, other))) {
    if (addRelation(draft, { kind: 'manyToMany', from: subject.name, to: other.name }, id)) draft.used.add(id);
    return;
  }
  // ("Several passengers take part in a flight" says a flight has many passengers: with "a passenger takes part in several flights" the pair is many-to-many.)
  if (subjectMany && !otherMany && MANY.test(analysis.terms[clause.subject!.start]?.w ?? '') && joinBothWaysMany(read, other, subject)) return;
  const existing = draft.relations.find((r) => linksPair(r, subject, other));
  if (existing) {
    existing.sources.add(id);
    draft.used.add(id);
    return;
  }
  // ("Members rate films", "speakers contact reviewers": many on both sides says too little to
  // make a join table; measured, these were mostly wrong.)
  // ("Accepted proposals are placed in slots": a passive verb with a place says where each one goes.)
  // ("… which members took part in which sessions": each pair is recorded, many to many.)
  if (subjectMany && otherMany && analysis.terms[clause.subject!.start - 1]?.w === 'which' && analysis.terms[phrase.start - 1]?.w === 'which') {
    if (addRelation(draft, { kind: 'manyToMany', from: subject.name, to: other.name }, id)) draft.used.add(id);
    return;
  }
  if (subjectMany && otherMany && !clause.subject?.determiner && !(clause.passive && clause.preps.some((p) => p.phrase === phrase))) return;
  // ("A customer receives an invoice", "each student gets a grade": what one receives is theirs, one of many over time.)
  const received = RECEIVING.test(clause.verb) && !clause.passive && clause.objects.includes(phrase);
  if ((otherMany && !subjectMany) || received) link(read, other, subject);
  else link(read, subject, other);
}

/** Verbs of receiving: the object comes to the subject and is kept as the subject's. */
const RECEIVING = /^(?:receive|get|obtain|earn|win|gain|accumulate|accrue|collect)$/;

/** "One subject has many others": noted; when the other side said the same, the pair becomes
 *  many-to-many in place of its belongs-to links. True when it did. */
function joinBothWaysMany(read: SentenceRead, subject: DraftEntity, other: DraftEntity): boolean {
  const { draft, id, manySides } = read;
  manySides.add(`${subject.name}>${other.name}`);
  if (!manySides.has(`${other.name}>${subject.name}`) || draft.relations.some((r) => linksPair(r, subject, other) && r.kind === 'manyToMany')) return false;
  for (let k = draft.relations.length - 1; k >= 0; k--) if (linksPair(draft.relations[k], subject, other) && draft.relations[k].kind === 'belongsTo') draft.relations.splice(k, 1);
  if (addRelation(draft, { kind: 'manyToMany', from: other.name, to: subject.name }, id)) draft.used.add(id);
  return true;
}

/** Verbs of handing something over to someone. */
const HANDS_OVER = /^(?:send|give|bring|submit|deliver|mail|forward|hand|pass)$/;

/**
 * "Dentists send us cases", "suppliers give me their invoices": what people hand over to the writer
 * comes from them, and each such record belongs to the one who sent it. (A plain "send", as in "send a
 * reminder to the customer", says nothing of a link: only with the writer as the receiver.)
 */
export function linkHandedToUs(read: SentenceRead, clause: Clause, subject: DraftEntity): void {
  const { terms } = read.analysis;
  if (!HANDS_OVER.test(clause.verb) || !/^(?:us|me)$/.test(terms[clause.verbIndex + 1]?.w ?? '')) return;
  for (const object of clause.objects) {
    const record = entityIn(read, object);
    if (record && record !== subject && record.name !== 'User') link(read, record, subject, subject.name === 'User' ? camelCase(clause.subject?.headWord ?? 'user') : undefined);
  }
}

/**
 * "Control commands are sent to the actuators", "each invoice is forwarded to a customer": a record handed over
 * in the passive goes to the record after "to", and belongs to it. (Active sending, "the clerk sends a reminder to
 * the customer", says who acts, and the verb is light there; a person or user after "to" is left to the roles.)
 */
export function linkSentTo(read: SentenceRead, clause: Clause, subject: DraftEntity): void {
  if (!clause.passive || !HANDS_OVER.test(clause.verb) || subject.name === 'User') return;
  const to = clause.preps.find((p) => p.prep === 'to');
  const recipient = entityIn(read, to?.phrase);
  if (recipient && recipient !== subject && recipient.name !== 'User') link(read, subject, recipient);
}
