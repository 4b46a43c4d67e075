// A role rule holds for every row and every change of it. When the text narrows it to a state of the
// row ("after they are shipped") it becomes a refusal in that state; to some values ("change prices")
// a role rule on those fields. What is made wider than said is listed, never silently mapped. Each
// test owns its text.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const SHOP = 'Online shop. Customers place orders with a total and a status (new, paid, shipped). Staff and managers sign in.';

function read(rule: string) {
  const spec = extractSpec(`${SHOP} ${rule}`);
  const roles = spec.rules.flatMap((r) => (r.kind === 'roleRequired' ? [`${r.entity} ${r.actions.join('/')}${r.fields ? ` ${r.fields.join('+')}` : ''} by ${r.roles.join('/')}`] : []));
  const reasons = spec.notUnderstood.filter((n) => n.text.includes(rule.slice(0, 20))).map((n) => n.reason);
  return { roles, reasons };
}

function refusals(spec: ReturnType<typeof extractSpec>) {
  return spec.rules.flatMap((r) => (r.kind === 'refuseWhen' ? [`${r.entity} ${r.actions.join('/')} when ${r.condition.field} ${r.condition.op} ${String(r.condition.value ?? '')} except ${(r.exceptRoles ?? []).join('/')}`.trim()] : []));
}

describe('extract rules: a role rule narrowed by a state or to some values', () => {
  it('a trailing state the record stores ("after they are shipped") becomes a refusal the role is excepted from', () => {
    const spec = extractSpec(`${SHOP} Only managers can delete orders after they are shipped.`);
    assert.deepEqual(refusals(spec), ['Order delete when status eq shipped except manager']);
    assert.ok(!spec.rules.some((r) => r.kind === 'roleRequired'), 'no role rule for every order');
    assert.deepEqual(read('Only managers can delete orders after they are shipped.').reasons, []);
  });

  it('a leading state ("once an order is paid, …") too', () => {
    const spec = extractSpec(`${SHOP} Once an order is paid, only managers can change it.`);
    assert.deepEqual(refusals(spec), ['Order update when status eq paid except manager']);
  });

  it('"before" a state limits the role too: the role rule and a refusal for everyone', () => {
    const spec = extractSpec(`${SHOP} Only managers can delete orders before they are shipped.`);
    assert.deepEqual(refusals(spec), ['Order delete when status eq shipped except']);
    assert.ok(spec.rules.some((r) => r.kind === 'roleRequired' && r.roles.includes('manager')));
  });

  it('a state the record does not store is said not to be enforced', () => {
    const { roles, reasons } = read('Only managers can delete orders after they are packed.');
    assert.deepEqual(roles, ['Order delete by manager']);
    assert.match(reasons.join(' | '), /Also sets a condition \("after they are packed …"\); the role rule made from it applies always/);
  });

  it('the passive form keeps its people apart from the condition ("by managers after they are shipped")', () => {
    const spec = extractSpec(`${SHOP} Orders can only be deleted by managers after they are shipped.`);
    assert.deepEqual(refusals(spec), ['Order delete when status eq shipped except manager']);
    const { reasons } = read('Orders can only be deleted by managers after they are packed.');
    assert.match(reasons.join(' | '), /Also sets a condition \("after they are packed …"\)/);
    assert.doesNotMatch(reasons.join(' | '), /only managers after/);
  });

  it('"after" comparing two dates is a date order, not a condition', () => {
    const spec = extractSpec('Projects have a start date and a deadline. The deadline must be after the date the project was created.');
    assert.ok(!spec.notUnderstood.some((n) => /Also sets a condition/.test(n.reason)), spec.notUnderstood.map((n) => n.reason).join(' | '));
  });

  it('one value of the record ("change the total of an order", "change totals") is a role rule on that field alone', () => {
    for (const rule of ['Only managers can change the total of an order.', 'Only managers can change totals.']) {
      const { roles, reasons } = read(rule);
      assert.deepEqual(roles, ['Order update total by manager'], rule);
      assert.deepEqual(reasons, [], rule);
    }
  });

  it('one value and the record itself in one clause ("change prices and delete orders") make a rule of each shape', () => {
    const { roles } = read('Only managers can change totals and delete orders.');
    assert.deepEqual(roles.sort(), ['Order delete by manager', 'Order update total by manager']);
  });

  it('several values listed ("the price and the title of a job", "prices, titles or statuses") are all the rule\'s fields', () => {
    const spec = extractSpec('Mechanics and managers sign in. A job has a title, a price and a status (open, done). Only managers can change the price and the title of a job.');
    assert.deepEqual(spec.rules.flatMap((r) => (r.kind === 'roleRequired' ? [r.fields] : [])), [['price', 'title']]);
    const three = extractSpec('Mechanics and managers sign in. A job has a title, a price and a status (open, done). Only managers can change prices, titles or statuses of jobs.');
    assert.deepEqual(three.rules.flatMap((r) => (r.kind === 'roleRequired' ? [r.fields] : [])), [['price', 'title', 'status']]);
  });

  it('a list with a value the record does not store, or a verb that also deletes ("manage"), keeps the rule on the record, said to be wider', () => {
    for (const rule of ['Only managers can change the total and the courier of an order.', 'Only managers can manage the total of an order.']) {
      const { roles, reasons } = read(rule);
      assert.ok(roles.length === 1 && !/ total /.test(roles[0]), `${rule}: ${roles.join(', ')}`);
      assert.match(reasons.join(' | '), /covers every change of the record, not only that value/, rule);
    }
  });

  it('one value in a state ("change the total of an order after it is shipped") becomes the refusal in that state, said to cover every change', () => {
    const rule = 'Only managers can change the total of an order after it is shipped.';
    const spec = extractSpec(`${SHOP} ${rule}`);
    assert.deepEqual(refusals(spec), ['Order update when status eq shipped except manager']);
    assert.ok(!spec.rules.some((r) => r.kind === 'roleRequired'), 'no role rule for every change of every order');
    assert.match(read(rule).reasons.join(' | '), /may change the total of an Order once it is shipped; the refusal made covers every change of the record in that state, not only that value/);
  });

  it('a value named by the head of a field\'s name ("change fees" of a yearly fee) is found too', () => {
    const spec = extractSpec('Garden club. Each plot has a number and a yearly fee. Members and a coordinator sign in. Only the coordinator can change fees.');
    const rule = spec.rules.find((r) => r.kind === 'roleRequired');
    assert.deepEqual(rule && { ...rule, sources: [] }, { kind: 'roleRequired', entity: 'Plot', actions: ['update'], roles: ['coordinator'], fields: ['yearlyFee'], sources: [] });
  });

  it('the record itself ("edit orders", "change an order") needs no such note', () => {
    for (const rule of ['Only managers can edit orders.', 'Only managers can change an order.']) {
      const { roles, reasons } = read(rule);
      assert.deepEqual(roles, ['Order update by manager'], rule);
      assert.deepEqual(reasons, [], rule);
    }
  });
});
