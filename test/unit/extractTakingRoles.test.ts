// "Only members can book classes": booking a class makes a Booking; the role rule is on the booking,
// not on making classes (which the trainers do). A verb of taking whose row the model lacks is
// listed with a one-click fix, never bound to the thing taken. Each test owns its text.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const roleRules = (text: string) =>
  extractSpec(text).rules.flatMap((r) => (r.kind === 'roleRequired' ? [`${r.entity} ${r.actions.join('/')} by ${r.roles.join('/')}`] : []));

describe('extract rules: only some role may take something (book, borrow, rate …)', () => {
  it('"only members can book classes" restricts making bookings, not classes', () => {
    assert.deepEqual(roleRules('Gym app. Trainers create classes with a title and a start time. Members book classes. Only members can book classes.'), ['Booking create by member']);
  });

  it('"only members can borrow books" restricts loans, next to the librarians\' rule on books', () => {
    assert.deepEqual(roleRules('Library. Librarians add books. Members borrow books. Only members can borrow books.'), ['Book create/update/delete by librarian', 'Loan create by member']);
  });

  it('a taking the model has no record for is listed with "add Rating", and the talks stay open to speakers', () => {
    const spec = extractSpec('Conference app. Speakers submit talks with a title and an abstract. Attendees sign up. Only attendees can rate talks.');
    assert.deepEqual(spec.rules.filter((r) => r.kind === 'roleRequired'), []);
    const noted = spec.notUnderstood.find((n) => /makes a Rating record/.test(n.reason));
    assert.ok(noted, spec.notUnderstood.map((n) => n.reason).join(' | '));
    assert.deepEqual(noted.suggestions.map((s) => (s.kind === 'addEntity' ? s.name : s.kind)), ['Rating']);
  });

  it('a verb that makes the thing itself still restricts it ("only admins can register vehicles")', () => {
    assert.deepEqual(roleRules('Garage. Mechanics sign in. A vehicle has a plate. Only admins can register vehicles.'), ['Vehicle create by admin']);
  });
});
