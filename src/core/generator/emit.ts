// The one way spec strings (labels, titles, descriptions, messages, notes) enter generated files:
// one helper per context, so a label is always data and never code (issue #12). The schema already
// refuses control characters, U+2028/U+2029 and bidi controls; these helpers hold even without it.
import { BIDI_CONTROLS, CONTROL_CHARACTERS, LINE_SEPARATORS } from '../../model/project/projectSpec';

// For ordinary text every helper returns what the templates always wrote, so output stays the same.

/** Line terminators of JavaScript (LF, CR, U+2028, U+2029) and of SQL and Markdown (LF, CR). */
const LINE_BREAKS = new RegExp(`\\r\\n|[\\n\\r${LINE_SEPARATORS}]`, 'g');
/** Characters that reorder what a reader sees ("Trojan Source") and other controls. */
const INVISIBLE_CONTROLS = new RegExp(`[${CONTROL_CHARACTERS}${BIDI_CONTROLS}]`, 'g');

/** Text on one line: line breaks become spaces, control and bidi characters are dropped. */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(INVISIBLE_CONTROLS, '');
}

/**
 * A JavaScript/TypeScript/JSON string literal: JSON.stringify, plus U+2028/U+2029 escaped (raw they
 * end a line in older parsers and in YAML) and `</script` broken so the literal could sit in an
 * inline script.
 */
export function jsString(text: string): string {
  return jsValue(text);
}

/**
 * A JavaScript literal of a JSON value (string, number, boolean, null, or arrays and objects of them),
 * strings escaped as in jsString (both escapes can only occur inside JSON strings).
 */
export function jsValue(value: unknown): string {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) return 'undefined';
  return json
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    .replace(/<\/(script)/gi, '<\\/$1');
}

/** The inside of a single-quoted JS string ('…'), for templates that write the quotes themselves. */
export function singleQuotedText(text: string): string {
  return jsString(text)
    .slice(1, -1)
    .replace(/\\"/g, '"')
    .replace(/'/g, "\\'");
}

/** The inside of a template literal (`…`): backslash, backtick and `${` escaped, line breaks too (kept exactly, on one line). */
export function templateText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/`/g, '\\`')
    .replace(/\$\{/g, '\\${')
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Text in a `//` (JS) or `--` (SQL) comment: one line, so nothing after it can become code. */
export function lineComment(text: string): string {
  return oneLine(text);
}

/** Text in a `/* … *\/` or JSDoc comment: one line, and `*\/` broken so the comment cannot close early. */
export function blockComment(text: string): string {
  return oneLine(text).replace(/\*\//g, '*\\/');
}

/** A SQL string literal ('…', quotes doubled; standard_conforming_strings keeps backslashes literal). */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** HTML text or a double-quoted attribute value. */
export function htmlText(text: string): string {
  return oneLine(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A JSX text child: HTML-escaped (JSX decodes entities), with braces written as expressions. */
export function jsxText(text: string): string {
  return htmlText(text).replace(/[{}]/g, (brace) => `{'${brace}'}`);
}

/**
 * Markdown inline text: one line, with what could start markup escaped: backslash, backtick, `*`,
 * `_` (not inside a word), `[`, `]`, `<` (HTML), `|` (table cells), and a block marker at the start.
 */
export function markdownText(text: string): string {
  return oneLine(text)
    .replace(/[\\`*[\]<|]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#>+=-]|\d+[.)])/, '$1\\$2');
}

/** Markdown paragraphs: each line escaped as markdownText, line breaks kept. */
export function markdownProse(text: string): string {
  return text.split(LINE_BREAKS).map(markdownText).join('\n');
}

/** A Markdown code span around text that may itself hold backticks (in a table cell, `|` escaped too). */
export function markdownCode(text: string, inTable = false): string {
  const inner = inTable ? oneLine(text).replace(/\|/g, '\\|') : oneLine(text);
  const longest = Math.max(0, ...(inner.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return longest ? `${fence} ${inner} ${fence}` : `${fence}${inner}${fence}`;
}
