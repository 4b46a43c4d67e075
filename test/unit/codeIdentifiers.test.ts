// pruneImports' fast path (src/core/generator/backend/codeIdentifiers.ts) must answer exactly as the
// Babel parse it stands in for, and give up (so the parse answers) where it cannot be sure.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { KEYWORD_LIKE, scannedIdentifiers } from '../../src/core/generator/backend/codeIdentifiers';
import { parsedIdentifiers } from '../../src/core/generator/backend/util';
import { generateProject } from '../../src/core/generator';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import { repoRoot } from '../harness/paths';

const RESERVED = new Set('break case catch class const continue debugger default delete do else export extends false finally for function if import instanceof new null return super switch this throw true try typeof var void while with'.split(' '));
const NAMED_IMPORT = /^import (type )?\{ ([^}]*) \} from ('[^']+');$/;

const names = (found: Set<string> | undefined) => (found ? [...found].sort() : found);

describe('pruneImports: identifiers read without a parse', () => {
  it('finds the same identifiers as the parse in every generated TypeScript file it reads, and reads most of them', () => {
    const dir = path.join(repoRoot, 'test/fixtures/specs');
    let read = 0;
    let files = 0;
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      const spec = ProjectSpec.parse(JSON.parse(readFileSync(path.join(dir, name), 'utf8')));
      for (const file of generateProject(spec).list()) {
        if (!file.path.endsWith('.ts')) continue;
        files++;
        // What pruneImports looks in: the file without its one-line named imports; every word that could be imported.
        const code = file.content
          .split('\n')
          .filter((line) => !NAMED_IMPORT.test(line))
          .join('\n');
        const wanted = new Set((code.match(/[A-Za-z_$][\w$]*/g) ?? []).filter((w) => !KEYWORD_LIKE.has(w) && !RESERVED.has(w)));
        const scanned = scannedIdentifiers(code, wanted);
        if (!scanned) continue;
        read++;
        assert.deepEqual(names(scanned), names(parsedIdentifiers(code, wanted)), `${name}: ${file.path}`);
      }
    }
    assert.ok(files > 300 && read / files > 0.9, `read ${read} of ${files} files`);
  });

  it('counts names used in code, template expressions, object keys, spreads and private names, not in text or as properties', () => {
    const code = [
      "const label = 'eq and sql'; // z here",
      '/* and: and */ const t = `sql ${inner({ key: `${deep}` })} text`;',
      'class K { #hidden = 1; m() { return row.eq + row?.and + this.#hidden + obj. spaced; } }',
      'const o = { shorthand, key: 1, ...spread }; const m = import.meta;',
      'type T = A.B;',
    ].join('\n');
    const wanted = new Set(['eq', 'and', 'sql', 'z', 'inner', 'key', 'deep', 'hidden', 'spaced', 'shorthand', 'spread', 'meta', 'A', 'B']);
    // (meta is keyword-like, so that question goes to the parse: asked without it.)
    const withoutMeta = new Set([...wanted].filter((w) => w !== 'meta'));
    assert.deepEqual(names(scannedIdentifiers(code, withoutMeta)), ['A', 'deep', 'hidden', 'inner', 'key', 'shorthand', 'spread']);
    assert.deepEqual(names(parsedIdentifiers(code, withoutMeta)), ['A', 'deep', 'hidden', 'inner', 'key', 'shorthand', 'spread']);
    assert.equal(scannedIdentifiers(code, wanted), undefined);
  });

  it('leaves to the parse what it cannot read with certainty', () => {
    const uncertain = ['if (a) {} /eq/.test(s);', 'const h = x++ / eq;', 'const r = /eq', "const x = await import('eq');", 'const t = `open ${eq', "const s = 'open", 'const é = eq;', 'const c = /* open'];
    for (const code of uncertain) assert.equal(scannedIdentifiers(code, new Set(['eq'])), undefined, code);
    assert.equal(scannedIdentifiers('for (const x of list) eq(x);', new Set(['of'])), undefined);
    assert.deepEqual(names(scannedIdentifiers('const n = 1.5e3 + 0x1F + 10n; eq(n);', new Set(['eq', 'e3', 'x1F', 'n']))), ['eq', 'n']);
  });

  it('reads regex literals and divisions', () => {
    const code = "const r = /['\"/]sql\\/[/]and/gi.test(s) && !/z/.test(t); const d = (a + b) / c / 2; return /sql/.exec(eq(d));";
    const wanted = new Set(['sql', 'and', 'z', 'a', 'b', 'c', 'eq', 'gi']);
    assert.deepEqual(names(scannedIdentifiers(code, wanted)), ['a', 'b', 'c', 'eq']);
    assert.deepEqual(names(parsedIdentifiers(`function f() { ${code} }`, wanted)), ['a', 'b', 'c', 'eq']);
  });
});
