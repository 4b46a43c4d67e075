// Which of some names a TypeScript file's code uses as identifiers, read by a small scanner instead
// of a full parse. pruneImports asks this of every generated .ts file, and the review step's
// forecast generates the whole project: the Babel parse was about 70% of the forecast's time.
// The scanner answers only for code it can read with certainty (strings, comments, template
// literals, regex literals, numbers, `.property`) and gives up at anything else, so the caller
// parses instead: a `/` after `}` or `++` (regex or division), a backslash or non-ASCII character
// outside strings, `import(`, an unclosed string, comment, regex or template, or a name TypeScript
// also uses as a keyword. test/unit/codeIdentifiers.test.ts compares it with the parse on every generated file.

/** Words that are identifiers in some places and keywords or type names in others: left to the parser. */
export const KEYWORD_LIKE = new Set(
  'abstract accessor any as asserts async await bigint boolean constructor declare enum from get global implements in infer interface intrinsic is keyof let meta module namespace never number object of out override package private protected public readonly require satisfies set static string symbol target type undefined unique unknown void yield'.split(
    ' ',
  ),
);

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const isWordChar = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_' || c === '$';

/** Words after which a `/` starts a regex, not a division. */
const BEFORE_REGEX = new Set('return typeof case do else in of new delete void throw instanceof yield await'.split(' '));

/**
 * What a `/` (not a comment) is after the token `last`: a division after a value (a name, a number,
 * a string, `)` or `]`), a regex where an expression starts; undefined where it is unclear (`}`, `++`).
 */
function slashAfter(last: string): 'regex' | 'division' | undefined {
  if (last === '' || (last.length === 1 && '(,=:[!&|?{;+-*%<>~^'.includes(last)) || BEFORE_REGEX.has(last)) return 'regex';
  if (last === '0' || last === ')' || last === ']' || last === "'" || last === '"' || last === '`' || /^[A-Za-z_$]/.test(last)) return 'division';
  return undefined;
}

/** The end of a regex literal starting at i, its flags included (-1: not closed on its line). */
function regexEnd(code: string, i: number): number {
  let inClass = false;
  for (let k = i + 1; k < code.length; k++) {
    const c = code[k];
    if (c === '\\') k++;
    else if (c === '\n') return -1;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) return wordEnd(code, k, false);
  }
  return -1;
}

/** The end of the word (or, with dots, the number) starting at i. */
function wordEnd(code: string, i: number, dots: boolean): number {
  let end = i + 1;
  while (end < code.length && (isWordChar(code[end]) || (dots && code[end] === '.'))) end++;
  return end;
}

/** The end of a quoted string starting at i (just past the closing quote), or -1 when it is not closed on its line. */
function stringEnd(code: string, i: number, quote: string): number {
  for (let k = i + 1; k < code.length; k++) {
    const c = code[k];
    if (c === '\\') k++;
    else if (c === quote) return k + 1;
    else if (c === '\n') return -1;
  }
  return -1;
}

/** From inside a template literal at i: where its text ends and whether a `${` expression starts there (-1: unclosed). */
function templateText(code: string, i: number): { end: number; expression: boolean } {
  for (let k = i; k < code.length; k++) {
    const c = code[k];
    if (c === '\\') k++;
    else if (c === '`') return { end: k + 1, expression: false };
    else if (c === '$' && code[k + 1] === '{') return { end: k + 2, expression: true };
  }
  return { end: -1, expression: false };
}

/**
 * The wanted names the code uses as identifiers the way Babel's AST has them (any Identifier that
 * is not the property of `x.name`, `x?.name` or `A.B`; `import.meta` and `new.target` count), or
 * undefined when the scanner cannot be sure.
 */
export function scannedIdentifiers(code: string, wanted: ReadonlySet<string>): Set<string> | undefined {
  for (const name of wanted) if (KEYWORD_LIKE.has(name) || !IDENTIFIER.test(name)) return undefined;
  const found = new Set<string>();
  /** Brace depths at which an open template expression closes, innermost last. */
  const templates: number[] = [];
  let depth = 0;
  let afterDot = false;
  let beforeDot = '';
  /** The last token read ('0' for a number or regex, the quote for a string or template): what a `/` after it is. */
  let last = '';
  for (let i = 0; i < code.length; ) {
    const c = code[i];
    let token = c;
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r' || (c === '/' && (code[i + 1] === '/' || code[i + 1] === '*'))) {
      // Space and comments leave the last token as it was.
      i = c !== '/' ? i + 1 : code[i + 1] === '/' ? (code.includes('\n', i) ? code.indexOf('\n', i) : code.length) : code.includes('*/', i + 2) ? code.indexOf('*/', i + 2) + 2 : -1;
      if (i < 0) return undefined;
      continue;
    } else if (c === '/') {
      const slash = slashAfter(last);
      i = slash === 'regex' ? regexEnd(code, i) : slash === 'division' ? i + 1 : -1;
      if (slash === 'regex') token = '0';
    } else if (c === '"' || c === "'" || c === '`' || (c === '}' && templates.at(-1) === depth - 1)) {
      if (c === '}') depth = templates.pop()!;
      const text = c === '"' || c === "'" ? { end: stringEnd(code, i, c), expression: false } : templateText(code, i + 1);
      if (text.expression) templates.push(depth++);
      i = text.end;
    } else if ((c >= '0' && c <= '9') || (c === '.' && code[i + 1] >= '0' && code[i + 1] <= '9')) {
      // 1.5, 0x1F, 1e5, 10n, 1_000: no identifier inside (a `.name` after a number is a property anyway).
      i = wordEnd(code, i, true);
      token = '0';
    } else if (isWordChar(c)) {
      const end = wordEnd(code, i, false);
      token = code.slice(i, end);
      if (token === 'import' && code[end] === '(') return undefined;
      if (!(afterDot && beforeDot !== 'import' && beforeDot !== 'new') && wanted.has(token)) found.add(token);
      i = end;
    } else if (c === '.') {
      if (code.startsWith('...', i)) token = '...';
      else beforeDot = last;
      i += token.length;
    } else if (c === '\\' || c.charCodeAt(0) > 127) {
      return undefined;
    } else {
      // `x++ / 2` or `++ /re/`: a `/` after `++` is left to the parser.
      if ((c === '+' || c === '-') && code[i + 1] === c) token = c + c;
      if (c === '{') depth++;
      else if (c === '}') depth--;
      i += token.length;
    }
    if (i < 0) return undefined;
    // `this.#secret`: the private name is still the member's property.
    if (token !== '#') afterDot = token === '.';
    last = token;
  }
  return templates.length ? undefined : found;
}
