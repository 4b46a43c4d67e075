// Lists said to be stored for a record: "For each customer we keep their name, phone number and
// email", "For a vehicle we need the plate number, make and model", "The name, type and year are
// stored for aircraft", "We record the name and address of each owner", user stories' "my" details.
import { singular, USER_WORDS } from './lexicon';
import { trailingPhrase } from './phrases';
import { analyze } from './grammar';
import type { SentenceInfo } from './sentences';
import { singularItem, type FieldItem } from './fieldItem';
import { FOR_EXAMPLE, parseItems } from './fieldItems';
import type { FieldList } from './fields';
import { laterPronounValues } from './pronounValues';
import { pattern } from './regexps';
import { keptInRecord, shownOnNotice } from './keptValues';
import { guarded } from './guardedRegExp';

/** "are stored", "must be recorded", "needs to be kept": a value said to be kept. */
const MUST_BE = '(?:is|are|must be|should be|will be|has to be|have to be|need to be|needs to be)';
const KEPT = '(?:stored|recorded|kept|saved|tracked|captured|noted|logged|registered|known|specified)';
/** After "are stored": not "as box lines" (records) nor "for aircraft" (the record named after the verb, read by storedForEach). */
const NOT_FOR = '\\b(?!\\s+(?:as|for|about|on|of)\\b)';
/** Verbs and modals that make a fragment a clause, not a list of values. */
const CLAUSE_WORDS = /\b(?:can|could|may|might|must|will|would|should|is|are|was|were|be|has|have)\b/;

const KEEPING = 'keep|keeps|kept|store|stores|stored|record|records|recorded|track|tracks|tracked|save|saves|saved|need|needs|needed|want|capture|captured|collect|collected|note|noted|log|logged|register|registered|know';
/** A verb of keeping ("for each customer are stored …", "… we note"). */
const STORE_VERB = `(?:${KEEPING}|known)`;
/** A verb of keeping, or a bare "is"/"are". */
const STORE = `(?:${KEEPING}|is|are)`;

/** A record and the items said to be stored for it. */
interface Found {
  subject: string;
  items: FieldItem[];
  manyOwners?: boolean;
}

/** The record a phrase names and the items of a list's text, when both are there (`least` items at least). */
function listFor(subjectPhrase: string, listText: string, least = 1): Found | undefined {
  const phrase = trailingPhrase(subjectPhrase);
  const items = parseItems(listText);
  return phrase && items.length >= least ? { subject: phrase.key, items, ...(phrase.plural ? { manyOwners: true } : {}) } : undefined;
}

/** The readers, in order: the first that finds a list wins (a later one would misread what an earlier one reads). */
const READERS: Array<(plain: string) => Found | undefined> = [keptInTheFormOf, valuesForExample, forEachIsStored, forEachWeStore, identifiedBy, followingForEach, valuesOfEachKnown, valuesOfOneKnown, listOfOneKnown, ofWhichKnown, possessorsValuesKnown, possessorsInformation, storedForEach, ownersValuesStored, storyDetails, signUpDetails, providedDetails, storeForEach, weStoreOfEach, keptInRecord, shownOnNotice];

export function storedForList(sentence: SentenceInfo): FieldList | undefined {
  const found = readStored(sentence.plain.replace(/[`]/g, ''));
  return found ? { sentence: sentence.id, ...found } : undefined;
}

function readStored(plain: string): Found | undefined {
  for (const read of READERS) {
    const found = read(plain);
    if (found) return found;
  }
  return undefined;
}

/** Where a later clause of a sentence starts: ", and the …", ", whereby the …", "; its …". */
const LATER_CLAUSE = /(?:,\s*(?:and|whereby|where|while|whereas|but)|;\s*(?:and\s+)?)\s+(?=(?:(?:both )?the|its|their|his|her)\s)/g;
/** The same, for a test or a split (a global expression keeps state between tests). */
const LATER_CLAUSE_AT = new RegExp(LATER_CLAUSE.source);

/**
 * Lists kept in a later clause of the sentence, which the readers (anchored at the sentence's
 * start) do not reach: "Each article is identified by a DOI, and the system also stores the title
 * of the article", "Tours are offered for an attraction, and the duration of a tour is known",
 * "RAs work on projects, whereby the name and start date of the projects are known".
 */
export function laterClauseLists(sentence: SentenceInfo): FieldList[] {
  const plain = sentence.plain.replace(/[`]/g, '');
  const lists: FieldList[] = [];
  for (const match of plain.matchAll(LATER_CLAUSE)) {
    const clause = plain.slice(match.index + match[0].length);
    const found = readStored(clause) ?? frontedRecordValues(plain, clause);
    const list = found ? { sentence: sentence.id, ...found } : laterPronounValues(sentence, plain.slice(0, match.index), clause);
    if (list) lists.push(list);
  }
  return lists;
}

/**
 * "For each order, there is always a client, and both the pick-up and delivery addresses are
 * known": a later clause's values with no record of their own are the fronted record's. ("both the
 * X and Y Zs": two values sharing the head.)
 */
function frontedRecordValues(plain: string, clause: string): Found | undefined {
  const fronted = /^for (?:each|every) ([a-z][a-z -]{1,30}?),/.exec(plain);
  const kept = fronted ? pattern`^(both )?the ([a-z][a-z -]{1,40}?) ${MUST_BE} (?:also )?${KEPT}\.?$`.exec(clause) : null;
  if (!fronted || !kept || CLAUSE_WORDS.test(kept[2]) || / of /.test(kept[2])) return undefined;
  const pair = kept[1] ? /^([a-z-]+) and ([a-z-]+) ([a-z][a-z -]*)$/.exec(kept[2]) : null;
  const found = listFor(fronted[1], pair ? `${pair[1]} ${pair[3]}, ${pair[2]} ${pair[3]}` : kept[2]);
  // (Each order has one pick-up address: the plural is of the pair.)
  return found && pair ? { ...found, items: found.items.map((item) => (item.plural ? singularItem(item) : item)) } : found;
}

/**
 * "For each trainer, the diploma is also recorded", "For each locker the size is recorded" (read
 * before the lead pattern below, which would take "locker the size" for the record), "For premium
 * members, also the renewal date should be stored (e.g. yearly)".
 */
function forEachIsStored(plain: string): Found | undefined {
  const rest = `(?:also )?(?:the |their |its )?(.+?) ${MUST_BE} (?:also )?${KEPT}(?:\\s*\\([^()]*\\))?\\.?$`;
  const withComma = pattern`^for (each |every |a |an |the |all )?([a-z][a-z -]{1,30}?), ${rest}`.exec(plain);
  // ("For premium members, …": without a determiner only a plural before a comma names the records;
  // "for every clinic the name, address and … are recorded": a determiner inside is the list's start, not the record.)
  if (withComma && (withComma[1] || /s$/.test(withComma[2])) && !/\b(?:the|their|its)\b/.test(withComma[2])) return listFor(withComma[2], withComma[3]);
  const withoutComma = pattern`^for (?:each|every|a|an|the|all) ([a-z][a-z -]{1,30}?) ${rest}`.exec(plain);
  if (withoutComma) return listFor(withoutComma[1], withoutComma[2]);
  // "For each plant, it is also stored whether it is poisonous": the yes/no question is the record's value.
  const asked = pattern`^for (?:each|every|a|an|the|all) ([a-z][a-z -]{1,30}?),? it ${MUST_BE} (?:also )?${KEPT} (whether .+?)\\.?$`.exec(plain);
  return asked ? listFor(asked[1], asked[2]) : undefined;
}

/** "For each customer we keep their name, phone number and email", "for a vehicle we need the plate number, make and model". */
function forEachWeStore(plain: string): Found | undefined {
  // ("For this purpose, I want to store the repair shop, …": "this/that" points back to what was said,
  // no record; "Of these pizza restaurants, we register …" names records.)
  // ("For each customer are stored the name and …" is the passive said first; "for each location a
  // series of exhibitions is developed" keeps nothing: "is"/"are" alone is not a verb of keeping.)
  const leadPattern = pattern`^(?:for|of|about) (?!(?:this|that|example|instance)\\b)(?:each|every|a|an|the|all|any)? ?([a-z][a-z -]{1,40}?),? (?:we|you|i|they|the (?:app|system))? ?(?:also )?(?:want to |need to |have to |must |should |will |can )?(?:(?:is|are) (?:also )?)?${STORE_VERB}(?: (?:to (?:know|store|record|keep)|down|track of))? (.+)$`;
  // "An owner can have several dogs, and for a dog we note the name, …": the same, after a clause.
  const laterClause = /[,;]\s*(?:and |but |while )?(?=for (?:each|every|a|an|the) [a-z])/.exec(plain);
  const lead = leadPattern.exec(plain) ?? (laterClause ? leadPattern.exec(plain.slice(laterClause.index + laterClause[0].length)) : null);
  return lead ? listFor(lead[1], lead[2]) : undefined;
}

/** "The system should store for each vessel its name, tonnage and flag", "we keep for every member the name and …". */
function storeForEach(plain: string): Found | undefined {
  if (!plain.includes('for ')) return undefined;
  const forEach = pattern`\\b(?:(?:we|you|i|they|the (?:app|application|system|database))\\s+)?(?:also )?(?:(?:want to|need to|has to|have to|must|should|shall|will|can) )?(?:also )?${STORE},? for (?:each|every|a|an|all|any) ([a-z][a-z -]{1,40}?),? (?:its|their|his|her|the) (.+)$`.exec(plain);
  return forEach ? listFor(forEach[1], forEach[2]) : undefined;
}

/**
 * "Each article is uniquely identified by a DOI", "A cruise is identified by a number and a name",
 * "Every center is characterized by a unique name".
 */
function identifiedBy(plain: string): Found | undefined {
  const identified = /^(?:each |every |a |an |the )?([a-z][a-z -]{1,40}?) (?:is|are) (uniquely )?(?:also )?(?:identified|characteri[sz]ed|described|defined|known) by (.+?)(?:,? and (?:has|have|(?:is |are )?(?:also )?(?:characteri[sz]ed|described|defined) by) (.*))?$/.exec(plain);
  if (identified) {
    const subject = trailingPhrase(identified[1])?.key;
    // (", and the system also stores …" is a clause of its own: laterClauseLists reads it. "… and
    // characterised by a length and a draught": more values, not unique ones.)
    const items = [...parseItems(identified[3].split(LATER_CLAUSE_AT)[0]).map((item) => (identified[2] ? { ...item, unique: true } : item)), ...(identified[4] ? parseItems(identified[4]) : [])];
    if (subject && items.length) return { subject, items };
  }
  // "It has several fuel pumps (maximum 12), each of which is identified by a number": the records named before.
  const eachOf = /^(.+?),?\s+each of (?:which|whom|them) (?:is|are) (uniquely )?(?:also )?identified by (.+)$/.exec(plain);
  const owners = eachOf ? trailingPhrase(eachOf[1].replace(/\s*\([^()]*\)\s*$/, '')) : undefined;
  const items = eachOf ? parseItems(eachOf[3].split(LATER_CLAUSE_AT)[0]).map((item) => (eachOf[2] ? { ...item, unique: true } : item)) : [];
  return owners && items.length ? { subject: owners.key, items } : undefined;
}

/** "The following is recorded for each person: a, b", "… is recorded on each user: a, b". */
function followingForEach(plain: string): Found | undefined {
  const followingFor = /\b(?:is|are) (?:also )?(?:recorded|stored|kept|saved|tracked|noted|known) (?:for|on|about) (?:each|every|a|an|the|all) ([a-z][a-z -]{1,30}?):\s*(.+)$/.exec(plain);
  // "The following information on each album needs to be stored: title, label and year."
  const followingOn = pattern`\\bthe following (?:(?:information|details|data|attributes|fields|properties) )?(?:on|about|for|of) (?:each|every|a|an|the|all) ([a-z][a-z -]{1,30}?) ${MUST_BE} (?:also )?${KEPT}:\\s*(.+)$`.exec(plain);
  const found = followingFor ?? followingOn;
  return found ? listFor(found[1], found[2]) : undefined;
}

/** "The name of each ship, the number of decks and the length of the ship are known." */
function valuesOfEachKnown(plain: string): Found | undefined {
  const ofEachKnown = pattern`^(?:the )?([a-z][a-z ]{1,30}?) of (?:each|every|a|an|the) ([a-z][a-z -]{1,30}?)((?:,| and) .+?) (?:is|are|must be|should be|will be) (?:also )?(?:stored|recorded|kept|saved|tracked|captured|noted|logged|registered|known)\\b`.exec(plain);
  // ("Each aircraft can be part of an airline, whose name is stored": a clause, not a list of fields.)
  if (ofEachKnown && !/\b(?:can|could|may|might|must|will|would|should|is|are|was|were|be|has|have)\b/.test(ofEachKnown[1])) {
    const subject = trailingPhrase(ofEachKnown[2])?.key;
    const rest = ofEachKnown[3].replace(/\s+of (?:the|this|that|each|every|a|an) [a-z -]+?(?=,| and |$)/g, '');
    const items = parseItems(`${ofEachKnown[1]}${rest}`);
    if (subject && items.length >= 2) return { subject, items };
  }
  return undefined;
}

/**
 * "The position of each author is stored", "In the case of a group, the size and the leader of the
 * group are recorded": the values of one record said to be kept (after an optional lead-in clause).
 * ("The contents of a box are recorded as box lines" names records, not a field.)
 */
function valuesOfOneKnown(plain: string): Found | undefined {
  const ofOneKnown = /^(?:(?:in|for|on|at|after|before|during|when|if|once|as|within|from|by|with|to|besides|apart from)\b[^,]*,\s*)?(?:the |its |their )?([a-z][a-z ]{1,30}?)(?:,? and (?:the |its |their )?([a-z][a-z ]{1,30}?))? of (each |every |a |an |the |(?=(?:[a-z-]+ )*?[a-z-]+s (?:is|are) ))((?:(?!of )[a-z][a-z-]* ?){1,4}?) (?:is|are|must be|should be|will be|has to be|have to be) (?:also )?(?:stored|recorded|kept|saved|tracked|captured|noted|logged|registered|known)\b(?!\s+(?:as|for|about|on|of)\b)/.exec(plain);
  // ("The field of activity of each technician is known": a noun "of" a bare noun is one value's name.)
  const clauseLike = (w: string) => /\b(?:can|could|may|might|must|will|would|should|is|are|was|were|be|has|have|number|amount)\b/.test(w) || (/\bof\b/.test(w) && !/^[a-z]+ of [a-z]+$/.test(w));
  // ("The humidity level of earth basements is also stored": without a determiner, only a plural names the records.)
  if (ofOneKnown && ![ofOneKnown[1], ofOneKnown[2] ?? ''].some(clauseLike)) {
    // (Joined by "and" as written: "the start and end dates of …" is one pair sharing its head.)
    const asked = questionsAfter(plain.slice(ofOneKnown.index + ofOneKnown[0].length));
    return listFor(ofOneKnown[4], [[ofOneKnown[1], ofOneKnown[2]].filter(Boolean).join(' and '), asked].filter(Boolean).join(', '));
  }
  // "The education completed by each actor is known": a value the record's own act gives it.
  const doneBy = pattern`^(?:the |its |their )?([a-z][a-z ]{1,30}?) [a-z]+ed by (?:each|every) ([a-z][a-z -]{1,30}?) ${MUST_BE} (?:also )?${KEPT}${NOT_FOR}`.exec(plain);
  return doneBy && !clauseLike(doneBy[1]) ? listFor(doneBy[2], doneBy[1]) : undefined;
}

/**
 * "The colour of each bike is stored, whether or not it has a basket, and how many gears there are":
 * yes/no and how-many questions after the verb are more values of the same record.
 */
function questionsAfter(rest: string): string {
  return /^,\s*((?:and\s+)?(?:whether|how many)\s.*)$/.exec(rest)?.[1] ?? '';
}

/** "The title, edition and page count of each book are known": a list of values, then the record they describe. */
function listOfOneKnown(plain: string): Found | undefined {
  const listOf = pattern`^(?:the |its |their )?([a-z][^:;]*?(?:,| and )[^:;]*?) of (?:each|every|a|an|the|all) ([a-z][a-z -]{1,30}?) ${MUST_BE} (?:also )?${KEPT}(?:${NOT_FOR}|( as well as (?:the |its |their )?[^:;]+))`.exec(plain);
  // ("Volunteers help at events, whereby the title … of the events": the list is the later clause's.)
  if (!listOf || CLAUSE_WORDS.test(listOf[1]) || LATER_CLAUSE_AT.test(listOf[1])) return undefined;
  // "… of the event must be specified as well as the occasion and location of the event": more of the same record's.
  const more = listOf[3] ? pattern`^ as well as (?:the |its |their )?([a-z][a-z ,]*?)(?: of (?:the|each|every|this) ${listOf[2]})?\.?$`.exec(listOf[3]) : null;
  // (" as well as the name of the director" is another record's: the list before it stands alone.)
  const same = more && !/ of /.test(more[1]);
  return listFor(listOf[2], same ? `${listOf[1]}, ${more[1]}` : listOf[1], 2);
}

/** "An agency runs several tours, the name and price of which are stored": values of the record named before the comma. */
function ofWhichKnown(plain: string): Found | undefined {
  const ofWhich = pattern`^(.+?),\\s*(?:the |its |their )?([a-z][a-z ,-]*?) of which ${MUST_BE} (?:also )?${KEPT}${NOT_FOR}`.exec(plain);
  return ofWhich && !CLAUSE_WORDS.test(ofWhich[2]) ? listFor(ofWhich[1], ofWhich[2]) : undefined;
}

/**
 * "Each runner's bib number is recorded", "Members' email addresses are also known", "the app keeps
 * track of a driver's licence": the values of the possessor (one each, when the possessors are many).
 */
function possessorsValuesKnown(plain: string): Found | undefined {
  // ("The customer's name and billing address are important": said to matter, a possessor's values are kept too.)
  const passive = pattern`^(?:the |each |every |a |an |all )?([a-z][a-z -]{1,30}?)('s|s') (.+?) ${MUST_BE} (?:also )?(?:${KEPT}|important|essential|required|needed|mandatory)${NOT_FOR}`.exec(plain);
  const active = passive ? undefined : possessorKeptActively(plain);
  const seen = passive || active ? undefined : /\b(?:see|sees|view|views|check|checks|keep|keeps) (?:the |each |every |my |our |their |his |her )([a-z][a-z -]{1,30}?)('s) ([a-z][a-z ]*?(?:, [a-z][a-z ]*?)*,? and [a-z][a-z ]*?)(?:[.;:]|$)/.exec(plain);
  const found = passive ?? active ?? seen;
  if (!found || CLAUSE_WORDS.test(found[1])) return undefined;
  const many = found[2] === "s'";
  // "The name of the director's assistant is stored": the director's value is the assistant's name.
  const valueOf = found === passive ? /^([a-z]+(?: [a-z]+)?) of (?:the|a|an|each|every) ([a-z][a-z -]*)$/.exec(found[1]) : null;
  const named = valueOf ? parseItems(found[3]) : [];
  if (valueOf && named.length === 1 && !named[0].plural) {
    const owner = trailingPhrase(valueOf[2])?.key;
    const items = parseItems(`${named[0].words.join(' ')} ${valueOf[1]}`);
    return owner && items.length === 1 ? { subject: owner, items } : undefined;
  }
  const items = parseItems(found[3]).map((item) => (many && item.plural ? singularItem(item) : item));
  const subject = trailingPhrase(found[1])?.key;
  return subject && items.length ? { subject, items } : undefined;
}

/** A verb of keeping (not "saving": "we are saving the shop's money"), then a possessor and its values: "the app keeps track of a driver's licence". */
const KEPT_POSSESSOR = /\b(?:keep(?:s|ing)? track of|stor(?:es?|ing)|record(?:s|ing)?|track(?:s|ing)?|saves?|log(?:s|ging)?|not(?:es?|ing)) (both )?(?:the |a |an |each |every )([a-z][a-z -]{1,30}?)('s) (.+)$/;

/** The possessor, "'s" and the values of an active "keeps track of the customer's …" (as the passive's groups 1-3). */
function possessorKeptActively(plain: string): string[] | undefined {
  const kept = KEPT_POSSESSOR.exec(plain);
  if (!kept) return undefined;
  // ("keeping track of both the customer's head office address and the addresses where …": after
  // "both", the possessor's values end where a phrase with an article of its own is joined on.)
  const values = kept[1] ? kept[4].split(/,? and (?:the|a|an) /)[0] : kept[4];
  return [kept[0], kept[2], kept[3], values];
}

/** "The name, type and year are stored for aircraft". */
function storedForEach(plain: string): Found | undefined {
  const passive = pattern`^(?:the |their |its )?(.+?) (?:is|are|must be|should be|will be|have to be|has to be|need to be|needs to be|gets|get) (?:also )?(?:stored|recorded|kept|saved|tracked|captured|noted|logged|registered|known) (?:for|about|of|on) (?:each |every |a |an |the |all |any )?([a-z][a-z -]{1,40}?)(?:[,.;]|$| and | as | when | so | in )`.exec(plain);
  return passive ? listFor(passive[2], passive[1]) : undefined;
}

/**
 * "The requisition shows the patient's information including their health number, name and address",
 * "a member's contact details, i.e. phone and email": the possessor's values, by example (two at least).
 */
function possessorsInformation(plain: string): Found | undefined {
  if (!INFORMATION_WORD.test(plain)) return undefined; // (a cheap test first: the patterns below are costly on long sentences)
  const found = pattern`\\b([a-z][a-z -]{1,40}?)('s|s') ${INFORMATION_BY_EXAMPLE}`.exec(plain);
  // "When new users join, they fill in a form with their personal information (i.e., ID, name, …)":
  // a pronoun's information is the values of the clause's subject.
  const pronoun = found ? undefined : pattern`^(.*?)\\b(?:their|his|her|its|his/her) ${INFORMATION_BY_EXAMPLE}`.exec(plain);
  const subject = pronoun ? analyze(pronoun[1]).clauses.find((c) => c.subject)?.subject : undefined;
  const owner = found ? trailingPhrase(found[1]) : subject && !/^(?:it|they|he|she|we|you|i)$/.test(subject.key) ? subject : undefined;
  const listed = found?.[3] ?? pronoun?.[2];
  if (!listed || !owner || CLAUSE_WORDS.test(owner.key)) return undefined;
  const items = parseItems(listed.replace(/\)\s*\.?\s*$/, '')).map((item) => ((found?.[2] === "s'" || pronoun) && item.plural ? singularItem(item) : item));
  return items.length >= 2 ? { subject: owner.key, items } : undefined;
}

/**
 * "Several passengers take part in a flight, and their names and passport numbers are stored",
 * "an airline, whose name is stored": the owner is the noun phrase before "their"/"whose".
 */
function ownersValuesStored(plain: string): Found | undefined {
  const owned = pattern`^(.*?)(?:,?\\s*(?:and|while)?\\s*(?:their|its|whose)) (.+?) (?:is|are|must be|should be|will be|has to be|have to be|need to be|needs to be|gets|get) (?:also )?(?:stored|recorded|kept|saved|tracked|captured|noted|logged|registered|known)\\b`.exec(plain);
  if (owned) {
    const before = owned[1].replace(/,\s*$/, '');
    const whose = /\bwhose\s*$/.test(plain.slice(0, plain.indexOf(owned[2])).trim());
    const phrase = whose ? trailingPhrase(before) : (leadingSubjectOf(before) ?? trailingPhrase(before));
    // "their names" of several owners: each owner has one name.
    const owners = whose ? trailingPhrase(before) : undefined;
    const items = parseItems(owned[2]).map((item) => (item.plural && (!whose || owners?.plural) ? singularItem(item) : item));
    if (phrase && items.length) return { subject: phrase.key, items };
  }
  return undefined;
}

/**
 * "As a volunteer I want to sign up with my name, email and phone", "… add my phone number and
 * address to my profile": in a user story "my" details are the role's own fields.
 */
function storyDetails(plain: string): Found | undefined {
  const story = /^as an? ([a-z][a-z -]{1,30}?),? i (?:want|would like|need|wish) to (?:sign up|register|create an account|add|enter|give|provide|update|edit|set|keep|store|save|fill in)\b[a-z ]*?\bmy ((?:[a-z -]+)(?:,\s*[a-z -]+)*(?:,? and [a-z -]+)?)(?:\s(?:to|in|on) my (?:profile|account|details|page))?(?:\s+so\b|\s+because\b|[.;]|$)/.exec(plain);
  if (story) {
    const role = story[1].trim().split(/\s+/).map(singular).join(' ');
    const items = parseItems(story[2]).filter((i) => !i.plural || i.words.length > 1);
    if (items.length && !/^(children|kids|pets|dogs|cats|bookings|orders)$/.test(story[2].trim())) return { subject: role, items };
  }
  return undefined;
}

/** "members sign up with name, email and licence number": the people's own fields. */
function signUpDetails(plain: string): Found | undefined {
  const signUp = /^(?:the |our |all )?([a-z][a-z ]{1,30}?)s? (?:can |must |will )?(?:sign up|register|create (?:an |their )?accounts?|join) (?:with|using|by giving) (?:their |a |an )?(.+)$/.exec(plain);
  if (signUp) {
    const items = parseItems(signUp[2]);
    const who = singular(signUp[1].trim().split(/\s+/).pop() ?? '');
    if (items.length >= 2 && !USER_WORDS.has(who)) return { subject: who, items };
  }
  return undefined;
}

/** Verbs of giving one's own values ("provide their name", "fill in a phone number"). */
const PROVIDE = '(?:provide|enter|give|specify|fill in|supply|submit|state|indicate)';
/** The same, and verbs that give one more value after the first ("…, write a short bio, and indicate their price"). */
const PROVIDE_MORE = new RegExp(`(?:,\\s*(?:and\\s+)?|\\s+and\\s+)(?:${PROVIDE.slice(3, -1)}|write|add|upload)\\s+(?:their |his |her |his/her |its |an? |the )?`, 'g');
/** Who a pronoun after a lead-in clause is: "When entertainers sign up, they …" -> the lead-in's subject. */
const PRONOUN_WHO = /^(?:they|he|she|he or she|he\/she)$/;

/**
 * Who the lead-in clause is about: its subject, or what people become in it ("when people sign up
 * and become members", "when users register as hosts"): those are who they are then.
 */
function leadInPerson(lead: string): string | undefined {
  const subject = analyze(lead).clauses.find((c) => c.subject)?.subject?.key;
  if (!subject || !USER_WORDS.has(subject.split(' ').pop() ?? '')) return subject;
  const became = /\b(?:become|becomes|register as|registers as|sign up as|signs up as|join as|joins as|select|selects|choose|chooses)\s+(?:an?\s+|the\s+)?([a-z][a-z -]{1,30}?)\s*$/.exec(lead);
  const role = became ? trailingPhrase(became[1])?.key : undefined;
  return role && USER_WORDS.has(role.split(' ').pop() ?? '') ? 'user' : (role ?? subject);
}

/**
 * "At sign-up, tutors need to provide their name, email address and bank account", "Hosts must
 * give a nickname and a short bio", "When guests register, they have to indicate their birthday
 * and fill in their name and address": the people's own values (two at least), also when each is
 * given by a verb of its own. (With "a"/"an" only what they must give: "hosts can give a talk and a
 * workshop" are things they do.)
 */
function providedDetails(plain: string): Found | undefined {
  const provided = pattern`^(?:([^,]*),\\s*)?(?:the |our |all |each |every |a |an )?([a-z][a-z ]{1,30}?) (?:also )?(need to|needs to|must|have to|has to|should|will|can) (?:also )?${PROVIDE} (?:their|his|her|his/her|its|(an?)) (.+)$`.exec(plain);
  if (!provided || CLAUSE_WORDS.test(provided[2]) || (provided[4] && /^(?:will|can)$/.test(provided[3]))) return undefined;
  const leadSubject = PRONOUN_WHO.test(provided[2]) && provided[1] ? leadInPerson(provided[1]) : undefined;
  const who = (leadSubject ?? provided[2]).trim().split(/\s+/).map(singular).join(' ');
  const items = parseItems(`${provided[4] ? `${provided[4]} ` : ''}${provided[5]}`.replace(PROVIDE_MORE, ', '));
  // (People who became users are the users: "When people sign up and become users, they …".)
  if (leadSubject === 'user') return items.length >= 2 ? { subject: who, items } : undefined;
  return items.length >= 2 && !USER_WORDS.has(who) ? { subject: who, items } : undefined;
}

const INFORMATION = '(?:information|info|details|data)';
const INFORMATION_WORD = /info|details|data/;
/** "(personal) information including …", "details (i.e., …)": a word for values, then the values by example. */
const INFORMATION_BY_EXAMPLE = `(?:(?:personal|basic|contact|full|identification|identifying|own) )?${INFORMATION},?\\s*\\(?\\s*(?:${FOR_EXAMPLE}|i\\.\\s?e\\.?|that is)\\s*,?\\s*(.+)$`;
const INFORMATION_KEPT = guarded(new RegExp(`^(?:[^,]*,\\s*)?(?:the |some |all )?([a-z][a-z -]{1,30}?) ${INFORMATION} (?:will be|is|are|must be|should be|has to be|have to be|needs to be|need to be) (?:also )?(?:added|stored|recorded|kept|saved|tracked|captured|noted|logged|registered|collected|entered|required),?\\s*${FOR_EXAMPLE}\\s*,?\\s*(.+)$`));
const INFORMATION_ASKED = guarded(new RegExp(`^(?:[^,]*,\\s*)?(.+?) (?:will be |is |are |must be |should be )?(?:requested|asked for|asked|asked to give|asked to provide|required to provide) (?:some |their |his |her |the |any )?(?:personal |basic |contact |further |additional )?${INFORMATION},?\\s*${FOR_EXAMPLE}\\s*,?\\s*(.+)$`));

/**
 * "Artist information will be added, including date of birth and name", "the customer will be
 * requested some personal data such as home address and office address": a record's information,
 * then its values by example.
 */
function valuesForExample(plain: string): Found | undefined {
  if (!INFORMATION_WORD.test(plain)) return undefined;
  const kept = INFORMATION_KEPT.exec(plain);
  const found = kept ?? INFORMATION_ASKED.exec(plain);
  return found && !CLAUSE_WORDS.test(trailingPhrase(found[1])?.key ?? 'is') ? listFor(found[1], found[2]) : undefined;
}

/**
 * "The ticket for each flight is stored in the form of the ticket number and price": the values the
 * record is kept as are its fields ("recorded as box lines" names records, and is not read here).
 */
function keptInTheFormOf(plain: string): Found | undefined {
  const kept = pattern`^(?:the |each |every |a |an )?([a-z][a-z -]{1,40}?)(?: (?:for|of) (?:each|every|a|an|the) [a-z][a-z -]{1,30}?)? ${MUST_BE} (?:also )?${KEPT} in the form of (.+)$`.exec(plain.replace(/\s*\([^()]*\)\s*/g, ' '));
  return kept && !CLAUSE_WORDS.test(kept[1]) ? listFor(kept[1], kept[2]) : undefined;
}

/** The keeper and verb of "we record …", "the system also stores …". */
const KEEPER_STORES = `\\b(?:we|you|i|they|the (?:app|system)) (?:also )?(?:want to |need to |have to |must |should |will |can )?${STORE}(?: track of| a record of)? (?:the |their |its )?`;
/** Words alone that count or gather the records after "of" ("the number of visitors", "a list of books"): no value of one of them ("citation count" is). */
const GATHERING_HEAD = /^(?:(?:total|average|overall) )?(?:number|amount|total|count|sum|list|set|group|series|history|kind|type|variety|names|overview|selection|range|average)$/;

/**
 * "We record the name and address of each owner" (two items at least); "the system stores the
 * citation count of peer-reviewed papers": one value or more of records written as a bare plural.
 */
function weStoreOfEach(plain: string): Found | undefined {
  const ofEach = pattern`${KEEPER_STORES}(.+?) (?:of|for) (?:each|every|a|an|the|all) ([a-z][a-z -]{1,40}?)(?:[,.;]|$| and | as | when | so )`.exec(plain);
  if (ofEach) return listFor(ofEach[2], ofEach[1], 2);
  // (A bare plural names every record of a kind: "of peer-reviewed papers", not "of the papers" (some).)
  // (Only verbs of storing, and "the" values: "I want a weekly summary of shifts", "keep the schedule
  // clean of activities", "we keep a catalogue of plants" keep no value of each.)
  const ofAll = pattern`\\b(?:we|you|i|they|the (?:app|system)) (?:also )?(?:want to |need to |have to |must |should |will |can )?(?:stores?|records?|tracks?|saves?|captures?|notes?|logs?|registers?|keeps? track of) (?:the|their|its) ([a-z][a-z ,-]{1,60}?) of ([a-z][a-z-]+(?: [a-z][a-z-]+)?s)(?:[,.;]|$| and | who | as | when | so )`.exec(plain);
  if (!ofAll || GATHERING_HEAD.test(ofAll[1]) || CLAUSE_WORDS.test(ofAll[1]) || / (?:of|for|to|in|on|with)\b/.test(ofAll[1])) return undefined;
  const owner = trailingPhrase(ofAll[2]);
  const found = owner?.plural ? listFor(ofAll[2], ofAll[1]) : undefined;
  // ("peer-reviewed papers": the kind the words name, not any paper; a record of that name is found as before.)
  return found ? { ...found, subject: [...ofAll[2].split(' ').slice(0, -1), owner!.key.split(' ').pop()!].join(' ') } : undefined;
}

/** The subject noun phrase of a clause ("Several passengers take part in a flight" -> passenger). */
function leadingSubjectOf(fragment: string) {
  const { clauses } = analyze(fragment);
  const subject = clauses[0]?.subject;
  return subject ? { key: subject.key } : undefined;
}
