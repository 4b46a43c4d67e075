// Noun phrases and clauses over tagged words: the structure every extraction pattern reads.
// A noun phrase is determiners/adjectives followed by a run of nouns whose last noun is the
// head ("the purchase order lines" -> key "purchase order line"). A clause is a verb with the
// noun phrase before it (subject) and the noun phrases after it (objects, and objects of
// prepositions) up to the next verb or clause boundary.
import { probedWords, probeOf, tagSentence, tagSentences, type Term } from './nlp';
import { IRREGULAR_PARTICIPLE, reducedRelativeEndingIn } from './reducedRelatives';

export interface NounPhrase {
  /** Index of the first word (determiner included) and of the head noun. */
  start: number;
  head: number;
  /** Lower-case singular key: noun modifiers + the head's lemma ("fitness class"). */
  key: string;
  /** The head alone, singular ("class"). */
  headWord: string;
  plural: boolean;
  determiner?: string;
  /** Written after a possessive ("their pets", "a member's loans"). */
  possessed: boolean;
  /** Inside parentheses. */
  depth: number;
}

export interface PrepObject {
  prep: string;
  phrase: NounPhrase;
}

export interface Clause {
  subject?: NounPhrase;
  /** Verb lemma ("book"), with "can"/"must"… before it in `modal`. */
  verb: string;
  verbIndex: number;
  modal?: string;
  negated: boolean;
  passive: boolean;
  objects: NounPhrase[];
  preps: PrepObject[];
}

export interface Analysis {
  terms: Term[];
  phrases: NounPhrase[];
  clauses: Clause[];
  /** Nobody signs in, so the people the text talks about are records (customers, passengers). */
  peopleAreRecords?: boolean;
  /** The text stores accounts (a bank's) rather than signing people in with them. */
  accountsAreRecords?: boolean;
  /** Generic heads the text's structure shows are records ("a game has several levels"). */
  byStructure?: Set<string>;
}

const UNIT_WORDS = new Set(['min', 'mins', 'minute', 'minutes', 'hour', 'hours', 'h', 'hr', 'hrs', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'km', 'kg', 'm', 'cm', 'mm', 'seat', 'person', 'people', 'star']);
const BOUNDARY = /[;:.!?]|,\s*$|\s[-–—]\s*$/;
const MAX_MODIFIERS = 2;

/** Punctuation after a word ends a compound ("make, model" are two phrases). */
function breaksAfter(t: Term): boolean {
  return /[,;:.!?()[\]/]/.test(t.post);
}

function breaksBefore(t: Term): boolean {
  return /[(\[]/.test(t.pre);
}

export function nounPhrases(terms: Term[]): NounPhrase[] {
  const out: NounPhrase[] = [];
  let i = 0;
  while (i < terms.length) {
    const t = terms[i];
    if (t.pos !== 'noun' || t.possessive && /^(my|your|his|her|its|our|their)$/.test(t.w)) {
      i++;
      continue;
    }
    // A run of nouns without punctuation between them; the last one is the head.
    let end = i;
    // ("Suppose John stays …": a name in capitals is not a modifier of the lower-case noun after it.)
    while (end + 1 < terms.length && terms[end + 1].pos === 'noun' && !breaksAfter(terms[end]) && !breaksBefore(terms[end + 1]) && !terms[end].possessive && terms[end + 1].depth === t.depth && !(terms[end].capital && !terms[end + 1].capital)) end++;
    const head = terms[end];
    // ("a 30-min slot", "a 2-hour session": the unit of a number is not part of the name.)
    // (Only after a number: in "a seat category", "a day pass" the word names the thing.)
    const afterNumber = terms[i - 1]?.pos === 'num';
    const modifiers = terms.slice(Math.max(i, end - MAX_MODIFIERS), end).map((m) => m.w).filter((w) => !(afterNumber && UNIT_WORDS.has(w)));
    // Look back over adjectives and determiners for the phrase start.
    let start = i;
    let determiner: string | undefined;
    let possessed = false;
    for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
      const p = terms[j];
      if (breaksAfter(p)) break;
      // "the shortened URLs": a participle between a determiner and a noun is an adjective.
      const participle = p.pos === 'verb' && /(?:ed|en)$/.test(p.w) && (terms[j - 1]?.pos === 'det' || terms[j - 1]?.possessive);
      if (p.pos === 'adj' || p.pos === 'num' || participle) {
        start = j;
        continue;
      }
      if (p.pos === 'det') {
        start = j;
        determiner = p.w;
        break;
      }
      if (p.possessive || (p.pos === 'pron' && /^(my|your|his|her|its|our|their)$/.test(p.w))) {
        start = j;
        possessed = true;
        determiner = p.w;
        break;
      }
      break;
    }
    out.push({
      start,
      head: end,
      key: [...modifiers, head.root].join(' '),
      headWord: head.root,
      plural: head.plural,
      determiner,
      possessed,
      depth: head.depth,
    });
    i = end + 1;
  }
  return out;
}

export const QUANTITY_HEADS = new Set(['number', 'list', 'set', 'lot', 'collection', 'couple', 'series', 'range', 'variety', 'plenty', 'multitude', 'bunch', 'pair', 'group', 'maximum', 'minimum', 'total']);

const CLAUSE_WORDS = new Set(['which', 'who', 'that', 'so', 'because', 'when', 'while', 'where', 'if', 'unless', 'until', 'but', 'whereas']);

/** "took part in which sessions": "which" right after a verb's preposition asks which record; it opens no clause. */
function askingWhich(terms: Term[], i: number): boolean {
  return terms[i].w === 'which' && terms[i - 1]?.pos === 'prep' && terms[i - 2]?.pos === 'verb';
}

/** A sentence being read for clauses: its words, the phrase ending at each word, and where groups end. */
interface ClauseScan {
  terms: Term[];
  phraseAt: Map<number, NounPhrase>;
  boundaryAfter: (i: number) => boolean;
}

export function clauses(terms: Term[], phrases: NounPhrase[]): Clause[] {
  const out: Clause[] = [];
  const phraseAt = new Map(phrases.map((p) => [p.head, p]));
  const boundaryAfter = (i: number) => BOUNDARY.test(terms[i].post) || (i + 1 < terms.length && CLAUSE_WORDS.has(terms[i + 1].w) && !askingWhich(terms, i + 1));
  const scan: ClauseScan = { terms, phraseAt, boundaryAfter };
  for (let v = 0; v < terms.length; v++) {
    const t = terms[v];
    // "Each cleaning task is for one room": a copula before a preposition is the clause's verb.
    const copula = t.pos === 'modal' && /^(is|are|was|were)$/.test(t.w) && terms[v + 1]?.pos === 'prep' && !terms.slice(v + 1, v + 4).some((u) => u.pos === 'verb');
    if ((t.pos !== 'verb' && !copula && !participleTaggedNoun(terms, v)) || t.depth > 0) continue;
    const { modal, negated, passive, before } = auxiliaries(scan, v);
    // A verb right after another verb in the same group ("want to book") is the real action.
    const next = terms[v + 1];
    if (next && next.pos === 'verb' && !boundaryAfter(v) && !/(ed)$/.test(next.w)) continue;
    // "Mechanics sign in and log …", "is for one room and assigned to one housekeeper": a verb right
    // after "and" shares the previous clause's subject.
    const coordinated = before >= 0 && /^(and|or)$/.test(terms[before].w) && out.length > 0;
    const subject = coordinated ? out[out.length - 1].subject : ownSubject(scan, phrases, subjectBefore(scan, before, v), before);
    const { objects, preps } = complements(scan, v);
    out.push({ subject, verb: copula ? 'be' : t.root, verbIndex: v, modal, negated, passive, objects, preps });
  }
  return out;
}


/** ("Each class is run by one trainer": the tagger may read "run", "set", "cut" as a noun; right after "be" and before "by" it is a passive's participle.) */
function participleTaggedNoun(terms: Term[], v: number): boolean {
  return terms[v].pos === 'noun' && IRREGULAR_PARTICIPLE.test(terms[v].w) && /^(is|are|was|were|be|been)$/.test(terms[v - 1]?.w ?? '') && terms[v + 1]?.w === 'by';
}

/** Auxiliary chains before the verb at v ("can be booked", "must not exceed"); `before` is the word before the chain. */
function auxiliaries({ terms, boundaryAfter }: ClauseScan, v: number): { modal?: string; negated: boolean; passive: boolean; before: number } {
  let modal: string | undefined;
  let negated = false;
  let passive = false;
  let k = v - 1;
  while (k >= 0 && (terms[k].pos === 'modal' || terms[k].pos === 'adv' || terms[k].w === 'not' || terms[k].w === 'to') && !boundaryAfter(k)) {
    if (terms[k].w === 'not' || terms[k].w === 'never' || /n't$/.test(terms[k].w) || terms[k].w === 'cannot') negated = true;
    // ("is taught", "is held", "is paid", "is run": irregular participles too; a verb form after "be" that is no -ing form.)
    if (/^(is|are|was|were|be|been|being)$/.test(terms[k].w) && (/(ed|en|wn)$/.test(terms[v].w) || IRREGULAR_PARTICIPLE.test(terms[v].w))) passive = true;
    if (terms[k].pos === 'modal') modal ??= terms[k].w;
    k--;
  }
  return { modal, negated, passive, before: k };
}

/** The noun phrase before the verb's group (from word k back), unless a boundary, a verb or a pronoun comes first. */
function subjectBefore({ terms, phraseAt, boundaryAfter }: ClauseScan, k: number, v: number): NounPhrase | undefined {
  for (let j = k; j >= 0; j--) {
    if (boundaryAfter(j) && j < k) break;
    if (terms[j].pos === 'verb' && j < v - 1) break;
    const p = phraseAt.get(j);
    if (p && p.depth === 0) return p;
    if (terms[j].pos === 'pron' && !terms[j].possessive && /^(i|we|you|they|he|she|it|everyone|nobody|anyone|someone)$/.test(terms[j].w)) break;
  }
  return undefined;
}

/** ("Photos taken on a trip are saved": the verb's subject is the photos, not the trip the participle places them on.) */
function ownSubject({ terms }: ClauseScan, phrases: NounPhrase[], found: NounPhrase | undefined, before: number): NounPhrase | undefined {
  // (The list's last item must stand right before the verb: "a valid from date" has a preposition between.)
  return found && (reducedRelativeEndingIn(terms, phrases, found)?.noun ?? (found.head === before ? withListOwner(terms, phrases, found) : undefined) ?? found);
}

/**
 * ("Members with a name and a phone book boats", "inspections with a date belong to a hive": the
 * values a "with" list gives its noun are no subject; the noun before "with" is.) Found when the
 * phrase before the verb ends a list (phrases joined by "and" or commas) that opens with "with".
 */
function withListOwner(terms: Term[], phrases: NounPhrase[], found: NounPhrase): NounPhrase | undefined {
  let item = found;
  for (;;) {
    const before = terms[item.start - 1];
    if (!before || before.depth > 0) return undefined;
    if (before.w === 'with') {
      const owner = phrases.find((p) => p.head === item.start - 2 && p.depth === 0);
      return owner && !/[,;:]/.test(terms[owner.head].post) && opensClause(terms, owner.start) ? owner : undefined;
    }
    // (The item before: "a name and a phone", "a name, a phone".)
    const joint = before.w === 'and' ? item.start - 2 : /,/.test(before.post) ? item.start - 1 : -1;
    const previous = joint >= 0 ? phrases.find((p) => p.head === joint && p.depth === 0) : undefined;
    if (!previous || previous.start >= item.start) return undefined;
    item = previous;
  }
}

/** Whether a phrase starting at word `start` opens its clause: first, after ";" or ":", after ", and", or after "when", "if", "who" …. */
function opensClause(terms: Term[], start: number): boolean {
  const before = terms[start - 1];
  if (!before) return true;
  if (/[;:]/.test(before.post) || CLAUSE_WORDS.has(before.w)) return true;
  return /^(?:and|but)$/.test(before.w) && /,/.test(terms[start - 2]?.post ?? '');
}

/** Whether a verb (not in brackets) comes from word i on before the sentence's next ";" or ".". */
function verbAhead(terms: Term[], i: number): boolean {
  for (let k = i; k < terms.length; k++) {
    if (terms[k].pos === 'verb' && terms[k].depth === 0) return true;
    if (/[;.!?]/.test(terms[k].post)) return false;
  }
  return false;
}

/** The noun phrases after the verb at v, direct objects or objects of prepositions, up to the next verb or boundary. */
function complements({ terms, phraseAt, boundaryAfter }: ClauseScan, v: number): { objects: NounPhrase[]; preps: PrepObject[] } {
  const objects: NounPhrase[] = [];
  const preps: PrepObject[] = [];
  let prep: string | undefined;
  let countedPrep: string | undefined;
  // ("papers are published in journals, not technical reports": a phrase set off by ", not" is what the verb is not about.)
  let ruledOut = -1;
  for (let j = v + 1; j < terms.length; j++) {
    const u = terms[j];
    if (u.pos === 'verb' && u.depth === 0 && !(terms[j - 1]?.pos === 'det')) break;
    if (u.pos === 'prep') prep = u.w;
    if (u.w === 'not' && /,\s*$/.test(terms[j - 1]?.post ?? '') && !/^(?:only|just|merely|simply)$/.test(terms[j + 1]?.w ?? '')) ruledOut = j;
    const p = phraseAt.get(j);
    if (p && ruledOut >= 0 && p.start > ruledOut) {
      ruledOut = -1;
      if (boundaryAfter(j) && !/,\s*$/.test(u.post)) break;
      continue;
    }
    // "any number of customers", "a list of tags": the counted noun is the object.
    // ("the number of seats" is a count the record keeps, not seats.)
    const counted = p && QUANTITY_HEADS.has(p.headWord) && terms[p.head + 1]?.w === 'of' && p.determiner !== 'the';
    if (counted) countedPrep = prep ?? '';
    else if (p && p.depth === 0) {
      const asPrep = countedPrep !== undefined ? countedPrep : prep;
      countedPrep = undefined;
      if (asPrep) preps.push({ prep: asPrep, phrase: p });
      else objects.push(p);
    }
    if (boundaryAfter(j) && !/,\s*$/.test(u.post)) break;
    // (", and inspections belong to a hive": a comma and a conjunction before a clause of its own end the objects.)
    if (/,/.test(u.post) && /^(?:and|but)$/.test(terms[j + 1]?.w ?? '') && verbAhead(terms, j + 2)) break;
    if (u.w === 'so' || (CLAUSE_WORDS.has(u.w) && j > v + 1 && !askingWhich(terms, j))) break;
  }
  return { objects, preps };
}

/** The text clauses are read from: without its parenthesised asides. */
export function withoutAsides(text: string): string {
  // ("when (s)he is registered": the "(s)" belongs to the pronoun, it is no aside.)
  return text.replace(/\((s)\)(?=he\b)/gi, '$1').replace(/\s*\([^()]*\)/g, '');
}

/**
 * Tags the two readings of each sentence that the passes ask for (the whole sentence, and without
 * its asides for analyze), and the single words they will ask about, in one go: much cheaper than
 * one by one when the passes ask (compromise tags each sentence on its own, so the tags are the same).
 */
export function tagAhead(sentences: string[]): void {
  // The words first: correcting a sentence's tags asks for their singulars.
  tagSentences([...probedWords(sentences).map(probeOf), ...sentences.flatMap((text) => [text, withoutAsides(text)])]);
}

/**
 * Parenthesised asides ("members (name, email) book classes") confuse the tagger's reading of
 * the words around them, so clauses are read from the sentence without them; field lists read
 * the parentheses separately.
 */
export function analyze(text: string): Analysis {
  const terms = tagSentence(withoutAsides(text));
  // The passes read most sentences several times; the same tagged words give the same reading.
  let analysis = analyses.get(terms);
  if (!analysis) {
    const phrases = nounPhrases(terms);
    analysis = { terms, phrases, clauses: clauses(terms, phrases) };
    analyses.set(terms, analysis);
  }
  return analysis;
}

/** Readings by tagged words (tagSentence gives the same array for the same text while it is cached). Shared: never changed by a reader. */
const analyses = new WeakMap<Term[], Analysis>();

/**
 * The record a fragment ending just before a field list is about: its last noun phrase, skipping
 * quoted names and words that are not records ("A fitness class is something like "Spin 45"" ->
 * fitness class; "the class sessions are scheduled" -> class session).
 */
export function trailingSubject(fragment: string, allowed: (phrase: NounPhrase) => boolean): NounPhrase | undefined {
  const { terms, phrases } = analyze(fragment);
  for (let i = phrases.length - 1; i >= 0; i--) {
    const phrase = phrases[i];
    const head = terms[phrase.head];
    if (/["“”']/.test(head.pre + head.post) || /["“”]/.test(terms[phrase.start].pre)) continue;
    if (!allowed(phrase)) continue;
    // ("Photos taken on a trip have …": the list is the photos', not the trip's.)
    const relative = reducedRelativeEndingIn(terms, phrases, phrase);
    return relative && allowed(relative.noun) ? relative.noun : phrase;
  }
  return undefined;
}

/** "Staff assigned to a ward" (before "have …"): the noun a reduced relative that ends the fragment describes. */
export function reducedRelativeSubject(fragment: string): NounPhrase | undefined {
  const { terms, phrases } = analyze(fragment);
  const last = phrases[phrases.length - 1];
  return last && last.head === terms.length - 1 ? reducedRelativeEndingIn(terms, phrases, last)?.noun : undefined;
}

/** Whether the word right before the end of a fragment is a noun ("… pets (" yes, "… is fixed (" no). */
export function endsWithNoun(fragment: string): boolean {
  const terms = tagSentence(fragment);
  return terms[terms.length - 1]?.pos === 'noun';
}
