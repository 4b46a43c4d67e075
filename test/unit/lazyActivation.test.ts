import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '..', '..', '..');
const dist = (file: string) => path.join(root, 'dist', file);

interface Metafile {
  inputs: Record<string, unknown>;
  outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }>;
}

/** What only the on-demand bundle (dist/host.js) may hold: packages, and the heavy parts of core. */
const HEAVY = [/node_modules\//, /^src\/model\//, /^src\/core\/(pipeline|generator|extract|providers|check|verify|history|learning|output|explain)\//, /^src\/vscode\/(panel|generation|runs|history|sidebar|editor|export)\//];

// Issue #13, step 6: activation loads only registrations; this fails when the eager bundle grows back.
describe('lazy activation: the bundle loaded at activation', () => {
  let meta: Metafile;

  before(() => {
    assert.ok(existsSync(dist('extension.meta.json')), 'build first: npm run build');
    meta = JSON.parse(readFileSync(dist('extension.meta.json'), 'utf8')) as Metafile;
  });

  it('is the build in dist/ (the metafile describes dist/extension.js as it is)', () => {
    assert.equal(meta.outputs['dist/extension.js']?.bytes, statSync(dist('extension.js')).size);
  });

  it('holds no package and none of the pipeline, generator, providers, parsers, panel or history', () => {
    const heavy = Object.keys(meta.inputs).filter((input) => HEAVY.some((pattern) => pattern.test(input)));
    assert.deepEqual(heavy, [], 'these belong in dist/host.js (import them from src/vscode/host.ts, not from extension.ts)');
  });

  it('stays under 300 KB', () => {
    const bytes = statSync(dist('extension.js')).size;
    assert.ok(bytes < 300 * 1024, `dist/extension.js is ${(bytes / 1024).toFixed(1)} KB`);
  });

  it('requires the host bundle at run time instead of holding it, and the host bundle is built', () => {
    assert.match(readFileSync(dist('extension.js'), 'utf8'), /require\("\.\/host\.js"\)/);
    assert.ok(!Object.keys(meta.inputs).includes('src/vscode/host.ts'), 'src/vscode/host.ts is bundled into the eager bundle');
    const host = readFileSync(dist('host.js'), 'utf8');
    assert.ok(host.includes('startHost'), 'dist/host.js exports startHost');
  });
});

describe('bundle size: zod', () => {
  // esbuild keeps the whole `z` object (every locale, ~360 KB) for `import { z }`; a namespace import
  // lets it drop what is not used, in the host, CLI and webview bundles alike.
  it('is imported as a namespace in bundled code', () => {
    const offenders = ['src', 'webview-ui/src'].flatMap((dir) => sourceFiles(path.join(root, dir))).filter(importsNamedZ);
    assert.deepEqual(offenders.map((file) => path.relative(root, file)), [], "write `import * as z from 'zod'`");
  });
});

/** A value `import { z } from 'zod'` (not a type-only one, nor the same words in a generated file's template text). */
function importsNamedZ(file: string): boolean {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  return source.statements.some(
    (statement) =>
      ts.isImportDeclaration(statement) &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      statement.moduleSpecifier.text === 'zod' &&
      statement.importClause?.namedBindings !== undefined &&
      !statement.importClause.isTypeOnly &&
      ts.isNamedImports(statement.importClause.namedBindings) &&
      statement.importClause.namedBindings.elements.some((element) => element.name.text === 'z'),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}
