// Finds the nouns that name stored records. Each cue adds evidence to a noun phrase; phrases with
// enough evidence become entities. Cues: field lists ("X has a, b and c"), plural objects of
// verbs like create/track/manage, known nouns (knowledge table), "each X", REST paths, verbs that
// name a row ("follow users" -> Follow), and "X tracker/app/system".
import { knownNoun } from './knowledge';
import { tagSentence } from './nlp';
import { inferType } from './types';
import { isPlural } from './lexicon';
import { genericHeadAllowed } from './lexicon';
import { ACTION_NOUNS, AUTHOR_VERBS, CREATE_VERBS, DETERMINERS, MODALS, NON_ENTITY, NOT_STORED, STAFF_ROLES, STRONG_OBJECT_VERBS, singular, tokenize, USER_WORDS, type Token } from './lexicon';
import { FUNCTION_WORDS, isHeadWord, isNounWord, nounContext, phraseAt, type Phrase } from './phrases';
import type { SentenceInfo } from './sentences';
import { compoundsDescribedIn, recordsByStructure } from './structuralRecords';
import { storyParts } from './storyBenefit';
import { madeForSomeone } from './madeThings';

export interface Candidate {
  key: string;
  score: number;
  sources: Set<number>;
  first: number;
  /** Evidence per sentence, so a sentence's contribution can be taken back. */
  bySentence: Map<number, number>;
  /** Some cue was strong on its own (field list, known noun, REST path, "each X", create verb). */
  strong: boolean;
  /** Sentences whose only evidence was a bare singular mention ("a note"). */
  mentionOnly: Set<number>;
}

/** Candidates by key; `accountsAreRecords` when the text stores accounts (a bank's) rather than signing people in;
 *  `byStructure`: generic heads the text's structure shows are records (structuralRecords.ts). */
export type Evidence = Map<string, Candidate> & { accountsAreRecords?: boolean; byStructure?: Set<string> };

export const ENTITY_THRESHOLD = 2;
const AUTH_SENSE = /\b(?:log ?in|login|sign[ -]?(?:up|in)|passwords?|accounts?|authenticat\w*|user registration|registration (?:successful|page|form|process)|registerpage)\b/;
const APP_HEADS = new Set(['app', 'application', 'system', 'tracker', 'manager', 'site', 'website', 'platform', 'scheduler', 'planner', 'service', 'tool', 'portal', 'database', 'catalog', 'catalogue']);

/** Whether a key can name an entity at all (people words map to User or roles instead). */
export function entityKeyAllowed(key: string, accountsAreRecords = false, byStructure?: Set<string>): boolean {
  const words = key.split(' ');
  const head = words[words.length - 1];
  if (!/^[a-z]/.test(key) || head.length < 3) return false;
  // A two-word name the text describes as a record ("each web portal has …", structuralRecords.ts).
  if (byStructure?.has(key) && words.length > 1 && !words.some((w) => USER_WORDS.has(w))) return true;
  if (accountsAreRecords && head === 'account') return words.every((w) => w === 'account' || !USER_WORDS.has(w));
  // A "use case" describes the software, not a row it stores ("cases" alone may well be records).
  if (head === 'case' && words[words.length - 2] === 'use') return false;
  // Staff words (owner, librarian) may be records when they have data; the caller decides.
  if ((NON_ENTITY.has(head) && !genericHeadAllowed(key) && !byStructure?.has(head)) || (USER_WORDS.has(head) && !byStructure?.has(head)) || STAFF_ROLES[head] === 'admin' || head === 'inventory') return false;
  // "savings account", "bank account" are records; a bare "account" is the user's sign-in.
  if (words.some((w) => USER_WORDS.has(w) && !byStructure?.has(w)) && !(head === 'account' && words.length > 1)) return false;
  // A price, a date, an email are fields of a record, never records of their own.
  const type = inferType(words).type;
  if (!knownNoun(key) && !['text', 'string', 'integer'].includes(type) && !(type === 'url' && words.length > 1)) return false;
  return true;
}

function dropVerbs(key: string, verbs: Set<string>): string {
  const words = key.split(' ');
  // ("Staff add products": the words up to the verb are its subject, not a modifier of "product".)
  let last = -1;
  for (let i = 0; i < words.length - 1; i++) if (verbs.has(words[i])) last = i;
  return words.slice(last + 1).join(' ');
}

/** The key without the verbs of making written in front of it ("adds note" -> "note"). */
function withoutMakingVerb(key: string): string {
  if (!key.includes(' ')) return key;
  const words = key.split(' ');
  let last = -1;
  for (let i = 0; i < words.length - 1; i++) if (makingVerbOfThird(words[i])) last = i;
  return last < 0 ? key : words.slice(last + 1).join(' ');
}

/**
 * "… ticks off rooms and adds notes": a word written as the third person of a verb of making or
 * keeping ("adds", "creates", "logs") in front of a noun is that verb, even where the tagger took it
 * for a noun: English compounds take their modifier in the singular ("note log", not "notes log").
 */
function makingVerbOfThird(word: string): boolean {
  return /[^s]s$/.test(word) && word !== 'records' && AUTHOR_VERBS.has(word) && AUTHOR_VERBS.has(word.slice(0, -1).replace(/(?:sh|ch|x|ss)e$/, (m) => m.slice(0, -1)));
}

export function addEvidence(evidence: Evidence, named: string, score: number, source: number, strong = true): void {
  const key = withoutMakingVerb(named);
  if (!entityKeyAllowed(key, evidence.accountsAreRecords, evidence.byStructure)) return;
  const existing = evidence.get(key);
  if (existing) {
    existing.strong ||= strong;
    existing.score += score;
    existing.sources.add(source);
    existing.bySentence.set(source, (existing.bySentence.get(source) ?? 0) + score);
  } else evidence.set(key, { key, score, sources: new Set([source]), first: source, bySentence: new Map([[source, score]]), strong, mentionOnly: new Set() });
}

/** Takes back everything one sentence said about a key (removeEvidence only takes back bare mentions). */
function takeBack(evidence: Evidence, key: string, source: number): void {
  const existing = evidence.get(key);
  const score = existing?.bySentence.get(source);
  if (!existing || score === undefined) return;
  existing.score -= score;
  existing.bySentence.delete(source);
  existing.sources.delete(source);
  if (!existing.sources.size) evidence.delete(key);
  else existing.first = Math.min(...existing.sources);
}

/** Takes back what one sentence said about a key (e.g. "a note" was only a field there). */
export function removeEvidence(evidence: Evidence, key: string, source: number): void {
  if (evidence.get(key)?.mentionOnly.has(source)) takeBack(evidence, key, source);
}

/** Determiners that make the noun after them one thing: a plural right after that noun is its verb. */
const ONE = new Set(['a', 'an', 'each', 'every', 'one', 'another', 'this', 'that']);

/**
 * "a screenplay comes from …", "the price of a trip depends on …": after "a/each/this" and a singular
 * noun, a word written like a plural is the verb of that noun (one thing cannot head a plural), not
 * the head of a compound ("screenplay comes").
 */
export function verbOfOne(tokens: Token[], j: number): boolean {
  const [det, noun, word] = [tokens[j - 2], tokens[j - 1], tokens[j]];
  return !!det && !!noun && !!word && ONE.has(det.w) && noun.kind === 'word' && word.kind === 'word' && isNounWord(noun.w) && !isPlural(noun.w) && /s$/.test(word.w) && isPlural(word.w);
}

/** Noun phrases named in a sentence, with the token index of each head. */
export function phrasesIn(tokens: Token[]): Phrase[] {
  const out: Phrase[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || !nounContext(tokens, i) || verbOfOne(tokens, i)) continue;
    // Skip words that modify the next noun: the compound is reported at its head.
    const next = tokens[i + 1];
    if (next && next.kind === 'word' && NON_ENTITY.has(next.w) && !knownNoun(singular(t.w))) continue;
    if (next && next.kind === 'word' && isNounWord(next.w) && nounContext(tokens, i + 1) && !t.w.endsWith('s') && !verbOfOne(tokens, i + 1)) {
      const probe = phraseAt(tokens, i + 1);
      if (probe.start <= i) continue;
    }
    out.push(phraseAt(tokens, i));
  }
  return out;
}

/** Prepositions after which "each X" says where or for what, not that X is a record. */
const PLACE_PREPOSITIONS = new Set(['on', 'in', 'at', 'of', 'for', 'per', 'to', 'from', 'with', 'by', 'into', 'onto', 'under', 'over']);

const CONTEXT_BEFORE = new Set(['of', 'on', 'for', 'with', 'by', 'per', 'in', 'from', 'about', 'and', 'or', 'has', 'have', 'manage', 'see', 'view', 'all']);

/** One sentence being scored: its tokens and phrases, and how to credit a key with it as the source. */
interface Scoring {
  sentence: SentenceInfo;
  evidence: Evidence;
  tokens: Token[];
  phrases: Phrase[];
  /** Sentences in optional sections count half. */
  weight: number;
  id: number;
  /** Keys already credited by this sentence's phrases. */
  perSentence: Set<string>;
  add: (key: string, score: number, source: number, strong?: boolean) => void;
}

function scoreSentence(sentence: SentenceInfo, evidence: Evidence, longText: boolean, manySentences: boolean): void {
  // The tagger knows which words are verbs here ("mark parcels", "clean rooms"): a compound
  // never starts with one, so such a modifier is dropped from the key.
  const verbs = new Set(tagSentence(sentence.text).filter((t) => t.pos === 'verb').map((t) => t.w));
  const add = (key: string, score: number, source: number, strong = true): void => addEvidence(evidence, dropVerbs(key, verbs), score, source, strong);
  const tokens = tokenize(sentence.plain);
  // ("The manager reviews requests": a phrase whose -s head the tagger reads as the verb is a subject and its verb, not "manager reviews".)
  const phrases = sentence.heading ? [] : phrasesIn(tokens).filter((p) => !(p.head > p.start && /[^s]s$/.test(tokens[p.head].w) && verbs.has(tokens[p.head].w)));
  const scoring: Scoring = { sentence, evidence, tokens, phrases, weight: sentence.optional ? 0.5 : 1, id: sentence.id, perSentence: new Set(), add };
  // Words inside parentheses are field or enum lists, not records ("(todo, in progress, done)").
  const depth = parenthesisDepths(tokens);
  for (const phrase of scoring.phrases) if (!(depth[phrase.head] > 0)) scorePhrase(scoring, phrase, manySentences);
  scoreBelongsTo(scoring);
  // (Right after "a", a modifier is no verb: "make a tutoring request" keeps "tutoring" whatever else the sentence does with it.)
  for (const made of madeForSomeone(tokens, scoring.phrases)) if (!(depth[made.head] > 0)) addEvidence(evidence, made.key, 2 * scoring.weight, sentence.id);
  scoreAppName(scoring, longText);
  scoreRowVerbs(scoring);
  scoreApiPaths(scoring);
}

/** How many parentheses each token stands inside. */
function parenthesisDepths(tokens: Token[]): number[] {
  const depth: number[] = [];
  let d = 0;
  for (const t of tokens) {
    if (t.w === '(') d++;
    depth.push(d);
    if (t.w === ')') d = Math.max(0, d - 1);
  }
  return depth;
}

/** A noun phrase outside parentheses: the first cue that fits credits it once per sentence. */
function scorePhrase(scoring: Scoring, phrase: Phrase, manySentences: boolean): void {
  const { tokens, perSentence, sentence, add, weight, id } = scoring;
  // "no double bookings": what must not exist is a rule, not a record.
  if (tokens[phrase.start - 1]?.w === 'no') return;
  // "the number of seats", "the amount of fuel": a count kept on a record, not the things counted.
  if (tokens[phrase.start - 1]?.w === 'of' && /^(number|amount|count|quantity|total)$/.test(tokens[phrase.start - 2]?.w ?? '') && tokens[phrase.start - 3]?.w === 'the') return;
  const { key } = phrase;
  if (!phrase.plural && !perSentence.has(key) && scoreListedSingular(scoring, phrase)) return;
  const prev = tokens[phrase.start - 1];
  const counted = !!prev && (prev.w === 'each' || prev.w === 'every');
  // "Each ticket is for a seat category": a known noun counted one by one as what the clause is
  // about is as much a record as any other ("printed on every label" only says where).
  const countedSubject = counted && !PLACE_PREPOSITIONS.has(tokens[phrase.start - 2]?.w ?? '');
  // Known nouns: once per sentence ("registration" in a sign-up sentence is about accounts).
  if (knownNoun(key) && !perSentence.has(key) && !countedSubject && !(key === 'registration' && AUTH_SENSE.test(sentence.plain))) {
    scoreKnownNoun(scoring, phrase, manySentences);
    return;
  }
  if (phrase.plural && !perSentence.has(key)) {
    scorePluralObject(scoring, phrase);
    return;
  }
  // "each expense", "every project", "list of tags", "per category"
  if (counted && !perSentence.has(key)) {
    // "For each use of the service", "at each step": counting uses, steps or times says how often,
    // not what is kept (the grammar's cues leave these words out too, nlpEvidence storable()).
    if (NOT_STORED.has(key) && !scoring.evidence.byStructure?.has(key)) return;
    add(key, 2 * weight, id);
    perSentence.add(key);
  }
}

/** A singular noun listed with plural objects of a strong verb: "add expenses, income, and …",
 *  "leave comments and a 1-5 star rating". True when it was credited. */
function scoreListedSingular(scoring: Scoring, phrase: Phrase): boolean {
  const { tokens, perSentence, add, weight, id } = scoring;
  let j = phrase.start - 1;
  while (j >= 0 && (DETERMINERS.has(tokens[j].w) || tokens[j].kind === 'num' || tokens[j].w === '-' || (tokens[j].kind === 'word' && !isNounWord(tokens[j].w) && !FUNCTION_WORDS.has(tokens[j].w)) || ['star', 'short', 'long', 'new'].includes(tokens[j].w))) j--;
  if (!tokens[j] || ![',', 'and', 'or'].includes(tokens[j].w)) return false;
  let plurals = 0;
  let k = j;
  while (k >= 0 && k > j - 10 && (tokens[k].w === ',' || tokens[k].w === 'and' || tokens[k].w === 'or' || DETERMINERS.has(tokens[k].w) || (tokens[k].kind === 'word' && isNounWord(tokens[k].w) && !CREATE_VERBS.has(tokens[k].w)))) {
    if (isPlural(tokens[k].w)) plurals++;
    k--;
  }
  if (!plurals || !tokens[k] || !STRONG_OBJECT_VERBS.has(tokens[k].w)) return false;
  add(phrase.key, 2 * weight, id);
  perSentence.add(phrase.key);
  return true;
}

/** A noun the knowledge table knows: plural counts more than a mere mention. */
function scoreKnownNoun(scoring: Scoring, phrase: Phrase, manySentences: boolean): void {
  const { evidence, perSentence, add, weight, id } = scoring;
  const { key } = phrase;
  const fresh = !evidence.get(key)?.bySentence.has(id);
  // (In a text of many sentences every common noun comes up: there the knowledge table's word
  // is weak evidence and other cues must agree.)
  // ("a history of previous ticket orders": what a list holds is kept, however many sentences the text has.)
  add(key, (phrase.plural ? (manySentences && !listedOf(scoring.tokens, phrase.start) ? 1.5 : 2) : manySentences ? 0.5 : 1) * weight, id);
  if (!phrase.plural && fresh) evidence.get(key)?.mentionOnly.add(id);
  perSentence.add(key);
}

/** Plural object of a create/manage verb, possibly in a list ("add expenses, income, and recurring costs"). */
function scorePluralObject(scoring: Scoring, phrase: Phrase): void {
  const { tokens, perSentence, add, weight, id } = scoring;
  const { key } = phrase;
  const prev = tokens[phrase.start - 1];
  let j = phrase.start - 1;
  while (
    j >= 0 &&
    (DETERMINERS.has(tokens[j].w) || tokens[j].w === ',' || tokens[j].w === 'and' || tokens[j].w === 'or' ||
      // Another noun of the same list; a word followed by a determiner is a verb ("access their").
      (tokens[j].kind === 'word' && isNounWord(tokens[j].w) && !CREATE_VERBS.has(tokens[j].w) && j >= phrase.start - 6 && !DETERMINERS.has(tokens[j + 1]?.w ?? '')))
  ) j--;
  const verb = tokens[j];
  if (listedOf(tokens, phrase.start)) add(key, 2 * weight, id);
  else if (verb && STRONG_OBJECT_VERBS.has(verb.w)) add(key, 2 * weight, id);
  else if (verb && CREATE_VERBS.has(verb.w)) add(key, 1 * weight, id, false);
  else if (prev && (DETERMINERS.has(prev.w) || CONTEXT_BEFORE.has(prev.w) || prev.kind === 'num' || prev.w === ',' || prev.w === '(')) add(key, 1 * weight, id, false);
  else if (phrase.start === 0) add(key, 1 * weight, id, false);
  perSentence.add(key);
}

/** Words that name a list of the things after "of". */
const LIST_WORDS = new Set(['list', 'lists', 'history', 'collection', 'catalog', 'catalogue']);

/** "a list of tags", "a history of previous ticket orders", "the list of all open tasks": the phrase at
 *  `start` is what a list holds (articles and adjectives between "of" and the phrase are skipped). */
function listedOf(tokens: Token[], start: number): boolean {
  let i = start - 1;
  while (i >= start - 3 && tokens[i]?.kind === 'word' && tokens[i].w !== 'of' && (DETERMINERS.has(tokens[i].w) || (isNounWord(tokens[i].w) && !isHeadWord(tokens[i].w)))) i--;
  return tokens[i]?.w === 'of' && LIST_WORDS.has(tokens[i - 1]?.w ?? '');
}

/** "X belongs to Y": both are records. */
function scoreBelongsTo({ tokens, phrases, add, weight, id }: Scoring): void {
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (!/^belongs?$/.test(tokens[i].w) || tokens[i + 1].w !== 'to') continue;
    const before = phrases.filter((p) => p.head < i).pop();
    const after = phrases.find((p) => p.start > i + 1);
    if (before && before.head >= i - 1) add(before.key, 2 * weight, id);
    if (after && after.start <= i + 4) add(after.key, 2 * weight, id);
  }
}

/** "expense tracker", "task manager", "reservation system", "recipe sharing site" */
function scoreAppName({ tokens, sentence, add, weight, id }: Scoring, longText: boolean): void {
  for (let i = 1; i < tokens.length; i++) {
    if (!APP_HEADS.has(tokens[i].w) || namesAPerson(tokens, i)) continue;
    for (let j = i - 1; j >= Math.max(0, i - 2); j--) {
      const w = tokens[j].w;
      if (tokens[j].kind !== 'word' || !isNounWord(w)) break;
      if (w.endsWith('ing')) continue;
      // Not adjectives ("social blogging site"), tool nouns ("url shortener") or names ("Instagram app").
      // Nor abstract nouns, which name what the app is about, not things it keeps ("fitness tracker", "wellness app").
      if (!isHeadWord(w) || /(?:al|ic|ful|ous|ive|able|ible|er|or|ness|ism)$/.test(w) || w.includes('-')) break;
      if (new RegExp(`[^.!?]\\s${w[0].toUpperCase()}${w.slice(1)}\\b`).test(sentence.text)) break;
      // In a longer text the app's name is a title: "a bug tracker" needs the bugs named again.
      add(singular(w), (longText ? 1 : 2) * weight, id, !longText);
      break;
    }
  }
}

/**
 * "As a kitchen manager, I want …", "the event planner signs in": an app word that can name a
 * person ("manager", "planner") names the narrator of a user story, or someone signing in, not the app.
 */
function namesAPerson(tokens: Token[], i: number): boolean {
  const narrator = tokens[0]?.w === 'as' && i <= 4 && tokens.slice(1, i).every((t) => t.kind === 'word') && (tokens[i + 1]?.w === ',' || tokens[i + 1]?.w === 'i');
  const signsIn = /^(?:signs?|logs?)$/.test(tokens[i + 1]?.w ?? '') && /^(?:in|on|up)$/.test(tokens[i + 2]?.w ?? '');
  return narrator || signsIn;
}

/** Verbs that name a row: "follow other users", "favorite articles", "vote on items". */
function scoreRowVerbs({ tokens, sentence, add, weight, id }: Scoring): void {
  for (let i = 0; i < tokens.length && !sentence.heading; i++) {
    const w = tokens[i].w;
    const noun = ACTION_NOUNS[w];
    // ("Cooks can comment on a recipe": the comments they write are kept.)
    const writes = w === 'comment' && tokens[i + 1]?.w === 'on';
    if (noun && OPINION_VERBS.has(w) && opinionWithoutObject(tokens, i)) {
      add(noun, 2 * weight, id);
      continue;
    }
    if (!noun || (!writes && !['follow', 'favorite', 'favourite', 'vote', 'bookmark', 'rate'].includes(w))) continue;
    const prev = tokens[i - 1];
    if ((i === 0 || (prev && (MODALS.has(prev.w) || prev.w === ','))) && (writes || rowVerbObject(tokens, i))) add(noun, 2 * weight, id);
  }
}

/** Verbs whose doing leaves an opinion the app keeps, with or without an object named. */
const OPINION_VERBS = new Set(['rate', 'comment', 'review', 'vote', 'reply', 'like']);
/** Words after which a verb has no object: the clause or the list of verbs ends. */
const NO_OBJECT_AFTER = new Set([',', '.', ';', '!', ')', 'and', 'or', 'on', 'about']);
const ALLOWING = new Set(['can', 'could', 'may', 'will', 'should', 'must', 'to', 'also']);

/**
 * "others can rate and comment", "visitors may vote": an opinion verb the app allows, with no object
 * (the thing rated is named before), makes its record (Rating, Comment); a verb joined to such a verb
 * ("rate and comment") too. Not "a score and comment", where the word is a noun of a list.
 */
function opinionWithoutObject(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (next && !NO_OBJECT_AFTER.has(next.w)) return false;
  const prev = tokens[i - 1]?.w ?? '';
  if (ALLOWING.has(prev)) return true;
  // ("rate and comment": the verb before "and" is itself allowed by the modal.)
  return (prev === 'and' || prev === 'or') && !!ACTION_NOUNS[tokens[i - 2]?.w ?? ''] && ALLOWING.has(tokens[i - 3]?.w ?? '');
}

/** A row verb acts on people or on many things ("follow other users", "vote on items", "rate a
 *  recipe"), not on one thing of someone's ("follow the customer's file"), nothing ("rules they
 *  have to follow") or a pronoun ("follow me"). */
function rowVerbObject(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (!next || next.kind !== 'word') return false;
  if (['on', 'for', 'other', 'each', 'a', 'an', 'any', 'every'].includes(next.w)) return true;
  const noun = DETERMINERS.has(next.w) ? tokens[i + 2] : next;
  // ("the client's case": a possessive names whose thing it is, not what is followed.)
  return !!noun && noun.kind === 'word' && /^[a-z-]+$/.test(noun.w) && (isPlural(noun.w) || USER_WORDS.has(noun.w)) && tokens[i + (noun === next ? 2 : 3)]?.kind !== 'punct';
}

/** REST collections: /recipes/{id}/comments, /api/articles/:slug */
function scoreApiPaths({ sentence, add, weight, id }: Scoring): void {
  const apiContext = /\b(?:endpoints?|api|GET|POST|PUT|PATCH|DELETE|requests?)\b/.test(sentence.text);
  for (const match of apiContext ? sentence.text.matchAll(/\/([a-z][a-z_-]*[a-z])(?=\/[:{]|\/?[`'"\s)]|\/?$)/gi) : []) {
    const segment = match[1].toLowerCase();
    if (segment.endsWith('s') && !['api', 'users'].includes(segment)) add(singular(segment.replace(/[-_]/g, ' ').split(' ').pop() ?? ''), 2 * weight, id);
  }
}

export function collectEvidence(sentences: SentenceInfo[], accountsAreRecords = false, peopleAreRecords = false): Evidence {
  const evidence: Evidence = Object.assign(new Map<string, Candidate>(), { accountsAreRecords, byStructure: recordsByStructure(sentences, peopleAreRecords) });
  const count = sentences.filter((s) => !s.heading).length;
  for (const sentence of sentences) {
    for (const part of storyParts(sentence)) scoreSentence(part, evidence, count > 3, count > 10);
    if (!sentence.heading) for (const key of compoundsDescribedIn(sentence.plain)) if (!evidence.get(key)?.bySentence.has(sentence.id)) addEvidence(evidence, key, ENTITY_THRESHOLD * (sentence.optional ? 0.5 : 1), sentence.id);
    const valued = valuesStated(sentence.plain);
    if (valued) takeBack(evidence, valued, sentence.id);
  }
  return evidence;
}

/** "Ratings are between 100 and 3000", "scores range from 0 to 20", "prices must be positive": the plural
 *  subject of a statement about values names a value (a field), not records of its own. */
const VALUES_STATED = /^(?:the |all |their |its )?([a-z]+(?: [a-z]+)?)s (?:are|must be|should be|have to be|can only be|range|go|lie) (?:always |only )?(?:between|from|positive|non-negative|at least|at most|under|over|below|above|greater|less|more than|no more|no less) ?/;

function valuesStated(plain: string): string | undefined {
  return VALUES_STATED.exec(plain)?.[1];
}
