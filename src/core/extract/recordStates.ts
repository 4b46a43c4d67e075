// States a record is said to reach: "it is decided whether the claim case is approved", "a booking
// can be confirmed or cancelled", "the invoice is registered as paid", "the pump is automatically
// blocked". A developer stores them: the steps of a lifecycle (approved, paid, cancelled, …) as the
// values of the record's status; a condition that comes and goes (blocked, suspended, locked) as a
// yes/no value named after it. "The admin may define a level as random", "mark a volunteer as
// inactive": what a person marks a record as is such a value too, and who may see it ("make a
// playlist public"). "A player can play a game when it is published": a pronoun stands for the
// thing the clause before named. Read after the entities are chosen, on known records only.
import { addField, type Draft, type DraftEntity, type DraftField } from './draft';
import { findMentions, recordNamedBy } from './mentions';
import { PERSON_NOUNS, singular } from './lexicon';
import { tagSentence } from './nlp';
import type { SentenceInfo } from './sentences';

/** Steps of a lifecycle, in the order they usually come (the last ones end it on the side). */
const LIFECYCLE = [
  'submitted', 'scheduled', 'received', 'reviewed', 'recommended', 'confirmed', 'approved', 'accepted', 'finalized', 'finalised', 'signed', 'processed', 'paid', 'sent', 'shipped', 'delivered',
  'returned', 'completed', 'finished', 'resolved', 'settled', 'closed', 'expired', 'terminated', 'rejected', 'refused', 'declined', 'denied', 'cancelled', 'canceled',
];
/** Conditions a record enters and leaves: each is a yes/no value of its own. */
const CONDITIONS = ['blocked', 'suspended', 'locked', 'archived', 'deactivated', 'invalidated', 'discarded', 'published', 'visited', 'verified', 'validated'];

const MODAL = String.raw`(?:(?:can|could|may|might|must|should|will|would|has to|have to|needs? to|is to|are to)\s+(?:also\s+|then\s+|first\s+|only\s+|still\s+|not\s+)*)`;
const BE = String.raw`(?:is|are|was|were|be|been|has been|have been|had been|gets?|got|becomes?)`;
const HOW = String.raw`(?:(?:not|already|automatically|temporarily|finally|simply|then|also|first|eventually|immediately|later|still|officially|marked as|registered as|set to|set as|flagged as|considered)\s+)*`;
/** "… is approved", "… needs to be confirmed", "… has been visited", "… is registered as \"paid\"": the state after the record's words. */
const STATE_AFTER_SUBJECT = String.raw`\s+${MODAL}?(?:not\s+)?${BE}\s+${HOW}"?(${[...LIFECYCLE, ...CONDITIONS].join('|')})\b(?!\s+(?:to|with|from|into|for|in|on|at)\b|\s+by\s+\d)`;
/** "the claim case is approved", "a finalized booking needs to be confirmed", "the invoice is registered as \"paid\"". */
const STATED = new RegExp(String.raw`\b(?:the|a|an|each|every|this|its|their|any|no)\s+((?:[a-z-]+\s+){0,2}?[a-z-]+)${STATE_AFTER_SUBJECT}`, 'g');
/** "Orders can be shipped or cancelled", "requests are approved": a plural record that opens the sentence, or a clause after a comma or "and". */
const PLURAL_STATED = new RegExp(String.raw`(?:^|[,;:]\s+|\b(?:and|but|then|once|when|until|after)\s+)((?:[a-z-]+\s+){0,2}?[a-z-]+s)${STATE_AFTER_SUBJECT}`, 'g');
/** ", paid or cancelled", " or rejected": more states coordinated with the one read. */
// (Each one ends the list, so the next clause's adjective is no state: "the invoice is paid, received payments are logged".)
const MORE_STATES = new RegExp(String.raw`^(?:\s*,\s*(?:or\s+|and\s+)?|\s+(?:or|and|and\/or)\s+)(?:then\s+|later\s+|finally\s+)?(${[...LIFECYCLE, ...CONDITIONS].join('|')})\b(?=\s*(?:[,.;:!]|$)|\s+(?:or|and|by|when|after|before|once|if|until|unless|automatically|only)\b)`);
/** A decision or step a person takes on a record, and the state it leaves the record in ("managers approve or reject requests"). */
// (Not the day's work, "the warehouse ships parcels", which leaves no decision to store.)
const DECIDED: Record<string, string> = { approve: 'approved', accept: 'accepted', reject: 'rejected', refuse: 'refused', decline: 'declined', deny: 'denied', cancel: 'cancelled', confirm: 'confirmed', close: 'closed', resolve: 'resolved', complete: 'completed', settle: 'settled', finalize: 'finalized', finalise: 'finalized' };
/** Where a record stands before anyone decides on it: a request is pending until approved, a booking active until cancelled, a ticket open until closed. */
const BEFORE_DECIDED: Record<string, string> = { cancelled: 'active', canceled: 'active', closed: 'open', resolved: 'open', completed: 'open', finished: 'active', expired: 'active', terminated: 'active' };
/** Steps a record may be made in: no state before them to add. */
const FIRST_STEPS = new Set(['submitted', 'scheduled', 'received']);
/** Decisions each person takes for themselves on shared things ("students complete courses", "users accept the terms"): a record's state only for what is answered or done once. */
const PER_PERSON_DECISIONS = new Set(['accepted', 'completed']);
const ANSWERED_OR_DONE_ONCE = new Set(['request', 'application', 'offer', 'proposal', 'bid', 'quote', 'quotation', 'invitation', 'submission', 'claim', 'order', 'booking', 'reservation', 'task', 'job', 'ticket', 'assignment', 'repair', 'delivery', 'project', 'case', 'issue']);
/** Words before a decision that say it is not taken ("guests cannot cancel bookings", "are not allowed to cancel"). */
const NEGATION = /^(?:not|never|cannot|can't|won't|don't|doesn't|mustn't|shouldn't|no|n't)$/;
/** Statuses this module built from states (a status the text wrote down is never merged into). */
const builtStatuses = new WeakSet<DraftField>();

/** "… a game when it is published by the admin", "… lamps so that they are verified": the record is the thing named before the pronoun. */
const PRONOUN_STATED = new RegExp(String.raw`\b(it|they)${STATE_AFTER_SUBJECT}`, 'g');

/** "define a level as random", "mark a volunteer as \"inactive\"": a person marks a record as a word the tagger checks is an adjective. */
const MARKED_AS = /\b(?:mark|marks|marked|marking|define|defines|defined|defining|flag|flags|flagged|flagging|declare|declares|declared|label|labels|labell?ed|designate|designates|designated)\s+(?:a|an|the|each|every|any|this)\s+((?:[a-z-]+\s+){0,2}?[a-z-]+)\s+as\s+"?([a-z-]+)\b/g;

/**
 * "Users can make a playlist public", "the owner can release each of these entries publicly": who
 * may see a record is a yes/no value of it, set by a person (visibility words only: "make a booking
 * online" or "keep the room clean" is no stored value).
 */
const MADE_VISIBLE = /\b(?:make|makes|made|making|set|sets|setting|release|releases|released|releasing|publish|publishes|published|publishing)\s+(?:(?:each|all|any|some|one) of (?:these|those|the|its|their|his|her) |(?:a|an|the|each|every|any|this|its|their|his|her) )((?:[a-z-]+\s+){0,2}?[a-z-]+)\s+(public|publicly|private|privately|visible|invisible|hidden)\b/g;

/** A yes/no value is named for what holds by default: "inactive" is stored as active. */
const POSITIVE: Record<string, string> = { inactive: 'active', invisible: 'visible', unpublished: 'published', deactivated: 'active', invalidated: 'validated' };

/** States that follow from other records (a period is unavailable for a teacher, a room full of bookings): nothing to store. */
const DERIVED = new Set(['available', 'unavailable', 'free', 'busy', 'full', 'empty', 'occupied', 'overdue']);

/** The states read of each record, with the sentences that say so. */
type StatesRead = Map<DraftEntity, Map<string, Set<number>>>;

function noteState(states: StatesRead, entity: DraftEntity, state: string, sentence: number): void {
  const seen = states.get(entity) ?? new Map<string, Set<number>>();
  states.set(entity, seen);
  seen.set(state, (seen.get(state) ?? new Set()).add(sentence));
}

/** Adds to each record the states the text says it reaches. */
export function applyRecordStates(draft: Draft, sentences: SentenceInfo[]): void {
  const states: StatesRead = new Map();
  const note = (recordWords: string, state: string, sentence: number, byHead = true) => {
    const entity = recordOf(draft, recordWords, byHead);
    if (entity) noteState(states, entity, state, sentence);
  };
  /** The state matched and those coordinated with it ("confirmed or cancelled"). */
  const noteAll = (recordWords: string, match: RegExpMatchArray, plain: string, sentence: number) => {
    note(recordWords, stateName(match[2]), sentence);
    let rest = plain.slice((match.index ?? 0) + match[0].length);
    for (let more = MORE_STATES.exec(rest); more; more = MORE_STATES.exec(rest)) {
      note(recordWords, stateName(more[1]), sentence);
      rest = rest.slice(more[0].length);
    }
  };
  for (const sentence of sentences) {
    if (sentence.heading) continue;
    for (const match of sentence.plain.matchAll(STATED)) noteAll(match[1], match, sentence.plain, sentence.id);
    // (A general statement of who acts, "journals are published by publishers", is no condition each one comes into.)
    for (const match of sentence.plain.matchAll(PLURAL_STATED)) {
      const byWhom = /^\s+by\b/.test(sentence.plain.slice((match.index ?? 0) + match[0].length));
      // (Negated, "bookings can not be cancelled", no state is reached.)
      const negated = /\bnot\b/.test(match[0]);
      if (!(byWhom && CONDITIONS.includes(match[2])) && !negated && pluralNoun(sentence.text, match[1])) noteAll(match[1], match, sentence.plain, sentence.id);
    }
    for (const match of sentence.plain.matchAll(PRONOUN_STATED)) {
      const thing = thingBefore(draft, sentence.plain.slice(0, match.index), match[1] === 'they');
      if (thing) note(thing, stateName(match[2]), sentence.id);
    }
    for (const match of sentence.plain.matchAll(MARKED_AS)) if (isAdjectiveAfterAs(sentence.text, match[2])) note(match[1], POSITIVE[match[2]] ?? match[2], sentence.id, false);
    for (const match of sentence.plain.matchAll(MADE_VISIBLE)) note(match[1], stateName(match[2].replace(/ly$/, '')), sentence.id);
  }
  for (const [entity, seen] of states) {
    const steps = LIFECYCLE.filter((s) => seen.has(s));
    if (steps.length) addStatus(entity, steps, [...new Set(steps.flatMap((s) => [...seen.get(s)!]))]);
    for (const [condition, ids] of seen) {
      if (LIFECYCLE.includes(condition) || entity.fields.some((f) => f.name === condition || f.enumValues?.includes(condition))) continue;
      const field = addField(entity, { words: [condition], type: 'boolean' });
      for (const id of ids) field?.sources.add(id);
    }
  }
}

/**
 * Whether the words before a state are nouns ending in a plural, as the tagger reads them ("orders",
 * "leave requests"; not "it gets", nor "unavailable products", whose state is what makes them a kind).
 */
function pluralNoun(text: string, words: string): boolean {
  const terms = tagSentence(text);
  const wanted = words.split(' ');
  const at = terms.findIndex((_, i) => wanted.every((w, k) => terms[i + k]?.w === w));
  if (at < 0) return false;
  const phrase = terms.slice(at, at + wanted.length);
  return phrase.every((t) => t.pos === 'noun') && phrase[phrase.length - 1].plural;
}

/**
 * After the rules: the states a person's decisions leave records in ("managers approve or reject
 * requests"), for a record with no status, state or lifecycle yet, or one whose status holds only
 * states read above (a status the text spells out, "new → scheduled → done", is left as written).
 */
export function applyDecidedStates(draft: Draft, sentences: SentenceInfo[]): void {
  const decided: StatesRead = new Map();
  for (const sentence of sentences) {
    if (sentence.heading) continue;
    for (const { recordWords, state } of decisionsOn(sentence)) {
      const entity = recordOf(draft, recordWords);
      if (entity) noteState(decided, entity, state, sentence.id);
    }
  }
  for (const [entity, seen] of decided) {
    // (A status, state or flag the text or the rules gave, "approval status", "cancelled: yes/no", stays as it is.)
    const status = entity.fields.find((f) => /(?:status|state|stage|phase|lifecycle)$/i.test(f.name));
    if (status && !builtStatuses.has(status) && !blankStatus(status)) continue;
    if (entity.fields.some((f) => f.type === 'boolean' && [...seen.keys()].some((state) => f.name.toLowerCase().includes(state)))) continue;
    const values = new Set([...(status?.enumValues ?? []), ...seen.keys()]);
    const sources = [...seen.values()].flatMap((ids) => [...ids]);
    addStatus(entity, LIFECYCLE.filter((s) => values.has(s)), sources);
  }
}

/**
 * "Managers approve or reject requests", "a manager approves each claim", "staff can cancel bookings":
 * the states a person's decisions leave a record in (the tagger's verbs, coordinated; the record right
 * after them). Not "approve of", nor a decision about a person ("reject applicants" is the applicant's record).
 */
function decisionsOn(sentence: SentenceInfo): Array<{ recordWords: string; state: string }> {
  const terms = tagSentence(sentence.text);
  const found: Array<{ recordWords: string; state: string }> = [];
  for (let i = 0; i < terms.length; i++) {
    if (!decision(terms[i])) continue;
    // The verbs joined with it ("confirm, reschedule or cancel appointments", "approve or edit requests"): the decisions among them.
    const states: string[] = [];
    let at = i;
    for (;;) {
      if (decision(terms[at])) states.push(DECIDED[terms[at].root]);
      const joined = /,\s*$/.test(terms[at].post) || /^(?:or|and)$/.test(terms[at + 1]?.w ?? '');
      const next = terms[at + 1]?.pos === 'conj' ? at + 2 : at + 1;
      if (!joined || terms[next]?.pos !== 'verb' || /(?:ed|ing)$/.test(terms[next].w)) break;
      at = next;
    }
    const negated = terms.slice(Math.max(0, i - 4), i).some((t) => NEGATION.test(t.w));
    i = at;
    if (negated || /[,;:.]/.test(terms[at].post)) continue;
    let start = at + 1;
    if (terms[start]?.pos === 'det' || (terms[start]?.pos === 'pron' && terms[start].possessive)) start++;
    let head = start;
    while (head + 1 < terms.length && terms[head].pos === 'noun' && !/[,;:.]/.test(terms[head].post) && terms[head + 1].pos === 'noun') head++;
    if (terms[head]?.pos !== 'noun' || terms[head].actor || PERSON_NOUNS.has(terms[head].root)) continue;
    const recordWords = terms.slice(start, head + 1).map((t) => t.w).join(' ');
    // ("Students complete courses", "users accept the terms": each for themselves, unless it answers another decision, "accept or decline the offer".)
    const alone = !states.some((state) => !PER_PERSON_DECISIONS.has(state));
    if (alone && !ANSWERED_OR_DONE_ONCE.has(terms[head].root)) continue;
    for (const state of states) found.push({ recordWords, state });
  }
  return found;
}

/** A verb of deciding, in its plain or -s form (a participle is a state already or a perfect: "removes completed todos", "have confirmed"). */
function decision(term: { pos: string; root: string; w: string } | undefined): boolean {
  return !!term && term.pos === 'verb' && !!DECIDED[term.root] && !/(?:ed|ing)$/.test(term.w);
}

/** The record the words before a state name; the head alone names the one record of its kind ("leave requests … requests can be approved"). */
// (Not for what a person marks a record as: "mark a request as done" may be a step of a status the rules write later.)
const recordOf = (draft: Draft, recordWords: string, byHead = true): DraftEntity | undefined => recordNamedBy(draft, recordWords, byHead);

/** The value a state is stored as: one spelling, named for what holds by default ("deactivated" is stored as active). */
function stateName(state: string): string {
  if (state === 'canceled') return 'cancelled';
  return POSITIVE[state] ?? state.replace(/ised$/, 'ized');
}

/**
 * The words of the thing a pronoun stands for: the one record named before it in the sentence that
 * is one in number with it ("it" a game, "they" lamps) and no person ("a player can play a game when
 * it is published" is the game's state). With two such records ("a painting leaves the museum once it
 * is verified") it could be either: nothing is read.
 */
function thingBefore(draft: Draft, before: string, plural: boolean): string | undefined {
  const { tokens, mentions } = findMentions(draft, before, new Set());
  const things = mentions.filter((m) => m.entity !== 'User' && m.plural === plural && !PERSON_NOUNS.has(singular(tokens[m.head].w)));
  if (new Set(things.map((m) => m.entity)).size !== 1) return undefined;
  const last = things[things.length - 1];
  return tokens.slice(last.start, last.head + 1).map((t) => t.w).join(' ');
}

/** Whether `word` after "as" is an adjective or participle that ends its phrase ("as random", not "as random blocks" or "as a coach"). */
function isAdjectiveAfterAs(text: string, word: string): boolean {
  const terms = tagSentence(text);
  const at = terms.findIndex((t, i) => t.w === word && terms[i - 1]?.w === 'as');
  if (at < 0 || DERIVED.has(word) || (terms[at + 1]?.pos === 'noun' && !terms[at].post.trim())) return false;
  return terms[at].pos === 'adj' || (terms[at].pos === 'verb' && /(?:ed|en)$/.test(word));
}

/**
 * "Each leave request has a status": a status written without its values, which the states read give. (Not a
 * "state", which may be an address's: "a city and a state".)
 */
function blankStatus(field: DraftField): boolean {
  return field.name === 'status' && field.type === 'string' && !field.enumValues?.length;
}

/**
 * The states become the record's status values. An assumed status gives way, and so does one written without
 * values; one the text wrote down with its values is left as written.
 */
function addStatus(entity: DraftEntity, steps: string[], sources: number[]): void {
  const status = entity.fields.find((f) => /^(?:status|state|stage|phase)$/.test(f.name));
  if (status && !blankStatus(status) && (status.type !== 'enum' || (status.sources.size && !builtStatuses.has(status)))) return;
  // A record is made before it reaches the first step read: its first value (the default) is where it stands until then.
  const values = FIRST_STEPS.has(steps[0]) ? steps : [BEFORE_DECIDED[steps[0]] ?? 'pending', ...steps];
  if (status) {
    status.type = 'enum';
    status.enumValues = values;
    status.default = values[0];
    for (const id of sources) status.sources.add(id);
    builtStatuses.add(status);
    return;
  }
  const field = addField(entity, { words: ['status'], type: 'enum', enumValues: values });
  for (const id of sources) field?.sources.add(id);
  if (field) builtStatuses.add(field);
}
