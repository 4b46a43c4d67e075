// The add-rule form's pure part (webview-ui/src/review/addRule): what the pickers offer for a draft,
// the rule input they build, and what is reported missing, over the studio fixture.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ruleProblems } from '../../src/model/project/edit';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import { buildRule, conditionValue, describeCandidate, missingInputs } from '../../webview-ui/src/review/addRule/buildRule';
import { ruleChoices } from '../../webview-ui/src/review/addRule/ruleChoices';
import { type Draft, freshDraft, type Kind, orOther, pick, wholeNumber } from '../../webview-ui/src/review/addRule/ruleDraft';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const studio = (): ProjectSpec => ({ ...ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, 'studio.json'), 'utf8'))), rules: [] });

/** The rule input, its missing inputs and the spec's own problems for a draft of `kind`. */
function formFor(kind: Kind, patch: Partial<Draft>, spec = studio()) {
  const choices = ruleChoices(spec, kind, { ...freshDraft(), ...patch });
  const candidate = buildRule(choices, [2]);
  return { choices, candidate, missing: missingInputs(choices, candidate), problems: ruleProblems(spec, candidate) };
}

describe('Add rule form: choices, built rule, missing inputs', () => {
  it('picks the current choice while offered, else the first (or another than a given one)', () => {
    assert.equal(pick('b', ['a', 'b']), 'b');
    assert.equal(pick('gone', ['a', 'b']), 'a');
    assert.equal(pick(undefined, []), undefined);
    assert.equal(orOther(undefined, ['start', 'end'], 'start'), 'end');
    assert.equal(orOther('start', ['start', 'end'], 'start'), 'start');
    assert.equal(wholeNumber(' 15 '), 15);
    assert.equal(wholeNumber('1.5'), undefined);
    assert.equal(wholeNumber(''), undefined);
  });

  it('types a condition value by its field: number, yes/no, trimmed text, nothing when empty', () => {
    const field = (type: string) => ({ name: 'x', label: 'X', type, required: false, unique: false, sources: [] }) as unknown as Parameters<typeof conditionValue>[0];
    assert.equal(conditionValue(field('integer'), '3'), 3);
    assert.equal(conditionValue(field('money'), 'lots'), 'lots');
    assert.equal(conditionValue(field('boolean'), 'false'), false);
    assert.equal(conditionValue(field('string'), '  open '), 'open');
    assert.equal(conditionValue(field('string'), '  '), undefined);
    assert.equal(conditionValue(undefined, 'x'), undefined);
  });

  it('builds a capacity from a whole-number field of the parent, with kind, entity and sources first', () => {
    const { candidate, missing } = formFor('capacity', { entity: 'Booking' });
    assert.deepEqual(Object.keys(candidate).slice(0, 3), ['kind', 'entity', 'sources']);
    assert.deepEqual(candidate, { kind: 'capacity', entity: 'Booking', sources: [2], relation: 'member', capacityField: 'age', activeWhenNull: undefined });
    assert.deepEqual(missing, []);
    const onClass = formFor('capacity', { entity: 'Booking', relation: 'fitnessClass', capacityField: 'age' });
    assert.equal(onClass.candidate.capacityField, 'capacity', 'a field of the other parent falls back to one of this parent');
    assert.deepEqual(onClass.missing, []);
    assert.deepEqual(onClass.problems, []);
    assert.match(describeCandidate(onClass.candidate), /capacity/i);
  });

  it('builds a fixed capacity over the whole table per period, and says what a bad limit lacks', () => {
    const fixed = formFor('capacity', { entity: 'FitnessClass', limitMode: 'fixed', limit: '4', periodUnit: 'week' });
    assert.deepEqual(fixed.candidate, { kind: 'capacity', entity: 'FitnessClass', sources: [2], limit: 4, period: { field: 'startsAt', unit: 'week' }, activeWhenNull: undefined });
    assert.deepEqual(fixed.missing, []);
    const bad = formFor('capacity', { entity: 'FitnessClass', limitMode: 'fixed', limit: 'many' });
    assert.equal(bad.candidate.limit, 'many');
    assert.deepEqual(bad.missing, ['Give the limit as a whole number from 1 to 1000000']);
    assert.deepEqual(formFor('capacity', { entity: 'Member', periodUnit: 'day' }).missing, [
      'Member belongs to nothing: add a relation to the parent that holds the limit',
      'Member has no date or date-time field to count the period on',
    ]);
  });

  it('builds a no-overlap with an end field or a duration, the end defaulting to the other time field', () => {
    const spec = studio();
    spec.relations.push({ ...spec.relations[0], from: 'FitnessClass', name: 'member', to: 'Member' });
    const withEnd = formFor('noOverlap', { entity: 'FitnessClass' }, spec);
    assert.deepEqual(withEnd.candidate, { kind: 'noOverlap', entity: 'FitnessClass', sources: [2], scope: 'member', start: 'startsAt', end: 'endsAt' });
    assert.deepEqual(withEnd.missing, []);
    const withDuration = formFor('noOverlap', { entity: 'FitnessClass', endMode: 'duration' }, spec);
    assert.equal(withDuration.candidate.durationMinutesField, 'capacity');
    assert.deepEqual(formFor('noOverlap', { entity: 'Booking' }).missing, ['Booking has no date or date-time field for the start']);
  });

  it('keeps only choices that still fit: fields of the entity, roles that exist, actions of the kind', () => {
    assert.deepEqual(formFor('unique', { entity: 'Member', fields: ['email', 'gone'] }).candidate.fields, ['email']);
    assert.deepEqual(formFor('unique', { entity: 'Member' }).missing, ['Choose at least one field']);
    const roles = formFor('roleRequired', { entity: 'Member', actions: ['read'], roles: ['admin'] });
    assert.deepEqual(roles.candidate.roles, []);
    assert.deepEqual(roles.missing, ['There is no sign-in, so there are no roles']);
    assert.deepEqual(formFor('ownership', { entity: 'Member' }).missing, ['Choose at least one action']);
    assert.deepEqual(formFor('refuseWhen', { entity: 'Ticket', actions: ['read', 'update'] }).choices.actions, ['update']);
  });

  it('a role rule may be limited to some fields of the record (only create and update), and says so', () => {
    const shop = ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, 'shop.json'), 'utf8')));
    const scoped = formFor('roleRequired', { entity: 'Order', actions: ['update'], roles: ['manager'], roleFields: ['total', 'gone'] }, shop);
    assert.deepEqual(scoped.candidate, { kind: 'roleRequired', entity: 'Order', sources: [2], actions: ['update'], roles: ['manager'], fields: ['total'] });
    assert.deepEqual([...scoped.missing, ...scoped.problems], []);
    assert.equal(describeCandidate(scoped.candidate), 'Only manager may change the total of an Order');
    assert.equal(formFor('roleRequired', { entity: 'Order', actions: ['update'], roles: ['manager'] }, shop).candidate.fields, undefined, 'no field chosen: the whole record');
    assert.deepEqual(formFor('roleRequired', { entity: 'Order', actions: ['update', 'delete'], roles: ['manager'], roleFields: ['total'] }, shop).missing, ['Only create and update can be limited to some fields']);
  });

  it('builds a workflow from the enum field, keeping transitions between its values', () => {
    const spec = studio();
    const values = spec.entities.find((e) => e.name === 'Ticket')?.fields.find((f) => f.name === 'status')?.enumValues ?? [];
    assert.ok(values.length >= 2, 'the fixture has a status enum');
    const { candidate, missing } = formFor('statusWorkflow', { entity: 'Ticket', transitions: [{ from: values[0], to: values[1] }, { from: values[0], to: 'gone' }] });
    assert.deepEqual(candidate, { kind: 'statusWorkflow', entity: 'Ticket', sources: [2], field: 'status', initial: values[0], transitions: [{ from: values[0], to: values[1] }] });
    assert.deepEqual(missing, []);
    assert.deepEqual(formFor('statusWorkflow', { entity: 'Member' }).missing, ['Member has no field with a fixed list of values (enum) to be a status']);
  });

  it('builds a date order with the later field defaulting to the other one', () => {
    assert.deepEqual(formFor('dateOrder', { entity: 'Ticket', allowEqual: true }).candidate, {
      kind: 'dateOrder',
      entity: 'Ticket',
      sources: [2],
      earlier: 'openedOn',
      later: 'dueOn',
      allowEqual: true,
    });
    assert.deepEqual(formFor('dateOrder', { entity: 'Member' }).missing, ['Member needs two date or date-time fields']);
  });

  it('builds a refuse-when on a parent field with a typed value, and a margin only for past/future', () => {
    const onParent = formFor('refuseWhen', { entity: 'Booking', actions: ['create'], via: 'fitnessClass', field: 'price', op: 'gt', value: '20', message: ' Too dear ' });
    assert.deepEqual(onParent.candidate, {
      kind: 'refuseWhen',
      entity: 'Booking',
      sources: [2],
      actions: ['create'],
      condition: { relation: 'fitnessClass', field: 'price', op: 'gt', value: 20 },
      message: 'Too dear',
    });
    assert.deepEqual(onParent.missing, []);
    assert.deepEqual(onParent.problems, []);
    const margin = formFor('refuseWhen', { entity: 'FitnessClass', actions: ['update'], field: 'startsAt', op: 'future', offsetAmount: '2', offsetDirection: 'earlier', message: 'Too late' });
    assert.deepEqual(margin.candidate.condition, { field: 'startsAt', op: 'future', offset: { amount: -2, unit: 'hours' } });
    const typo = formFor('refuseWhen', { entity: 'FitnessClass', field: 'startsAt', op: 'past', offsetAmount: 'x' });
    assert.deepEqual(typo.missing, ['Choose at least one action', 'Give the margin as a whole number (or leave it empty for none)', 'Write the message people see when the action is refused']);
    const noValue = formFor('refuseWhen', { entity: 'Member', actions: ['update'], field: 'age', op: 'lt', message: 'No' });
    assert.deepEqual(noValue.missing, ['Give the value to compare age with']);
  });

  it('builds a refuse-when some roles are excepted from, only with roles that exist', () => {
    const shop = (): ProjectSpec => ({ ...ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, 'shop.json'), 'utf8'))), rules: [] });
    const excepted = formFor('refuseWhen', { entity: 'Order', actions: ['delete'], field: 'status', op: 'eq', value: 'shipped', roles: ['manager', 'ghost'], message: 'Shipped' }, shop());
    assert.deepEqual(excepted.candidate.exceptRoles, ['manager']);
    assert.deepEqual(excepted.problems, []);
    assert.match(describeCandidate(excepted.candidate), /\(except for manager\)/);
    const everyone = formFor('refuseWhen', { entity: 'Order', actions: ['delete'], field: 'status', op: 'eq', value: 'shipped', message: 'Shipped' }, shop());
    assert.ok(!('exceptRoles' in everyone.candidate), 'no roles chosen: the refusal holds for everyone');
    assert.ok(!('exceptRoles' in formFor('refuseWhen', { entity: 'Ticket', actions: ['update'], field: 'status', op: 'eq', value: 'closed', roles: ['manager'], message: 'x' }).candidate), 'no sign-in: no roles to except');
  });

  it('says to add an entity first, and previews nothing it cannot describe', () => {
    const empty: ProjectSpec = { ...studio(), entities: [], relations: [] };
    const choices = ruleChoices(empty, 'unique', freshDraft());
    const candidate = buildRule(choices, []);
    assert.deepEqual(missingInputs(choices, candidate), ['Add an entity first']);
    assert.equal(describeCandidate({ kind: 'unique', entity: 'Member' }), '', 'a unique rule without its fields list');
    assert.equal(describeCandidate({ kind: 'unique', entity: 'Member', fields: ['email'] }), 'email unique per Member');
  });
});
