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
  const has = !needs ? () => true : pattern.ignoreCase ? (text: string) => containsAny(text.toLowerCase(), needs) : (text: string) => containsAny(text, needs);
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
  const words = usable(need(alternation(tree.pattern.alternatives)));
  if (!words || !pattern.ignoreCase) return words;
  // Lower-casing the text and the words is case folding only for ASCII letters.
  return words.every((w) => /^[\x20-\x7e]*$/.test(w)) ? [...new Set(words.map((w) => w.toLowerCase()))] : undefined;
}

/**
 * What a part of a pattern can match: `exact`, every string it matches (when they are few and
 * known), and `some`, strings one of which is inside every match (null: nothing known).
 */
interface Reading {
  exact: string[] | null;
  some: string[] | null;
}

const UNKNOWN: Reading = { exact: null, some: null };
const EMPTY: Reading = { exact: [''], some: null };

function reading(node: AST.Element | AST.Alternative): Reading {
  switch (node.type) {
    case 'Character':
      return { exact: [String.fromCodePoint(node.value)], some: null };
    case 'CharacterClass':
      return { exact: classMembers(node), some: null };
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
    else if (element.type === 'CharacterClassRange' && element.max.value - element.min.value < 4) {
      for (let c = element.min.value; c <= element.max.value; c++) members.push(String.fromCodePoint(c));
    } else return null;
    if (members.length > 8) return null;
  }
  return members;
}

function alternation(alternatives: AST.Alternative[]): Reading {
  const readings = alternatives.map((a) => reading(a));
  let exact: string[] | null = [];
  for (const r of readings) exact = exact && r.exact ? union(exact, r.exact) : null;
  // Every match is a match of one alternative, so it contains what that alternative needs.
  let some: string[] | null = [];
  for (const r of readings) {
    const needed = need(r);
    some = some && needed ? union(some, needed) : null;
  }
  return { exact, some };
}

function sequence(elements: AST.Element[]): Reading {
  let joined: string[] | null = [''];
  let whole = true;
  let some: string[] | null = null;
  for (const element of elements) {
    const r = reading(element);
    const crossed: string[] | null = joined && r.exact ? cross(joined, r.exact) : null;
    if (crossed) {
      joined = crossed;
      continue;
    }
    // The run of known strings ends here: keep the best need seen, and start a new run.
    whole = false;
    some = better(some, need({ exact: joined, some: null }));
    some = better(some, need(r));
    joined = r.exact ?? [''];
  }
  some = better(some, need({ exact: joined, some: null }));
  return { exact: whole ? joined : null, some };
}

function repeated(node: AST.Quantifier): Reading {
  const r = reading(node.element);
  if (node.min === 0) return { exact: node.max === 1 && r.exact ? union([''], r.exact) : null, some: null };
  if (node.min === 1 && node.max === 1) return r;
  // At least once: whatever one repetition needs is in the match; the exact strings are not known.
  return { exact: null, some: need(r) };
}

/** The best set one of which every match contains: the known strings themselves, or `some`. */
function need(r: Reading): string[] | null {
  return better(r.some, r.exact);
}

/** The more selective of two sets: longer shortest string, then fewer strings. A set with "" needs nothing. */
function better(a: string[] | null, b: string[] | null): string[] | null {
  return score(b) > score(a) ? b : a;
}

function score(set: string[] | null): number {
  if (!set || !set.length || set.length > MAX_SET) return -1;
  const shortest = Math.min(...set.map((s) => s.length));
  if (shortest === 0) return -1;
  return Math.min(shortest, 8) * 100 - set.length;
}

function usable(set: string[] | null): string[] | undefined {
  if (!set || score(set) < MIN_NEED * 100 - MAX_SET) return undefined;
  // A text with "restricted to the " has "restricted to ": the shorter string alone is the same test.
  return set.filter((s) => !set.some((t) => t !== s && s.includes(t)));
}

function union(a: string[], b: string[]): string[] | null {
  const all = [...new Set([...a, ...b])];
  return all.length > MAX_SET ? null : all;
}

function cross(a: string[], b: string[]): string[] | null {
  if (a.length * b.length > MAX_SET) return null;
  const all = new Set<string>();
  for (const x of a) for (const y of b) all.add(x + y);
  return [...all];
}
