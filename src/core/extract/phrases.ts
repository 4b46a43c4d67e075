// Noun-phrase helpers over tokens: which word is a noun here, and which words before it form a
// compound name with it ("purchase orders" -> "purchase order", "order lines" -> "order line").
import { namesWorkKind } from './assignedWork';
import { knownNoun } from './knowledge';
import { lexiconTags } from './nlp';
import { COLLECTIVE_PEOPLE, CREATE_VERBS, DETERMINERS, MODALS, NON_ENTITY, PERSON_NOUNS, STAFF_ROLES, USER_WORDS, singular, isPlural, tokenize, type Token } from './lexicon';

const set = (text: string) => new Set(text.split(/\s+/).filter(Boolean));

export const FUNCTION_WORDS = set(`
  of in on at for with by to from into onto about over under between per via within without after before during through across
  against like as than up down out off upon i you he she it we they me him them us who whom what which that this there here where
  when how why is are was were be been being am has have had do does did can could will would shall should may might must cannot
  and or but nor so if then else while because also not only just very too once both either neither whether until unless
  always sometimes perhaps yes thus plus less unless towards besides afterwards news whose its his hers theirs ours yours
  etc e.g i.e eg ie vs`);

/** Third-person verbs that look like plural nouns. */
const VERBISH = set(`
  allows needs uses gives shows lets wants makes takes returns requires contains includes provides supports exposes retrieves
  means goes comes seems works looks sees gets becomes appears exists accepts responds enables ensures verifies indicates results
  represents creates adds lists records stores tracks manages starts books posts displays updates deletes removes toggles clears
  marks hides charges reoccurs refreshes dispatches triggers renders fetches selects submits sends belongs consists
  holds keeps remains follows favorites rates comments replies votes registers borrows tells asks helps lives runs sets puts
  dispatches redirects authenticates registers verifies happens describes defines conducts completes enters opens closes owns leads saves loads moves answers finds says calls
  status success access process address class business canvas bonus`);

/** Nouns that commonly start compound record names even after "and" ("and order lines"). */
const KNOWN_MODIFIERS = new Set(['order', 'purchase', 'cart', 'shopping', 'sales', 'line', 'user', 'product', 'event', 'room', 'journal', 'blog', 'time', 'expense', 'invoice', 'payment', 'delivery', 'task', 'project', 'survey', 'book', 'recurring']);

const ADJECTIVE_HEADS = set('different secure efficient friendly responsive modern seamless easy fast robust scalable social common complete valid possible able');

const MODIFIER_STOP = set(`
  new old other own single multiple specific particular previous current recent top various personal small large simple online
  short long full global basic same different open public private monthly daily weekly yearly annual registered overdue main
  existing pending following upcoming remaining matching corresponding outstanding total average available possible optional
  required unique certain given whole entire first last next star many few more most much several some any each every such
  additional extra default custom local remote secure sensitive valid invalid empty real actual original specific previously
  all both good great best free paid active inactive completed complete incomplete secure efficient friendly responsive modern seamless easy fast robust scalable social common overlapping incoming outgoing missing ongoing trending leading
  including excluding regarding concerning
  necessary relevant appropriate suitable important essential latest potential preferred desired favourite favorite typical usual`);

const ING_NOUNS = set('booking meeting listing building rating wedding recording posting offering training setting painting clothing warning drawing opening saving earning finding reading filing heading ending greeting');
const ED_NOUNS = set('feed seed need speed breed shed bed red reed hundred');
const ADJ_LIKE_NOUNS = set('table cable vegetable variable deliverable receivable payable archive objective representative initiative executive detective relative native motive incentive directive narrative alternative collective');
const LY_NOUNS = set('reply supply family assembly anomaly rally ally jelly belly bully fly july italy monopoly lily poly');

export function isNounWord(w: string): boolean {
  return /^[a-z][a-z0-9-]*$/.test(w) && w.length > 2 && !FUNCTION_WORDS.has(w) && !DETERMINERS.has(w) && !(/ly$/.test(w) && !LY_NOUNS.has(w));
}

/** Whether a word can be the head of a record name (not a participle, gerund or adjective). */
export function isHeadWord(w: string): boolean {
  if (!isNounWord(w) || MODIFIER_STOP.has(w) || ADJECTIVE_HEADS.has(w)) return false;
  if (/ed$/.test(w) && !ED_NOUNS.has(w)) return false;
  if (/(?:ible|able|ous|ful|ive)$/.test(w) && !ADJ_LIKE_NOUNS.has(w)) return false;
  if (/ing$/.test(w) && !ING_NOUNS.has(w) && !knownNoun(w)) return false;
  return true;
}

/** True when token i (a word) reads as a noun here rather than a verb. */
export function nounContext(tokens: Token[], i: number): boolean {
  const w = tokens[i].w;
  if (!isHeadWord(w)) return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  // Number agreement: "that keeps", "a loan records" are verbs.
  if (prev && isPlural(w) && ['a', 'an', 'that', 'this', 'each', 'every', 'another', 'one', 'which', 'who', 'it', 'he', 'she'].includes(prev.w)) return false;
  if (prev && ((prev.w === 'to' && !isPlural(w) && !namesWorkKind((k) => tokens[k]?.w, i, singular)) || (MODALS.has(prev.w) && prev.w !== 'and' && prev.w !== 'or' && prev.w !== 'to'))) {
    // "to a cart" style needs a determiner between, so a bare "to X" is an infinitive.
    return false;
  }
  if (next && next.kind === 'word' && ((DETERMINERS.has(next.w) && !['each', 'all', 'both', 'of'].includes(next.w)) || ['them', 'it', 'him', 'us', 'me'].includes(next.w))) return false;
  // "Staff submit refund requests": after a body of people, a verb form before a content word is their verb
  // ("the staff schedule is published" keeps its noun).
  if (next?.kind === 'word' && !FUNCTION_WORDS.has(next.w) && verbOfABody(tokens, i)) return false;
  // "… or write journal entries": a create verb after a conjunction, before a noun, is a verb.
  if (!isPlural(w) && CREATE_VERBS.has(w) && prev && ['and', 'or', ','].includes(prev.w) && next && next.kind === 'word' && isNounWord(next.w)) return false;
  if (isPlural(w) && VERBISH.has(w)) {
    // "the posts", "threads and replies" are nouns; "it posts", "a loan records" are verbs.
    if (prev && DETERMINERS.has(prev.w)) return true;
    // "and updates order statuses", ", dispatches login action": followed by a content word, it is a verb.
    if (next && next.kind === 'word' && !FUNCTION_WORDS.has(next.w)) return false;
    if (!prev || prev.kind !== 'word') return true;
    const prev2 = tokens[i - 2];
    const prevIsVerb = CREATE_VERBS.has(prev.w) && (!prev2 || prev2.kind !== 'word' || FUNCTION_WORDS.has(prev2.w) || isPlural(prev2.w));
    return (FUNCTION_WORDS.has(prev.w) && !/^(it|he|she|they|who|which|that|this|we|you|i)$/.test(prev.w)) || prevIsVerb;
  }
  // "patients book appointments": a verb form right before a plural noun is a verb.
  if (!isPlural(w) && CREATE_VERBS.has(w) && next && next.kind === 'word' && isPlural(next.w) && isNounWord(next.w) && (!prev || !DETERMINERS.has(prev.w))) {
    // "order belongs": the next word is the verb; "members borrow books": a subject comes first.
    const subjectFirst = !prev || prev.kind !== 'word' || MODALS.has(prev.w) || isPlural(prev.w) || USER_WORDS.has(prev.w);
    if (!VERBISH.has(next.w) || (subjectFirst && !DETERMINERS.has(tokens[i + 2]?.w ?? ''))) return false;
  }
  return true;
}

export interface Phrase {
  /** Index of the first token (modifier or head). */
  start: number;
  /** Index of the head noun. */
  head: number;
  /** Lower-case singular key, e.g. "purchase order". */
  key: string;
  plural: boolean;
}

/** The compound noun phrase ending at head index i (up to two noun modifiers). */
export function phraseAt(tokens: Token[], i: number): Phrase {
  const head = tokens[i].w;
  const words = [singular(head)];
  let start = i;
  // People are named by their head noun ("survey respondents" are respondents).
  const person = PERSON_NOUNS.has(words[0]) || !!STAFF_ROLES[words[0]] || USER_WORDS.has(head);
  for (let j = i - 1; j >= 0 && j >= i - 2 && !person; j--) {
    const t = tokens[j];
    if (t.kind !== 'word' || !isNounWord(t.w) || MODIFIER_STOP.has(t.w) || isPlural(t.w) || NON_ENTITY.has(t.w) || t.w.includes('-')) break;
    if (/(?:ed|ful|ous|ive|able|ible|al|ic)$/.test(t.w) && !/(?:ing)$/.test(t.w) && t.w.length > 4 && !['journal', 'hotel', 'animal', 'rental', 'medical', 'manual', 'terminal', 'material', 'portal', 'proposal', 'approval', 'arrival', 'dental', 'tutorial', 'festival', 'interval', 'capital', 'digital', 'retrieval', 'recipe', 'music', 'topic', 'clinic', 'logic', 'comic', 'graphic', 'feed', 'seed', 'need', 'shed', 'bed', 'bread'].includes(t.w)) break;
    // A creation verb right after a subject is a verb, not a modifier ("customers place orders").
    const before = tokens[j - 1];
    if (CREATE_VERBS.has(t.w) && (!before || MODALS.has(before.w) || isPlural(before.w) || before.kind === 'punct' || FUNCTION_WORDS.has(before.w) && !['has', 'have', 'with', 'of', 'for', 'on', 'per'].includes(before.w))) break;
    // After people in the plural the word is their verb ("walkers offer walks", "owners list flats";
    // "visitors parking permits" keeps its -ing modifier).
    if (before?.kind === 'word' && isPlural(before.w) && (PERSON_NOUNS.has(singular(before.w)) || /(?:ers|ors|ists|ants|ents)$/.test(before.w)) && !KNOWN_MODIFIERS.has(t.w) && !/ing$/.test(t.w)) break;
    // (So after a body of people, when the word is a verb to the lexicon: "staff submit requests", not "staff room bookings".)
    if (verbOfABody(tokens, j)) break;
    // "and pin threads": after a conjunction or modal an unknown word is a verb.
    // (Not after "assigned to": "repair jobs", assignedWork.ts.)
    if (before && MODALS.has(before.w) && !KNOWN_MODIFIERS.has(t.w) && !knownNoun(t.w) && !namesWorkKind((k) => tokens[k]?.w, j, singular)) break;
    words.unshift(t.w);
    start = j;
  }
  return { start, head: i, key: words.join(' '), plural: isPlural(head) };
}

/**
 * "Staff submit refund requests": the verb form right after a body of people that starts its clause (not
 * "each crew change request", a modifier, nor "staff leave requests have …", one subject before its verb).
 */
function verbOfABody(tokens: Token[], k: number): boolean {
  const body = tokens[k - 1];
  if (body?.kind !== 'word' || !COLLECTIVE_PEOPLE.has(body.w) || !lexiconTags(tokens[k].w).includes('Infinitive')) return false;
  const before = tokens[k - 2];
  if (before && before.kind === 'word' && !/^(?:the|our|their|all|and|or|that|who|when|then|so)$/.test(before.w)) return false;
  let end = k + 1;
  while (tokens[end]?.kind === 'word' && isNounWord(tokens[end].w) && !SUBJECT_VERBS.test(tokens[end].w)) end++;
  // (A fragment that ends with the nouns may be a subject whose verb is cut off: left as one phrase.)
  return end > k + 1 && !!tokens[end] && !SUBJECT_VERBS.test(tokens[end].w);
}
const SUBJECT_VERBS = /^(?:has|have|is|are|was|were|must|can|cannot|may|might|will|should|need|needs|include|includes|contain|contains|belong|belongs|get|gets)$/;

/** The noun phrase at the end of a fragment of text, e.g. "each purchase order" -> "purchase order". */
export function trailingPhrase(fragment: string): Phrase | undefined {
  const tokens = tokenize(fragment);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.kind !== 'word') return undefined;
    if (['also', 'only', 'always', 'then', 'now', 'still', 'usually', 'often', 'both', 'all'].includes(t.w)) continue;
    if (!isNounWord(t.w)) return undefined;
    return phraseAt(tokens, i);
  }
  return undefined;
}

/** The first noun phrase in a fragment, skipping determiners and adjectives. */
export function leadingPhrase(fragment: string): Phrase | undefined {
  const tokens = tokenize(fragment);
  let i = 0;
  while (i < tokens.length && tokens[i].kind === 'word' && (DETERMINERS.has(tokens[i].w) || MODIFIER_STOP.has(tokens[i].w))) i++;
  if (i >= tokens.length || tokens[i].kind !== 'word' || !isNounWord(tokens[i].w)) return undefined;
  // Extend to the last noun of a compound ("purchase order lines").
  let end = i;
  while (end + 1 < tokens.length && end - i < 2 && tokens[end + 1].kind === 'word' && isNounWord(tokens[end + 1].w) && (!CREATE_VERBS.has(tokens[end + 1].w) || !!knownNoun(tokens[end + 1].w)) && !VERBISH.has(tokens[end + 1].w) && !isPlural(tokens[end].w)) end++;
  return phraseAt(tokens, end);
}
