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

/** One of the first tokens of a pattern, as tested here against the words from where a match would start. */
interface Step {
  reg: Reg;
  /** "#Adjective?": the word fits it, or the word is left to the next step. */
  optional: boolean;
  /** The token may take several words ("#Noun+", "(a b|c)"): the steps stop after it. */
  several: boolean;
}

/** The first tokens of a pattern that words can be tested against without compromise. */
interface Plan {
  steps: Step[];
  /** Tokens that each take a word at least (compromise stops trying when fewer words are left). */
  minLength: number;
}

const plans = new WeakMap<MatchPattern, Plan>();

/** Fields of a token whose test this module does not repeat (it then answers "may match"). */
const UNTESTED = ['fuzzy', 'method', 'pre', 'post', 'regex', 'chunk', 'machine', 'sense', 'choices', 'anything', 'negative', 'optional'];

function testable(reg: Reg | undefined): boolean {
  return reg !== undefined && !UNTESTED.some((field) => reg[field] !== undefined && reg[field] !== false) && !(reg.end === true && reg.greedy === true);
}

/**
 * A block of choices, "(a|b c)" or "(#Noun && @hasComma)": its first word must fit the first token
 * of one block (or) or of every block (and). Tested here when nothing else about it is special.
 */
function testableChoices(reg: Reg | undefined): reg is Reg & { choices: Reg[][] } {
  if (!reg || !Array.isArray(reg.choices) || (reg.operator !== 'and' && reg.operator !== 'or')) return false;
  if (!reg.choices.every((block) => Array.isArray(block) && block.length > 0)) return false;
  return !UNTESTED.some((field) => field !== 'choices' && reg[field] !== undefined && reg[field] !== false) && !(reg.end === true && reg.greedy === true);
}

/** A block of choices that always takes exactly one word: every choice is one token that takes one word. */
function oneWordChoices(reg: Reg & { choices: Reg[][] }): boolean {
  return reg.greedy !== true && reg.choices.every((block) => block.length === 1 && block[0].greedy !== true);
}

/** Steps to test: up to this many first tokens. */
const MAX_STEPS = 4;

/**
 * The first tokens tested here: from the first, while each is a word, a tag, a few words, a switch
 * or a block of choices (optional ones too, when they take one word), up to one that may take
 * several words. After an optional token compromise may let one word stand for two tokens, and
 * then checks the first one's anchors: the steps stop before an anchored token there.
 */
function stepsOf(regs: Reg[]): Step[] {
  const steps: Step[] = [];
  let afterOptional = false;
  for (const reg of regs.slice(0, MAX_STEPS)) {
    if (afterOptional && (reg.start === true || reg.end === true)) break;
    if (testable(reg) || testableChoices(reg)) {
      const several = testableChoices(reg) ? !oneWordChoices(reg) : reg.greedy === true;
      steps.push({ reg, optional: false, several });
      if (several) break;
      continue;
    }
    // An optional token that takes one word ("#Adjective?"), not first.
    if (steps.length && reg.optional === true && reg.negative !== true && reg.greedy !== true && testable({ ...reg, optional: undefined })) {
      steps.push({ reg, optional: true, several: false });
      afterOptional = true;
      continue;
    }
    break;
  }
  return steps;
}

function planOf(pattern: MatchPattern): Plan {
  let plan = plans.get(pattern);
  if (plan) return plan;
  const regs = pattern.regs ?? [];
  plan = { steps: stepsOf(regs), minLength: regs.filter((r) => r.optional !== true && r.negative !== true).length };
  plans.set(pattern, plan);
  return plan;
}

/**
 * Whether compromise's term test could pass for this first token at this word (its doesMatch, for
 * the token kinds planOf lets through: a word, a tag, one of a few words, a switch, a block of
 * choices). False only when it cannot; unsure cases answer true and compromise decides.
 */
function mayStart(term: MatchTerm, reg: Reg, index: number, length: number): boolean {
  if (reg.choices !== undefined) return mayStartChoices(term, reg as Reg & { choices: Reg[][] }, index, length);
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

/**
 * A block of choices at this word (compromise's or-block and and-block): each choice's first token
 * must fit the word, for one choice (or) or for all (and). A first token not tested here counts as fitting.
 */
function mayStartChoices(term: MatchTerm, reg: Reg & { choices: Reg[][] }, index: number, length: number): boolean {
  const fitsChoice = (block: Reg[]): boolean => !(testable(block[0]) || testableChoices(block[0])) || mayStart(term, block[0], index, length);
  return reg.operator === 'and' ? reg.choices.every(fitsChoice) : reg.choices.some(fitsChoice);
}

/**
 * Whether the steps can match from word `at` on: each word fits its step in turn, an optional step
 * either takes the word or leaves it to the next. (compromise takes an optional word when it fits,
 * without trying the other way: trying both only lets more through.)
 */
function mayFollow(words: MatchTerm[], steps: Step[], step: number, at: number): boolean {
  if (step === steps.length) return true;
  const { reg, optional, several } = steps[step];
  if (at >= words.length) return optional && mayFollow(words, steps, step + 1, at);
  const word = words[at];
  const fits = mayStart(word, reg, at, words.length);
  // (A contraction's first word lets compromise skip its second: "we've" is [we, have].)
  if (fits && (several || word.implicit)) return true;
  if (optional) return (fits && mayFollow(words, steps, step + 1, at + 1)) || mayFollow(words, steps, step + 1, at);
  return fits && mayFollow(words, steps, step + 1, at + 1);
}

/** Whether the pattern can match from some word: its first tokens fit the words from there. */
function mayMatch(words: MatchTerm[], plan: Plan): boolean {
  const length = words.length;
  for (let i = 0; i < length; i++) {
    if (length - i < plan.minLength) return false;
    if (mayFollow(words, plan.steps, 0, i)) return true;
  }
  return false;
}

/** compromise's match([terms], pattern).ptrs, without running it where it cannot match. */
export function matchClause(terms: unknown[], pattern: MatchPattern, one: Matcher): Pointer[] {
  const plan = planOf(pattern);
  if (plan.steps.length && !mayMatch(terms as MatchTerm[], plan)) return [];
  return one.match([terms], pattern).ptrs;
}
