// Relations read from clauses once the entities are known: "X belongs to / is for / is part of a
// Y", "each Y has many X", "X of a Y", "X for a Y" after a verb, transactions that link a person
// and a record ("members book classes" -> Booking belongs to the member and the class). The
// linking primitives are in sentenceLinks.ts; what a verb with a record as subject links, in verbLinks.ts.
import { camelCase, pluralizeName } from '../../model/project/naming';
import { addRelation, findEntity, type Draft, type DraftEntity } from './draft';
import { analyze, QUANTITY_HEADS, type Analysis, type Clause, type NounPhrase } from './grammar';
import type { SentenceInfo } from './sentences';
import { singular } from './lexicon';
import { knownNoun } from './knowledge';
import { isPersonWord, transactionNoun } from './nlpEvidence';
import { saysMadeOf } from './wholeParts';
import { linkRelatives, withRelativeObject, withRelativeSubject } from './relativeLinks';
import { actedByStoryI, asDecidedBy, inEventClause, inPurposeClause } from './clauseScope';
import { compoundCandidates, type CompoundCandidate } from './compoundLinks';
import { linkRolesOf } from './roleOfLinks';
import { linkStoryPossessions } from './storyPossessions';
import { linkFrontedScope } from './frontedScope';
import { entityOf } from './phraseEntity';
import { linesOfRecords } from './lineRecords';
import { coordinatedSubjects } from './coordinatedSubjects';
import { linkIncludedKinds } from './includedKinds';
import { linkSelves } from './selfLinks';
import { entityIn, link, linkNamed, type SentenceRead } from './sentenceLinks';
import { PARTY_LINKS } from './owners';
import { heldWith, linkByVerb, linkHandedToUs, linkSentTo, objectPronounAfter } from './verbLinks';
import { describesNounBefore } from './prepAttachment';
import { linkSubscriber } from './subscribedLinks';
import { clauseTargets, pronounTarget } from './actTargets';
import { passiveAgent, recordKeysOfVerb } from './actRecords';
import { linkReducedRelatives } from './reducedRelatives';
import { linkCameFor } from './cameFor';
import { linkRecordedAct } from './recordedActs';
import { pronounMayStandFor } from './pronounAgreement';

function singularKey(key: string): string {
  const words = key.split(' ');
  return [...words.slice(0, -1), singular(words[words.length - 1])].join(' ');
}

const PART_OF = /^(belong|relate|link|attach|assign|connect)$/;
/** Verbs that say nothing about how two records are linked (reading acts too: "students browse offers in a subject"). */
const LIGHT_LINK_VERBS = new Set(['be', 'do', 'go', 'come', 'say', 'tell', 'ask', 'think', 'seem', 'become', 'mean', 'ensure', 'avoid', 'want', 'need', 'like', 'allow', 'let', 'help', 'know', 'notify', 'remind', 'send', 'email', 'search', 'filter', 'sort', 'print', 'export', 'import', 'compare', 'calculate', 'count', 'sum', 'browse', 'view', 'find', 'look', 'display', 'list']);

/** Verbs that undo a record: "a trip may be cancelled by the guide" says who may end it, not whose it is. */
const UNDOING_VERBS = new Set(['cancel', 'delete', 'remove', 'withdraw', 'undo', 'revoke', 'annul']);

/** Verbs that say a record keeps a fact: what follows "which" is what it is about. */
export const RECORDING_VERBS = /^(records?|recorded|stores?|stored|notes?|noted|says?|shows?|logs?|logged|tracks?|tracked|captures?|captured)$/;

/** "As a parent, I want to register my children": in a user story "I" is the role named first. */
function storyRole(draft: Draft, plain: string, analysis: Analysis, roleWords: Set<string>): Pick<SentenceRead, 'asRole' | 'storyActor'> {
  const asRole = /^(?:\d+[.)]\s*)?as (?:a|an|the)\b/.test(plain) && analysis.terms[0]?.w === 'as' ? analysis.phrases[0] : undefined;
  const storyActor = asRole && analysis.terms[asRole.head + 1]?.w === 'i' ? entityOf(draft, asRole, roleWords) : undefined;
  return { asRole, storyActor };
}

/** `kindKeys`: the kinds the text names ("passenger aircraft are special aircraft"): such a compound is a kind of its head, no link to its modifier. */
export function findNlpRelations(draft: Draft, sentences: SentenceInfo[], roleWords: Set<string>, kindKeys: ReadonlySet<string> = new Set()): void {
  linesOfRecords(draft);
  // The first record named by the last sentence that named one: what "it" refers to when the
  // sentence itself names no record before the pronoun.
  let topic: DraftEntity | undefined;
  let topicSentence = -1;
  const manySides = new Set<string>();
  const compounds: CompoundCandidate[] = [];
  for (const sentence of sentences) {
    if (sentence.heading || sentence.plain.split(' ').length > 80) continue;
    const analysis = analyze(sentence.text);
    const previousTopic = topic;
    const topicJustBefore = topicSentence === sentence.id - 1;
    const named = analysis.phrases.map((p) => entityOf(draft, p, roleWords)).find((e) => e && e.name !== 'User');
    if (named) {
      topic = named;
      // ("Create a reservation system which books hotel rooms. It charges …": "it" is the sentence's first noun, here no record.)
      // ("… based on the following information: Each gas station has an ID. It also has pumps": after a colon a statement starts anew.)
      topicSentence = entityOf(draft, analysis.phrases[0], roleWords) === named || entityOf(draft, firstAfterColon(analysis), roleWords) === named ? sentence.id : -1;
    }
    const read: SentenceRead = { draft, roleWords, analysis, id: sentence.id, previousTopic, topicJustBefore, manySides, ...storyRole(draft, sentence.plain, analysis, roleWords) };
    linkPronounPossessions(read);
    linkPossessiveNouns(read);
    linkBelongingParticiple(read, sentence.plain);
    linkRelatives({ analysis, entityIn: (p) => entityIn(read, p), link: (child, parent) => link(read, child, parent) });
    linkReducedRelatives({ analysis, entityIn: (p) => entityIn(read, p), link: (child, parent) => link(read, child, parent) });
    linkFrontedScope({ analysis, entityIn: (p) => entityIn(read, p), link: (child, parent) => link(read, child, parent) });
    linkIncludedKinds({ analysis, entityIn: (p) => entityIn(read, p), link: (child, parent) => link(read, child, parent) });
    for (const clause of analysis.clauses) linkClause(read, clause);
    linkStoryPossessions({ analysis, storyActor: read.storyActor, entityIn: (p) => entityIn(read, p), link: (child, parent) => link(read, child, parent) });
    linkRolesOf({ analysis, entityIn: (p) => entityIn(read, p), previousTopic, linkNamed: (child, parent, name) => linkNamed(read, child, parent, name), link: (child, parent) => link(read, child, parent) });
    linkSelves({ analysis, entityIn: (p) => entityIn(read, p), linkSelf: (e) => addRelation(draft, { kind: 'manyToMany', from: e.name, to: e.name, name: camelCase(`related ${pluralizeName(e.name)}`) }, sentence.id) && draft.used.add(sentence.id) }, sentence.plain);
    compounds.push(...compoundCandidates(analysis, draft.entities, (p) => (p === read.asRole || kindKeys.has(p.key) ? undefined : entityIn(read, p)), sentence.id));
  }
  // (Only between records that stand on their own: a compound must not keep a passing mention as a table.)
  const established = (e: DraftEntity) => draft.entities.includes(e) && (e.fieldsFromText || !!knownNoun(e.key) || draft.relations.some((r) => r.from === e.name || r.to === e.name));
  for (const { child, parent, source } of compounds) if (established(parent)) link({ draft, id: source } as SentenceRead, child, parent);
}

/** The first noun phrase after the sentence's last colon, if a phrase follows one. */
function firstAfterColon(analysis: Analysis): NounPhrase | undefined {
  const colon = analysis.terms.findLastIndex((t) => /:/.test(t.post));
  return colon >= 0 ? analysis.phrases.find((p) => p.start > colon) : undefined;
}

/** "owners with an address, their pets (…)": the possessed records belong to the owner named before. */
function linkPronounPossessions(read: SentenceRead): void {
  const { analysis } = read;
  for (const phrase of analysis.phrases) {
    if (!phrase.possessed || !phrase.plural || !/^(their|its)$/.test(phrase.determiner ?? '')) continue;
    const nearest = [...analysis.phrases].reverse().find((p) => p.head < phrase.start && p.plural === (phrase.determiner === 'their') && entityIn(read, p));
    const owner = nearest && actingSubject(analysis, nearest, phrase);
    const child = entityIn(read, phrase);
    const parent = owner && entityIn(read, owner);
    if (child && parent && parent.name !== 'User') link(read, child, parent);
  }
}

/** ("Tenants report leaks in their flats": with a verb between them, "their" is the clause's subject's, not
 *  the object's; the nearest noun is the owner only in a list with no verb, "owners with an address, their pets".) */
function actingSubject(analysis: Analysis, nearest: NounPhrase, possessed: NounPhrase): NounPhrase | undefined {
  const ofClause = (c: Clause, p: NounPhrase) => c.objects.includes(p) || c.preps.some((q) => q.phrase === p);
  // ("Couriers pick up parcels by scanning their badges": an -ing verb after a preposition is done by the main clause's subject.)
  const gerund = analysis.clauses.find((c) => ofClause(c, possessed) && analysis.terms[c.verbIndex - 1]?.pos === 'prep' && /ing$/.test(analysis.terms[c.verbIndex].w));
  const clause = analysis.clauses.find((c) => ofClause(c, nearest) && (ofClause(c, possessed) || (!!gerund && c.verbIndex < gerund.verbIndex)));
  const subject = clause?.subject;
  return subject && subject.head < clause.verbIndex && subject.plural === nearest.plural ? subject : nearest;
}

/** "each object's categories", "the object's donor": a record named with a possessive noun is
 *  linked to the possessor; many possessed records belong to it, one is what it refers to. */
function linkPossessiveNouns(read: SentenceRead): void {
  const { analysis } = read;
  for (const phrase of analysis.phrases) {
    if (!phrase.possessed || !analysis.terms[phrase.start]?.possessive) continue;
    const owner = analysis.phrases.find((p) => p.head === phrase.start);
    const child = entityIn(read, phrase);
    const parent = owner && entityIn(read, owner);
    if (!child || !parent || child === parent || parent.name === 'User' || child.name === 'User') continue;
    if (phrase.plural) link(read, child, parent);
    else link(read, parent, child);
  }
}

/** "Vehicles with a plate and a make, belonging to a resident": the participle describes the sentence's first record. */
function linkBelongingParticiple(read: SentenceRead, plain: string): void {
  const belonging = /\bbelonging to (?:a |an |the |one |their |its )?([a-z][a-z -]*?)(?:[,.;]|$)/.exec(plain);
  if (!belonging || !read.analysis.phrases[0]) return;
  const owner = entityIn(read, read.analysis.phrases[0]);
  const target = read.draft.entities.find((e) => e.key === belonging[1].trim() || e.key === singularKey(belonging[1].trim()));
  if (owner && target) link(read, owner, target);
}

/** Rows that each record one meeting of people or things ("an appointment", "a session"). */
const MEETINGS = /^(?:appointment|meeting|consultation|visit|session|lesson|walk|ride|trip|tour|interview|examination|exam|checkup|treatment|shift)$/;

/**
 * "Vets see pets in appointments", "trainers coach members during sessions": each such meeting is
 * one row that belongs to both who acts and what they act on.
 */
function linkMeetingParties(read: SentenceRead, clause: Clause, subject: DraftEntity | undefined): void {
  // ("which members took part in which sessions" records each pair: many-to-many, linkByVerb.)
  const meeting = clause.preps.filter((p) => /^(in|at|during|through)$/.test(p.prep) && read.analysis.terms[p.phrase.start - 1]?.w !== 'which').map((p) => entityIn(read, p.phrase)).find((e) => e && MEETINGS.test(e.key.split(' ').pop() ?? ''));
  if (!meeting) return;
  for (const object of clause.objects) {
    const record = entityIn(read, object);
    if (record && record !== meeting && record.name !== 'User') link(read, meeting, record);
  }
  if (subject && subject !== meeting && subject.name !== 'User') link(read, meeting, subject);
}

/** Every phrasing family a clause can link records with, in the order they claim the pair. */
function linkClause(read: SentenceRead, parsed: Clause, coordinated = false): void {
  const { analysis } = read;
  const clause = withRelativeObject(analysis, withRelativeSubject(analysis, withFrontedSubject(analysis, parsed)));
  // ("Readings and commands are recorded in a log": each subject of the list gets the clause's links.)
  if (!coordinated) for (const other of coordinatedSubjects(analysis, clause)) linkClause(read, { ...clause, subject: other }, true);
  const subject = entityIn(read, clause.subject) ?? pronounSubject(read, clause);
  const recordSubject = subject && subject.name !== 'User' ? subject : undefined;
  if (subject && (PART_OF.test(clause.verb) || clause.verb === 'be')) linkPartOf(read, clause, subject);
  if (recordSubject) linkRoleObjects(read, clause, recordSubject);
  if (recordSubject && saysMadeOf(clause, analysis)) linkParts(read, clause, recordSubject);
  const transaction = linkTransaction(read, clause, subject);
  // ("walk the aisles with their scanners, take units out of boxes": a noun right after a
  // preposition is that preposition's object, not the subject of the verbs that follow.)
  // ("A set of control commands can be sent …": a noun counted by the phrase before "of" is the subject itself.)
  const afterPrep = !!clause.subject && /^(with|of|in|on|for|to|from|by|at)$/.test(analysis.terms[clause.subject.start - 1]?.w ?? '') && !countedSubject(analysis, clause.subject);
  // ("…, so that customers won't show up in an empty room": a purpose says why something is wanted, not
  // how records are linked. Transactions there still are acts: "so that visitors can buy tickets".)
  const purpose = inPurposeClause(analysis.terms, clause.verbIndex);
  // ("when the player finishes the last level", "if a customer doesn't pay the invoice": an active clause after if/when is an
  // event, not a link; a passive one still names who acts on the record: "if a booking is not confirmed by the hotel".)
  const event = (inEventClause(analysis.terms, clause) && !clause.passive) || asDecidedBy(analysis.terms, clause);
  if (!transaction && !afterPrep && !purpose && !event && !clause.passive) linkMeetingParties(read, clause, recordSubject);
  const cameFor = !transaction && !afterPrep && !purpose && !event && (linkCameFor(read, clause, recordSubject) || linkRecordedAct(read, clause, recordSubject));
  if (recordSubject && !cameFor && !LIGHT_LINK_VERBS.has(clause.verb) && !UNDOING_VERBS.has(clause.verb) && !transaction && !afterPrep && !purpose && !event) linkByVerb(read, clause, recordSubject);
  if (subject && !transaction && !afterPrep && !purpose && !event) linkHandedToUs(read, clause, subject);
  if (recordSubject && !transaction && !afterPrep && !purpose && !event) linkSentTo(read, clause, recordSubject);
  // (When a record is the subject, the verb itself links it: "a screening shows a film in a venue".)
  if (!recordSubject) linkObjectsToPlaces(read, clause);
}

const LIMIT_HEADS = /^(?:maximum|minimum|total)$/;

/** "a set of control commands", "any number of guests": the noun after a quantity's "of" (not "the number of …", a count,
 *  nor "the name, address and number of runways", a list under one "the"). */
function countedSubject(analysis: Analysis, subject: NounPhrase): boolean {
  const quantity = analysis.phrases.find((p) => p.head === subject.start - 2);
  // ("A maximum of 20 visitors can take part in a tour" states a limit, which the capacity rules read.)
  return analysis.terms[subject.start - 1]?.w === 'of' && !!quantity && QUANTITY_HEADS.has(quantity.headWord) && !LIMIT_HEADS.test(quantity.headWord) && /^(?:a|an|any|some)$/.test(quantity.determiner ?? '');
}

/**
 * "It also controls the battery", "when a bed is free, it is proposed to the person": a clause whose
 * subject is "it" or "they" is about the record named last before it in the sentence, else ("it" only)
 * the record the sentence before was about. ("It is noted which …", "it is decided whether …" say nothing of a
 * record: an "it" followed by a question word or "that" is left alone.)
 */
function pronounSubject(read: SentenceRead, clause: Clause): DraftEntity | undefined {
  const { terms, phrases } = read.analysis;
  if (clause.subject) return undefined;
  let k = clause.verbIndex - 1;
  while (k >= 0 && (terms[k].pos === 'modal' || terms[k].pos === 'adv' || /^(?:also|then|only|not|always|still)$/.test(terms[k].w))) k--;
  if (k < 0 || !/^(?:it|they)$/.test(terms[k].w)) return undefined;
  if (terms.slice(clause.verbIndex + 1, clause.verbIndex + 3).some((t) => /^(?:that|whether|which|what|who|how|if|when|where|possible|necessary|important)$/.test(t.w))) return undefined;
  // ("When a bed of the right category is free, it is offered …": a noun after "of" describes the noun before it; "it" is the bed.)
  // ("Tests can be combined on one requisition if they belong to a group": the pronoun agrees in number with what it stands for.)
  const pronoun = terms[k].w === 'it' ? 'it' : 'they';
  const before = [...phrases].reverse().filter((p) => p.head < k && terms[p.start - 1]?.w !== 'of' && pronounMayStandFor(pronoun, p.plural, p.headWord)).map((p) => entityIn(read, p)).find((e) => e && e.name !== 'User');
  // ("They create clients": across sentences "they" is mostly the people at work, not the records named last.)
  return before ?? (terms[k].w === 'it' && read.topicJustBefore ? read.previousTopic : undefined);
}

/** "Orders from customers are placed by agents": a noun after a preposition at the start of the
 *  sentence describes the noun before it, which is the subject. */
function withFrontedSubject(analysis: Analysis, read: Clause): Clause {
  const first = read.subject && firstOfList(analysis, read.subject);
  const before = first && !countedSubject(analysis, first) && /^(with|of|in|on|for|to|from|by|at)$/.test(analysis.terms[first.start - 1]?.w ?? '') ? analysis.phrases.find((p) => p.head === first.start - 2) : undefined;
  return before && !analysis.terms.slice(openingPhraseEnd(analysis, before.start), before.start).some((t) => t.pos === 'verb' || t.pos === 'modal' || /[,;:]/.test(t.post)) ? { ...read, subject: before } : read;
}

/** ("At the start of each day, a route for that day is planned for each van": an opening phrase of time or place,
 *  a preposition's phrase with no verb set off by a comma, comes before the subject; where the clause starts after it.) */
function openingPhraseEnd(analysis: Analysis, before: number): number {
  const { terms } = analysis;
  if (terms[0]?.pos !== 'prep') return 0;
  const comma = terms.findIndex((t, i) => i < before && /,\s*$/.test(t.post));
  return comma >= 0 && !terms.slice(0, comma + 1).some((t) => t.pos === 'verb' || t.pos === 'modal' || /[;:]/.test(t.post)) ? comma + 1 : 0;
}

/** ("Trips with a title, a date and a budget are linked to a traveller": the grammar's subject is the
 *  list's last item; the list, back to its first item, describes the noun before it.) */
function firstOfList(analysis: Analysis, phrase: NounPhrase): NounPhrase {
  const { terms, phrases } = analysis;
  let first = phrase;
  for (let n = 0; n < 8; n++) {
    const k = first.start - 1;
    // (Commas join items only in a list that ends with "and"/"or": "For each task on the list, an organizer …" is no list.)
    const joined = /^(?:and|or)$/.test(terms[k]?.w ?? '') ? k - 1 : n > 0 && /,\s*$/.test(terms[k]?.post ?? '') ? k : -1;
    const item = joined >= 0 ? phrases.find((p) => p.head === joined) : undefined;
    if (!item) break;
    first = item;
  }
  return first;
}

/** "A service record belongs to a vehicle", "each ticket is for a seat category", "is part of",
 *  ("an appointment is between a patient and a doctor"). ("The clerk assigns a category to the
 *  article": an active verb with an object says where the object goes; the subject only acts.
 *  "Assigned to a shift for a particular bus": a phrase describing the noun before it is not the whole.) */
function linkPartOf(read: SentenceRead, clause: Clause, subject: DraftEntity): void {
  if (clause.verb !== 'be' && !clause.passive && (clause.objects.length || objectPronounAfter(read.analysis, clause))) return;
  for (const object of clause.preps) {
    if (!/^(to|for|of|with|in|on|between)$/.test(object.prep) || describesNounBefore(read.analysis, clause, object)) continue;
    link(read, subject, entityIn(read, object.phrase));
  }
}

/** "Each account has an owner who is a customer of the bank", "each faculty is headed by a dean, who is an employee":
 *  the object (or the passive's agent) is that record, named after its role. */
function linkRoleObjects(read: SentenceRead, clause: Clause, subject: DraftEntity): void {
  const { analysis } = read;
  const agents = clause.passive ? clause.preps.filter((p) => p.prep === 'by').map((p) => p.phrase) : [];
  for (const object of [...clause.objects, ...agents]) {
    const own = entityIn(read, object);
    if (own && own.name !== 'User') continue;
    const relative = analysis.terms[object.head + 1]?.w ?? '';
    const verb = analysis.terms[object.head + 2]?.w ?? '';
    if (!/^(who|that|which)$/.test(relative) || !/^(is|are)$/.test(verb)) continue;
    const phrase = analysis.phrases.find((p) => p.start === object.head + 3 && /^(a|an|the|one)$/.test(p.determiner ?? ''));
    const record = entityIn(read, phrase);
    if (record && record !== subject && record.name !== 'User') link(read, subject, record, record.key === object.key ? undefined : camelCase(object.key));
  }
}

/** "The bike is composed of a frame and a controller", "a farm is divided into fields": parts belong to the whole.
 *  ("A game consists of players and a deck of cards": the cards are the deck's, not parts of the game.) */
function linkParts(read: SentenceRead, clause: Clause, subject: DraftEntity): void {
  for (const object of clause.preps) {
    if (/^(of|into|from)$/.test(object.prep) && !describesNounBefore(read.analysis, clause, object)) link(read, entityIn(read, object.phrase), subject);
  }
}

/** Transactions: the act belongs to the person and to what it is about. True when the verb names
 *  a transaction (even one with no record of that name), so the plain verb link stays out of it. */
function linkTransaction(read: SentenceRead, clause: Clause, subject: DraftEntity | undefined): boolean {
  const { draft, analysis, storyActor, asRole } = read;
  const noun = transactionNoun(clause, analysis);
  // "a reviewer reviews a proposal", "customers order products": a verb that is itself a record's name is a transaction too.
  // (Not right after a colon or a comma: in "analyses: sample, batch, unit" and "teams (…), players (…), matches (…)"
  // the tagger may read a listed noun as a verb.)
  const actKeys = recordKeysOfVerb(clause.verb);
  // ("Vets examine pets", "a car is repaired": a record named after the verb, examination or repair, is that act, passive or not.)
  const selfNamed = !noun && !/[:,]/.test(analysis.terms[clause.verbIndex - 1]?.post ?? '') ? draft.entities.find((e) => (actKeys.has(e.key) || namedAfterPhrasal(e.key, clause, analysis)) && e.name !== 'User') : undefined;
  // ("… stays with the customer after delivering the pizza": an act named as the moment of another links nothing.)
  const moment = /^(after|before|while|upon)$/.test(analysis.terms[clause.verbIndex - 1]?.w ?? '') && /ing$/.test(analysis.terms[clause.verbIndex]?.w ?? '');
  const act = moment ? undefined : noun ? findEntity(draft, noun) : selfNamed;
  if (act) {
    // (What the act is about is neither the act nor User; a pronoun's referent is not the doer either.)
    const actOrUser = (e: DraftEntity) => e === act || e.name === 'User';
    const target = clauseTargets(clause).map((p) => entityIn(read, p)).find((e) => e && !actOrUser(e))
      ?? pronounTarget(analysis, clause, (p) => entityIn(read, p), (e) => actOrUser(e) || e === subject, read.topicJustBefore ? read.previousTopic : undefined);
    link(read, act, target);
    // ("The library lends books to members": with the object as what the act is about, the one it goes to is a party too.)
    const recipient = target && clause.objects.some((o) => entityIn(read, o) === target) ? entityIn(read, clause.preps.find((p) => p.prep === 'to')?.phrase) : undefined;
    if (recipient && recipient !== target && !actOrUser(recipient)) link(read, act, recipient);
    // ("Guests phone the restaurant to book a table": the guests book, not the restaurant.)
    const purpose = purposeOf(analysis, clause);
    const doer = purpose ? entityIn(read, purpose.subject) : subject;
    if (purpose && doer && doer !== act && doer.name !== 'User') link(read, act, doer);
    else if (!purpose && subject && subject !== act) link(read, act, subject, subject.name === 'User' ? camelCase(clause.subject?.headWord ?? 'user') : undefined);
    // ("As a member, I want to reserve a book": the member makes the reservation.)
    else if (!clause.subject && storyActor && storyActor !== act && actedByStoryI(analysis.terms, clause, analysis.clauses)) link(read, act, storyActor, storyActor.name === 'User' ? camelCase(asRole!.headWord) : undefined);
    // ("Each parcel is delivered by a courier": the passive's agent did the act.)
    const agentPhrase = passiveAgent(clause);
    const agent = entityIn(read, agentPhrase);
    if (agent && agent !== act) link(read, act, agent, agent.name === 'User' ? camelCase(agentPhrase!.headWord) : undefined);
  } else if (noun) {
    const joiner = subject ?? (!clause.subject && storyActor && actedByStoryI(analysis.terms, clause, analysis.clauses) ? storyActor : undefined);
    linkSubscriber({ draft, id: read.id, analysis, joiner, entityIn: (p) => entityIn(read, p) }, clause);
  }
  // ("Treatments can be applied to any diagnosis": a passive act the model keeps no record of is a plain link.)
  // ("A new seat is offered for a show in another theatre": a passive act named by a record still leaves the verb's own links, seat in theatre.)
  return (!!noun || (!!selfNamed && !clause.passive)) && !(clause.passive && !act);
}

/** Verbs whose object does what the infinitive after it says ("allow members to book", "ask the staff to order"). */
const CONTROL_VERBS = /^(?:allow|let|enable|permit|ask|want|need|help|invite|require|tell|remind|encourage|get|force|expect|authorize|authorise)$/;

/** "call the gym to book a lesson": the noun before a purpose's "to" is the object of the verb before it, not who books. */
function purposeOf(analysis: Analysis, clause: Clause): Clause | undefined {
  if (!clause.subject || analysis.terms[clause.verbIndex - 1]?.w !== 'to' || clause.subject.head !== clause.verbIndex - 2) return undefined;
  const before = analysis.clauses.find((c) => c !== clause && c.objects.includes(clause.subject!));
  return before && !CONTROL_VERBS.test(before.verb) ? before : undefined;
}

/** The particles of phrasal verbs that records are named after ("check in" -> a check-in). */
const PARTICLES = /^(?:in|out|up|off)$/;

/** "staff check dogs in", "check in a guest": a record named after the verb with its particle (a check-in), the particle right after the verb or after a one-word object. */
function namedAfterPhrasal(key: string, clause: Clause, analysis: Analysis): boolean {
  const terms = analysis.terms;
  const named = (verb: string, particle: string) => [' ', '-', ''].some((joint) => key === `${verb}${joint}${particle}`);
  // ("check in dogs": the tagger may take the particle for the verb.)
  if (PARTICLES.test(clause.verb) && terms[clause.verbIndex - 1]?.pos === 'verb') return named(terms[clause.verbIndex - 1].root, clause.verb);
  for (let i = clause.verbIndex + 1; i <= clause.verbIndex + 2 && i < terms.length; i++) {
    if (PARTICLES.test(terms[i].w)) return named(clause.verb, terms[i].w);
    if (terms[i].pos !== 'noun') break;
  }
  return false;
}

/** "log work entries on a service record", "open a service record for a vehicle": the object
 *  belongs to the single record named after it. */
function linkObjectsToPlaces(read: SentenceRead, clause: Clause): void {
  const { analysis } = read;
  for (const object of clause.objects) {
    const child = entityIn(read, object);
    if (!child || child.name === 'User') continue;
    if (/^(for|on|of|to)$/.test(analysis.terms[object.head + 1]?.w ?? '') && analysis.terms[object.head + 2]?.w === 'it') {
      linkToPronounReferent(read, object, child);
      continue;
    }
    let recipient = false;
    for (const place of clause.preps) {
      const { prep, phrase } = place;
      if (phrase.start < object.head) continue;
      // ("collect articles from residents of the city": only the first phrase after the object is its place; "of the city" is the residents'.)
      if (!/^(for|on|of|to|in|about)$/.test(prep) && !heldWith(analysis, clause, place)) break;
      const parent = entityIn(read, phrase);
      // ("send invoices to the customers for their orders": past the people it goes to, a "for" still says what the object is for,
      // the one each, plural on both sides.)
      const forAfterRecipient = recipient && prep === 'for' && (!phrase.plural || object.plural);
      const one = /^(a|an|the|each|every|its|their|one)$/.test(phrase.determiner ?? '') && (!phrase.plural || forAfterRecipient);
      if (parent && parent.name !== 'User' && one) link(read, child, parent);
      // ("Patients book appointments with a doctor", where doctors sign in: the party is a user in that role,
      // linked by its name.)
      else if (parent?.name === 'User' && one && phrase.headWord !== 'user' && heldWith(analysis, clause, place)) linkToRole(read, child, camelCase(phrase.headWord));
      if (prep === 'to' && !recipient && isRecipient(read, phrase)) {
        recipient = true;
        continue;
      }
      break;
    }
  }
}

/** A link to the user in one role, beside the owner's ("an appointment's patient and its doctor"). */
function linkToRole(read: SentenceRead, child: DraftEntity, name: string): void {
  const { draft, id } = read;
  if (draft.relations.some((r) => r.from === child.name && r.to === 'User' && r.name === name)) return;
  const relation = addRelation(draft, { from: child.name, to: 'User', name, inverseName: camelCase(`${name} ${pluralizeName(child.name)}`), required: true, onDelete: 'restrict' }, id);
  if (!relation) return;
  PARTY_LINKS.add(relation);
  draft.used.add(id);
}

/** People (or users) a thing is sent or given to: "to the customers", "to your clients". */
function isRecipient(read: SentenceRead, phrase: NounPhrase): boolean {
  const record = entityIn(read, phrase);
  return record?.name === 'User' || isPersonWord(phrase.headWord);
}

/** "we open a service record for it": the record named before the pronoun, in this sentence or the last. */
function linkToPronounReferent(read: SentenceRead, object: NounPhrase, child: DraftEntity): void {
  const before = [...read.analysis.phrases].reverse().map((p) => (p.head < object.start ? entityIn(read, p) : undefined)).find((e) => e && e !== child && e.name !== 'User');
  const referent = before ?? read.previousTopic;
  if (referent && referent !== child && referent.name !== 'User') link(read, child, referent);
}
