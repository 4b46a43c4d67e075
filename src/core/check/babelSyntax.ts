// A TypeScript/TSX syntax check that needs no TypeScript install: Babel's parser (pure JS, small
// enough to bundle), so the extension can accept model-written code after checking it. The CLI prefers
// the TypeScript compiler when it is installed and falls back to this.
import { parse } from '@babel/parser';
import type { SyntaxChecker } from './tsSyntax';

interface BabelError {
  message: string;
  loc?: { line: number; column: number };
}

export function createBabelSyntaxChecker(): SyntaxChecker {
  return (path, content) => {
    if (!/\.(ts|tsx|mts|cts)$/.test(path)) return [];
    const plugins: ('typescript' | 'jsx')[] = path.endsWith('.tsx') ? ['typescript', 'jsx'] : ['typescript'];
    try {
      const errors = (parse(content, { sourceType: 'module', plugins, errorRecovery: true }).errors ?? []) as BabelError[];
      return errors.slice(0, 10).map((error) => describe(path, error));
    } catch (error) {
      return [describe(path, error as BabelError)];
    }
  };
}

/** "path:line: message" like the TypeScript checker (Babel's message ends with "(line:column)"). */
function describe(path: string, error: BabelError): string {
  const message = String(error.message).replace(/\s*\(\d+:\d+\)$/, '');
  return `${path}${error.loc ? `:${error.loc.line}` : ''}: ${message}`;
}
