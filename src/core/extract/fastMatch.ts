// A faster way to run one of compromise's tagger patterns on one clause, with the same results.
// compromise 14.17's match (methods.one.match) tries the pattern at every word of the clause,
// copying the rest of the clause each time. The sweep (fastSweep.ts) runs only patterns whose
// words and tags the clause has somewhere, but most of those still cannot match: their first two
// tokens ("#Noun #Verb", "the [#Adjective]") do not fit any two neighbouring words. That is
// checked here first, with compromise's own word test for the common kinds of token (a word, a
// tag, a few words, a switch; any other kind counts as fitting), and compromise's match runs only
// when some word could start a match: whatever it finds is the result, unchanged.
// test/unit/extractFastMatch.test.ts compares both on every pattern of the tagger.

/** A compromise match token (the fields the first-token test reads). */
interface Reg {
  [field: string]: unknown;
  anything?: boolean;
  greedy?: boolean;
  optional?: boolean;
  negative?: boolean;
  start?: boolean;
  end?: boolean;
  choices?: Reg[][] | Reg[];
  operator?: string;
  word?: string;
  tag?: string;
  fastOr?: Set<string>;
  pos?: string;
  use?: string;
  fuzzy?: boolean;
  id?: string;
  switch?: string;
}

/** A compromise term (the fields the first-token test reads). */
interface MatchTerm {
  [field: string]: unknown;
  id?: string;
  text: string;
  normal: string;
  machine?: string | null;
  alias?: string[];
  tags: Set<string>;
  root?: string;
  implicit?: string;
  switch?: string;
}

export interface MatchPattern {
  regs?: Reg[];
  group?: string | number;
  justOne?: boolean;
  notIf?: unknown;
}

export type Pointer = Array<number | string | undefined>;
/** compromise's methods.one, whose match runs one pattern on a document. */
export interface Matcher {
  match(document: unknown[][], pattern: MatchPattern): { ptrs: Pointer[]; byGroup?: Record<string, Pointer[]> };
}

/** The first tokens of a pattern that a word can be tested against without compromise. */
interface Plan {
  /** The first token, when its test is repeated here. */
  first?: Reg;
  /** The second, when the first always takes exactly one word and the second's test is repeated here. */
  second?: Reg;
  /** Tokens that each take a word at least (compromise stops trying when fewer words are left). */
  minLength: number;
}

const plans = new WeakMap<MatchPattern, Plan>();

/** Fields of a token whose test this module does not repeat (it then answers "may match"). */
const UNTESTED = ['fuzzy', 'method', 'pre', 'post', 'regex', 'chunk', 'machine', 'sense', 'choices', 'anything', 'negative', 'optional'];

function testable(reg: Reg | undefined): reg is Reg {
  return !!reg && !UNTESTED.some((field) => reg[field] !== undefined && reg[field] !== false) && !(reg.end === true && reg.greedy === true);
}

function planOf(pattern: MatchPattern): Plan {
  let plan = plans.get(pattern);
  if (plan) return plan;
  const regs = pattern.regs ?? [];
  const first = testable(regs[0]) ? regs[0] : undefined;
  // (A greedy first token may take several words: the second is then not tested.)
  const second = first && first.greedy !== true && testable(regs[1]) ? regs[1] : undefined;
  plan = { first, second, minLength: regs.filter((r) => r.optional !== true && r.negative !== true).length };
  plans.set(pattern, plan);
  return plan;
}

/**
 * Whether compromise's term test could pass for this first token at this word (its doesMatch, for
 * the token kinds planOf lets through: a word, a tag, one of a few words, a switch). False only
 * when it cannot; unsure cases answer true and compromise decides.
 */
function mayStart(term: MatchTerm, reg: Reg, index: number, length: number): boolean {
  if (reg.start === true && index !== 0) return false;
  if (reg.end === true && index !== length - 1) return false;
  if (reg.id !== undefined && reg.id === term.id) return true;
  if (reg.word !== undefined) {
    if (reg.use) return reg.word === term[reg.use];
    if (term.machine !== null && term.machine === reg.word) return true;
    if (term.alias && term.alias.some((s) => s === reg.word)) return true;
    return reg.word === term.text || reg.word === term.normal;
  }
  if (reg.tag !== undefined) return term.tags.has(reg.tag);
  if (reg.switch !== undefined) return term.switch === reg.switch;
  if (reg.fastOr !== undefined) {
    if (reg.pos && !term.tags.has(reg.pos)) return false;
    const str = term.root || term.implicit || term.machine || term.normal;
    return reg.fastOr.has(str as string) || reg.fastOr.has(term.text);
  }
  return true;
}

/** Whether the pattern can match from some word: its first token passes there, and its second at the next word. */
function mayMatch(words: MatchTerm[], plan: Plan & { first: Reg }): boolean {
  const length = words.length;
  for (let i = 0; i < length; i++) {
    if (length - i < plan.minLength) return false;
    if (!mayStart(words[i], plan.first, i, length)) continue;
    // (A contraction's first word lets compromise skip its second: "we've" is [we, have].)
    if (!plan.second || words[i].implicit) return true;
    if (i + 1 < length && mayStart(words[i + 1], plan.second, i + 1, length)) return true;
  }
  return false;
}

/** compromise's match([terms], pattern).ptrs, without running it where it cannot match. */
export function matchClause(terms: unknown[], pattern: MatchPattern, one: Matcher): Pointer[] {
  const plan = planOf(pattern);
  if (plan.first && !mayMatch(terms as MatchTerm[], plan as Plan & { first: Reg })) return [];
  return one.match([terms], pattern).ptrs;
}
