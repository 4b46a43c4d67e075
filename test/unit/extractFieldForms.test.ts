// Field-list forms of issue #11's public gold, one test per form (each fails without its rule).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { parseItems } from '../../src/core/extract/fields';

const fieldsOf = (text: string, entity: string): string[] => extractSpec(text).entities.find((e) => e.name === entity)?.fields.map((f) => f.name) ?? [];

describe('extract fields: list forms', () => {
  it('a singular possessive value in a list is the owner\'s next field ("a user name, their email address and a phone")', () => {
    assert.deepEqual(fieldsOf('Guests can sign up as a member with a unique nickname, their email address and a phone number.', 'Member'), ['nickname', 'emailAddress', 'phoneNumber']);
    // A plural possessive with a list of its own still starts the next record.
    assert.deepEqual(fieldsOf('We need owners with address and phone, their pets (name, birth date, type), and visits of a pet.', 'Owner'), ['address', 'phone']);
    // So does a possessive clause: "its lines say which plant".
    assert.deepEqual(fieldsOf('An invoice has a number, a due date and a total, and its rows say which article and how many.', 'Invoice'), ['number', 'dueDate', 'total']);
  });
});

describe('extract fields: values kept for a record', () => {
  it('"the patient\'s information including their …": the possessor\'s values, by example', () => {
    assert.deepEqual(fieldsOf('A tenant rents a flat. The lease must also show the tenant\'s details including their bank account, first name and date of birth.', 'Tenant'), ['bankAccount', 'firstName', 'dateOfBirth']);
  });

  it('"they fill in a form with their personal information (i.e., …)": the values of the clause\'s subject', () => {
    assert.deepEqual(fieldsOf('Members borrow books. When new members join the club, they first fill in a form with their personal details (i.e., name, phone and date of birth).', 'Member'), ['name', 'phone', 'dateOfBirth']);
  });

  it('"the following information is recorded on each user: a, b" names the record after "on"', () => {
    assert.deepEqual(fieldsOf('Boats are rented by the hour. The following information is recorded on each boat: a hull number, a length and a colour.', 'Boat'), ['hullNumber', 'length', 'colour']);
  });
});

describe('extract fields: values added with "also"', () => {
  it('"the X is also stored" with no owner adds X to the record the sentence before is about', () => {
    const text = 'A gym has an address. A locker rental is identified by a code, and it is noted which member rents it. In addition, the deposit amount is also stored.';
    assert.deepEqual(fieldsOf(text, 'LockerRental'), ['code', 'depositAmount']);
    // Plural things, a value of another record and a clause are not added.
    for (const sentence of ['The reviews are also stored.', 'The name of the gym is also stored.', 'The date the member can enter is also stored.']) {
      assert.deepEqual(fieldsOf(`A gym has an address. A locker rental is identified by a code. ${sentence}`, 'LockerRental'), ['code'], sentence);
    }
  });
});

describe('extract fields: a value described by a relative clause', () => {
  it('"the X, which … of a Y, is also stored" is a field X of Y, not the words the clause explains it with', () => {
    const text = 'Journals are published by publishers. Each journal has a title. The impact factor, which measures the scientific impact of a journal is also stored.';
    assert.deepEqual(fieldsOf(text, 'Journal'), ['title', 'impactFactor']);
    // With no record in the clause, the value is the record's the text is about.
    assert.deepEqual(fieldsOf('Each article has a title. The review score, which the editors give, is also recorded.', 'Article'), ['title', 'reviewScore']);
  });
});

describe('extract fields: yes/no questions', () => {
  it('"whether or not it is a self-service fuel pump" is a flag of the record the question names', () => {
    const text = 'Each marina has a name and an address. It also has a number of boat berths, each of which is identified by a number. It is also noted whether or not it is a covered boat berth.';
    assert.deepEqual(fieldsOf(text, 'BoatBerth'), ['number', 'covered']);
    assert.deepEqual(fieldsOf(text, 'Marina'), ['name', 'address']);
  });

  it('gives the same flag the second time the text is read (the tags it asks about are shared, never changed)', () => {
    const text = 'Each marina has a name and an address. It also has a number of berths, each of which is identified by a number. It is also noted whether or not it is a deep-water visitor berth.';
    assert.deepEqual(fieldsOf(text, 'Berth'), ['number', 'deepWater']);
    assert.deepEqual(fieldsOf(text, 'Berth'), ['number', 'deepWater']);
  });
});

describe('extract fields: counted plurals', () => {
  it('"a number of lives" counts lives, not "lives" read as a verb ("liveCount")', () => {
    assert.deepEqual(fieldsOf('Players fight monsters. Monsters have a number of lives and a speed.', 'Monster'), ['lifeCount', 'speed']);
  });
});

describe('extract fields: participle lists', () => {
  it('"sensor readings (recording the measured value and the timestamp)": "recording" lists the values like "records"', () => {
    assert.deepEqual(fieldsOf('Each weather station periodically sends station readings (recording the air pressure and the timestamp).', 'StationReading'), ['airPressure', 'timestamp']);
  });
});

describe('extract fields: the writer keeps their values', () => {
  it('"I employ drivers and mechanics. I need to store their names and licence numbers": the values of the records the writer named', () => {
    const text = 'A bus company plans routes. Our notes: we employ around 40 drivers and 5 mechanics. We need to be able to store their names and licence numbers.';
    assert.deepEqual(fieldsOf(text, 'Mechanic'), ['name', 'licenceNumber']);
  });
});

describe('extract fields: words that never name a value', () => {
  it('a pronoun or a joining adverb is no field ("his/her rating", "and thus", "e.g.", "the latter")', () => {
    const names = (text: string) => parseItems(text).map((i) => i.words.join(' '));
    assert.deepEqual(names('the price, his/her reliability rating'), ['price', 'reliability rating']);
    assert.deepEqual(names('a name, and thus a code'), ['name']);
    const text = 'A chain runs pizza shops. Each pizza has a price. While two pizzas from different shops may have the same name, they differ as the taste will be different, and thus should be kept apart.';
    assert.deepEqual(fieldsOf(text, 'Pizza'), ['price', 'name']);
    // What follows "e.g.," or "for example," is an example of the value, not another value.
    assert.deepEqual(names('the same price, e.g., a pizza margarita from a shop'), ['price']);
    assert.deepEqual(names('a name, for example, a nickname'), ['name']);
    // "my", "our", "your" open a value's name like "their": "I want to store my name and my phone number".
    assert.deepEqual(names('my name, our phone number'), ['name', 'phone number']);
  });
});
