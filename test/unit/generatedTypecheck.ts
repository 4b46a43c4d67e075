// Type-checks a generated backend without installing it: the packages it imports (hono,
// drizzle-orm, zod, vitest, ...) are replaced by permissive stand-ins (every import is an `any`
// that can be called, constructed, indexed and used as a generic type), while the generated code's
// own modules are checked for real under the generated tsconfig's strictness. That finds what the
// templates get wrong on their own: unknown names, missing or wrong imports between generated
// files, unused declarations (the build uses noUnusedLocals), wrong calls of generated helpers.
import path from 'node:path';
import ts from 'typescript';
import type { GeneratedFile } from '../../src/core/generator/fileSet';

const ROOT = '/generated';

/** Named imports per bare module specifier, from `import { a, type B } from 'x'` (a default may come first) and `const { c } = await import('x')`. */
function packageImports(files: GeneratedFile[]): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const add = (module: string, names: string[]) => {
    if (module.startsWith('.') || module.startsWith('node:')) return;
    const set = found.get(module) ?? new Set<string>();
    for (const raw of names) {
      const name = raw.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0].trim();
      if (name && name !== 'default') set.add(name);
    }
    found.set(module, set);
  };
  for (const file of files) {
    for (const match of file.content.matchAll(/import\s+(?:type\s+)?(?:\w+\s*,\s*)?\{([^}]*)\}\s+from\s+'([^']+)'/g)) add(match[2], match[1].split(','));
    for (const match of file.content.matchAll(/const\s+\{([^}]*)\}\s*=\s*await\s+import\('([^']+)'\)/g)) add(match[2], match[1].split(',').map((n) => n.split(':')[0]));
    for (const match of file.content.matchAll(/import\s+(\w+)\s+from\s+'([^']+)'/g)) add(match[2], []);
  }
  return found;
}

function stubs(files: GeneratedFile[]): string {
  const out = [
    'type StubAnything = { new <A = any, B = any, C = any, D = any>(...args: any[]): any; <A = any, B = any, C = any, D = any>(...args: any[]): any; [key: string]: any };',
  ];
  for (const [module, names] of [...packageImports(files)].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`declare module '${module}' {`, '  const anything: StubAnything;', '  export default anything;');
    for (const name of [...names].sort()) {
      out.push(
        `  export const ${name}: StubAnything;`,
        `  export type ${name}<A = any, B = any, C = any, D = any> = any;`,
        `  export namespace ${name} { type infer<T = any> = any; type input<T = any> = any; type output<T = any> = any; type ZodType<A = any, B = any, C = any> = { [key: string]: any }; type RefinementCtx<T = any> = any; }`,
      );
    }
    out.push('}');
  }
  return out.join('\n');
}

/** Diagnostics that only come from the stand-ins being `any`, not from the generated code. */
function isStubArtifact(diagnostic: ts.Diagnostic, stubbedNames: Set<string>): boolean {
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (diagnostic.code === 2347) return true; // type arguments on a call of an `any`
  if (/parameter of type 'never'|on type 'never'/.test(text)) return true; // `const list = []` is never[] without noImplicitAny
  if (diagnostic.code === 6133 || diagnostic.code === 6196) {
    const name = /'([^']+)'/.exec(text)?.[1];
    return Boolean(name && stubbedNames.has(name));
  }
  return false;
}

/**
 * Problems of the generated TypeScript under `prefix` (e.g. `backend/`), as `file(line): message`
 * lines; empty when it type-checks. Node's own types come from this repository's @types/node.
 */
export function typecheckGenerated(files: GeneratedFile[], prefix = 'backend/'): string[] {
  const sources = new Map<string, string>();
  for (const file of files) {
    if (!file.path.startsWith(prefix) || !file.path.endsWith('.ts')) continue;
    sources.set(path.posix.join(ROOT, file.path.slice(prefix.length)), file.content);
  }
  const relevant = files.filter((f) => f.path.startsWith(prefix));
  sources.set(path.posix.join(ROOT, 'stubs.d.ts'), stubs(relevant));
  const stubbedNames = new Set([...packageImports(relevant).values()].flatMap((names) => [...names]));
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noImplicitAny: false, // callbacks passed to stand-ins have no contextual type
    noUnusedLocals: true,
    noFallthroughCasesInSwitch: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
    typeRoots: [path.resolve(__dirname, '..', '..', '..', 'node_modules', '@types')],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (name) => sources.get(name) ?? readFile(name);
  host.fileExists = (name) => sources.has(name) || fileExists(name);
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (name) => name === ROOT || name.startsWith(ROOT + '/') ? [...sources.keys()].some((file) => file.startsWith(name + '/')) : directoryExists?.(name) ?? true;
  host.realpath = (name) => name;
  host.getSourceFile = ((original) => (name, languageVersion, onError, shouldCreate) => {
    const text = sources.get(name);
    return text !== undefined ? ts.createSourceFile(name, text, languageVersion, true) : original(name, languageVersion, onError, shouldCreate);
  })(host.getSourceFile.bind(host));
  // The generated package is an ES module ("type": "module"): NodeNext resolves its .js imports to the .ts files.
  sources.set(path.posix.join(ROOT, 'package.json'), JSON.stringify({ type: 'module' }));
  const program = ts.createProgram([...sources.keys()].filter((name) => name.endsWith('.ts')), options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => !isStubArtifact(d, stubbedNames))
    .map((d) => {
      const where = d.file ? `${d.file.fileName.slice(ROOT.length + 1)}(${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1})` : '';
      return `${where}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
}
