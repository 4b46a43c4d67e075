// "The director can add songs, members can only see them": a role that may only look signs in, and
// creating, changing and deleting those records is left to the app's other roles.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const roleRules = (text: string) =>
  extractSpec(text)
    .rules.filter((r) => r.kind === 'roleRequired')
    .map((r) => `${r.entity}: ${r.kind === 'roleRequired' ? [...r.actions].sort().join('/') : ''} by ${r.kind === 'roleRequired' ? [...r.roles].sort().join('+') : ''}`);

describe('extract: roles that may only look', () => {
  it('both sides of "X can add …, Y can only see them" sign in, and only the others may change those records', () => {
    const spec = extractSpec('Each hymn has a title and a number. Each rehearsal has a date and a place. The organist can add hymns and rehearsals, singers can only see them.');
    assert.ok(spec.auth.kind === 'emailPassword', JSON.stringify(spec.auth));
    assert.deepEqual([...spec.auth.roles].sort(), ['admin', 'organist', 'singer']);
    assert.deepEqual(roleRules('Each hymn has a title and a number. Each rehearsal has a date and a place. The organist can add hymns and rehearsals, singers can only see them.').sort(), [
      'Hymn: create/delete/update by admin+organist',
      'Rehearsal: create/delete/update by admin+organist',
    ]);
  });

  it('"guests can only view rooms" in a sentence of its own leaves the rooms to every other role', () => {
    assert.deepEqual(roleRules('Each room has a name and a price. Managers log in. Guests can only view rooms.'), ['Room: create/delete/update by admin+manager']);
  });

  it('"can only see their own orders" is ownership, not a read-only role', () => {
    const spec = extractSpec('Customers sign in to place orders and can only see their own orders.');
    assert.deepEqual(roleRules('Customers sign in to place orders and can only see their own orders.'), []);
    assert.ok(spec.rules.some((r) => r.kind === 'ownership' && r.entity === 'Order'));
  });
});
