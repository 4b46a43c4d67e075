// A regular expression with a cheap pre-check: the words any match must contain. Many of the
// grammar's patterns start with a lazy phrase ("([a-z][a-z -]{1,30}?) in the past"), which the
// engine tries at every position of every clause before it finds that the clause has no "past";
// most clauses have none, so a substring test first skips almost all of that work (issue #11:
// the rule patterns were a third of a long text's time). The words are worked out from the
// pattern itself (the "required literals" of a search-engine prefilter, over the parse tree that
// @eslint-community/regexpp gives), so they cannot drift from it: a match always contains one.
import { parseRegExpLiteral, type AST } from '@eslint-community/regexpp';

/** The part of RegExp the guarded patterns are used through. */
export interface GuardedRegExp {
  exec(text: string): RegExpExecArray | null;
  test(text: string): boolean;
  readonly source: string;
  /** Every match contains one of these (lower-cased for an `i` pattern); undefined: no useful pre-check. */
  readonly needs?: readonly string[];
}

/** Strings shorter than this are too common to be worth a pre-check. */
const MIN_NEED = 3;
/** More alternatives than this make the pre-check itself slow, or the sets too big to join. */
const MAX_SET = 48;

/**
 * `pattern` behind a pre-check of the words every match contains. Only for patterns without the
 * g or y flag (they keep state between calls, which a skipped call would not update).
 */
export function guarded(pattern: RegExp): GuardedRegExp {
  if (pattern.global || pattern.sticky) throw new Error(`guarded() takes no g or y pattern: /${pattern.source}/${pattern.flags}`);
  const needs = requiredWords(pattern);
  const has = !needs ? () => true : pattern.ignoreCase ? (text: string) => containsAny(lowerCased(text), needs) : (text: string) => containsAny(text, needs);
  const made: GuardedRegExp = {
    exec: (text) => (has(text) ? pattern.exec(text) : null),
    test: (text) => has(text) && pattern.test(text),
    source: pattern.source,
    needs,
  };
  registry.push({ ...made, original: pattern });
  return made;
}

const registry: Array<GuardedRegExp & { readonly original: RegExp }> = [];

/** Every guarded pattern made so far, with the pattern it guards (for the test that they agree). */
export function guardedPatterns(): ReadonlyArray<GuardedRegExp & { readonly original: RegExp }> {
  return registry;
}

/** The last text lower-cased: a reader tries its patterns on the same clause one after another. */
let lastText = '';
let lastLower = '';
function lowerCased(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastLower = text.toLowerCase();
  }
  return lastLower;
}

function containsAny(text: string, needs: readonly string[]): boolean {
  for (const need of needs) if (text.includes(need)) return true;
  return false;
}

/** The strings one of which every match of `pattern` contains, or undefined when none is worth testing. */
export function requiredWords(pattern: RegExp): string[] | undefined {
  // Case folding under u or v is more than lower-casing (the Kelvin sign is a k): no pre-check there.
  if (pattern.ignoreCase && /[uv]/.test(pattern.flags)) return undefined;
  let tree: AST.RegExpLiteral;
  try {
    tree = parseRegExpLiteral(pattern);
  } catch {
    return undefined;
  }
  const words = usable(best(alternation(tree.pattern.alternatives)));
  if (!words || !pattern.ignoreCase) return words;
  // Lower-casing the text and the words is case folding only for ASCII letters.
  return words.every((w) => /^[\x20-\x7e]*$/.test(w)) ? [...new Set(words.map((w) => w.toLowerCase()))] : undefined;
}

/**
 * What a part of a pattern can match: `exact`, every string it matches (when they are few and
 * known), and `needs`, sets of strings each of which has one string inside every match.
 */
interface Reading {
  exact: string[] | null;
  needs: string[][];
}

const DIGITS = [...'0123456789'];
const UNKNOWN: Reading = { exact: null, needs: [] };
const EMPTY: Reading = { exact: [''], needs: [] };

function reading(node: AST.Element | AST.Alternative): Reading {
  switch (node.type) {
    case 'Character':
      return { exact: [String.fromCodePoint(node.value)], needs: [] };
    case 'CharacterClass':
      return { exact: classMembers(node), needs: [] };
    case 'CharacterSet':
      return { exact: node.kind === 'digit' && !node.negate ? DIGITS : null, needs: [] };
    case 'Group':
      // "(?i:…)" changes case-sensitivity inside: nothing known.
      return node.modifiers ? UNKNOWN : alternation(node.alternatives);
    case 'CapturingGroup':
      return alternation(node.alternatives);
    case 'Alternative':
      return sequence(node.elements);
    case 'Quantifier':
      return repeated(node);
    case 'Assertion':
      // Zero-width: an anchor, a word boundary or a look-around matches no characters.
      return EMPTY;
    default:
      return UNKNOWN;
  }
}

/** The characters of a small plain class ("[-–—]", "[sz]"); null for a negated or wide one. */
function classMembers(node: AST.CharacterClass): string[] | null {
  if (node.negate || node.unicodeSets) return null;
  const members: string[] = [];
  for (const element of node.elements) {
    if (element.type === 'Character') members.push(String.fromCodePoint(element.value));
    else if (element.type === 'CharacterSet' && element.kind === 'digit' && !element.negate) members.push(...DIGITS);
    else if (element.type === 'CharacterClassRange' && element.max.value - element.min.value < 4) {
      for (let c = element.min.value; c <= element.max.value; c++) members.push(String.fromCodePoint(c));
    } else return null;
    if (members.length > 12) return null;
  }
  return members;
}

function alternation(alternatives: AST.Alternative[]): Reading {
  const readings = alternatives.map((a) => reading(a));
  let exact: string[] | null = [];
  for (const r of readings) exact = exact && r.exact ? union(exact, r.exact) : null;
  // Every match is a match of one alternative, so it contains what that alternative needs: each
  // alternative's best need, or (when those add up to too many strings) each one's smallest.
  const joined = (pick: (r: Reading) => string[] | null) => readings.reduce<string[] | null>((all, r) => {
    const needed = pick(r);
    return all && needed ? unionOfNeeds(all, needed) : null;
  }, []);
  return { exact, needs: [joined(best), joined(fewest)].filter((n): n is string[] => !!n && n.length > 0) };
}

function sequence(elements: AST.Element[]): Reading {
  let joined: string[] = [''];
  let whole = true;
  const needs: string[][] = [];
  for (const element of elements) {
    const r = reading(element);
    // What a part needs, the whole needs (a shorter, smaller set than a joined run may test faster).
    needs.push(...candidates(r));
    const crossed = r.exact ? cross(joined, r.exact) : null;
    if (crossed) {
      joined = crossed;
      continue;
    }
    // The run of known strings ends here: it is a need of the whole; a new run starts.
    whole = false;
    needs.push(joined);
    joined = r.exact ?? [''];
  }
  needs.push(joined);
  return { exact: whole ? joined : null, needs: needs.filter((n) => score(n) >= 0) };
}

function repeated(node: AST.Quantifier): Reading {
  const r = reading(node.element);
  if (node.min === 0) return { exact: node.max === 1 && r.exact ? union([''], r.exact) : null, needs: [] };
  if (node.min === 1 && node.max === 1) return r;
  // At least once: whatever one repetition needs is in the match; the exact strings are not known.
  return { exact: null, needs: candidates(r) };
}

/** Every set known to have a string inside each match: the exact strings themselves, and the needs. */
function candidates(r: Reading): string[][] {
  return [...(r.exact ? [r.exact] : []), ...r.needs].filter((n) => score(n) >= 0);
}

/** The most selective need: longer shortest string, then fewer strings. */
function best(r: Reading): string[] | null {
  let chosen: string[] | null = null;
  for (const n of candidates(r)) if (score(n) > score(chosen)) chosen = n;
  return chosen;
}

/** The need with the fewest strings among those worth testing (for a union of many alternatives). */
function fewest(r: Reading): string[] | null {
  let chosen: string[] | null = null;
  for (const n of candidates(r)) if (usable(n) && (!chosen || n.length < chosen.length || (n.length === chosen.length && score(n) > score(chosen)))) chosen = n;
  return chosen ?? best(r);
}

/** Longer strings are rarer; each string more is one more test, and makes a union of alternatives overflow sooner. */
function score(set: string[] | null): number {
  if (!set || !set.length || set.length > MAX_SET) return -1;
  const shortest = Math.min(...set.map(weight));
  if (shortest === 0) return -1;
  return Math.min(shortest, 8) * 100 - set.length * 6;
}

/** A digit, or a sign like "→", is as rare in requirement prose as a three-letter word. */
function weight(s: string): number {
  return /^(?:\d+|[^\x00-\x7f])$/.test(s) ? Math.max(s.length, MIN_NEED) : s.length;
}

function usable(set: string[] | null): string[] | undefined {
  if (!set || !set.length || set.length > MAX_SET || set.some((s) => weight(s) < MIN_NEED)) return undefined;
  return set;
}

function union(a: string[], b: string[]): string[] | null {
  const all = [...new Set([...a, ...b])];
  return all.length > MAX_SET ? null : all;
}

/** Two needs joined, without a string that contains another: a text with "restricted to the " has "restricted to ". */
function unionOfNeeds(a: string[], b: string[]): string[] | null {
  const all = [...new Set([...a, ...b])];
  const least = all.filter((s) => !all.some((t) => t !== s && s.includes(t)));
  return least.length > MAX_SET ? null : least;
}

function cross(a: string[], b: string[]): string[] | null {
  if (a.length * b.length > MAX_SET) return null;
  const all = new Set<string>();
  for (const x of a) for (const y of b) all.add(x + y);
  return [...all];
}
