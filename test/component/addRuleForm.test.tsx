import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { useState } from 'react';
import { ProjectSpec, type Rule } from '../../src/model/project/projectSpec';
import { validateSpec } from '../../src/model/project/specIndex';
import { AddRuleForm } from '../../webview-ui/src/review/AddRuleForm';
import { RulesList } from '../../webview-ui/src/review/RulesList';
import { act, fireEvent, type LitElementLike, litSettled, renderUi, screen, typeInto } from './helpers';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const load = (name: string) => ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, `${name}.json`), 'utf8')));
/** The studio fixture without its rules, so each test builds them from scratch. */
const bare = (name = 'studio') => ({ ...load(name), rules: [] as Rule[] });

/** Picks an option of a vscode-single-select the way a user's choice arrives: value set, then `change`. */
async function choose(testId: string, value: string): Promise<void> {
  const select = screen.getByTestId(testId) as LitElementLike;
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await litSettled();
}

/** Ticks or unticks a vscode-checkbox by clicking its label (inside its shadow root), as a user does. */
async function tick(testId: string): Promise<void> {
  const label = screen.getByTestId(testId).shadowRoot?.querySelector('label');
  assert.ok(label, `${testId} renders its label`);
  fireEvent.click(label);
  await litSettled();
}

async function click(testId: string): Promise<void> {
  fireEvent.click(screen.getByTestId(testId));
  await litSettled();
}

const problemsShown = () => screen.queryByTestId('add-rule-problems')?.textContent ?? '';

async function renderForm(spec: ProjectSpec, props: { sources?: number[]; initialKind?: Rule['kind'] } = {}) {
  const added: Rule[] = [];
  let cancelled = 0;
  await renderUi(<AddRuleForm spec={spec} onAdd={(rule) => added.push(rule)} onCancel={() => (cancelled += 1)} {...props} />);
  return { added, cancelled: () => cancelled };
}

/** RulesList over a spec held in state, with the review step's edit contract (false when an edit is refused). */
function RulesHarness({ initial, onSpec }: { initial: ProjectSpec; onSpec: (spec: ProjectSpec) => void }) {
  const [spec, setSpec] = useState(initial);
  const edit = (change: (spec: ProjectSpec) => ProjectSpec) => {
    const next = change(spec);
    setSpec(next);
    onSpec(next);
    return true;
  };
  return <RulesList spec={spec} edit={edit} />;
}

describe('Add rule form (review step)', () => {
  it('"Add rule" under the rules builds "a closed ticket cannot be edited" and lists it', async () => {
    let latest = bare();
    await renderUi(<RulesHarness initial={latest} onSpec={(spec) => (latest = spec)} />);
    assert.equal(screen.queryByTestId('add-rule-form'), null);
    await click('add-rule');
    assert.ok(screen.getByTestId('add-rule-form'));
    await choose('add-rule-kind', 'refuseWhen');
    await choose('add-rule-entity', 'Ticket');
    await tick('add-rule-action-update');
    await tick('add-rule-action-delete');
    await choose('add-rule-field', 'status');
    await choose('add-rule-op', 'eq');
    await choose('add-rule-value', 'closed');
    await typeInto(screen.getByTestId('add-rule-message'), 'A closed ticket cannot be edited.');
    assert.match(screen.getByTestId('add-rule-preview').textContent ?? '', /Refuse to update\/delete a Ticket when status is "closed"/);
    await click('add-rule-submit');
    assert.equal(screen.queryByTestId('add-rule-form'), null, 'the form closes');
    assert.match(screen.getByTestId('rules').textContent ?? '', /Refuse to update\/delete a Ticket when status is "closed": “A closed ticket cannot be edited\.”/);
    assert.deepEqual(latest.rules, [
      { kind: 'refuseWhen', entity: 'Ticket', actions: ['update', 'delete'], condition: { field: 'status', op: 'eq', value: 'closed' }, message: 'A closed ticket cannot be edited.', sources: [] },
    ]);
    assert.deepEqual(validateSpec(latest), []);
  });

  it('Cancel closes the form without adding anything', async () => {
    let latest = bare();
    await renderUi(<RulesHarness initial={latest} onSpec={(spec) => (latest = spec)} />);
    await click('add-rule');
    await click('add-rule-cancel');
    assert.equal(screen.queryByTestId('add-rule-form'), null);
    assert.ok(screen.getByTestId('add-rule'));
    assert.equal(latest.rules.length, 0);
  });

  it('refuses through a parent relation: "members with unpaid fees cannot book", tagged with the sentence', async () => {
    const { added } = await renderForm(bare(), { initialKind: 'refuseWhen', sources: [4] });
    await choose('add-rule-entity', 'Booking');
    await tick('add-rule-action-create');
    await choose('add-rule-via', 'member');
    await choose('add-rule-field', 'unpaidFees');
    await choose('add-rule-op', 'gt');
    await typeInto(screen.getByTestId('add-rule-value'), '0');
    await typeInto(screen.getByTestId('add-rule-message'), 'Members with unpaid fees cannot book.');
    await click('add-rule-submit');
    assert.equal(problemsShown(), '');
    assert.deepEqual(added, [
      { kind: 'refuseWhen', entity: 'Booking', actions: ['create'], condition: { relation: 'member', field: 'unpaidFees', op: 'gt', value: 0 }, message: 'Members with unpaid fees cannot book.', sources: [4] },
    ]);
  });

  it('excepts roles from a refusal: "only managers can delete orders once they are shipped"', async () => {
    const { added } = await renderForm(bare('shop'), { initialKind: 'refuseWhen', sources: [3] });
    await choose('add-rule-entity', 'Order');
    await tick('add-rule-action-delete');
    await choose('add-rule-field', 'status');
    await choose('add-rule-op', 'eq');
    await choose('add-rule-value', 'shipped');
    await tick('add-rule-except-role-manager');
    await typeInto(screen.getByTestId('add-rule-message'), 'Only managers can delete a shipped order.');
    await click('add-rule-submit');
    assert.equal(problemsShown(), '');
    assert.deepEqual(added, [
      { kind: 'refuseWhen', entity: 'Order', actions: ['delete'], condition: { field: 'status', op: 'eq', value: 'shipped' }, message: 'Only managers can delete a shipped order.', exceptRoles: ['manager'], sources: [3] },
    ]);
  });

  it('limits a role rule to one value of the record: "only managers can change the total of an order"', async () => {
    const { added } = await renderForm(bare('shop'), { initialKind: 'roleRequired', sources: [3] });
    await choose('add-rule-entity', 'Order');
    await tick('add-rule-action-update');
    await tick('add-rule-role-manager');
    assert.match(screen.getByTestId('add-rule-form').textContent ?? '', /none: the whole record/);
    await tick('add-rule-role-field-total');
    assert.match(screen.getByTestId('add-rule-form').textContent ?? '', /others may still create and change the rest/);
    await click('add-rule-submit');
    assert.equal(problemsShown(), '');
    assert.deepEqual(added, [{ kind: 'roleRequired', entity: 'Order', actions: ['update'], roles: ['manager'], fields: ['total'], sources: [3] }]);
  });

  it('offers no roles to except when the spec has no sign-in', async () => {
    await renderForm(bare(), { initialKind: 'refuseWhen' });
    assert.equal(screen.queryByTestId('add-rule-except-role-manager'), null);
    assert.doesNotMatch(screen.getByTestId('add-rule-form').textContent ?? '', /Except for/);
  });

  it('"past" takes no value: nobody can book a class that has already started', async () => {
    const { added } = await renderForm(bare(), { initialKind: 'refuseWhen', sources: [3] });
    await choose('add-rule-entity', 'Booking');
    await tick('add-rule-action-create');
    await choose('add-rule-via', 'fitnessClass');
    await choose('add-rule-field', 'startsAt');
    await choose('add-rule-op', 'past');
    assert.equal(screen.queryByTestId('add-rule-value'), null, 'no value to give');
    await typeInto(screen.getByTestId('add-rule-message'), 'This class has already started.');
    await click('add-rule-submit');
    assert.deepEqual(added[0], {
      kind: 'refuseWhen',
      entity: 'Booking',
      actions: ['create'],
      condition: { relation: 'fitnessClass', field: 'startsAt', op: 'past' },
      message: 'This class has already started.',
      sources: [3],
    });
  });

  it('shows what is missing, and what validateSpec finds, inline, and adds nothing until it is fixed', async () => {
    const { added } = await renderForm(bare(), { initialKind: 'refuseWhen' });
    await choose('add-rule-entity', 'Member');
    await click('add-rule-submit');
    assert.match(problemsShown(), /Choose at least one action/);
    assert.match(problemsShown(), /Write the message people see/);
    await tick('add-rule-action-update');
    await choose('add-rule-field', 'age');
    await choose('add-rule-op', 'gt');
    await typeInto(screen.getByTestId('add-rule-value'), '200');
    await typeInto(screen.getByTestId('add-rule-message'), 'Too old.');
    await click('add-rule-submit');
    assert.match(problemsShown(), /Rule refuseWhen on Member: age must be from 16 to 120, so "gt 200" never holds/);
    assert.equal(screen.getByTestId('add-rule-problems').getAttribute('role'), 'alert');
    assert.equal(added.length, 0);
    await typeInto(screen.getByTestId('add-rule-value'), '99');
    assert.equal(problemsShown(), '', 'a change clears the old problems');
    await click('add-rule-submit');
    assert.equal(added.length, 1);
  });

  it('dateOrder: the end time after the start time, with the sentence it came from', async () => {
    const { added } = await renderForm(bare(), { initialKind: 'dateOrder', sources: [1] });
    await choose('add-rule-entity', 'FitnessClass');
    await choose('add-rule-earlier', 'startsAt');
    await choose('add-rule-later', 'startsAt');
    await click('add-rule-submit');
    assert.match(problemsShown(), /compares startsAt with itself/);
    await choose('add-rule-later', 'endsAt');
    assert.match(screen.getByTestId('add-rule-preview').textContent ?? '', /FitnessClass\.endsAt must be after startsAt/);
    await click('add-rule-submit');
    assert.deepEqual(added, [{ kind: 'dateOrder', entity: 'FitnessClass', earlier: 'startsAt', later: 'endsAt', allowEqual: false, sources: [1] }]);
    await choose('add-rule-entity', 'Member');
    await click('add-rule-submit');
    assert.match(problemsShown(), /Member needs two date or date-time fields/);
  });

  it('builds capacity, unique, noOverlap and a status workflow from pickers', async () => {
    const spec = bare();
    const { added } = await renderForm(spec, { initialKind: 'capacity' });
    await choose('add-rule-entity', 'Booking');
    await choose('add-rule-relation', 'fitnessClass');
    await choose('add-rule-capacity-field', 'capacity');
    await click('add-rule-submit');
    await choose('add-rule-kind', 'unique');
    await tick('add-rule-unique-member');
    await tick('add-rule-unique-fitnessClass');
    await click('add-rule-submit');
    await choose('add-rule-kind', 'noOverlap');
    await click('add-rule-submit');
    assert.match(problemsShown(), /Booking has no date or date-time field for the start/);
    await choose('add-rule-kind', 'statusWorkflow');
    await choose('add-rule-entity', 'Ticket');
    await choose('add-rule-status-field', 'status');
    await choose('add-rule-initial', 'open');
    await choose('add-rule-transition-from', 'open');
    await choose('add-rule-transition-to', 'closed');
    await click('add-rule-add-transition');
    assert.match(screen.getByTestId('add-rule-transitions').textContent ?? '', /open → closed/);
    await click('add-rule-submit');
    assert.deepEqual(
      added.map((rule) => rule.kind),
      ['capacity', 'unique', 'statusWorkflow'],
    );
    assert.deepEqual(added[0], { kind: 'capacity', entity: 'Booking', relation: 'fitnessClass', capacityField: 'capacity', activeWhenNull: undefined, sources: [] });
    assert.deepEqual(added[1], { kind: 'unique', entity: 'Booking', fields: ['member', 'fitnessClass'], sources: [] });
    assert.deepEqual(added[2], { kind: 'statusWorkflow', entity: 'Ticket', field: 'status', initial: 'open', transitions: [{ from: 'open', to: 'closed' }], sources: [] });
    for (const rule of added) assert.deepEqual(validateSpec({ ...spec, rules: [rule] }), [], rule.kind);
  });

  it('capacity with a fixed limit per parent per week: "a member may open at most 3 tickets a week"', async () => {
    const spec = bare();
    const { added } = await renderForm(spec, { initialKind: 'capacity', sources: [2] });
    await choose('add-rule-entity', 'Ticket');
    assert.equal(screen.queryByTestId('add-rule-limit'), null, 'a field of the parent by default');
    await choose('add-rule-limit-mode', 'fixed');
    assert.equal(screen.queryByTestId('add-rule-capacity-field'), null, 'no parent field with a fixed limit');
    await typeInto(screen.getByTestId('add-rule-limit'), '3');
    await choose('add-rule-relation', 'member');
    assert.equal(screen.queryByTestId('add-rule-period-field'), null, 'no date field until a period is chosen');
    await choose('add-rule-period-unit', 'week');
    await choose('add-rule-period-field', 'openedOn');
    assert.match(screen.getByTestId('add-rule-preview').textContent ?? '', /At most 3 Ticket rows per member per week of openedOn/);
    await click('add-rule-submit');
    assert.equal(problemsShown(), '');
    assert.deepEqual(added, [{ kind: 'capacity', entity: 'Ticket', relation: 'member', limit: 3, period: { field: 'openedOn', unit: 'week' }, activeWhenNull: undefined, sources: [2] }]);
    assert.deepEqual(validateSpec({ ...spec, rules: added }), []);
  });

  it('capacity with a fixed limit over all rows per day, and the reason when a fixed limit has no scope', async () => {
    const spec = bare();
    const { added } = await renderForm(spec, { initialKind: 'capacity' });
    await choose('add-rule-entity', 'FitnessClass');
    await choose('add-rule-limit-mode', 'fixed');
    await click('add-rule-submit');
    assert.match(problemsShown(), /Give the limit as a whole number from 1 to 1000000/);
    await typeInto(screen.getByTestId('add-rule-limit'), '10');
    await click('add-rule-submit');
    assert.match(problemsShown(), /a fixed limit needs a scope: a relation \(per parent\) or a period/, 'validateSpec\'s reason, shown inline');
    assert.equal(added.length, 0);
    await choose('add-rule-period-unit', 'day');
    assert.equal(problemsShown(), '', 'a change clears the old problems');
    await click('add-rule-submit');
    assert.deepEqual(added, [{ kind: 'capacity', entity: 'FitnessClass', limit: 10, period: { field: 'startsAt', unit: 'day' }, activeWhenNull: undefined, sources: [] }]);
    assert.deepEqual(validateSpec({ ...spec, rules: added }), []);
    await choose('add-rule-entity', 'Member');
    await choose('add-rule-limit-mode', 'fixed');
    await typeInto(screen.getByTestId('add-rule-limit'), '5');
    await choose('add-rule-period-unit', 'month');
    await click('add-rule-submit');
    assert.match(problemsShown(), /Member has no date or date-time field to count the period on/);
    assert.equal(added.length, 1);
  });

  it('refuses with a margin: bookings cannot be cancelled less than 2 hours before the class starts', async () => {
    let latest = bare();
    await renderUi(<RulesHarness initial={latest} onSpec={(spec) => (latest = spec)} />);
    await click('add-rule');
    await choose('add-rule-kind', 'refuseWhen');
    await choose('add-rule-entity', 'Booking');
    await tick('add-rule-action-delete');
    await choose('add-rule-via', 'fitnessClass');
    await choose('add-rule-field', 'startsAt');
    await choose('add-rule-op', 'eq');
    assert.equal(screen.queryByTestId('add-rule-offset-amount'), null, 'a margin only goes with past/future');
    await choose('add-rule-op', 'past');
    await typeInto(screen.getByTestId('add-rule-offset-amount'), '2');
    assert.equal((screen.getByTestId('add-rule-offset-unit') as LitElementLike).value, 'hours', 'hours by default for a date-time');
    await typeInto(screen.getByTestId('add-rule-message'), 'Bookings cannot be cancelled less than 2 hours before the class.');
    assert.match(screen.getByTestId('add-rule-preview').textContent ?? '', /fitnessClass\.startsAt is less than 2 hours away \(or past\)/);
    await click('add-rule-submit');
    assert.deepEqual(latest.rules, [
      {
        kind: 'refuseWhen',
        entity: 'Booking',
        actions: ['delete'],
        condition: { relation: 'fitnessClass', field: 'startsAt', op: 'past', offset: { amount: 2, unit: 'hours' } },
        message: 'Bookings cannot be cancelled less than 2 hours before the class.',
        sources: [],
      },
    ]);
    assert.deepEqual(validateSpec(latest), []);
  });

  it('a margin before now is negative; an hour margin on a date-only field shows why it cannot be', async () => {
    const { added } = await renderForm(bare(), { initialKind: 'refuseWhen' });
    await choose('add-rule-entity', 'Ticket');
    await tick('add-rule-action-update');
    await choose('add-rule-field', 'openedOn');
    await choose('add-rule-op', 'past');
    assert.equal((screen.getByTestId('add-rule-offset-unit') as LitElementLike).value, 'days', 'whole days by default for a date');
    await typeInto(screen.getByTestId('add-rule-offset-amount'), '2');
    await choose('add-rule-offset-unit', 'hours');
    await typeInto(screen.getByTestId('add-rule-message'), 'Old tickets are frozen.');
    await click('add-rule-submit');
    assert.match(problemsShown(), /openedOn is a date without a time of day, so the margin must be in whole days \(not 2 hours\)/);
    assert.equal(added.length, 0);
    await typeInto(screen.getByTestId('add-rule-offset-amount'), '1.5');
    await click('add-rule-submit');
    assert.match(problemsShown(), /Give the margin as a whole number/);
    await typeInto(screen.getByTestId('add-rule-offset-amount'), '30');
    await choose('add-rule-offset-unit', 'days');
    await choose('add-rule-offset-direction', 'earlier');
    await click('add-rule-submit');
    assert.equal(problemsShown(), '');
    assert.deepEqual(added[0]?.kind === 'refuseWhen' && added[0].condition, { field: 'openedOn', op: 'past', offset: { amount: -30, unit: 'days' } });
  });

  it('builds ownership and role rules from the spec\'s roles; without sign-in it says so', async () => {
    const tasks = bare('tasks');
    const { added } = await renderForm(tasks, { initialKind: 'roleRequired' });
    await choose('add-rule-entity', 'Task');
    await tick('add-rule-role-admin');
    await tick('add-rule-action-delete');
    await click('add-rule-submit');
    await choose('add-rule-kind', 'ownership');
    await choose('add-rule-entity', 'Project');
    assert.equal((screen.getByTestId('add-rule-action-delete') as unknown as { checked: boolean }).checked, false, 'the form starts afresh after adding');
    await tick('add-rule-action-delete');
    await click('add-rule-submit');
    assert.deepEqual(added, [
      { kind: 'roleRequired', entity: 'Task', actions: ['delete'], roles: ['admin'], sources: [] },
      { kind: 'ownership', entity: 'Project', actions: ['delete'], sources: [] },
    ]);
    await choose('add-rule-entity', 'Task');
    assert.match(screen.getByTestId('add-rule-form').textContent ?? '', /Task rows have no owner yet/);
    await tick('add-rule-action-update');
    await click('add-rule-submit');
    assert.match(problemsShown(), /Rule ownership on Task: Task has no ownerRelation/);
    assert.equal(added.length, 2);
  });

  it('says there are no roles to choose when the spec has no sign-in', async () => {
    const { added } = await renderForm(bare(), { initialKind: 'roleRequired' });
    assert.match(screen.getByTestId('add-rule-form').textContent ?? '', /There is no sign-in: turn it on to use roles/);
    await tick('add-rule-action-delete');
    await click('add-rule-submit');
    assert.match(problemsShown(), /There is no sign-in, so there are no roles/);
    assert.equal(added.length, 0);
  });

  it('lists every rule kind, and lets the same form start on any of them', async () => {
    await renderForm(bare(), { initialKind: 'noOverlap' });
    const select = screen.getByTestId('add-rule-kind') as LitElementLike;
    assert.equal(select.value, 'noOverlap');
    const kinds = [...select.querySelectorAll('vscode-option')].map((option) => (option as LitElementLike).value);
    assert.deepEqual(kinds, ['capacity', 'unique', 'noOverlap', 'ownership', 'roleRequired', 'statusWorkflow', 'dateOrder', 'refuseWhen']);
  });
});
