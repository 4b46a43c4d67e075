// "employees (cooks and waiters)": people listed for a record of people are its kinds, the roles
// they sign in as, not links from it to the users (applyFields.ts kindsOfPeople).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

describe('extractor: kinds of people listed for a record of people', () => {
  it('links no employee to the users in the roles listed in its parentheses', () => {
    const spec = extractSpec('The restaurant has about 20 employees (cooks, waiters and kitchen staff). Each employee has a name and a phone number. Cooks, waiters and kitchen staff log in with an email and a password.');
    assert.ok(spec.entities.some((e) => e.name === 'Employee'), spec.entities.map((e) => e.name).join(', '));
    assert.deepEqual(spec.relations.filter((r) => r.from === 'Employee' && r.to === 'User'), []);
  });

  it('keeps a person named in the list of a record that is no person ("a ticket has a reporter")', () => {
    const spec = extractSpec('Reporters and developers log in with an email and a password. A ticket has a title, a reporter and a status.');
    assert.ok(spec.relations.some((r) => r.from === 'Ticket' && r.to === 'User' && r.name === 'reporter'), JSON.stringify(spec.relations));
  });
});
