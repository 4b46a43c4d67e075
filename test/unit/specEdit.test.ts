import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateProject } from '../../src/core/generator';
import {
  addEntity,
  addField,
  addRelation,
  deleteEntity,
  deleteField,
  deleteRelation,
  deleteRule,
  describeRule,
  renameEntity,
  renameField,
  setAuth,
  setOptions,
  SpecEditError,
  updateField,
} from '../../src/model/project/edit';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import { validateSpec } from '../../src/model/project/specIndex';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const load = (name: string) => ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, `${name}.json`), 'utf8')));

/** Every edit must leave a spec that validates and still generates. */
function assertUsable(spec: ProjectSpec): void {
  assert.deepEqual(validateSpec(spec), []);
  assert.ok(generateProject(spec).list().length > 10);
}

describe('spec edits (review step)', () => {
  it('renaming an entity follows it into relations, rules and pages', () => {
    const spec = renameEntity(load('events'), 'Event', 'Concert');
    assert.ok(spec.entities.some((e) => e.name === 'Concert' && e.label === 'Concert' && e.pluralLabel === 'Concerts'));
    assert.ok(!JSON.stringify(spec.relations).includes('"Event"'));
    assert.equal(spec.relations.find((r) => r.name === 'event')?.to, 'Concert');
    assert.equal(spec.rules.find((r) => r.kind === 'statusWorkflow')?.entity, 'Concert');
    assert.ok(spec.pages.some((p) => p.path === '/concerts'));
    assert.ok(!spec.pages.some((p) => p.path === '/events'));
    assertUsable(spec);
  });

  it('renaming a field follows it into the rules that read it, including a parent capacity field', () => {
    let spec = renameField(load('events'), 'Event', 'capacity', 'seats');
    const capacity = spec.rules.find((r) => r.kind === 'capacity');
    assert.equal(capacity?.kind === 'capacity' && capacity.capacityField, 'seats');
    spec = renameField(spec, 'Event', 'status', 'state');
    const workflow = spec.rules.find((r) => r.kind === 'statusWorkflow');
    assert.equal(workflow?.kind === 'statusWorkflow' && workflow.field, 'state');
    spec = renameField(spec, 'Registration', 'ticketCode', 'code');
    assert.deepEqual(spec.rules.find((r) => r.kind === 'unique')?.kind === 'unique' && (spec.rules.find((r) => r.kind === 'unique') as { fields: string[] }).fields, ['code']);
    assertUsable(spec);
    const clinic = renameField(load('clinic'), 'Appointment', 'startsAt', 'beginsAt');
    const overlap = clinic.rules.find((r) => r.kind === 'noOverlap');
    assert.equal(overlap?.kind === 'noOverlap' && overlap.start, 'beginsAt');
    assertUsable(clinic);
  });

  it('refuses invalid, reserved and duplicate names with a readable reason', () => {
    const spec = load('events');
    assert.throws(() => renameEntity(spec, 'Event', 'event'), SpecEditError);
    assert.throws(() => renameEntity(spec, 'Event', 'Attendee'), /already an entity called Attendee/);
    assert.throws(() => renameField(spec, 'Event', 'name', 'venue'), /already has a field called venue/);
    assert.throws(() => renameField(spec, 'Event', 'name', 'id'), /reserved/);
    assert.throws(() => renameField(spec, 'Event', 'name', 'Bad Name'), /camelCase/);
    assert.throws(() => addField(spec, 'Registration', 'event'), /relation called event/);
    assert.throws(() => renameField(spec, 'Ghost', 'a', 'b'), /no entity called Ghost/);
    assert.throws(() => renameEntity(load('tasks'), 'User', 'Member'), /turn auth off/);
  });

  it('deleting an entity removes its relations and every rule that needed them', () => {
    const spec = deleteEntity(load('events'), 'Event');
    assert.ok(!spec.entities.some((e) => e.name === 'Event'));
    assert.ok(!spec.relations.some((r) => r.to === 'Event' || r.from === 'Event'));
    assert.ok(!spec.rules.some((r) => r.kind === 'capacity' || r.kind === 'statusWorkflow'), 'capacity needed Registration.event');
    assert.ok(spec.rules.some((r) => r.kind === 'unique'), 'unrelated rules stay');
    assertUsable(spec);
    const library = deleteEntity(load('library'), 'Loan');
    assert.ok(!library.rules.some((r) => r.entity === 'Loan'));
    assertUsable(library);
  });

  it('deleting a field removes the rules that read it; a type change drops a workflow that no longer fits', () => {
    let spec = deleteField(load('events'), 'Event', 'capacity');
    assert.ok(!spec.rules.some((r) => r.kind === 'capacity'));
    assertUsable(spec);
    spec = updateField(spec, 'Event', 'status', { type: 'string' });
    assert.ok(!spec.rules.some((r) => r.kind === 'statusWorkflow'));
    assert.equal(spec.entities.find((e) => e.name === 'Event')?.fields.find((f) => f.name === 'status')?.enumValues, undefined);
    assertUsable(spec);
  });

  it('updates flags and enum values, refusing bad values', () => {
    let spec = updateField(load('events'), 'Event', 'venue', { required: false, unique: true });
    const venue = spec.entities[0].fields.find((f) => f.name === 'venue');
    assert.equal(venue?.required, false);
    assert.equal(venue?.unique, true);
    spec = updateField(spec, 'Event', 'status', { enumValues: ['scheduled', 'cancelled', 'sold_out'] });
    assert.ok(spec.rules.some((r) => r.kind === 'statusWorkflow'), 'the workflow values are still there');
    const dropped = updateField(spec, 'Event', 'status', { enumValues: ['open'] });
    assert.ok(!dropped.rules.some((r) => r.kind === 'statusWorkflow'), 'a workflow over removed values goes');
    assert.throws(() => updateField(spec, 'Event', 'status', { enumValues: ['Sold Out'] }), /not a valid value/);
    assert.throws(() => updateField(spec, 'Event', 'status', { enumValues: [] }), /at least one value/);
    assertUsable(dropped);
  });

  it('adds entities, fields and relations that generate', () => {
    let spec = addEntity(load('events'), 'Sponsor');
    spec = addField(spec, 'Sponsor', 'website', 'url');
    spec = addField(spec, 'Sponsor', 'tier', 'enum');
    spec = addRelation(spec, { kind: 'belongsTo', from: 'Sponsor', to: 'Event', name: 'event', inverseName: 'sponsors' });
    assert.ok(spec.pages.some((p) => p.path === '/sponsors/new'));
    assertUsable(spec);
    const files = generateProject(spec).list().map((f) => f.path);
    assert.ok(files.includes('backend/src/routes/sponsors.ts'));
    assert.throws(() => addRelation(spec, { kind: 'belongsTo', from: 'Sponsor', to: 'Event', name: 'event', inverseName: 'x' }), /already has a relation/);
    assert.throws(() => addEntity(spec, 'Sponsor'), /already an entity/);
    const without = deleteRelation(spec, 'Sponsor', 'event');
    assertUsable(without);
  });

  it('turning auth off removes owner links and role rules; on again adds a User entity when missing', () => {
    const off = setAuth(load('library'), { enabled: false });
    assert.equal(off.auth.kind, 'none');
    assert.ok(!off.rules.some((r) => r.kind === 'ownership' || r.kind === 'roleRequired'));
    assert.ok(!off.entities.some((e) => e.ownerRelation));
    assert.ok(!off.pages.some((p) => p.kind === 'login'));
    assertUsable(off);
    const on = setAuth(load('events'), { enabled: true, roles: ['attendee', 'organizer'] });
    assert.equal(on.auth.kind === 'emailPassword' && on.auth.defaultRole, 'attendee');
    assert.ok(on.entities.some((e) => e.name === 'User'));
    assert.ok(on.pages.some((p) => p.kind === 'login'));
    assertUsable(on);
    const fewer = setAuth(load('library'), { enabled: true, roles: ['member'] });
    assert.ok(!fewer.rules.some((r) => r.kind === 'roleRequired'), 'a role rule over removed roles goes');
    assertUsable(fewer);
    assert.throws(() => setAuth(load('library'), { enabled: true, roles: [] }), /at least one role/);
    assert.throws(() => setAuth(load('library'), { enabled: true, roles: ['Big Boss'] }), /not a valid role/);
  });

  it('options: tests and Docker files can be left out, and the project says so', () => {
    const lean = setOptions(load('tasks'), { tests: false, docker: false });
    assertUsable(lean);
    const files = generateProject(lean).list();
    const paths = files.map((f) => f.path);
    assert.ok(!paths.some((p) => /\.test\.tsx?$/.test(p)), 'no test files');
    assert.ok(!paths.some((p) => /Dockerfile|docker-compose|nginx\.conf/.test(p)), 'no container files');
    assert.ok(paths.includes('.github/workflows/ci.yml'), 'CI stays');
    const backendPackage = JSON.parse(files.find((f) => f.path === 'backend/package.json')?.content ?? '{}');
    assert.equal(backendPackage.scripts.test, 'vitest run --passWithNoTests');
    const readme = files.find((f) => f.path === 'README.md')?.content ?? '';
    assert.doesNotMatch(readme, /docker compose/);
    assert.match(readme, /Tests were turned off/);
    const full = generateProject(load('tasks')).list().map((f) => f.path);
    assert.ok(full.some((p) => /\.test\.tsx?$/.test(p)) && full.includes('docker-compose.yml'), 'on by default');
    assert.deepEqual(setOptions(lean, { docker: true }).options, { tests: false, docker: true });
  });

  it('deletes rules and describes each kind in words', () => {
    const spec = load('events');
    for (const rule of [...spec.rules, ...load('clinic').rules, ...load('library').rules]) assert.ok(describeRule(rule).length > 10);
    assert.equal(deleteRule(spec, 0).rules.length, spec.rules.length - 1);
    assert.throws(() => deleteRule(spec, 99), SpecEditError);
  });
});
