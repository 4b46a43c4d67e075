// The spec pair of the slow update test (test/generated/update.test.ts) says what it claims: version 2
// is version 1 (the library fixture as the review saved it, frozen here) with a new required field,
// a new entity and a changed rule, nothing else.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { addEntity, addField, updateField } from '../../src/model/project/edit';
import { ProjectSpec } from '../../src/model/project/projectSpec';

const fixtures = path.resolve(__dirname, '..', '..', ...(__dirname.includes(`${path.sep}out${path.sep}`) ? ['..'] : []), 'test', 'fixtures', 'update');
const load = (name: string) => ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, name), 'utf8')));

describe('the update fixtures (library v1 -> v2)', () => {
  it('version 2 adds Book.format (required), the Branch entity, and librarians no longer guard updating books', () => {
    const v1 = load('library-v1.json');
    let expected = updateField(addField(v1, 'Book', 'format', 'enum'), 'Book', 'format', { required: true, enumValues: ['paperback', 'hardcover'] });
    expected = addField(addEntity(expected, 'Branch'), 'Branch', 'address');
    expected = { ...expected, rules: expected.rules.map((rule) => (rule.kind === 'roleRequired' && rule.entity === 'Book' ? { ...rule, actions: ['create', 'delete'] } : rule)) };
    assert.deepEqual(load('library-v2.json'), ProjectSpec.parse(expected));
  });
});
