// "only tour guides may …", "race officers can …": where a clause opens, a word the tagger reads
// as a verb right before a noun and a modal is that noun's modifier (nlpCorrections.ts
// retagCompoundModifiers), and a role written so is the compound (compoundRoles.ts). Sentences of our own.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { tagSentence } from '../../src/core/extract/nlp';

const posOf = (sentence: string, word: string) => tagSentence(sentence).find((t) => t.w === word)?.pos;

describe('extract tags: a modifier read as a verb before a noun and a modal', () => {
  it('is a noun after "only", an article or at the start of a clause', () => {
    assert.equal(posOf('Only tour guides may cancel a trip.', 'tour'), 'noun');
    assert.equal(posOf('Only race officers can publish results.', 'race'), 'noun');
  });

  it('stays a verb where it has a subject or follows a modal ("they can book rooms")', () => {
    assert.equal(posOf('Guests can book rooms and must pay a deposit.', 'book'), 'verb');
    assert.equal(posOf('Members book rooms.', 'book'), 'verb');
  });

  it('leaves participles to the readers of adjectives ("only closed polls can …")', () => {
    assert.notEqual(posOf('Only closed polls can be archived.', 'closed'), 'noun');
  });

  it('makes no record of the head alone ("only tour guides may …" names no Guide record)', () => {
    const spec = extractSpec('Hikers sign in and book trips. A trip has a date and a price. Only tour guides may cancel a trip.');
    assert.deepEqual(spec.entities.map((e) => e.name).sort(), ['Trip', 'User']);
  });
});

describe('extract roles: a compound role whose first word the tagger read as a verb', () => {
  it('is the compound in every use, also where it opens a clause after ";"', () => {
    const spec = extractSpec('Sailors sign in to enter races; race officers and the club secretary sign in too. A race has a date and a course. Only race officers can change a race.');
    assert.ok(spec.auth.kind === 'emailPassword');
    assert.ok(spec.auth.roles.includes('race_officer'), spec.auth.roles.join(', '));
    assert.ok(!spec.auth.roles.includes('officer'));
    const restricted = spec.rules.find((r) => r.kind === 'roleRequired' && r.entity === 'Race');
    assert.deepEqual(restricted && 'roles' in restricted ? restricted.roles : undefined, ['race_officer']);
  });
});
