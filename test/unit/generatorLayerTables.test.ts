// Every layer is a table of the files it makes (src/core/generator/layerFiles.ts, registry in
// layers.ts). These checks keep the tables the whole truth: every file generateProject writes is
// listed in one table entry (a path, or a `{entity}` pattern), under the layer the manifest names,
// and every entry is made for some spec, so no table lists a file that never exists.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generateProject } from '../../src/core/generator';
import type { GeneratedFile } from '../../src/core/generator/fileSet';
import { type LayerFile, type LayerTable, tablePathMatches } from '../../src/core/generator/layerFiles';
import { BACKEND_LAYERS, FRONTEND_LAYERS, SPEC_LAYERS } from '../../src/core/generator/layers';
import { MANIFEST_LAYER } from '../../src/core/generator/project';
import { BASE_PATH, SPEC_PATH } from '../../src/core/update/memory';
import { ProjectSpec } from '../../src/model/project/projectSpec';

const root = path.resolve(__dirname, '..', '..', '..');
const fixtures = path.join(root, 'test', 'fixtures', 'specs');

/** The project's memory is written by the update module (update/memory.ts), which owns its format. */
const MEMORY_FILES = new Set([SPEC_PATH, BASE_PATH]);

interface Entry {
  name: string;
  table: LayerTable<never>;
  file: LayerFile<never>;
}

const REGISTRY: Record<string, LayerTable<never>> = {
  ...Object.fromEntries(Object.entries(BACKEND_LAYERS).map(([name, table]) => [`backend.${name}`, table as LayerTable<never>])),
  ...Object.fromEntries(Object.entries(FRONTEND_LAYERS).map(([name, table]) => [`frontend.${name}`, table as LayerTable<never>])),
  ...Object.fromEntries(Object.entries(SPEC_LAYERS).map(([name, table]) => [`spec.${name}`, table as LayerTable<never>])),
  manifest: MANIFEST_LAYER as LayerTable<never>,
};
const ENTRIES: Entry[] = Object.entries(REGISTRY).flatMap(([name, table]) => table.files.map((file) => ({ name, table, file })));

/** The entry a path comes from: its own path first, else the one per-entity pattern it fits. */
function entryOf(filePath: string): Entry {
  const exact = ENTRIES.filter((entry) => !entry.file.perEntity && entry.file.path === filePath);
  const matches = exact.length ? exact : ENTRIES.filter((entry) => tablePathMatches(entry.file, filePath));
  assert.equal(matches.length, 1, `${filePath} is listed in ${matches.length} table entries (${matches.map((m) => `${m.name}: ${m.file.path}`).join(', ')})`);
  return matches[0];
}

/** Every fixture, with and without tests and Docker (the options that drop whole groups of files). */
function specs(): [string, ProjectSpec][] {
  const base = readdirSync(fixtures)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file): [string, ProjectSpec] => [file, ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, file), 'utf8')))]);
  return base.flatMap(([name, spec]): [string, ProjectSpec][] => [
    [name, spec],
    [`${name} without tests`, { ...spec, options: { ...spec.options, tests: false } }],
    [`${name} without Docker`, { ...spec, options: { ...spec.options, docker: false } }],
  ]);
}

describe('generator layer tables', () => {
  let generated: { name: string; files: GeneratedFile[] }[] = [];
  before(() => {
    generated = specs().map(([name, spec]) => ({ name, files: generateProject(spec).list().filter((file) => !MEMORY_FILES.has(file.path)) }));
  });

  it('lists every generated file in one table entry, under the layer the manifest names', () => {
    for (const { name, files } of generated) {
      for (const file of files) {
        const entry = entryOf(file.path);
        assert.equal(file.layer, entry.file.layer ?? entry.table.layer, `${name}: ${file.path}`);
      }
    }
  });

  it('makes every table entry for some spec', () => {
    const used = new Set(generated.flatMap(({ files }) => files.map((file) => entryOf(file.path))));
    const unused = ENTRIES.filter((entry) => !used.has(entry)).map((entry) => `${entry.name}: ${entry.file.path}`);
    assert.deepEqual(unused, []);
  });

  it('reads a per-entity pattern only with a route name in place of {entity}', () => {
    const routes = { perEntity: true, path: 'backend/src/routes/{entity}.ts' } as const;
    assert.ok(tablePathMatches(routes, 'backend/src/routes/order-lines.ts'));
    assert.ok(!tablePathMatches(routes, 'backend/src/routes/Auth.ts'));
    assert.ok(!tablePathMatches(routes, 'backend/src/routes/nested/posts.ts'));
    assert.ok(!tablePathMatches(routes, 'backend/src/routes/.ts'));
  });
});
