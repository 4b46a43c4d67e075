// Relations between entities from phrasing: "X belongs to a Y", "each X has many Y", "Y of an X",
// "assigned to a user", "its Y", "comments on articles", "X refers to Y", and who creates what
// ("users post recipes" -> Recipe is owned by its author).
import { camelCase, pluralizeName } from '../../model/project/naming';
import { ONE_DOER_WORK, ONE_PERSON_WORK } from './assignedWork';
import { isPersonRoleWord } from './roles';
import { addRelation, findEntity, type Draft } from './draft';
import { knownNoun } from './knowledge';
import { ACTION_NOUNS, AUTHOR_VERBS, DETERMINERS, lookup, singular, verbForms, type Token } from './lexicon';
import { findMentions, type Mention } from './mentions';
import type { SentenceInfo } from './sentences';
import { RECORDING_VERBS } from './nlpRelations';
import { KIND_WORDS } from './sentenceLinks';
import { isPersonWord, transactionOf } from './nlpEvidence';
import { recordAskedAbout } from './askedRecord';
import { QUANTITY_HEADS } from './grammar';
import { pronounMayStandFor } from './pronounAgreement';

export interface OwnerIntent {
  entity: string;
  /** Role named as the creator ("organizer"), or '' for generic users. */
  role: string;
  source: number;
  /** Made by submitting it ("staff submit leave requests"): an application of one's own, even by staff. */
  submitted?: boolean;
}

// ('in' is left out: "shows a film in a venue" links the screening to both, not the film to the venue;
// 'by', 'with' and 'under' changed nothing on any corpus: the grammar's verb cue reads those.)
const PREPS: Record<string, 'cascade' | 'restrict'> = lookup({ on: 'cascade', to: 'cascade', of: 'cascade', for: 'restrict', per: 'restrict', from: 'restrict' });

function mentionAfter(mentions: Mention[], tokens: Token[], index: number): Mention | undefined {
  let i = index;
  while (i < tokens.length && (DETERMINERS.has(tokens[i].w) || tokens[i].kind === 'num' || tokens[i].w === 'exactly')) i++;
  return mentions.find((m) => m.start <= i && m.head >= i) ?? mentions.find((m) => m.start === i);
}

function subjectOf(mentions: Mention[], tokens: Token[]): Mention | undefined {
  const first = mentions[0];
  if (!first) return undefined;
  // "As a tenant, I want to report an issue": the story's role is who acts.
  if (first.entity === 'User' && tokens[0]?.w === 'as' && first.start <= 2 && /^(?:i|we)$/.test(wordAfterComma(tokens, first.head + 1))) return first;
  for (let i = 0; i < first.start; i++) if (!DETERMINERS.has(tokens[i].w) && !['registered', 'logged', 'signed', 'other', 'only'].includes(tokens[i].w)) return undefined;
  return first;
}

/** The word at k, or the one after it when k is a comma ("As a tenant, I …" and "As a tenant I …" read alike). */
function wordAfterComma(tokens: Token[], k: number): string {
  return (tokens[k]?.w === ',' ? tokens[k + 1]?.w : tokens[k]?.w) ?? '';
}

type LinkOptions = { name?: string; inverseName?: string; required?: boolean; onDelete?: 'cascade' | 'restrict' | 'setNull' };

/** One sentence as the relation cues read it. */
interface Reading {
  draft: Draft;
  id: number;
  tokens: Token[];
  words: string[];
  mentions: Mention[];
  /** Links two entities, when both are records (not User, not a kind word) and the link is new. */
  link: (from: string, to: string, options?: LinkOptions) => void;
  /** The record a run of "which …" questions is about ("rentals: which holder has which plot"). */
  asked?: Mention;
}

function readSentence(draft: Draft, sentence: SentenceInfo, roleWords: Set<string>): Reading {
  const id = sentence.id;
  const { tokens, mentions } = findMentions(draft, sentence.plain, roleWords);
  const link = (from: string, to: string, options: LinkOptions = {}) => {
    if (from === to || from === 'User' || !findEntity(draft, from) || !findEntity(draft, to)) return;
    if (KIND_WORDS.test(findEntity(draft, from)!.key) || KIND_WORDS.test(findEntity(draft, to)!.key)) return;
    if (to === 'User' && !options.name) return;
    const relation = addRelation(draft, { from, to, ...options }, id);
    if (relation) {
      draft.used.add(id);
      if (options.onDelete === 'cascade' && relation.required) relation.onDelete = 'cascade';
    }
  };
  return { draft, id, tokens, words: tokens.map((t) => t.w), mentions, link };
}

/** The last mention that ends before token i. */
function mentionBefore(r: Reading, i: number): Mention | undefined {
  return [...r.mentions].reverse().find((m) => m.head < i);
}

export function findRelations(draft: Draft, sentences: SentenceInfo[], roleWords: Set<string>): OwnerIntent[] {
  const owners: OwnerIntent[] = [];
  for (const sentence of sentences) {
    const r = readSentence(draft, sentence, roleWords);
    for (let i = 0; i < r.tokens.length; i++) {
      belongsTo(r, i);
      whichRecord(r, i);
      whichToWhich(r, i);
      hasMany(r, i);
      assignedTo(r, i);
      itsChildren(r, i);
      prepositionLink(r, i);
    }
    const subject = subjectOf(r.mentions, r.tokens);
    if (subject) {
      authoredObjects(r, subject, owners);
      if (subject.entity === 'User') userActions(r, subject, owners);
    }
  }
  return owners;
}

/**
 * The record before word i, past its own "with" phrase: "plants with a species belong to a bed" is said
 * of the plants (subjectLists.ts reads the species as their value), not of the species.
 */
function subjectBefore(r: Reading, i: number): Mention | undefined {
  const before = r.mentions.filter((m) => m.head < i);
  // ("tests can be combined on one requisition if they belong to a group": a pronoun subject is the
  // nearest record that agrees with it in number, the tests, not the requisition named last.)
  const pronoun = pronounBefore(r.words, i);
  if (pronoun) return [...before].reverse().find((m) => m.entity === 'User' || pronounMayStandFor(pronoun, m.plural, r.words[m.head] ?? ''));
  const [owner, nearest] = before.slice(-2);
  if (!nearest) return owner;
  const between = r.words.slice(owner.head + 1, nearest.start);
  return between[0] === 'with' && between.length <= 2 && nearest.head + 1 === i ? owner : nearest;
}

/** "they" or "it" as the subject of the verb at i ("they belong", "it must belong"), past modals and adverbs. */
function pronounBefore(words: string[], i: number): 'they' | 'it' | undefined {
  let k = i - 1;
  while (k >= 0 && /^(?:can|could|may|might|must|should|shall|will|would|also|only|all|always|still|both|then|now)$/.test(words[k])) k--;
  return words[k] === 'they' || words[k] === 'it' ? words[k] as 'they' | 'it' : undefined;
}

// X belongs to Y; "each order refers to exactly one product", "a representative is responsible for one country"
function belongsTo(r: Reading, i: number): void {
  const { words } = r;
  const w = words[i];
  if (((w === 'belongs' || w === 'belong') && words[i + 1] === 'to') || (/^(refers?|relates?|corresponds?)$/.test(w) && words[i + 1] === 'to') || (w === 'responsible' && words[i + 1] === 'for' && /^(is|are)$/.test(words[i - 1] ?? ''))) {
    const from = subjectBefore(r, i);
    const to = mentionAfter(r.mentions, r.tokens, i + 2);
    if (from && to) r.link(from.entity, to.entity, { required: true, onDelete: 'restrict' });
  }
}

// "recorded as box lines: which SKU and how many units", "a pick notes which shelf": a record
// that says which other record it is about refers to it.
// ("rentals: which holder has which plot": every "which" after the first asks about the same record.)
// ("each repair notes at which garage it was done": a preposition may stand between the verb and "which".)
function whichRecord(r: Reading, i: number): void {
  const { words } = r;
  const w = words[i];
  const recorded = (k: number) => RECORDING_VERBS.test(words[k] ?? '');
  if ((w === 'which' || w === 'what') && (r.asked || words[i - 1] === ':' || recorded(i - 1) || (ASKED_PLACE.test(words[i - 1] ?? '') && recorded(i - 2)))) {
    const to = recordAskedAbout(r.draft, r.tokens, i) ?? r.mentions.find((m) => m.start === i + 1)?.entity;
    r.asked ??= mentionBefore(r, i);
    if (r.asked && to && r.asked.entity !== to && r.asked.entity !== 'User') r.link(r.asked.entity, to, { required: true, onDelete: 'restrict' });
  }
}

// "keep track of what pieces are requested from which collector", "which rooms are cleaned by which
// cleaner": a question pairing two records asks for the link of each one to the other.
// (The tagger may read the participle as an adjective, so no clause carries it.)
function whichToWhich(r: Reading, i: number): void {
  const { words, mentions } = r;
  if (words[i] !== 'which' && words[i] !== 'what') return;
  const first = mentions.find((m) => m.start === i + 1);
  if (!first || !/^(?:is|are|was|were)$/.test(words[first.head + 1] ?? '') || !/(?:ed|en)$/.test(words[first.head + 2] ?? '')) return;
  const k = ASKED_PLACE.test(words[first.head + 3] ?? '') ? first.head + 4 : -1;
  if (words[k] !== 'which') return;
  const second = mentions.find((m) => m.start === k + 1);
  if (!second || second.entity === first.entity || first.entity === 'User' || second.entity === 'User') return;
  if (!second.plural) r.link(first.entity, second.entity, { required: true, onDelete: 'restrict' });
  else if (addRelation(r.draft, { kind: 'manyToMany', from: first.entity, to: second.entity }, r.id)) r.draft.used.add(r.id);
}

/** Prepositions a recorded question may start with ("at which pump", "for which customer"). */
const ASKED_PLACE = /^(at|in|on|for|from|by|to|with)$/;

// X has many Y / X contains Y
function hasMany(r: Reading, i: number): void {
  const { words } = r;
  const w = words[i];
  if (!['has', 'have', 'contains', 'contain', 'includes', 'include'].includes(w)) return;
  const quantified = ['many', 'several', 'multiple', 'some'].includes(words[i + 1]) || (words[i + 1] === 'one' && words[i + 2] === 'or');
  const from = mentionBefore(r, i);
  const skip = quantified ? (words[i + 1] === 'one' ? i + 4 : i + 2) : i + 1;
  const to = mentionAfter(r.mentions, r.tokens, skip);
  if (from && to && to.plural && (quantified || w.startsWith('contain') || w.startsWith('include'))) {
    const shared = knownNoun(findEntity(r.draft, to.entity)?.key ?? '')?.shared;
    if (shared) addRelation(r.draft, { kind: 'manyToMany', from: from.entity, to: to.entity }, r.id);
    else r.link(to.entity, from.entity, { required: true, onDelete: 'cascade' });
  }
}

// assigned to a user
// ("… and assigned to one housekeeper" shares its subject with the clause before: read by the grammar.)
function assignedTo(r: Reading, i: number): void {
  const { words } = r;
  const w = words[i];
  if ((w === 'assigned' || w === 'assign') && words[i + 1] === 'to' && words[i - 1] !== 'and') {
    const to = mentionAfter(r.mentions, r.tokens, i + 2);
    const from = mentionBefore(r, i);
    if (from && to && oneToEach(r, from, i + 2)) {
      // "A mechanic is assigned to each job": every job has its one mechanic (named after the role when it is one).
      r.link(to.entity, from.entity, { name: camelCase(from.role || from.entity), inverseName: camelCase(`assigned ${pluralizeName(to.entity)}`), required: false, onDelete: 'setNull' });
    } else if (from && to && from.entity !== 'User' && to.entity !== 'User' && from.plural && to.plural && ONE_DOER_WORK.has(singular(r.tokens[to.head]?.w ?? '')) && isPersonRoleWord(singular(r.tokens[from.head]?.w ?? ''))) {
      // "Mechanics are assigned to repairs" (people kept as records): each piece of work has the one who
      // does it, as with people who sign in below; not each mechanic one repair.
      r.link(to.entity, from.entity, { name: camelCase(from.entity), inverseName: camelCase(`assigned ${pluralizeName(to.entity)}`), required: false, onDelete: 'setNull' });
    } else if (from && to && from.entity !== 'User') {
      const inverseName = camelCase(`assigned ${pluralizeName(from.entity)}`);
      r.link(from.entity, to.entity, { name: to.entity === 'User' ? 'assignee' : camelCase(to.entity), inverseName, required: false, onDelete: 'setNull' });
    } else if (from?.entity === 'User' && from.role && from.plural && to && to.entity !== 'User' && to.plural && ONE_PERSON_WORK.has(singular(r.tokens[to.head]?.w ?? ''))) {
      // "Mechanics are assigned to repair jobs", "drivers are assigned to routes": each piece of work
      // has the one who does it, a user in that role (named after it, as "assigned to one driver" is).
      r.link(to.entity, 'User', { name: camelCase(from.role), inverseName: camelCase(`assigned ${pluralizeName(to.entity)}`), required: false, onDelete: 'setNull' });
    }
  }
}

/** "A mechanic is assigned to each job": one (a/an/one) of the subject for each or every one of the target. */
function oneToEach(r: Reading, from: Mention, targetAt: number): boolean {
  const single = (k: number) => /^(a|an|one)$/.test(r.words[k] ?? '');
  return !from.plural && /^(each|every)$/.test(r.words[targetAt] ?? '') && (single(from.start) || single(from.start - 1));
}

// its registrations / their comments
function itsChildren(r: Reading, i: number): void {
  const w = r.words[i];
  if ((w === 'its' || w === 'their') && i > 0) {
    const child = mentionAfter(r.mentions, r.tokens, i + 1);
    const parent = [...r.mentions].reverse().find((m) => m.head < i && m.entity !== child?.entity && m.entity !== 'User');
    if (child && parent && child.plural && w === 'its') r.link(child.entity, parent.entity, { required: true, onDelete: 'cascade' });
  }
}

// X on/to/for/of/per/by Y: "comments on articles"
function prepositionLink(r: Reading, i: number): void {
  const { words, tokens, mentions } = r;
  const w = words[i];
  const prep = PREPS[w];
  if (!prep || i === 0) return;
  const target = mentionAfter(mentions, tokens, i + 1);
  if (!target) return;
  const before = mentions.find((m) => m.head === i - 1);
  if (before && before.entity !== 'User' && target.entity !== 'User' && before.entity !== target.entity) {
    if (w === 'of' && !before.plural && words[before.start - 1] === 'list') return;
    // "budgets per category" links; "at most 14 rooms per shift", "one lesson per room per period" state limits.
    if (w === 'per' && (tokens[before.start - 1]?.kind === 'num' || /^(one|per)$/.test(words[before.start - 1] ?? ''))) return;
    // ("nurses are assigned to patients for each shift": after a phrase of the verb's own, "for each …" says how
    // often the verb's doing happens; it does not describe the patients. "The ticket for each flight" still does.)
    if (w === 'for' && /^(each|every)$/.test(words[i + 1] ?? '') && PREP_WORDS.test(wordBefore(r, before.start))) return;
    // ("they belong to the same group of tests", "a deck of cards": the members belong to the collection, not it to them.)
    if (w === 'of' && COLLECTIONS.test(singular(tokens[before.head]?.w ?? ''))) {
      r.link(target.entity, before.entity, { required: true, onDelete: 'restrict' });
      return;
    }
    // ("send invoices to the customers for their orders": what "their" names after people is theirs; it belongs to them,
    // not they to it. A possessive that does not agree in number is someone else's: "the trainer for their dogs", no link.
    // After a thing, "the reports of their patients", the possessor is someone else and the thing keeps its link.)
    const own = words[i + 1];
    if ((own === 'their' || own === 'its') && isPersonWord(singular(tokens[before.head]?.w ?? ''))) {
      if ((own === 'their') === before.plural) r.link(target.entity, before.entity, { required: true, onDelete: 'cascade' });
      return;
    }
    r.link(before.entity, target.entity, { required: true, onDelete: prep });
  }
}

/** Nouns that name a collection of the things after their "of". */
const COLLECTIONS = /^(?:group|set|collection|series|batch|bundle|pack|deck|pile|stack|cluster|pool|portfolio|catalogue|catalog)$/;

/** The word before token k, determiners skipped ("to the patients" -> "to"). */
function wordBefore(r: Reading, k: number): string {
  let j = k - 1;
  while (j >= 0 && DETERMINERS.has(r.words[j])) j--;
  return r.words[j] ?? '';
}

/** Prepositions whose phrase hangs on the verb before it ("assigned to patients", "moved into rooms"); not "in",
 *  "on" or "at", which may be a verb's particle ("fill in a report card for each booking" describes the card). */
const PREP_WORDS = /^(to|into|onto)$/;

/**
 * "owners register their dogs", "members keep their bikes": a verb of entering or keeping records, with
 * "their", is someone's own records as what they make is (verbs of looking, "see their grades", are not).
 */
const KEEPING_VERBS = verbForms(['register', 'list', 'keep', 'manage', 'track', 'store', 'save', 'enter', 'bring', 'catalog', 'catalogue', 'maintain', 'organize', 'organise', 'collect', 'log']);

/** "Each landlord owns several flats": what someone owns is theirs as what they make is. */
const OWNING_VERBS = /^(?:own|owns)$/;

const SUBMITTING = verbForms(['submit']);

// Subject creates objects: "patients book appointments", "users post recipes".
function authoredObjects(r: Reading, subject: Mention, owners: OwnerIntent[]): void {
  const { words, tokens, mentions } = r;
  for (let i = subject.head + 1; i < tokens.length; i++) {
    if ([':', ';', 'which', 'who', 'when', 'that', 'if', 'because'].includes(words[i])) break;
    // ("see their own orders": after a possessive, "own" is no verb.)
    if (!AUTHOR_VERBS.has(words[i]) && !(OWNING_VERBS.test(words[i]) && !/^(?:my|our|your|his|her|its|their)$/.test(words[i - 1] ?? '')) && !(KEEPING_VERBS.has(words[i]) && /^(?:their|his|her)$/.test(words[i + 1] ?? ''))) continue;
    // ("book the shared rooms": a participle after an article describes the noun; nobody makes it here.)
    if (/(?:ed|en)$/.test(words[i]) && DETERMINERS.has(words[i - 1] ?? '')) continue;
    // "members book classes": where the booking is a record, what is booked is not the member's.
    const transaction = transactionRecord(r, words[i]);
    const objects = mentions.filter((m) => m.start > i && m.start <= i + 8 && m.entity !== subject.entity && m.entity !== 'User' && (!transaction || m.entity === transaction));
    const direct = objects.filter((m) => tokens.slice(i + 1, m.start).every((t, k) => DETERMINERS.has(t.w) || t.w === ',' || t.w === 'and' || t.w === 'or' || t.kind === 'num' || mentions.some((o) => o.start <= tokens.indexOf(t) && o.head >= tokens.indexOf(t)) || /^(new|own|their|a|an)$/.test(t.w) || inQuantifier(tokens, i + 1 + k)));
    for (const object of direct.slice(0, 3)) {
      if (subject.entity === 'User') owners.push({ entity: object.entity, role: subject.role ?? '', source: r.id, submitted: SUBMITTING.has(words[i]) });
      else r.link(object.entity, subject.entity, { required: true, onDelete: 'cascade' });
    }
  }
}

/** "own a number of flats", "post any number of photos": a quantity word and its "of" say how many
 *  of the noun after them, not another thing ("the number of flats" is a count, no quantifier). */
function inQuantifier(tokens: Token[], k: number): boolean {
  const head = tokens[k].w === 'of' ? k - 1 : k;
  return QUANTITY_HEADS.has(tokens[head]?.w ?? '') && tokens[head + 1]?.w === 'of' && /^(a|an|any)$/.test(tokens[head - 1]?.w ?? '');
}

/** The record a verb's doing makes ("book" -> Booking), when the model has it. */
function transactionRecord(r: Reading, word: string): string | undefined {
  const key = transactionOf(word);
  return key ? r.draft.entities.find((e) => e.key === key)?.name : undefined;
}

// Action verbs with a user subject: "users comment on recipes", "follow other users".
function userActions(r: Reading, subject: Mention, owners: OwnerIntent[]): void {
  const { words, tokens, draft } = r;
  for (let i = subject.head + 1; i < tokens.length; i++) {
    if ([':', ';', ',', 'which', 'who', 'when', 'that', 'if', 'because', 'so', 'nobody', 'no'].includes(words[i])) break;
    const noun = ACTION_NOUNS[words[i]];
    const entity = noun ? draft.entities.find((e) => e.key === noun)?.name : undefined;
    if (entity) owners.push({ entity, role: subject.role ?? '', source: r.id });
  }
}
