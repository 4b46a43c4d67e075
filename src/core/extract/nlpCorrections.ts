// Corrections to compromise's tags for the way requirements are written: plural nouns after
// verbs that the tagger reads as verbs, verbs read as nouns before their objects, quantities,
// "to" read as a conjunction. Each pass fixes one pattern, in order (later passes see earlier fixes).
import { participlesBeforeBy } from './participles';
import { verbsAfterPerson } from './personVerbs';
import { verbsAfterWithLists } from './withListVerbs';
import type { Term } from './nlp';
import { nlp, type RawTerm } from './tagger';
import { COLLECTIVE_PEOPLE, looksPlural, singularByRule } from './lexicon';
import { keptBetweenTexts } from './remembered';
import { namesWorkKind } from './assignedWork';

const NOT_PLURAL_VERBS = new Set(['is', 'was', 'has', 'does', 'goes', 'says', 'gets', 'lets', 'uses', 'needs', 'wants', 'allows', 'belongs', 'contains', 'includes', 'requires', 'makes', 'takes', 'gives', 'shows', 'means', 'keeps', 'holds', 'consists', 'happens', 'sees', 'becomes', 'seems', 'exists', 'works', 'looks']);

/**
 * The tagger reads some plural nouns as verbs where requirement texts put them: after a verb or
 * preposition ("assign tasks to staff"), in lists ("ingredients and steps"), at the start of a
 * clause before a verb ("Tasks belong to projects"). Re-tag those as plural nouns.
 */
export function correctTags(terms: Term[]): void {
  retagSemiModals(terms);
  retagPrefixedVerbs(terms);
  retagVerbsBeforeObjects(terms);
  retagNounSlotPlurals(terms);
  retagCoordinatedVerbs(terms);
  retagSentenceStart(terms);
  retagCompoundModifiers(terms);
  retagModifiersAfterVerbs(terms);
  retagPluralSubjectStart(terms);
  retagSubjectsAfterArticles(terms);
  retagCompoundHeads(terms);
  // (After the compound heads: "a service record for" is a compound, "a contact works at" is not.)
  retagVerbsAfterOne(terms);
  retagArticleAdjectives(terms);
  retagAfterTo(terms);
  quantifiers(terms);
  thirdPersonVerbs(terms);
  verbsAfterWho(terms);
  verbsAfterPerson(terms, canBeVerb);
  verbsAfterWithLists(terms, canBeVerb);
  retagGivenThings(terms);
  retagBeforeLists(terms);
  participlesBeforeBy(terms);
  retagColonLabel(terms);
  retagSecondHand(terms);
}

// "second hand bikes", "second-hand books" (the tagger splits the hyphen): the ordinal is half of an
// adjective before a noun, not a count.
function retagSecondHand(terms: Term[]): void {
  for (let i = 0; i + 1 < terms.length; i++) {
    if (terms[i].w !== 'second' || terms[i + 1].w !== 'hand' || terms[i + 2]?.pos !== 'noun') continue;
    terms[i].pos = 'noun';
    terms[i + 1].pos = 'noun';
  }
}

// "Book: title, author", "Library: name, address": one word that opens the line and ends at a colon
// before a list is its label, a noun (the tagger reads "Book" as an order to book).
function retagColonLabel(terms: Term[]): void {
  const [label] = terms;
  if (!label || !label.post.includes(':') || label.pos === 'noun' || !/^[a-z][a-z-]*$/.test(label.w) || !terms.slice(1).some((t) => t.post.includes(','))) return;
  // ("Books:": the label may be a plural; "Status:", "Focus:" only end like one.)
  const root = looksPlural(label.w) ? singularByRule(label.w) : label.w;
  label.pos = 'noun';
  label.plural = root !== label.w;
  label.root = root;
}

/** "pre-order", "re-book", "co-sign": a verb with a prefix and a hyphen. */
const PREFIXED = /^(?:pre|re|co|un|de|over|under|out)-([a-z]{3,})$/;
/** Words after which a verb stands: "to", a modal, a person's pronoun. */
const VERB_SLOT = /^(?:to|can|could|will|would|should|must|may|might|cannot|i|we|you|they)$/;

// "I want to pre-order a meal", "pupils can re-book a slot": a hyphenated prefix and a verb, where a
// verb stands and before its object, is that verb (read as the verb without its prefix: a pre-order
// is an order), though the tagger takes the unknown word for an adjective.
function retagPrefixedVerbs(terms: Term[]): void {
  for (let i = 1; i + 1 < terms.length; i++) {
    const t = terms[i];
    if (!t.w.includes('-') || t.pos === 'verb' || !VERB_SLOT.test(terms[i - 1].w)) continue;
    const base = PREFIXED.exec(t.w)?.[1];
    const next = terms[i + 1];
    if (!base || !(next.pos === 'det' || next.pos === 'noun') || !canBeVerb(base)) continue;
    t.pos = 'verb';
    t.root = base;
  }
}

// A verb-able word read as a noun before plural objects is their verb when a state follows
// ("mark parcels as collected") or people come before it ("our mechanics log work entries").
function retagVerbsBeforeObjects(terms: Term[]): void {
  for (let i = 0; i + 2 < terms.length; i++) {
    const t = terms[i];
    if (t.pos !== 'noun' || t.plural) continue;
    const end = compoundEnd(terms, i + 1);
    if (terms[end].pos !== 'noun' || !terms[end].plural) continue;
    const after = terms[end + 1];
    // "mark parcels as collected", "set rooms to clean": a verb that gives its objects a state.
    const statePhrase = after && (after.w === 'as' || after.w === 'to') && terms[end + 2] && (terms[end + 2].pos === 'adj' || (terms[end + 2].pos === 'verb' && /(?:ed|en)$/.test(terms[end + 2].w)));
    // "our mechanics log work entries": people, then a verb-able word, then the things it makes.
    const afterPeople = i > 0 && terms[i - 1].pos === 'noun' && terms[i - 1].plural && terms[i - 1].actor && !/[,;:]/.test(terms[i - 1].post);
    // (Asked of the tagger last: the cheap tests above rule out most words.)
    if ((statePhrase || afterPeople) && canBeVerb(t.w)) t.pos = 'verb';
  }
}

// An "-s" word the tagger took for a verb, where a noun goes (after a determiner, a preposition,
// a verb, in a list, before the verb): a plural noun ("assign tasks to staff", "Tasks belong to …").
function retagNounSlotPlurals(terms: Term[]): void {
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    if (t.pos !== 'verb' || !/[a-z]s$/.test(t.w) || NOT_PLURAL_VERBS.has(t.w) || t.w.endsWith('ss')) continue;
    const prev = terms[i - 1];
    const next = terms[i + 1];
    const nounSlot =
      (prev && (prev.pos === 'det' || prev.pos === 'adj' || prev.possessive || (prev.pos === 'prep' && prev.w !== 'to') || (prev.pos === 'verb' && !/[,;:]/.test(prev.post) && !(next && (next.pos === 'det' || next.pos === 'pron'))))) ||
      (prev && prev.pos === 'conj' && terms[i - 2]?.plural) ||
      // "Pet clinic: owners, pets, visits": an item of a comma list of plural nouns, itself ending an item.
      // (Not after a verb: "the manager reviews requests, approves or rejects them" lists verbs.)
      (prev?.pos === 'noun' && prev.plural && /,\s*$/.test(prev.post) && (!next || /[,;.]/.test(t.post) || next.pos === 'conj') && !terms.slice(0, i).some((u) => u.pos === 'verb')) ||
      (!prev && next && (next.pos === 'verb' || next.pos === 'modal')) ||
      (prev?.pos === 'noun' && !next && !prev.plural) ||
      // "log service records for a vehicle": a compound noun before a preposition.
      (prev?.pos === 'noun' && !prev.plural && next?.pos === 'prep' && next.w !== 'to' && !/[,;:]/.test(prev.post)) ||
      // "it has a number of fuel pumps, each …": a compound that ends its phrase, after the clause's verb.
      (prev?.pos === 'noun' && !prev.plural && !/[,;:]/.test(prev.post) && /[,;.]/.test(t.post) && /^(?:prep|det)$/.test(terms[i - 2]?.pos ?? '') && verbBefore(terms, i - 2)) ||
      // ("statistics related to grades, attendance and …": no verb after "to" takes an -s; "to focus", "to access" do not end so.)
      (prev?.w === 'to' && !/(?:us|is)$/.test(t.w));
    if (!nounSlot) continue;
    t.pos = 'noun';
    t.root = singularByRule(t.w);
    t.plural = t.root !== t.w;
  }
}

/** Where the noun run from `start` ends: singular nouns before another noun are its modifiers ("work entries", "leave request"). */
function compoundEnd(terms: readonly Term[], start: number): number {
  let end = start;
  while (end + 1 < terms.length && terms[end].pos === 'noun' && !terms[end].plural && terms[end + 1].pos === 'noun') end++;
  return end;
}

/** Whether a verb stands before term i in its clause (up to a comma, colon or semicolon). */
function verbBefore(terms: Term[], i: number): boolean {
  for (let k = i - 1; k >= 0 && !/[,;:.]/.test(terms[k].post); k--) if (terms[k].pos === 'verb') return true;
  return false;
}

const OBJECT_PRONOUN = /^(?:them|it|him|her|us|me)$/;
// "lock or pin threads": a noun between a coordinated verb and another noun is a verb too.
function retagCoordinatedVerbs(terms: Term[]): void {
  for (let i = 2; i + 1 < terms.length; i++) {
    const t = terms[i];
    // ("browse products and place orders": after a verb's plural object too, unless the word is
    // itself a noun of this sentence: "orders and order lines".)
    const afterObject = terms[i - 2].pos === 'noun' && terms[i - 2].plural && terms.slice(0, i - 2).some((u) => u.pos === 'verb') && !terms.some((u) => u !== t && u.pos === 'noun' && u.root === t.w);
    const afterVerbOrComma = terms[i - 2].pos === 'verb' || /,\s*$/.test(terms[i - 2].post) || afterObject;
    const runEnd = compoundEnd(terms, i + 1);
    // ("contain sensor units and valve units": the same head after the "and" makes two kinds of one thing, not a verb and its object.)
    const parallelHead = terms[runEnd].w === terms[i - 2].w;
    // "reviews requests and approves them", "grades essays and returns them": no noun takes an object
    // pronoun right after it, so the word after the "and" is the verb (the tagger read a plural).
    if (t.pos === 'noun' && terms[i - 1].pos === 'conj' && OBJECT_PRONOUN.test(terms[i + 1].w) && !/[,;:]/.test(t.post) && verbBefore(terms, i - 1) && canBeVerb(t.root)) {
      t.pos = 'verb';
      t.plural = false;
      continue;
    }
    if (t.pos === 'noun' && !t.plural && terms[i - 1].pos === 'conj' && afterVerbOrComma && !parallelHead && terms[i + 1].pos === 'noun' && terms[runEnd].plural && !/[,;:]/.test(t.post) && canBeVerb(t.w)) {
      t.pos = 'verb';
      continue;
    }
    // ("approve or reject leave requests": the object's first word read as the verb, "leave", and the verb
    // before it as a noun. A bare verb form there is the object's modifier, which retagModifiersAfterVerbs makes.)
    const next = terms[i + 1];
    const bareVerbNext = next.pos === 'verb' && next.w === next.root && !/[,;:]/.test(next.post) && terms[i + 2]?.pos === 'noun';
    if (t.pos === 'noun' && !t.plural && terms[i - 1].pos === 'conj' && terms[i - 2].pos === 'verb' && bareVerbNext && terms[compoundEnd(terms, i + 2)].plural && !/[,;:]/.test(t.post) && canBeVerb(t.w)) {
      t.pos = 'verb';
    }
  }
}

// At the start of a sentence, "X Ys" followed by a verb is a compound subject ("Order lines have
// …"); followed by a preposition or nothing, X is an instruction ("Mark parcels as collected").
function retagSentenceStart(terms: Term[]): void {
  if (terms.length >= 2 && !terms[0].plural && terms[1].pos === 'noun' && terms[1].plural && !/[:,;]/.test(terms[0].post)) {
    const next = terms[2];
    if (terms[0].pos === 'verb' && next && (next.pos === 'verb' || next.pos === 'modal') && !/[:,;]/.test(terms[1].post)) terms[0].pos = 'noun';
    else if (terms[0].pos === 'noun' && (!next || next.pos === 'prep' || next.pos === 'adv' || next.pos === 'adj') && canBeVerb(terms[0].w)) terms[0].pos = 'verb';
  }
}

// "only game masters may …", "the survey respondent can …", "passport numbers are stored": where a
// clause or a phrase opens (its start, or after an article, an adverb, a conjunction, a preposition or "our"),
// a word read as a verb right before a noun and a modal or "is/are" is the noun's modifier: the noun
// has no verb of its own before the modal, so the two are one subject ("game master", not "game").
// (Participles, "deactivated rules can …", are left to the readers of adjectives.)
const PHRASE_OPENERS = new Set<Term['pos']>(['det', 'adv', 'conj', 'prep']);

/**
 * Whether word i, read as a verb, may be a noun's modifier: no participle, and where a clause or a
 * noun phrase opens (first, after ";" or ":", or after an article, an adverb, a conjunction, a
 * preposition or a possessive such as "our"), where a verb would have no subject.
 */
export function verbAsModifier(terms: readonly Term[], i: number): boolean {
  const [t, before] = [terms[i], terms[i - 1]];
  if (t.pos !== 'verb' || /(?:ed|ing)$/.test(t.w)) return false;
  return !before || /[;:]/.test(before.post) || PHRASE_OPENERS.has(before.pos) || (before.pos === 'pron' && before.possessive);
}
function retagCompoundModifiers(terms: Term[]): void {
  for (let i = 0; i + 2 < terms.length; i++) {
    const [t, noun, after] = [terms[i], terms[i + 1], terms[i + 2]];
    if (noun.pos !== 'noun' || after.pos !== 'modal' || /[^\s]/.test(t.post + noun.post + noun.pre) || !verbAsModifier(terms, i)) continue;
    t.pos = 'noun';
    t.root = t.w;
    t.plural = false;
  }
}

// "Employees submit leave requests", "admins approve change requests": a plain verb right after a
// verb and before plural nouns names their kind (a leave request), since no verb takes another's bare
// form there - except the few that do: "help clean rooms", "let children play", "make users wait".
const BARE_VERB_TAKERS = new Set(['help', 'helps', 'helped', 'helping', 'let', 'lets', 'letting', 'make', 'makes', 'made', 'making', 'have', 'has', 'had', 'having', 'see', 'sees', 'saw', 'hear', 'hears', 'heard', 'watch', 'watches', 'watched', 'do', 'does', 'did', 'go', 'goes', 'come', 'comes', 'dare', 'dares', 'bid', 'bids']);
/** A phrasal verb's second word, which the tagger may read as a verb ("setting up automation rules"). */
const PARTICLES = new Set(['up', 'down', 'out', 'off', 'in', 'on', 'over', 'back', 'away', 'through', 'along', 'around']);
function retagModifiersAfterVerbs(terms: Term[]): void {
  for (let i = 1; i + 1 < terms.length; i++) {
    const [before, t] = [terms[i - 1], terms[i]];
    if (t.pos !== 'verb' || before.pos !== 'verb' || t.w !== t.root || /(?:ed|ing|s)$/.test(t.w) || before.root === 'be' || BARE_VERB_TAKERS.has(before.w) || PARTICLES.has(t.w) || /[^\s]/.test(before.post + t.post + t.pre)) continue;
    const end = compoundEnd(terms, i + 1);
    if (terms[end].pos !== 'noun' || !terms[end].plural) continue;
    t.pos = 'noun';
    t.plural = false;
  }
}

// "Bands book studios", "crews fly planes", "guides offer tours", "staff record deliveries",
// "mechanics record services": people (a plural, or a collective such as "staff") start the
// sentence, then a word that can be a verb read as a noun ("book", "offer", "record"), then its
// object: the people are the subject and the word after them the verb (not a compound "record
// services" that the mechanics are, nor "staff" a verb).
function retagPluralSubjectStart(terms: Term[]): void {
  const [first, second, third] = terms;
  if (!first || !second || !third || /[:,;]/.test(first.post)) return;
  const pluralVerbRead = first.pos === 'verb' && /[^su]s$/.test(first.w);
  const people = (first.pos === 'noun' && first.plural && first.actor) || COLLECTIVE_PEOPLE.has(first.w);
  if (!pluralVerbRead && !people) return;
  // (A noun-shaped word after it, "Sends reminder emails", is an instruction's object, not a verb;
  // "-er" words are verbs only when the tagger knows them as such: "offer", "order", not "manager".)
  if (second.pos !== 'noun' || second.plural || second.actor || /(?:ion|ment|ness|ity|ing|ed|al)$/.test(second.w) || (pluralVerbRead && /(?:er|or)$/.test(second.w) && !VERB_LIKE_ER.has(second.w)) || !canBeVerb(second.w)) return;
  if (third.pos !== 'noun' && third.pos !== 'det') return;
  // ("Staff room keys open doors": a verb or a modal after the object makes the words one subject.
  // The object may be a compound: "Staff book meeting rooms".)
  let objectEnd = 2;
  while (objectEnd + 1 < terms.length && terms[objectEnd].pos === 'noun' && !terms[objectEnd].plural && terms[objectEnd + 1].pos === 'noun') objectEnd++;
  const after = terms[objectEnd + 1];
  if (people && !pluralVerbRead && (third.pos !== 'noun' || !terms[objectEnd].plural || (after && (after.pos === 'verb' || after.pos === 'modal')))) return;
  first.pos = 'noun';
  first.plural = first.plural || !COLLECTIVE_PEOPLE.has(first.w);
  first.root = COLLECTIVE_PEOPLE.has(first.w) ? first.w : singularByRule(first.w);
  second.pos = 'verb';
}
/** "-er"/"-or" words that are verbs before an object (not agent nouns). */
const VERB_LIKE_ER = new Set(['offer', 'order', 'deliver', 'register', 'enter', 'answer', 'cover', 'monitor', 'transfer', 'render', 'gather', 'consider', 'filter', 'sponsor', 'tutor', 'mentor', 'referee', 'author', 'host', 'edit']);

// "Every boat has a name", "each print is signed", "each leave request has a date": a word between an
// article and the verb of the clause is its subject or its first word, a noun (the tagger reads "boat" as a verb after "every"). Only before a
// form that cannot start a verb phrase's object (is, has, belongs, must …), so "each rent a bike"
// is not read so.
const ARTICLES = new Set(['a', 'an', 'the', 'each', 'every', 'this', 'another', 'any']);
function retagSubjectsAfterArticles(terms: Term[]): void {
  for (let i = 1; i + 1 < terms.length; i++) {
    const t = terms[i];
    const next = terms[i + 1];
    // (Past the compound's first nouns: "each staff leave request has …".)
    let article = i - 1;
    while (article > 0 && terms[article].pos === 'noun' && !terms[article].plural && !/[,;:]/.test(terms[article].post)) article--;
    if (t.pos !== 'verb' || !ARTICLES.has(terms[article].w) || /(?:ed|ing)$/.test(t.w) || /[a-z]s$/.test(t.w) || /[,;:]/.test(t.post)) continue;
    // ("Each leave request has …": the word may be the first of a compound subject.)
    const subjectEnd = next.pos === 'noun' && !next.plural && !/[,;:]/.test(next.post) ? compoundEnd(terms, i + 1) : i;
    const after = terms[subjectEnd + 1];
    if (!after || terms[subjectEnd].plural || !(after.pos === 'modal' || NOT_PLURAL_VERBS.has(after.w))) continue;
    t.pos = 'noun';
    t.root = t.w;
    t.plural = false;
  }
}

// "A contact works at a company", "each employee lives in a city": after "a/each" and a singular
// noun, an "-s" word before a preposition (or at the end) cannot head that one thing's phrase; it is
// the verb ("a sports club", a plural modifier before its noun, and "each device's repairs" are left alone).
const ONE_OF = new Set(['a', 'an', 'each', 'every', 'one', 'this', 'another']);
function retagVerbsAfterOne(terms: Term[]): void {
  for (let i = 2; i < terms.length; i++) {
    const [det, noun, t, next] = [terms[i - 2], terms[i - 1], terms[i], terms[i + 1]];
    // (The tagger may read the word as a singular noun too: "works", "stops".)
    if (t.pos !== 'noun' || !/[^s]s$/.test(t.w) || !ONE_OF.has(det.w) || noun.pos !== 'noun' || noun.plural || noun.possessive || /[,;:()]/.test(noun.post + t.pre)) continue;
    if (next && next.pos !== 'prep' && next.pos !== 'adv') continue;
    const stem = t.plural ? t.root : singularByRule(t.w);
    if (stem === t.w || !canBeVerb(stem)) continue;
    t.pos = 'verb';
    t.root = stem;
    t.plural = false;
  }
}

// "open a service record (for it)": after a determiner and a noun, a word that ends the phrase
// (before a preposition, a comma or the end) is the compound's head, not a verb.
function retagCompoundHeads(terms: Term[]): void {
  for (let i = 2; i < terms.length; i++) {
    const t = terms[i];
    const next = terms[i + 1];
    if (t.pos !== 'verb' || /(?:ed|ing)$/.test(t.w) || terms[i - 1].pos !== 'noun' || terms[i - 1].plural || terms[i - 2].pos !== 'det') continue;
    if (/[,;:]/.test(terms[i - 1].post)) continue;
    if (!next || next.pos === 'prep' || /[,;:.]/.test(t.post)) {
      t.pos = 'noun';
      t.root = t.w;
    }
  }
}

// "linked to my flat.", "each single, …": a possessive or an article needs a noun, so an
// adjective that ends the phrase there is that noun.
function retagArticleAdjectives(terms: Term[]): void {
  for (let i = 1; i < terms.length; i++) {
    const t = terms[i];
    const prev = terms[i - 1];
    const next = terms[i + 1];
    if (t.pos !== 'adj' || /^(own|other|same|next|last|first|only)$/.test(t.w) || /[,;:]/.test(prev.post)) continue;
    if (!(prev.possessive || /^(a|an|each|every)$/.test(prev.w))) continue;
    if (!next || next.pos === 'prep' || next.pos === 'conj' || /[,;:.!?)]/.test(t.post)) {
      t.pos = 'noun';
      t.root = t.w;
    }
  }
}

// "needs to be stored", "ought to pay", "has got to end": a semi-modal before "to" and a verb is
// a modal like "must", never a noun (the tagger reads "invoice needs" as a compound noun).
const SEMI_MODALS = new Set(['need', 'needs', 'ought', 'has', 'have', 'got']);
function retagSemiModals(terms: Term[]): void {
  for (let i = 0; i + 2 < terms.length; i++) {
    const t = terms[i];
    const verbAfterTo = terms[i + 2].pos === 'verb' || terms[i + 2].pos === 'modal' || terms[i + 2].w === 'be';
    if (SEMI_MODALS.has(t.w) && terms[i + 1].w === 'to' && verbAfterTo && !/[,;:]/.test(t.post)) t.pos = 'modal';
  }
}

// "to" followed by a noun-only word is a preposition; "to staff" read as a verb is a noun; "assigned
// to repair jobs" names the jobs' kind (assignedWork.ts).
function retagAfterTo(terms: Term[]): void {
  for (let i = 1; i < terms.length; i++) {
    const t = terms[i];
    if (terms[i - 1].w !== 'to' || t.pos !== 'verb') continue;
    if (i === terms.length - 1 && terms[i - 2]?.pos === 'noun') t.pos = 'noun';
    const next = terms[i + 1];
    if (next?.pos === 'noun' && !/[,;:]/.test(t.post) && namesWorkKind((k) => terms[k]?.w, i, () => next.root ?? next.w)) t.pos = 'noun';
  }
}

// "dentists send us cases", "give them tickets": after an object pronoun an "-s" word is the
// thing given, a plural noun.
function retagGivenThings(terms: Term[]): void {
  for (let i = 1; i < terms.length; i++) {
    const t = terms[i];
    if (t.pos !== 'verb' || !/^(us|them|me|him|her|you)$/.test(terms[i - 1].w) || terms[i - 2]?.pos !== 'verb') continue;
    if (!/[a-z]s$/.test(t.w) || t.w.endsWith('ss') || NOT_PLURAL_VERBS.has(t.w)) continue;
    t.pos = 'noun';
    t.root = singularByRule(t.w);
    t.plural = t.root !== t.w;
  }
}

// "Zones (code, name)." read without its parentheses is one word: an "-s" verb form cannot stand
// alone (an instruction would be "zone"), so it is a plural noun. Nor is a verb followed by a
// parenthesised list ("Warehouses (name, city) send parcels").
/** Whether the bracket opening at or after term `from` holds a list (a comma inside it). */
function listInBracket(terms: Term[], from: number): boolean {
  for (let k = from; k < terms.length && k < from + 12 && terms[k].depth > 0; k++) if (/,/.test(terms[k].post) && terms[k].depth > 0) return true;
  return false;
}

function retagBeforeLists(terms: Term[]): void {
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    const alone = terms.length === 1;
    // (First in the sentence, or an item of a list: "…, walks (dog, date, walker)".)
    const listStart = i === 0 || /[,:]\s*$/.test(terms[i - 1].post) || terms[i - 1].pos === 'conj';
    const bracketNext = /\(/.test(t.post) || /\(/.test(terms[i + 1]?.pre ?? '');
    // ("members can log honey harvests (hive, date, weight)": a compound's head before a bracketed list of values.)
    const compoundBeforeList = bracketNext && /^(?:noun|adj)$/.test(terms[i - 1]?.pos ?? '') && !/[,;:]/.test(terms[i - 1]?.post ?? '') && listInBracket(terms, i + 1);
    const beforeList = (listStart && bracketNext) || compoundBeforeList;
    // ("Order (date, total, customer)": an instruction is not followed by a list in brackets either.)
    if ((alone || beforeList) && t.pos === 'verb' && !/[a-z]s$/.test(t.w)) {
      t.pos = 'noun';
      t.root = t.w;
      continue;
    }
    if (!(alone || beforeList) || t.pos !== 'verb' || !/[a-z]s$/.test(t.w) || t.w.endsWith('ss') || NOT_PLURAL_VERBS.has(t.w)) continue;
    t.pos = 'noun';
    t.root = singularByRule(t.w);
    t.plural = t.root !== t.w;
  }
}

const COUNT_WORD = /^(?:\d+|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|many|more|several|n|m)$/;

/** Length of a quantity at i ("five", "at least one", "up to 3", "exactly one", "no more than 2"), or 0. */
function quantityAt(terms: Term[], i: number): number {
  const w = (k: number) => terms[i + k]?.w ?? '';
  const lead = [['at', 'least'], ['at', 'most'], ['up', 'to'], ['no', 'more', 'than'], ['more', 'than'], ['fewer', 'than'], ['less', 'than'], ['exactly'], ['only'], ['maximum'], ['minimum'], ['max'], ['min']]
    .find((words) => words.every((word, k) => w(k) === word));
  const n = lead?.length ?? 0;
  return COUNT_WORD.test(w(n)) && terms[i + n]?.pos !== 'noun' ? n + 1 : 0;
}

/**
 * "one or more courses", "at least one and at most five accounts", "zero to many orders",
 * "1..* passengers": a quantity read as determiners and numbers, and the counted word as a
 * plural noun; "has" before it is the verb ("A customer has at least one … accounts").
 */
function quantifiers(terms: Term[]): void {
  for (let i = 0; i < terms.length; i++) {
    let end = i + quantityAt(terms, i);
    if (end === i) continue;
    // Only a compound quantity is re-read; a plain number the tagger already handles.
    let compound = end - i > 1;
    while (/^(and|or|to)$/.test(terms[end]?.w ?? '') && !/[,;:.]/.test(terms[end - 1].post)) {
      const more = quantityAt(terms, end + 1);
      if (!more) break;
      end += 1 + more;
      compound = true;
    }
    if (!compound) continue;
    for (let k = i; k < end; k++) if (terms[k].pos !== 'num') terms[k].pos = 'det';
    let noun = end;
    while (terms[noun]?.pos === 'adj' && terms[noun + 1] && !/[,;:.]/.test(terms[noun].post)) noun++;
    const counted = terms[noun];
    if (counted && counted.pos === 'verb' && /[a-z]s$/.test(counted.w) && !NOT_PLURAL_VERBS.has(counted.w)) {
      counted.pos = 'noun';
      counted.root = singularByRule(counted.w);
      counted.plural = counted.root !== counted.w;
    }
    const before = terms[i - 1];
    if (before && /^(has|have|had)$/.test(before.w) && before.pos === 'modal') {
      before.pos = 'verb';
      before.root = 'have';
    }
    i = end - 1;
  }
}

const verbCache = keptBetweenTexts(new Map<string, boolean>());
/** Whether the tagger reads the word as a verb in "they <word> them". */
function canBeVerb(word: string): boolean {
  let known = verbCache.get(word);
  if (known === undefined) {
    const doc = nlp(`they ${word} them`);
    known = (doc.json() as Array<{ terms: RawTerm[] }>)[0]?.terms[1]?.tags.includes('Verb') ?? false;
    verbCache.set(word, known);
  }
  return known;
}

/**
 * "An airline employs several pilots", "Each school consists of classrooms": after "a/each" and
 * a singular noun an "-s" word cannot be the head of that phrase, so when a determiner, a number
 * or (with no verb later) a preposition follows, it is the subject's verb, not a plural noun.
 */
function thirdPersonVerbs(terms: Term[]): void {
  for (let i = 2; i + 1 < terms.length; i++) {
    const t = terms[i];
    const prev = terms[i - 1];
    const next = terms[i + 1];
    if (t.pos !== 'noun' || t.possessive || !/[a-z]s$/.test(t.w) || t.w.endsWith('ss') || t.depth > 0) continue;
    if (prev.pos !== 'noun' || prev.plural || prev.possessive || /[,;:()]/.test(prev.post) || /[,;:()]/.test(t.post)) continue;
    let j = i - 2;
    while (j >= 0 && (terms[j].pos === 'adj' || (terms[j].pos === 'noun' && !terms[j].plural)) && !/[,;:]/.test(terms[j].post)) j--;
    const det = terms[j];
    if (!det || !/^(a|an|each|every|one|this|that|the)$/.test(det.w)) continue;
    const laterVerb = terms.slice(i + 1).some((u) => u.pos === 'verb' || u.pos === 'modal');
    const objectStarts = next.pos === 'det' || next.pos === 'num' || (next.pos === 'pron' && next.possessive) || /^(many|several|multiple|various|some|any|all)$/.test(next.w);
    if (!(objectStarts && det.w !== 'the') && !(next.w === 'of' && !laterVerb && det.w !== 'the')) continue;
    const stem = /(?:ss|x|z|ch|sh)es$/.test(t.w) ? t.w.slice(0, -2) : /[^aeiou]ies$/.test(t.w) ? `${t.w.slice(0, -3)}y` : t.w.slice(0, -1);
    if (!canBeVerb(stem)) continue;
    t.pos = 'verb';
    t.root = stem;
    t.plural = false;
  }
}

/**
 * "a customer who places orders", "every guide that leads a tour": compromise reads an -s verb
 * right after a relative pronoun as a noun (a compound "places orders"). After who (or "that"
 * following a noun), an -s word before its object is the relative clause's verb.
 */
function verbsAfterWho(terms: Term[]): void {
  for (let i = 2; i + 1 < terms.length; i++) {
    const t = terms[i];
    const prev = terms[i - 1];
    const next = terms[i + 1];
    if (t.pos !== 'noun' || t.possessive || !/[a-z]s$/.test(t.w) || t.w.endsWith('ss') || t.depth > 0 || /[,;:()]/.test(t.post)) continue;
    if (!(prev.w === 'who' || (prev.w === 'that' && terms[i - 2].pos === 'noun'))) continue;
    const objectStarts = next.pos === 'det' || next.pos === 'num' || (next.pos === 'pron' && next.possessive) || (next.pos === 'noun' && next.plural) || /^(many|several|multiple|various|some|any|all)$/.test(next.w);
    if (!objectStarts) continue;
    const stem = /(?:ss|x|z|ch|sh)es$/.test(t.w) ? t.w.slice(0, -2) : /[^aeiou]ies$/.test(t.w) ? `${t.w.slice(0, -3)}y` : t.w.slice(0, -1);
    if (!canBeVerb(stem)) continue;
    t.pos = 'verb';
    t.root = stem;
    t.plural = false;
  }
}
