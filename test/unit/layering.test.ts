// The folder layering a newcomer reads from the names: src/model is the shared vocabulary (zod only),
// the webview imports nothing of the host but src/model, src/core and src/cli never import VS Code.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

interface ImportEdge {
  /** Repo-relative importing file. */
  from: string;
  /** Repo-relative resolved file for relative specifiers, else the bare package name. */
  to: string;
  relative: boolean;
}

interface LayerRule {
  name: string;
  /** Files the rule applies to (repo-relative prefix). */
  files: string;
  /** Whether an import is allowed. */
  allows(edge: ImportEdge): boolean;
}

const under = (file: string, folder: string) => file === folder || file.startsWith(folder + '/');

export const LAYER_RULES: LayerRule[] = [
  {
    name: 'src/model imports only src/model and zod',
    files: 'src/model',
    allows: (edge) => (edge.relative ? under(edge.to, 'src/model') : edge.to === 'zod'),
  },
  {
    name: 'the webview imports only webview-ui and src/model from this repo',
    files: 'webview-ui/src',
    allows: (edge) => !edge.relative || under(edge.to, 'webview-ui') || under(edge.to, 'src/model'),
  },
  {
    name: 'src/core never imports VS Code, the extension or the CLI',
    files: 'src/core',
    allows: (edge) =>
      edge.relative ? !under(edge.to, 'src/vscode') && !under(edge.to, 'src/cli') && edge.to !== 'src/extension.ts' : edge.to !== 'vscode',
  },
  {
    name: 'src/cli never imports VS Code or the extension',
    files: 'src/cli',
    allows: (edge) => (edge.relative ? !under(edge.to, 'src/vscode') && edge.to !== 'src/extension.ts' : edge.to !== 'vscode'),
  },
];

const IMPORT = /(?:^|[\s;])(?:import|export)\s(?:[^'";]*?\sfrom\s)?['"]([^'"]+)['"]|(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every import of a source text, resolved against its (repo-relative) file. */
export function importsOf(file: string, text: string, exists: (repoPath: string) => boolean): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2];
    if (specifier.startsWith('.')) {
      const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      const resolved = ['.ts', '.tsx', '/index.ts', '/index.tsx', ''].map((ext) => base + ext).find(exists) ?? base;
      edges.push({ from: file, to: resolved, relative: true });
    } else {
      const parts = specifier.split('/');
      edges.push({ from: file, to: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0], relative: false });
    }
  }
  return edges;
}

export function layerViolations(edges: ImportEdge[], rules: LayerRule[] = LAYER_RULES): string[] {
  const problems: string[] = [];
  for (const rule of rules) {
    for (const edge of edges) {
      if (under(edge.from, rule.files) && !rule.allows(edge)) problems.push(`${rule.name}: ${edge.from} imports ${edge.to}`);
    }
  }
  return problems;
}

function sourceFiles(folder: string): string[] {
  const full = path.join(root, folder);
  const files: string[] = [];
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    const child = path.posix.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(child));
    else if (/\.tsx?$/.test(entry.name)) files.push(child);
  }
  return files;
}

const existsInRepo = (repoPath: string) => existsSync(path.join(root, repoPath)) && statSync(path.join(root, repoPath)).isFile();

describe('Layering of src/ and webview-ui/', () => {
  it('holds for every source file', () => {
    const files = [...sourceFiles('src'), ...sourceFiles('webview-ui/src')];
    assert.ok(files.length > 100, `expected the whole tree, found ${files.length} files`);
    const edges = files.flatMap((file) => importsOf(file, readFileSync(path.join(root, file), 'utf8'), existsInRepo));
    assert.deepEqual(layerViolations(edges), []);
  });

  it('src/model and src/protocol exist where the webview tsconfig says', () => {
    const tsconfig = readFileSync(path.join(root, 'webview-ui/tsconfig.json'), 'utf8');
    assert.match(tsconfig, /"\.\.\/src\/model\/\*\*\/\*\.ts"/);
    assert.ok(existsInRepo('src/model/protocol.ts'));
  });

  describe('the checker itself', () => {
    const exists = (p: string) => ['src/core/pipeline/orchestrator.ts', 'src/model/run/events.ts', 'src/vscode/log.ts'].includes(p);

    it('resolves relative imports, type imports, re-exports and require', () => {
      const text = [
        "import { z } from 'zod';",
        "import type { RunEvent } from '../run/events';",
        "export { x } from '../../core/pipeline/orchestrator';",
        "const vscode = require('vscode');",
        "import '@scope/pkg/sub';",
      ].join('\n');
      assert.deepEqual(
        importsOf('src/model/project/edit.ts', text, exists).map((e) => e.to),
        ['zod', 'src/model/run/events.ts', 'src/core/pipeline/orchestrator.ts', 'vscode', '@scope/pkg'],
      );
    });

    it('flags a webview import of core, a model import of a package and a core import of vscode', () => {
      const edges: ImportEdge[] = [
        { from: 'webview-ui/src/App.tsx', to: 'src/core/pipeline/orchestrator.ts', relative: true },
        { from: 'webview-ui/src/App.tsx', to: 'src/model/run/events.ts', relative: true },
        { from: 'src/model/project/edit.ts', to: 'compromise', relative: false },
        { from: 'src/core/log.ts', to: 'vscode', relative: false },
        { from: 'src/core/log.ts', to: 'src/vscode/log.ts', relative: true },
        { from: 'src/cli/main.ts', to: 'src/core/pipeline/orchestrator.ts', relative: true },
      ];
      const problems = layerViolations(edges);
      assert.equal(problems.length, 4, problems.join('\n'));
      assert.ok(problems.some((p) => p.includes('webview-ui/src/App.tsx imports src/core')));
      assert.ok(problems.some((p) => p.includes('src/model/project/edit.ts imports compromise')));
    });
  });
});
