// Name matching for the extractor benchmark: when does a gold class, attribute or role name mean
// the same thing as a name in the extracted spec? Pure functions, no I/O.
//
// A name becomes a list of tokens: split camelCase/PascalCase/snake/kebab/spaces, lower-cased,
// every word singularized ("PurchaseOrders" -> purchase order), then phrases and words of the
// synonym table replaced by one token per synonym group (aircraft ~ airplane ~ plane). Two names
// match STRICTLY when their tokens, joined without separators, are equal (so "purchase order",
// "PurchaseOrder", "PurchaseOrders" and "Purchaseorder" are one name). LENIENTLY (head word) one
// name's tokens may also end with the other's: JournalEntry ~ Entry, SalaryStatement ~ Statement.
import { singularizeWord, words } from '../../model/project/naming';

/** Groups of interchangeable words or phrases (lower case, singular, words separated by spaces). */
export type SynonymGroups = readonly (readonly string[])[];

export class Synonyms {
  /** Phrase (singular tokens joined by a space) -> group token. */
  private readonly phrases = new Map<string, string>();
  private readonly longest: number;

  constructor(groups: SynonymGroups = []) {
    let longest = 1;
    groups.forEach((group, index) => {
      for (const entry of group) {
        const tokens = baseTokens(entry);
        if (!tokens.length) continue;
        longest = Math.max(longest, tokens.length);
        const key = tokens.join(' ');
        // A phrase listed in two groups keeps the first (the table should not do that).
        if (!this.phrases.has(key)) this.phrases.set(key, `~${index}`);
        // A phrase written as one word is the same phrase ("Lastname", "Birthdate", "Username").
        const joined = tokens.join('');
        if (tokens.length > 1 && !this.phrases.has(joined)) this.phrases.set(joined, `~${index}`);
      }
    });
    this.longest = longest;
  }

  /** Replaces listed phrases (longest first, left to right) by their group token. */
  canonical(tokens: readonly string[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < tokens.length; ) {
      let replaced = false;
      for (let n = Math.min(this.longest, tokens.length - i); n >= 1; n--) {
        const group = this.phrases.get(tokens.slice(i, i + n).join(' '));
        if (group) {
          out.push(group);
          i += n;
          replaced = true;
          break;
        }
      }
      if (!replaced) out.push(tokens[i++]);
    }
    return out;
  }

  /** Whether two single words or phrases are the same or listed in one group. */
  same(a: string, b: string): boolean {
    return this.canonical(baseTokens(a)).join('') === this.canonical(baseTokens(b)).join('');
  }
}

export const NO_SYNONYMS = new Synonyms();

/** Lower-case singular words of a name, before synonyms. */
export function baseTokens(name: string): string[] {
  return words(name.replace(/[’']s\b/g, '')).map((word) => singularizeWord(word).toLowerCase());
}

/** Tokens of a name after synonyms. */
export function nameTokens(name: string, synonyms: Synonyms = NO_SYNONYMS): string[] {
  return synonyms.canonical(baseTokens(name));
}

/** The strict comparison key: case-, plural-, separator- and synonym-insensitive. */
export function nameKey(name: string, synonyms: Synonyms = NO_SYNONYMS): string {
  return nameTokens(name, synonyms).join('');
}

function endsWith(long: readonly string[], short: readonly string[]): boolean {
  if (!short.length || short.length > long.length) return false;
  const offset = long.length - short.length;
  return short.every((token, i) => long[offset + i] === token);
}

/** Strict: same key. Lenient: also when one name's tokens end with all of the other's (head word). */
export function namesMatch(gold: string, found: string, lenient: boolean, synonyms: Synonyms = NO_SYNONYMS): boolean {
  const g = nameTokens(gold, synonyms);
  const f = nameTokens(found, synonyms);
  if (!g.length || !f.length) return false;
  if (g.join('') === f.join('')) return true;
  return lenient && (endsWith(f, g) || endsWith(g, f));
}

/**
 * Gold names in some corpora are word stems ("employe", "schedul", "training sess"): every stem
 * word must begin the corresponding word of the name (aligned at the end, so "membership" also
 * names "family membership"). Raw lower-case words, no singularizing.
 */
export function stemMatches(stem: string, name: string): boolean {
  const s = words(stem);
  const n = words(name);
  if (!s.length || s.length > n.length) return false;
  const offset = n.length - s.length;
  return s.every((part, i) => n[offset + i].startsWith(part)) && s[s.length - 1].length >= 3;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps ("Nmae" ~ "name"). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[rows - 1][cols - 1];
}

/** Whether two keys are one typo apart: edit distance 1 and both at least 4 letters. */
export function oneTypoApart(a: string, b: string): boolean {
  return a !== b && Math.min(a.length, b.length) >= 4 && Math.abs(a.length - b.length) <= 1 && editDistance(a, b) <= 1;
}

/** Words for several values at once: "list of features" is the features. */
const CONTAINERS = new Set(['list', 'set', 'collection', 'series', 'group', 'array']);

/** Abbreviations of general English in attribute names, read as the word they shorten ("RoomNr", "MaxCapacity"). */
const ABBREVIATIONS: Readonly<Record<string, string>> = { nr: 'number', num: 'number', no: 'number', max: 'maximum', min: 'minimum' };

/**
 * The comparison tokens of an attribute or field name on an entity: tokens as for names; the entity's
 * own name in front is dropped ("airlineName" on Airline -> name); "number of seats" / "seat count"
 * / "numSeats" -> seat count ("seat number" stays a number: it may be an identifier); a leading "is", "was" or "has been" is dropped (isActive -> active, hasBeenVisited -> visited);
 * the abbreviations nr, num, no (not first: "No" alone is a word), max and min are read in full (RoomNr ~ room number, MaxCapacity ~ maximum capacity);
 * the words after one "of" come first ("typeOfGasoline" ~ gasoline type, "date of birth" ~ birth date; "listOfFeatures" ~ features).
 */
export function attributeTokens(name: string, entityName = '', synonyms: Synonyms = NO_SYNONYMS): string[] {
  let tokens = baseTokens(name);
  // (Singular tokens: "has" and "was" read as "ha" and "wa". "hasBeenVisited" is visited and "wasPaid" paid;
  // "hasDiscount" is no discount amount, and "haAreaSize" keeps its hectares.)
  if (tokens.length > 1 && /^(?:is|wa)$/.test(tokens[0])) tokens = tokens.slice(1);
  else if (tokens.length > 2 && tokens[0] === 'ha' && tokens[1] === 'been') tokens = tokens.slice(2);
  if (tokens.length > 2 && /^(number|num|no|nr)$/.test(tokens[0]) && tokens[1] === 'of') tokens = [...tokens.slice(2), 'count'];
  else if (tokens.length > 1 && /^(num|nr)$/.test(tokens[0])) tokens = [...tokens.slice(1), 'count'];
  tokens = tokens.map((t, i) => (ABBREVIATIONS[t] && (t !== 'no' || i > 0) ? ABBREVIATIONS[t] : t));
  // "type of gasoline" is a gasoline type, "date of birth" a birth date: the words after "of" come first;
  // "list of features" is the features.
  const of = tokens.indexOf('of');
  if (of > 0 && of < tokens.length - 1 && tokens.lastIndexOf('of') === of) tokens = of === 1 && CONTAINERS.has(tokens[0]) ? tokens.slice(2) : [...tokens.slice(of + 1), ...tokens.slice(0, of)];
  // Synonyms first, then the entity's name in front is dropped: "userName" on User is the one
  // word "username" (a synonym phrase), not "name"; "clientName" on Customer is still "name".
  tokens = synonyms.canonical(tokens);
  const entity = synonyms.canonical(baseTokens(entityName));
  if (entity.length && tokens.length > entity.length && entity.every((t, i) => tokens[i] === t)) tokens = tokens.slice(entity.length);
  return tokens;
}

/** The comparison key of an attribute or field name on an entity: its attributeTokens joined. */
export function attributeKey(name: string, entityName = '', synonyms: Synonyms = NO_SYNONYMS): string {
  return attributeTokens(name, entityName, synonyms).join('');
}

/** Words that only say what kind of value an attribute has: "start" and "startDate", "Octane" and "octaneRating" name one attribute. */
const TYPE_WORDS = new Set(['date', 'time', 'datetime', 'timestamp', 'hour', 'rating', 'level', 'score', 'amount', 'rate', 'value', 'number']);

/** A past participle after the noun it describes ("quantity ordered"), read before it ("ordered quantity"). */
function participleFirst(tokens: string[]): string[] {
  const last = tokens[tokens.length - 1];
  return tokens.length > 1 && /^[a-z]{2,}[^e]ed$/.test(last) ? [last, ...tokens.slice(0, -1)] : tokens;
}

/**
 * The loose comparison, tried only after exact and one-typo matches failed, like the lenient
 * head-word match of entities: (1) a gold name in the plural names a count ("Seats" ~ seatCount,
 * "Windows" ~ numberOfWindows); (2) a word at the end that only says the kind of value (date, time,
 * timestamp, hour, rating, level, score, amount, rate, value, number; "date time" both) may be left out ("start" ~ startDates, "StartTime" ~ startDateTime, "NextInspection" ~
 * nextInspectionDate, "Octane" ~ octaneRating, "VAT" ~ vatRate, "Confirmation" ~ confirmationNumber); (3) head word: one name's tokens end with all of the
 * other's ("balance" ~ currentAccountBalance, "DeliveryDate" ~ desiredDeliveryDate, "currentState" ~ state); a past
 * participle after its noun is read before it ("Quantity" ~ quantityOrdered); (4) an attribute named like its own
 * class is the class's value, found by a field named only by a type word (Discount.Discount ~ Discount.amount).
 */
export function attributesLooselyMatch(gold: string, field: string, entityName = '', synonyms: Synonyms = NO_SYNONYMS): boolean {
  const g = participleFirst(attributeTokens(gold, entityName, synonyms));
  const f = participleFirst(attributeTokens(field, entityName, synonyms));
  if (!g.length || !f.length) return false;
  // A gold attribute named like its own class is the class's value: Discount.Discount ~ Discount.amount.
  const owner = synonyms.canonical(baseTokens(entityName));
  if (owner.length && endsWith(owner, g) && f.every((t) => TYPE_WORDS.has(t) && t !== 'number')) return true;
  const goldWords = words(gold);
  const last = goldWords[goldWords.length - 1]?.toLowerCase() ?? '';
  const plural = last !== singularizeWord(last).toLowerCase();
  if (plural && f[f.length - 1] === 'count' && [...g, 'count'].join('') === f.join('')) return true;
  // ("startDateTime" ~ StartTime: a date and a time written together are both words for the kind of value.)
  const untyped = (t: string[]) => {
    let end = t.length;
    while (end > 1 && TYPE_WORDS.has(t[end - 1])) end--;
    return t.slice(0, end);
  };
  if (untyped(g).join('') === untyped(f).join('')) return true;
  return endsWith(f, g) || endsWith(g, f);
}

/** Whether a gold attribute and a spec field name mean the same (exact key, or one typo in a word of 4+ letters). */
export function attributesMatch(gold: string, field: string, entityName = '', synonyms: Synonyms = NO_SYNONYMS, allowTypo = true): boolean {
  const a = attributeKey(gold, entityName, synonyms);
  const b = attributeKey(field, entityName, synonyms);
  if (!a || !b) return false;
  return a === b || (allowTypo && oneTypoApart(a, b));
}
