// Small string helpers shared by the backend templates.
import { parse } from '@babel/parser';
import type { FileSet } from '../fileSet';
import { scannedIdentifiers } from './codeIdentifiers';

/** A TypeScript/JSON string literal (see emit.ts: every spec string goes through a context's helper). */
export { jsString as str, sqlString } from '../emit';

/** A SQL identifier in double quotes. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Joins template lines, dropping `null`/`false` entries so conditional lines stay readable. */
export function lines(...parts: (string | null | undefined | false)[]): string {
  return parts.filter((part): part is string => typeof part === 'string').join('\n');
}

/** Indents every non-empty line. */
export function indent(text: string, spaces = 2): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join('\n');
}

export function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** Where generator modules add files (a FileSet, or a wrapper that post-processes content). */
export interface FileSink {
  add: FileSet['add'];
}

const NAMED_IMPORT = /^import (type )?\{ ([^}]*) \} from ('[^']+');$/;

/**
 * Drops imported names the rest of the file never mentions (and empty import lines), so generated
 * TypeScript passes `noUnusedLocals` whatever parts of the templates a spec switches on. Names are
 * looked up in the code only, never in strings or comments, so a label cannot keep an import alive.
 */
export function pruneImports(code: string): string {
  const allLines = code.split('\n');
  const rest = allLines.filter((line) => !NAMED_IMPORT.test(line)).join('\n');
  const localName = (name: string) => name.replace(/^type /, '').replace(/^.* as /, '');
  // A name that is no word of the text is certainly unused; only the others need the parse.
  const inText = wordsOf(rest);
  const wanted = new Set(
    allLines.flatMap((line) => {
      const match = NAMED_IMPORT.exec(line);
      return match ? match[2].split(',').map((name) => localName(name.trim())).filter((name) => name && inText(name)) : [];
    }),
  );
  const uses = wanted.size === 0 ? () => false : identifiersIn(rest, wanted) ?? ((name: string) => new RegExp(`(^|[^A-Za-z0-9_$.])${name.replace(/\$/g, '\\$')}([^A-Za-z0-9_$]|$)`, 'm').test(rest));
  return allLines
    .flatMap((line) => {
      const match = NAMED_IMPORT.exec(line);
      if (!match) return [line];
      const [, typeOnly, list, from] = match;
      const kept = list
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name && uses(localName(name)));
      return kept.length ? [`import ${typeOnly ?? ''}{ ${kept.join(', ')} } from ${from};`] : [];
    })
    .join('\n');
}

/**
 * Whether a name occurs in the text as a whole identifier-like word. One pass over the text: a
 * `includes` per imported name scanned files like seed.ts (entities × fields long) once per entity.
 * Text with `\u` escapes (which could spell an identifier differently) falls back to `includes`.
 */
function wordsOf(text: string): (name: string) => boolean {
  if (text.includes('\\u')) return (name) => text.includes(name);
  const words = new Set(text.match(/[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*/gu));
  return (name) => words.has(name);
}

/**
 * Which of the wanted names the code uses as an identifier (not as `.property`), or undefined
 * when it does not parse.
 */
function identifiersIn(code: string, wanted: Set<string>): ((name: string) => boolean) | undefined {
  const found = scannedIdentifiers(code, wanted) ?? parsedIdentifiers(code, wanted);
  return found && ((name) => found.has(name));
}

/** Which of the wanted names the parsed code uses as identifiers (undefined when it does not parse). */
export function parsedIdentifiers(code: string, wanted: ReadonlySet<string>): Set<string> | undefined {
  let program: unknown;
  try {
    // No comment attachment: comments are never searched, and attaching them costs time on large files.
    program = parse(code, { sourceType: 'module', plugins: ['typescript'], attachComment: false }).program;
  } catch {
    return undefined;
  }
  return wantedIdentifiers(program, wanted);
}

/** AST keys that hold positions or metadata, never child nodes. */
const NOT_CHILDREN = new Set(['type', 'start', 'end', 'loc', 'range', 'extra', 'leadingComments', 'trailingComments', 'innerComments']);

// Iterative, without per-node Object.entries arrays, and done as soon as every wanted name is
// found: wide entities give files with hundreds of thousands of nodes, and this runs per .ts file.
function wantedIdentifiers(root: unknown, wanted: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  const stack: unknown[] = [root];
  while (stack.length && found.size < wanted.size) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push(value[i]);
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    const node = value as Record<string, unknown> & { type?: string; computed?: boolean };
    if ((node.type === 'Identifier' || node.type === 'JSXIdentifier') && typeof node.name === 'string' && wanted.has(node.name)) found.add(node.name);
    for (const key in node) {
      if (NOT_CHILDREN.has(key)) continue;
      // `x.name` and `A.B` name a property, not the imported binding.
      if (key === 'property' && (node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') && !node.computed) continue;
      if (key === 'right' && node.type === 'TSQualifiedName') continue;
      const child = node[key];
      if (child && typeof child === 'object') stack.push(child);
    }
  }
  return found;
}
