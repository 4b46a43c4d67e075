// Small string helpers shared by the backend templates.
import type { FileSet } from '../fileSet';

/** A TypeScript/JSON string literal. */
export function str(value: string): string {
  return JSON.stringify(value);
}

/** A SQL identifier in double quotes. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A SQL string literal. */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
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
 * TypeScript passes `noUnusedLocals` whatever parts of the templates a spec switches on.
 */
export function pruneImports(code: string): string {
  const allLines = code.split('\n');
  const rest = allLines.filter((line) => !NAMED_IMPORT.test(line)).join('\n');
  const uses = (name: string) => new RegExp(`(^|[^A-Za-z0-9_$.])${name.replace(/\$/g, '\\$')}([^A-Za-z0-9_$]|$)`, 'm').test(rest);
  return allLines
    .flatMap((line) => {
      const match = NAMED_IMPORT.exec(line);
      if (!match) return [line];
      const [, typeOnly, list, from] = match;
      const kept = list
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name && uses(name.replace(/^type /, '').replace(/^.* as /, '')));
      return kept.length ? [`import ${typeOnly ?? ''}{ ${kept.join(', ')} } from ${from};`] : [];
    })
    .join('\n');
}
