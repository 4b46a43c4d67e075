// Who uses the app, read from what people do in it: "chefs can add recipes" (people the app lets make
// records sign in), "the receptionist checks guests in" (a staff role at work; the tagger's compound
// "receptionist checks" is a person and a verb), and "others can rate and comment" (opinions kept as
// records although no object is named).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { tagSentence } from '../../src/core/extract/nlp';

const roles = (text: string) => {
  const auth = extractSpec(text).auth;
  return auth.kind === 'emailPassword' ? [...auth.roles].sort() : [];
};
const names = (text: string) => extractSpec(text).entities.map((e) => e.name).sort();

describe('extract: people at work in the app', () => {
  it('"chefs can add recipes" signs the chefs in; "doctors write prescriptions", no "can", describes the work', () => {
    assert.deepEqual(roles('Chefs can add recipes. Each recipe has a title, a cooking time and a difficulty.'), ['admin', 'chef']);
    assert.deepEqual(roles('Tutors may publish courses. A course has a title and a price.'), ['admin', 'tutor']);
    assert.deepEqual(roles('Doctors write prescriptions. Each prescription has a date and a dose.'), []);
  });

  it('"tutors publish their courses": with "their", the records are theirs and the tutors sign in, whatever the modal', () => {
    assert.deepEqual(roles('Tutors publish their courses. Each course has a title and a price.'), ['admin', 'tutor']);
    assert.deepEqual(roles('Tutors publish courses. Each course has a title and a price.'), []);
  });

  it('an opinion verb with no object ("others can rate and comment") keeps the opinions as records', () => {
    assert.deepEqual(names('Members can post photos; others can rate and comment.'), ['Comment', 'Photo', 'Rating', 'User']);
    assert.deepEqual(names('Each song has a title. Listeners may vote.'), ['Song', 'Vote']);
    // ("a score and comment": a noun of a list of values, not a verb.)
    assert.deepEqual(names('Each review has a score and comment.'), ['Review']);
  });

  it('"the receptionist checks guests in": the staff role at work signs in, the guests stay records', () => {
    const text = 'The receptionist checks guests in. Each guest has a name, a phone number and a passport number.';
    assert.deepEqual(roles(text), ['admin', 'receptionist']);
    assert.ok(names(text).includes('Guest'));
  });

  it('after one person named with a determiner, an -s word before its object is the verb', () => {
    const pos = (text: string, word: string) => tagSentence(text).find((t) => t.w === word)?.pos;
    assert.equal(pos('The receptionist checks guests in.', 'checks'), 'verb');
    assert.equal(pos('The front desk clerk files the reports.', 'files'), 'verb');
    // ("customer orders" with no object after it is a compound.)
    assert.equal(pos('The customer orders are shipped.', 'orders'), 'noun');
  });
});
