// Part-of-speech tags, lemmas and plurals from a maintained English NLP library (compromise:
// MIT, pure JS, no model download; chosen over wink-nlp for accuracy on requirement text and
// a 10x smaller bundle — see README). Everything the grammar needs about a word comes from here,
// with a few corrections for the way requirements are written (nlpCorrections.ts: plural nouns
// after verbs that the tagger reads as verbs, "to" read as a conjunction).
import { nlp, parseMany, rawTermsOf, type RawTerm } from './tagger';
import { looksPlural, singularByRule } from './lexicon';
import { correctTags } from './nlpCorrections';
import { keptBetweenTexts, remembered } from './remembered';

export type Pos = 'noun' | 'verb' | 'adj' | 'adv' | 'det' | 'prep' | 'conj' | 'modal' | 'pron' | 'num' | 'other';

export interface Term {
  /** Lower-case word as written (punctuation stripped). */
  w: string;
  /** Lower-case lemma: singular for nouns, infinitive for verbs. */
  root: string;
  pos: Pos;
  plural: boolean;
  /** "their", "my", "owner's". */
  possessive: boolean;
  /** Punctuation written before and after the word ("(", ", "). */
  pre: string;
  post: string;
  /** Parenthesis depth the word is inside. */
  depth: number;
  /** Original casing started with a capital letter (not at sentence start). */
  capital: boolean;
  /** The tagger knows it as a person noun ("mechanic", "children"). */
  actor: boolean;
}

// Room for every reading of a 100 KB text (about 1,100 sentences, two readings each) with the
// fragments and single words the passes ask about: a cache that cleared itself mid-text would
// tag the same sentences again one by one.
const MAX_CACHE = 20000;
const cache = keptBetweenTexts(new Map<string, Term[]>());

/** Texts given to the tagger so far (not found remembered): what reading ahead saves later passes, for tests and benches. */
let parsedTexts = 0;
export function textsParsed(): number {
  return parsedTexts;
}

const COPULA = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am']);

function posOf(tags: Set<string>, w: string): Pos {
  if (w === 'to') return 'prep';
  if (tags.has('Pronoun') || (tags.has('Possessive') && tags.has('Noun') && /^(my|your|his|her|its|our|their)$/.test(w))) return 'pron';
  if (tags.has('Determiner')) return 'det';
  if (tags.has('Preposition')) return 'prep';
  if (tags.has('Conjunction')) return 'conj';
  if (tags.has('Modal') || tags.has('Auxiliary') || tags.has('Copula') || COPULA.has(w)) return 'modal';
  if (tags.has('Value') || /^\d/.test(w)) return 'num';
  if (tags.has('Verb')) return 'verb';
  if (tags.has('Noun')) return 'noun';
  if (tags.has('Adjective')) return 'adj';
  if (tags.has('Adverb')) return 'adv';
  return 'other';
}

/** "dont", "cant", "doesnt", "isnt", "wont": quick notes write the negations without the apostrophe. */
const NEGATION_WITHOUT_APOSTROPHE = /\b(do|does|did|ca|wo|is|are|was|were|should|could|would|must|has|have|had)nt\b/gi;

/** "passengers dont log in" -> "passengers don't log in": the negation as the tagger and the patterns know it. */
export function restoreNegations(text: string): string {
  return text.replace(NEGATION_WITHOUT_APOSTROPHE, "$1n't");
}

const cleanings = remembered(cleanForTagging, MAX_CACHE);

/** cleanForTagging, remembered: the passes ask for the same sentences many times (nine regular expressions each). */
function cleaned(text: string): string {
  return cleanings(text);
}

/** Cleans markdown emphasis, links and code marks but keeps case (the tagger uses it). */
function cleanForTagging(text: string): string {
  const unmarked = text
    .replace(/https?:\/\/\S+/gi, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__|[*_~`]/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"');
  return restoreNegations(unmarked)
    .replace(/\s*(?:->|→|=>)\s*/g, ' → ')
    // "schedule tasks/activities": two plurals joined by a slash are alternatives, not one word.
    .replace(/\b([A-Za-z]{3,}s)\/([A-Za-z]{3,}s)\b/g, '$1 or $2')
    // "books(id, title)": a bracket glued to a word is still a bracket.
    .replace(/([A-Za-z])\(/g, '$1 (')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Tags one sentence. Results are cached by text (requirement texts repeat themselves). */
export function tagSentence(text: string): Term[] {
  const clean = cleaned(text);
  const hit = cache.get(clean);
  if (hit) return hit;
  parsedTexts++;
  const doc = nlp(clean);
  doc.compute('root');
  return remember(clean, termsOf(rawTermsOf(doc.docs)));
}

/**
 * Tags many sentences ahead of the passes that ask for them (tagSentence then finds them cached):
 * the same terms, parsed together, which costs compromise much less than one parse per sentence.
 */
export function tagSentences(texts: string[]): void {
  const missing = [...new Set(texts.map(cleaned))].filter((clean) => !cache.has(clean));
  for (let at = 0; at < missing.length; at += BATCH) {
    const batch = missing.slice(at, at + BATCH);
    parsedTexts += batch.length;
    const parsed = parseMany(batch);
    batch.forEach((clean, i) => remember(clean, termsOf(parsed[i])));
  }
}

/** Whether the text is tagged already (tagSentence will not parse it again). */
export function isTagged(text: string): boolean {
  return cache.has(cleaned(text));
}

/** Sentences parsed together: large enough to save the per-parse work, small enough to report progress between. */
const BATCH = 32;

function remember(cleaned: string, terms: Term[]): Term[] {
  if (cache.size >= MAX_CACHE) cache.clear();
  // Every caller gets this same array: frozen, so no reader can change what the next one reads
  // (a pop() here once made a text's second extraction differ from its first).
  Object.freeze(terms);
  cache.set(cleaned, terms);
  return terms;
}

/** Our terms from compromise's, corrected for the way requirements are written. */
function termsOf(raw: RawTerm[]): Term[] {
  const terms: Term[] = [];
  let depth = 0;
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i];
    const tags = new Set(r.tags);
    depth += (r.pre.match(/\(/g) ?? []).length;
    const w = (r.normal || r.text).toLowerCase().replace(/[^a-z0-9'&-]/g, '').replace(/'s$/, '');
    if (!w) {
      depth = Math.max(0, depth - (r.post.match(/\)/g) ?? []).length);
      continue;
    }
    const pos = posOf(tags, w);
    const possessive = tags.has('Possessive') || /'s$/.test(r.normal ?? '');
    let root = (r.root ?? w).toLowerCase().replace(/[^a-z0-9'&-]/g, '') || w;
    if (pos === 'noun' && !tags.has('Plural')) root = w;
    // "mechanics" is also a science; as people it is the plural of an agent noun.
    if (pos === 'noun' && !tags.has('Plural') && /[^s]s$/.test(w) && lexiconTags(w.slice(0, -1)).includes('Actor')) {
      root = w.slice(0, -1);
      tags.add('Plural');
      tags.add('Actor');
    }
    // "several Work Packages", "the Deliverables": the tagger takes a capitalised word inside a sentence
    // for a name, never a plural. Shaped like a plural (lexicon.ts looksPlural: not a name's -is, -us, -os:
    // "Paris", "Kinepolis") and no capital inside ("NodeJS"), it is the plural of a noun written in title case.
    if (pos === 'noun' && !tags.has('Plural') && i > 0 && TITLE_CASE_WORD.test(r.text) && looksPlural(w)) {
      const one = singularByRule(w);
      if (one !== w && one.length >= 3) {
        root = one;
        tags.add('Plural');
      }
    }
    terms.push({
      w,
      root,
      pos,
      plural: pos === 'noun' && tags.has('Plural') && root !== w,
      possessive,
      pre: r.pre,
      post: r.post,
      depth,
      capital: i > 0 && /^[A-Z][a-z]/.test(r.text) && !/[.!?:]\s*$/.test(raw[i - 1]?.post ?? ''),
      actor: tags.has('Actor'),
    });
    depth = Math.max(0, depth - (r.post.match(/\)/g) ?? []).length);
  }
  correctTags(terms);
  return terms;
}

/** A title-case word of five letters or more (see termsOf). */
const TITLE_CASE_WORD = /^[A-Z][a-z]{4,}$/;

/** The tags compromise's lexicon gives a word on its own, without parsing (fast). */
export function lexiconTags(word: string): string[] {
  const entry = (nlp.model() as { one: { lexicon: Record<string, string | string[] | undefined> } }).one.lexicon[word.toLowerCase()];
  return entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
}

/** How a single word is asked about: after an article, so a noun reading wins where there is one. */
export function probeOf(word: string): string {
  return `the ${word}`;
}

/**
 * The words of these sentences that the passes will ask the tagger about on their own: plurals
 * ending in -es/-us (their singulars, lexicon.ts) and words that end like person nouns
 * (rules/resolve.ts, nlpEvidence.ts). Tagged together ahead (tagAhead) they cost a fraction of one parse each.
 */
export function probedWords(sentences: string[]): string[] {
  const seen = new Set<string>();
  const words = new Set<string>();
  for (const sentence of sentences) for (const [word] of sentence.toLowerCase().matchAll(/[a-z][a-z-]{2,}/g)) {
    if (seen.has(word)) continue;
    seen.add(word);
    if (/(?:es|us)$/.test(word) || PERSON_SUFFIX.test(word)) words.add(word);
    // People are asked about by their singular ("curators" -> "curator").
    const one = word.replace(/s$/, '');
    if (one !== word && PERSON_SUFFIX.test(one)) words.add(one);
  }
  return [...words];
}

/** Endings of person nouns ("analyst", "curator", "technician"); only such words are asked of the tagger. */
export const PERSON_SUFFIX = /(?:er|or|ist|ian|ant|ent|eer|ee|ess|man|woman|ar|ive|ief|ain|ard|nt|ic)$/;

/** Lemma of a single noun ("people" -> "person", "analyses" -> "analysis"). */
export function singularNoun(word: string): string {
  const w = word.toLowerCase();
  const terms = tagSentence(probeOf(w));
  const last = terms[terms.length - 1];
  return last && last.w === w ? last.root : w;
}

/** Whether the tagger knows this word only as a verb (no noun reading): "make", "track". */
export function isVerbOnly(word: string): boolean {
  const terms = tagSentence(probeOf(word));
  return terms[terms.length - 1]?.pos === 'verb';
}

