// Where in a file something is: the first line matching the first pattern that matches at all, so
// a link opens the editor where the answer points (a rule's check, a route, a test), not at the top.

export type LinePattern = string | RegExp;

/** 1-based line of the first match of the first pattern that matches; undefined when none does. */
export function lineOf(text: string, patterns: readonly LinePattern[]): number | undefined {
  const lines = text.split('\n');
  for (const pattern of patterns) {
    const index = lines.findIndex((line) => (typeof pattern === 'string' ? line.includes(pattern) : pattern.test(line)));
    if (index >= 0) return index + 1;
  }
  return undefined;
}

/**
 * The line of the doc comment (or declaration) that opens the function holding `line`: a link to a
 * check lands on its explanation, not on the throw in its middle. Looks at most `reach` lines up;
 * when it meets the end of an earlier block first, `line` itself is the answer.
 */
export function openingLine(text: string, line: number, reach = 15): number {
  const lines = text.split('\n');
  const floor = Math.max(0, line - 1 - reach);
  for (let index = line - 1; index >= floor; index--) {
    const current = lines[index].trimStart();
    if (index < line - 1 && current.startsWith('}')) return line;
    if (!/^(export\s+)?(async\s+)?function\b/.test(current)) continue;
    // The declaration; its doc comment, when it has one, ends on the line above.
    if (index > 0 && lines[index - 1].trimEnd().endsWith('*/')) {
      for (let doc = index - 1; doc >= floor; doc--) if (lines[doc].trimStart().startsWith('/**')) return doc + 1;
    }
    return index + 1;
  }
  return line;
}
