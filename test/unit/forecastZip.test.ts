import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateProject } from '../../src/core/generator';
import { forecastRun } from '../../src/core/pipeline/forecast';
import { unzipProject, zipProject } from '../../src/core/output/zip';
import { addEntity } from '../../src/model/project/edit';
import { ProjectSpec } from '../../src/model/project/projectSpec';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const load = (name: string) => ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, `${name}.json`), 'utf8')));

describe('run forecast', () => {
  it('offline: exact files and bytes, no Claude section', () => {
    const spec = load('tasks');
    const files = generateProject(spec).list();
    const forecast = forecastRun(spec);
    assert.equal(forecast.files, files.length);
    assert.equal(forecast.bytes, files.reduce((sum, f) => sum + Buffer.byteLength(f.content), 0));
    assert.equal(forecast.claude, undefined);
    assert.ok(forecast.stages > 20 && forecast.seconds > 0);
  });

  it('counts the files it is given (the review step generates the project once for the forecast and the conflicts)', () => {
    const spec = load('tasks');
    const files = generateProject(spec).list();
    assert.deepEqual(forecastRun(spec, { files }), forecastRun(spec));
    const some = files.slice(0, 3);
    const forecast = forecastRun(spec, { files: some });
    assert.equal(forecast.files, 3);
    assert.equal(forecast.bytes, some.reduce((sum, f) => sum + Buffer.byteLength(f.content), 0));
  });

  it('grows with the model', () => {
    const small = forecastRun(load('events'));
    const bigger = forecastRun(addEntity(addEntity(load('events'), 'Sponsor'), 'Venue'));
    assert.ok(bigger.files > small.files && bigger.stages > small.stages);
  });

  it('Claude: tokens and cost within the budget; a small budget leaves calls out', () => {
    const spec = load('library');
    const roomy = forecastRun(spec, { claude: { model: 'claude-sonnet-5-5', budgetUsd: 10 } });
    assert.ok(roomy.claude);
    assert.ok(roomy.claude.calls > 0 && roomy.claude.callsOverBudget === 0);
    assert.ok(roomy.claude.costUsd > 0 && roomy.claude.costUsd < roomy.claude.maxCostUsd);
    assert.ok(roomy.claude.maxCostUsd <= 10);
    const tight = forecastRun(spec, { claude: { model: 'claude-sonnet-5-5', budgetUsd: 0.2 } });
    assert.ok(tight.claude && tight.claude.callsOverBudget > 0);
    assert.ok(tight.claude.maxCostUsd <= 0.2);
    const pricier = forecastRun(spec, { claude: { model: 'claude-opus-4-1', budgetUsd: 10 } });
    assert.ok((pricier.claude?.costUsd ?? 0) > roomy.claude.costUsd);
  });
});

describe('zip export', () => {
  it('round-trips a generated project under one folder, byte for byte and reproducibly', () => {
    const files = generateProject(load('events')).list();
    const encoder = new TextEncoder();
    const entries = files.map((f) => ({ path: f.path, content: encoder.encode(f.content) }));
    const archive = zipProject('events-app', entries);
    assert.deepEqual(zipProject('events-app', [...entries].reverse()), archive, 'same files, same bytes');
    const back = unzipProject(archive);
    assert.equal(back.size, files.length);
    for (const file of files) assert.equal(new TextDecoder().decode(back.get(`events-app/${file.path}`)), file.content);
  });

  it('refuses unsafe or duplicate entries', () => {
    const content = new Uint8Array([1]);
    assert.throws(() => zipProject('p', [{ path: '../evil', content }]), /Unsafe/);
    assert.throws(() => zipProject('p', [{ path: '/etc/passwd', content }]), /Unsafe/);
    assert.throws(() => zipProject('../p', [{ path: 'a', content }]), /Unsafe/);
    assert.throws(() => zipProject('p', [{ path: 'a', content }, { path: 'a', content }]), /twice/);
  });
});
