// Field lists written inside a sentence: after a verb ("A loan records the member, the book and a
// due date", "residents with a name and a phone") and in parentheses ("doctors (name, specialty)").
import { ACTION_NOUNS, COLLECTIVE_PEOPLE, ENUM_HEADS, genericHeadAllowed, NON_ENTITY } from './lexicon';
import { leadingPhrase, trailingPhrase } from './phrases';
import { analyze, endsWithNoun, reducedRelativeSubject, trailingSubject, withoutAsides, type NounPhrase } from './grammar';
import { tagSentence, tagSentences } from './nlp';
import { isPersonKey } from './nlpEvidence';
import type { SentenceInfo } from './sentences';
import { inferType, typeFromHint } from './types';
import type { FieldItem } from './fieldItem';
import type { FieldList } from './fields';
import { cutClause, examplesAsValues, nextRecordAt, parseItems, valuesInBrackets } from './fieldItems';
import { madeWithOneValue } from './madeWith';
import { colonValuesInList } from './colonValues';
import { guarded } from './guardedRegExp';
import { clauseAfterComma, joinedSubject, NEXT_SUBJECT_WITH, subjectsOneValue, verbAfterList, verblessClause } from './subjectLists';

/**
 * "… are saved with", "… is registered with", "… are kept in stock with": a passive verb of keeping
 * before "with", perhaps with where things are kept (what follows is what is kept; a place of the
 * domain, "stored in boxes with a label", is not read so).
 */
const KEPT_WITH = /\b(?:is|are)\s+(?:also\s+|always\s+)?(?:saved|stored|recorded|kept|registered|logged|filed|archived)(?:\s+(?:in|on)\s+(?:the\s+|our\s+)?(?:stock|system|database|app|application|file|catalog|catalogue|inventory|archive|register|records))?\s*$/;

/**
 * "parts used on a job", "each book lent to a member": a record, then a past participle and a
 * preposition that say which ones (a relative clause without "that are"). Group 1 is the record.
 */
const REDUCED_RELATIVE = /^\s*((?:(?:a|an|each|every)\s+[a-z-]+(?:\s+[a-z-]+)?)|(?:[a-z-]+\s+)?[a-z-]+s)\s+(?:[a-z]+ed|made|bought|sold|given|taken|done|held|kept|sent|spent|paid|lent|found|built|worn|written|chosen|shot|drawn|grown|shown|seen|caught|brought|won|left)\s+(?:on|in|for|at|by|from|to|during|per|into)\s/;

/** List verbs that are also nouns ("a service record"): whether they start a list is asked of the tagger. */
const NOUN_LIKE_LIST_VERB = /^(records?|stores?|holds?|gets?|needs?)$/;

/** List verbs that say what someone keeps, not what a thing has. */
const KEEPING_VERB = /^(?:records?|recording|stores?|storing|holds?|captures?|logs?|keeps?)$/;

/** Spans of the sentence a list already took ([start, end) in the plain text). */
export type Covered = Array<[number, number]>;

// ("keeps its length and draught": keeping verbs that also say other things list values only before "its"/"their".)
const LIST_VERBS = /\b(has|have|having|records?|contains?|includes?|gets?(?!\s+(?:[a-z]+ed|paid|sent|told|given|shown|done|taken|chosen|made|seen|known|kept|left|lost|stolen|broken|caught|hurt)\b)|stores?|holds?|consists of|comes with|with|captures?|needs?|requires?|containing|storing|recording|(?:keeps?|tracks?|logs?|maintains?)(?=\s+(?:its|their)\s)|(?:determines?|sets?|chooses?|defines?|decides? on|fixes)(?=\s+(?:its|their)\s+own\s))\s+(?!many\b(?!\s+(?:features|details|attributes|properties)\b)|several\b(?!\s+(?:features|details|attributes|properties)\b)|multiple\b|one or more\b|zero or more\b|a lot of\b|lots of\b|no\b|to\b|been\b|the following\b|two\b|three\b|access\b)/g;

/** Bare plural things (up to three words, no article), then "with": "songs with a title, …", "guest rooms with a number and …". */
const PLURAL_WITH = /^((?!(?:a|an|the|its|their|his|her|our|my|one|each|every|this|that)\s)(?:[a-z-]+\s+){0,2}?[a-z-]+s)\s+with\s+(?!(?:each other|one another|whom|which)\b)/;

/**
 * "has songs with a title, …": plural things (as the tagger reads them on their own: "address" and
 * "status" are no plural) whose "with" list the "with" reader takes.
 */
function thingsWithTheirList(before: string, verb: string, after: string): boolean {
  const match = PLURAL_WITH.exec(after);
  if (!match || !trailingPhrase(`the ${match[1]}`)?.plural) return false;
  // The "with" reader takes a list of two or more, after a noun the tagger reads as one here ("has tasks
  // with" may be read as a verb: then the "has" list keeps the values, as before).
  const list = after.slice(match[0].length);
  if (!/,|\band\b/.test(list.split(/[.;:]/)[0])) return false;
  const read = tagSentence(`${before} ${verb} ${match[1]}`);
  return read[read.length - 1]?.pos === 'noun';
}

/** "Each faculty and institute has a name": the first of two records joined by "and" shares the list. */
function coordinatedSubject(before: string, verb: string, subject: string | undefined): string | undefined {
  if (verb === 'with' || !subject) return undefined;
  const pair = /^(?:both |each |every |all |the )?([a-z][a-z-]*(?: [a-z][a-z-]*)?) and (?:the |each |every |all )?[a-z][a-z -]*$/.exec(before.trim());
  const first = pair ? trailingPhrase(pair[1]) : undefined;
  if (!first || first.key === subject || analyze(before).terms.some((t) => t.pos === 'verb' || t.pos === 'modal')) return undefined;
  return first.key;
}

/** "The Helping Hands Store (H2S) collects …": a list verb written only with a capital inside the sentence is a word of a name. */
function partOfAName(text: string, verb: string): boolean {
  const capital = `${verb[0].toUpperCase()}${verb.slice(1)}`;
  return new RegExp(String.raw`\S\s+${capital}\b`).test(text) && !new RegExp(String.raw`\b${verb}\b`).test(text);
}

/** "with the traveller's …", "with each customer's …": a possessor opening the list owns its values. */
const POSSESSOR = /^\s*(?:the|a|an|each|every)\s+([a-z][a-z-]*(?:\s[a-z][a-z-]*)?)(?:'s|s')\s+/;

/** A later list item with an article or possessive of its own ("…, the kind of food and the weight"). */
const OWN_ARTICLE_LATER = /(?:,|\band\b)\s*(?:and\s+)?(?:the|a|an|its|their|his|her)\s/;

/** "(with) a web portal as a user with …": a place joined, then the role taken there, which the next "with" describes. */
const AS_ROLE_WITH = guarded(/^\s*((?:(?:a|an|the|their|its)\s+)?[a-z][a-z -]{0,40}?)\s+as\s+(?:a|an)\s+([a-z][a-z -]{0,30}?)\s+with\s/);

/** "members borrow books with a due date": a verb of taking right before the record, and then only times. */
const TAKEN = /\b(borrow|borrows|book|books|rent|rents|hire|hires|reserve|reserves|lease|leases)\s+(?:a |an |the |their |his |her |some )?([a-z][a-z -]*)$/;
/** The rows the verbs of taking make: ACTION_NOUNS's (borrow → loan, book → booking, rent → rental) and the few it lacks. */
const TAKING_ONLY: Record<string, string> = { hire: 'hire', reserve: 'reservation', lease: 'lease' };

/**
 * The taking a with-list of times describes ("members borrow books with a due date and a return date":
 * the dates are the loan's, not the book's); undefined when the list is about the thing itself.
 */
function takingWith(before: string, subject: string, items: FieldItem[]): string | undefined {
  const m = TAKEN.exec(before.trim());
  if (!m || trailingPhrase(m[2])?.key !== subject || !items.length) return undefined;
  if (!items.every((item) => { const type = inferType(item.words).type; return type === 'date' || type === 'datetime'; })) return undefined;
  const verb = m[1].replace(/s$/, '');
  return ACTION_NOUNS[verb] ?? TAKING_ONLY[verb];
}

/** Lists after a verb ("has", "records", "with" …), each about the record before the verb. */
export function verbLists(sentence: SentenceInfo, plain: string, covered: Covered): FieldList[] {
  const lists: FieldList[] = [];
  for (const match of plain.matchAll(LIST_VERBS)) {
    if (covered.some(([a, b]) => match.index >= a && match.index < b)) continue;
    // "Doctors (name, specialty) have appointments": look past the parenthesis for the subject.
    const before = plain.slice(0, match.index).replace(/\([^()]*\)\s*$/, '');
    const verb = match[1];
    // "It must include the date and …", "They also have a name and …": about the record named before.
    const pronoun = verb !== 'with' && /^(?:it|they|he|she|he or she|she or he|he\/she|s\/he|\(s\)he)\s+(?:(?:also|must|should|will|always|usually|each|all)\s+)*$/.test(`${before.trim()} `);
    // ("He has a name and a card number": a pronoun for a person points back to a person only.)
    const personPronoun = pronoun && /^(?:he|she|s\/he|\(s\)he)\b/.test(before.trim());
    if (!startsAList(plain, match.index, before, verb, pronoun) || partOfAName(sentence.text, verb)) continue;
    const start = match.index + match[0].length;
    // "The band has songs with a title, key and tempo": the list after "with" is the songs' own, read
    // at the "with"; "has songs" names the part (not a list of songs, keys and tempos).
    if (verb !== 'with' && thingsWithTheirList(before, verb, plain.slice(start))) continue;
    const condition = inFrontedCondition(before, verb, plain.slice(start));
    // "register with a web portal as a user with a user name and …": the values are the role's, read at the
    // second "with"; the place joined is the role's link.
    const asRole = verb === 'with' ? AS_ROLE_WITH.exec(plain.slice(start)) : null;
    if (asRole) {
      const role = trailingPhrase(asRole[2])?.key;
      const place = parseItems(asRole[1]);
      if (role && place.length === 1) lists.push({ sentence: sentence.id, subject: role, items: place });
      continue;
    }
    // (The condition ends at its comma: "…, all applied treatments are moved" is the main clause.)
    const rest = condition ? conditionEnd(listAfterVerb(plain.slice(start), before, verb)) : listAfterVerb(plain.slice(start), before, verb);
    // "sends the booking to the hotels together with the traveller's preferences and …": the values are the possessor's.
    // (Not when a later item brings its own article: "with the donor's name, the kind of food and the
    // weight" are the donation's values, the first named after the donor.)
    const opened = verb === 'with' ? POSSESSOR.exec(rest) : null;
    const possessor = opened && !OWN_ARTICLE_LATER.test(rest.slice(opened[0].length)) ? opened : null;
    const named = possessor ? trailingPhrase(possessor[1])?.key : pronoun ? undefined : (aliasBefore(plain.slice(0, match.index)) ?? listSubject(before, verb));
    if (!pronoun && !named) continue;
    const items = parseItems(possessor ? rest.slice(possessor[0].length) : rest);
    const subject = (verb === 'with' && named && takingWith(before, named, items)) || named;
    if (!items.length) continue;
    // "with" needs a list or a clear field to count ("book appointments with doctors" is a relation).
    // ("Images are saved with a file name": after a passive "kept" verb one item is a field.)
    // ("Residents report a repair request with a description": one value of a record a verb of making has just made.)
    // ("report a problem with my plot, with a description …": the one thing the record is about, kept for its link.)
    // ("Exams with a maximum score belong to a course": one value of a subject's own list, before the sentence's verb.)
    const ownValue = verb === 'with' && items.length === 1 && subjectsOneValue(before, plain.slice(start), items[0]);
    if (verb === 'with' && items.length < 2 && !items[0].sub && !KEPT_WITH.test(before) && !madeWithOneValue(before, items[0]) && !ownValue && !WITH_COMPANION.test(plain.slice(start))) continue;
    // "pays for the session (with a credit card or wire transfer)": one of two ways, not two values it has.
    // ("Residents with a phone or an email apply": with no verb before it, "with" lists what they have.)
    if (verb === 'with' && alternativesOnly(rest) && (/\(\s*$/.test(before) || tagSentence(before).some((t) => t.pos === 'verb'))) continue;
    if (pronoun && items.length < 2) continue;
    const owners = pronoun ? undefined : trailingPhrase(before);
    const manyOwners = !!owners?.plural && owners.key === subject;
    // "Locations consist of drivers with names and vehicles": records in the list are parts of the whole, like the drivers.
    const wholeOf = verb === 'with' ? /^\s*(?:(?:a|an|the|each|every)\s+)?([a-z][a-z -]*?)\s+(?:consists?|is made up|are made up|is composed|are composed|is comprised|are comprised) of\s/.exec(before) : null;
    const whole = wholeOf ? trailingPhrase(wholeOf[1])?.key : undefined;
    lists.push({
      ...(pronoun ? { sentence: sentence.id, pronoun, items, ...(personPronoun ? { person: true } : {}) } : { sentence: sentence.id, subject, items, ...(manyOwners ? { manyOwners } : {}), ...(whole && whole !== subject ? { whole } : {}), ...(ownValue ? { ownValue } : {}) }),
      ...(condition ? { condition } : {}),
    });
    const sharing = pronoun ? undefined : coordinatedSubject(before, verb, subject);
    if (sharing) lists.push({ sentence: sentence.id, subject: sharing, items });
    // The list ends where a possessive starts the next record ("…, their pets (…)").
    // (Or where plural things with a list of their own follow a closed list: "…, and households (…)".)
    const listEnd = Math.min(/,\s*(?:and\s+)?(?:their|its|his|her)\s/.exec(rest)?.index ?? rest.length, nextRecordAt(rest));
    covered.push([match.index, start + listEnd]);
  }
  return lists;
}

/**
 * Tags ahead, all together, the fragments the list readers below ask about one by one: the words
 * before each list verb (read bare, without asides and without a closing parenthesis) and before
 * each parenthesis. One parse of many is much cheaper than one each (a tenth of a long text's time
 * went to these); a fragment asked about but not tagged here is still tagged when asked.
 */
export function tagListFragments(sentences: SentenceInfo[]): void {
  const fragments: string[] = [];
  for (const sentence of sentences) {
    const plain = sentence.plain.replace(/[`]/g, '');
    for (const match of plain.matchAll(LIST_VERBS)) {
      const before = plain.slice(0, match.index).replace(/\([^()]*\)\s*$/, '');
      fragments.push(before, withoutAsides(before), before.replace(/\s*\([^()]*\)\s*$/, ''));
      // (The clause a subject's "with" list hangs on: verblessClause.)
      if (match[1] === 'with' && before.includes(',')) fragments.push(clauseAfterComma(before));
      if (NOUN_LIKE_LIST_VERB.test(match[1])) fragments.push(`${before} ${plain.slice(match.index)}`.replace(/\s+/g, ' '));
    }
    for (const match of plain.matchAll(BRACKETED_LIST)) {
      // (parenthesisLists asks about the plain words only when the written ones before the bracket are none.)
      fragments.push(sentence.text.slice(0, Math.max(0, sentence.text.indexOf('(', Math.max(0, match.index - 5)))) || plain.slice(0, match.index));
    }
  }
  tagSentences(fragments.filter(Boolean));
}

/**
 * "when the car has arrived", "the player has lost all lives", "how many guests have not yet
 * replied", "which driver has completed which order": "has"/"have" before a past participle that ends the clause or takes an object is the
 * perfect tense, not a list of what the thing has ("has required readings" still lists one).
 */
const PERFECT_TENSE = /^\s+(?:(?:not|never|already|just|yet|recently|finally|since)\s+)*(?:[a-z]+ed|been|done|gone|lost|made|taken|given|seen|become|begun|won|paid|sent|left|found|chosen|written|broken|come|fallen|held|kept|bought|sold|run|met|got|gotten)(?=\s*(?:[.,;:!?)]|$)|\s+(?:a|an|the|all|any|some|no|his|her|their|its|my|our|your|this|these|those|which|what|whose|each|every|or|and|to|from|in|on|at|for|with|by|into|out|up|off)\b)/;

/** "the X (Y) as …", "the X at …", "the X in …": a noun phrase with "the", then how it should be. */
const CAUSATIVE_HAVE = guarded(/^\s+the\s+(?:[a-z-]+\s+){1,4}?(?:as|at|in|on|to be|be|set to|shown|displayed|sorted)\s/);

/** Whether the verb at `at` starts a list of fields, not a story's benefit, an action or a compound noun. */
function startsAList(plain: string, at: number, before: string, verb: string, pronoun: boolean): boolean {
  if (/^(?:has|have)$/.test(verb) && PERFECT_TENSE.test(plain.slice(at + verb.length))) return false;
  // "if its hospital doesn't have a permission", "a clinic does not have a lab": what a thing lacks is no value of it.
  if (/^(?:has|have)$/.test(verb) && /\b(?:does not|do not|did not|doesn't|don't|didn't|does no longer|no longer|never)\s+$/.test(before)) return false;
  // "… so that I get treated", "because we have little time": the story's benefit, not a list.
  if (verb !== 'with' && /\b(?:so that|so|because|in order that|then)\s+(?:i|we|you|they|he|she)\s+(?:\w+\s+)?$/.test(before)) return false;
  // "A member may have at most 2 tools at a time": a limit on how many (a rule), not the member's fields.
  if (/^(?:has|have)$/.test(verb) && /\b(?:can|could|may|might|must|should|will|cannot|can't)\s+(?:only\s+)?$/.test(before) && /^\s+(?:at most|no more than|not more than|up to|a maximum of|max(?:imum)?)\s/.test(plain.slice(at + verb.length))) return false;
  // "I want to have the buying process as quick as possible", "… to have the minimum price at 5 cents": "to have
  // the X" with how it should be is a state wanted, not values kept ("I want to have a profile picture" still lists).
  if (verb === 'have' && /\bto\s+$/.test(before) && CAUSATIVE_HAVE.test(plain.slice(at + verb.length))) return false;
  // "users can store images" is an action; "a loan records the member" lists fields.
  if (!pronoun && !/^(has|have|having|with)$/.test(verb) && /\b(?:can|could|will|should|must|may|to|and|or|not)\s*$/.test(before)) return false;
  // "Receptionists record appointments with a date and a time", "mechanics record services on a
  // vehicle with a cost", "the system stores orders with a total": a keeping verb whose object is a plural followed by "with" acts on those records; the
  // list after "with" is theirs, not the receptionist's.
  if (KEEPING_VERB.test(verb) && /^\s+(?:(?:the|their|all|new)\s+)?(?:[a-z-]+\s+)?[a-z-]+s(?:\s+(?:on|for|of|from|to|at|in)\s+(?:(?:a|an|the|each|every|their|its)\s+)?[a-z-]+)?\s+with\b/.test(plain.slice(at + verb.length))) return false;
  // "Staff record stock movements", "nurses log visits": people keeping plural things, and nothing more, make
  // those records (what they record of a thing is written with it: "nurses record the temperature of …").
  if (KEEPING_VERB.test(verb) && /^\s+(?:[a-z-]+\s+)?[a-z-]+s\s*(?:$|[.;:!]|\s+(?:and|or)\s+[a-z-]+s\s*(?:$|[.;:!]))/.test(plain.slice(at + verb.length)) && peopleBefore(before)) return false;
  // "open a service record for it": the word is the noun of a compound here, not a verb.
  if (NOUN_LIKE_LIST_VERB.test(verb)) {
    const tagged = tagSentence(`${before} ${plain.slice(at)}`.replace(/\s+/g, ' '));
    const index = tagSentence(before).length;
    if (tagged[index]?.w === verb && tagged[index].pos === 'noun') return false;
  }
  return true;
}

/** Whether the words before a verb end in people: a plural the tagger knows as persons, or the staff, crew or faculty. */
function peopleBefore(before: string): boolean {
  const terms = tagSentence(before);
  const last = terms[terms.length - 1];
  return !!last && last.pos === 'noun' && ((last.plural && last.actor) || COLLECTIVE_PEOPLE.has(last.w));
}

/** A clause put before the main one that says when or on what condition it holds. */
const FRONTED_CONDITION = /^\s*(?:when|whenever|if|once|as soon as|in case|unless|until)\s+([^,;:]*)$/;

/**
 * "When an illness gets priority score high, its treatments move up", "If a patient comes with a
 * problem, …": the verb of a condition put before the main clause (no other verb between the "when" and
 * it, and a comma after it that closes the condition) says what happens or holds then, not what the
 * record keeps; only the records it names are linked ("If the client still needs an article, …").
 * ("with" is read on: "When customers sign up with an email, …" still names a value they give; "when a
 * car comes in we open a record with …" has the main clause's verb.)
 */
function inFrontedCondition(before: string, verb: string, after: string): boolean {
  if (verb === 'with') return false;
  const condition = FRONTED_CONDITION.exec(before);
  if (!condition || !/,/.test(after.replace(/\([^()]*\)/g, ' '))) return false;
  return !tagSentence(condition[1]).some((t) => t.pos === 'verb' || t.pos === 'modal');
}

/** A condition's words up to the comma that closes it (a comma in parentheses closes nothing). */
function conditionEnd(text: string): string {
  const comma = text.replace(/\([^()]*\)/g, (inner) => ' '.repeat(inner.length)).indexOf(',');
  return comma < 0 ? text : text.slice(0, comma);
}

/**
 * A subject named with where it is or comes from, then only modals or adverbs: "rooms in a hotel",
 * "while two pizzas from different restaurants may". Group 1 is the record's words.
 */
const PLACED_SUBJECT = /^\s*(?:(?:while|when|if|although|though|whereas|since)\s+)?(?:(?:a|an|the|each|every|all|both|two|three|four|several|many|some)\s+)?([a-z-]+(?:\s+[a-z-]+)?)\s+(?:in|at|from|on|within|inside)\s+(?:(?:a|an|the|each|every|different|various|several|other|their|its)\s+)*[a-z-]+(?:\s+[a-z-]+){0,2}?(?:\s+(?:may|can|could|must|should|will|would|might|also|always|usually|often|all|both|each))*\s*$/;

/** "… a library that", "… a marina which also": a noun phrase, then the relative pronoun a list verb follows. */
const RELATIVE_BEFORE = /([a-z][a-z -]*?[a-z]),?\s+(?:that|which|who)\s+(?:(?:also|usually|always|often|must|should|will|can|may|all|each)\s+)*$/;

/**
 * "Staff submit leave requests with …", "Staff log shifts with …": the word-list phrase ("submit leave request",
 * "staff log shift") took the clause's verb for a modifier, which the tagger, reading the whole clause, does not:
 * its phrase is the record.
 */
function startsWithTheVerb(before: string, subject: string, tagged: NounPhrase): boolean {
  if (!subject.endsWith(` ${tagged.key}`)) return false;
  const { terms } = analyze(before);
  const verb = terms[tagged.start - 1];
  const modifiers = subject.slice(0, -tagged.key.length - 1).split(' ');
  // (Only a verb right after a subject that can take it: people in the plural, a body of people, "they".
  // "Parcel items with …", a verb read first, "Employee leave requests with …", after a bare singular noun,
  // and "each staff leave request with …" are misreadings; before "have" the words are one subject.)
  const doer = terms[tagged.start - 2];
  const takesTheVerb = !!doer && ((doer.pos === 'noun' && (doer.plural || COLLECTIVE_PEOPLE.has(doer.w)) && !/^(?:a|an|each|every|one|per|this|that)$/.test(terms[tagged.start - 3]?.w ?? '')) || doer.pos === 'pron');
  return verb?.pos === 'verb' && modifiers.includes(verb.w) && takesTheVerb;
}

/** The record whose fields follow the verb: the noun phrase before it, with the exceptions below. */
function listSubject(before: string, verb: string): string | undefined {
  const joined = verb === 'with' ? joinedSubject(before) : undefined;
  if (joined) return joined;
  // "Images are saved with a file name": the record is the phrase before the passive. (First: "kept
  // in stock with" is no idiom such as "in line with".)
  if (verb === 'with' && KEPT_WITH.test(before)) {
    const kept = before.replace(KEPT_WITH, '');
    // ("Parts used on a job are recorded with …": the phrase after the participle says which parts; the values are theirs.)
    const reduced = REDUCED_RELATIVE.exec(kept);
    return trailingPhrase(reduced ? reduced[1] : kept)?.key;
  }
  if (verb === 'with' && withIdiom(before)) return undefined;
  // "A stay links a guest to a room with an arrival date …": the values are the linking record's.
  const linking = verb === 'with' ? LINKING.exec(before) : null;
  if (linking) return trailingPhrase(linking[1])?.key;
  const taking = verb === 'with' ? TAKING_RECORD.exec(before) : null;
  if (taking && !isPersonKey(trailingPhrase(taking[1])?.key ?? '')) return trailingPhrase(taking[1])?.key;
  // "I want to report a problem with my plot, with a description and a photo": the second "with"
  // describes the record a verb has just made (the problem), not the thing it is about.
  const made = verb === 'with' ? MADE_BEFORE_COMPANION.exec(before) : null;
  const madeKey = made && trailingPhrase(made[1] ?? made[2])?.key;
  if (madeKey && analyze(before).clauses.some((c) => c.objects.some((o) => o.key === madeKey))) return madeKey;
  let subject = trailingPhrase(before)?.key;
  // Past a verb ("the sessions are scheduled with …") the subject is the clause's noun phrase.
  const nlpSubject = trailingSubject(before, (p) => !NON_ENTITY.has(p.headWord) || p.headWord === 'field');
  if (nlpSubject && (!subject || /"/.test(before) || !endsWithNoun(before.replace(/\s*\([^()]*\)\s*$/, '')) || (verb === 'with' && startsWithTheVerb(before, subject, nlpSubject)))) subject = nlpSubject.key;
  // "A review of a book has …": the subject is the review. ("Locations consist of drivers with …":
  // a verb before "of" makes it a clause, and the list is the drivers'.)
  if (/^\s*(?:(?:a|an|the|each|every)\s+)?[a-z-]+(?:\s+[a-z-]+)?\s+of\s+(?:(?:a|an|the)\s+)?[a-z-]+(?:\s+[a-z-]+)?\s*$/.test(before) && !tagSentence(before).some((t) => t.pos === 'verb')) subject = leadingPhrase(before)?.key ?? subject;
  // ("Rooms in a hotel have a number", "while two pizzas from different restaurants may have the same name":
  // the place or source after the record says which ones; the values are the record's.)
  const placed = verb !== 'with' ? PLACED_SUBJECT.exec(before) : null;
  if (placed && !tagSentence(before).some((t) => t.pos === 'verb')) subject = trailingPhrase(placed[1])?.key ?? subject;
  if (verb !== 'with' && /\band\s*$/.test(before)) subject = leadingPhrase(before)?.key;
  // ("Photos taken on a trip have a caption": the participle's phrase says which photos; the values are theirs.)
  const reduced = verb !== 'with' ? REDUCED_RELATIVE.exec(before) : null;
  if (reduced && /^(?:(?:a|an|the|each|one)\s+)?[a-z-]+(?:\s+[a-z-]+)?\s*$/.test(before.slice(reduced[0].length))) subject = trailingPhrase(reduced[1])?.key ?? subject;
  // ("Staff assigned to a ward have …": a noun the pattern above cannot tell is plural, read by the grammar.)
  else if (verb !== 'with' && /\s(?:to|on|in|at|for|during|from)\s/.test(before)) subject = reducedRelativeSubject(before)?.key ?? subject;
  // "Locations are shelf positions with an aisle, …": what the subject is said to be is a kind of
  // thing, and the values are the subject's.
  if (verb === 'with') subject = copularSubject(before) ?? subject;
  // "Speakers create an account with their name, email and bio": the account holder's fields.
  if (subject && /^(account|profile|login|registration)$/.test(subject.split(' ').pop() ?? '')) {
    const holder = analyze(before).clauses[0]?.subject;
    if (holder) subject = holder.key;
  }
  // "many employees, each of whom has a name and …": the people named before.
  const eachOf = /([a-z][a-z -]*?),?\s+each of (?:whom|which|them)\s*$/.exec(before);
  if (eachOf) subject = trailingPhrase(eachOf[1])?.key ?? subject;
  // "other rooms such as a gym, which also have a name": a plural verb after "which" agrees with the
  // plural named before the example, so the values are the rooms'.
  const example = /^(?:have|contain|include|record|store|hold|need|require|get)$/.test(verb) ? SUCH_AS_WHICH.exec(before) : null;
  const examplesOf = example ? trailingPhrase(example[1]) : undefined;
  if (examplesOf?.plural) subject = examplesOf.key;
  // "log service records for a vehicle with a date": the fields go to the records, not the vehicle
  // (also for many: "book appointments for pets with a date").
  // ("record shipments from suppliers with a date": after "from", only what a verb makes.)
  const attached = /([a-z][a-z -]*?)\s(?:(for|on|to)\s(?:a|an|the|each|every|its|their|it|(?=[a-z-]+s\s*,?\s*$))|(from)\s[a-z-]+s|per)\b[a-z -]*?(,?)\s*$/.exec(before);
  if (verb === 'with' && attached) {
    const main = trailingSubject(attached[1], () => true);
    const attachedTo = analyze(attached[1]);
    // The object a verb makes gets the fields ("write a daily note for a child with a mood").
    const madeByVerb = attachedTo.clauses.some((c) => c.objects.some((o) => o.key === main?.key));
    // "a report card for each booking, with …", "a log entry per visit, with …": the comma closes
    // the distributive phrase, so the list describes what is made for each one.
    const distributed = !!attached[4] && /\s(?:for (?:each|every)|per)\s[a-z -]*,\s*$/.test(before);
    if (main && (attached[3] ? madeByVerb : main.plural || madeByVerb || distributed) && main.head === attachedTo.terms.length - 1 && (!NON_ENTITY.has(main.headWord) || genericHeadAllowed(main.key)) && !isPersonKey(main.key)) subject = main.key;
  }
  // "Books are kept in a library that has a name": a relative clause's list is the noun's right before it.
  const relative = verb !== 'with' && !eachOf && !examplesOf?.plural ? RELATIVE_BEFORE.exec(before) : null;
  const relativeOf = relative ? trailingPhrase(relative[1]) : undefined;
  if (relativeOf && relativeOf.head === analyze(relative![1]).terms.length - 1) subject = relativeOf.key;
  // "The customer data includes a name, …": the record itself.
  return subject?.replace(/^([a-z].*?) (?:data|information|info)$/, '$1');
}

/** "Every job (we call it an order) has …", "a trip (called a ride) has …": the name the writer gives the record is its name. */
const ALIAS = guarded(/\((?:(?:we|they|i|you|people) (?:usually |also |just )?(?:call|name) (?:it|them|this|these|that)|(?:also |usually )?(?:called|named|known as)) (?:an? |the )?([a-z][a-z -]{0,30}?)\)\s*$/);

function aliasBefore(before: string): string | undefined {
  const alias = ALIAS.exec(before);
  return alias ? trailingPhrase(alias[1])?.key : undefined;
}

/** "Locations are shelf positions": the subject of a clause whose only verb is "is"/"are" before a noun phrase. */
function copularSubject(before: string): string | undefined {
  const terms = tagSentence(before);
  const copula = terms.findIndex((t) => t.w === 'is' || t.w === 'are');
  if (copula < 1 || copula === terms.length - 1 || terms[terms.length - 1].pos !== 'noun') return undefined;
  const nounPhrase = (from: number, to: number) => terms.slice(from, to).every((t) => /^(?:det|adj|noun)$/.test(t.pos));
  return nounPhrase(0, copula) && nounPhrase(copula + 1, terms.length) ? leadingPhrase(before)?.key : undefined;
}

/**
 * "In contrast with on-line reservations", "in line with", "numbered starting with level 1": before
 * "with" a bare singular noun right after a preposition, or a gerund after a participle, is part of
 * an idiom, not a thing that has what follows.
 */
function withIdiom(before: string): boolean {
  return /(?:^|[\s,(])(?:in|by|on|at|under)\s+[a-z]+[^s\s]\s*$/.test(before) || /(?<!\b(?:a|an|the|each|every|any|their|its|our|my|your|his|her)\s)\b[a-z]+ed\s+[a-z]+ing\s*$/.test(before);
}

/** "rooms such as a gym, which also", "vehicles like a van, which": the plural before the example, and "which" after it. */
const SUCH_AS_WHICH = guarded(/([a-z][a-z -]*?)\s+(?:such as|like|including|e\.g\.)\s+[^,;()]*,\s*(?:which|that)\s+(?:(?:also|all|both|each|usually|always)\s+)*$/);

/** "A stay links a guest to a room", "each match pairs a mentor with a student": a record that joins two others, before their "with". */
const LINKING = guarded(/^\s*(?:(?:a|an|the|each|every)\s+)?([a-z][a-z-]*(?:\s[a-z][a-z-]*)?)\s+(?:links?|connects?|joins?|ties?|pairs?|matches?|assigns?)\s+(?:a|an|the|each|one)\s+[a-z][a-z-]*(?:\s[a-z][a-z-]*)?\s+(?:to|with|and)\s+(?:a|an|the|each|one)\s+[a-z][a-z-]*(?:\s[a-z][a-z-]*)?\s*$/);

/**
 * "A hire covers one or more costumes for a borrower, with a pick-up date …", "a booking reserves a
 * room for a guest, with …": a record that takes things for someone, then a comma and its own values.
 */
const TAKING_RECORD = guarded(/^\s*(?:a|an|each|every)\s+([a-z][a-z-]*(?:\s[a-z][a-z-]*)?)\s+(?:covers?|reserves?|books?|holds?|concerns?|lends?|rents?|hires?|secures?|is for|are for)\s+[^,]*,\s*$/);

/** After "with": one thing with a possessive, "the" or "a", a comma, and another "with" ("with my plot, with …", "with a plot, with …"). */
const WITH_COMPANION = /^\s*((?:my|our|your|his|her|their|its|the|a|an)\s+[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)\s*,\s*with\s/;
/** The same seen from the second "with": the record made before the first one ("report a problem with my plot,", "file a complaint about their flat,"). */
// (Or many records made, written bare: "report problems with a plot, with …".)
const MADE_BEFORE_COMPANION = guarded(/(?:\b(?:a|an|the|new|my|our|their|his|her|its)\s+([a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2}?)|\b([a-z][a-z-]*s))\s+(?:with|about|regarding|concerning)\s+(?:my|our|your|his|her|their|its|the|a|an)\s+[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?\s*,\s*$/);

/** The list's text after the verb, cut at the clause's end (or, after a subject's "with", at the sentence's verb). */
function listAfterVerb(after: string, before: string, verb: string): string {
  // "report a problem with my plot, with a description and a photo": "with" one thing of one's own,
  // then a comma and a second "with": the first names what the record is about, the second its values.
  const companion = verb === 'with' ? WITH_COMPANION.exec(after) : null;
  if (companion) return companion[1];
  const cut = cutClause(examplesAsValues(after));
  // "Residents with a name and a phone apply for permits": before a subject's "with" list there is
  // no verb, so the sentence's verb comes after the list and ends it.
  const clause = verb === 'with' ? verblessClause(before) : undefined;
  const subjectWord = clause && /([a-z]+)\s*$/.exec(clause)?.[1];
  if (!subjectWord) return cut;
  // ("Boats with a name belong to a club, and members with a phone book boats": the next subject's list is not this one's.)
  const rest = cut.slice(0, NEXT_SUBJECT_WITH.exec(cut)?.index ?? cut.length);
  return rest.slice(0, verbAfterList(subjectWord, rest));
}

/** "either negative or positive", "a credit card or wire transfer": two alternatives, no list of values kept together. */
function alternativesOnly(text: string): boolean {
  const cut = cutClause(text);
  return /\sor\s/.test(cut) && !/,|\s(?:and|&)\s|\bor not\b|\bwhether\b/.test(cut);
}

/**
 * "the status of my orders (pending, paid, shipped, delivered)": the bracket gives the values of the
 * status, a field of the orders, not fields of their own. Only single-word values after "the
 * <status|type|priority|…> of …"; the field with its values is the one item of the list.
 */
function valuesOfAFieldOf(before: string, inside: string) {
  const head = /\b(?:the|its|their|his|her)\s+([a-z]+)\s+of\s+(?:[a-z-]+\s+){0,2}?[a-z-]+\s*$/.exec(before)?.[1];
  if (!head || !ENUM_HEADS.has(head)) return undefined;
  const values = inside.split(/\s*(?:,|\bor\b|\band\b|\/)\s*/).filter(Boolean);
  if (values.length < 2 || values.some((value) => !/^[a-z][a-z-]*$/.test(value))) return undefined;
  const items = parseItems(`${head} (${values.join(', ')})`);
  return items.length === 1 && items[0].enumValues?.length ? items : undefined;
}

/** A list in brackets, which may hold one bracket of its own: "(name, breed, vaccinated (yes/no))". */
const BRACKETED_LIST = /\(((?:[^()]|\([^()]{1,60}\)){3,400})\)/g;

/** "other player attributes (identified by a name and a value)": a two-word name, then a bracket that gives its own values. */
function ownValuesAfterCompound(before: string, inner: string): boolean {
  return /\b[a-z][a-z-]+\s+[a-z][a-z-]+\s*$/.test(before) && !/^\s*with\s/.test(inner) && !!valuesInBrackets(inner);
}

/** Lists in parentheses not taken by a verb's list: "doctors (name, specialty)", "(e.g., IEE, Elsevier)" as values. */
export function parenthesisLists(sentence: SentenceInfo, plain: string, covered: Covered): FieldList[] {
  const lists: FieldList[] = [];
  for (const match of plain.matchAll(BRACKETED_LIST)) {
    const at = match.index;
    // (A bracket that says it gives the thing's own values is read inside another list too:
    // "… which includes target positions, and other player attributes (identified by a name and a value)".)
    if (covered.some(([a, b]) => at >= a && at < b) && !ownValuesAfterCompound(plain.slice(0, at), match[1])) continue;
    // "Plot inspections by the committee (date, plot, score)": the list describes the records, not who does them.
    const byAgent = /([a-z][a-z -]*?)\s+(by|from|for)\s+(the|our|a|an|each|every)\s+[a-z-]+\s*$/.exec(plain.slice(0, at));
    const agentMain = byAgent ? trailingPhrase(byAgent[1]) : undefined;
    // "record daily attendance for each child (date, arrived at)": the list describes what is recorded.
    // ("shifts for an activity (name, description)" describes the activity: only "for each" distributes.)
    const recorded = byAgent?.[2] === 'for' && /^(each|every)$/.test(byAgent[3]) && agentMain && analyze(byAgent[1]).clauses.some((c) => c.objects.some((o) => o.key === agentMain.key));
    const phrase = (byAgent?.[2] !== 'for' && agentMain?.plural) || recorded ? agentMain : trailingPhrase(plain.slice(0, at));
    if (!endsWithNoun(sentence.text.slice(0, Math.max(0, sentence.text.indexOf('(', Math.max(0, at - 5)))) || plain.slice(0, at))) continue;
    if (!phrase || ENUM_HEADS.has(phrase.key.split(' ').pop() ?? '')) continue;
    const valuesOf = valuesOfAFieldOf(plain.slice(0, at), match[1]);
    if (valuesOf) {
      lists.push({ sentence: sentence.id, subject: phrase.key, items: valuesOf });
      continue;
    }
    if (!match[1].includes(',') && typeFromHint(match[1])) continue;
    // "the result of each test (either negative or positive)": the values one thing takes, not fields.
    // ("(name or nickname)" still names two fields.)
    if (alternativesOnly(match[1]) && (/^\s*either\s/.test(match[1]) || tagSentence(match[1]).every((t) => t.pos === 'adj' || /[a-z]ed$/.test(t.w) || t.w === 'or'))) continue;
    // "(two or three people)", "(about 20)": a count, not a list of fields.
    if (/^\s*(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|many|some|about|around|approx\w*|up to|max|at most|at least)\b/.test(match[1])) continue;
    // "(e.g., IEE, Elsevier)", "(such as aerobics, yoga)": examples of values, not fields (the list
    // still says the things before it are records with names).
    const examples = /^\s*(?:e\.?\s?g\b|for example|for instance|such as|like)\b/.test(match[1]);
    // ("player attributes (identified by a name and a value)": the words that bring in the values are none of them.)
    // ("(with a name and …)" is read by the verb lists.)
    const inner = (!/^\s*with\s/.test(match[1]) && valuesInBrackets(match[1])) || match[1];
    const items = parseItems(examples ? match[1].replace(/^\s*(?:e\.?\s?g\.?|for example|for instance|such as|like)\s*,?\s*/, '') : colonValuesInList(inner)).map((i) => (examples ? { ...i, value: true } : i));
    if (items.length >= 2 || (items.length === 1 && /,/.test(match[1]))) lists.push({ sentence: sentence.id, subject: phrase.key, items });
  }
  return lists;
}
