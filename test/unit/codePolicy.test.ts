// The code policy on model-written files: the forms hostile code takes are refused with a line
// number and a reason, while everything Takoss itself generates into the files Claude may write
// (pages, rules modules, tests) passes, so a faithful answer is never refused.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkCodePolicy, codePolicyFor, declaredPackages } from '../../src/core/check/codePolicy';
import { generateProject } from '../../src/core/generator';
import { claudeWritable, isTestFile } from '../../src/core/pipeline/writePolicy';
import { ProjectSpec } from '../../src/model/project/projectSpec';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const project = (name: string) => generateProject(ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, `${name}.json`), 'utf8'))));

const backend = { dependencies: new Set(['drizzle-orm', 'hono', 'zod', '@hono/zod-validator']), root: 'backend' };
const RULES = 'backend/src/rules/events.ts';
const PAGE = 'frontend/src/pages/events.tsx';

describe('code policy on model-written files', () => {
  for (const name of ['events', 'tasks', 'clinic', 'library', 'fleet', 'studio']) {
    it(`passes every file Claude or repair may write in the ${name} project, as Takoss generates it`, () => {
      const files = project(name);
      const policy = codePolicyFor((p) => files.get(p)?.content);
      const writable = files.list().filter((file) => claudeWritable(files).has(file.path) || isTestFile(file.path));
      assert.ok(writable.some((file) => file.path.startsWith('frontend/src/pages/')), 'the pages are checked');
      for (const file of writable) assert.deepEqual(policy(file.path, file.content), [], file.path);
    });
  }

  const hostile: [string, string, string, RegExp][] = [
    ['dynamic import of child_process', PAGE, 'import("node:child_process").then(c => c.exec("touch x"));\nexport function EventsPage() { return null; }\n', /:1: dynamic `import\(\)`/],
    ['process.env', RULES, 'export const key = process.env.ANTHROPIC_API_KEY;\n', /:1: `process` reads the environment/],
    ['require of fs', RULES, "const fs = require('fs');\nexport const x = fs;\n", /:1: `require` loads modules/],
    ['eval', RULES, "export const run = (s: string) => eval(s);\n", /:1: `eval` runs a string as code/],
    ['a global reached by a built name', RULES, "export const run = (globalThis as any)['ev' + 'al'];\n", /:1: `globalThis\[…\]` reaches globals by computed name/],
    ['new Function', RULES, "export const f = new Function('return 1');\n", /`Function` runs a string as code/],
    ['Function called', RULES, "export const f = Function('return 1');\n", /`Function` runs a string as code/],
    ['the constructor chain', RULES, "export const f = (() => 0).constructor.constructor('return 1');\n", /`\.constructor` reaches Function/],
    ['the constructor by a string', RULES, "export const f = (() => 0)['constructor'];\n", /`\.constructor` reaches Function/],
    ['a destructured constructor', RULES, 'const { constructor: F } = () => 0;\nexport const f = F;\n', /destructures `constructor`/],
    ['import.meta', RULES, 'export const where = import.meta.url;\n', /`import\.meta` is not allowed/],
    ['a static import of child_process', RULES, "import { exec } from 'node:child_process';\nexport const x = exec;\n", /:1: imports the Node built-in "node:child_process"/],
    ['a bare built-in', RULES, "import fs from 'fs';\nexport const x = fs;\n", /imports the Node built-in "fs"/],
    ['worker_threads', RULES, "import { Worker } from 'worker_threads';\nexport const x = Worker;\n", /imports the Node built-in "worker_threads"/],
    ['http', RULES, "export * from 'http';\n", /imports the Node built-in "http"/],
    ['an undeclared package', RULES, "import evil from 'left-pad-evil';\nexport const x = evil;\n", /imports "left-pad-evil", which backend\/package\.json does not declare/],
    ['a relative import leaving the layer', RULES, "import secret from '../../../frontend/src/x';\nexport const x = secret;\n", /leaves the backend folder/],
    ['an import with a query', RULES, "import text from '../../.env?raw';\nexport const x = text;\n", /may not carry a query/],
    ['import = require', RULES, "import fs = require('fs');\nexport const x = fs;\n", /`import … = require\(…\)`/],
    ['the global object aliased', RULES, 'const g = globalThis;\nexport const x = g;\n', /`globalThis` may only be used as `globalThis\.name`/],
    ['window.eval', PAGE, 'export const x = window.eval;\n', /`\.eval` runs a string as code/],
    ['setTimeout with a string', PAGE, "setTimeout('alert(1)', 1);\nexport const x = 1;\n", /`setTimeout` with a string/],
    ['raw HTML', PAGE, 'export const P = () => <div dangerouslySetInnerHTML={{ __html: "<img onerror=x>" }} />;\n', /`dangerouslySetInnerHTML` inserts raw HTML/],
    ['a key built from pieces', PAGE, "const f = () => 0;\nexport const x = f[['con', 'structor'].join('')];\n", /:2: a property name built at run time/],
    ['code that does not parse', RULES, 'export const x = (;\n', /:1: the code policy cannot check it: it does not parse/],
  ];
  for (const [what, file, code, expected] of hostile) {
    it(`refuses ${what}, with the line`, () => {
      const options = file.startsWith('frontend') ? { dependencies: new Set(['react', 'react-router']), root: 'frontend' } : backend;
      const violations = checkCodePolicy(file, code, options);
      assert.ok(violations.some((v) => v.startsWith(`${file}:`) && expected.test(v)), `${what}:\n${violations.join('\n') || '(none)'}`);
    });
  }

  it('accepts relative imports, declared packages (with subpaths), type-only imports and ordinary code', () => {
    const code = [
      "import { eq, and } from 'drizzle-orm';",
      "import { z } from 'zod';",
      "import { zValidator } from '@hono/zod-validator';",
      "import type { Readable } from 'node:stream';",
      "import { ruleViolated } from '../http/errors.js';",
      "import { type EventRow } from '../db/schema.js';",
      'type Row = Record<string, unknown> & { process?: string; constructor?: string };',
      'export function check(row: Row, field: { name: string }, key: string, stream?: Readable) {',
      '  const value = row[field.name] ?? row[key] ?? row[key ?? ""];',
      '  const label = { process: row.process, eval: 1 };',
      '  if (!z.string().safeParse(value).success) throw ruleViolated(`bad ${String(value)}`, 422, {});',
      '  return [eq, and, zValidator, label, stream, (row as unknown as EventRow)];',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(checkCodePolicy(RULES, code, backend), []);
  });

  it('accepts pages that use window with fixed names, typeof window and test spies', () => {
    const page = "import { useState } from 'react';\nexport function EventsPage() {\n  const [n] = useState(typeof window === 'undefined' ? 0 : window.innerWidth);\n  if (!window.confirm('Delete?')) return null;\n  return <p>{n}</p>;\n}\n";
    assert.deepEqual(checkCodePolicy(PAGE, page, { dependencies: new Set(['react']), root: 'frontend' }), []);
    const test = "import { vi, it } from 'vitest';\nit('asks', () => { vi.spyOn(window, 'confirm').mockReturnValue(true); });\n";
    assert.deepEqual(checkCodePolicy('frontend/src/test/events.test.tsx', test, { dependencies: new Set(['vitest']), root: 'frontend' }), []);
    assert.match(checkCodePolicy('frontend/src/test/events.test.tsx', "import { vi } from 'vitest';\nvi.spyOn(window, 'eval');\n", { dependencies: new Set(['vitest']), root: 'frontend' }).join('\n'), /`window` may only be used/);
  });

  it('lets tests, not application code, import the devDependencies', () => {
    const files = project('events');
    const policy = codePolicyFor((p) => files.get(p)?.content);
    const code = "import { describe } from 'vitest';\nexport const d = describe;\n";
    assert.deepEqual(policy('backend/test/cancel.rules.test.ts', code), []);
    assert.match(policy(RULES, code).join('\n'), /imports "vitest", which backend\/package\.json does not declare/);
    assert.deepEqual([...declaredPackages(files.get('backend/package.json')?.content, false)].sort().slice(0, 2), ['@electric-sql/pglite', '@hono/node-server']);
    assert.deepEqual([...declaredPackages('not json', true)], []);
  });

  it('refuses files it cannot check', () => {
    assert.match(checkCodePolicy('backend/package.json', '{}', backend).join('\n'), /only TypeScript or JavaScript modules/);
  });
});
