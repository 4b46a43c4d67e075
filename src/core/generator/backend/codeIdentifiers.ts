// Which of some names a TypeScript file's code uses as identifiers, read by a small scanner instead
// of a full parse. pruneImports asks this of every generated .ts file, and the review step's
// forecast generates the whole project: the Babel parse was about 70% of the forecast's time.
// The scanner answers only for code it can read with certainty (strings, comments, template
// literals, numbers, `.property`) and gives up at anything else, so the caller parses instead:
// a `/` that starts no comment (a regex or a division), a backslash or non-ASCII character outside
// strings, `import(`, an unclosed string, comment or template, or a name TypeScript also uses as a
// keyword. test/unit/codeIdentifiers.test.ts compares it with the parse on every generated file.

/** Words that are identifiers in some places and keywords or type names in others: left to the parser. */
export const KEYWORD_LIKE = new Set(
  'abstract accessor any as asserts async await bigint boolean constructor declare enum from get global implements in infer interface intrinsic is keyof let meta module namespace never number object of out override package private protected public readonly require satisfies set static string symbol target type undefined unique unknown void yield'.split(
    ' ',
  ),
);

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const isWordChar = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_' || c === '$';

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
  let last = '';
  for (let i = 0; i < code.length; ) {
    const c = code[i];
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '/') {
      if (code[i + 1] === '/') i = code.includes('\n', i) ? code.indexOf('\n', i) : code.length;
      else if (code[i + 1] === '*' && code.includes('*/', i + 2)) i = code.indexOf('*/', i + 2) + 2;
      else return undefined;
    } else if (c === '"' || c === "'" || c === '`' || (c === '}' && templates.at(-1) === depth - 1)) {
      if (c === '}') {
        templates.pop();
        depth--;
      }
      const text = c === '"' || c === "'" ? { end: stringEnd(code, i, c), expression: false } : templateText(code, i + 1);
      if (text.end < 0) return undefined;
      if (text.expression) templates.push(depth++);
      i = text.end;
      afterDot = false;
      last = c;
    } else if ((c >= '0' && c <= '9') || (c === '.' && code[i + 1] >= '0' && code[i + 1] <= '9')) {
      // 1.5, 0x1F, 1e5, 10n, 1_000: no identifier inside (a `.name` after a number is a property anyway).
      i = wordEnd(code, i, true);
      afterDot = false;
      last = '0';
    } else if (isWordChar(c)) {
      const end = wordEnd(code, i, false);
      const word = code.slice(i, end);
      if (word === 'import' && code[end] === '(') return undefined;
      const property = afterDot && beforeDot !== 'import' && beforeDot !== 'new';
      if (!property && wanted.has(word)) found.add(word);
      i = end;
      afterDot = false;
      last = word;
    } else if (c === '.') {
      const spread = code.startsWith('...', i);
      afterDot = !spread;
      beforeDot = last;
      last = '.';
      i += spread ? 3 : 1;
    } else if (c === '\\' || c.charCodeAt(0) > 127) {
      return undefined;
    } else {
      if (c === '{') depth++;
      else if (c === '}') depth--;
      // `this.#secret`: the private name is still the member's property.
      if (c !== '#') afterDot = false;
      last = c;
      i++;
    }
  }
  return templates.length ? undefined : found;
}
