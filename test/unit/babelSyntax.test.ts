// The bundled syntax check (Babel's parser) agrees with the TypeScript compiler: every TypeScript
// file Takoss generates passes both, and broken code fails both, with a line number.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { createBabelSyntaxChecker } from '../../src/core/check/babelSyntax';
import { createSyntaxChecker } from '../../src/core/check/tsSyntax';
import { generateProject } from '../../src/core/generator';
import { ProjectSpec } from '../../src/model/project/projectSpec';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const babel = createBabelSyntaxChecker();
const typescript = createSyntaxChecker(ts);

describe('bundled TypeScript syntax check (Babel)', function () {
  // Two parsers over every file of a project: seconds each, more on a busy 2-core machine.
  this.timeout(60_000);
  for (const name of ['events', 'tasks', 'clinic', 'library']) {
    it(`accepts every generated TypeScript file of the ${name} project, as the compiler does`, () => {
      const spec = ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, `${name}.json`), 'utf8')));
      const files = generateProject(spec).list().filter((file) => /\.(ts|tsx)$/.test(file.path));
      assert.ok(files.length > 20);
      for (const file of files) {
        assert.deepEqual(typescript(file.path, file.content), [], `the compiler accepts ${file.path}`);
        assert.deepEqual(babel(file.path, file.content), [], `Babel accepts ${file.path}`);
      }
    });
  }

  const broken: [string, string][] = [
    ['src/a.ts', 'export const total = (a: number, b: number => a + b;\n'],
    ['src/b.tsx', 'export function Page() {\n  return <div><span>unclosed</div>;\n}\n'],
    ['src/c.ts', 'const x = {\n  a: 1,\n  b: 2\n\nexport default x;\n'],
    ['src/d.ts', 'import { z } from "zod"\nexport const s = z.object({ a: z.string() ]);\n'],
  ];
  for (const [file, content] of broken) {
    it(`rejects broken code like the compiler: ${file}`, () => {
      assert.ok(typescript(file, content).length > 0, 'the compiler rejects it');
      const problems = babel(file, content);
      assert.ok(problems.length > 0, 'Babel rejects it');
      assert.match(problems[0], new RegExp(`^${file.replace('.', '\\.')}:\\d+: \\S`));
    });
  }

  it('ignores files that are not TypeScript', () => {
    assert.deepEqual(babel('README.md', '# not code (at all'), []);
    assert.deepEqual(babel('package.json', '{'), []);
  });
});
