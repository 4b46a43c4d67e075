// With sign-in, what people sign up with is their account's: "Customers sign up with a name, an email
// and a password" gives the User those values and keeps customers a role, instead of a Customer record
// beside the accounts that nothing links to the signed-in user. Each test owns its text.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const fieldsOf = (spec: ReturnType<typeof extractSpec>, entity: string) => spec.entities.find((e) => e.name === entity)?.fields.map((f) => f.name);

describe('extract entities: the values people sign up with are their account\'s', () => {
  it('"customers sign up with a name, an email and a password": User has them, orders belong to the signed-in user', () => {
    const spec = extractSpec('Customers sign up with a name, an email and a password. Customers place orders.');
    assert.ok(!spec.entities.some((e) => e.name === 'Customer'), spec.entities.map((e) => e.name).join(', '));
    assert.deepEqual(fieldsOf(spec, 'User'), ['name', 'email']);
    assert.ok(spec.auth.kind === 'emailPassword' && spec.auth.roles.includes('customer'));
    assert.ok(spec.relations.some((r) => r.from === 'Order' && r.to === 'User'), JSON.stringify(spec.relations));
  });

  it('"register", "create an account with" and "can sign up using" are the same', () => {
    for (const text of [
      'Members register with a name and a phone number. Members sign in and book classes.',
      'Members create an account with a name and a phone number. Members book classes.',
      'Members can sign up using a name and a phone number. Members book classes.',
    ]) {
      const spec = extractSpec(text);
      assert.deepEqual(fieldsOf(spec, 'User'), ['name', 'phoneNumber'], text);
      assert.ok(!spec.entities.some((e) => e.name === 'Member'), text);
    }
  });

  it('without sign-in the people stay a record of their own, and values said otherwise stay theirs', () => {
    assert.deepEqual(fieldsOf(extractSpec('Customers register with a name and a phone number at the desk. Customers place orders.'), 'Customer'), ['name', 'phoneNumber']);
    const described = extractSpec('Members have a name and a phone number. Members sign in and book classes.');
    assert.deepEqual(fieldsOf(described, 'Member'), ['name', 'phoneNumber']);
  });
});
