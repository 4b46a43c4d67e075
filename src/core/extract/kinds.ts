// Kinds of a record ("inheritance"), read as single-table inheritance: the parent record gets an
// enum field (`type`, or `kind`/`category` when `type` is taken) whose values are the kinds.
//   "There are two types of accounts: current accounts and savings accounts."  Account.type = current | savings
//   "An employee is either a pilot or a flight attendant."                    Employee.type = pilot | flight_attendant
//   "Rooms can be single, double or suites."                                  Room.type = single | double | suite
//   "Cars, vans and trucks are types of vehicles." / "A van is a kind of vehicle."
//   "Pilots and attendants are employees." (plain form: only when the parent is named elsewhere too)
//   "Current accounts also have an overdraft limit."  -> an optional field of Account.
// A value drops the parent's head noun ("savings accounts" -> savings) and is singular.
//
// Decision (measured on dev, holdout, combined and requirements): a kind does not become a record
// of its own. Its fields become optional fields of the parent. A kind the rest of the text made a
// record is folded into the parent too, UNLESS it has relations of its own (other than to the
// parent or to users): then it stays a record (a pilot who flies aircraft), and the parent still
// lists it in its enum, so the kinds are complete in one place. An is-a link between a kind and
// its parent is never a relation (it is the enum). Measured against folding every kind and against
// keeping every kind that became a record: the three score the same within one class on all four
// corpora, so the rule is chosen for the model it gives (one table, plus the kinds others point to).
import { addEvidence, ENTITY_THRESHOLD, type Evidence } from './entities';
import type { FieldList } from './fields';
import { DETERMINERS, ENUM_HEADS, singular, USER_WORDS } from './lexicon';
import { tagSentence } from './nlp';
import type { SentenceInfo } from './sentences';
import { guarded } from './guardedRegExp';

export interface Subtype {
  /** Singular key of the kind's noun phrase ("savings account", "pilot"). */
  key: string;
  /** Enum value ("savings", "pilot", "flight_attendant"). */
  value: string;
}

export interface KindStatement {
  source: number;
  /** Singular key of the parent ("account", "scientific article"). */
  parent: string;
  subtypes: Subtype[];
  /** Plain "A and B are Xs": taken only when X is named in another sentence too. */
  weak?: boolean;
}

const QUANTITY = /^(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|various|different|distinct|main|basic|exactly|only|following|special|specific|so-called|separate|possible|certain)$/;
const LIST_SPLIT = /\s*(?:,\s*(?:and|or)\s+|,\s*|\s+(?:and|or)\s+|\s*\/\s*)\s*/;
const MAX_WORDS = 4;

/** "two basic types of accounts" -> ["account"]; undefined when the fragment is not a short noun phrase. */
function nounWords(fragment: string, item = false): string[] | undefined {
  const words = fragment
    .replace(/\([^()]*\)/g, ' ')
    .replace(/[^a-z0-9\s'-]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  while (words.length > (item ? 1 : 0) && (DETERMINERS.has(words[0]) || (!item && QUANTITY.test(words[0])) || /^(?:either|both|\d+)$/.test(words[0]))) words.shift();
  if (!words.length || words.length > MAX_WORDS) return undefined;
  if (words.some((w) => /^(?:is|are|be|can|may|must|will|which|that|who|whose|with|of|for|in|on|at|by|to|from|as|also|not|its|their|he|she|they|it|we|you|i|his|her)$/.test(w))) return undefined;
  words[words.length - 1] = singular(words[words.length - 1]);
  return words;
}

/** Parts of speech of a sentence's words, as the tagger reads them in context. */
type PosOf = (word: string) => string | undefined;

function posLookup(text: string): PosOf {
  const pos = new Map<string, string>();
  for (const t of tagSentence(text)) {
    // A word read as a noun anywhere in the sentence is a noun ("rounds" of "solo rounds").
    for (const w of [t.w, t.root]) if (w && pos.get(w) !== 'noun') pos.set(w, t.pos);
  }
  return (word) => pos.get(word);
}

/** Each item's head is a noun (or, in lists of kinds, an adjective), and no item holds a verb of the clause. */
function itemsAreKinds(items: string[][], posOf: PosOf, allowAdjectives: boolean): boolean {
  let nouns = 0;
  for (const words of items) {
    const last = words[words.length - 1];
    // "shapes, objects or opponents": a plural in a list of kinds is a noun even when tagged a verb.
    const written = ['s', 'es'].map((e) => posOf(`${last}${e}`)).find((p) => p !== undefined);
    const head = written === 'verb' ? 'noun' : posOf(last) ?? written;
    if (words.some((w) => ['modal', 'pron', 'prep'].includes(posOf(w) ?? ''))) return false;
    if (head === 'noun') nouns++;
    else if (!(allowAdjectives && head === 'adj')) return false;
  }
  return nouns > 0;
}

/** The enum value of a kind under its parent: the parent's head dropped, words joined by "_". */
export function kindValue(kind: string[], parent: string[]): string | undefined {
  let words = [...kind];
  const head = parent[parent.length - 1];
  if (words.length > 1 && words[words.length - 1] === head) {
    words = words.slice(0, -1);
    // "business account" under "user account": drop the parent's other words too when repeated.
    while (words.length > 1 && parent.includes(words[words.length - 1])) words = words.slice(0, -1);
  }
  const value = words.join('_').replace(/[^a-z0-9_]/g, '_').replace(/_+/g, '_').replace(/^_|_$/g, '');
  return /^[a-z][a-z0-9_]{0,62}$/.test(value) ? value : undefined;
}

function statement(source: number, posOf: PosOf, parentText: string, itemTexts: string[], allowAdjectives: boolean, weak = false): KindStatement | undefined {
  const parent = nounWords(parentText);
  if (!parent || ENUM_HEADS.has(parent[parent.length - 1])) return undefined;
  const items = itemTexts.map((i) => i.trim()).filter(Boolean);
  if (!items.length || items.length > 12) return undefined;
  const kinds = items.map((i) => nounWords(i, true));
  if (kinds.some((k) => !k)) return undefined;
  if (!itemsAreKinds(kinds as string[][], posOf, allowAdjectives)) return undefined;
  const subtypes: Subtype[] = [];
  for (const kind of kinds as string[][]) {
    const value = kindValue(kind, parent);
    if (!value || subtypes.some((s) => s.value === value)) continue;
    // An adjective kind ("double") of rooms is the record "double room".
    const key = kind.length === 1 && kind[0] !== parent[parent.length - 1] && posOf(kind[0]) === 'adj' ? `${kind[0]} ${parent.join(' ')}` : kind.join(' ');
    if (key === parent.join(' ')) return undefined;
    subtypes.push({ key, value });
  }
  if (!subtypes.length) return undefined;
  return { source, parent: parent.join(' '), subtypes, ...(weak ? { weak } : {}) };
}

const splitList = (text: string): string[] => text.replace(/\.$/, '').split(LIST_SPLIT);
/** "the regular users who buy music, and the business users who upload it": each kind named, then what it does. */
const namedKinds = (text: string): string[] => splitList(text).map((item) => item.replace(/\s+(?:who|which|that|whose)\s.*$/, ''));

/** Reads one sentence for the kinds of a record it names (see the header for the forms). */
export function findKinds(sentence: SentenceInfo): KindStatement | undefined {
  if (sentence.heading) return undefined;
  const plain = sentence.plain
    .replace(/\((?:e\.g\.?|i\.e\.?|eg|ie)[^()]*\)/g, ' ')
    .replace(/^(?:in addition|also|furthermore|moreover|finally|however|note that|besides)\s*,?\s*/, '')
    .replace(/\s+/g, ' ')
    .replace(/[.!;]\s*$/, '');
  let tagged: PosOf | undefined;
  const posOf: PosOf = (word) => (tagged ??= posLookup(sentence.text.toLowerCase()))(word);
  const read: ReadKinds = (parent, items, allowAdjectives, weak = false) => statement(sentence.id, posOf, parent, items, allowAdjectives, weak);
  for (const form of KIND_FORMS) {
    const found = form(plain, read);
    if (found) return found === NO_KINDS ? undefined : found;
  }
  return undefined;
}

type ReadKinds = (parentText: string, itemTexts: string[], allowAdjectives: boolean, weak?: boolean) => KindStatement | undefined;
/** A form that matched settles the sentence without kinds: the later forms are not tried. */
const NO_KINDS = 'no kinds';
/** One way of writing kinds: what it reads, NO_KINDS, or undefined to try the next form. */
type KindForm = (plain: string, read: ReadKinds) => KindStatement | typeof NO_KINDS | undefined;

// "X is either A or B" (also inside "two types of X: an X is either A or B").
const EITHER_OR = guarded(/(?:^|[:,;]\s*|\b(?:a|an|each|every|the|any)\s+)([a-z][a-z\s'-]*?)\s+(?:is|are|can be|may be|must be|will be)\s+(?:always\s+)?either\s+(.+)$/);
const eitherOr: KindForm = (plain, read) => {
  const m = EITHER_OR.exec(plain);
  return m ? (read(m[1], splitList(m[2]), false) ?? NO_KINDS) : undefined;
};

// "A session is an individual session or a group session": kinds that repeat the head noun.
const HEAD_REPEATED_OR = guarded(/^(?:a|an|each|every|the)\s+([a-z][a-z\s'-]*?)\s+(?:is|can be)\s+(?:a|an)\s+([a-z][a-z\s'-]*?)\s+or\s+(?:a|an)\s+([a-z][a-z\s'-]*)$/);
const headRepeatedOr: KindForm = (plain, read) => {
  const m = HEAD_REPEATED_OR.exec(plain);
  if (!m) return undefined;
  const head = m[1].split(' ').pop()!;
  return [m[2], m[3]].every((k) => k.endsWith(` ${head}`)) ? (read(m[1], [m[2], m[3]], true) ?? NO_KINDS) : undefined;
};

// "(There are) two types of X: A and B", "two variants of the X, a A and a B".
const TYPES_OF_LIST = guarded(/\b(types?|kinds?|sorts?|categories|variants?|forms?)\s+of\s+([a-z][^:;,()]*?)\s*(:|,|;|\bnamely\b|\s-\s)\s*(.+)$/);
const typesOfList: KindForm = (plain, read) => {
  const m = TYPES_OF_LIST.exec(plain);
  if (!m) return undefined;
  // "which type of account he prefers: …": only the noun phrase after "of" names the parent.
  const words = m[2].split(/\s+/);
  const parent = words.slice(0, Math.min(words.length, MAX_WORDS)).join(' ');
  // "different types of vehicles, such as vans and trucks": examples of the kinds, as after a colon.
  const examples = m[3] === ',' ? /^(?:such as|like|including)\s+(.+)$/.exec(m[4]) : null;
  const listed = examples ? examples[1].replace(/[\s,]*(?:…|\.\.\.|etc\.?)\s*$/, '') : m[4];
  const found = read(parent, namedKinds(listed), true) ?? read(words[0], namedKinds(listed), true);
  // "type of work, shade, due date" lists fields: a singular "type of" or a comma needs kinds
  // that repeat the parent's head ("a basic controller and an advanced controller").
  const head = found?.parent.split(' ').pop();
  const repeated = !!found && found.subtypes.every((k) => k.key.endsWith(` ${head}`));
  // "a special type of page: an advertisement page": one kind, when called special.
  const special = /\b(?:special|particular|specific)\s+\S+\s+of\s/.test(plain);
  return found && (found.subtypes.length >= 2 || (special && repeated)) && (repeated || (/s$/.test(m[1]) && (m[3] === ':' || !!examples))) ? found : undefined;
};

// "A, B and C are (special) types of X", "A is a (special) kind of X", "A are a special case of X".
const ARE_TYPES_OF = guarded(/^(?:the\s+)?([a-z][a-z,\s'-]*?)\s+(?:is|are)\s+(?:all\s+)?(?:a\s+|an\s+)?(?:special\s+|specific\s+|particular\s+|different\s+)?(?:types?|kinds?|sorts?|forms?|cases?|subtypes?|variants?)\s+of\s+([a-z][a-z\s'-]*?)\s*(?:[:,(].*)?$/);
const areTypesOf: KindForm = (plain, read) => {
  const m = ARE_TYPES_OF.exec(plain);
  return m ? (read(m[2], splitList(m[1]), false) ?? NO_KINDS) : undefined;
};

// "A special type of X is the A".
const SPECIAL_TYPE_IS = guarded(/^(?:a|one)\s+(?:special|specific|particular)\s+(?:type|kind|sort|form|case)\s+of\s+([a-z][a-z\s'-]*?)\s+is\s+(?:the|a|an)\s+([a-z][a-z\s'-]*)$/);
const specialTypeIs: KindForm = (plain, read) => {
  const m = SPECIAL_TYPE_IS.exec(plain);
  return m ? (read(m[1], [m[2]], false) ?? NO_KINDS) : undefined;
};

// "Administrators are special users", "Passenger aircraft are special aircraft used for …".
const ARE_SPECIAL = guarded(/^(?:the\s+|a\s+|an\s+)?([a-z][a-z,\s'-]*?)\s+(?:is|are)\s+(?:a\s+|an\s+)?special\s+([a-z][a-z'-]*(?:\s+[a-z][a-z'-]*)?)(?:\s+(?:used|that|which|who|with|for)\b.*)?$/);
const areSpecial: KindForm = (plain, read) => {
  const m = ARE_SPECIAL.exec(plain);
  if (!m) return undefined;
  // "special aircraft used": the parent is the noun phrase, up to the first non-noun.
  return read(m[2], splitList(m[1]), false) ?? read(m[2].split(' ')[0], splitList(m[1]), false);
};

// "Rooms can be single, double or suites": a list of kinds, at least two, none a verb or state.
const CAN_BE_LIST = guarded(/^(?:a|an|each|every|the|all)?\s*([a-z][a-z\s'-]*?)\s+(?:can|may)\s+be\s+(?!of\b|either\b|both\b)([a-z][a-z,\s'-]*\b(?:or|and)\b[a-z\s'-]+)$/);
const canBeList: KindForm = (plain, read) => {
  const m = CAN_BE_LIST.exec(plain);
  if (!m) return undefined;
  const items = splitList(m[2]);
  if (items.length < 2 || items.some((i) => ENUM_HEADS.has(i.split(' ').pop() ?? ''))) return undefined;
  const found = read(m[1], items, true);
  return found && found.subtypes.length >= 2 ? found : undefined;
};

// "Pilots and flight attendants are employees": all plural nouns; weak (needs the parent named elsewhere).
const PLURALS_ARE_PARENT = guarded(/^([a-z][a-z,\s'-]*?\s(?:and|or)\s[a-z][a-z\s'-]*?)\s+are\s+(?:all\s+|also\s+)?([a-z][a-z'-]*(?:\s+[a-z][a-z'-]*)?)$/);
const pluralsAreParent: KindForm = (plain, read) => {
  const m = PLURALS_ARE_PARENT.exec(plain);
  if (!m) return undefined;
  const items = splitList(m[1]);
  const last = m[2].split(' ').pop()!;
  return items.length >= 2 && items.every((i) => /s$/.test(i)) && /s$/.test(last) && singular(last) !== last ? read(m[2], items, false, true) : undefined;
};

// "There are so-called creative employees, including directors and actors": the things the text
// says exist, then their kinds. At least two kinds, so "there are rooms, including a gym" is a room.
const THERE_ARE_INCLUDING = guarded(/^there\s+(?:are|is)\s+(?:also\s+)?(?:so-called\s+|so\s+called\s+)?([a-z][a-z\s'-]*?)\s*,?\s+(?:including|such\s+as|namely)\s+([a-z][a-z,\s'-]*\b(?:and|or)\b[a-z\s'-]+)$/);
const thereAreIncluding: KindForm = (plain, read) => {
  const m = THERE_ARE_INCLUDING.exec(plain);
  if (!m) return undefined;
  const found = read(m[1], splitList(m[2]), false);
  return found && found.subtypes.length >= 2 ? found : undefined;
};

// "Vehicles are divided into trucks and vans", "Members are split into juniors, adults and seniors".
const DIVIDED_INTO = guarded(/^(?:the\s+|all\s+)?([a-z][a-z\s'-]*?)\s+(?:are|can be|is)\s+(?:divided|split|subdivided|classified|categori[sz]ed|grouped)\s+(?:in)?to\s+(?:two|three|four|\d+)?\s*(?:(?:types|kinds|groups|categories)\s*(?::|,)?\s*)?([a-z][a-z,\s'-]*\b(?:or|and)\b[a-z\s'-]+)$/);
const dividedInto: KindForm = (plain, read) => {
  const m = DIVIDED_INTO.exec(plain);
  if (!m) return undefined;
  const found = read(m[1], splitList(m[2]), true);
  return found && found.subtypes.length >= 2 ? found : undefined;
};

// "Vehicles are trucks or vans", "An employee is a pilot, a steward or a mechanic": only with "or", all
// items plural after a plural parent or brought in with "a/an" after a singular one.
const ARE_ONE_OF = guarded(/^(?:(?:a|an|each|every)\s+([a-z][a-z'-]*(?:\s+[a-z][a-z'-]*)?)\s+is|([a-z][a-z'-]*(?:\s+[a-z][a-z'-]*)?s)\s+are)\s+(?!also\b|not\b|always\b)([a-z][a-z,\s'-]*\bor\b[a-z\s'-]+)$/);
const areOneOf: KindForm = (plain, read) => {
  const m = ARE_ONE_OF.exec(plain);
  if (!m) return undefined;
  const items = splitList(m[3]);
  const singularForm = !!m[1];
  if (items.length < 2 || !items.every((i) => (singularForm ? /^(?:a|an)\s+[a-z]/.test(i) : /s$/.test(i) && !/^(?:a|an|the)\s/.test(i)))) return undefined;
  const found = read(m[1] ?? m[2], items, false);
  return found && found.subtypes.length >= 2 ? found : undefined;
};

/** The forms in the order they are tried: the first that reads the sentence decides. */
const KIND_FORMS: KindForm[] = [eitherOr, headRepeatedOr, typesOfList, areTypesOf, specialTypeIs, areSpecial, canBeList, pluralsAreParent, thereAreIncluding, dividedInto, areOneOf];

/**
 * "individual or group sessions" where the text also names "individual sessions" and "group
 * sessions" on their own: two kinds of session. Both compounds must stand alone somewhere.
 */
export function coordinatedKinds(sentences: SentenceInfo[]): KindStatement[] {
  const text = sentences.map((s) => s.plain).join(' \n ');
  const count = (phrase: string) => (text.match(new RegExp(`\\b${phrase}(?:s|es)?\\b`, 'g')) ?? []).length;
  const out: KindStatement[] = [];
  const seen = new Set<string>();
  for (const sentence of sentences) {
    if (sentence.heading) continue;
    for (const m of sentence.plain.matchAll(/\b([a-z][a-z-]+) or ([a-z][a-z-]+) ([a-z][a-z-]+s)\b/g)) {
      const [a, b, plural] = [m[1], m[2], m[3]];
      if ([a, b].some((w) => DETERMINERS.has(w) || QUANTITY.test(w) || /^(?:more|less|not|and|either|both|one|none)$/.test(w))) continue;
      const head = singular(plural);
      if (head === plural || seen.has(`${a} ${b} ${head}`)) continue;
      if (count(`${a} ${head}`) < 1 || count(`${b} ${head}`) < 2) continue;
      const found = statement(sentence.id, (w) => (w === head ? 'noun' : undefined), head, [`${a} ${head}`, `${b} ${head}`], false);
      if (!found) continue;
      seen.add(`${a} ${b} ${head}`);
      out.push(found);
    }
  }
  return out;
}

const namedElsewhere = (key: string, source: number, sentences: SentenceInfo[]): boolean => {
  const head = key.split(' ').pop()!;
  return sentences.some((s) => s.id !== source && new RegExp(`\\b${head}(?:s|es)?\\b`).test(s.plain));
};

/**
 * Step 1 (before records are chosen): finds the kind statements, makes each parent a record and
 * marks the fields stated for a kind optional; a kind with too little evidence to be a record
 * gives its fields to the parent. Kinds of the people who sign in come back apart (userKinds):
 * they are roles, not records.
 */
export function readKinds(sentences: SentenceInfo[], evidence: Evidence, lists: FieldList[]): { kinds: KindStatement[]; userKinds: KindStatement[] } {
  const found: KindStatement[] = [];
  const userKinds: KindStatement[] = [];
  const coordinated = coordinatedKinds(sentences);
  for (const sentence of sentences) {
    const kinds = findKinds(sentence) ?? coordinated.find((c) => c.source === sentence.id);
    const head = kinds?.parent.split(' ').pop();
    // "Administrators are special users": kinds of the people who sign in are roles (userKinds.ts).
    if (kinds && USER_WORDS.has(head!) && head !== 'account') userKinds.push(kinds);
    if (!kinds || (USER_WORDS.has(head!) && head !== 'account')) continue;
    if (kinds.weak && !namedElsewhere(kinds.parent, sentence.id, sentences)) continue;
    // The parent as the text names it most ("scientific article" or just "article").
    const words = kinds.parent.split(' ');
    const suffixes = words.map((_, i) => words.slice(i).join(' '));
    const best = suffixes.filter((k) => evidence.has(k)).sort((a, b) => evidence.get(b)!.score - evidence.get(a)!.score)[0];
    kinds.parent = best ?? kinds.parent;
    addEvidence(evidence, kinds.parent, ENTITY_THRESHOLD, sentence.id);
    found.push(kinds);
  }
  for (const kinds of found) {
    for (const subtype of kinds.subtypes) {
      const head = subtype.key.split(' ').pop()!;
      const strong = (evidence.get(subtype.key)?.score ?? 0) >= ENTITY_THRESHOLD;
      for (const list of lists) {
        if (!list.subject || (list.subject !== subtype.key && list.subject !== head)) continue;
        if (list.subject === head && head === kinds.parent.split(' ').pop()) continue;
        for (const item of list.items) item.optional = true;
        if (!strong) list.subject = kinds.parent;
      }
    }
  }
  return { kinds: found, userKinds };
}
