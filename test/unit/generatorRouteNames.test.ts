import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateProject } from '../../src/core/generator';
import { BACKEND_LAYERS, FRONTEND_LAYERS, SPEC_LAYERS } from '../../src/core/generator/layers';
import { tablePathMatches, type LayerFile } from '../../src/core/generator/layerFiles';
import { renameEntity } from '../../src/model/project/edit';
import { entityNames, GENERATOR_ROUTE_NAMES } from '../../src/model/project/naming';
import { ProjectSpec } from '../../src/model/project/projectSpec';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const allFiles = [...Object.values(BACKEND_LAYERS), ...Object.values(FRONTEND_LAYERS), ...Object.values(SPEC_LAYERS)].flatMap(
  (table) => table.files as readonly LayerFile<unknown>[],
);

describe("entity route names never take a generator file's name", () => {
  it('every fixed file that an entity file pattern could also name is covered by GENERATOR_ROUTE_NAMES', () => {
    const patterns = allFiles.filter((file) => file.perEntity);
    const fixed = allFiles.filter((file) => !file.perEntity).map((file) => file.path);
    const taken = fixed.flatMap((path) =>
      patterns.filter((pattern) => tablePathMatches(pattern, path)).map((pattern) => {
        const [before, after] = pattern.path.split('{entity}') as [string, string];
        return path.slice(before.length, path.length - after.length);
      }),
    );
    assert.ok(taken.includes('rules'), 'backend/test/rules.test.ts beside backend/test/{entity}.test.ts');
    for (const name of taken) assert.ok(GENERATOR_ROUTE_NAMES.has(name), `"${name}" is taken by a generator file: add it to GENERATOR_ROUTE_NAMES`);
  });

  it('an entity called Rule or Secret gets its own route and files; other entities keep their plural', () => {
    assert.equal(entityNames('Rule').route, 'rule-records');
    assert.equal(entityNames('Secret').route, 'secret-records');
    assert.equal(entityNames('Rule').table, 'rules');
    assert.equal(entityNames('PurchaseOrder').route, 'purchase-orders');
    // The library fixture with its Genre entity renamed Rule, and rules of its own (the spec has business rules).
    const library = ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, 'library.json'), 'utf8')));
    assert.ok(library.rules.length > 0);
    const spec = renameEntity(library, 'Genre', 'Rule');
    const paths = generateProject(spec).list().map((file) => file.path);
    assert.ok(paths.includes('backend/test/rules.test.ts'), 'the business-rule tests');
    assert.ok(paths.includes('backend/test/rule-records.test.ts'), "the Rule entity's API tests");
    assert.ok(paths.includes('backend/src/routes/rule-records.ts'));
  });
});
