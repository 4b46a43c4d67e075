import * as assert from 'node:assert/strict';
import { pruneImports } from '../../src/core/generator/backend/util';

describe('pruneImports', () => {
  it('drops a name that appears only in strings, comments, template text or as a property', () => {
    const code = [
      "import { eq, and, sql, z } from 'x';",
      "const label = 'eq and sql';",
      '// z is mentioned here only',
      '/* and here: and */',
      'const t = `sql ${label}`;',
      'const v = row.eq + row?.and;',
    ].join('\n');
    assert.equal(pruneImports(code), code.split('\n').slice(1).join('\n'));
  });

  it('keeps names used in code wherever they first appear, with aliases and type imports', () => {
    const filler = Array.from({ length: 200 }, (_, i) => `const f${i} = 'eq' + ${i};`);
    const code = [
      "import { eq, ne as notEqual, type Row } from 'x';",
      "import type { Unused } from 'y';",
      ...filler,
      'export const r: Row | undefined = undefined;',
      'export const q = [eq, notEqual];',
    ].join('\n');
    const expected = ["import { eq, ne as notEqual, type Row } from 'x';", ...filler, 'export const r: Row | undefined = undefined;', 'export const q = [eq, notEqual];'].join('\n');
    assert.equal(pruneImports(code), expected);
  });

  it('does not take a name inside a longer word for a use, with or without \\u escapes in the file', () => {
    for (const extra of ['', "const s = '\\u00e9';"]) {
      const code = ["import { eq, id } from 'x';", 'const eqx = 1;', 'const ids = [eqx];', 'export const used = id(ids);', extra].join('\n');
      assert.equal(pruneImports(code), ["import { id } from 'x';", 'const eqx = 1;', 'const ids = [eqx];', 'export const used = id(ids);', extra].join('\n'));
    }
  });
});
