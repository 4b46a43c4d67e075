// Syntax check for TypeScript written by a model, before Takoss accepts it. The TypeScript module
// is passed in (the CLI bundles it; tests use the devDependency) so src/core stays light.
export interface TypeScriptLike {
  transpileModule(
    input: string,
    options: { fileName?: string; reportDiagnostics?: boolean; compilerOptions?: Record<string, unknown> },
  ): { diagnostics?: readonly { messageText: string | { messageText: string }; start?: number }[] };
}

export type SyntaxChecker = (path: string, content: string) => string[];

export function createSyntaxChecker(ts: TypeScriptLike): SyntaxChecker {
  return (path, content) => {
    if (!/\.(ts|tsx|mts|cts)$/.test(path)) return [];
    const { diagnostics = [] } = ts.transpileModule(content, {
      fileName: path,
      reportDiagnostics: true,
      compilerOptions: { jsx: 4 /* react-jsx */, target: 99 /* ESNext */, module: 99 /* ESNext */ },
    });
    return diagnostics.slice(0, 10).map((diagnostic) => {
      const text = typeof diagnostic.messageText === 'string' ? diagnostic.messageText : diagnostic.messageText.messageText;
      const line = diagnostic.start === undefined ? '' : `:${content.slice(0, diagnostic.start).split('\n').length}`;
      return `${path}${line}: ${text}`;
    });
  };
}
