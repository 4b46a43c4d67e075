// Rule wordings from issue #11 that were missed or put on the wrong record: a date "of a record"
// compared with "come/fall after", and ownership through another record ("their own centre's
// orders"), a plural passive with "only" ("bookings are cancelled only by the manager"). Each test
// owns its text.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { plainOf } from '../../src/core/extract/sentences';

const dateOrders = (text: string) => extractSpec(text).rules.flatMap((r) => (r.kind === 'dateOrder' ? [`${r.entity}.${r.earlier}<${r.later}`] : []));

describe('extract rules: date orders written "X of a record must come after Y" (issue #11)', () => {
  it('"the delivery date of an order must come after the order date" orders the order\'s two dates', () => {
    assert.deepEqual(dateOrders('Customers place orders. An order has an order date, a delivery date and a status. The delivery date of an order must come after the order date.'), ['Order.orderDate<deliveryDate']);
  });

  it('"should fall after" and "must be after its …" read the same way', () => {
    assert.deepEqual(dateOrders('Each trip has a departure date and a return date. The return date should fall after the departure date.'), ['Trip.departureDate<returnDate']);
    assert.deepEqual(dateOrders('A hire has a pick-up date and a return date. The return date of a hire must be after its pick-up date.'), ['Hire.pickUpDate<returnDate']);
  });

  it('an action verb after the modal is still not a date order ("must pay before the start date")', () => {
    assert.deepEqual(dateOrders('A course has a start date and a fee. Students must pay before the start date.'), []);
  });
});

describe('extract rules: ownership through another record is said, not put on that record (issue #11)', () => {
  it('"sees only their own centre\'s orders" makes no ownership rule on the centre, and lists the sentence', () => {
    const spec = extractSpec('Centres have a name and an address. Each order has a date and a centre. Buyers sign in and see only their own centre\'s orders.');
    assert.ok(!spec.rules.some((r) => r.kind === 'ownership' && r.entity === 'Centre'), JSON.stringify(spec.rules));
    assert.match(spec.notUnderstood.map((n) => n.reason).join(' | '), /ownership rule on Order through another record/);
  });

  it('"their own bookings" (no possessive) still owns the bookings', () => {
    const spec = extractSpec('Members book rooms. A booking has a date and a room. Members sign in and can only cancel their own bookings.');
    assert.ok(spec.rules.some((r) => r.kind === 'ownership' && r.entity === 'Booking'), JSON.stringify(spec.rules));
  });
});

describe('extract rules: a passive with "only" next to the participle is a role rule (issue #11)', () => {
  const roleRules = (sentence: string) =>
    extractSpec(`Members book rooms. A booking has a date. Members and managers sign in. ${sentence}`).rules.flatMap((r) => (r.kind === 'roleRequired' ? [`${r.entity}:${r.roles.join('|')}:${r.actions.join('|')}`] : []));

  it('"bookings are cancelled only by the manager", "are only cancelled by managers", "a booking is only cancelled by a manager"', () => {
    for (const sentence of ['Bookings are cancelled only by the manager.', 'Bookings are only cancelled by managers.', 'A booking is only cancelled by a manager.']) {
      assert.deepEqual(roleRules(sentence), ['Booking:manager:update|delete'], sentence);
    }
  });

  it('without "only" it says who, and makes no rule', () => {
    assert.deepEqual(roleRules('Bookings are cancelled by the manager.'), []);
  });
});

describe('extract rules: quick notes and subjects of an "only by" passive (issue #11)', () => {
  it('"payments for a student r recorded by admin only": "r" is "are", and the rule is on the payments, not the student', () => {
    const spec = extractSpec('tutoring notes\n- students w/ name, school year\n- payments for a student (amount, paid on date) r recorded by admin only\n- tutors + admin log in');
    const roles = spec.rules.filter((r) => r.kind === 'roleRequired');
    assert.ok(roles.length > 0 && roles.every((r) => r.entity === 'Payment'), JSON.stringify(spec.rules));
  });

  it('a capital R (a language) is not "are"', () => {
    assert.equal(plainOf('Scripts written in R used by analysts'), 'scripts written in r used by analysts');
  });
});
