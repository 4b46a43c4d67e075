// More ways people write a rule: each reads as rule language, so a clause no pattern turns into a
// rule is listed (partial / not understood), never mapped silently (issue #11). Each test owns its texts.
import * as assert from 'node:assert/strict';
import { ruleLanguage } from '../../src/core/extract/rules/clauses';
import { plainOf } from '../../src/core/extract/sentences';

const says = (text: string) => ruleLanguage(plainOf(text));

describe('extract rules: more wordings of a limit read as rule language (issue #11)', () => {
  it('places taken after a modal or a verb of holding, not a duration', () => {
    assert.equal(says('A class can take 12 people.'), 'a capacity limit');
    assert.equal(says('Each bus can transport 50 passengers.'), 'a capacity limit');
    assert.equal(says('Each trip allows 8 riders.'), 'a capacity limit');
    assert.equal(says('A hall seats eighty.'), 'a capacity limit');
    assert.equal(says('The trip takes 3 hours.'), undefined);
    assert.equal(says('The course takes 10 weeks.'), undefined);
  });

  it('a limit stated as a value, an end to taking more, no places left', () => {
    assert.equal(says("The tour's capacity is 30 people."), 'a capacity limit');
    assert.equal(says('capacity: 20'), 'a capacity limit');
    assert.equal(says('A workshop has a limited number of seats.'), 'a capacity limit');
    assert.equal(says('Once a course has 20 enrolments, no further enrolments are accepted.'), 'a capacity limit');
    assert.equal(says('When all seats are taken the flight is closed for booking.'), 'a capacity limit');
    assert.equal(says('A class fills up at 12.'), 'a capacity limit');
    assert.equal(says('Tables are for four people.'), 'a capacity limit');
    assert.equal(says('Kids go in groups of 8.'), 'a capacity limit');
    assert.equal(says('a 12-person class'), 'a capacity limit');
    assert.equal(says('We have 20 pitches.'), 'a capacity limit');
    assert.equal(says('We have 2 shops in town.'), undefined);
  });

  it('limits written as comparatives, symbols, abbreviations, counts per something and number-word ranges', () => {
    assert.equal(says('Each group can contain as many as 10 children.'), 'a capacity limit');
    assert.equal(says('The number of bookings is limited by the size of the room.'), 'a limit');
    assert.equal(says('No group is bigger than eight.'), 'a limit');
    assert.equal(says('≤ 12 people'), 'a limit');
    assert.equal(says('Max. 12 people'), 'a limit');
    assert.equal(says('cap 20, and that is firm'), 'a limit');
    assert.equal(says('classes 20 max'), 'a limit');
    assert.equal(says('12 per class'), 'a limit per something');
    assert.equal(says('12 kids/class'), 'a limit per something');
    assert.equal(says('Tours (name, date, 15 people)'), 'a limit per something');
    assert.equal(says('A team has three to five members.'), 'a range of values');
    assert.equal(says('it costs €10 per hour'), undefined);
    assert.equal(says('3 meals per day'), undefined);
    assert.equal(says('It takes 2 to 3 days to ship an order.'), undefined);
    assert.equal(says('The shop is open 9 to 5.'), undefined);
  });
});

describe('extract rules: more wordings of uniqueness, roles and owners read as rule language (issue #11)', () => {
  it('uniqueness: never repeated, one per record, unlike any other, an identifier of its own, already taken', () => {
    assert.equal(says('Serial numbers are not repeated.'), 'a uniqueness rule');
    assert.equal(says('Email addresses are one per account.'), 'a uniqueness rule');
    assert.equal(says('The username is checked against any other username.'), undefined);
    assert.equal(says('The code differs from every other code.'), 'a uniqueness rule');
    assert.equal(says('An email not used by anyone else.'), 'a uniqueness rule');
    assert.equal(says('Each order gets its own order number.'), 'a uniqueness rule');
    assert.equal(says('Each student receives a personal student number.'), 'a uniqueness rule');
    assert.equal(says('Every bike has a frame number that identifies it.'), 'a uniqueness rule');
    assert.equal(says('Members have different emails.'), 'a uniqueness rule');
    assert.equal(says('no dupes on emails'), 'a uniqueness rule');
    assert.equal(says('Usernames that are already taken are refused.'), 'a uniqueness rule');
    assert.equal(says('The ISBN serves as the identifier.'), 'a uniqueness rule');
    assert.equal(says('Every household registers once.'), 'a uniqueness rule');
    assert.equal(says('Once a year we audit the books.'), undefined);
    assert.equal(says('Each order belongs to one customer.'), undefined);
  });

  it('roles: a permission or right, an approval needed, exclusive to, everyone except', () => {
    assert.equal(says('Admins have permission to delete users.'), 'a restriction ("only")');
    assert.equal(says('Managers are allowed to close projects.'), 'a restriction ("only")');
    assert.equal(says('Admin approval is needed to publish an event.'), 'a restriction ("only")');
    assert.equal(says('Purchases need the sign-off of a manager.'), 'a restriction ("only")');
    assert.equal(says('Refunds go to the manager for approval.'), 'a restriction ("only")');
    assert.equal(says('Editing is exclusive to editors.'), 'a restriction ("only")');
    assert.equal(says('Everyone except trainees can edit stock.'), 'a restriction ("only")');
    assert.equal(says('Staff manage the inventory.'), undefined);
    assert.equal(says('When the company asks for approval, it may be refused.'), undefined);
    assert.equal(says('In this stage no consent is necessary.'), undefined);
  });

  it('owners: the one who made the record, what they submitted, what is assigned to them; an order of dates by a verb', () => {
    assert.equal(says('A post can be changed by the person who wrote it.'), 'an ownership rule');
    assert.equal(says('A tenant sees the requests he submitted.'), 'an ownership rule');
    assert.equal(says('Cleaners see the rooms assigned to them.'), 'an ownership rule');
    assert.equal(says('The end date follows the start date.'), 'an order in time');
    assert.equal(says('An order is shipped by courier.'), undefined);
  });
});
