import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateBackend } from '../../src/core/generator/backend';
import { FileSet } from '../../src/core/generator/fileSet';
import { generateFrontend } from '../../src/core/generator/frontend';
import { ProjectSpec } from '../../src/model/project/projectSpec';

const root = path.resolve(__dirname, '..', '..', '..');
const fixture = (name: string) => ProjectSpec.parse(JSON.parse(readFileSync(path.join(root, 'test', 'fixtures', 'specs', `${name}.json`), 'utf8')));

function generated(name: string): FileSet {
  const files = new FileSet();
  generateBackend(fixture(name), files);
  generateFrontend(fixture(name), files);
  return files;
}

const text = (files: FileSet, filePath: string) => {
  const file = files.get(filePath);
  assert.ok(file, `missing ${filePath}`);
  return file.content;
};

type Parameter = { name: string; description?: string };
const listParameters = (files: FileSet, route: string): Parameter[] => JSON.parse(text(files, 'backend/openapi.json')).paths[`/api/${route}`].get.parameters;

describe('list search (q): documented only where the handler searches', () => {
  const library = generated('library');

  it('an entity with no text field documents no q, accepts none, and shows no search box', () => {
    // Loans hold only dates and relations.
    assert.deepEqual(listParameters(library, 'loans').map((p) => p.name), ['page', 'pageSize', 'sort', 'order', 'bookId', 'borrowerId']);
    assert.match(text(library, 'backend/src/validation/loans.ts'), /export const LoanListQuery = ListQueryBase\.omit\(\{ q: true \}\)\.extend\(\{/);
    assert.doesNotMatch(text(library, 'backend/src/routes/loans.ts'), /params\.q|ilike/);
    assert.doesNotMatch(text(library, 'backend/test/loans.test.ts'), /\?q=/);
    assert.match(text(library, 'frontend/src/entities/loans.ts'), /searchable: false,/);
    assert.match(text(library, 'frontend/src/test/loans.test.tsx'), /expect\(screen\.queryByRole\('search'\)\)\.toBeNull\(\);/);
  });

  it('q names the fields it searches, and the handler searches each of them', () => {
    const books = listParameters(library, 'books').find((p) => p.name === 'q');
    assert.equal(books?.description, 'Text search (case-insensitive, anywhere in the text) over title, author, isbn, website');
    assert.match(text(library, 'backend/src/routes/books.ts'), /or\(ilike\(books\.title, pattern\), ilike\(books\.author, pattern\), ilike\(books\.isbn, pattern\), ilike\(books\.website, pattern\)\)/);
    assert.match(text(library, 'frontend/src/entities/books.ts'), /searchable: true,/);
  });

  it('enum values are searched as text', () => {
    const tasks = generated('tasks');
    assert.match(text(tasks, 'backend/src/routes/tasks.ts'), /ilike\(tasks\.priority, pattern\), ilike\(tasks\.status, pattern\)/);
    assert.match(listParameters(tasks, 'tasks').find((p) => p.name === 'q')?.description ?? '', /title, description, priority, status$/);
  });

  it('the generated search test fails when q is ignored: text no row holds must find nothing', () => {
    const test = text(library, 'backend/test/books.test.ts');
    assert.match(test, /const none = await t\.call\('GET', '\/api\/books\?q=zq_no_such_text', \{ token: t\.token \}\);\n\s+expect\(none\.status\)\.toBe\(200\);\n\s+expect\(none\.body\)\.toMatchObject\(\{ items: \[\], total: 0 \}\);/);
  });
});
