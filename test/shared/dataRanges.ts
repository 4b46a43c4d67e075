// Where data sits in a generated file: string literals, template text, JSX text and comments in
// TypeScript/JavaScript (from Babel's AST), strings, quoted identifiers and comments in SQL. The
// hostile-label tests blank these ranges and check that no hostile text is left in the code.
import { parse } from '@babel/parser';

const DATA_NODES = new Set(['StringLiteral', 'TemplateElement', 'JSXText', 'DirectiveLiteral']);

interface Node {
  type: string;
  start?: number | null;
  end?: number | null;
}

/** Parse errors of a .ts/.tsx/.js/.mjs/.cjs file ([] when it parses). */
export function scriptErrors(path: string, content: string): string[] {
  try {
    const ast = parse(content, { sourceType: 'module', plugins: pluginsFor(path), errorRecovery: true });
    return (ast.errors ?? []).map((e) => `${path}: ${e.reasonCode} ${String((e as unknown as Error).message)}`);
  } catch (error) {
    return [`${path}: ${(error as Error).message}`];
  }
}

/** The script with every string, template text, JSX text and comment replaced by spaces. */
export function scriptCode(path: string, content: string): string {
  const ast = parse(content, { sourceType: 'module', plugins: pluginsFor(path) });
  const ranges: [number, number][] = (ast.comments ?? []).map((c) => [c.start ?? 0, c.end ?? 0]);
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    const node = value as Node;
    if (typeof node.type === 'string' && DATA_NODES.has(node.type) && node.start != null && node.end != null) ranges.push([node.start, node.end]);
    for (const [key, child] of Object.entries(value)) if (key !== 'loc' && key !== 'comments' && key !== 'leadingComments' && key !== 'trailingComments' && key !== 'innerComments') walk(child);
  };
  walk(ast.program);
  return blank(content, ranges);
}

/** Babel's comment values, for checks that a comment holds no line break a payload brought. */
export function scriptComments(path: string, content: string): string[] {
  const ast = parse(content, { sourceType: 'module', plugins: pluginsFor(path) });
  return (ast.comments ?? []).map((c) => c.value);
}

function pluginsFor(path: string): ('typescript' | 'jsx')[] {
  if (/\.tsx$/.test(path)) return ['typescript', 'jsx'];
  if (/\.[mc]?ts$/.test(path)) return ['typescript'];
  return ['jsx'];
}

/**
 * The SQL with its string literals ('…' with '' inside), quoted identifiers ("…"), line comments
 * (-- to the end of the line) and block comments (nested, as in Postgres) replaced by spaces.
 * Throws on an unterminated string, identifier or comment.
 */
export function sqlCode(sql: string): string {
  const ranges: [number, number][] = [];
  let i = 0;
  const closeQuoted = (quote: string) => {
    const start = i++;
    for (;;) {
      const at = sql.indexOf(quote, i);
      if (at < 0) throw new Error(`unterminated ${quote} at ${start}`);
      if (sql[at + 1] === quote) i = at + 2;
      else {
        i = at + 1;
        break;
      }
    }
    ranges.push([start, i]);
  };
  while (i < sql.length) {
    if (sql[i] === "'" || sql[i] === '"') closeQuoted(sql[i]);
    else if (sql.startsWith('--', i)) {
      const end = sql.slice(i).search(/[\r\n]/);
      const stop = end < 0 ? sql.length : i + end;
      ranges.push([i, stop]);
      i = stop;
    } else if (sql.startsWith('/*', i)) {
      const start = i;
      let depth = 0;
      do {
        if (sql.startsWith('/*', i)) (depth++, (i += 2));
        else if (sql.startsWith('*/', i)) (depth--, (i += 2));
        else if (i >= sql.length) throw new Error(`unterminated comment at ${start}`);
        else i++;
      } while (depth > 0);
      ranges.push([start, i]);
    } else i++;
  }
  return blank(sql, ranges);
}

function blank(text: string, ranges: [number, number][]): string {
  const chars = [...text.split('')];
  for (const [start, end] of ranges) for (let i = start; i < end; i++) if (chars[i] !== '\n') chars[i] = ' ';
  return chars.join('');
}
