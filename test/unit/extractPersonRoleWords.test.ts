// Who may act, read one way everywhere: the words that name a sign-in role in "only Xs can …",
// "Xs can only see …" and "Roles: …" pass one test (roles.ts isPersonRoleWord), and the verbs of only
// looking are one list for the sign-in and for the rule (lexicon.ts SEEING_VERBS).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { rolesOfRestrictions } from '../../src/core/extract/auth';
import { isPersonRoleWord } from '../../src/core/extract/roles';

const roles = (text: string) => {
  const auth = extractSpec(text).auth;
  return auth.kind === 'emailPassword' ? [...auth.roles].sort() : [];
};

describe('extract: words that name a sign-in role', () => {
  it('"singers can only check hymns" signs the singers in, as "only see" does, and leaves the hymns to the other roles', () => {
    const spec = extractSpec('Each hymn has a title and a number. Organists log in. Singers can only check hymns.');
    assert.deepEqual(roles('Each hymn has a title and a number. Organists log in. Singers can only check hymns.'), ['admin', 'organist', 'singer']);
    assert.ok(spec.rules.some((r) => r.kind === 'roleRequired' && r.entity === 'Hymn' && !r.roles.includes('singer')), JSON.stringify(spec.rules));
  });

  it('a plural in -ees after "only" is the whole word ("employees", not "employe")', () => {
    assert.deepEqual(rolesOfRestrictions('only employees can approve expense claims'), ['employee']);
    assert.deepEqual(rolesOfRestrictions('only trainees may book the simulator'), ['trainee']);
    assert.deepEqual(roles('Each talk has a title and a room. Only attendees can rate talks.'), ['admin', 'attendee']);
  });

  it('a thing that ends like a person noun is no role: "only paid orders can be refunded"', () => {
    assert.deepEqual(rolesOfRestrictions('only paid orders can be refunded'), []);
    assert.deepEqual(roles('Each order has a total and a date. Only paid orders can be refunded.'), []);
  });

  it('people named by what they do are roles, even where the lexicon does not know them', () => {
    for (const word of ['treasurer', 'resident', 'claimant', 'chef', 'employee']) assert.ok(isPersonRoleWord(word), word);
    for (const word of ['order', 'folder', 'event', 'payment', 'urgent', 'user', 'people']) assert.ok(!isPersonRoleWord(word), word);
  });
});
