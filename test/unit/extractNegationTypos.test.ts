// Quick notes write negations without the apostrophe ("passengers dont log in", "cant cancel"):
// read as the negation (nlp.ts restoreNegations, in the tagger's text and the plain
// text the patterns read). Sentences of our own.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { plainOf } from '../../src/core/extract/sentences';

const model = (text: string) => {
  const spec = extractSpec(text);
  return { roles: spec.auth.kind === 'emailPassword' ? spec.auth.roles : [], entities: spec.entities.map((e) => e.name), rules: spec.rules.map((r) => ({ ...r, sources: [] })) };
};

describe('extract: negations written without the apostrophe', () => {
  it('"dont log in" keeps those people out of the sign-in roles, as "don\'t" does', () => {
    const typo = model('Passengers dont log in, they get a booking reference by email. Staff log in and mark bookings as boarded. A booking has a name and a date.');
    assert.ok(!typo.roles.includes('passenger'), typo.roles.join(', '));
    assert.deepEqual(typo, model("Passengers don't log in, they get a booking reference by email. Staff log in and mark bookings as boarded. A booking has a name and a date."));
  });

  it('"cant", "doesnt", "wont" read as their negations in the plain text', () => {
    assert.equal(plainOf('Guests cant cancel; it doesnt matter; it wont'), "guests can't cancel; it doesn't matter; it won't");
  });

  it('leaves words that only end like one alone ("parent", "event")', () => {
    assert.equal(plainOf('A parent books an event'), 'a parent books an event');
  });
});
