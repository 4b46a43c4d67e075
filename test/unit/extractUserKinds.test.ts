// Kinds named with what each does ("the regular users who buy songs, and the business users who
// upload them"): kinds of a record become its type values, kinds of users become sign-in roles.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

describe('extract: kinds named with what each one does', () => {
  it('kinds of a record followed by a relative clause are the values of its type', () => {
    const spec = extractSpec('A rowing club keeps its boats and its members. Each boat has a name and a length. The club distinguishes two types of members: the junior members who train on weekdays, and the senior members who race at regattas. Each member has a name and a phone number.');
    const member = spec.entities.find((e) => e.name === 'Member');
    const type = member?.fields.find((f) => f.name === 'type');
    assert.deepEqual(type?.enumValues, ['junior', 'senior'], JSON.stringify(member?.fields));
  });

  it('kinds of the users who sign in are roles', () => {
    const spec = extractSpec('Members log in to a music shop. Each song has a title and a genre. We distinguish two types of users: the regular users who buy songs, and the business users who upload them. Each song belongs to an album.');
    const roles = spec.auth.kind === 'emailPassword' ? spec.auth.roles : [];
    assert.ok(roles.includes('regular_user') && roles.includes('business_user'), roles.join(', '));
    assert.ok(!spec.entities.some((e) => /^(?:RegularUser|BusinessUser)$/.test(e.name)), spec.entities.map((e) => e.name).join(', '));
  });
});
