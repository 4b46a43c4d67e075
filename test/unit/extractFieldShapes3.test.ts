// More sentence shapes that state a record's values: a value added with "also" after a sentence
// about a record named by an adjective and a noun ("A monthly fee is …. The amount per session is
// also noted"), "…, with each team having a name and a city". Each test owns its texts.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { fieldsOf, listsOf } from '../shared/fieldStatements';

describe('extract fields: a value added with "also" after a sentence about "a monthly fee"', () => {
  it('the record the sentence before is about is the one its adjective and noun name', () => {
    assert.deepEqual(fieldsOf('The club keeps members. A monthly fee is identified by a month and a member. The amount per session is also noted.', 'MonthlyFee').sort(), ['amountPerSession', 'month']);
  });
});

describe('extract fields: "…, with each team having a name and a city"', () => {
  it('the record named again after "with each" has the values after the verb', () => {
    assert.deepEqual(listsOf('A league consists of any number of teams, with each team having a name and a city.'), ['league: teams']);
    assert.deepEqual(fieldsOf('A league consists of any number of teams, with each team having a name and a city.', 'Team').sort(), ['city', 'name']);
    assert.ok(!fieldsOf('A league consists of any number of teams, with each team having a name and a city.', 'League').includes('city'), 'the city is not the league\'s');
  });

  it('also when the list\'s own subject is no record ("the score table", a value of the quiz night)', () => {
    const spec = extractSpec('A quiz night has a date, a host and a score table. The score table consists of any number of rounds, with each round containing a theme and the bonus value. A round can be a picture round.');
    assert.ok(!spec.entities.some((e) => e.name === 'ScoreTable'), 'the score table is a value here');
    assert.deepEqual(spec.entities.find((e) => e.name === 'Round')?.fields.filter((f) => f.sources.length).map((f) => f.name).sort(), ['bonusValue', 'theme']);
  });
});

describe('extract fields: a record described by phrases with no comma between them ("a booking is for one dog on one date")', () => {
  it('a preposition with "a"/"an"/"one" right after the phrase before starts the next phrase', () => {
    assert.deepEqual(listsOf('A lesson is for one pupil on a set day, with an optional note for the teacher.'), ['lesson: pupil, set day, note']);
    assert.deepEqual(listsOf('A lesson is for one pupil, on a set day, with an optional note for the teacher.'), ['lesson: pupil, set day, note'], 'with commas, unchanged');
    assert.deepEqual(listsOf('A shuttle is from a terminal to a hotel.'), [], 'a route, no when');
    const spec = extractSpec('Parents enrol pupils. A lesson is for one pupil on a set day, with an optional note for the teacher. Each pupil has a name.');
    assert.deepEqual(spec.entities.find((e) => e.name === 'Lesson')?.fields.filter((f) => f.sources.length).map((f) => f.name).sort(), ['note', 'setDay']);
  });

  it('a long row of phrases that ends in a clause is read at once (no backtracking without end)', () => {
    const row = `A visit is for a patient${' on a day in a room'.repeat(14)}, which the nurse plans.`;
    const started = Date.now();
    assert.deepEqual(listsOf(row).filter((l) => l.startsWith('visit:')), []);
    assert.ok(Date.now() - started < 1000, 'read in well under a second');
  });
});

describe('extract fields: a value named by a compound after the record\'s name ("the total bill amount")', () => {
  it('the value word after a known record\'s name is that record\'s value; a describing word before the name stays in it', () => {
    assert.deepEqual(fieldsOf('Each bill has a due date and belongs to a tenant. Depending on the total bill amount, a tenant can pay in instalments.', 'Bill'), ['dueDate', 'totalAmount']);
    assert.ok(fieldsOf('Guests make bookings at the hostel. A guest can see the booking status at any time.', 'Booking').includes('status'));
  });

  it('a field already named with the compound is not made twice, and a noun before the record or a parenthesis makes no value', () => {
    const spec = extractSpec('Each wallet has a wallet number and a current wallet balance. Owners can see the current wallet balance.');
    assert.deepEqual(spec.entities.find((e) => e.name === 'Wallet')?.fields.filter((f) => /balance/i.test(f.name)).map((f) => f.name), ['currentWalletBalance']);
    assert.ok(!fieldsOf('Parents register children. Teachers record attendance for each child (date, arrival time).', 'Child').includes('date'), 'the date is in the parenthesis, not the child\'s');
  });
});
